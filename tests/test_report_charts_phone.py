"""Report charts people can read: at 360 px in Chromium every chart text is at least 12 px, each chart has a
visible title and a data table beside it, and numbers follow the Vietnamese format (1.234,5). The agency pages'
letters-per-month charts are measured too."""

from __future__ import annotations

import re

import pytest
from lxml import html as lhtml

from tests.browser import requires_chromium

MIN_PX = 12
VIET_NUMBER = re.compile(r"^[−+±]?\d{1,3}(\.\d{3})*(,\d+)?%?$")


def report_pages(site_build) -> list[str]:
    return sorted(p.parent.relative_to(site_build.site).as_posix() + "/"
                  for p in (site_build.site / "reports").glob("*/index.html"))


def test_each_chart_has_a_title_and_a_data_table_in_vietnamese_numbers(site_build):
    seen = 0
    for url in report_pages(site_build):
        doc = lhtml.fromstring(site_build.page(url))
        for block in doc.xpath("//section[contains(@class,'ck-chart-block')]"):
            seen += 1
            title = block.xpath("./h3")[0].text_content()
            assert title and block.xpath(".//svg/title")[0].text_content() == title
            cells = block.xpath(".//table[contains(@class,'ck-chart-data')]//tbody//td[position()>1]")
            assert cells and all(VIET_NUMBER.match(td.text_content()) for td in cells), url
        for td in doc.xpath("//table[@id='ck-report-change']//td"):
            assert VIET_NUMBER.match(td.text_content().split(" ")[0]) or td.text_content() == "—", td.text_content()
    assert seen >= 3


@pytest.mark.browser
@requires_chromium
def test_chart_text_is_at_least_12px_on_a_360px_phone(site_build, site_server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        measured = 0
        agencies = sorted(p.parent.relative_to(site_build.site).as_posix() + "/"
                          for p in (site_build.site / "agencies").glob("*/index.html"))
        for url in report_pages(site_build)[:12] + agencies[:6] + [""]:
            page.goto(f"{site_server}/{url}")
            sizes = page.evaluate(
                "() => [...document.querySelectorAll('svg.ck-chart')].flatMap(svg => {"
                " const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                " return [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);"
                "})")
            measured += len(sizes)
            assert sizes == [] or min(sizes) >= MIN_PX, (url, min(sizes))
        assert measured > 0
    finally:
        context.close()


@pytest.mark.browser
@requires_chromium
def test_printed_report_has_the_administrative_layout_on_a4(site_build, site_server, chromium):
    from pypdf import PdfReader

    from generator.strings import reports as R

    page = chromium.new_page()
    try:
        url = next(u for u in report_pages(site_build) if u.endswith("-q2/") or u.endswith("-q1/"))
        page.goto(f"{site_server}/{url}")
        page.emulate_media(media="print")
        shown = page.evaluate("() => [...document.querySelectorAll('.ck-letterhead, .ck-signatures')]"
                              ".map(e => [getComputedStyle(e).display, e.innerText])")
        assert [d for d, _ in shown] == ["grid", "grid"]
        assert R.MOTTO[0] in shown[0][1] and R.MOTTO[1] in shown[0][1] and R.DOC_RECIPIENTS in shown[1][1]
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).display") == "none"
        import io

        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        box = pdf.pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    finally:
        page.close()
