"""Report scopes by date: a letter counts for the units its agency stood under on `issued_on`, a register
row on `due_on` — here a commune tracked by its district until 30/6/2025 and by a commune centre after."""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

import pytest

from generator.checks.orchestrator import check_content
from generator.figures.compliance import Compliance
from generator.figures.periods import parse
from tests.helpers import AGENCIES, make_content, write_letter

TODAY = date(2026, 12, 1)
REFORM = date(2025, 7, 1)
UNIT, DISTRICT, CENTRE, PROVINCE = "ubnd-xa-truc-son", "ubnd-cu-jut", "tthcc-xa-cu-jut", "tthcc"
AVOID = {date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2), date(2025, 9, 1), date(2025, 9, 2)}


def dated_agencies() -> dict:
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"] += [
        {"code": CENTRE, "name": "Trung tâm Phục vụ hành chính công xã Cư Jút", "level": "commune",
         "tracked_by": PROVINCE, "valid_from": "2025-07-01"},
        {"code": UNIT, "name": "UBND xã Trúc Sơn", "level": "commune",
         "parent_periods": [{"value": DISTRICT, "until": "2025-06-30"}],
         "tracked_by_periods": [{"value": DISTRICT, "until": "2025-06-30"}, {"value": CENTRE, "from": "2025-07-01"}]},
    ]
    agencies["agencies"][2]["tracked_by"] = PROVINCE  # the district (ended 30/6/2025)
    return agencies


def issue_days(seed: int) -> list[date]:
    """Tuesdays to Thursdays from April to October 2025 (no holiday the day after), a random sample."""
    rng = random.Random(seed)
    days = [date(2025, 4, 1) + timedelta(days=n) for n in range(214)]
    days = [d for d in days if d.weekday() in (1, 2) and d not in AVOID and d + timedelta(days=1) not in AVOID]
    return sorted(rng.sample(days, 10))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Compliance, list[date], list[date]]:
    root = make_content(tmp_path_factory.mktemp("dated"), letters=0, agencies=dated_agencies())
    letter_days = issue_days(14)
    for n, issued in enumerate(letter_days, start=1):
        received, due = issued - timedelta(days=14), issued + timedelta(days=1)
        code = f"000.00.31.H17-{received:%y%m%d}-{n:04d}"
        write_letter(root, f"{issued:%Y-%m}-{n:04d}", agency=UNIT, number=f"{n}/XL-UBND",
                     issued_on=issued.isoformat(), published_on=(issued + timedelta(days=1)).isoformat(),
                     **{"dossier.code": code, "dossier.received_on": received.isoformat(),
                        "dossier.due_on": due.isoformat(),
                        "dossier.new_due_on": (due + timedelta(days=7)).isoformat(),
                        "dossier.returned_on": (due + timedelta(days=6)).isoformat()})
    rng = random.Random(7)
    row_days = sorted(date(2025, 4, 1) + timedelta(days=rng.randrange(214)) for _ in range(30))
    (root / "register").mkdir()
    lines = ["dossier_code,agency,procedure,received_on,due_on,returned_on"]
    lines += [f"000.00.31.H17-{d - timedelta(days=20):%y%m%d}-9{n:03d},{UNIT},Thủ tục,"
              f"{(d - timedelta(days=20)).isoformat()},{d.isoformat()}," for n, d in enumerate(row_days)]
    (root / "register" / "r.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.file) for p in result.problems if p.severity == "error"] == []
    return Compliance(result.content, TODAY), letter_days, row_days


def expected(days: list[date], unit: str | None, text: str) -> int:
    """A second way: the unit's share of the generated dates, from the reform date alone."""
    period = parse(text)
    inside = [d for d in days if period.start <= d <= period.end]
    before = {DISTRICT: True, CENTRE: False}.get(unit)
    return len(inside) if before is None else sum((d < REFORM) == before for d in inside)


PERIODS = ("2025-Q2", "2025-Q3", "2025-06", "2025-07", "2025-H2", "2025")


@pytest.mark.parametrize("unit", [None, PROVINCE, DISTRICT, CENTRE])
def test_letters_and_rows_count_for_the_unit_in_force_on_their_date(generated, unit: str | None) -> None:
    comp, letter_days, row_days = generated
    got, want = [], []
    for text in PERIODS:
        report = comp.report(parse(text), unit)
        rows = {row.agency: row for row in report.rows}
        unit_row = rows.get(UNIT)
        got.append((text, unit_row.letters if unit_row else 0, unit_row.overdue if unit_row else 0,
                    report.totals.letters, report.totals.overdue, len(report.missing)))
        letters, overdue = expected(letter_days, unit, text), expected(row_days, unit, text)
        want.append((text, letters, overdue, letters, overdue, overdue))  # the rows have no letter: all missing
    assert got == want
    assert sum(want[-1][1:3]) > 0  # the sample reaches the unit in the year


def test_the_unit_row_shows_only_where_it_stood_in_the_period(generated) -> None:
    comp, _, _ = generated
    shown = {(text, unit): UNIT in {row.agency for row in comp.report(parse(text), unit).rows}
             for text in ("2025-06", "2025-07") for unit in (DISTRICT, CENTRE)}
    assert shown == {("2025-06", DISTRICT): True, ("2025-06", CENTRE): False,
                     ("2025-07", DISTRICT): False, ("2025-07", CENTRE): True}
    assert {DISTRICT, CENTRE, PROVINCE} <= set(comp.tracking_units())


def test_data_days_and_tracker_follow_the_date(generated) -> None:
    comp, letter_days, row_days = generated
    days = sorted(set(letter_days + row_days))
    assert comp.data_days(DISTRICT) == [d for d in days if d < REFORM]
    assert comp.data_days(CENTRE) == [d for d in days if d >= REFORM]
    assert (comp.tracker_of(UNIT, date(2025, 6, 30)), comp.tracker_of(UNIT, REFORM)) == (DISTRICT, CENTRE)


@pytest.mark.parametrize("unit", [None, DISTRICT, CENTRE])
def test_on_time_figures_count_register_rows_by_due_date(generated, unit: str | None) -> None:
    from dataclasses import replace

    from generator.site.reports.ontime_view import ontime_view

    comp, _, row_days = generated
    content = comp.content
    full = replace(content, portal=replace(content.portal, reports=replace(content.portal.reports,
                                                                           register_export="all")))
    every = Compliance(full, TODAY)
    got = [(text, ontime_view(every, every.report(parse(text), unit)).totals.received) for text in ("2025", "2025-H2")]
    # every row is received 20 days before its due date, all within 2025 (and after 20/6 for the second half)
    want = [("2025", expected(row_days, unit, "2025")),
            ("2025-H2", sum(1 for d in row_days if d - timedelta(days=20) >= date(2025, 7, 1)
                            and (unit != DISTRICT or d < REFORM)))]
    assert got == want
