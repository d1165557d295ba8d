"""Compliance figures equal the ones computed by hand in tests/report_fixture.py (Tết, make-up Saturday, successor)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks.orchestrator import check_content
from generator.figures.compliance import FIGURES, Compliance
from generator.figures.periods import parse
from tests.report_fixture import CODES, TODAY, make_report_content


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = make_report_content(tmp_path_factory.mktemp("compliance"))
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.problems == []  # the fixture itself is valid
    return result.content


@pytest.fixture(scope="module")
def comp(content):
    return Compliance(content, TODAY)


def figures(row):
    return tuple(getattr(row, name) for name in FIGURES)


#            overdue covered coverage missing pending letters in_time median max median_pub
@pytest.mark.parametrize(("period", "unit", "expected"), [
    ("2025-Q1", None, (2, 1, 1 / 2, 1, 0, 1, 1, 3, 3, 1)),
    ("2025-Q2", None, (5, 3, 3 / 5, 2, 0, 3, 2, 5, 6, 1)),
    ("2025-Q3", None, (2, 1, 1 / 2, 0, 1, 2, 1, 4.5, 5, 1.5)),
    ("2025-H1", None, (7, 4, 4 / 7, 3, 0, 4, 3, 5, 6, 1)),
    ("2025", None, (9, 5, 5 / 9, 3, 1, 6, 4, 5, 6, 1)),
    ("2025-04", None, (2, 1, 1 / 2, 1, 0, 1, 0, 5, 5, 2)),   # make-up Saturday 26 April counted
    ("2025-W04", None, (1, 0, 0.0, 1, 0, 1, 1, 3, 3, 1)),     # the week before Tết; the withdrawn letter left out
    ("2025-W05", None, (0, 0, None, 0, 0, 0, 0, None, None, None)),  # Tết week: nothing
    ("2025-Q2", "ubnd-cu-jut", (3, 2, 2 / 3, 1, 0, 2, 2, 5.5, 6, 1)),
    ("2025-Q2", "tthcc", (5, 3, 3 / 5, 2, 0, 3, 2, 5, 6, 1)),
    ("2025-Q3", "ubnd-cu-jut", (0, 0, None, 0, 0, 0, 0, None, None, None)),
])
def test_totals_by_hand(comp, period, unit, expected):
    assert figures(comp.report(parse(period), unit).totals) == pytest.approx(expected)


def test_agency_rows_q2(comp):
    report = comp.report(parse("2025-Q2"))
    rows = {row.agency: figures(row) for row in report.rows}
    assert rows == {
        "tthcc": (0, 0, None, 0, 0, 0, 0, None, None, None),
        "so-tnmt": (2, 1, 0.5, 1, 0, 1, 0, 5, 5, 2),
        "ubnd-cu-jut": (2, 1, 0.5, 1, 0, 1, 1, 6, 6, 1),
        "ubnd-xa-ea-po": (1, 1, 1.0, 0, 0, 1, 1, 5, 5, 1),
    }
    assert report.totals.reasons == {"inter-agency": 0, "verification": 1, "workload": 1, "system": 0, "other": 1}
    assert [(m.row.dossier_code, m.working_days_overdue) for m in report.missing] == [
        (CODES["G"], 4), (CODES["H"], 24)]


def test_previous_period_and_partial(comp):
    report = comp.report(parse("2025-Q2"))
    assert figures(report.previous_totals) == figures(comp.report(parse("2025-Q1")).totals)
    assert not report.partial
    assert comp.report(parse("2025-Q3")).partial


def test_historical_agency_keeps_its_name_and_links_its_successor(comp):
    report = comp.report(parse("2025"), "tthcc")
    row = next(r for r in report.rows if r.agency == "ubnd-cu-jut")
    assert (row.historical, row.valid_to, row.successor) == (True, date(2025, 6, 30), "ubnd-xa-cu-jut")
    assert row.agency_name == "UBND huyện Cư Jút"
    q3 = [r.agency for r in comp.report(parse("2025-Q3")).rows]
    assert q3 == ["tthcc", "so-tnmt", "ubnd-xa-cu-jut"]  # the district no longer exists and has no data


def test_scopes_count_each_agency_once(comp):
    assert comp.tracking_units() == ["tthcc", "ubnd-cu-jut"]
    assert comp.scope("ubnd-cu-jut") == ["ubnd-cu-jut", "ubnd-xa-ea-po"]
    assert comp.scope("tthcc") == ["tthcc", "so-tnmt", "ubnd-cu-jut", "ubnd-xa-cu-jut", "ubnd-xa-ea-po"]
    year = comp.report(parse("2025"), "tthcc")
    assert sum(r.letters for r in year.rows) == year.totals.letters == 6
    assert sum(r.overdue for r in year.rows) == year.totals.overdue == 9


def test_consistency_warnings(comp):
    where = [(w.code, w.dossier_code, w.agency, w.day.isoformat()) for w in comp.warnings]
    assert where == [
        ("register-dates-disagree", CODES["C"], "ubnd-cu-jut", "2025-06-02"),
        ("register-returned-but-promised", CODES["E"], "ubnd-xa-ea-po", "2025-06-20"),
        ("register-letter-not-in-register", CODES["F"], "so-tnmt", "2025-07-08"),
    ]
    assert [(w.problem.file, w.problem.line) for w in comp.warnings][:1] == [("register/2025.csv", 5)]
    assert all(w.problem.severity == "warning" for w in comp.warnings)
    assert [w.code for w in comp.report(parse("2025-Q2"), "ubnd-cu-jut").warnings] == [
        "register-dates-disagree", "register-returned-but-promised"]
    assert comp.report(parse("2025-Q3"), "ubnd-cu-jut").warnings == []


def test_agency_all_time(comp):
    row, missing = comp.all_time("so-tnmt")
    assert (row.overdue, row.covered, row.coverage, row.missing) == (4, 2, 0.5, 2)
    assert [(m.row.dossier_code, m.working_days_overdue) for m in missing] == [(CODES["J"], 3), (CODES["G"], 4)]


def test_grace_period_as_of(content):
    # I is due Monday 28 July: 3 working days by the 31st (pending), 6 by Tuesday 5 August (missing)
    assert Compliance(content, date(2025, 7, 31)).report(parse("2025-07")).totals.missing == 0
    assert Compliance(content, date(2025, 8, 4)).report(parse("2025-07")).totals.missing == 0
    assert Compliance(content, date(2025, 8, 5)).report(parse("2025-07")).totals.missing == 1


def test_without_register_coverage_is_unknown(content):
    from dataclasses import replace

    comp = Compliance(replace(content, register=[]), TODAY)
    totals = comp.report(parse("2025")).totals
    assert (totals.overdue, totals.coverage, totals.missing, totals.letters) == (None, None, None, 6)
    assert comp.warnings == []
