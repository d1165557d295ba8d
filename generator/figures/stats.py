"""Statistics: per-letter facts and the figures of any set of letters.

Two layers, both pure (no I/O):

- `letter_facts(letter, cal, lead)` -> `LetterFacts`: the numbers of one letter (working days
  late, issued in time, new date missed, publication lag). `all_facts(content)` computes them once
  for every letter, keyed by letter id, in the content's order.
- `summarize(facts)` -> `Figures`: count, median / maximum working days late, share issued in
  time, new dates missed, reasons breakdown and letters per month, for any subset of facts
  (an agency, a year, a quarter, a subtree of agencies...). Withdrawn letters are left out of
  every figure (they are listed, not counted); `Figures.withdrawn` says how many were skipped.

Helpers to pick subsets: `in_period(facts, start, end)` (by `issued_on`, the period rule of
CONTENT.md), `subtree(agencies, code)` (an agency and its descendants along `parent`).

Definitions (CONTENT.md "Working days, defined", one implementation in `generator.figures.workdays`):
days late = working days in (due_on, returned_on or new_due_on]; in time = working days in
[issued_on, due_on) >= policy.apology_lead_working_days; new date missed = returned_on > new_due_on;
publication lag = working days in (issued_on, published_on].
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from generator.content.model import Agency, Content, Letter
from generator.figures.workdays import WorkCalendar, days_late, issued_in_time


@dataclass(frozen=True)
class LetterFacts:
    """The computed numbers of one letter (the letter itself is kept for grouping)."""

    letter: Letter
    days_late: int  # working days in (due_on, returned_on or new_due_on]
    in_time: bool  # issued at least `lead` working days before due_on
    new_date_missed: bool  # returned after new_due_on (the second promise broken too)
    still_open: bool  # no returned_on yet
    publication_lag: int  # working days in (issued_on, published_on]

    @property
    def withdrawn(self) -> bool:
        """True when the letter was withdrawn (listed, but not counted in figures)."""
        return self.letter.withdrawn is not None


@dataclass(frozen=True)
class Figures:
    """Figures of a set of letters (withdrawn letters excluded from every number)."""

    count: int  # letters counted (not withdrawn)
    withdrawn: int  # withdrawn letters in the set (not counted elsewhere)
    median_days_late: float | None  # None when count == 0
    max_days_late: int | None
    in_time: int  # letters issued in time
    share_in_time: float | None  # in_time / count, 0..1; None when count == 0
    new_dates_missed: int
    still_open: int
    median_publication_lag: float | None
    reasons: tuple[tuple[str, int], ...]  # (reason code, letters), most frequent first, then by code
    per_month: tuple[tuple[str, int], ...]  # ("YYYY-MM", letters), every month of the range, gaps as 0
    mean_days_late: float | None = None  # bình quân (the figure officers report); None when count == 0
    mean_publication_lag: float | None = None

    @property
    def empty(self) -> bool:
        """True when no letter is counted."""
        return self.count == 0


def calendar_for(content: Content) -> WorkCalendar:
    """The working-day calendar of a content root (national holidays + portal overrides)."""
    return WorkCalendar(content.portal.calendar)


def letter_facts(letter: Letter, cal: WorkCalendar, lead_working_days: int, day_kind: str = "working") -> LetterFacts:
    """Compute the facts of one letter."""
    dossier = letter.dossier
    returned = dossier.returned_on
    return LetterFacts(
        letter=letter,
        days_late=days_late(letter, cal),
        in_time=issued_in_time(letter, cal, lead_working_days, day_kind),
        new_date_missed=returned is not None and returned > dossier.new_due_on,
        still_open=returned is None,
        publication_lag=cal.count(letter.issued_on, letter.published_on),
    )


def all_facts(content: Content, cal: WorkCalendar | None = None) -> dict[str, LetterFacts]:
    """Facts of every letter of `content`, keyed by letter id, in the content's order."""
    cal = cal or calendar_for(content)
    lead, kind = content.portal.policy.apology_lead_working_days, content.portal.policy.apology_lead_day_kind
    return {letter.id: letter_facts(letter, cal, lead, kind) for letter in content.letters}


def month_key(day: date) -> str:
    """'YYYY-MM' of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive (empty when last < first)."""
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def summarize(
    facts: Iterable[LetterFacts],
    *,
    first_month: str | None = None,
    last_month: str | None = None,
) -> Figures:
    """Figures of a set of letters; `per_month` spans first_month..last_month when given (else the data)."""
    items = list(facts)
    counted = [f for f in items if not f.withdrawn]
    late = [f.days_late for f in counted]
    lags = [f.publication_lag for f in counted]
    reasons = Counter(f.letter.reason.category for f in counted)
    months = Counter(month_key(f.letter.issued_on) for f in counted)
    lo = first_month or (min(months) if months else None)
    hi = last_month or (max(months) if months else None)
    per_month = tuple((m, months.get(m, 0)) for m in month_range(lo, hi)) if lo and hi else ()
    in_time = sum(f.in_time for f in counted)
    return Figures(
        count=len(counted),
        withdrawn=len(items) - len(counted),
        median_days_late=statistics.median(late) if late else None,
        max_days_late=max(late) if late else None,
        in_time=in_time,
        share_in_time=in_time / len(counted) if counted else None,
        new_dates_missed=sum(f.new_date_missed for f in counted),
        still_open=sum(f.still_open for f in counted),
        median_publication_lag=statistics.median(lags) if lags else None,
        reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        per_month=per_month,
        mean_days_late=mean(late),
        mean_publication_lag=mean(lags),
    )


MEAN_DIGITS = 1  # a mean is shown and stored with one decimal (2,5 ngày)


def mean(values: list[int]) -> float | None:
    """The arithmetic mean (bình quân), rounded to MEAN_DIGITS decimals; None for no values."""
    return round(sum(values) / len(values), MEAN_DIGITS) if values else None


def in_period(facts: Iterable[LetterFacts], start: date, end: date) -> list[LetterFacts]:
    """The facts whose letter was issued in [start, end] (a letter counts in the period of issued_on)."""
    return [f for f in facts if start <= f.letter.issued_on <= end]


def of_agencies(facts: Iterable[LetterFacts], codes: Iterable[str]) -> list[LetterFacts]:
    """The facts whose letter's agency is one of `codes`."""
    wanted = set(codes)
    return [f for f in facts if f.letter.agency in wanted]


def children_of(agencies: Mapping[str, Agency]) -> dict[str, list[str]]:
    """Agency code -> sorted codes of its direct children (along `parent`)."""
    out: dict[str, list[str]] = {code: [] for code in agencies}
    for agency in agencies.values():
        if agency.parent and agency.parent in out:
            out[agency.parent].append(agency.code)
    return {code: sorted(kids) for code, kids in out.items()}


def subtree(agencies: Mapping[str, Agency], code: str) -> list[str]:
    """`code` and every descendant along `parent`, sorted (reports roll up along parents)."""
    kids = children_of(agencies)
    seen: set[str] = set()
    stack = [code]
    while stack:
        current = stack.pop()
        if current in seen:
            continue  # cycles are rejected by validation; stay safe anyway
        seen.add(current)
        stack.extend(kids.get(current, ()))
    return sorted(seen)
