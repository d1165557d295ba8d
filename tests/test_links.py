"""Every internal link and anchor of a built site resolves: the session site and the demo site (content/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.sitelinks import DeadLink, dead_links, html_pages

ROOT = Path(__file__).resolve().parents[1]
DEMO_TODAY = date(2026, 11, 20)  # scripts/make_demo.py TODAY


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The committed demo content built once by the real pipeline (PDF gate included): (site, site_url)."""
    from generator.build import build_site

    tmp = tmp_path_factory.mktemp("demo_site")
    site = tmp / "site"
    result = build_site(ROOT / "content", site, DEMO_TODAY, build_dir=tmp / "build", cache_dir=tmp / "cache")
    return site, result.check.content.portal.site_url


def test_session_site_has_no_dead_link_or_anchor(site_build):
    assert len(html_pages(site_build.site)) > 20
    assert dead_links(site_build.site, site_build.content.portal.site_url) == []


def test_demo_site_has_no_dead_link_or_anchor(demo_site):
    site, site_url = demo_site
    pages = html_pages(site)
    assert "letters/index.html" in pages and "tim-kiem/index.html" in pages and len(pages) > 50
    assert dead_links(site, site_url) == []


def test_dead_links_finds_missing_files_and_anchors(tmp_path):
    """The checker itself: a small site with one of each kind of link, good and dead."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "x.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "index.html").write_text(
        '<h2 id="top">B</h2><a name="old">old</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<p id="here"></p>'
        '<a href="a/b/">ok</a><a href="a/b/#top">ok</a><a href="a/b/#old">ok</a><a href="#here">ok</a>'
        '<a href="data.csv">ok</a><img src="img/x.svg" srcset="img/x.svg 1x, img/gone.svg 2x">'
        '<a href="https://example.invalid/nope/">out</a><a href="mailto:x@example.invalid">out</a>'
        '<a href="a/c/">dead</a><a href="a/b/#bottom">dead</a><a href="#nowhere">dead</a>'
        '<script src="js/none.js"></script><a href="a/">dead (no index)</a>'
        '<a href="/p/data.csv">ok</a><a href="https://portal.example/p/a/b/#top">ok</a>'
        '<a href="https://portal.example/p/gone/">dead</a>', encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://portal.example/p/a/b/"/>'
        '<entry><link href="https://portal.example/p/a/c/"/></entry></feed>', encoding="utf-8")
    assert dead_links(tmp_path, "https://portal.example/p/") == [
        DeadLink("index.html", "img/gone.svg", "file"),
        DeadLink("index.html", "a/c/", "file"),
        DeadLink("index.html", "a/b/#bottom", "anchor"),
        DeadLink("index.html", "#nowhere", "anchor"),
        DeadLink("index.html", "js/none.js", "file"),
        DeadLink("index.html", "a/", "file"),
        DeadLink("index.html", "https://portal.example/p/gone/", "file"),
        DeadLink("feed.xml", "https://portal.example/p/a/c/", "file"),
    ]
