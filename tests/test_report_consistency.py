"""A generated year and more of data (the demo content, scripts/make_demo.py, with a register of every dossier):
every figure computed a second way from the raw content equals what the report pages, the home and agency
pages, the JSON and the Word report show."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from generator.checks.orchestrator import check_content
from generator.commands.cli import main
from generator.figures.compliance import Compliance
from generator.figures.periods import KINDS, spanned
from generator.figures.stats import calendar_for
from generator.figures.workdays import days_late, issued_in_time
from generator.site.reports import headline, tables
from generator.site.reports.docx import build_docx
from generator.site.reports.ontime_view import ontime_view
from generator.site.reports.pages import charts
from generator.strings import reports as R
from tests.test_ontime import second_way
from tests.test_report_pages import number as shown_number

DEMO = Path(__file__).resolve().parent.parent / "content"
TODAY = date(2026, 11, 20)  # the demo's day (scripts/make_demo.py TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from generator.build import build_site

    tmp = tmp_path_factory.mktemp("demo-site")
    root = tmp / "content"
    shutil.copytree(DEMO, root)
    build_site(root, tmp / "site", TODAY, build_dir=tmp / "build", cache_dir=tmp / "cache", run_pdf_gate=False)
    result = check_content(root, TODAY, cache_dir=tmp / "cache", run_pdf_gate=False)
    assert result.valid
    return root, tmp / "site", result.content


def page(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def by_hand(content, period, as_of) -> dict:
    """The whole portal's figures of a period from the raw letters and register rows, from their definitions."""
    cal = calendar_for(content)
    policy = content.portal.policy
    letters = [x for x in content.letters if x.withdrawn is None and period.start <= x.issued_on <= period.end]
    late = [days_late(x, cal) for x in letters]
    lettered = {x.dossier.code for x in content.letters if x.withdrawn is None and x.issued_on <= as_of}
    overdue = [r for r in content.register if period.start <= r.due_on <= period.end and r.late_on(as_of)]
    without = [r for r in overdue if r.dossier_code not in lettered]
    out = {
        "letters": len(letters),
        "in_time": sum(issued_in_time(x, cal, policy.apology_lead_working_days) for x in letters),
        "mean_days_late": round(sum(late) / len(late), 1) if late else None,
        "overdue": len(overdue),
        "coverage": round((len(overdue) - len(without)) / len(overdue), 4) if overdue else None,
        "missing": sum(cal.count(r.due_on, as_of) > policy.missing_letter_grace_working_days for r in without),
    }
    ontime = second_way(content.register, period.start, period.end, as_of, lettered)
    out.update({k: ontime[k] for k in headline.ONTIME_KEYS})
    return out


def periods(content):
    return [p for kind in KINDS if kind != "week" for p in spanned(kind, date(2025, 1, 1), date(2025, 12, 31))]


def test_report_pages_show_the_figures_computed_by_hand(demo):
    _, site, content = demo
    checked = 0
    for period in periods(content):
        doc = page(site, f"reports/{period.slug}")
        table = doc.get_element_by_id("ck-report-change")
        shown = {tr.get("data-key"): shown_number(tr.xpath("./td")[0].text_content())
                 for tr in table.xpath(".//tbody/tr")}
        want = by_hand(content, period, TODAY)
        assert shown == pytest.approx(want, abs=6e-4), period.code
        checked += 1
    assert checked == 12 + 4 + 2 + 1 + 1


def test_the_word_report_shows_what_the_page_shows(demo):
    _, site, content = demo
    import docx

    comp = Compliance(content, TODAY)
    for period in periods(content)[:: 3]:
        report = comp.report(period)
        view = ontime_view(comp, report)
        data = build_docx(content.portal, report, view, charts(report), comp.data_days(None)[0])
        document = docx.Document(io.BytesIO(data))
        doc_rows = [[c.text for c in row.cells] for row in document.tables[1].rows]  # headline table
        page_doc = page(site, f"reports/{period.slug}")
        page_rows = [[tr.xpath("./th")[0].text_content(), *(td.text_content() for td in tr.xpath("./td"))]
                     for tr in page_doc.get_element_by_id("ck-report-change").xpath(".//tbody/tr")]
        assert doc_rows[0] == list(R.CHANGE_COLUMNS)
        assert doc_rows[1:] == page_rows, period.code
        agencies = [[c.text for c in row.cells] for row in document.tables[2].rows]
        page_agencies = [[td.text_content() for td in tr.xpath("./td")] for tr in
                         page_doc.get_element_by_id("ck-report-agencies").xpath(".//tbody/tr | .//tfoot/tr")]
        assert [row[1:] for row in agencies[1:]] == page_agencies, period.code


