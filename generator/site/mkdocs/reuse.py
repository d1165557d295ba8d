"""MkDocs side of the incremental build: pages whose inputs did not change are taken from the previous site.

`build.py` sets a `Plan` (`set_plan`) before MkDocs runs: the previous site and the docs-relative pages
whose Markdown bytes are those the previous site was built from (with the same chrome: config, theme,
code). A planned page is kept out of MkDocs altogether (`on_files`): it is neither read nor rendered, no
`File` or `Page` is made for it (~14,000 at 10,000 letters), and its previous HTML is carried into the new
site by the build (`carried`). Nothing MkDocs does for the other pages reads it: the navigation's pages are
always rendered (never planned), the generated pages are raw HTML whose links MkDocs does not resolve, and
a Markdown page linking to a planned page (tim-kiem/ links to none) would fail the strict build, never pass
silently. The docs folder's other files are hard-linked (MkDocs would copy the same bytes). `sitemap.xml`
(+ `.gz`), which lists every page, is rendered again at the end over MkDocs' pages and the planned ones, in
the docs-folder walk's order, with the URLs and date `Page` gives them (`_Taken`). No plan: a full build.
The hook file MkDocs loads is `reuse_hook.py` (it imports this module, so the plan set here is seen); it
runs on the fast path only, first of the hooks. MkDocs internals (pinned versions, `__init__.py`): how
`File` and `Page` make a page's URLs (`_Taken`), `Files.remove`, `commands.build._build_theme_template`.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as urlquote
from urllib.parse import urljoin, urlsplit

from generator.site.mkdocs.rawpage import is_generated_raw_page

_state: dict = {"plan": None, "files": None, "nav": None, "env": None, "carried": None, "taken": ()}


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
        _state.update(plan=None, files=None, nav=None, env=None, carried=None, taken=())


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


class _Taken:
    """A planned page as the sitemap reads it (`file.page.…`): the URLs and date `File` and `Page` give a page
    of `src_uri` (`Page.__init__`, `_set_canonical_url`; tested against them for every kind of URL and
    site_url), without making either (~14,000 at 10,000 letters)."""

    __slots__ = ("abs_url", "canonical_url", "dest_uri", "src_uri", "update_date", "url")
    is_link = False

    def __init__(self, src_uri: str, use_directory_urls: bool, site_url: str | None, update_date: str) -> None:
        self.src_uri = src_uri
        self.dest_uri = dest = _dest_uri(src_uri, use_directory_urls)
        folder, name = posixpath.split(dest)
        url = urlquote((folder or ".") + "/" if use_directory_urls and name == "index.html" else dest)
        self.url = url = "" if url in (".", "./") else url
        base, path = _site_url(site_url)
        if base is None:
            self.canonical_url = self.abs_url = None
        elif _PLAIN_URL.fullmatch(url):  # what urljoin(base, url) gives, base ending in "/"
            self.canonical_url, self.abs_url = base + url, path + url
        else:
            self.canonical_url = urljoin(base, url)
            self.abs_url = urlsplit(self.canonical_url).path
        self.update_date = update_date

    @property
    def page(self) -> _Taken:
        return self


def _dest_uri(src_uri: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the page of `src_uri` (`File.dest_uri`: 'a/b.md' -> 'a/b/index.html', index and
    README -> 'index.html'; 'a/b.html' without directory URLs)."""
    folder, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        return posixpath.join(folder, stem + ".html")
    return posixpath.join(folder, stem, "index.html")


class _SitemapPages(list):
    """The pages the sitemap lists, where `_build_theme_template` takes a `Files` (its context's `pages`, and
    `documentation_pages()` for the `.gz` timestamp)."""

    def documentation_pages(self) -> list:
        return list(self)


# a relative URL urljoin leaves as it is: segments that do not start with ".", no "/", "?" or "#" first
_PLAIN_URL = re.compile(r"(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*/)*(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)?")


@functools.lru_cache(maxsize=4)
def _site_url(base: str | None) -> tuple[str | None, str]:
    """(site_url ending in "/", its path), as Page._set_canonical_url takes them; (None, "") without one."""
    if not base:
        return None, ""
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
    """Take every planned page whose previous HTML exists out of MkDocs' list (those the render wrote again,
    with unchanged bytes, are in the docs folder; the others never were): MkDocs neither reads nor renders
    them, the build carries their HTML. Pages of the navigation (their titles and links are the chrome of
    every page) are always rendered, and nothing is taken without an explicit `nav`."""
    plan = _state["plan"]
    _state["files"], _state["taken"] = None, ()
    if plan is None or not config.nav:
        return files
    directory_urls = config.use_directory_urls
    taken = [src for src in sorted(plan.pages - _nav_paths(config.nav))
             if plan.has(_dest_uri(src, directory_urls))]
    for src in taken:
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)
    _state["taken"] = taken
    return files


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    """Name the taken pages' site files (carried by the build) and link the docs folder's other files into the
    site, out of MkDocs' list (it would copy the same bytes)."""
    plan = _state["plan"]
    if plan is None:
        return env
    directory_urls = config.use_directory_urls
    _state["carried"].extend(_dest_uri(src, directory_urls) for src in _state["taken"])
    _state["files"], _state["env"] = files.documentation_pages(), env  # the sitemap's pages (on_post_build)
    docs_dir = os.path.abspath(config.docs_dir)
    made: set[str] = set()  # folders made in the new site (one makedirs each, not one per file)
    for file in list(files):
        if file.page is None and not file.is_documentation_page() and file.abs_src_path \
                and os.path.abspath(file.src_dir or "") == docs_dir:
            _link(file.abs_src_path, file.abs_dest_path, made)
            files.remove(file)
    return env


def on_post_build(config):
    """Render sitemap.xml again over every page: MkDocs' and the taken ones, in the docs-folder walk's order
    (MkDocs rendered it over its pages only)."""
    if _state["plan"] is None or _state["files"] is None:
        return
    from mkdocs.commands.build import _build_theme_template
    from mkdocs.utils import get_build_date

    pages = _state["files"]
    if _state["taken"]:
        date, directory_urls, site_url = get_build_date(), config.use_directory_urls, config.get("site_url")
        pages = sorted([*pages, *(_Taken(src, directory_urls, site_url, date) for src in _state["taken"])],
                       key=lambda file: _walk_key(file.src_uri))
    _build_theme_template("sitemap.xml", _state["env"], _SitemapPages(pages), config, _state["nav"])
    _state["files"] = _state["env"] = None
