"""Report pages: one per period kind × period × scope (the whole portal and each tracking unit), a CSV beside each.

Layout under the docs folder (URLs with directory URLs):
  reports/index.md                          the index: latest period of each kind, then a row per year
  reports/nam/<year>.md                     a year's halves, quarters, months and weeks (generator/site/reports/index.py)
  reports/<period>/index.md                 the whole portal        -> reports/2025-q2/
  reports/<period>/<unit>.md                a tracking unit         -> reports/2025-q2/tthcc/
  reports/<period>/bao-cao-<period>[-<unit>].csv   the agency table of that page (same as `report --format csv`)
  reports/<period>/thieu-van-ban-<period>[-<unit>].csv   the page's full missing-letter list (when not empty)
  reports/<period>/chua-khop-<period>[-<unit>].csv       the page's full consistency warnings (when not empty)
A page shows at most LIST_LIMIT rows of each list, says how many there are and links the list's CSV.
Which periods get pages (bounded): weeks that hold data of the scope (a letter issued or a register row due);
months, quarters, halves and years from the scope's first to its last data day (up to the as-of date).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.figures.compliance import Compliance, Report, Row
from generator.parallel import run_tasks, workers
from generator.figures.periods import KINDS, Period, periods_of, spanned
from generator.site.common import fmt_date, fmt_number, make_env, page_html, url_of, write_page
from generator.site.reports import headline, tables
from generator.site.reports.charts import hbar_chart
from generator.site.reports.glossary_page import write_glossary
from generator.site.reports.index import page_src, write_index
from generator.site.reports.inputs import ReportInputs, inputs_of
from generator.site.reports.letterhead import letterhead
from generator.site.reports.ontime_view import OnTimeView, ontime_view, unavailable_text
from generator.site.skips import Skips, render_all
from generator.strings import glossary as G
from generator.strings import reports as R

PERIODS_PER_WORKER = 50  # report pages are written on every core when each gets at least this many periods
LIST_LIMIT = 100  # rows of each list (missing letters, consistency warnings) shown on a page; all are in its CSV
LIST_CSV_PREFIXES = {"missing": "thieu-van-ban", "warnings": "chua-khop"}


@functools.cache
def report_env() -> jinja2.Environment:
    """The site's Jinja environment with the report pages' names (one per process: its templates are
    compiled once, not once per agency page)."""
    return make_env(R=R, G=G, cell=tables.cell, figure_cells=figure_cells, reason_cells=reason_cells,
                    report_moves=tables.report_moves)


def csv_src(period: Period, unit: str | None) -> str:
    """Docs path of the CSV beside a report page."""
    name = f"bao-cao-{period.slug}-{unit}.csv" if unit else f"bao-cao-{period.slug}.csv"
    return f"reports/{period.slug}/{name}"


def list_csv_src(kind: str, period: Period, unit: str | None) -> str:
    """Docs path of the CSV of a page's full list (`kind`: missing, warnings)."""
    name = f"{LIST_CSV_PREFIXES[kind]}-{period.slug}-{unit}" if unit else f"{LIST_CSV_PREFIXES[kind]}-{period.slug}"
    return f"reports/{period.slug}/{name}.csv"


def list_note(kind: str, total: int, csv_url: str) -> dict | None:
    """What a page says above a list: rows shown of how many, the full list's CSV (None for an empty list)."""
    if not total:
        return None
    shown = min(total, LIST_LIMIT)
    noun = R.LIST_NOUNS[kind]
    truncated = shown < total
    text = (R.LIST_SHOWN.format(shown=fmt_number(shown), total=fmt_number(total), noun=noun) if truncated
            else R.LIST_ALL.format(total=fmt_number(total), noun=noun))
    return {"kind": kind, "shown": shown, "total": total, "text": text, "csv_url": csv_url,
            "link": R.LIST_CSV_FULL if truncated else R.LIST_CSV,
            "print": R.LIST_PRINT_NOTE.format(name=csv_url.rsplit("/", 1)[-1]) if truncated else None}


