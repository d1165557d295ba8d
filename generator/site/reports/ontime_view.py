"""The on-time part of a report: the scope's figures, the previous period, the same period last year, and
breakdowns by agency (ranked), sector, procedure and channel (figures from generator/figures/ontime.py).

`ontime_view(comp, report)` returns None when the register export holds overdue dossiers only (the report
then names the figures it cannot give: `unavailable_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures import ontime
from generator.figures.compliance import Compliance, Report
from generator.content.model import RegisterRow
from generator.figures.periods import Period
from generator.strings import reports as R
from generator.strings.glossary import LABELS

PROCEDURE_LIMIT = 20  # procedures shown on a page (most dossiers received first); all are in the JSON


@dataclass(frozen=True)
class OnTimeView:
    """On-time figures of one report (scope × period)."""

    totals: ontime.OnTime
    previous: ontime.OnTime
    year_before: ontime.OnTime
    agencies: list[tuple[int | None, str, str, ontime.OnTime]]  # (rank or None, code, name, figures)
    sectors: list[tuple[str, ontime.OnTime]]
    procedures: list[tuple[str, ontime.OnTime]]
    channels: list[tuple[str, ontime.OnTime]]


def available(comp: Compliance) -> bool:
    """True when the register export holds every dossier (portal.yml reports.register_export: all)."""
    return comp.has_register and comp.content.portal.reports.register_export == "all"


def unavailable_text() -> str:
    """What a report says when the export holds overdue dossiers only."""
    return R.ONTIME_UNAVAILABLE.format(figures=", ".join(LABELS[k] for k in ontime.UNAVAILABLE_WITHOUT_FULL_EXPORT))


def _counted(comp: Compliance, code: str, period: Period, unit: str | None) -> tuple[list[RegisterRow], bool]:
    """The agency's rows counting in `unit`'s report (dated scopes, by due_on) and whether that is all of them."""
    rows = comp.register_by_agency.get(code, [])
    if comp.tree.counts_throughout(unit, code, period.start, period.end):
        return rows, True
    return [r for r in rows if comp.counts_for(unit, code, r.due_on)], False


def agency_figures(comp: Compliance, code: str, period: Period, unit: str | None = None) -> ontime.OnTime:
    """On-time figures of one agency for one period, in `unit`'s report (memoized on the Compliance)."""
    rows, whole = _counted(comp, code, period, unit)
    memo = comp.ontime_memo
    key = (code, period, None if whole else unit)
    if key not in memo:
        memo[key] = ontime.figures(rows, period.start, period.end, comp.as_of, comp.has_letter)
    return memo[key]


def scope_figures(comp: Compliance, codes: list[str], period: Period, unit: str | None = None) -> ontime.OnTime:
    """The sum of the agencies' figures (every count is additive)."""
    total = ontime.OnTime()
    for code in codes:
        total = total + agency_figures(comp, code, period, unit)
    return total


def _rank_key(item: tuple[str, str, ontime.OnTime]) -> tuple:
    _, name, fig = item
    return (fig.on_time_rate is None, -(fig.on_time_rate or 0.0), -(fig.late_coverage or 0.0), name)


def ontime_view(comp: Compliance, report: Report) -> OnTimeView | None:
    """The on-time part of `report`, or None when the export holds overdue dossiers only."""
    if not available(comp):
        return None
    unit = report.unit.code if report.unit else None
    codes = comp.scope(unit)
    period = report.period
    per_agency = [(row.agency, row.agency_name, agency_figures(comp, row.agency, period, unit))
                  for row in report.rows]
    ranked, rank = [], 0
    for code, name, fig in sorted(per_agency, key=_rank_key):
        if fig.on_time_rate is not None:
            rank += 1
        ranked.append((rank if fig.on_time_rate is not None else None, code, name, fig))
    rows = [row for code in codes for row in _counted(comp, code, period, unit)[0]]

    def breakdown(key) -> list[tuple[str, ontime.OnTime]]:
        groups = ontime.group(rows, key)
        return [(label, ontime.figures(items, period.start, period.end, comp.as_of, comp.has_letter))
                for label, items in groups.items()]

    procedures = sorted(breakdown(lambda r: r.procedure), key=lambda item: (-item[1].received, item[0]))
    return OnTimeView(
        totals=scope_figures(comp, codes, period, unit),
        previous=scope_figures(comp, codes, period.previous(), unit),
        year_before=scope_figures(comp, codes, period.year_before(), unit),
        agencies=ranked,
        sectors=[(s, f) for s, f in breakdown(lambda r: r.sector or R.NO_SECTOR) if f.received or f.resolved
                 or f.in_progress],
        procedures=[(p, f) for p, f in procedures if f.received or f.resolved or f.in_progress],
        channels=[(R.CHANNELS.get(c, c), f) for c, f in breakdown(lambda r: r.channel)],
    )
