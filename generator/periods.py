"""Reporting periods: ISO week `2018-W19`, month `2018-05`, quarter `2018-Q2`, half `2018-H1`, year `2018`.

A `Period` is a closed date range with a stable code; `parse` reads a code, `containing` finds the
period of a kind that holds a date, `previous`/`following` step, `spanned` lists the periods between
two dates. Labels are Vietnamese (generator/strings/reports.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.strings import reports as S

KINDS = ("week", "month", "quarter", "half", "year")
"""Period kinds, shortest first."""

_PATTERNS = {
    "week": re.compile(r"^(\d{4})-W(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "half": re.compile(r"^(\d{4})-H([12])$"),
    "year": re.compile(r"^(\d{4})$"),
}
_MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "year": 12}


class PeriodError(ValueError):
    """A period code that cannot be read."""


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of days [start, end] of one kind, named by its code (e.g. `2018-Q2`)."""

    start: date
    end: date
    kind: str
    code: str

    @property
    def slug(self) -> str:
        """The code as used in URLs and file names (lower case)."""
        return self.code.lower()

    def contains(self, day: date) -> bool:
        """True when `day` lies in the period."""
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        return containing(self.kind, self.start - timedelta(days=1))

    def following(self) -> Period:
        """The period of the same kind just after this one."""
        return containing(self.kind, self.end + timedelta(days=1))

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. 'Quý II/2018'."""
        year = self.start.year
        if self.kind == "week":
            iso_year, week, _ = self.start.isocalendar()
            return S.PERIOD_WEEK.format(week=week, year=iso_year, start=_dm(self.start), end=_dmy(self.end))
        if self.kind == "month":
            return S.PERIOD_MONTH.format(month=self.start.month, year=year)
        if self.kind == "quarter":
            return S.PERIOD_QUARTER.format(roman=S.ROMAN[(self.start.month - 1) // 3], year=year)
        if self.kind == "half":
            template = S.PERIOD_HALF_1 if self.start.month == 1 else S.PERIOD_HALF_2
            return template.format(year=year)
        return S.PERIOD_YEAR.format(year=year)


def _dm(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def parse(text: str) -> Period:
    """The period named by `text` (`2018-W19`, `2018-05`, `2018-Q2`, `2018-H1`, `2018`)."""
    value = text.strip().upper()
    for kind, pattern in _PATTERNS.items():
        match = pattern.match(value)
        if not match:
            continue
        year = int(match.group(1))
        if kind == "year":
            return _months(kind, year, 1)
        number = int(match.group(2))
        if kind == "week":
            try:
                start = date.fromisocalendar(year, number, 1)
            except ValueError:
                raise PeriodError(text) from None
            return containing("week", start)
        if kind == "month" and not 1 <= number <= 12:
            raise PeriodError(text)
        return _months(kind, year, (number - 1) * _MONTHS_PER[kind] + 1)
    raise PeriodError(text)


def _months(kind: str, year: int, first_month: int) -> Period:
    if not 1 <= year <= 9998:
        raise PeriodError(str(year))
    start = date(year, first_month, 1)
    last_month = first_month + _MONTHS_PER[kind] - 1
    end = date(year + 1, 1, 1) - timedelta(days=1) if last_month == 12 else date(year, last_month + 1, 1) - timedelta(
        days=1
    )
    if kind == "year":
        code = f"{year}"
    elif kind == "month":
        code = f"{year}-{first_month:02d}"
    elif kind == "quarter":
        code = f"{year}-Q{(first_month - 1) // 3 + 1}"
    else:
        code = f"{year}-H{(first_month - 1) // 6 + 1}"
    return Period(start, end, kind, code)


def containing(kind: str, day: date) -> Period:
    """The period of `kind` that holds `day`."""
    if kind == "week":
        iso_year, week, weekday = day.isocalendar()
        start = day - timedelta(days=weekday - 1)
        return Period(start, start + timedelta(days=6), "week", f"{iso_year}-W{week:02d}")
    if kind not in _MONTHS_PER:
        raise PeriodError(kind)
    size = _MONTHS_PER[kind]
    first_month = (day.month - 1) // size * size + 1
    return _months(kind, day.year, first_month)


def spanned(kind: str, first: date, last: date) -> list[Period]:
    """Every period of `kind` from the one holding `first` to the one holding `last`, in order."""
    out: list[Period] = []
    if last < first:
        return out
    period = containing(kind, first)
    while period.start <= last:
        out.append(period)
        period = period.following()
    return out


def periods_of(kind: str, days: Iterable[date]) -> list[Period]:
    """The distinct periods of `kind` that hold at least one of `days`, in order."""
    return sorted({containing(kind, day) for day in days})
