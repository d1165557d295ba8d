"""Working-day calendar: the official calendar (sourced data), the `holidays` package, portal overrides.

A working day is Monday–Friday that is not a public holiday, compensatory day off or portal day off,
plus make-up working Saturdays and portal extra working days. Three layers, the later winning:
the `holidays` package (country VN); the shipped official calendar (generator/data/calendar-vn.yml,
each day with its notice: complete for the years it covers); the portal's `calendar:` overrides.
Counts are O(1) after warm-up: a prefix sum of working days by ordinal, extended a year at a time.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

import holidays

from generator.content.model import CalendarOverrides, Letter
from generator.figures.officialcal import official

COUNTRY = "VN"
_MIN_YEAR = 1
_MAX_YEAR = 9998  # leave room for `add` past the end of a year


class WorkCalendar:
    """Working days of the national calendar with a portal's local overrides."""

    def __init__(self, overrides: CalendarOverrides | None = None) -> None:
        ov = overrides or CalendarOverrides()
        self._days_off = frozenset(ov.days_off)
        self._extra_working = frozenset(ov.working_days)
        self._first_year = 0
        self._last_year = -1
        self._base = 0  # ordinal of 1 Jan of _first_year
        # _prefix[i] = number of working days in [base, base + i) ; len = days covered + 1
        self._prefix: list[int] = [0]

    # --- cache ------------------------------------------------------------------------------------

    def _ensure(self, first: int, last: int) -> None:
        """Make the prefix array cover the years first..last (inclusive)."""
        if self._first_year <= first and last <= self._last_year:
            return
        if self._last_year >= self._first_year:
            first = min(first, self._first_year)
            last = max(last, self._last_year)
        first = max(first, _MIN_YEAR)
        last = min(last, _MAX_YEAR)
        national = holidays.country_holidays(COUNTRY, years=range(max(first - 1, 1), last + 2))
        shipped = official()
        base = date(first, 1, 1).toordinal()
        end = date(last, 12, 31).toordinal()
        prefix = [0] * (end - base + 2)
        total = 0
        for i, ordinal in enumerate(range(base, end + 1)):
            day = date.fromordinal(ordinal)
            if day in self._days_off:
                working = False
            elif day in self._extra_working:
                working = True
            elif shipped.covers(day.year):
                listed = shipped.status(day)
                working = day.weekday() < 5 if listed is None else listed
            else:
                working = national.is_working_day(day)
            total += working
            prefix[i + 1] = total
        self._first_year, self._last_year, self._base, self._prefix = first, last, base, prefix

    def _index(self, d: date) -> int:
        """Index of `d` in the prefix array (cache extended to cover its year)."""
        self._ensure(d.year, d.year)
        return d.toordinal() - self._base

    # --- API --------------------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """True when `d` is a working day."""
        i = self._index(d)
        return self._prefix[i + 1] > self._prefix[i]

    def count(self, start_exclusive: date, end_inclusive: date) -> int:
        """Number of working days in (start, end]; 0 when end <= start."""
        if end_inclusive <= start_exclusive:
            return 0
        self._ensure(start_exclusive.year, end_inclusive.year)
        a = start_exclusive.toordinal() - self._base
        b = end_inclusive.toordinal() - self._base
        return self._prefix[b + 1] - self._prefix[a + 1]

    def count_from(self, start_inclusive: date, end_exclusive: date) -> int:
        """Number of working days in [start, end); 0 when end <= start."""
        if end_exclusive <= start_inclusive:
            return 0
        self._ensure(start_inclusive.year, end_exclusive.year)
        a = start_inclusive.toordinal() - self._base
        b = end_exclusive.toordinal() - self._base
        return self._prefix[b] - self._prefix[a]

    def add(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it when n < 0); `d` itself when n == 0."""
        if n == 0:
            return d
        year = d.year
        while True:
            if n > 0:
                self._ensure(year, year)
                i = d.toordinal() - self._base
                target = self._prefix[i + 1] + n  # prefix value just after the wanted day
                j = bisect_left(self._prefix, target)
                if j < len(self._prefix):
                    return date.fromordinal(self._base + j - 1)
                if self._last_year >= _MAX_YEAR:
                    raise OverflowError("date out of the calendar's range")
                year = self._last_year + 1
            else:
                self._ensure(year, d.year)
                i = d.toordinal() - self._base
                target = self._prefix[i] + n  # working days strictly before the wanted day
                if target >= 0 and self._first_year <= year:
                    j = bisect_left(self._prefix, target + 1)
                    if j <= i:
                        return date.fromordinal(self._base + j - 1)
                if self._first_year <= _MIN_YEAR:
                    raise OverflowError("date out of the calendar's range")
                year = self._first_year - 1


def days_late(letter: Letter, cal: WorkCalendar) -> int:
    """Working days late: working days in (due_on, end], end = returned_on or new_due_on."""
    dossier = letter.dossier
    end = dossier.returned_on or dossier.new_due_on
    return cal.count(dossier.due_on, end)


def issued_in_time(letter: Letter, cal: WorkCalendar, lead_working_days: int, day_kind: str = "working") -> bool:
    """True when the letter was issued at least `lead_working_days` days before due_on.

    `day_kind` "working" counts working days in [issued_on, due_on); "calendar" counts calendar days
    (Decree 61/2018: "at least 1 day before the deadline", which does not say which days).
    """
    if day_kind == "calendar":
        return (letter.dossier.due_on - letter.issued_on).days >= lead_working_days
    return cal.count_from(letter.issued_on, letter.dossier.due_on) >= lead_working_days
