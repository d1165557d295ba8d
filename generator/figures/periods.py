"""Reporting periods in two schemes: calendar (default) and the statistical cut-off of Decree 09/2019/NĐ-CP.

Kinds: ISO week `2018-W19`, month `2018-05`, quarter `2018-Q2`, half `2018-H1`, nine months `2018-9T`
(January to September) and year `2018`.

- **calendar**: a month is the calendar month, a year 1/1 to 31/12, nine months 1/1 to 30/9.
- **statistical** (`thong-ke`), Decree 09/2019/NĐ-CP of 24/01/2019 on the reporting regime of state
  administrative agencies, Article 12 ("Thời gian chốt số liệu báo cáo định kỳ"; text:
  https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/Nghi-dinh-09-2019-ND-CP-quy-dinh-ve-che-do-bao-cao-cua-co-quan-hanh-chinh-nha-nuoc-386322.aspx;
  the text at hand held the decree's opening, not Article 12 itself: the rule below is the project brief's,
  unverified here; provinces cite the decree for their own reporting rules, e.g. Kon Tum 06/2024/QĐ-UBND):
  a monthly report runs from the 15th of the month before the report month to the 14th of the report
  month; a quarterly, 6-month and yearly report from the 15th of the month before the period to the
  14th of its last month (a year: 15/12 of the previous year to 14/12). The decree names no 9-month
  cut-off; provinces apply the same rule (15/12 of the previous year to 14/9). It names no weekly
  cut-off either: weeks are ISO weeks (Monday to Sunday) in both schemes.
  Codes carry the suffix `-TK`: `2018-05-TK` is 15/04/2018 to 14/05/2018.

A `Period` is a closed date range with a stable code; `parse` reads a code, `containing` finds the
period of a kind that holds a date, `previous`/`following`/`year_before` step, `spanned` lists the periods
between two dates. Labels are Vietnamese (generator/strings/reports.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.strings import reports as S

KINDS = ("week", "month", "quarter", "half", "nine", "year")
"""Period kinds, shortest first."""

SCHEMES = ("calendar", "statistical")
"""Period schemes: calendar periods, or the statistical cut-off of Decree 09/2019/NĐ-CP (code suffix -TK)."""

CUT_OFF_DAY = 15  # statistical scheme: a period starts on the 15th of the month before it (Decree 09/2019, Art. 12)
SUFFIX = "-TK"

_PATTERNS = {
    "week": re.compile(r"^(\d{4})-W(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "half": re.compile(r"^(\d{4})-H([12])$"),
    "nine": re.compile(r"^(\d{4})-9T()$"),
    "year": re.compile(r"^(\d{4})()$"),
}
_MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "nine": 9, "year": 12}


class PeriodError(ValueError):
    """A period code that cannot be read."""


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of days [start, end] of one kind, named by its code (e.g. `2018-Q2`, `2018-Q2-TK`)."""

    start: date
    end: date
    kind: str
    code: str
    scheme: str = "calendar"
    year: int = field(default=0, compare=False)  # the period's year and number within it (week, month...)
    number: int = field(default=0, compare=False)

    @property
    def slug(self) -> str:
        """The code as used in URLs and file names (lower case)."""
        return self.code.lower()

    def contains(self, day: date) -> bool:
        """True when `day` lies in the period."""
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind and scheme just before this one."""
        if self.kind == "nine":
            return make("nine", self.year - 1, 1, self.scheme)
        return containing(self.kind, self.start - timedelta(days=1), self.scheme)

    def following(self) -> Period:
        """The period of the same kind and scheme just after this one."""
        if self.kind == "nine":
            return make("nine", self.year + 1, 1, self.scheme)
        return containing(self.kind, self.end + timedelta(days=1), self.scheme)

    def year_before(self) -> Period:
        """The same period one year earlier (week 53 of a year without one: week 52)."""
        if self.kind == "week":
            try:
                return make("week", self.year - 1, self.number, self.scheme)
            except PeriodError:
                return make("week", self.year - 1, 52, self.scheme)
        return make(self.kind, self.year - 1, self.number, self.scheme)

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. 'Quý II/2018'."""
        year = self.year
        if self.kind == "week":
            return S.PERIOD_WEEK.format(week=self.number, year=year, start=_dm(self.start), end=_dmy(self.end))
        if self.kind == "month":
            return S.PERIOD_MONTH.format(month=self.number, year=year)
        if self.kind == "quarter":
            return S.PERIOD_QUARTER.format(roman=S.ROMAN[self.number - 1], year=year)
        if self.kind == "half":
            return (S.PERIOD_HALF_1 if self.number == 1 else S.PERIOD_HALF_2).format(year=year)
        if self.kind == "nine":
            return S.PERIOD_NINE.format(year=year)
        return S.PERIOD_YEAR.format(year=year)

    @property
    def scheme_note(self) -> str:
        """Which scheme the period follows, in Vietnamese (weeks: ISO weeks in both schemes)."""
        if self.kind == "week":
            return S.SCHEME_WEEK
        return S.SCHEME_NOTES.get(self.scheme, "")


