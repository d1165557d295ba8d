"""MkDocs hook (fast path, shortcut `fork`): pages are rendered on every core.

MkDocs renders pages one after the other; the theme (Material's base.html, nav, header) costs ~4 ms a
page, so 100,000 letter pages cost minutes on one core. After every page is read (on_env), the build
forks one child per extra core; each child renders every n-th page with the same config, navigation and
theme environment (inherited by fork) and exits; the parent renders the rest, skipping the children's
pages through an empty template (MkDocs writes no file for an empty page), and waits for them in
on_post_build. A child's warning or error fails the build, as in strict mode. Processes: one per core
with at least MIN_PAGES_PER_WORKER pages each, or CONGKHAI_BUILD_WORKERS (any page count: tests fork small sites).
MkDocs internals (pinned versions, `generator/site/mkdocs/__init__.py`): `mkdocs.commands.build._build_page`,
and MkDocs skipping a page whose output is empty.
"""

from __future__ import annotations

import os

from generator.parallel import os_error_exit, raise_os_error, reap, workers

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
    least = 1 if os.environ.get("CONGKHAI_BUILD_WORKERS") else MIN_PAGES_PER_WORKER  # a count asked for is kept
    count = min(workers(), len(pages) // least) if hasattr(os, "fork") else 1
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
