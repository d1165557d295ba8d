"""Reporting periods: parse, contains, previous/following, labels, spans."""

from __future__ import annotations

from datetime import date

import pytest

from generator.figures.periods import PeriodError, containing, parse, periods_of, spanned


@pytest.mark.parametrize(("code", "start", "end", "kind", "label"), [
    ("2018-W19", date(2018, 5, 7), date(2018, 5, 13), "week", "Tuần 19/2018 (07/05–13/05/2018)"),
    ("2018-05", date(2018, 5, 1), date(2018, 5, 31), "month", "Tháng 5/2018"),
    ("2018-Q2", date(2018, 4, 1), date(2018, 6, 30), "quarter", "Quý II/2018"),
    ("2018-H1", date(2018, 1, 1), date(2018, 6, 30), "half", "6 tháng đầu năm 2018"),
    ("2018-H2", date(2018, 7, 1), date(2018, 12, 31), "half", "6 tháng cuối năm 2018"),
    ("2018", date(2018, 1, 1), date(2018, 12, 31), "year", "Năm 2018"),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3), "week", "Tuần 53/2020 (28/12–03/01/2021)"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "Tháng 2/2024"),
    ("2018-q4", date(2018, 10, 1), date(2018, 12, 31), "quarter", "Quý IV/2018"),
])
def test_parse(code, start, end, kind, label):
    period = parse(code)
    assert (period.start, period.end, period.kind, period.label) == (start, end, kind, label)
    assert parse(period.code) == period
    assert period.contains(start) and period.contains(end)
    assert not period.contains(start.fromordinal(start.toordinal() - 1))


@pytest.mark.parametrize("code", ["2018-13", "2018-00", "2018-Q5", "2018-H3", "2019-W53", "18", "2018-W1", "", "x"])
def test_bad_codes(code):
    with pytest.raises(PeriodError):
        parse(code)


def test_previous_and_following():
    assert parse("2025-W01").previous().code == "2024-W52"
    assert parse("2020-W53").following().code == "2021-W01"
    assert parse("2025-01").previous().code == "2024-12"
    assert parse("2025-Q1").previous().code == "2024-Q4"
    assert parse("2025-H1").previous().code == "2024-H2"
    assert parse("2025").previous().code == "2024"
    assert parse("2025-12").following().code == "2026-01"


def test_containing_uses_iso_weeks():
    assert containing("week", date(2024, 12, 30)).code == "2025-W01"
    assert containing("quarter", date(2025, 7, 1)).code == "2025-Q3"
    assert containing("half", date(2025, 6, 30)).code == "2025-H1"


def test_spans():
    assert [p.code for p in spanned("quarter", date(2024, 12, 30), date(2025, 7, 1))] == [
        "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
    assert [p.code for p in spanned("month", date(2025, 2, 1), date(2025, 1, 1))] == []
    days = [date(2025, 1, 24), date(2025, 1, 23), date(2025, 2, 4), date(2025, 4, 26)]
    assert [p.code for p in periods_of("week", days)] == ["2025-W04", "2025-W06", "2025-W17"]


# --- the statistical cut-off of Decree 09/2019/NĐ-CP, and nine-month periods ------------------------------------
from datetime import timedelta  # noqa: E402
from itertools import pairwise  # noqa: E402

from generator.figures.periods import KINDS, SCHEMES, make  # noqa: E402

YEARS = range(2019, 2028)


def _cut_off_start(year: int, first_month: int) -> date:
    """The 15th of the month before `first_month` (computed from the calendar month's first day)."""
    return (date(year, first_month, 1) - timedelta(days=1)).replace(day=15)


@pytest.mark.parametrize("year", YEARS)
def test_statistical_periods_run_from_the_15th_to_the_14th(year):
    for month in range(1, 13):
        p = parse(f"{year}-{month:02d}-TK")
        assert (p.start, p.end, p.scheme, p.kind) == (_cut_off_start(year, month), date(year, month, 14),
                                                      "statistical", "month")
        assert p.label == f"Tháng {month}/{year}"
    for q in range(1, 5):
        p = parse(f"{year}-Q{q}-TK")
        assert (p.start, p.end) == (_cut_off_start(year, 3 * q - 2), date(year, 3 * q, 14))
    assert (parse(f"{year}-H1-TK").start, parse(f"{year}-H1-TK").end) == (date(year - 1, 12, 15), date(year, 6, 14))
    assert (parse(f"{year}-H2-TK").start, parse(f"{year}-H2-TK").end) == (date(year, 6, 15), date(year, 12, 14))
    assert (parse(f"{year}-9T-TK").start, parse(f"{year}-9T-TK").end) == (date(year - 1, 12, 15), date(year, 9, 14))
    assert (parse(f"{year}-TK").start, parse(f"{year}-TK").end) == (date(year - 1, 12, 15), date(year, 12, 14))
    assert (parse(f"{year}-9T").start, parse(f"{year}-9T").end) == (date(year, 1, 1), date(year, 9, 30))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "nine"])
def test_periods_tile_the_days_without_gap_or_overlap(kind, scheme):
    first, last = date(2019, 1, 1), date(2027, 12, 31)
    periods = spanned(kind, first, last, scheme)
    for a, b in pairwise(periods):
        assert b.start == a.end + timedelta(days=1)
        assert a.following() == b and b.previous() == a
    day = first
    while day <= last:
        p = containing(kind, day, scheme)
        assert p.contains(day) and parse(p.code, scheme) == p
        day += timedelta(days=5)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_same_period_last_year(scheme):
    for kind in KINDS:
        for year in YEARS:
            number = {"week": 10, "month": 5, "quarter": 2, "half": 2}.get(kind, 1)
            p = make(kind, year, number, scheme)
            before = p.year_before()
            assert (before.kind, before.year, before.number) == (kind, year - 1, number)
            if kind != "week":
                assert before.start.replace(year=before.start.year + 1) == p.start
    assert parse("2020-W53").year_before().code == "2019-W52"  # 2019 has no week 53
    assert parse("2026-W53").year_before().code == "2025-W52"
    assert parse("2026-W01").year_before().code == "2025-W01"


def test_nine_months_exist_only_for_january_to_september():
    assert containing("nine", date(2025, 9, 30)).code == "2025-9T"
    assert containing("nine", date(2025, 12, 16), "statistical").code == "2026-9T-TK"
    with pytest.raises(PeriodError):
        containing("nine", date(2025, 10, 1))
    assert [p.code for p in periods_of("nine", [date(2025, 10, 5), date(2025, 3, 1)])] == ["2025-9T"]
    assert [p.code for p in spanned("nine", date(2024, 11, 1), date(2025, 12, 31))] == ["2025-9T"]
    assert [p.code for p in spanned("nine", date(2024, 11, 1), date(2026, 1, 1))] == ["2025-9T", "2026-9T"]
    assert parse("2025-9T").previous().code == "2024-9T"


def test_weeks_are_iso_weeks_in_both_schemes():
    assert containing("week", date(2025, 5, 15), "statistical") == parse("2025-W20")
    assert parse("2025-W20").scheme_note != parse("2025-05-TK").scheme_note


@pytest.mark.parametrize("code", ["2025-13-TK", "2025-Q5-TK", "2025-10T", "2025-TK-TK", "TK"])
def test_bad_statistical_codes(code):
    with pytest.raises(PeriodError):
        parse(code)
