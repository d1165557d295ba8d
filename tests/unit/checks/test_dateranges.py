"""generator/checks/dateranges.py: the plausible window of every date, at its bounds."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks import dateranges
from generator.checks.dateranges import EARLIEST, EARLIEST_AGENCY, LAST_YEAR, YEARS_AHEAD, latest
from tests.helpers import AGENCIES, PORTAL
from tests.unit.kit import TODAY, lines_point_at_fields, world


@pytest.mark.parametrize(("today", "last"), [
    (date(2018, 6, 1), date(2018 + YEARS_AHEAD, 12, 31)),
    (date(LAST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)),
    (date(9999, 1, 1), date(LAST_YEAR, 12, 31)),
])
def test_latest(today, last):
    assert latest(today) == last


BOUNDS = [(None, False), (EARLIEST, False), (date(1999, 12, 31), True), (latest(TODAY), False),
          (date(latest(TODAY).year + 1, 1, 1), True), (date(9999, 12, 31), True), (date(1018, 5, 9), True)]


@pytest.mark.parametrize(("day", "out"), BOUNDS)
def test_out_of_range(day, out):
    assert dateranges.out_of_range(day, TODAY) is out


def test_out_of_range_with_its_own_earliest():
    assert not dateranges.out_of_range(date(1976, 7, 2), TODAY, EARLIEST_AGENCY)
    assert dateranges.out_of_range(date(1944, 12, 31), TODAY, EARLIEST_AGENCY)


def test_the_problem_names_the_value_and_the_window():
    p = dateranges.problem("x.yml", 3, "issued_on", date(2108, 5, 9), TODAY)
    assert (p.code, p.file, p.line, p.field, p.severity) == ("date-out-of-range", "x.yml", 3, "issued_on", "error")
    assert all(text in p.message for text in ("2108-05-09", EARLIEST.isoformat(), latest(TODAY).isoformat()))


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


DATE_FIELDS = ["issued_on", "published_on", "dossier.received_on", "dossier.due_on", "dossier.new_due_on",
               "dossier.returned_on"]


def test_letter_dates_are_every_date_of_a_letter(w):
    letter = w.letter(corrections=[{"date": "2018-05-12", "note": "Sửa.", "fields": ["reason.detail"]}],
                      withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm."})
    assert [name for name, _ in dateranges.letter_dates(letter)] == [*DATE_FIELDS, "corrections.0.date",
                                                                     "withdrawn.date"]


@pytest.mark.parametrize("field", DATE_FIELDS)
@pytest.mark.parametrize("value", ["9999-12-31", "1018-05-09"])
def test_check_date_range_names_each_implausible_date(w, field, value):
    letter = w.letter(**{field: value})
    problems = list(dateranges.check_date_range(letter, w.context()))
    assert [(p.code, p.field, p.line) for p in problems] == [("date-out-of-range", field, letter.line_of(field))]
    lines_point_at_fields(w.root, problems)
    assert dateranges.plausible_letters([letter, w.letter("ok")], TODAY) == [w.letter("ok")]


def test_settings_dates(tmp_path):
    portal = {**PORTAL, "calendar": {"days_off": ["2018-04-30", "2180-04-30"], "working_days": ["1018-04-28"]}}
    agencies = {**AGENCIES, "agencies": [{**a, "valid_from": "1900-01-01"} if a["code"] == "so-tnmt" else a
                                         for a in AGENCIES["agencies"]]}
    w = world(tmp_path, portal=portal, agencies=agencies)
    problems = dateranges.settings_date_problems(w.loaded, TODAY)
    assert [(p.file, p.field) for p in problems] == [("portal.yml", "calendar.days_off.1"),
                                                     ("portal.yml", "calendar.working_days.0"),
                                                     ("agencies.yml", "agencies.1.valid_from")]
    assert all(p.line is not None for p in problems)
    assert EARLIEST_AGENCY.isoformat() in problems[2].message


def test_settings_dates_of_the_base_settings_pass(w):
    assert dateranges.settings_date_problems(w.loaded, TODAY) == []
