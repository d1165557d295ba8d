"""Checks of the 2025–2026 rules across letters: years the official calendar does not cover,
agencies of a level that no longer existed on the letter's date, dossier codes of another agency."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from generator.content.model import Agency, Letter, Level
from generator.figures.officialcal import official
from generator.problems import Problem, make
from generator.strings.problems_reform import SUCCESSOR_CLAUSE


def letter_years(letter: Letter) -> range:
    """The years the letter's working-day figures read (receipt to the latest promised or actual date)."""
    d = letter.dossier
    dates = [d.received_on, d.due_on, d.new_due_on, letter.issued_on] + ([d.returned_on] if d.returned_on else [])
    return range(min(dates).year, max(dates).year + 1)


def check_calendar_years(letters: Iterable[Letter]) -> list[Problem]:
    """One warning per year after the calendar's first year that it does not cover (a schedule not yet
    added: the package may miss its swaps), on the first letter (by file) that falls in it. Years before
    the file's first year are historical: the package's calendar stands, without a warning."""
    cal = official()
    first: dict[int, Letter] = {}
    for letter in sorted(letters, key=lambda x: x.source):
        for year in letter_years(letter):
            if year > min(cal.years) and not cal.covers(year):
                first.setdefault(year, letter)
    covered = ", ".join(str(y) for y in sorted(cal.years))
    return [make("calendar-year-not-covered", letter.source, None, None, year=year, covered=covered)
            for year, letter in sorted(first.items())]


def check_agency_level(letter: Letter, agencies: dict[str, Agency], levels: tuple[Level, ...]) -> Iterator[Problem]:
    """The agency's level still existed on the date of issue."""
    agency = agencies.get(letter.agency)
    if agency is None:
        return
    for level in levels:
        if level.level == agency.level and not level.valid_on(letter.issued_on):
            yield make("agency-level-ended", letter.source, letter.line_of("issued_on"), "issued_on",
                       level=agency.level, agency=letter.agency, day=letter.issued_on,
                       level_to=level.valid_to or "…", successors=successor_clause(agency, agencies))


def check_dossier_prefix(letter: Letter, agencies: dict[str, Agency]) -> Iterator[Problem]:
    """The dossier code carries one of the agency's declared prefixes (when it declares any)."""
    agency = agencies.get(letter.agency)
    if agency is None or not agency.dossier_prefixes:
        return
    code = letter.dossier.code
    if not any(code.startswith(prefix) for prefix in agency.dossier_prefixes):
        yield make("dossier-code-other-agency", letter.source, letter.line_of("dossier.code"), "dossier.code",
                   value=code, agency=letter.agency, prefixes=", ".join(agency.dossier_prefixes))


def reform_checks(letters: list[Letter], agencies: dict[str, Agency], levels: tuple[Level, ...]) -> list[Problem]:
    """Every problem of this module over the whole archive."""
    problems = check_calendar_years(letters)
    for letter in letters:
        problems += check_agency_level(letter, agencies, levels)
        problems += check_dossier_prefix(letter, agencies)
    return problems


def successor_names(agency: Agency, agencies: dict[str, Agency]) -> str:
    """'Name A (code-a), Name B (code-b)' of an agency's successors (empty when it has none)."""
    return ", ".join(f"{agencies[c].name} ({c})" if c in agencies else c for c in agency.all_successors())


def successor_clause(agency: Agency, agencies: dict[str, Agency]) -> str:
    """'; cơ quan kế nhiệm: …' for a problem message, or '' when the agency has no successor."""
    names = successor_names(agency, agencies)
    return SUCCESSOR_CLAUSE.format(names=names) if names else ""


def ended_before(agency: Agency, day: date) -> bool:
    """True when the agency had ended before `day`."""
    return agency.valid_to is not None and agency.valid_to < day
