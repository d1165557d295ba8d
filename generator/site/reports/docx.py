"""`report --format docx`: the report as a Word document in the layout of Decree 30/2020/NĐ-CP (python-docx).

Page: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt (Appendix I of the decree:
top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm; body text 13-14 pt). Parts, in order: a borderless
two-column header (issuing body and number | national motto, place and date), the kind "BÁO CÁO" and the
abstract, the body (period, headline figures with the previous period and the same period last year, the
agency table, the on-time tables or what cannot be given, the reasons table, each chart as an image with its
data table), then a two-column footer ("Nơi nhận" | signature block). Every number comes from the same
functions as the report page (generator/site/reports/tables.py, headline.py).
"""

from __future__ import annotations

import io
from datetime import date

from generator.figures.compliance import Report
from generator.content.model import Portal
from generator.site.common import fmt_date
from generator.site.reports import chart_png, tables
from generator.site.reports.letterhead import Letterhead, letterhead
from generator.site.reports.ontime_view import OnTimeView, unavailable_text
from generator.strings import glossary as G
from generator.strings import reports as R

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 10


def _run(paragraph, text: str, *, bold: bool = False, italic: bool = False, size: int | None = None):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    run.font.size = Pt(size or BODY_PT)
    return run


def _centred(container, lines: list[tuple[str, dict]]) -> None:
    """Centred paragraphs in a table cell or the document (a cell's first, empty paragraph is used first)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for text, style in lines:
        paragraphs = container.paragraphs
        fresh = len(paragraphs) == 1 and not paragraphs[0].runs and not paragraphs[0].text
        paragraph = paragraphs[0] if fresh else container.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, **style)


def _header(doc, head: Letterhead) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = True
    left, right = table.rows[0].cells
    _centred(left, [(head.issuer_parent, {"size": 12})] if head.issuer_parent else [])
    _centred(left, [(head.issuer, {"bold": True, "size": 12}), (head.number, {"size": 13})])
    _centred(right, [(head.motto[0], {"bold": True, "size": 12}), (head.motto[1], {"bold": True, "size": 13}),
                     (head.place_date, {"italic": True, "size": 13})])


def _title(doc, head: Letterhead) -> None:
    _centred(doc, [("", {}), (head.kind, {"bold": True, "size": 14}), (head.abstract, {"bold": True, "size": 13})])


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        _run(cell.paragraphs[0], str(text), bold=True, size=TABLE_PT)
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values)):
            paragraph = cell.paragraphs[0]
            if i:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(paragraph, str(text), size=TABLE_PT)


def _heading(doc, text: str) -> None:
    _run(doc.add_paragraph(), text, bold=True)


def _footer(doc, head: Letterhead) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _run(left.paragraphs[0], R.DOC_RECIPIENTS, bold=True, italic=True, size=12)
    for line in head.recipients:
        _run(left.add_paragraph(), line, size=11)
    lines = [(x, {"bold": True}) for x in (head.signer_authority, head.signer_title) if x]
    lines += [(R.DOC_SIGNATURE_HINT, {"italic": True, "size": 11}), ("", {}), ("", {}), ("", {})]
    lines += [(head.signer_name, {"bold": True})] if head.signer_name else []
    _centred(right, lines)


def _charts(doc, charts: list[dict]) -> None:
    from docx.shared import Cm

    for chart in charts:
        _run(doc.add_paragraph(), chart["title"], italic=True)
        png = chart_png.bar_png(chart["title"], chart["groups"], chart["legend"], percent=chart["percent"])
        if png:
            doc.add_picture(io.BytesIO(png), width=Cm(16))
        _table(doc, chart["header"], chart["rows"])


def build_docx(portal: Portal, report: Report, view: OnTimeView | None, charts: list[dict],
               data_from: date | None = None) -> bytes:
    """The report as .docx bytes (`charts`: generator/site/reports/pages.py `charts(report)`; `data_from`: the first
    day with data, see headline.headlines)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    head = letterhead(portal, report)
    _header(doc, head)
    _title(doc, head)
    period = report.period
    _heading(doc, R.DOC_PERIOD)
    _run(doc.add_paragraph(), R.REPORT_PERIOD.format(period=period.label, start=fmt_date(period.start),
                                                     end=fmt_date(period.end)) + " " + period.scheme_note)
    _run(doc.add_paragraph(), R.REPORT_AS_OF.format(as_of=fmt_date(report.as_of))
         + (" " + R.REPORT_PARTIAL if report.partial else ""))
    _heading(doc, R.DOC_HEADLINE)
    _table(doc, list(R.CHANGE_COLUMNS), tables.change_rows(report, view, data_from))
    _heading(doc, R.DOC_AGENCIES)
    rows = [[tables.agency_label(r), *(tables.cell(k, getattr(r, k)) for k in tables.SHOWN_FIGURES)]
            for r in report.rows]
    rows.append([R.TOTAL, *(tables.cell(k, getattr(report.totals, k)) for k in tables.SHOWN_FIGURES)])
    _table(doc, [R.COLUMNS[k] for k in ("agency_name", *tables.SHOWN_FIGURES)], rows)
    _heading(doc, R.DOC_ONTIME)
    if view is None:
        _run(doc.add_paragraph(), unavailable_text() if report.has_register else R.REPORT_NO_REGISTER)
    else:
        for title, (header, body) in tables.ontime_tables(view):
            _run(doc.add_paragraph(), title, italic=True)
            _table(doc, header, body)
    _heading(doc, R.DOC_REASONS)
    _table(doc, [R.REASONS_AGENCY, R.LEGEND_REASONS],
           [[label, str(report.totals.reasons.get(code, 0))] for code, label in report.reason_labels.items()])
    if charts:
        _heading(doc, R.DOC_CHARTS)
        _charts(doc, charts)
    _run(doc.add_paragraph(), R.DOC_DEFINITIONS.format(url=portal.site_url.rstrip("/") + "/" + G.PAGE_URL),
         italic=True, size=11)
    _footer(doc, head)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
