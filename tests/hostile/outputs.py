"""Scan every output of a built site for unsafe content (shared by the hostile-input tests).

`scan_site(site, raw_markers=..., markup_markers=...)` reads every file a build wrote and returns
`Finding`s (path, what, detail); an empty list means nothing unsafe was found:
- HTML, XML, SVG, JS, JSON, TXT (and Pagefind's gzip fragments, decompressed): none of
  `raw_markers` appears as bytes; HTML/XML/SVG also hold none of `markup_markers` (strings that are
  harmless inside JSON or JS strings, like a single-quoted attribute break);
- HTML: no `href`/`src`/`action`/`formaction` with a `javascript:`, `vbscript:` or `data:` URL, no
  event-handler attribute or inline `<script>` holding a marker or the payloads' TOKEN (`ckx(...)`);
- XML (feeds, sitemaps): well-formed; JSON: parses;
- CSV: parses; no text cell starts with `=`, `+`, `-`, `@`, a tab or a CR (a plain number may);
- every generated text file (not the theme's vendor bundles): no control, bidi or zero-width character;
- the search index (Pagefind fragments) is data: it holds an editor's text as text (a `<` stays a `<`),
  so it must parse, hold no invisible character, and no script of the site (ours, Pagefind's) may
  insert text as HTML (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, `document.write`): the search
  page shows results with `textContent` only. Only Material's own bundle (its search is off) has sinks.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

TEXT_SUFFIXES = {".html", ".xml", ".svg", ".js", ".json", ".txt", ".csv", ".css", ".webmanifest"}
MARKUP_SUFFIXES = {".html", ".xml", ".svg"}
VENDOR_PARTS = ("assets/javascripts/", "assets/stylesheets/")  # Material's bundles: not generated from content
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
TOKEN = "ckx"  # the function every hostile payload calls: in an event handler or inline script, it would run
HTML_SINKS = re.compile(r"\b(?:innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b")
PAGEFIND_BUNDLE = re.compile(r"pagefind(?:-[a-z0-9-]+)?/")  # a bundle folder: pagefind-<year>/, pagefind-codes-<year>/
PAGEFIND_DATA = "pagefind_dcd"  # the prefix of a decompressed Pagefind fragment, before its JSON
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


@dataclass(frozen=True)
class Finding:
    path: str
    what: str
    detail: str


class _Attributes(HTMLParser):
    """URL attributes, event-handler attributes and inline script texts of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.handlers: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((name, value))
            if name.startswith("on"):
                self.handlers.append((name, value or ""))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def site_files(site: Path) -> list[Path]:
    """Every regular file of the built site, sorted."""
    return sorted(p for p in site.rglob("*") if p.is_file())


def _text(path: Path) -> str | None:
    """A file's text (Pagefind fragments and indexes decompressed), None for binary files."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except OSError:
            return None
        return data.decode("utf-8", "replace")
    if path.suffix not in TEXT_SUFFIXES:
        return None
    return data.decode("utf-8", "replace")


def scan_site(site: Path, raw_markers: tuple[str, ...] = (), markup_markers: tuple[str, ...] = ()) -> list[Finding]:
    """Everything unsafe in the outputs of `site` (see the module docstring)."""
    found: list[Finding] = []
    for path in site_files(site):
        rel = path.relative_to(site).as_posix()
        text = _text(path)
        if text is None:
            continue
        suffix = path.suffix
        if PAGEFIND_BUNDLE.match(rel):
            found += _pagefind(rel, text)
            continue
        if suffix != ".csv":
            found += [Finding(rel, "raw marker", m) for m in raw_markers if m in text]
        if suffix in MARKUP_SUFFIXES:
            found += [Finding(rel, "markup marker", m) for m in markup_markers if m in text]
        if suffix == ".html":
            found += _html(rel, text, raw_markers + markup_markers)
        elif suffix in (".xml", ".svg"):
            try:
                ET.fromstring(text.encode("utf-8"))
            except ET.ParseError as exc:
                found.append(Finding(rel, "ill-formed XML", str(exc)))
        elif suffix == ".json":
            try:
                json.loads(text)
            except ValueError as exc:
                found.append(Finding(rel, "invalid JSON", str(exc)))
        elif suffix == ".csv":
            found += _csv(rel, text)
        elif suffix == ".js" and not rel.startswith(VENDOR_PARTS) and HTML_SINKS.search(text):
            found.append(Finding(rel, "HTML sink in a site script", HTML_SINKS.search(text).group()))
        if not rel.startswith(VENDOR_PARTS):
            match = INVISIBLE.search(text)
            if match:
                found.append(Finding(rel, "invisible character", f"U+{ord(match.group()):04X}"))
    return found


def _html(rel: str, text: str, markers: tuple[str, ...]) -> list[Finding]:
    parser = _Attributes()
    parser.feed(text)
    found = [Finding(rel, "script URL", f"{name}={value[:60]}") for name, value in parser.urls
             if BAD_SCHEMES.match(value)]
    found += [Finding(rel, "event handler", f"{name}={value[:60]}") for name, value in parser.handlers
              if any(m in value for m in markers) or TOKEN in value]
    found += [Finding(rel, "inline script", script[:60]) for script in parser.scripts
              if TOKEN in script or any(m in script for m in markers)]
    return found


def _pagefind(rel: str, text: str) -> list[Finding]:
    """A Pagefind file: its scripts have no HTML sink; a fragment parses and holds no invisible character."""
    if rel.endswith(".js") and HTML_SINKS.search(text):
        return [Finding(rel, "HTML sink in a site script", HTML_SINKS.search(text).group())]
    if not text.startswith(PAGEFIND_DATA) or "/fragment/" not in rel:
        return []  # binary index and filter chunks, the entry file
    try:
        json.loads(text[len(PAGEFIND_DATA):])
    except ValueError as exc:
        return [Finding(rel, "invalid search fragment", str(exc))]
    match = INVISIBLE.search(text)
    return [Finding(rel, "invisible character", f"U+{ord(match.group()):04X}")] if match else []


def _csv(rel: str, text: str) -> list[Finding]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return [Finding(rel, "invalid CSV", str(exc))]
    return [Finding(rel, "formula cell", cell[:60]) for row in rows for cell in row
            if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.match(cell)]


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: SHA-256} of every file under `folder` (to prove a site is unchanged)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in site_files(folder)}
