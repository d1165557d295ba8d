"""Working-day calendar on real Vietnamese holiday schedules, against hand-counted intervals (never the package)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.content.model import CalendarOverrides, DelayReason, Dossier, Letter, Person, Recipient
from generator.figures.workdays import WorkCalendar, days_late, issued_in_time

CAL = WorkCalendar()


def days(start: date, end: date) -> list[date]:
    """Every day in [start, end]."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def make_letter(issued_on: date, due_on: date, new_due_on: date, returned_on: date | None = None) -> Letter:
    """A letter with only the dates that matter here."""
    return Letter(
        id="2018-05-0001",
        source="letters/2018/so-tnmt/2018-05-0001.yml",
        number="15/XL-STNMT",
        issued_on=issued_on,
        agency="so-tnmt",
        signer=Person("Nguyễn Văn Bình", "Phó Giám đốc"),
        recipient=Recipient("individual", "Ông N.V.A."),
        dossier=Dossier(
            code="000.00.21.H17-180420-0012",
            procedure="Đăng ký biến động quyền sử dụng đất",
            received_on=date(2018, 4, 20),
            due_on=due_on,
            new_due_on=new_due_on,
            returned_on=returned_on,
        ),
        reason=DelayReason("inter-agency", "Chờ ý kiến phối hợp của Chi cục Thuế."),
        published_on=issued_on,
    )


def test_tet_2024_closes_8_to_14_february() -> None:
    # Tết Giáp Thìn: 10 Feb 2024; public servants off Thu 8 – Wed 14 Feb.
    period = days(date(2024, 2, 5), date(2024, 2, 16))
    assert [d for d in period if CAL.is_working_day(d)] == [
        date(2024, 2, 5), date(2024, 2, 6), date(2024, 2, 7), date(2024, 2, 15), date(2024, 2, 16),
    ]


def test_tet_2025_closes_25_january_to_2_february() -> None:
    # Tết Ất Tỵ: 29 Jan 2025; off Sat 25 Jan – Sun 2 Feb, i.e. no working day in between.
    assert [d for d in days(date(2025, 1, 25), date(2025, 2, 2)) if CAL.is_working_day(d)] == []
    assert CAL.is_working_day(date(2025, 1, 24))
    assert CAL.is_working_day(date(2025, 2, 3))


def test_reunification_2025_with_make_up_saturday() -> None:
    # 2025: Sat 26 Apr is worked so that Fri 2 May is off; 30 Apr – 4 May off.
    assert CAL.is_working_day(date(2025, 4, 26))
    assert [CAL.is_working_day(d) for d in days(date(2025, 4, 28), date(2025, 5, 5))] == [
        True, True, False, False, False, False, False, True,
    ]
    assert CAL.count(date(2025, 4, 25), date(2025, 4, 28)) == 2  # Sat 26 and Mon 28
    assert CAL.add(date(2025, 4, 29), 1) == date(2025, 5, 5)


def test_reunification_2024_make_up_saturday() -> None:
    # 2024: Mon 29 Apr off, made up on Sat 4 May.
    assert not CAL.is_working_day(date(2024, 4, 29))
    assert CAL.is_working_day(date(2024, 5, 4))


def test_national_day() -> None:
    # Since 2021 National Day is two days: 2 Sep and an adjacent day.
    assert not CAL.is_working_day(date(2024, 9, 2))
    assert not CAL.is_working_day(date(2024, 9, 3))
    assert not CAL.is_working_day(date(2025, 9, 1))
    assert not CAL.is_working_day(date(2025, 9, 2))
    assert CAL.is_working_day(date(2025, 9, 3))
    assert not CAL.is_working_day(date(2018, 9, 3))  # 2 Sep 2018 was a Sunday: Monday off


def test_plain_weekend_and_weekday() -> None:
    assert not CAL.is_working_day(date(2018, 5, 5))  # Saturday
    assert not CAL.is_working_day(date(2018, 5, 6))  # Sunday
    assert CAL.is_working_day(date(2018, 5, 7))


