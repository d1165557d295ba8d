"""A report as data: the JSON payload (see report.schema.json), the CSV tables and a Markdown rendering.

The CSV beside each report page, `report --format csv` and the page's agency table hold the same
rows: one per agency, then the totals (agency ""); the JSON's `agencies` + `totals` hold the same values.
A report page shows the first rows of its missing-letter and warning lists; `missing_csv` / `warnings_csv`
(beside the page) hold every row, like the JSON's `missing` / `warnings`. Every report CSV goes through `to_csv`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator import csvout, jsonout
from generator.figures import ontime
from generator.figures.compliance import FIGURES, MEANS, Report, Row
from generator.site.common import fmt_date, fmt_number
from generator.site.reports import headline
from generator.site.reports.ontime_view import OnTimeView, unavailable_text
from generator.strings import reports as S

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
SCHEMA_ID = "https://congkhai.example/schemas/report.schema.json"
COVERAGE_DIGITS = 4  # coverage is rounded to this many decimals in JSON and CSV
DATA_FIGURES = (*FIGURES, *MEANS)
"""The figures of a row in the data (JSON, CSV): medians and means."""
SHOWN_FIGURES = ("overdue", "covered", "coverage", "missing", "pending", "letters", "in_time", "mean_days_late",
                 "max_days_late", "mean_publication_days")
"""The figures of a row on pages, in Markdown and in the Word report (bình quân, the figure officers use)."""


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
    return {key: values[key] for key in (*DATA_FIGURES, "reasons")}


def change(report: Report) -> dict:
    """This period's totals minus the previous period's (None when either side is unknown)."""
    out = {}
    for key in S.CHANGE_ROWS:
        now, before = getattr(report.totals, key), getattr(report.previous_totals, key)
        out[key] = None if now is None or before is None else _clean(now - before)
    return out


def report_json(report: Report, view: OnTimeView | None = None, data_from: date | None = None) -> dict:
    """The JSON payload of a report (documented by report.schema.json)."""
    period = report.period
    previous = period.previous()
    items = headline.headlines(report, view, data_from)
    return {
        "$schema": SCHEMA_ID,
        "period": {"code": period.code, "kind": period.kind, "start": period.start.isoformat(),
                   "end": period.end.isoformat(), "label": period.label, "scheme": period.scheme},
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
        "year_before": {"period": period.year_before().code,
                        "totals": totals_dict(report.year_before_totals) if report.year_before_totals else None},
        "headline": [{"key": h.key, "now": _clean(h.now), "previous": _clean(h.previous),
                      "year_before": _clean(h.year_before), "change_previous": _clean(h.change_previous),
                      "change_year": _clean(h.change_year)} for h in items],
        "ontime": ontime_json(view),
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


def ontime_json(view: OnTimeView | None) -> dict:
    """The on-time part of the JSON: available, totals and the breakdowns (null figures when unavailable)."""
    if view is None:
        return {"available": False, "unavailable": list(ontime.UNAVAILABLE_WITHOUT_FULL_EXPORT)}
    return {
        "available": True, "totals": view.totals.as_dict(), "previous": view.previous.as_dict(),
        "year_before": view.year_before.as_dict(),
        "agencies": [{"rank": rank, "agency": code, **fig.as_dict()} for rank, code, _, fig in view.agencies],
        "sectors": [{"sector": name, **fig.as_dict()} for name, fig in view.sectors],
        "procedures": [{"procedure": name, **fig.as_dict()} for name, fig in view.procedures],
        "channels": [{"channel": name, **fig.as_dict()} for name, fig in view.channels],
    }


def dumps_json(report: Report, view: OnTimeView | None = None, data_from: date | None = None) -> str:
    """The JSON payload as text."""
    return jsonout.dumps(report_json(report, view, data_from), indent=2) + "\n"


def csv_header(report: Report) -> list[str]:
    """Columns of the CSV: agency, name, historical, successor, every figure, one per reason."""
    return ["agency", "agency_name", "historical", "successor", *DATA_FIGURES,
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
        cells += ["" if values[key] is None else str(values[key]) for key in DATA_FIGURES]
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
    return headline.value_text(key, value)


def scope_label(report: Report) -> str:
    """'Toàn tỉnh' or the unit's name."""
    return report.unit.name if report.unit else report.whole_label


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


