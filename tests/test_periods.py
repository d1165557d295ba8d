"""Reporting periods: parse, contains, previous/following, labels, spans."""

from __future__ import annotations

from datetime import date

import pytest

from generator.periods import PeriodError, containing, parse, periods_of, spanned


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
