"""A report as data: the JSON payload (see report.schema.json), the CSV tables and a Markdown rendering.

The CSV beside each report page, `report --format csv` and the page's agency table hold the same
rows: one per agency, then the totals (agency ""); the JSON's `agencies` + `totals` hold the same values.
A report page shows the first rows of its missing-letter and warning lists; `missing_csv` / `warnings_csv`
(beside the page) hold every row, like the JSON's `missing` / `warnings`. Every report CSV goes through `to_csv`.
"""

from __future__ import annotations

from pathlib import Path

from generator import csvout, jsonout
from generator.compliance import FIGURES, Report, Row
from generator.render.common import fmt_date, fmt_number, fmt_share
from generator.strings import reports as S

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
SCHEMA_ID = "https://congkhai.example/schemas/report.schema.json"
COVERAGE_DIGITS = 4  # coverage is rounded to this many decimals in JSON and CSV


def _clean(value):
    if isinstance(value, float):
        return round(value, COVERAGE_DIGITS)
    return value


def row_dict(row: Row) -> dict:
    """A row as JSON-ready values (floats rounded)."""
    return {key: _clean(value) for key, value in row.as_dict().items()}


def totals_dict(row: Row) -> dict:
    """The totals row: figures and reasons only."""
    values = row_dict(row)
    return {key: values[key] for key in (*FIGURES, "reasons")}


def change(report: Report) -> dict:
    """This period's totals minus the previous period's (None when either side is unknown)."""
    out = {}
    for key in S.CHANGE_ROWS:
        now, before = getattr(report.totals, key), getattr(report.previous_totals, key)
        out[key] = None if now is None or before is None else _clean(now - before)
    return out


def report_json(report: Report) -> dict:
    """The JSON payload of a report (documented by report.schema.json)."""
    period = report.period
    previous = period.previous()
    return {
        "$schema": SCHEMA_ID,
        "period": {"code": period.code, "kind": period.kind, "start": period.start.isoformat(),
                   "end": period.end.isoformat(), "label": period.label},
        "unit": {"code": report.unit.code, "name": report.unit.name} if report.unit else None,
        "as_of": report.as_of.isoformat(),
        "partial": report.partial,
        "has_register": report.has_register,
        "settings": {"missing_letter_grace_working_days": report.grace,
                     "apology_lead_working_days": report.lead},
        "reasons": dict(report.reason_labels),
        "agencies": [row_dict(row) for row in report.rows],
        "totals": totals_dict(report.totals),
        "previous": {"period": previous.code, "totals": totals_dict(report.previous_totals)},
        "change": change(report),
        "missing": [
            {"dossier_code": m.row.dossier_code, "agency": m.row.agency, "procedure": m.row.procedure,
             "received_on": m.row.received_on.isoformat(), "due_on": m.row.due_on.isoformat(),
             "returned_on": m.row.returned_on.isoformat() if m.row.returned_on else None,
             "working_days_overdue": m.working_days_overdue, "source": m.row.source, "line": m.row.line}
            for m in report.missing
        ],
        "warnings": [
            {"code": w.code, "dossier_code": w.dossier_code, "agency": w.agency, "day": w.day.isoformat(),
             "message": w.problem.message, "file": w.problem.file, "line": w.problem.line}
            for w in report.warnings
        ],
    }


def dumps_json(report: Report) -> str:
    """The JSON payload as text."""
    return jsonout.dumps(report_json(report), indent=2) + "\n"


def csv_header(report: Report) -> list[str]:
    """Columns of the CSV: agency, name, historical, successor, every figure, one per reason."""
    return ["agency", "agency_name", "historical", "successor", *FIGURES,
            *(f"reason:{code}" for code in report.reason_labels)]