# Each interval (start, end] counted by hand on a paper calendar, from the notices named in
# generator/data/calendar-vn.yml.
HAND_COUNTED = [
    # Tết 2024: off Thu 8 – Wed 14 Feb; (Wed 7, Fri 16] -> Thu 15, Fri 16.
    (date(2024, 2, 7), date(2024, 2, 16), 2),
    # Tết 2025: off Sat 25 Jan – Sun 2 Feb; (Fri 24 Jan, Fri 7 Feb] -> 3–7 Feb.
    (date(2025, 1, 24), date(2025, 2, 7), 5),
    # Tết 2026: off Mon 16 – Fri 20 Feb; (Tue 10, Tue 24 Feb] -> 11, 12, 13, 23, 24.
    (date(2026, 2, 10), date(2026, 2, 24), 5),
    # 30/4 2024: Mon 29 Apr off, Sat 4 May worked; (Fri 26 Apr, Fri 10 May] -> 2, 3, Sat 4, 6–10.
    (date(2024, 4, 26), date(2024, 5, 10), 8),
    # 30/4 2025: Sat 26 Apr worked, Fri 2 May off; (Fri 25 Apr, Fri 9 May] -> Sat 26, 28, 29, 5–9.
    (date(2025, 4, 25), date(2025, 5, 9), 8),
    # 30/4 2026: Mon 27 Apr in lieu of Sun 26 (Hùng Kings); Thu 30, Fri 1 off; (Fri 24 Apr, Fri 8 May]
    # -> 28, 29, 4–8.
    (date(2026, 4, 24), date(2026, 5, 8), 7),
    # 2/9 2024: Mon 2, Tue 3 off; (Fri 30 Aug, Fri 6 Sep] -> 4, 5, 6.
    (date(2024, 8, 30), date(2024, 9, 6), 3),
    # 2/9 2025: Mon 1, Tue 2 off; (Fri 29 Aug, Fri 5 Sep] -> 3, 4, 5.
    (date(2025, 8, 29), date(2025, 9, 5), 3),
    # 2/9 2026: Sat 22 Aug worked, Mon 31 Aug, Tue 1, Wed 2 Sep off; (Fri 21 Aug, Fri 4 Sep]
    # -> Sat 22, 24–28, 3, 4.
    (date(2026, 8, 21), date(2026, 9, 4), 8),
    # New Year 2026: Thu 1, Fri 2 Jan off, Sat 10 Jan worked; (Wed 31 Dec, Fri 16 Jan] -> 5–10, 12–16.
    (date(2025, 12, 31), date(2026, 1, 16), 11),
    # Demo letter 2026/so-xd/2026-01-0001: due Fri 9 Jan, returned Thu 22 Jan -> Sat 10, 12–16, 19–22.
    (date(2026, 1, 9), date(2026, 1, 22), 10),
    # 24/11 2026 (Tue): (Fri 20, Fri 27 Nov] -> 23, 25, 26, 27.
    (date(2026, 11, 20), date(2026, 11, 27), 4),
]


@pytest.mark.parametrize(("start", "end", "expected"), HAND_COUNTED)
def test_hand_counted_intervals(start: date, end: date, expected: int) -> None:
    assert CAL.count(start, end) == expected
    assert sum(CAL.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)) == expected
    assert CAL.add(start, expected) == end  # every interval ends on a working day


def test_new_year_2026_swap() -> None:
    # VPCP notice 12729/VPCP-KGVX (25/12/2025): Fri 2 Jan 2026 off, Sat 10 Jan 2026 worked.
    assert [CAL.is_working_day(d) for d in days(date(2026, 1, 1), date(2026, 1, 11))] == [
        False, False, False, False, True, True, True, True, True, True, False,
    ]
    assert CAL.add(date(2026, 1, 9), 1) == date(2026, 1, 10)


def test_portal_override_wins_over_the_shipped_calendar() -> None:
    cal = WorkCalendar(CalendarOverrides(days_off=(date(2026, 1, 10),), working_days=(date(2026, 1, 2),)))
    assert (cal.is_working_day(date(2026, 1, 10)), cal.is_working_day(date(2026, 1, 2))) == (False, True)


