"""Report pages in a real mkdocs --strict build of the hand-computed fixture: parsed HTML equals the CLI output."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from lxml import html as lxml_html

from generator.commands.cli import main
from tests.browser import requires_chromium, serve_directory
from tests.conftest import pdf_gate_ready
from tests.report_fixture import CODES, TODAY, make_report_content

WEEKS = {"2025-w04", "2025-w06", "2025-w17", "2025-w22", "2025-w23", "2025-w25", "2025-w26", "2025-w28",
         "2025-w29", "2025-w31"}  # weeks holding a letter's issue date or a register row's due date


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator.build import build_site

    tmp = tmp_path_factory.mktemp("report-site")
    root = make_report_content(tmp)
    build_site(root, tmp / "site", TODAY, build_dir=tmp / "build", cache_dir=tmp / "cache",
               run_pdf_gate=pdf_gate_ready())
    return root, tmp / "site"


def doc_at(site, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def number(text: str):
    """Parse a shown figure: '—' -> None, '66,7%' -> 0.667, '4,5' -> 4.5."""
    text = text.strip()
    if text == "—":
        return None
    if text.endswith("%"):
        return round(float(text[:-1].replace(".", "").replace(",", ".")) / 100, 4)
    return float(text.replace(".", "").replace(",", "."))


def agency_table(doc) -> dict[str, dict[str, float | None]]:
    table = doc.get_element_by_id("ck-report-agencies")
    out = {}
    for tr in table.xpath(".//tbody/tr | .//tfoot/tr"):
        out[tr.get("data-agency")] = {td.get("data-key"): number(td.text_content()) for td in tr.xpath("./td")}
    return out


def cli(capsys, root, *args) -> str:
    assert main(["report", "--content", str(root), "--today", TODAY.isoformat(), "--no-pdf", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("period", "unit"), [("2025-Q2", None), ("2025-Q2", "ubnd-cu-jut"), ("2025-W04", None),
                                              ("2025", "tthcc"), ("2025-H1", None), ("2025-04", None)])
def test_page_tables_equal_cli_json_and_csv(capsys, built, period, unit):
    root, site = built
    slug = period.lower()
    url = f"reports/{slug}/{unit}" if unit else f"reports/{slug}"
    doc = doc_at(site, url)
    shown = agency_table(doc)
    extra = ["--unit", unit] if unit else []
    data = json.loads(cli(capsys, root, "--period", period, "--format", "json", *extra))
    expected = {a["agency"]: a for a in data["agencies"]} | {"": data["totals"]}
    assert list(shown) == list(expected)
    for code, figures in shown.items():
        for key, value in figures.items():
            want = expected[code][key]
            assert value == (None if want is None else pytest.approx(want, abs=0.0005)), (code, key)
    reasons = doc.get_element_by_id("ck-report-reasons")
    for tr in reasons.xpath(".//tbody/tr | .//tfoot/tr"):
        got = {td.get("data-key")[len("reason:"):]: int(td.text_content()) for td in tr.xpath("./td")}
        assert got == expected[tr.get("data-agency")]["reasons"]
    out_csv = cli(capsys, root, "--period", period, "--format", "csv", *extra)
    csv_name = f"bao-cao-{slug}-{unit}.csv" if unit else f"bao-cao-{slug}.csv"
    assert (site / "reports" / slug / csv_name).read_text(encoding="utf-8") == out_csv
    href = doc.xpath("//a[contains(@class, 'ck-csv')]/@href")[0]
    assert (site / url / href).resolve() == (site / "reports" / slug / csv_name).resolve()
    assert doc.xpath("//*[@data-as-of]/@data-as-of")[0] == "2025-07-31"
    missing = [tr.get("data-dossier") for tr in doc.xpath("//table[@id='ck-report-missing']/tbody/tr")]
    assert missing == [m["dossier_code"] for m in data["missing"]]
    warnings = [tr.get("data-code") for tr in doc.xpath("//table[@id='ck-report-warnings']/tbody/tr")]
    assert warnings == [w["code"] for w in data["warnings"]]
    # the limit is above these lists' lengths: every row shown, no "Hiển thị" note, the full lists linked
    for kind, want in (("missing", list_codes(data, "missing")), ("warnings", list_codes(data, "warnings"))):
        note = doc.xpath(f"//p[@class='ck-list-note'][@data-list='{kind}']")
        if not want:
            assert note == [] and doc.xpath(f"//a[@data-list='{kind}']") == []
            continue
        assert "Hiển thị" not in note[0].text_content()
        assert (note[0].get("data-shown"), note[0].get("data-total")) == (str(len(want)), str(len(want)))
        href = note[0].xpath(".//a[@class='ck-csv-list']/@href")[0]
        assert list_csv_codes(kind, (site / url / href).read_text(encoding="utf-8")) == want


def list_codes(data: dict, kind: str) -> list[tuple[str, ...]]:
    """The rows of a list in the CLI's JSON, as (code?, dossier, agency) keys."""
    if kind == "missing":
        return [(m["dossier_code"], m["agency"]) for m in data["missing"]]
    return [(w["code"], w["dossier_code"], w["agency"]) for w in data["warnings"]]