def csv_rows(report: Report, memo: dict | None = None) -> list[list[str]]:
    """The CSV's data rows (agencies, then the totals with agency ""); `memo` keeps each row's cells for
    other reports showing the same (memoized, alive) Row object."""
    out = []
    for row in [*report.rows, report.totals]:
        if memo is not None and ("csv", id(row)) in memo:
            out.append(memo[("csv", id(row))])
            continue
        values = row_dict(row)
        name = values["agency_name"] if row.agency else S.TOTAL
        cells = [row.agency, name, "1" if row.historical else "0", row.successor or ""]
        cells += ["" if values[key] is None else str(values[key]) for key in FIGURES]
        cells += [str(row.reasons.get(code, 0)) for code in report.reason_labels]
        out.append(cells)
        if memo is not None:
            memo[("csv", id(row))] = cells
    return out


def to_csv(header: list[str] | tuple[str, ...], rows: list[list[str]]) -> str:
    """CSV text of the reports: the one writer of every report CSV (agency table, missing-letter list,
    consistency warnings), through generator/csvout.py (text cells safe in a spreadsheet)."""
    return csvout.to_csv(header, rows, numeric=[name for name in header if name not in TEXT_COLUMNS])


# Report CSV columns holding text; every other column (figures, reasons:*, historical) holds numbers.
TEXT_COLUMNS = frozenset({"agency", "agency_name", "successor", "dossier_code", "procedure", "received_on", "due_on",
                          "returned_on", "code", "kind", "day", "message"})


def dumps_csv(report: Report, memo: dict | None = None) -> str:
    """The report's agency table as CSV (UTF-8 text, header row first)."""
    return to_csv(csv_header(report), csv_rows(report, memo))


# The full lists beside a report page (the page shows the first rows only): machine values, like the JSON.
MISSING_CSV_HEADER = ("dossier_code", "agency", "agency_name", "procedure", "received_on", "due_on", "returned_on",
                      "working_days_overdue")
WARNINGS_CSV_HEADER = ("code", "kind", "dossier_code", "agency", "agency_name", "day", "message")


def missing_csv(report: Report) -> str:
    """Every dossier of the missing-letter list as CSV (the page may show only the first ones)."""
    names = {row.agency: row.agency_name for row in report.rows}
    rows = [[m.row.dossier_code, m.row.agency, names.get(m.row.agency, m.row.agency), m.row.procedure,
             m.row.received_on.isoformat(), m.row.due_on.isoformat(),
             m.row.returned_on.isoformat() if m.row.returned_on else "", str(m.working_days_overdue)]
            for m in report.missing]
    return to_csv(MISSING_CSV_HEADER, rows)


def warnings_csv(report: Report) -> str:
    """Every consistency warning as CSV (the page may show only the first ones)."""
    names = {row.agency: row.agency_name for row in report.rows}
    rows = [[w.code, S.WARNING_KINDS[w.code], w.dossier_code, w.agency, names.get(w.agency, w.agency),
             w.day.isoformat(), w.problem.message] for w in report.warnings]
    return to_csv(WARNINGS_CSV_HEADER, rows)


def cell(key: str, value) -> str:
    """A figure as shown on pages and in Markdown (decimal comma, percentages, dash for unknown)."""
    if key == "coverage":
        return fmt_share(value)
    return fmt_number(value)


def scope_label(report: Report) -> str:
    """'Toàn tỉnh' or the unit's name."""
    return report.unit.name if report.unit else S.WHOLE_PORTAL