def test_count_and_count_from() -> None:
    # Week of 7–11 May 2018, all working days.
    assert CAL.count(date(2018, 5, 4), date(2018, 5, 11)) == 5
    assert CAL.count_from(date(2018, 5, 4), date(2018, 5, 11)) == 5  # Fri 4 .. Thu 10
    assert CAL.count(date(2018, 5, 4), date(2018, 5, 4)) == 0
    assert CAL.count(date(2018, 5, 11), date(2018, 5, 4)) == 0
    assert CAL.count_from(date(2018, 5, 11), date(2018, 5, 4)) == 0
    # Across a year boundary and Tết 2025: (20 Dec 2024, 7 Feb 2025].
    assert CAL.count(date(2024, 12, 20), date(2025, 2, 7)) == len(
        [d for d in days(date(2024, 12, 21), date(2025, 2, 7)) if CAL.is_working_day(d)]
    ) == 29  # 23–31 Dec: 7, Jan before Tết: 17, 3–7 Feb: 5


def test_add_skips_holidays_both_ways() -> None:
    assert CAL.add(date(2024, 2, 7), 1) == date(2024, 2, 15)
    assert CAL.add(date(2024, 2, 15), -1) == date(2024, 2, 7)
    assert CAL.add(date(2024, 2, 10), 0) == date(2024, 2, 10)
    assert CAL.add(date(2024, 12, 31), 3) == date(2025, 1, 6)
    for start in days(date(2024, 1, 1), date(2025, 12, 31))[::3]:
        for n in (1, 7, 30):
            end = CAL.add(start, n)
            assert CAL.is_working_day(end)
            assert CAL.count(start, end) == n
            assert CAL.add(end, -n) <= start or not CAL.is_working_day(start)


def test_portal_overrides() -> None:
    # A provincial day off on Fri 10 May 2024 and a make-up Saturday 18 May 2024.
    cal = WorkCalendar(CalendarOverrides(days_off=(date(2024, 5, 10),), working_days=(date(2024, 5, 18),)))
    assert not cal.is_working_day(date(2024, 5, 10))
    assert cal.is_working_day(date(2024, 5, 18))
    assert CAL.is_working_day(date(2024, 5, 10))
    assert not CAL.is_working_day(date(2024, 5, 18))
    assert cal.count(date(2024, 5, 9), date(2024, 5, 20)) == CAL.count(date(2024, 5, 9), date(2024, 5, 20)) == 7
    assert cal.add(date(2024, 5, 9), 1) == date(2024, 5, 13)


def test_days_late_uses_returned_or_new_due_date() -> None:
    # The contract's example: due Fri 4 May 2018, returned Mon 14 May, new date Tue 15 May.
    returned = make_letter(date(2018, 5, 9), date(2018, 5, 4), date(2018, 5, 15), date(2018, 5, 14))
    open_ = make_letter(date(2018, 5, 9), date(2018, 5, 4), date(2018, 5, 15))
    assert (days_late(returned, CAL), days_late(open_, CAL)) == (6, 7)
    # Over Tết 2024: due Wed 7 Feb, new date Fri 16 Feb -> only 15 and 16 Feb count.
    assert days_late(make_letter(date(2024, 2, 6), date(2024, 2, 7), date(2024, 2, 16)), CAL) == 2


@pytest.mark.parametrize(
    ("issued_on", "due_on", "lead", "expected"),
    [
        (date(2018, 5, 3), date(2018, 5, 4), 1, True),  # one working day before
        (date(2018, 5, 4), date(2018, 5, 4), 1, False),  # on the due date
        (date(2018, 5, 9), date(2018, 5, 4), 1, False),  # after it
        (date(2018, 5, 4), date(2018, 5, 4), 0, True),  # lead 0 tolerates the due date
        (date(2024, 2, 7), date(2024, 2, 15), 2, False),  # Tết between: one working day only
        (date(2024, 2, 6), date(2024, 2, 15), 2, True),
    ],
)
def test_issued_in_time(issued_on: date, due_on: date, lead: int, expected: bool) -> None:
    letter = make_letter(issued_on, due_on, due_on + timedelta(days=10))
    assert issued_in_time(letter, CAL, lead) is expected


def test_fast_counts_agree_with_a_day_by_day_count() -> None:
    """The prefix-sum counts equal a naive count over many spans (speed is measured by the benchmarks)."""
    cal = WorkCalendar()
    for i in range(0, 3000, 7):
        due = date(2018, 1, 1) + timedelta(days=i)
        end = due + timedelta(days=i % 40)
        naive = sum(cal.is_working_day(due + timedelta(days=k)) for k in range(1, (end - due).days + 1))
        assert cal.count(due, end) == naive
