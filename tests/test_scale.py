"""Output scales (issue 8): a synthetic archive of 300 letters (scripts/make_corpus.py), built once by the
real pipeline, with the listing page size lowered to 2 and the open-data split threshold to 100 so that
pagination and the per-year split happen at this size. Every HTML page stays under a size bound, no page
but a letter's own lists more letters than a listing page holds, every letter is reachable through the
paginated listings, and open data is published per year. Timings live in scripts/bench.py, not here.
"""

from __future__ import annotations

import json
import math
import re
import sys
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
MAX_PAGE_KB = 400  # no HTML page may exceed this (the largest, the reports index, is ~1/2 of it here)
MAX_LETTER_LINKS = 20  # the most letters any non-letter page lists (agency page: latest 20)
LETTER_URL = re.compile(r"(?:^|/)letters/(\d{4})/([a-z0-9-]+)/([a-z0-9-]+)/$")


@pytest.fixture(scope="session")
def scale_site(tmp_path_factory):
    """(content root, site dir, letter URLs) of the 300-letter archive, built once."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_corpus

    from generator import opendata
    from generator.build import build_site
    from generator.render import common, letters

    tmp = tmp_path_factory.mktemp("scale")
    root = tmp / "content"
    make_corpus.make_corpus(LETTERS, root, seed=8, today=date(2026, 11, 20), jobs=1)
    patch = pytest.MonkeyPatch()
    patch.setattr(letters, "pages_of", lambda items, size=PAGE_SIZE: common.pages_of(items, PAGE_SIZE))
    patch.setattr(opendata, "SPLIT_THRESHOLD", SPLIT)
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


def letter_links(url: str, html: str) -> set[str]:
    """Site URLs of the letter pages a page links to (resolved from relative hrefs)."""
    doc = lxml_html.fromstring(html)
    found = set()
    for href in doc.xpath("//a/@href"):
        if "://" in href or href.startswith("#"):
            continue
        parts = (url + href.split("#")[0]).split("/")
        resolved: list[str] = []
        for part in parts:
            if part == "..":
                resolved.pop()
            elif part not in (".", ""):
                resolved.append(part)
        target = "/".join(resolved) + "/"
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