def report_periods(comp: Compliance, unit: str | None) -> dict[str, list[Period]]:
    """Periods that get a page for a scope, by kind (bounded: see the module docstring)."""
    days = [d for d in comp.data_days(unit) if d <= comp.as_of]
    if not days:
        return {kind: [] for kind in KINDS}
    scheme = comp.content.portal.reports.period_scheme
    out = {kind: spanned(kind, days[0], days[-1], scheme) for kind in KINDS if kind != "week"}
    out["week"] = periods_of("week", days)
    return out


def charts(report: Report) -> list[dict]:
    """The page's charts: each with its title, its SVG and its data table (header, rows of formatted cells)."""
    key = f"{report.period.slug}-{report.unit.code if report.unit else 'all'}"
    out = []
    rows = [r for r in report.rows if r.letters or r.overdue]
    if rows:
        groups = [(r.agency_name, [r.overdue, r.letters] if report.has_register else [r.letters]) for r in rows]
        legend = [R.LEGEND_OVERDUE, R.LEGEND_LETTERS] if report.has_register else [R.LEGEND_LETTERS]
        out.append(_chart(groups, legend, R.CHART_LETTERS, f"chart-letters-{key}"))
        covered = [(r.agency_name, [round(r.coverage * 100, 1)]) for r in rows if r.coverage is not None]
        if covered:
            out.append(_chart(covered, [R.COLUMNS["coverage"]], R.CHART_COVERAGE, f"chart-coverage-{key}",
                              percent=True))
    reasons = [(report.reason_labels[c], [n]) for c, n in report.totals.reasons.items() if n]
    if reasons:
        out.append(_chart(reasons, [R.LEGEND_REASONS], R.CHART_REASONS, f"chart-reasons-{key}"))
    return [c for c in out if c["svg"]]


def _chart(groups: list[tuple[str, list]], legend: list[str], title: str, chart_id: str, *,
           percent: bool = False) -> dict:
    svg = hbar_chart(groups, legend, title, chart_id, percent=percent)
    shown = [[label, *(R.NOT_APPLICABLE if v is None else fmt_number(v) + ("%" if percent else "") for v in vals)]
             for label, vals in groups]
    return {"id": chart_id, "title": title, "svg": svg, "header": [R.CHART_GROUP, *legend], "rows": shown,
            "groups": groups, "legend": legend, "percent": percent}


_CELLS: dict[tuple, str] = {}  # (figure, type, value) -> its <td>: a few thousand distinct values per site


def _td(key: str, value) -> str:
    html = _CELLS.get((key, type(value), value))
    if html is None:
        html = _CELLS[(key, type(value), value)] = \
            f'<td class="ck-num" data-key="{key}">{escape(tables.cell(key, value))}</td>'
    return html


def figure_cells(row: Row) -> Markup:
    """The figure cells of an agency table row (`<td>` per figure, table order)."""
    return Markup("".join([_td(key, getattr(row, key)) for key in tables.SHOWN_FIGURES]))


def reason_cells(row: Row, reason_labels: dict[str, str]) -> Markup:
    """The cells of a reasons table row (letters per reason)."""
    return Markup("".join([f'<td class="ck-num" data-key="reason:{escape(code)}">{row.reasons.get(code, 0)}</td>'
                           for code in reason_labels]))


def agency_rows(report: Report, page_url: str, memo: dict | None = None) -> Markup:
    """The agency table's body rows (built here, not in the template: they are most of a report page's cost).

    `memo` (one per period) keeps each row's HTML for the other pages of the period showing the same row
    (the portal's and its units'); rows are the Compliance's memoized objects, alive while it lives."""
    memo = {} if memo is None else memo
    out = []
    for row in report.rows:
        html = memo.get(("agency", id(row)))
        if html is None:
            html = memo[("agency", id(row))] = _agency_row(row)
        out.append(html)
    return Markup("".join(out).replace(_SITE_ROOT, "../" * page_url.count("/")))  # a row fits any page depth


_SITE_ROOT = "\x00"  # stands for the relative path to the site root while a row is kept in the memo