def title(report: Report) -> str:
    """Page title, e.g. 'Báo cáo quý — Quý II/2025 — Toàn tỉnh'."""
    return f"{S.REPORT_TITLE.format(kind=S.KIND_TITLES[report.period.kind], period=report.period.label)}" \
           f" — {scope_label(report)}"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def esc(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(esc(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return lines


def dumps_markdown(report: Report) -> str:
    """The report as plain Markdown (the CLI's `--format md`): header lines and pipe tables."""
    p = report.period
    out = [f"# {title(report)}", "",
           S.REPORT_PERIOD.format(period=p.label, start=fmt_date(p.start), end=fmt_date(p.end)),
           S.REPORT_AS_OF.format(as_of=fmt_date(report.as_of)), ""]
    if report.partial:
        out += [S.REPORT_PARTIAL, ""]
    if not report.has_register:
        out += [S.REPORT_NO_REGISTER, ""]
    header = [S.COLUMNS[key] for key in ("agency_name", *FIGURES)]
    rows = [[agency_label(row), *(cell(k, getattr(row, k)) for k in FIGURES)] for row in report.rows]
    rows.append([S.TOTAL, *(cell(k, getattr(report.totals, k)) for k in FIGURES)])
    out += [f"## {S.H_AGENCIES}", "", *_md_table(header, rows), ""]
    out += [f"## {S.H_CHANGE}", "", *_md_table(list(S.CHANGE_COLUMNS), change_rows(report)), ""]
    reason_header = [S.REASONS_AGENCY, *report.reason_labels.values()]
    reason_rows = [[agency_label(r), *(str(r.reasons.get(c, 0)) for c in report.reason_labels)]
                   for r in [*report.rows, report.totals]]
    reason_rows[-1][0] = S.TOTAL
    out += [f"## {S.H_REASONS}", "", *_md_table(reason_header, reason_rows), ""]
    out += [f"## {S.H_MISSING}", ""]
    if report.missing:
        out += _md_table(list(S.MISSING_COLUMNS), missing_rows(report))
    else:
        out.append(S.NO_MISSING)
    out += ["", f"## {S.H_WARNINGS}", ""]
    if report.warnings:
        out += _md_table(list(S.WARNING_COLUMNS), warning_rows(report))
    else:
        out.append(S.NO_WARNINGS)
    return "\n".join(out) + "\n"


def agency_label(row: Row) -> str:
    """An agency's name, with '(ngừng hoạt động từ …; kế nhiệm: …)' for historical agencies."""
    if not row.historical:
        return row.agency_name
    text = f"{row.agency_name} {S.HISTORICAL.format(day=fmt_date(row.valid_to))}" if row.valid_to else row.agency_name
    return f"{text} ({S.SUCCESSOR.format(name=row.successor_name)})" if row.successor_name else text


def change_rows(report: Report) -> list[list[str]]:
    """(figure, this period, previous period, change) rows, formatted."""
    delta = change(report)
    rows = []
    for key, label in S.CHANGE_ROWS.items():
        now, before = getattr(report.totals, key), getattr(report.previous_totals, key)
        if key == "coverage":
            diff = S.NOT_APPLICABLE if delta[key] is None else _signed(round(delta[key] * 100, 1)) + S.PERCENT_POINTS
        else:
            diff = S.NOT_APPLICABLE if delta[key] is None else _signed(delta[key])
        rows.append([label, cell(key, now), cell(key, before), diff])
    return rows


def _signed(value: float) -> str:
    text = fmt_number(abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def missing_rows(report: Report, names: dict[str, str] | None = None, limit: int | None = None) -> list[list[str]]:
    """Rows of the missing-letter table, formatted (the first `limit` only, when given)."""
    names = names or {row.agency: row.agency_name for row in report.rows}
    return [[m.row.dossier_code, names.get(m.row.agency, m.row.agency), m.row.procedure, fmt_date(m.row.due_on),
             str(m.working_days_overdue), fmt_date(m.row.returned_on) if m.row.returned_on else S.NO]
            for m in report.missing[:limit]]


def warning_rows(report: Report, limit: int | None = None) -> list[list[str]]:
    """Rows of the consistency-warning table, formatted (the first `limit` only, when given)."""
    names = {row.agency: row.agency_name for row in report.rows}
    return [[S.WARNING_KINDS[w.code], w.dossier_code, names.get(w.agency, w.agency), w.problem.message]
            for w in report.warnings[:limit]]