def _dm(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def parse(text: str, scheme: str = "calendar") -> Period:
    """The period named by `text` (`2018-W19`, `2018-05`, `2018-Q2`, `2018-H1`, `2018-9T`, `2018`); a `-TK`
    suffix selects the statistical scheme, else `scheme` applies."""
    value = text.strip().upper()
    if value.endswith(SUFFIX):
        value, scheme = value[: -len(SUFFIX)], "statistical"
    if scheme not in SCHEMES:
        raise PeriodError(text)
    for kind, pattern in _PATTERNS.items():
        match = pattern.match(value)
        if match:
            number = int(match.group(2)) if match.group(2) else 1
            try:
                return make(kind, int(match.group(1)), number, scheme)
            except PeriodError:
                raise PeriodError(text) from None
    raise PeriodError(text)


def make(kind: str, year: int, number: int, scheme: str = "calendar") -> Period:
    """The `number`-th period of `kind` in `year` (week 1..53, month 1..12, quarter 1..4, half 1..2, else 1)."""
    if not 2 <= year <= 9998:
        raise PeriodError(str(year))
    if kind == "week":
        try:
            start = date.fromisocalendar(year, number, 1)
        except ValueError:
            raise PeriodError(f"{year}-W{number:02d}") from None
        return Period(start, start + timedelta(days=6), "week", f"{year}-W{number:02d}", "calendar", year, number)
    size = _MONTHS_PER.get(kind)
    if size is None or not 1 <= number <= 12 // size:
        raise PeriodError(f"{kind} {number}")
    first_month = (number - 1) * size + 1
    last_month = first_month + size - 1
    if scheme == "statistical":
        before = (year - 1, 12) if first_month == 1 else (year, first_month - 1)
        start = date(before[0], before[1], CUT_OFF_DAY)
        end = date(year, last_month, CUT_OFF_DAY - 1)
    else:
        start = date(year, first_month, 1)
        end = date(year + 1, 1, 1) - timedelta(days=1) if last_month == 12 else \
            date(year, last_month + 1, 1) - timedelta(days=1)
    code = {"year": f"{year}", "month": f"{year}-{number:02d}", "quarter": f"{year}-Q{number}",
            "half": f"{year}-H{number}", "nine": f"{year}-9T"}[kind]
    if scheme == "statistical":
        code += SUFFIX
    return Period(start, end, kind, code, scheme, year, number)


def _report_month(day: date, scheme: str) -> tuple[int, int]:
    """(year, month) of the report month that holds `day` (statistical: from the 15th on, the next month)."""
    if scheme == "statistical" and day.day >= CUT_OFF_DAY:
        return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.year, day.month


def containing(kind: str, day: date, scheme: str = "calendar") -> Period:
    """The period of `kind` that holds `day` (nine months: only days of January..September hold one)."""
    if kind == "week":
        iso_year, week, _ = day.isocalendar()
        return make("week", iso_year, week)
    if kind not in _MONTHS_PER:
        raise PeriodError(kind)
    year, month = _report_month(day, scheme)
    if kind == "nine" and month > 9:
        raise PeriodError(f"{day.isoformat()} ∉ 9T")
    return make(kind, year, (month - 1) // _MONTHS_PER[kind] + 1, scheme)


def spanned(kind: str, first: date, last: date, scheme: str = "calendar") -> list[Period]:
    """Every period of `kind` that overlaps [first, last], in order."""
    if last < first:
        return []
    if kind == "nine":
        years = range(_report_month(first, scheme)[0], _report_month(last, scheme)[0] + 1)
        return [p for p in (make("nine", y, 1, scheme) for y in years) if p.start <= last and p.end >= first]
    out: list[Period] = []
    period = containing(kind, first, scheme)
    while period.start <= last:
        out.append(period)
        period = period.following()
    return out


def periods_of(kind: str, days: Iterable[date], scheme: str = "calendar") -> list[Period]:
    """The distinct periods of `kind` that hold at least one of `days`, in order."""
    found = set()
    for day in days:
        try:
            found.add(containing(kind, day, scheme))
        except PeriodError:  # a day outside every nine-month period (October..December)
            continue
    return sorted(found)
