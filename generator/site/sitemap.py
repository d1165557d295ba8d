"""Sitemap index: past MAX_URLS URLs, mkdocs' sitemap.xml is split into sitemap-1.xml, sitemap-2.xml, …

The sitemap protocol allows at most 50,000 URLs in one sitemap. After mkdocs, `split_sitemap()` moves
the `<url>` entries of `sitemap.xml` (verbatim, in mkdocs' order) into numbered sitemaps of at most
MAX_URLS entries each, with a `.gz` beside each like mkdocs writes, and turns `sitemap.xml` (and its
`.gz`) into a sitemap index pointing at them. Under the limit nothing changes. Deterministic: the gzip
timestamp is the one mkdocs wrote (SOURCE_DATE_EPOCH), the gzip name the file's own.
"""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

MAX_URLS = 50_000  # the sitemap protocol's limit per file (tests lower it)
NAME = "sitemap.xml"
_URL = re.compile(r"<url>.*?</url>", re.S)
_LASTMOD = re.compile(r"<lastmod>([^<]+)</lastmod>")
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def child_name(number: int) -> str:
    """File name of the n-th sitemap (from 1)."""
    return f"sitemap-{number}.xml"


def split_sitemap(site_dir: Path, site_url: str | None, limit: int | None = None) -> list[str]:
    """Split `site_dir/sitemap.xml` when it holds more than `limit` (MAX_URLS) URLs; returns the files written.

    The index's locations are absolute under `site_url` when it is a URL, else site-root paths ('/…').
    """
    limit = MAX_URLS if limit is None else limit
    if limit < 1:
        raise ValueError("sitemap limit must be at least 1")
    path = Path(site_dir) / NAME
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    urls = _URL.findall(text)
    if len(urls) <= limit:
        return []
    mtime = _gzip_mtime(path.with_name(NAME + ".gz"))
    base = _base(site_url)
    written: list[str] = []
    entries: list[str] = []
    for number, start in enumerate(range(0, len(urls), limit), start=1):
        chunk = urls[start:start + limit]
        name = child_name(number)
        body = "".join(f"\n    {url}" for url in chunk)
        written += _write(path.with_name(name), f'{_HEAD}<urlset xmlns="{_NS}">{body}\n</urlset>', mtime)
        lastmods = [m.group(1) for url in chunk if (m := _LASTMOD.search(url))]
        lastmod = f"\n         <lastmod>{max(lastmods)}</lastmod>" if lastmods else ""
        entries.append(f"\n    <sitemap>\n         <loc>{escape(base + name)}</loc>{lastmod}\n    </sitemap>")
    index = f'{_HEAD}<sitemapindex xmlns="{_NS}">{"".join(entries)}\n</sitemapindex>'
    written += _write(path, index, mtime)
    return written


def _base(site_url: str | None) -> str:
    url = site_url or "/"
    if "://" not in url and not url.startswith("/"):
        url = "/" + url
    return url if url.endswith("/") else url + "/"


def _gzip_mtime(gz: Path) -> int:
    """The timestamp in a gzip header (bytes 4–7, little-endian); 0 when there is no such file."""
    try:
        with gz.open("rb") as handle:
            header = handle.read(8)
    except OSError:
        return 0
    return int.from_bytes(header[4:8], "little") if len(header) == 8 and header[:2] == b"\x1f\x8b" else 0


def _write(path: Path, text: str, mtime: int) -> list[str]:
    """Write `path` and `path.gz` (like mkdocs: the gzip's name is the file's, its time `mtime`)."""
    data = (text + "\n").encode("utf-8")
    path.write_bytes(data)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=path.name, mode="wb", mtime=mtime) as gz:
        gz.write(data)
    path.with_name(path.name + ".gz").write_bytes(buffer.getvalue())
    return [path.name, path.name + ".gz"]
