"""MkDocs side of the incremental build: pages whose inputs did not change are taken from the previous site.

`build.py` sets a `Plan` (`set_plan`) before MkDocs runs: the previous site and the docs-relative pages
whose Markdown bytes are those the previous site was built from (with the same chrome: config, theme,
code). MkDocs still sees every file of the docs folder (navigation and links resolve as in a full build),
but a planned page is neither read nor rendered: it gets a `_Reused` page (no source read, nothing
rendered), and once every page is read (`on_env`, before hooks.py forks its renderers) it leaves MkDocs'
file list and its previous HTML is hard-linked into the new site. The docs folder's other files are
hard-linked too (MkDocs would copy the same bytes). `sitemap.xml` (+ `.gz`), which lists every page, is
rendered again at the end from the whole file list, as MkDocs renders it. No plan: a full build.
The hook file MkDocs loads is `reuse_hook.py` (it imports this module, so the plan set here is seen); it
runs on the fast path only, first of the hooks. MkDocs internals (pinned versions, `__init__.py`): `Page`'s
`__init__`/`read_source`/`render` and their effects, `Files.remove`, `commands.build._build_theme_template`, and
`commands.build._populate_page` (replaced during the run by one that skips reused pages).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.site.mkdocs.rawpage import is_generated_raw_page
from generator.site.skips import page_html_path

_state: dict = {"plan": None, "files": None, "nav": None, "env": None, "carried": None, "build_date": "",
                "populate": None}


@dataclass(frozen=True)
class Plan:
    """Pages (docs-relative `.md`) to take from `previous_site`; `site_files`: that site's file list when the
    build has it (site-relative paths; else each page's file is looked for on disk)."""

    previous_site: Path
    pages: frozenset[str]
    site_files: Mapping[str, int] | None = None

    def has(self, rel: str) -> bool:
        """Whether the previous site has the file `rel`."""
        if self.site_files is not None:
            return rel in self.site_files
        return (self.previous_site / rel).is_file()


@contextmanager
def planned(plan: Plan | None) -> Iterator[list[str]]:
    """The plan of the MkDocs run inside (None: render everything); yields the list that receives the site
    files of the reused pages (not written: the build carries them from the previous site)."""
    carried: list[str] = []
    _state.update(plan=plan, carried=carried)
    try:
        yield carried
    finally:
        _state.update(plan=None, files=None, nav=None, env=None, carried=None)
        if _state.get("populate") is not None:
            from mkdocs.commands import build as mkdocs_build

            mkdocs_build._populate_page, _state["populate"] = _state["populate"], None


def _populate(page, config, files, dirty: bool = False) -> None:
    """MkDocs' `_populate_page` (read, then render, with the page events), but nothing for a reused page: it
    is neither read nor rendered (its events would cost ~30 µs each, ~14,000 pages at 10,000 letters)."""
    if isinstance(page, _reused_page_class()):
        return
    _state["populate"](page, config, files, dirty)


def reuse_plan(previous_site: Path, pages, overrides, site_files: Mapping[str, int] | None = None) -> Plan:
    """The plan for `pages` (unchanged since the previous build): without the navigation's pages, which are
    always rendered (their titles and links are part of every page's chrome)."""
    return Plan(Path(previous_site), frozenset(pages) - _nav_paths(overrides.get("nav") or []), site_files)


def nav_pages(overrides) -> frozenset[str]:
    """The pages of the navigation of `overrides` (config_overrides): always rendered by MkDocs."""
    return frozenset(_nav_paths(overrides.get("nav") or []))


def reusable_text(text: str) -> bool:
    """Whether a docs file may be taken from the previous site: a generated page of one raw HTML block
    (a Markdown page's anchors are checked by MkDocs against the pages it links to)."""
    return is_generated_raw_page(text)


def _link(source: str | Path, target: str, made: set[str] | None = None) -> None:
    """Hard-link `source` to `target` (else copy), making its folder unless `made` says it exists."""
    folder = os.path.dirname(target)
    if made is None or folder not in made:
        os.makedirs(folder, exist_ok=True)
        if made is not None:
            made.add(folder)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@functools.cache
def _reused_page_class():
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc

    class Reused(Page):
        """A page whose HTML is the previous site's: nothing read, nothing rendered. It is made for ~14,000
        pages at 10,000 letters, so it sets only what MkDocs reads of a page it neither reads nor renders (the
        navigation links, the sitemap's URL and date: `Page.__init__` without the edit URL, `urljoin` only
        for a URL that is not a plain relative path)."""

        def __init__(self, title, file, config) -> None:
            file.page = self
            self.file = file
            if title is not None:
                self.title = title
            self.children = self.previous_page = self.next_page = None
            self.active = False
            self.update_date = _state["build_date"]  # get_build_date(), once a build (on_files)
            base, path = _site_url(config.get("site_url", None))
            url = self.url
            if base is None:
                self.canonical_url = self.abs_url = None
            elif _PLAIN_URL.fullmatch(url):  # what urljoin(base, url) gives, base ending in "/"
                self.canonical_url, self.abs_url = base + url, path + url
            else:
                self._set_canonical_url(base)
            self.edit_url = None  # never shown: the page is not rendered
            # what read_source and render leave (MkDocs' page loop skips them for this page: `_populate`)
            self.markdown, self.meta, self.content, self.toc = "", {}, "", get_toc([])
            self._title_from_render = None
            self.present_anchor_ids, self.links_to_anchors = set(), {}

        def read_source(self, config) -> None:
            self.markdown, self.meta = "", {}

        def render(self, config, files) -> None:
            self.content, self.toc = "", get_toc([])
            self._title_from_render = None
            self.present_anchor_ids, self.links_to_anchors = set(), {}

    return Reused


_PLAIN_URL = re.compile(r"(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*/)*(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)?")  # no ".", "/", "?", "#" first


@functools.lru_cache(maxsize=4)
def _site_url(base: str | None) -> tuple[str | None, str]:
    """(site_url ending in "/", its path), as Page._set_canonical_url takes them; (None, "") without one."""
    if not base:
        return None, ""
    from urllib.parse import urlsplit

    base = base if base.endswith("/") else base + "/"
    return base, urlsplit(base).path


def _nav_paths(items) -> set[str]:
    """Every docs path named in a `nav` config value (labels → paths, sections → lists)."""
    if isinstance(items, str):
        return {items}
    if isinstance(items, dict):
        items = list(items.values())
    return set().union(*map(_nav_paths, items)) if isinstance(items, list) else set()


def _walk_key(src_uri: str) -> list[str]:
    """Where MkDocs' docs-folder walk (`get_files`: folders sorted, a folder's files before its subfolders,
    `index` first) puts `src_uri`: a page added without a docs file takes the place it would have had. As a
    list of strings (compared as tuples are): a folder "\x01<name>", then the file "\x00" + "0" for an index
    or README, else "1", + its name (~14,000 files sorted at 10,000 letters)."""
    parts = src_uri.split("/")
    name = parts[-1]
    key = ["\x01" + folder for folder in parts[:-1]]
    key.append(("\x000" if os.path.splitext(name)[0] in ("index", "README") else "\x001") + name)
    return key


def on_files(files, config):
    """Give every planned page whose previous HTML exists a `Reused` page; pages of the navigation (their
    titles and links are the chrome of every page) are always rendered, and nothing is reused without an
    explicit `nav`. A planned page with no file in the docs folder (the render placed nothing for it:
    site/skips.py) is added as a generated file, in the place the docs-folder walk gives it."""
    plan = _state["plan"]
    _state["files"] = None
    if plan is None or not config.nav:
        return files
    from mkdocs.structure.files import File, Files, set_exclusions

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.utils import get_build_date

    _state["build_date"] = get_build_date()
    if _state.get("populate") is None:  # put back when the run ends (`planned`)
        _state["populate"], mkdocs_build._populate_page = mkdocs_build._populate_page, _populate
    reused, in_nav = _reused_page_class(), _nav_paths(config.nav)
    present = {file.src_uri for file in files}
    virtual = [File.generated(config, src, content="") for src in sorted(plan.pages - present - in_nav)
               if plan.has(page_html_path(src))]
    if virtual:
        set_exclusions(virtual, config)
        files = Files(sorted([*files, *virtual], key=lambda file: _walk_key(file.src_uri)))
    for file in files.documentation_pages():
        if file.src_uri in plan.pages and file.src_uri not in in_nav \
                and plan.has(file.dest_uri):
            reused(None, file, config)
    return files


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    """Take reused pages and the docs folder's other files out of MkDocs' list: the pages are carried from the
    previous site (listed for the build), the other files linked from the docs folder into the site."""
    plan = _state["plan"]
    if plan is None:
        return env
    from mkdocs.structure.files import Files

    reused = _reused_page_class()
    _state["files"], _state["env"] = Files(list(files)), env
    docs_dir = os.path.abspath(config.docs_dir)
    made: set[str] = set()  # folders made in the new site (one makedirs each, not one per file)
    for file in list(files):
        page = file.page
        if isinstance(page, reused):
            _state["carried"].append(file.dest_uri)
            files.remove(file)
        elif page is None and not file.is_documentation_page() and file.abs_src_path \
                and os.path.abspath(file.src_dir or "") == docs_dir:
            _link(file.abs_src_path, file.abs_dest_path, made)
            files.remove(file)
    return env


def on_post_build(config):
    """Render sitemap.xml again over every page (MkDocs rendered it over the pages left in its list)."""
    if _state["plan"] is None or _state["files"] is None:
        return
    from mkdocs.commands.build import _build_theme_template

    _build_theme_template("sitemap.xml", _state["env"], _state["files"], config, _state["nav"])
    _state["files"] = _state["env"] = None