def list_csv_codes(kind: str, text: str) -> list[tuple[str, ...]]:
    """The rows of a list's CSV, keyed like `list_codes`."""
    rows = list(csv.DictReader(io.StringIO(text)))
    if kind == "missing":
        return [(r["dossier_code"], r["agency"]) for r in rows]
    return [(r["code"], r["dossier_code"], r["agency"]) for r in rows]


def test_long_lists_show_the_limit_and_link_the_full_csv(tmp_path, capsys, monkeypatch):
    from generator.checks.orchestrator import check_content
    from generator.site.docs import render_docs
    from generator.site.reports import pages
    from generator.site.reports.pages import write_report_pages

    root = make_report_content(tmp_path)
    result = check_content(root, TODAY, run_pdf_gate=False)
    docs = tmp_path / "docs"
    rendered = render_docs(result.content, result.pdf_facts, TODAY, docs)
    limit = 2
    monkeypatch.setattr(pages, "LIST_LIMIT", limit)
    written = write_report_pages(result, docs, TODAY, site=rendered.site)
    truncated = 0
    for period, unit in [("2025", None), ("2025", "tthcc"), ("2025-Q2", None), ("2025-Q2", "ubnd-cu-jut"),
                         ("2025-04", None)]:
        data = json.loads(cli(capsys, root, "--period", period, "--format", "json",
                              *(["--unit", unit] if unit else [])))
        src = f"reports/{period.lower()}/{unit}.md" if unit else f"reports/{period.lower()}/index.md"
        doc = lxml_html.fromstring((docs / src).read_text(encoding="utf-8").split("---\n", 2)[2])
        for kind, table in (("missing", "ck-report-missing"), ("warnings", "ck-report-warnings")):
            want = list_codes(data, kind)
            rows = doc.xpath(f"//table[@id='{table}']/tbody/tr")
            assert len(rows) == min(limit, len(want)), (period, unit, kind)
            if not want:
                continue
            note = doc.xpath(f"//p[@class='ck-list-note'][@data-list='{kind}']")[0]
            assert (note.get("data-shown"), note.get("data-total")) == (str(len(rows)), str(len(want)))
            if len(want) > limit:
                truncated += 1
                assert f"Hiển thị {limit} / {len(want)}" in note.text_content()
                printed = note.getnext()  # print hides the link: the full list's file is named instead
                assert "ck-print-only" in printed.get("class") and ".csv" in printed.text_content()
            else:
                assert "Hiển thị" not in note.text_content()
            href = note.xpath(".//a[@class='ck-csv-list']/@href")[0]
            page_dir = (docs / src).with_suffix("") if unit else (docs / src).parent  # its URL's folder
            path = (page_dir / href).resolve()
            assert path.relative_to(docs.resolve()).as_posix() in written
            assert list_csv_codes(kind, path.read_text(encoding="utf-8")) == want  # every row, in order
    assert truncated >= 4  # the year's and Q2's portal pages cut both lists


def test_hand_figures_on_the_q2_page(built):
    _, site = built
    shown = agency_table(doc_at(site, "reports/2025-q2"))
    assert shown[""] == {"overdue": 5, "covered": 3, "coverage": 0.6, "missing": 2, "pending": 0, "letters": 3,
                         "in_time": 2, "mean_days_late": 5.3, "max_days_late": 6,
                         "mean_publication_days": 1.3}  # letters B, C, E: late 5, 6, 5 -> 16/3; lag 2, 1, 1 -> 4/3
    change = doc_at(site, "reports/2025-q2").get_element_by_id("ck-report-change")
    rows = {tr.get("data-key"): [td.text_content() for td in tr.xpath("./td")] for tr in change.xpath(".//tbody/tr")}
    # this period, previous, change, same period last year (before the data: unknown), change
    assert rows["coverage"] == ["60%", "50%", "+10 điểm phần trăm", "—", "—"]
    assert rows["letters"] == ["3", "1", "+2", "—", "—"]


