"""generator/figures/stats.py and scopes.tracker_on: one letter's facts against a plain weekday count, and the
figures of a set of letters.

The letters lie in April–May 2018 after 1 May: no holiday falls in their windows, so a working day is a weekday
and `weekdays(a, b)` (Monday–Friday in (a, b]) is an oracle independent of generator/figures/workdays.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.content.model import Agency, CalendarOverrides
from generator.figures import stats
from generator.figures.scopes import tracker_on
from generator.figures.workdays import WorkCalendar
from tests.helpers import DROP
from tests.unit.kit import world

CAL = WorkCalendar(CalendarOverrides())


def weekdays(after: date, until: date) -> int:
    """Monday–Friday in (after, until]."""
    return sum((after + timedelta(days=n)).weekday() < 5 for n in range(1, (until - after).days + 1))


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def _d(text: str) -> date:
    return date.fromisoformat(text)


FACTS = [  # overrides of the base letter (received 04-20, due 05-04, new due 05-15, issued 05-09, returned 05-14)
    {},
    {"dossier.returned_on": DROP},
    {"dossier.returned_on": "2018-05-18"},
    {"dossier.due_on": "2018-05-11", "issued_on": "2018-05-09", "dossier.returned_on": "2018-05-14"},
    {"dossier.due_on": "2018-05-11", "issued_on": "2018-05-10", "dossier.returned_on": "2018-05-14"},
    {"published_on": "2018-05-21"},
]


@pytest.mark.parametrize("overrides", FACTS)
def test_letter_facts(w, overrides):
    letter = w.letter(**{"dossier.new_due_on": "2018-05-17", **overrides})
    d = letter.dossier
    facts = stats.letter_facts(letter, CAL, 1)
    assert facts.days_late == weekdays(d.due_on, d.returned_on or d.new_due_on)
    assert facts.in_time is (weekdays(letter.issued_on - timedelta(days=1), d.due_on - timedelta(days=1)) >= 1)
    assert facts.new_date_missed is (d.returned_on is not None and d.returned_on > d.new_due_on)
    assert facts.still_open is (d.returned_on is None)
    assert facts.publication_lag == weekdays(letter.issued_on, letter.published_on)


def test_summarize(w):
    letters = [w.letter("a"), w.letter("b", **{"dossier.returned_on": "2018-05-18", "reason.category": "workload"}),
               w.letter("c", issued_on="2018-04-27", published_on="2018-04-27"),
               w.letter("d", withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm."})]
    facts = [stats.letter_facts(x, CAL, 1) for x in letters]
    late = [f.days_late for f in facts[:3]]
    figures = stats.summarize(facts)
    assert (figures.count, figures.withdrawn, figures.max_days_late) == (3, 1, max(late))
    assert figures.median_days_late == sorted(late)[1]
    assert figures.mean_days_late == round(sum(late) / 3, stats.MEAN_DIGITS)
    assert figures.in_time == sum(f.in_time for f in facts[:3])
    assert figures.share_in_time == figures.in_time / 3
    assert figures.new_dates_missed == 1
    assert figures.reasons == (("inter-agency", 2), ("workload", 1))
    assert figures.per_month == (("2018-04", 1), ("2018-05", 2))
    wide = stats.summarize(facts, first_month="2018-03", last_month="2018-06")
    assert [m for m, _ in wide.per_month] == ["2018-03", "2018-04", "2018-05", "2018-06"]


def test_summarize_nothing():
    figures = stats.summarize([])
    assert figures.empty and figures.median_days_late is None and figures.share_in_time is None
    assert figures.per_month == () and figures.reasons == ()


@pytest.mark.parametrize(("first", "last", "months"), [
    ("2018-11", "2019-02", ["2018-11", "2018-12", "2019-01", "2019-02"]), ("2018-05", "2018-05", ["2018-05"]),
    ("2018-06", "2018-05", [])])
def test_month_range(first, last, months):
    assert stats.month_range(first, last) == months
    assert all(stats.month_key(date(int(m[:4]), int(m[5:]), 28)) == m for m in months)


@pytest.mark.parametrize(("values", "mean"), [([], None), ([1], 1.0), ([1, 2], 1.5), ([1, 1, 2], 1.3)])
def test_mean(values, mean):
    assert stats.mean(values) == mean


def test_in_period_and_of_agencies(w):
    facts = [stats.letter_facts(w.letter(f"l{day}", issued_on=f"2018-05-{day:02d}", published_on="2018-05-20"), CAL, 1)
             for day in (1, 9, 15)]
    assert [f.letter.id for f in stats.in_period(facts, date(2018, 5, 9), date(2018, 5, 15))] == ["l9", "l15"]
    assert stats.of_agencies(facts, ["tthcc"]) == [] and len(stats.of_agencies(facts, ["so-tnmt"])) == 3


TREE = {code: Agency(code, code, "x", parent=parent, tracked_by=tracked)
        for code, parent, tracked in [("p", None, None), ("a", "p", "t"), ("b", "p", None), ("c", "b", None),
                                      ("t", None, None), ("loop1", "loop2", None), ("loop2", "loop1", None)]}


def test_children_and_subtree():
    kids = stats.children_of(TREE)
    assert kids["p"] == ["a", "b"] and kids["b"] == ["c"] and kids["c"] == []
    assert stats.subtree(TREE, "p") == ["a", "b", "c", "p"]
    assert stats.subtree(TREE, "loop1") == ["loop1", "loop2"]


@pytest.mark.parametrize(("code", "tracker"), [("a", "t"), ("c", None), ("p", None), ("loop1", None),
                                               ("nowhere", None)])
def test_tracker_on_inherits_along_parents(code, tracker):
    assert tracker_on(TREE, code) == tracker


def test_tracker_on_a_day():
    agencies = {"x": Agency("x", "x", "commune", tracked_by="old",
                            tracked_by_periods=({"value": "new", "from": date(2025, 7, 1)},)),
                "y": Agency("y", "y", "commune", parent="x")}
    assert tracker_on(agencies, "y", date(2025, 6, 30)) == "old"
    assert tracker_on(agencies, "y", date(2025, 7, 1)) == "new"
    assert tracker_on(agencies, "y") == "old"
