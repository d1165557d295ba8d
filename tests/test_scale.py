"""Output scales (issue 8): a synthetic archive of 300 letters (scripts/make_corpus.py), built once by the
real pipeline, with the listing page size lowered to 2 and the open-data split threshold to 100 so that
pagination and the per-year split happen at this size. Every HTML page stays under a size bound, no page
but a letter's own lists more letters than a listing page holds, every letter is reachable through the
paginated listings, and open data is published per year. The sitemap limit is lowered to 250 URLs and the
agency-CSV split threshold to 4 letters, so that sitemap.xml becomes an index and the larger agencies' CSVs
are split per year. Timings live in scripts/bench.py, not here.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
LETTERS = 300
TODAY = date(2026, 11, 26)
PAGE_SIZE = 2  # listing page size for this test (the site's default is 100): 300 letters spread thin
SPLIT = 100  # open data: per-year files only above this many letters (default 20,000)
AGENCY_SPLIT = 4  # an agency's CSV: per-year files only above this many of its letters (default 20,000)
SITEMAP_LIMIT = 250  # URLs per sitemap (default 50,000, the protocol's limit)
BASE = "https://xinloi.example.gov.vn/"  # the corpus portal's site_url
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_PAGE_KB = 400  # no HTML page may exceed this (the largest, the reports index, is ~1/2 of it here)
MAX_LETTER_LINKS = 20  # the most letters any non-letter page lists (agency page: latest 20)
LETTER_URL = re.compile(r"(?:^|/)letters/(\d{4})/([a-z0-9-]+)/([a-z0-9-]+)/$")


@pytest.fixture(scope="session")
def scale_site(tmp_path_factory):
    """(content root, site dir, letter URLs) of the 300-letter archive, built once."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_corpus

    from generator.build import build_site
    from generator.site import common, letters, opendata, sitemap

    tmp = tmp_path_factory.mktemp("scale")
    root = tmp / "content"
    make_corpus.make_corpus(LETTERS, root, seed=8, today=date(2026, 11, 20), jobs=1)
    patch = pytest.MonkeyPatch()
    patch.setattr(letters, "pages_of", lambda items, size=PAGE_SIZE: common.pages_of(items, PAGE_SIZE))
    patch.setattr(opendata, "SPLIT_THRESHOLD", SPLIT)
    patch.setattr(opendata, "AGENCY_SPLIT_THRESHOLD", AGENCY_SPLIT)
    patch.setattr(sitemap, "MAX_URLS", SITEMAP_LIMIT)
    try:
        result = build_site(root, tmp / "site", TODAY, build_dir=tmp / "build", cache_dir=tmp / "cache",
                            run_pdf_gate=False)
    finally:
        patch.undo()
    urls = {letter.url for letter in result.check.content.letters}
    assert len(urls) == LETTERS
    return root, tmp / "site", urls


def pages(site: Path) -> dict[str, Path]:
    """Directory URL ('' for home) -> HTML file, for every page of the site."""
    out = {}
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        out["" if rel == "." else rel + "/"] = path
    return out


def resolve(url: str, href: str) -> str:
    """The site path of a relative href on the page at `url` (no leading slash)."""
    resolved: list[str] = []
    for part in (url + href.split("#")[0]).split("/"):
        if part == "..":
            resolved.pop()
        elif part not in (".", ""):
            resolved.append(part)
    return "/".join(resolved)


def letter_links(url: str, html: str) -> set[str]:
    """Site URLs of the letter pages a page links to (resolved from relative hrefs)."""
    doc = lxml_html.fromstring(html)
    found = set()
    for href in doc.xpath("//a/@href"):
        if "://" in href or href.startswith("#"):
            continue
        target = resolve(url, href) + "/"
        if LETTER_URL.search(target):
            found.add(target)
    return found


def test_every_page_is_under_the_size_bound(scale_site):
    _, site, _ = scale_site
    sizes = {url: path.stat().st_size for url, path in pages(site).items()}
    assert len(sizes) > LETTERS
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= MAX_PAGE_KB * 1024, (largest, sizes[largest])


def test_no_page_but_listings_grows_with_the_archive(scale_site):
    _, site, urls = scale_site
    for url, path in pages(site).items():
        if url in urls:
            continue
        linked = letter_links(url, path.read_text(encoding="utf-8"))
        assert len(linked) <= MAX_LETTER_LINKS, (url, len(linked))


def test_listings_are_paginated_and_reach_every_letter(scale_site):
    _, site, urls = scale_site
    per_listing = Counter((u.split("/")[1], u.split("/")[2]) for u in urls)  # (year, agency) -> letters
    assert max(per_listing.values()) > PAGE_SIZE  # pagination happens in this archive
    reached: set[str] = set()
    for (year, agency), count in per_listing.items():
        folder = site / "letters" / year / agency
        expected = math.ceil(count / PAGE_SIZE)
        files = [folder / "index.html"] + [folder / f"trang_{n}" / "index.html" for n in range(2, expected + 1)]
        assert all(f.is_file() for f in files), (year, agency)
        assert not (folder / f"trang_{expected + 1}").exists()
        for number, path in enumerate(files, start=1):
            url = path.parent.relative_to(site).as_posix() + "/"
            html = path.read_text(encoding="utf-8")
            linked = letter_links(url, html)
            assert 0 < len(linked) <= PAGE_SIZE
            reached |= linked
            pager = lxml_html.fromstring(html).xpath("//nav[contains(@class,'ck-pager')]")
            assert bool(pager) == (expected > 1)
            if pager:
                current = pager[0].xpath(".//*[@aria-current='page']/text()")
                assert current == [str(number)]
    assert reached == urls


