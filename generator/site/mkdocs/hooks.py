"""MkDocs hook: generated pages skip the Markdown conversion (their body is one block of escaped HTML).

Every page the generator writes (`render.common.write_page`) is front matter plus one raw HTML block
that Python-Markdown would pass through unchanged, but only after running its HTML block parser over
it, which costs ~40 ms for a 100 KB report page (95 % of a build of 1,000 letters). Here such a page's
Markdown is replaced by a tiny placeholder; the body is read again from the docs file when the page is
written (`on_post_page`) and put in the placeholder's place. So the output is what Markdown would give,
and no page body is held in memory between reading and writing (100,000 letter pages stay light).
Pages with real Markdown (the search page, hand-written pages) go through Markdown as usual.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from generator.parallel import os_error_exit, raise_os_error, reap, workers

PLACEHOLDER = "<!-- congkhai:body -->"
PLACEHOLDER_H1 = "<!-- congkhai:body <h1> -->"  # Material adds the title as <h1> unless "<h1" is in the content
_FIRST_TAG = re.compile(r"<(div|section|table|nav|main|article)[\s>]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def is_raw_block(markdown: str) -> bool:
    """True when `markdown` is one raw HTML block Markdown passes through verbatim (a block-level start tag,
    no blank line, no Markdown around it)."""
    body = markdown.strip()
    return bool(_FIRST_TAG.match(body)) and _BLANK_LINE.search(body) is None and body.endswith(">")


def is_raw_page(text: str) -> bool:
    """True when the docs file `text` (front matter + body) is one whose body skips Markdown here."""
    return is_raw_block(_body(text))


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace a generated page's raw HTML body by a placeholder (the body stays on disk until written)."""
    if is_raw_block(markdown):
        page.congkhai_raw = PLACEHOLDER_H1 if "<h1" in markdown else PLACEHOLDER
        page.render = functools.partial(_render_placeholder, page)  # this page only (shadows Page.render)
        return page.congkhai_raw
    return markdown


def _render_placeholder(page, config, files) -> None:
    """Page.render for a placeholder page: what Markdown makes of a lone HTML comment, without building a
    Markdown instance with its extensions for the page (~1.4 ms a page: 20 % of MkDocs' time)."""
    from mkdocs.structure.toc import get_toc

    page.content = page.markdown  # a comment block passes through Python-Markdown unchanged
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _body(text: str) -> str:
    """A generated page's body: the text after its one-line JSON front matter (YAML's get_data otherwise)."""
    if text.startswith("---\n{"):
        end = text.find("\n", 4)
        if end > 0 and text.startswith("---\n", end + 1):
            return text[end + 5:]
    body, _ = get_data(text)
    return body


def on_post_page(output: str, page, config) -> str:
    """Put the page's body (read again from its docs file) where the placeholder was rendered."""
    placeholder = getattr(page, "congkhai_raw", None)
    if placeholder is None or page.meta.get("template") == SKIP_TEMPLATE:
        return output
    body = _body(Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
    head, found, tail = output.partition(placeholder)
    if not found:
        raise RuntimeError(f"congkhai: body placeholder missing in {page.file.src_uri}")
    return head + body.strip() + tail


# --- pages rendered on every core ------------------------------------------------------------------
# MkDocs renders pages one after the other; the theme (Material's base.html, nav, header) costs ~4 ms a
# page, so 100,000 letter pages cost minutes on one core. After every page is read (on_env), the build
# forks one child per extra core; each child renders every n-th page with the same config, navigation
# and theme environment (inherited by fork) and exits; the parent renders the rest, skipping the
# children's pages through an empty template, and waits for them in on_post_build. A child's warning
# or error fails the build, as in strict mode.

SKIP_TEMPLATE = "congkhai-rendered-elsewhere.html"
MIN_PAGES_PER_WORKER = 200
_state: dict = {"nav": None, "children": []}


def on_nav(nav, config, files):
    """Keep the navigation: the children render pages with it."""
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    """Fork the page-rendering children (pages are all read by now); the parent skips their pages."""
    from jinja2 import ChoiceLoader, DictLoader
    from mkdocs.structure.files import InclusionLevel

    _state["children"] = []
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    pages = [f.page for f in doc_files if f.page is not None]
    count = min(workers(), len(pages) // MIN_PAGES_PER_WORKER) if hasattr(os, "fork") else 1
    if count < 2:
        return env
    for share in range(1, count):
        pid = os.fork()
        if pid == 0:  # the child: render its share, never return into MkDocs
            code = 1
            try:
                code = _render_share(pages[share::count], config, doc_files, _state["nav"], env)
            finally:
                os._exit(code)
        _state["children"].append(pid)
    for share in range(1, count):
        for page in pages[share::count]:
            page.meta = {**page.meta, "template": SKIP_TEMPLATE}
    env.loader = ChoiceLoader([DictLoader({SKIP_TEMPLATE: ""}), env.loader])
    return env


def _render_share(pages, config, doc_files, nav, env) -> int:
    """Render and write `pages` in a child; 0 when done without any warning."""
    import logging
    import traceback

    from mkdocs.commands.build import _build_page

    class Count(logging.Handler):
        seen = 0

        def emit(self, record: logging.LogRecord) -> None:
            Count.seen += 1

    counter = Count(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        for page in pages:
            _build_page(page, config, doc_files, nav, env)
    except OSError as exc:  # a full disk: the build says so (parallel.raise_os_error), no traceback
        code = os_error_exit(exc)
        if code == 1:
            traceback.print_exc()
        return code
    except BaseException:
        traceback.print_exc()
        return 1
    return 1 if Count.seen else 0


def _reap(kill: bool) -> list[int]:
    """Wait for the children (killing them first when `kill`); their exit codes."""
    children, _state["children"] = _state["children"], []
    return reap(children, kill=kill)


def on_post_build(config):
    """Wait for the children; any failure fails the build."""
    from mkdocs.exceptions import PluginError

    codes = _reap(kill=False)
    raise_os_error(codes)
    if any(codes):
        raise PluginError(f"congkhai: a page-rendering process failed (exit codes {codes})")


def on_build_error(error):
    """The build failed in the parent: stop the children."""
    _reap(kill=True)
