"""generator/site/sitemap.py: mkdocs' sitemap.xml split into numbered sitemaps and an index past the URL limit."""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.site import sitemap

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MTIME = 1_764_115_200  # 2025-11-26 00:00 UTC, as SOURCE_DATE_EPOCH would set it


def write_mkdocs_sitemap(site: Path, count: int, base: str = "https://x.example.gov.vn/") -> bytes:
    """A sitemap.xml (+ .gz) in mkdocs' own layout, with `count` URLs, some with &, some with lastmod."""
    urls = []
    for n in range(count):
        lastmod = f"<lastmod>2025-{1 + n % 12:02d}-0{1 + n % 9}</lastmod>" if n % 3 else ""
        urls.append(f"\n    <url>\n         <loc>{base}p{n}/?a=1&amp;b={n}</loc>\n         {lastmod}\n    </url>")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(urls) + "\n</urlset>")
    data = text.encode("utf-8")
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitemap.xml").write_bytes(data)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=str(site / "sitemap.xml.gz"), mode="wb", mtime=MTIME) as gz:
        gz.write(data)
    (site / "sitemap.xml.gz").write_bytes(buffer.getvalue())
    return data


def locs(data: bytes, kind: str) -> list[str]:
    return [e.findtext(f"{SM}loc") for e in ET.fromstring(data).findall(f"{SM}{kind}")]


def test_a_sitemap_within_the_limit_is_left_alone(tmp_path):
    data = write_mkdocs_sitemap(tmp_path, 10)
    gz = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert sitemap.split_sitemap(tmp_path, "https://x.example.gov.vn/", limit=10) == []
    assert (tmp_path / "sitemap.xml").read_bytes() == data and (tmp_path / "sitemap.xml.gz").read_bytes() == gz
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitemap.xml", "sitemap.xml.gz"]
    assert sitemap.split_sitemap(tmp_path / "missing", None) == []


def test_past_the_limit_sitemap_xml_becomes_an_index(tmp_path):
    original = locs(write_mkdocs_sitemap(tmp_path, 25), "url")
    written = sitemap.split_sitemap(tmp_path, "https://x.example.gov.vn/portal", limit=10)
    assert written == ["sitemap-1.xml", "sitemap-1.xml.gz", "sitemap-2.xml", "sitemap-2.xml.gz",
                       "sitemap-3.xml", "sitemap-3.xml.gz", "sitemap.xml", "sitemap.xml.gz"]
    index = (tmp_path / "sitemap.xml").read_bytes()
    assert ET.fromstring(index).tag == f"{SM}sitemapindex"
    assert locs(index, "sitemap") == [f"https://x.example.gov.vn/portal/sitemap-{n}.xml" for n in (1, 2, 3)]
    children = [(tmp_path / f"sitemap-{n}.xml").read_bytes() for n in (1, 2, 3)]
    assert [len(locs(c, "url")) for c in children] == [10, 10, 5]
    assert [u for c in children for u in locs(c, "url")] == original  # every URL once, mkdocs' order
    assert "&amp;b=3<" in children[0].decode()  # entries copied verbatim (still escaped)
    lastmods = [e.findtext(f"{SM}lastmod") for e in ET.fromstring(index).findall(f"{SM}sitemap")]
    assert lastmods == [max(f"2025-{1 + n % 12:02d}-0{1 + n % 9}" for n in range(start, min(start + 10, 25)) if n % 3)
                        for start in (0, 10, 20)]  # the latest lastmod of each part
    for name in ("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"):
        raw = (tmp_path / f"{name}.gz").read_bytes()
        assert gzip.decompress(raw) == (tmp_path / name).read_bytes()
        assert int.from_bytes(raw[4:8], "little") == MTIME  # mkdocs' timestamp kept: reproducible
        assert raw[10:10 + len(name) + 1] == name.encode() + b"\0"  # the gzip's file name


def test_without_a_site_url_the_index_holds_site_root_paths(tmp_path):
    write_mkdocs_sitemap(tmp_path, 4, base="/")
    sitemap.split_sitemap(tmp_path, None, limit=3)
    index = (tmp_path / "sitemap.xml").read_bytes()
    assert locs(index, "sitemap") == ["/sitemap-1.xml", "/sitemap-2.xml"]
    assert [e.findtext(f"{SM}lastmod") for e in ET.fromstring(index).findall(f"{SM}sitemap")] == [
        "2025-03-03", None]  # the second part (one URL) has no lastmod
    write_mkdocs_sitemap(tmp_path / "sub", 2)
    sitemap.split_sitemap(tmp_path / "sub", "xinloi", limit=1)
    assert locs((tmp_path / "sub/sitemap.xml").read_bytes(), "sitemap") == ["/xinloi/sitemap-1.xml",
                                                                            "/xinloi/sitemap-2.xml"]


def test_splitting_is_deterministic_and_follows_max_urls(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "MAX_URLS", 7)
    outputs = []
    for name in ("a", "b"):
        write_mkdocs_sitemap(tmp_path / name, 20)
        sitemap.split_sitemap(tmp_path / name, "https://x.example.gov.vn/")
        outputs.append({p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())})
    assert outputs[0] == outputs[1]
    assert sorted(outputs[0]) == sorted(["sitemap.xml", "sitemap.xml.gz"] + [
        f"sitemap-{n}.xml{gz}" for n in (1, 2, 3) for gz in ("", ".gz")])
    with pytest.raises(ValueError):
        sitemap.split_sitemap(tmp_path / "a", None, limit=0)