def test_pages_exist_for_every_period_of_the_data_and_weeks_only_with_data(built):
    _, site = built
    folders = {p.name for p in (site / "reports").iterdir() if p.is_dir()}
    weeks = {name for name in folders if re.fullmatch(r"\d{4}-w\d{2}", name)}
    assert weeks == WEEKS
    assert {"2025-01", "2025-07", "2025-q1", "2025-q3", "2025-h1", "2025-h2", "2025"} <= folders
    assert (site / "reports/2025-q2/tthcc/index.html").is_file()
    assert (site / "reports/2025-q2/ubnd-cu-jut/index.html").is_file()
    assert not (site / "reports/2025-w31/ubnd-cu-jut").exists()  # no data of that unit that week
    year = doc_at(site, "reports/nam/2025")  # the index lists years; a year's page lists its periods
    assert {tr.get("data-period") for tr in year.xpath("//table[@data-kind='week']/tbody/tr")} == {
        w.upper() for w in WEEKS}
    assert {tr.get("data-period") for tr in year.xpath("//table[@data-kind='quarter']/tbody/tr")} >= {
        "2025-Q1", "2025-Q3"}


def test_the_index_lists_years_and_the_latest_periods_not_every_week(built):
    _, site = built
    index = doc_at(site, "reports")
    assert index.xpath("//table[@data-kind='week']") == []  # weeks are on the year's page
    assert [tr.get("data-year") for tr in index.xpath("//table[@data-kind='years']/tbody/tr")] == ["2025"]
    link = index.xpath("//a[@data-link='year-periods']/@href")[0]
    assert (site / "reports" / link / "index.html").resolve() == (site / "reports/nam/2025/index.html").resolve()
    latest = {tr.get("data-kind"): tr.get("data-period")
              for tr in index.xpath("//table[@data-kind='latest']/tbody/tr")}
    assert latest == {"year": "2025", "nine": "2025-9T", "half": "2025-H2", "quarter": "2025-Q3", "month": "2025-07",
                      "week": max(WEEKS).upper()}
    year_link = index.xpath("//tr[@data-year='2025']/td[2]/a/@href")[0]  # the year report, whole portal
    assert (site / "reports" / year_link / "index.html").resolve() == (site / "reports/2025/index.html").resolve()


def test_historical_agency_links_its_successor_and_charts_are_svg(built):
    _, site = built
    doc = doc_at(site, "reports/2025-q2")
    row = doc.xpath("//table[@id='ck-report-agencies']//tr[@data-agency='ubnd-cu-jut']")[0]
    assert "UBND huyện Cư Jút" in row.text_content()
    link = row.xpath(".//a[@data-link='successor']/@href")[0]
    assert (site / "reports/2025-q2" / link / "index.html").resolve() == (
        site / "agencies/ubnd-xa-cu-jut/index.html").resolve()
    assert len(doc.xpath("//figure[@class='ck-figure']/*[local-name()='svg']")) == 3


def test_navigation_and_print_stylesheet(built):
    _, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="reports/"' in home and "Báo cáo" in home
    assert "assets/print-report.css" in home
    css = (site / "assets/print-report.css").read_text(encoding="utf-8")
    assert "size: A4" in css and "@media print" in css
    q2 = (site / "reports/2025-q2/index.html").read_text(encoding="utf-8")
    nav_links = lxml_html.fromstring(q2).xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not any("2025-q" in href for href in nav_links)  # report pages are reached from the index


def test_agency_page_shows_coverage_and_missing_letters(built):
    _, site = built
    doc = doc_at(site, "agencies/so-tnmt")
    section = doc.xpath("//section[@class='ck-compliance']")[0]
    assert section.xpath(".//p[@class='ck-coverage']/@data-coverage") == ["0.5"]
    assert "2/4" in section.text_content()
    assert [tr.get("data-dossier") for tr in section.xpath(".//table/tbody/tr")] == [CODES["J"], CODES["G"]]


@pytest.mark.browser
@requires_chromium
def test_report_prints_on_a4_without_the_site_chrome(built, page):
    _, site = built
    with serve_directory(site) as base:
        page.goto(f"{base}/reports/2025-q2/")
        page.emulate_media(media="print")
        shown = page.evaluate("""() => ({
            header: getComputedStyle(document.querySelector('.md-header')).display,
            sidebar: getComputedStyle(document.querySelector('.md-sidebar')).display,
            signatures: getComputedStyle(document.querySelector('.ck-signatures')).display,
            issuer: getComputedStyle(document.querySelector('.ck-report-issuer')).display,
            table: document.querySelector('#ck-report-agencies').getBoundingClientRect().width,
        })""")
        assert (shown["header"], shown["sidebar"], shown["signatures"], shown["issuer"]) == (
            "none", "none", "grid", "block")
        assert shown["table"] > 0
        pdf = page.pdf(prefer_css_page_size=True)
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Báo cáo quý — Quý II/2025" in text and "(Ký, ghi rõ h" in text  # title and signature block printed