def dumps_markdown(report: Report, view: OnTimeView | None = None, data_from: date | None = None) -> str:
    """The report as plain Markdown (the CLI's `--format md`): header lines and pipe tables."""
    p = report.period
    out = [f"# {title(report)}", "",
           S.REPORT_PERIOD.format(period=p.label, start=fmt_date(p.start), end=fmt_date(p.end)),
           p.scheme_note, S.REPORT_AS_OF.format(as_of=fmt_date(report.as_of)), ""]
    if report.partial:
        out += [S.REPORT_PARTIAL, ""]
    if not report.has_register:
        out += [S.REPORT_NO_REGISTER, ""]
    out += [f"## {S.H_CHANGE}", "", *_md_table(list(S.CHANGE_COLUMNS), change_rows(report, view, data_from)), ""]
    header = [S.COLUMNS[key] for key in ("agency_name", *SHOWN_FIGURES)]
    rows = [[agency_label(row), *(cell(k, getattr(row, k)) for k in SHOWN_FIGURES)] for row in report.rows]
    rows.append([S.TOTAL, *(cell(k, getattr(report.totals, k)) for k in SHOWN_FIGURES)])
    out += [f"## {S.H_AGENCIES}", "", *_md_table(header, rows), ""]
    out += [f"## {S.H_ONTIME}", ""]
    if view is None:
        out += [unavailable_text() if report.has_register else S.REPORT_NO_REGISTER, ""]
    else:
        for heading, table in ontime_tables(view):
            out += [f"### {heading}", "", *_md_table(table[0], table[1]), ""]
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


def change_rows(report: Report, view: OnTimeView | None = None, data_from: date | None = None) -> list[list[str]]:
    """(figure, this period, previous period, change, same period last year, change) rows, formatted."""
    return [cells for _, cells in headline.rows(headline.headlines(report, view, data_from))]


ONTIME_SHOWN = ("received", "resolved", "resolved_early", "resolved_on_due", "resolved_late", "in_progress",
                "in_progress_late", "on_time_rate", "late", "late_with_letter", "late_coverage")


def ontime_tables(view: OnTimeView, procedure_limit: int = 20) -> list[tuple[str, tuple[list[str], list[list[str]]]]]:
    """(heading, (header, rows)) of the on-time tables: agencies ranked, sectors, procedures, channels."""
    figures_header = [S.COLUMNS[k] for k in ONTIME_SHOWN]

    def cells(fig) -> list[str]:
        return [cell(k, getattr(fig, k)) for k in ONTIME_SHOWN]

    agencies = ([S.ONTIME_RANK, S.ONTIME_GROUP["agency"], *figures_header],
                [[fmt_number(rank) if rank else S.NOT_APPLICABLE, name, *cells(fig)]
                 for rank, _, name, fig in view.agencies] + [["", S.TOTAL, *cells(view.totals)]])
    out = [(S.H_ONTIME_AGENCIES, agencies)]
    for heading, group, items in ((S.H_ONTIME_SECTORS, "sector", view.sectors),
                                  (S.H_ONTIME_PROCEDURES, "procedure", view.procedures[:procedure_limit]),
                                  (S.H_ONTIME_CHANNELS, "channel", view.channels)):
        if items:
            out.append((heading, ([S.ONTIME_GROUP[group], *figures_header], [[n, *cells(f)] for n, f in items])))
    return out


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


def report_moves(report: Report) -> str:
    """'2 hồ sơ của UBND huyện A → UBND xã B; …': register rows counted for a successor (see compliance)."""
    from collections import Counter

    moves = Counter((row.agency, new) for row, new in report.reassigned)
    names = report.agency_names
    return "; ".join(S.REPORT_MOVE.format(count=n, old=names.get(old, old), new=names.get(new, new))
                     for (old, new), n in sorted(moves.items()))
