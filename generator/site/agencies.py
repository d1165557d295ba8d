"""Agency pages (`agencies/<code>/`: figures, chart, reasons, latest letters, links) and the agency index."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import jinja2

from generator.content.model import Agency
from generator.site.opendata import agency_files
from generator.site.charts import bar_chart, month_label
from generator.site.common import Site, fmt_date, page_html, url_of, write_page
from generator.site.reports.agency import agency_section
from generator.site.reports.inputs import ReportInputs, inputs_of
from generator.site.skips import Skips, render_all
from generator.figures.stats import Figures, children_of, month_key, month_range, summarize
from generator.strings import site as S

LATEST = 20  # letters listed on an agency page; the rest through the year listings
CHART_MONTHS = 12  # months shown in the chart and its table


def agency_src(code: str) -> str:
    """Docs path of an agency page."""
    return f"agencies/{code}.md"


def chart_window(site: Site, agency: Agency) -> tuple[str, str]:
    """First and last month ('YYYY-MM') of an agency's chart: 24 months up to today or its end."""
    end = site.today
    if agency.valid_to and agency.valid_to < end:
        end = agency.valid_to
    last = month_key(end)
    months_back = CHART_MONTHS - 1
    year, month = end.year, end.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}", last


def window_figures(site: Site, code: str, first: str, last: str) -> Figures:
    """Figures of an agency's letters issued within first..last months (for the chart)."""
    items = [f for f in site.by_agency.get(code, []) if first <= month_key(f.letter.issued_on) <= last]
    return summarize(items, first_month=first, last_month=last)


def agency_key(site: Site, inputs: ReportInputs, skips: Skips, code: str) -> str:
    """The input key of an agency page: its letters, its overdue rows with their dossiers' letters, its rows
    received by today (on-time figures), the register as a whole (`inputs.common`); the registry, the portal
    and today are in the site-wide key."""
    return skips.key("agency", code, inputs.common, inputs.facts(code), inputs.rows(code),
                     inputs.received_by(code, site.today))


def render_agencies(site: Site, env: jinja2.Environment, docs_dir: Path, skips: Skips | None = None) -> list[str]:
    """Write one page per agency (historical ones included; each whose inputs changed: `skips`) and the
    index; returns docs paths."""
    skips = skips or render_all(docs_dir)
    inputs = inputs_of(site)
    written = []
    for code in sorted(site.content.agencies):
        src = agency_src(code)
        written += skips.output(f"agency:{src}", agency_key(site, inputs, skips, code),
                                lambda code=code, src=src: [_agency_page(site, env, docs_dir, code, src)])
    src = "agencies/index.md"
    written.append(write_page(docs_dir, src, S.TITLE_AGENCIES, page_html(
        env, "agencies.html", page_url=url_of(src), groups=ranked_groups(site), site=site, year=site.today.year)))
    return written


def _agency_page(site: Site, env: jinja2.Environment, docs_dir: Path, code: str, src: str) -> str:
    kids = children_of(site.content.agencies)
    year = site.today.year
    agency = site.content.agencies[code]
    day = min(site.today, agency.valid_to or site.today)  # parent and tracking unit in force (or at the end)
    first, last = chart_window(site, agency)
    window = window_figures(site, code, first, last)
    items = site.by_agency.get(code, [])
    all_time = site.figures(code)
    years = sorted(Counter(f.letter.year for f in items).items(), reverse=True)
    chart_title = S.F_CHART_TITLE.format(first=month_label(first), last=month_label(last))
    return write_page(docs_dir, src, agency.name, page_html(
        env, "agency.html", page_url=url_of(src), agency=agency, site=site, year=year,
        this_year=site.figures(code, year), all_time=all_time, window=window,
        chart=bar_chart(window.per_month, chart_title, f"chart-{code}"), chart_title=chart_title,
        month_label=month_label, reasons=all_time.reasons, latest=items[:LATEST], years=years,
        children=[site.content.agencies[c] for c in kids.get(code, [])],
        parent=site.agency(agency.parent_on(day)), tracker=site.agency(agency.tracked_by_on(day)),
        successor=site.agency(agency.successor), historical=_ended(agency, site.today),
        validity=_validity(agency), csv_files=agency_files(site, code),
        compliance=agency_section(site, code, url_of(src))), template="agency.html")


def _ended(agency: Agency, today: date) -> bool:
    return agency.valid_to is not None and agency.valid_to < today


def _validity(agency: Agency) -> str:
    start, end = fmt_date(agency.valid_from), fmt_date(agency.valid_to)
    if start and end:
        return S.A_VALID_FROM_TO.format(start=start, end=end)
    if start:
        return S.A_VALID_FROM.format(start=start)
    return S.A_VALID_TO.format(end=end) if end else ""


def rank_key(fig: Figures, name: str, code: str) -> tuple:
    """Ranking: agencies with letters first; share in time (high first), mean days late (low first), name."""
    if fig.count == 0:
        return (1, 0.0, 0.0, name, code)
    return (0, -(fig.share_in_time or 0.0), fig.mean_days_late or 0.0, name, code)


def ranked_groups(site: Site) -> list[tuple[str, list[tuple[int | None, Agency, Figures, Figures]]]]:
    """Agencies grouped by level (registry order), ranked: (level label, [(rank, agency, all time, this year)])."""
    levels = list(site.content.levels)
    levels += sorted({a.level for a in site.content.agencies.values()} - set(levels))
    groups = []
    for level in levels:
        rows = []
        for agency in site.content.agencies.values():
            if agency.level == level:
                rows.append((agency, site.figures(agency.code), site.figures(agency.code, site.today.year)))
        if not rows:
            continue
        rows.sort(key=lambda r: rank_key(r[1], r[0].name, r[0].code))
        ranked = []
        for i, (agency, fig, this_year) in enumerate(rows, start=1):
            ranked.append((i if fig.count else None, agency, fig, this_year))
        groups.append((site.level_label(level), ranked))
    return groups


__all__ = ["agency_src", "month_range", "ranked_groups", "render_agencies"]