def _agency_row(row: Row) -> str:
    head = f'<a href="{_SITE_ROOT}{escape(f"agencies/{row.agency}/")}">{escape(row.agency_name)}</a>'
    if row.historical:
        head += f' <span class="ck-note">{escape(R.HISTORICAL.format(day=fmt_date(row.valid_to)))}</span>'
        if row.successor:
            head += (f' <span class="ck-note">{escape(R.SUCCESSOR.format(name=""))}<a data-link="successor" '
                     f'href="{_SITE_ROOT}{escape(f"agencies/{row.successor}/")}">'
                     f'{escape(row.successor_name)}</a></span>')
    css = ' class="ck-historical"' if row.historical else ""
    return f'<tr data-agency="{escape(row.agency)}"{css}><th scope="row">{head}</th>{figure_cells(row)}</tr>\n'


def reason_rows(report: Report, memo: dict | None = None) -> Markup:
    """The reasons table's body rows (`memo` as for `agency_rows`)."""
    memo = {} if memo is None else memo
    out = []
    for row in report.rows:
        html = memo.get(("reasons", id(row)))
        if html is None:
            html = memo[("reasons", id(row))] = (
                f'<tr data-agency="{escape(row.agency)}"><th scope="row">{escape(row.agency_name)}</th>'
                f'{reason_cells(row, report.reason_labels)}</tr>\n')
        out.append(html)
    return Markup("".join(out))


def write_report(env: jinja2.Environment, docs_dir: Path, report: Report, issuer: str,
                 exists: set[tuple[str, str | None]], memo: dict | None = None,
                 view: OnTimeView | None = None, data_from: date | None = None, portal=None) -> list[str]:
    """Write one report page, its CSV and its lists' CSVs; returns their docs paths (`memo`: see `agency_rows`;
    `view`: the on-time figures, None when the register export holds overdue dossiers only)."""
    memo = {} if memo is None else memo
    unit = report.unit.code if report.unit else None
    notes = {kind: list_note(kind, len(items), list_csv_src(kind, report.period, unit))
             for kind, items in (("missing", report.missing), ("warnings", report.warnings))}
    src = page_src(report.period, unit)
    prev, nxt = report.period.previous(), report.period.following()
    scope_line = (R.REPORT_SCOPE_UNIT.format(unit=report.unit.name) if report.unit
                  else R.REPORT_SCOPE.format(unit=report.whole_label))
    body = page_html(
        env, "report.html", page_url=url_of(src), report=report, title=tables.title(report), issuer=issuer,
        scope_line=scope_line, figures=tables.SHOWN_FIGURES, csv_url=csv_src(report.period, unit),
        glossary_url=G.PAGE_URL, ontime=view, head=letterhead(portal, report) if portal is not None else None,
        ontime_tables=tables.ontime_tables(view) if view else [],
        ontime_note=None if view or not report.has_register else unavailable_text(),
        prev_url=url_of(page_src(prev, unit)) if (prev.code, unit) in exists else None,
        next_url=url_of(page_src(nxt, unit)) if (nxt.code, unit) in exists else None,
        change_rows=headline.rows(headline.headlines(report, view, data_from)),
        missing_rows=tables.missing_rows(report, limit=LIST_LIMIT),
        warning_rows=[(w.code, cells) for w, cells in zip(report.warnings, tables.warning_rows(report, LIST_LIMIT))],
        missing_note=notes["missing"], warnings_note=notes["warnings"],
        charts=charts(report), agency_rows=agency_rows(report, url_of(src), memo),
        reason_rows=reason_rows(report, memo),
    )
    write_page(docs_dir, src, tables.title(report), body)
    csv_path = docs_dir / csv_src(report.period, unit)
    csv_path.write_text(tables.dumps_csv(report, memo), encoding="utf-8", newline="\n")
    written = [src, csv_src(report.period, unit)]
    for kind, dumps in (("missing", tables.missing_csv), ("warnings", tables.warnings_csv)):
        if notes[kind] is not None:  # the full list, written by the process that writes the page
            (docs_dir / notes[kind]["csv_url"]).write_text(dumps(report), encoding="utf-8", newline="\n")
            written.append(notes[kind]["csv_url"])
    return written


@dataclass
class ReportPlan:
    """What the report stage renders (`plan_report_pages`): the scopes and their periods, the pages placed
    from the previous build (`kept`) and those to render, by period, with their input keys (`todo`)."""

    scopes: list[str | None]
    plan: dict
    exists: set[tuple[str, str | None]]
    data_from: date | None
    kept: list[str] = field(default_factory=list)
    todo: dict[Period, list[tuple[str | None, str]]] = field(default_factory=dict)


