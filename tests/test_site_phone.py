"""The citizen's way around the built site: breadcrumbs, explanations, empty states, the Vietnamese 404,
page titles; and, in Chromium at a phone's width (390 px), no page scrolls sideways, chart labels stay
readable and the report pages have no serious or critical axe-core violation."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from lxml import html as lhtml

from generator.strings import site as S
from tests.browser import requires_chromium

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"


def doc(site_build, url: str):
    """The parsed <article> of the page at directory URL `url`."""
    return lhtml.fromstring(site_build.page(url)).xpath("//article")[0]


def target(url: str, href: str) -> str:
    """The site path a relative `href` on the page at `url` points to ('' for the home page)."""
    path = posixpath.normpath(posixpath.join(url, href.split("#", 1)[0]))
    return "" if path == "." else path.rstrip("/") + "/"


def test_letter_page_breadcrumbs_lead_to_its_agency_and_year_and_search(site_build):
    letter = next(x for x in site_build.content.letters if x.withdrawn is None)
    page = doc(site_build, letter.url)
    crumbs = [target(letter.url, a.get("href")) for a in page.xpath("//nav[@class='ck-crumbs']//a")]
    assert crumbs == ["", "agencies/", f"agencies/{letter.agency}/", f"letters/{letter.year}/{letter.agency}/"]
    hrefs = {target(letter.url, a.get("href")) for a in page.xpath("//a[@href]") if "://" not in a.get("href")}
    assert "tim-kiem/" in hrefs and "about/" in hrefs
    for path in [*crumbs, "tim-kiem/", "about/"]:
        assert (site_build.site / path / "index.html").is_file(), path
    assert 'id="cach-tinh"' in site_build.page("about/")


def test_days_late_and_in_time_are_explained_where_they_are_shown(site_build):
    letter = next(x for x in site_build.content.letters if x.withdrawn is None)
    hint = doc(site_build, letter.url).xpath("//dd[@data-field='days_late']/span[@class='ck-hint']")
    assert len(hint) == 1 and hint[0].xpath(".//a/@href")[0].endswith("about/#cach-tinh")
    for url in ("", "agencies/", f"agencies/{letter.agency}/"):
        notes = doc(site_build, url).xpath("//p[contains(@class, 'ck-figures-note')]")
        assert len(notes) == 1 and notes[0].xpath(".//a/@href")[0].endswith("about/#cach-tinh"), url


def test_agency_without_letters_says_so_once_instead_of_an_empty_chart(site_build):
    used = {x.agency for x in site_build.content.letters}
    idle = [code for code in site_build.content.agencies if code not in used]
    busy = next(iter(used))
    assert idle, "the fixture should hold an agency without letters"
    page = doc(site_build, f"agencies/{idle[0]}/")
    assert page.xpath("//*[local-name()='svg' and contains(@class, 'ck-chart')]") == []
    assert page.xpath("//table[contains(@class, 'ck-months')]") == []
    assert [p.text_content() for p in page.xpath("//p")].count(S.A_NO_LETTERS) == 1
    assert len(doc(site_build, f"agencies/{busy}/").xpath("//figure/*[local-name()='svg']")) == 1


def test_404_page_is_vietnamese_with_ways_back(site_build):
    tree = lhtml.fromstring((site_build.site / "404.html").read_text(encoding="utf-8"))
    assert tree.get("lang") == "vi"
    assert tree.xpath("//article//h1")[0].text_content().strip() == S.NOT_FOUND_TITLE
    assert tree.findtext(".//title").startswith(S.NOT_FOUND_TITLE)
    assert any(h.rstrip("/").endswith("tim-kiem") for h in tree.xpath("//article//a/@href"))


def test_page_titles_name_the_page_once(site_build):
    name = site_build.content.portal.name
    home = lhtml.fromstring(site_build.page("")).findtext(".//title")
    assert home == name
    letter = site_build.content.letters[0]
    title = lhtml.fromstring(site_build.page(letter.url)).findtext(".//title")
    assert title.startswith(S.TITLE_LETTER.format(number=letter.number, agency=site_build.content.agencies[
        letter.agency].name)) and title.count(name) == 1


def phone_pages(site_build) -> list[str]:
    """Pages a citizen on a phone meets: home, lists, an agency, a letter, search, data, reports."""
    letter = site_build.content.letters[0]
    reports = sorted(p.parent.relative_to(site_build.site).as_posix() + "/"
                     for p in (site_build.site / "reports").glob("*/index.html"))
    return ["", "agencies/", f"agencies/{letter.agency}/", letter.url, f"letters/{letter.year}/", "tim-kiem/",
            "data/", "about/", "reports/", *reports[:1]]


@pytest.mark.browser
@requires_chromium
def test_no_page_scrolls_sideways_on_a_phone_and_chart_labels_stay_readable(site_build, site_server, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        for url in phone_pages(site_build):
            page.goto(f"{site_server}/{url}")
            width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], (url, width)
            sizes = page.evaluate("() => [...document.querySelectorAll('svg.ck-chart text')]"
                                  ".map(t => t.getBoundingClientRect().height)")
            assert all(h >= 9 for h in sizes), (url, min(sizes))
    finally:
        context.close()


@pytest.mark.browser
@requires_chromium
def test_report_pages_on_a_phone_have_no_serious_accessibility_violation(site_build, site_server, chromium):
    if not AXE.is_file():
        pytest.skip("axe-core missing: run `npm ci --prefix tests/js` (scripts/test-deps.sh does)")
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        for url in [u for u in phone_pages(site_build) if u.startswith(("reports/", "data/"))] + ["404.html"]:
            page.goto(f"{site_server}/{url}")
            page.add_script_tag(path=str(AXE))
            found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                  ".map(v => ({id: v.id, impact: v.impact}))")
            assert [v for v in found if v["impact"] in ("serious", "critical")] == [], url
    finally:
        context.close()
