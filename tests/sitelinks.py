"""Internal links of a built site, read with the standard library's HTML parser (no network).

`dead_links(site)` lists every href/src (and srcset entry) of every HTML page whose target file is
missing, and every #fragment that names no id (or `<a name>`) on the page it points to. Links out of
the site (another scheme or host), `mailto:`, `tel:`, `javascript:` and `data:` are not followed.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

_LINK_ATTRS = ("href", "src")
_NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:", "blob:")


@dataclass(frozen=True)
class DeadLink:
    """A link on page `page` (site path) whose `target` does not resolve: `why` is 'file' or 'anchor'."""

    page: str
    link: str
    why: str


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "base":
            raise AssertionError("<base> changes how every link resolves: not expected on this site")
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in _LINK_ATTRS:
            if attrs.get(name):
                self.links.append(attrs[name].strip())
        if attrs.get("srcset"):
            self.links += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]

    handle_startendtag = handle_starttag


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_pages(site: Path) -> list[str]:
    """Site paths (POSIX, relative to the root) of every HTML file in the built site."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def target_file(site: Path, path: str) -> Path | None:
    """The file a site path (no leading slash) is served from, or None: a directory serves its index.html."""
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def resolve(page: str, link: str, site_url: str = "/") -> tuple[str, str] | None:
    """(site path, fragment) of `link` found on the page at site path `page`; None for a link out of the site.

    The site is served at `site_url`: a full URL under it is internal, absolute paths must start with its path."""
    if link.lower().startswith(_NOT_FOLLOWED):
        return None
    root = urlsplit(site_url).path.rstrip("/") + "/"
    if "://" in site_url and link.startswith(site_url.rstrip("/") + "/"):
        link = root + link[len(site_url.rstrip("/") + "/"):]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith("/"):
        if not path.startswith(root):
            raise AssertionError(f"{page}: absolute link {link!r} is outside the site's path {root!r}")
        path, page = path[len(root):], ""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined.startswith("../") or joined == "..":
        raise AssertionError(f"{page}: link {link!r} leaves the site")
    joined = "" if joined == "." else joined
    return joined + ("/" if path.endswith("/") and joined else ""), unquote(parts.fragment)


def dead_links(site: Path, site_url: str = "/") -> list[DeadLink]:
    """Every internal link or anchor of `site` (served at `site_url`) that does not resolve, in page order.

    Atom feeds and sitemaps (`*.xml`) are read too: their links to the site must reach a file."""
    dead: list[DeadLink] = []
    for page in html_pages(site):
        parsed = _parse(site / page)
        for link in parsed.links:
            found = resolve(page, link, site_url)
            if found is None:
                continue
            path, fragment = found
            target = site / page if path == page else target_file(site, path)
            if target is None:
                dead.append(DeadLink(page, link, "file"))
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                dead.append(DeadLink(page, link, "anchor"))
    for feed in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.xml")):
        for link in xml_links(site / feed):
            found = resolve(feed, link, site_url)
            if found is not None and target_file(site, found[0]) is None:
                dead.append(DeadLink(feed, link, "file"))
    return dead


def xml_links(path: Path) -> list[str]:
    """Every `href` attribute and sitemap `<loc>` of an XML file (Atom feed, sitemap or sitemap index)."""
    links = []
    for element in ElementTree.parse(path).iter():
        if element.get("href"):
            links.append(element.get("href"))
        if element.tag.rsplit("}", 1)[-1] == "loc" and element.text:
            links.append(element.text.strip())
    return links
