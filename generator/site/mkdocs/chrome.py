"""MkDocs hook (fast path, shortcut `chrome`): the theme's shared chrome is rendered once per shape, not per page.

Material renders the navigation drawer, the header tabs and the `__config` script on every page:
~65 % of its per-page time, and the same bytes for every page outside the navigation (letters,
agency pages, listings, reports: no item active, no table of contents) whose relative links are the
same. For such pages `on_page_context` gives the page a key (the relative base URL and the relative
URL of every navigation page, the template, the `hide` list);
overrides/main.html renders those blocks through `chrome_keep` the first time a key is seen and
reuses the result afterwards. Pages in the navigation, or with a table of contents, render as usual.
Without this hook (the public path) `chrome_keep` is undefined and the template renders `super()`.
Material internals (pinned versions, `generator/site/mkdocs/__init__.py`): the names and contents of
base.html's `tabs`, `site_nav` and `config` blocks, and what they depend on (nav, page, base_url, meta).
"""

from __future__ import annotations

from markupsafe import Markup

_state: dict = {"nav_pages": frozenset(), "kept": {}}


def chrome_keep(block: str, key: str | None, render) -> Markup:
    """The block's HTML for `key`, rendered by `render()` only the first time (no key: always rendered)."""
    if not key:
        return Markup(render())
    kept = _state["kept"]
    full = f"{block}\x00{key}"
    if full not in kept:
        kept[full] = Markup(render())
    return kept[full]


def on_nav(nav, config, files):
    """Remember which pages are in the navigation (their chrome shows them active)."""
    _state["nav_pages"] = frozenset(id(page) for page in nav.pages)
    _state["kept"] = {}
    return nav


def on_env(env, config, files):
    env.globals["chrome_keep"] = chrome_keep
    return env


def on_page_context(context, page, config, nav):
    """Key the page's shared chrome when it is the same for every page of its shape."""
    from mkdocs.utils import normalize_url

    page.congkhai_chrome = None
    if id(page) not in _state["nav_pages"] and not page.is_homepage and not list(page.toc):
        links = [normalize_url(target.url, page) for target in nav.pages]
        page.congkhai_chrome = "\x00".join([str(context.get("base_url", "")), *links,
                                            str(page.meta.get("template", "")), str(page.meta.get("hide", ""))])
    return context