def test_home_and_agency_pages_agree_with_the_year_report(demo, capsys):
    root, site, _ = demo
    year = page(site, "reports/2026")
    totals = {td.get("data-key"): shown_number(td.text_content())
              for td in year.get_element_by_id("ck-report-agencies").xpath(".//tfoot/tr/td")}
    home = page(site, "")
    column = {td.get("data-figure"): shown_number(td.text_content())
              for td in home.xpath("//table[contains(@class,'ck-figures')]//tr/td[1]")}
    assert column["count"] == totals["letters"]
    assert column["mean_days_late"] == totals["mean_days_late"]
    assert column["share_in_time"] == pytest.approx(round(totals["in_time"] / totals["letters"], 3), abs=6e-4)
    rows = {tr.get("data-agency"): {td.get("data-key"): shown_number(td.text_content()) for td in tr.xpath("./td")}
            for tr in year.get_element_by_id("ck-report-agencies").xpath(".//tbody/tr")}
    for code, figures in rows.items():
        if not figures["letters"]:
            continue
        agency = page(site, f"agencies/{code}")
        mine = {td.get("data-figure"): shown_number(td.text_content())
                for td in agency.xpath("//table[contains(@class,'ck-figures')]//tr/td[1]")}
        assert (mine["count"], mine["mean_days_late"]) == (figures["letters"], figures["mean_days_late"]), code
    # the CLI's JSON gives the same headline figures as the page
    assert main(["report", "--content", str(root), "--today", TODAY.isoformat(), "--no-pdf", "--period", "2026",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shown = {tr.get("data-key"): shown_number(tr.xpath("./td")[0].text_content())
             for tr in year.get_element_by_id("ck-report-change").xpath(".//tbody/tr")}
    assert {h["key"]: h["now"] for h in data["headline"]} == pytest.approx(shown, abs=6e-4)


def test_every_figure_label_links_to_its_glossary_entry(demo):
    _, site, _ = demo
    glossary = page(site, "giai-thich-so-lieu")
    anchors = {tr.get("id") for tr in glossary.get_element_by_id("ck-glossary").xpath(".//tbody/tr")}
    doc = page(site, "reports/2025-q2")
    links = doc.xpath("//table[@id='ck-report-agencies']//thead//a/@href | "
                      "//table[@id='ck-report-change']//th/a/@href")
    assert links and {href.split("#")[1] for href in links} <= anchors
    assert len(links) == len(tables.SHOWN_FIGURES) + len(headline.LETTER_KEYS + headline.ONTIME_KEYS)
    home_links = page(site, "").xpath("//table[contains(@class,'ck-figures')]//th/a/@href")
    assert home_links and {href.split("#")[1] for href in home_links} <= anchors


BANNED = ("trung vị", "ngày LV", "điểm %", "Tỷ lệ xin lỗi đúng hạn", "Tỷ lệ xin lỗi:")
"""Words an officer does not use, and the two near-identical names the figures had (issue 15)."""


def test_no_page_uses_the_old_names(demo):
    _, site, _ = demo
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    found = [(p.relative_to(site).as_posix(), word) for p in pages for word in BANNED
             if word in p.read_text(encoding="utf-8")]
    assert found == []


def test_agency_pages_show_the_all_time_on_time_figures_computed_by_hand(demo):
    _, site, content = demo
    lettered = {x.dossier.code for x in content.letters if x.withdrawn is None and x.issued_on <= TODAY}
    checked = 0
    for code in content.agencies:
        rows = [r for r in content.register if r.agency == code]
        if not rows:
            continue
        want = second_way(rows, date(1, 1, 1), TODAY, TODAY, lettered)
        shown = page(site, f"agencies/{code}").xpath("//p[contains(@class,'ck-ontime-all')]")[0]
        data = [shown.get("data-on-time-rate"), shown.get("data-late-coverage")]
        got = [None if value == "None" else round(float(value), 4) for value in data]
        assert got == [want["on_time_rate"], want["late_coverage"]], code
        checked += 1
    assert checked >= 8
