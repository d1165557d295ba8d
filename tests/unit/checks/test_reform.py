"""generator/checks/reform.py: the 2025–2026 rules, each function on its own."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks import reform
from generator.content.model import DEFAULT_LEVEL_VALIDITY, Agency, Level
from generator.figures.officialcal import official
from tests.helpers import AGENCIES, DROP
from tests.unit.kit import world

COVERED = sorted(official().years)
AFTER = COVERED[-1] + 1


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def dated(w, letter_id, year, **overrides):
    """A letter of `year` (receipt, due dates and return in January-February)."""
    return w.letter(letter_id, issued_on=f"{year}-02-02", published_on=f"{year}-02-03", **{
        "dossier.code": f"000.00.21.H17-{year % 100:02d}0105-0001", "dossier.received_on": f"{year}-01-05",
        "dossier.due_on": f"{year}-01-30", "dossier.new_due_on": f"{year}-02-20", "dossier.returned_on": DROP,
        **overrides})


@pytest.mark.parametrize(("received", "new_due", "returned", "years"), [
    ("2018-04-20", "2018-05-15", "2018-05-14", [2018]),
    ("2017-12-20", "2018-05-15", None, [2017, 2018]),
    ("2018-04-20", "2019-01-15", "2020-01-02", [2018, 2019, 2020]),
])
def test_letter_years_span_receipt_to_the_last_date(w, received, new_due, returned, years):
    letter = w.letter(**{"dossier.received_on": received, "dossier.new_due_on": new_due,
                         "dossier.returned_on": returned or DROP})
    assert list(reform.letter_years(letter)) == years


def test_calendar_years_the_calendar_covers_or_predates_pass(w):
    letters = [dated(w, f"y{year}", year) for year in [COVERED[0] - 5, *COVERED]]
    assert reform.check_calendar_years(letters) == []


def test_each_uncovered_year_is_one_warning_on_its_first_letter(w):
    letters = [dated(w, name, year) for name, year in (("b", AFTER), ("a", AFTER), ("c", AFTER + 1))]
    problems = reform.check_calendar_years(letters)
    assert [(p.code, p.file, p.severity) for p in problems] == [
        ("calendar-year-not-covered", letters[1].source, "warning"),
        ("calendar-year-not-covered", letters[2].source, "warning")]
    assert str(AFTER) in problems[0].message and str(AFTER + 1) in problems[1].message
    assert ", ".join(map(str, COVERED)) in problems[0].message


@pytest.mark.parametrize(("agency", "issued", "ended"), [
    ("ubnd-cu-jut", "2025-06-30", False),  # the district level's last day
    ("ubnd-cu-jut", "2025-07-01", True),
    ("ubnd-xa-cu-jut", "2025-07-01", False),  # a commune: no end
    ("so-tnmt", "2026-01-05", False),
])
def test_agency_level(w, agency, issued, ended):
    letter = w.letter(agency=agency, issued_on=issued)
    problems = list(reform.check_agency_level(letter, w.agencies, DEFAULT_LEVEL_VALIDITY))
    assert [(p.code, p.field, p.line) for p in problems] == (
        [("agency-level-ended", "issued_on", letter.line_of("issued_on"))] if ended else [])
    if ended:
        assert "ubnd-xa-cu-jut" in problems[0].message  # the successor to use


def test_agency_level_of_an_unknown_agency_is_the_references_check(w):
    letter = w.letter(agency="so-khong-co", issued_on="2025-07-01")
    assert list(reform.check_agency_level(letter, w.agencies, DEFAULT_LEVEL_VALIDITY)) == []


def test_agency_level_reads_the_registrys_levels(w):
    letter = w.letter(agency="so-tnmt")
    ended = (Level("province", None, date(2018, 1, 1)),)
    assert [p.code for p in reform.check_agency_level(letter, w.agencies, ended)] == ["agency-level-ended"]


@pytest.mark.parametrize(("prefixes", "code", "bad"), [
    ((), "000.00.21.H17-180420-0012", False),
    (("000.00.21.",), "000.00.21.H17-180420-0012", False),
    (("000.00.22.", "000.00.21."), "000.00.21.H17-180420-0012", False),
    (("000.00.22.",), "000.00.21.H17-180420-0012", True),
])
def test_dossier_prefix(tmp_path, prefixes, code, bad):
    entries = [{**a, "dossier_prefixes": list(prefixes)} if a["code"] == "so-tnmt" and prefixes else a
               for a in AGENCIES["agencies"]]
    w = world(tmp_path, agencies={**AGENCIES, "agencies": entries})
    letter = w.letter(**{"dossier.code": code})
    problems = list(reform.check_dossier_prefix(letter, w.agencies))
    assert [(p.code, p.field, p.line) for p in problems] == (
        [("dossier-code-other-agency", "dossier.code", letter.line_of("dossier.code"))] if bad else [])


def test_reform_checks_is_every_rule_over_the_archive(w):
    letters = [dated(w, "a", AFTER), w.letter("b", agency="ubnd-cu-jut", issued_on="2025-07-02")]
    problems = reform.reform_checks(letters, w.agencies, DEFAULT_LEVEL_VALIDITY)
    assert sorted(p.code for p in problems) == ["agency-level-ended", "calendar-year-not-covered"]


def test_successor_names_and_clause():
    agencies = {"a": Agency("a", "A cũ", "district", successor="b", successors=("c", "b", "x")),
                "b": Agency("b", "B mới", "commune"), "c": Agency("c", "C mới", "commune")}
    assert reform.successor_names(agencies["a"], agencies) == "B mới (b), C mới (c), x"
    assert "B mới (b)" in reform.successor_clause(agencies["a"], agencies)
    assert reform.successor_clause(agencies["b"], agencies) == ""


@pytest.mark.parametrize(("valid_to", "day", "ended"), [
    (None, date(2030, 1, 1), False), (date(2025, 6, 30), date(2025, 6, 30), False),
    (date(2025, 6, 30), date(2025, 7, 1), True)])
def test_ended_before(valid_to, day, ended):
    assert reform.ended_before(Agency("a", "A", "district", valid_to=valid_to), day) is ended