def plan_report_pages(content, comp: Compliance, inputs: ReportInputs, skips: Skips) -> ReportPlan:
    """Every report page's input key, its previous outputs placed where the key is unchanged (`skips.take`):
    nothing rendered. The render stage makes it (site/docs.py: in the parent, beside the letter pages' children)
    and keeps it on the Site; `write_report_pages` renders the rest."""
    scopes: list[str | None] = [None, *comp.tracking_units()]
    plan = {unit: report_periods(comp, unit) for unit in scopes}
    exists = {(p.code, unit) for unit, kinds in plan.items() for ps in kinds.values() for p in ps}
    issuer = content.portal.owner
    all_days = comp.data_days(None)
    out = ReportPlan(scopes, plan, exists, all_days[0] if all_days else None)
    by_period: dict[Period, list[str | None]] = {}  # a period's pages share their agency rows: same process
    for unit, kinds in plan.items():
        for kind in KINDS:
            for period in kinds[kind]:
                by_period.setdefault(period, []).append(unit)
    for period, units in sorted(by_period.items()):
        for unit in units:
            neighbours = [(p.code, unit) in exists for p in (period.previous(), period.following())]
            key = inputs.key(skips.key, period, unit, neighbours, issuer, out.data_from)  # portal: site-wide key
            kept = skips.take(f"report:{page_src(period, unit)}", key)
            if kept is None:
                out.todo.setdefault(period, []).append((unit, key))
            else:
                out.kept += kept
    return out


def report_plan(site, skips: Skips) -> ReportPlan:
    """The Site's ReportPlan, made once (`plan_report_pages`; `site.report_plan`)."""
    if site.report_plan is None:
        site.report_plan = plan_report_pages(site.content, site.compliance, inputs_of(site), skips)
    return site.report_plan


def write_report_pages(result, docs_dir: Path, today: date, *, site=None, skips: Skips | None = None) -> list[str]:
    """Write every report page, its CSV and the index under docs_dir/reports/; returns the docs paths.

    `result` is the check's `CheckResult`; `site` (the renderer's `Site`, optional) lends its letter facts
    and the plan the render stage made (`report_plan`); `skips`: a page whose report is the previous build's
    is placed, not rendered (site/skips.py).
    """
    content = result.content
    skips = skips or render_all(docs_dir)
    comp = site.compliance if site is not None else Compliance(content, today)
    env = report_env()
    planned = report_plan(site, skips) if site is not None else \
        plan_report_pages(content, comp, ReportInputs(comp), skips)
    scopes, plan, exists, data_from = planned.scopes, planned.plan, planned.exists, planned.data_from
    issuer = content.portal.owner
    written: list[str] = list(planned.kept)
    todo = planned.todo

    def work(share: list[tuple[Period, list[tuple[str | None, str]]]]) -> list[str]:
        paths = []
        for period, units in share:
            memo: dict = {}  # the period's row HTML and CSV cells, shared by its pages
            for unit, key in units:
                report = comp.report(period, unit)
                paths += skips.record(f"report:{page_src(period, unit)}", key, write_report(
                    env, docs_dir, report, issuer, exists, memo, ontime_view(comp, report), data_from, content.portal))
        return paths

    periods = list(todo.items())
    size = max(1, -(-len(periods) // (4 * workers())))  # a few tasks per core: unequal periods balance
    tasks = [skips.collecting(lambda share=periods[i : i + size]: work(share)) for i in range(0, len(periods), size)]
    for paths, made in run_tasks(tasks, count=None if len(periods) >= 2 * PERIODS_PER_WORKER else 1):  # every core
        written += paths
        skips.absorb(made)
    whole = content.portal.locality.scope_label
    names = [(unit or "", content.agencies[unit].name if unit else whole) for unit in scopes]
    index = write_index(env, docs_dir, {unit: plan[unit] for unit in scopes}, names, exists, today)
    glossary = write_glossary(env, docs_dir, content.portal.policy)
    return [*index, glossary, *written]

