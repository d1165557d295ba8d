"""MkDocs hook (fast path, shortcut `markdown`): generated pages skip the Markdown conversion.

Every page the generator writes (`site.common.write_page`) is front matter plus one raw HTML block that
Python-Markdown would pass through unchanged, but only after running its HTML block parser over it, which
costs ~40 ms for a 100 KB report page. Here such a page's Markdown is replaced by a tiny placeholder and
`page.render` by what Markdown makes of that placeholder (no Markdown instance with its extensions per
page); the body is read again from the docs file when the page is written (`on_post_page`) and put in the
placeholder's place. So the output is what Markdown would give, and no page body is held in memory
between reading and writing (100,000 letter pages stay light). Pages with real Markdown (the search
page, hand-written pages) go through Markdown as usual.
MkDocs internals (pinned versions, `generator/site/mkdocs/__init__.py`): `Page.render`'s effects
(`content`, `toc`, `_title_from_render`, `present_anchor_ids`, `links_to_anchors`), `mkdocs.structure.toc.get_toc`.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.utils.meta import get_data

from generator.site.mkdocs.rawpage import is_raw_block, json_front_body

PLACEHOLDER = "<!-- congkhai:body -->"
PLACEHOLDER_H1 = "<!-- congkhai:body <h1> -->"  # Material adds the title as <h1> unless "<h1" is in the content


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
    body = json_front_body(text)
    if body is not None:
        return body
    body, _ = get_data(text)
    return body


def on_post_page(output: str, page, config) -> str:
    """Put the page's body (read again from its docs file) where the placeholder was rendered. A page
    rendered to nothing (one another process renders: fork.py) is left empty: MkDocs does not write it."""
    placeholder = getattr(page, "congkhai_raw", None)
    if placeholder is None or not output:
        return output
    body = _body(Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
    head, found, tail = output.partition(placeholder)
    if not found:
        raise RuntimeError(f"congkhai: body placeholder missing in {page.file.src_uri}")
    return head + body.strip() + tail