def test_open_data_is_split_per_year_when_large(scale_site):
    _, site, urls = scale_site
    assert not (site / "data" / "letters.json").exists()
    assert not (site / "data" / "letters.csv").exists()
    years = sorted({u.split("/")[1] for u in urls})
    total = 0
    for year in years:
        doc = json.loads((site / "data" / year / "letters.json").read_text(encoding="utf-8"))
        assert {row["issued_on"][:4] for row in doc["letters"]} == {year}
        total += len(doc["letters"])
        csv_rows = (site / "data" / year / "letters.csv").read_text(encoding="utf-8").count("\n") - 1
        assert csv_rows == len(doc["letters"])
    assert total == LETTERS


def test_feeds_and_home_stay_bounded(scale_site):
    _, site, _ = scale_site
    for feed in [site / "feeds" / "atom.xml", *sorted((site / "feeds" / "agencies").glob("*.xml"))]:
        assert feed.read_text(encoding="utf-8").count("<entry>") <= 50
    home = (site / "index.html").read_text(encoding="utf-8")
    assert len(letter_links("", home)) <= 10


def test_sitemap_becomes_an_index_past_the_limit(scale_site):
    _, site, urls = scale_site
    index = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == index
    root = ET.fromstring(index)
    assert root.tag == f"{SM}sitemapindex"
    locs = [entry.findtext(f"{SM}loc") for entry in root.findall(f"{SM}sitemap")]
    assert len(locs) > 2
    assert locs == [f"{BASE}sitemap-{n}.xml" for n in range(1, len(locs) + 1)]
    assert not (site / f"sitemap-{len(locs) + 1}.xml").exists()
    listed: list[str] = []
    for n in range(1, len(locs) + 1):
        data = (site / f"sitemap-{n}.xml").read_bytes()
        assert gzip.decompress((site / f"sitemap-{n}.xml.gz").read_bytes()) == data
        child = ET.fromstring(data)
        assert child.tag == f"{SM}urlset"
        entries = [entry.findtext(f"{SM}loc") for entry in child.findall(f"{SM}url")]
        assert 0 < len(entries) <= SITEMAP_LIMIT
        assert n == len(locs) or len(entries) == SITEMAP_LIMIT  # only the last one is partial
        listed += entries
    assert len(listed) == len(set(listed)) > 2 * SITEMAP_LIMIT  # every URL in exactly one sitemap
    assert {BASE + url for url in urls} <= set(listed)
    assert {BASE + url for url in pages(site) if not url.startswith(("assets/", "pagefind"))} <= set(listed)
    robots = site / "robots.txt"
    assert not robots.exists() or "sitemap.xml" in robots.read_text(encoding="utf-8")


def _csv(path: Path) -> tuple[str, list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    return text.split("\n", 1)[0], list(csv.DictReader(io.StringIO(text)))


def test_agency_csvs_are_split_per_year_when_large(scale_site):
    _, site, urls = scale_site
    letters = {}  # id -> (agency, year), from the site-wide per-year files
    for year in sorted({u.split("/")[1] for u in urls}):
        header, items = _csv(site / "data" / year / "letters.csv")
        letters.update({row["id"]: (row["agency"], row["issued_on"][:4]) for row in items})
    assert len(letters) == LETTERS
    counts = Counter(agency for agency, _ in letters.values())
    assert max(counts.values()) > AGENCY_SPLIT >= min(counts.values())  # both kinds occur here
    agency_pages = {url.split("/")[1]: path for url, path in pages(site).items()
                    if re.fullmatch(r"agencies/[a-z0-9-]+/", url)}
    assert set(counts) <= set(agency_pages)
    seen: Counter[str] = Counter()
    for code, page in agency_pages.items():
        folder = site / "data" / "agencies" / code
        if counts[code] > AGENCY_SPLIT:
            years = sorted({year for agency, year in letters.values() if agency == code})
            expected = {f"data/agencies/{code}/{year}.csv" for year in years}
            assert not (site / "data" / "agencies" / f"{code}.csv").exists()
            assert sorted(p.name for p in folder.iterdir()) == [f"{year}.csv" for year in years]
        else:
            expected = {f"data/agencies/{code}.csv"}
            assert not folder.exists()
        url = f"agencies/{code}/"
        links = lxml_html.fromstring(page.read_text(encoding="utf-8")).xpath("//a[@data-link='csv']/@href")
        assert {resolve(url, href) for href in links} == expected and len(links) == len(expected), code
        for rel in sorted(expected):
            file_header, items = _csv(site / rel)
            assert file_header == header
            for row in items:
                assert row["agency"] == code
                if rel.count("/") == 3:  # data/agencies/<code>/<year>.csv
                    assert row["issued_on"][:4] == rel.rsplit("/", 1)[1][:4]
            assert [(r["issued_on"], r["id"]) for r in items] == sorted((r["issued_on"], r["id"]) for r in items)
            seen.update(row["id"] for row in items)
    assert set(seen) == set(letters) and set(seen.values()) == {1}  # every letter in exactly one agency file
