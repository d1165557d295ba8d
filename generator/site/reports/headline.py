"""A report's headline figures with the previous period and the same period last year, and the changes.

One list for every rendering (page, Markdown, JSON, Word): `headlines(report, view)`. Letter and register
figures come from the report's totals rows (generator/figures/compliance.py), on-time figures from the on-time
view (generator/site/reports/ontime_view.py) when the register export holds every dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.figures.compliance import Report
from generator.site.common import fmt_number, fmt_share
from generator.site.reports.ontime_view import OnTimeView
from generator.strings import reports as R
from generator.strings.glossary import LABELS

LETTER_KEYS = ("letters", "in_time", "mean_days_late", "overdue", "coverage", "missing")
ONTIME_KEYS = ("received", "resolved", "on_time_rate", "late", "late_coverage")
RATE_KEYS = frozenset({"coverage", "share_in_time", "on_time_rate", "late_coverage"})
"""Figures that are shares 0..1: shown as percentages, changed in percentage points."""


@dataclass(frozen=True)
class Headline:
    """One headline figure: this period, the previous period, the same period last year."""

    key: str
    now: float | None
    previous: float | None
    year_before: float | None

    @property
    def change_previous(self) -> float | None:
        """now - previous (None when either is unknown)."""
        return _diff(self.now, self.previous)

    @property
    def change_year(self) -> float | None:
        """now - same period last year (None when either is unknown)."""
        return _diff(self.now, self.year_before)


def _diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 6)


def headlines(report: Report, view: OnTimeView | None, data_from: date | None = None) -> list[Headline]:
    """The headline figures of a report, letters and register first, then on-time figures when known.

    A comparison period that ended before `data_from` (the first day with data) is unknown, not zero."""
    before = report.period.previous()
    known_before = data_from is None or before.end >= data_from
    known_year = data_from is None or report.period.year_before().end >= data_from
    year = report.year_before_totals if known_year else None
    prev = report.previous_totals if known_before else None

    def pick(source, key):
        return getattr(source, key) if source is not None else None

    out = [Headline(key, getattr(report.totals, key), pick(prev, key), pick(year, key)) for key in LETTER_KEYS]
    if view is not None:
        out += [Headline(key, getattr(view.totals, key), pick(view.previous if known_before else None, key),
                         pick(view.year_before if known_year else None, key)) for key in ONTIME_KEYS]
    return out


def value_text(key: str, value) -> str:
    """A figure as shown everywhere (percentages for shares, Vietnamese number format, dash for unknown)."""
    return fmt_share(value) if key in RATE_KEYS else fmt_number(value)


def change_text(key: str, value: float | None) -> str:
    """A change, signed ('+3', '−2,5 điểm phần trăm', '±0'); a dash when unknown."""
    if value is None:
        return R.NOT_APPLICABLE
    shown = round(value * 100, 1) if key in RATE_KEYS else value
    sign = "+" if shown > 0 else "−" if shown < 0 else "±"
    return sign + fmt_number(abs(shown)) + (R.PERCENT_POINTS if key in RATE_KEYS else "")


def rows(items: list[Headline]) -> list[tuple[str, list[str]]]:
    """(key, [label, now, previous, change, same period last year, change]) for each headline, formatted."""
    return [(h.key, [LABELS[h.key], value_text(h.key, h.now), value_text(h.key, h.previous),
                     change_text(h.key, h.change_previous), value_text(h.key, h.year_before),
                     change_text(h.key, h.change_year)]) for h in items]
