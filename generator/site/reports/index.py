"""The reports' index pages, bounded by the archive's time span: an index of years, a page per year.

  reports/index.md        the latest period of each kind, then a row per year (its year reports and a
                          link to the year's page): one row a year, not one a week
  reports/nam/<year>.md   that year's halves, quarters, months and weeks: a table per kind, a row per
                          period, a column per scope (the whole portal, then each tracking unit)
A period belongs to the year its code starts with (ISO year for weeks: 2026-W01 may start in December).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2

from generator.figures.periods import Period
from generator.site.common import page_html, url_of, write_page
from generator.strings import reports as R

INDEX_SRC = "reports/index.md"
KIND_ORDER = ("year", "nine", "half", "quarter", "month", "week")  # longer periods first


def year_src(year: int) -> str:
    """Docs path of a year's page of periods."""
    return f"reports/nam/{year}.md"


def period_year(period: Period) -> int:
    """The year a period is listed under (its code's year)."""
    return int(period.code[:4])


def page_src(period: Period, unit: str | None) -> str:
    """Docs path of a report page."""
    return f"reports/{period.slug}/{unit}.md" if unit else f"reports/{period.slug}/index.md"


def _rows(periods, units: list[str | None], exists: set[tuple[str, str | None]]) -> list:
    """(period, [URL of its page for each scope, or None]) for each period."""
    return [(p, [url_of(page_src(p, unit)) if (p.code, unit) in exists else None for unit in units])
            for p in periods]


def write_index(env: jinja2.Environment, docs_dir: Path, plan: dict[str | None, dict[str, list[Period]]],
                scopes: list[tuple[str, str]], exists: set[tuple[str, str | None]], today: date) -> list[str]:
    """Write the index and one page per year; `plan` maps each scope (None: the portal) to its periods by
    kind, `scopes` holds (code, name) in column order. Returns the docs paths written."""
    units = list(plan)
    by_kind = {kind: sorted({p for kinds in plan.values() for p in kinds.get(kind, [])}, reverse=True)
               for kind in KIND_ORDER}
    latest = [(kind, row) for kind in KIND_ORDER if by_kind[kind]
              for row in _rows(by_kind[kind][:1], units, exists)]
    years = sorted({period_year(p) for ps in by_kind.values() for p in ps}, reverse=True)
    year_reports = {period_year(p): p for p in by_kind["year"]}
    year_rows = [(year, url_of(year_src(year)),
                  _rows([year_reports[year]], units, exists)[0][1] if year in year_reports else [None] * len(units))
                 for year in years]
    written = [INDEX_SRC]
    write_page(docs_dir, INDEX_SRC, R.INDEX_TITLE, page_html(
        env, "index.html", page_url=url_of(INDEX_SRC), latest=latest, years=year_rows, scopes=scopes,
        as_of=today))
    for year in years:
        kinds = [(kind, _rows([p for p in by_kind[kind] if period_year(p) == year], units, exists))
                 for kind in KIND_ORDER if kind != "year"]
        src = year_src(year)
        title = R.YEAR_INDEX_TITLE.format(year=year)
        write_page(docs_dir, src, title, page_html(
            env, "year_index.html", page_url=url_of(src), title=title, year=year,
            kinds=[(kind, rows) for kind, rows in kinds if rows], scopes=scopes, as_of=today,
            year_report=url_of(page_src(year_reports[year], None))
            if year in year_reports and (year_reports[year].code, None) in exists else None))
        written.append(src)
    return written
