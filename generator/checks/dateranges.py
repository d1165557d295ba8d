"""Plausible dates: a mistyped year (`new_due_on: 9999-12-31`, `2108-05-09`, `1018-05-09`) is an error.

Such a date would pass every order check and then stretch the working-day calendar over millennia
(an IndexError past year 9998, minutes of holiday computation before). The window is a choice, not
a legal fact: nothing this portal publishes predates the one-stop mechanism of the 2000s, and no
promised date lies more than YEARS_AHEAD years after the build date. Agencies may be older
(their `valid_from` is a founding date).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache

from generator.content.model import Letter
from generator.problems import Problem, make

EARLIEST = date(2000, 1, 1)  # letters, the register, the portal's calendar
EARLIEST_AGENCY = date(1945, 1, 1)  # agencies.yml valid_from / valid_to
YEARS_AHEAD = 10
LAST_YEAR = 9990  # the calendar's own end (workdays._MAX_YEAR) stays out of reach, even with --today


@cache
def latest(today: date) -> date:
    """The last plausible date for a build made on `today` (asked for every date of every letter)."""
    return date(min(today.year + YEARS_AHEAD, LAST_YEAR), 12, 31)


def out_of_range(day: date | None, today: date, earliest: date = EARLIEST) -> bool:
    """True when `day` is given and outside [earliest, latest(today)]."""
    return day is not None and not earliest <= day <= latest(today)


def problem(file: str, line: int | None, field: str | None, day: date, today: date,
            earliest: date = EARLIEST) -> Problem:
    """The date-out-of-range problem of one value."""
    return make("date-out-of-range", file, line, field, value=day.isoformat(), earliest=earliest.isoformat(),
                latest=latest(today).isoformat())


def letter_dates(letter: Letter) -> Iterator[tuple[str, date | None]]:
    """(dotted field, date) of every date of a letter."""
    d = letter.dossier
    yield from (("issued_on", letter.issued_on), ("published_on", letter.published_on),
                ("dossier.received_on", d.received_on), ("dossier.due_on", d.due_on),
                ("dossier.new_due_on", d.new_due_on), ("dossier.returned_on", d.returned_on))
    for index, correction in enumerate(letter.corrections):
        yield f"corrections.{index}.date", correction.date
    if letter.withdrawn is not None:
        yield "withdrawn.date", letter.withdrawn.date


def plausible_letters(letters: list[Letter], today: date) -> list[Letter]:
    """The letters whose every date is plausible (checks that span a letter's years skip the others: their
    date-out-of-range error says what to fix, not one warning per year up to 9999)."""
    return [x for x in letters if not any(out_of_range(day, today) for _, day in letter_dates(x))]


def check_date_range(letter: Letter, ctx) -> Iterator[Problem]:
    """Every date of the letter is plausible (a LETTER_CHECKS entry)."""
    for name, day in letter_dates(letter):
        if out_of_range(day, ctx.today):
            yield problem(letter.source, letter.line_of(name), name, day, ctx.today)  # type: ignore[arg-type]


def settings_date_problems(loaded, today: date) -> list[Problem]:
    """Implausible dates in portal.yml's calendar and agencies.yml's validity windows."""
    found = []
    portal = loaded.portal
    if portal is not None:
        for kind in ("days_off", "working_days"):
            for index, day in enumerate(getattr(portal.calendar, kind)):
                if out_of_range(day, today):
                    name = f"calendar.{kind}.{index}"
                    found.append(problem("portal.yml", portal.lines.get(name), name, day, today))
    for code, agency in loaded.agencies.items():
        lines = loaded.agency_lines.get(code, {})
        for name in ("valid_from", "valid_to"):
            day = getattr(agency, name)
            if out_of_range(day, today, EARLIEST_AGENCY):
                field = f"agencies.{loaded.agency_index.get(code, 0)}.{name}"
                found.append(problem("agencies.yml", lines.get(name), field, day, today, EARLIEST_AGENCY))
    return found
