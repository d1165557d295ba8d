"""Search in the real built site (tests/conftest.py `site_build`): browse without JS, search page, bundles."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser import requires_chromium
from tests.search_support import first_by_code


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(site: Path) -> set[str]:
    """Directory URLs (relative to the site root) reachable from the home page by plain links.

    A followed link whose page is missing fails here (tests/test_links.py checks every link and anchor)."""
    return crawl_from(site, "")


def test_every_letter_is_reachable_by_links_without_javascript(site_build):
    reachable = crawl(site_build.site)
    letters = {letter.url for letter in site_build.content.letters}
    assert letters and letters <= reachable, sorted(letters - reachable)


def test_site_ships_pagefind_and_lookup_not_material_search(site_build):
    site = site_build.site
    assert site_build.content.letters and all(
        (site / f"pagefind{kind}-{letter.year}" / "pagefind.js").is_file()
        for letter in site_build.content.letters for kind in ("", "-codes"))
    assert (site / "lookup" / "config.js").is_file()
    assert (site / "tim-kiem" / "index.html").is_file()
    assert not (site / "search" / "search_index.json").exists()
    assert 'data-md-component="search"' not in site_build.page("")


@pytest.mark.browser
@requires_chromium
def test_search_page_of_the_built_site(site_build, site_server, page):
    letter = next(x for x in site_build.content.letters if x.withdrawn is None)
    page.goto(f"{site_server}/tim-kiem/")
    page.wait_for_selector("#ck-search[data-ready='1']")
    page.fill("#ck-code", letter.dossier.code.lower() + " ")
    page.click("#ck-lookup-form button[type=submit]")
    page.wait_for_selector("#ck-lookup-result[data-done]")
    ids = page.eval_on_selector_all("#ck-lookup-result li.ck-result", "els => els.map(e => e.dataset.id)")
    assert letter.id in ids
    href = page.get_attribute("#ck-lookup-result li.ck-result a", "href")
    assert href.startswith(site_server + "/letters/")
    page.fill("#ck-code", "H17-000000-0000")
    page.click("#ck-lookup-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('ck-lookup-result').dataset.done === 'H17-000000-0000'")
    assert site_build.content.portal.contact in page.inner_text("#ck-lookup-result")
    page.fill("#ck-q", "bien dong dat")
    page.click("#ck-search-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('ck-search-result').dataset.done === 'bien dong dat'")
    found = page.eval_on_selector_all("#ck-search-result li.ck-result", "els => els.map(e => e.dataset.id)")
    expected = {x.id for x in site_build.content.letters if "biến động" in x.dossier.procedure}
    assert expected and set(found) == expected


@pytest.mark.browser
@requires_chromium
def test_the_code_bundles_merged_find_each_letter_by_code_first(site_build, site_server, page):
    codes = {x.dossier.code: x.id for x in site_build.content.letters}
    page.goto(f"{site_server}/tim-kiem/")
    got = {code: first[0] for code, first in first_by_code(page, list(codes)).items()}
    assert got == codes


@pytest.mark.browser
@requires_chromium
def test_without_javascript_the_forms_lead_to_the_listings(site_build, site_server, chromium):
    """JavaScript off: the home page's form opens the search page, which leads to the A–Z index,
    whose procedure pages list each letter with its dossier code and recipient's initials."""
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/")
    page.fill("#ck-home-q", "giay phep")
    page.click("#ck-home-search-form button[type=submit]")
    assert "/tim-kiem/?q=giay+phep" in page.url
    page.click(".ck-noscript a[href$='thu-tuc/']")
    letter = next(x for x in site_build.content.letters if x.withdrawn is None)
    page.click(f"text={letter.dossier.procedure}")
    text = page.inner_text("article")
    assert letter.dossier.code in text and letter.recipient.name in text
    context.close()


def test_procedure_index_reaches_every_letter(site_build):
    reachable = crawl_from(site_build.site, "thu-tuc/")
    assert {x.url for x in site_build.content.letters} <= reachable


def crawl_from(site: Path, start: str) -> set[str]:
    """Directory URLs reachable from `start` by plain links; a link to a missing page fails."""
    seen: set[str] = set()
    todo = [(start, start)]
    while todo:
        url, linked_from = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        page = site / url / "index.html"
        assert page.is_file(), f"{linked_from or 'home'} links to a missing page: {url}"
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(urljoin("http://x/" + url, href))
            if parts.netloc == "x" and parts.path.endswith("/"):
                todo.append((parts.path.lstrip("/"), url))
    return seen
