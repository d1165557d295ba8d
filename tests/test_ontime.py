"""On-time figures (generator/figures/ontime.py) against a second computation, on generated register rows."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from generator.content.model import RegisterRow
from generator.figures import ontime
from generator.figures.periods import KINDS, SCHEMES, spanned

AS_OF = date(2025, 11, 20)
AGENCIES = ("a", "b", "c")


def generated_rows(seed: int, count: int = 600) -> list[RegisterRow]:
    """Dossiers received during 2025 with due dates and results before, on, after the due date, or none yet."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        received = date(2025, 1, 1) + timedelta(days=rng.randrange(320))
        due = received + timedelta(days=rng.choice([0, 3, 7, 14, 30]))
        returned = received + timedelta(days=rng.randrange(0, 45)) if rng.random() < 0.85 else None
        if returned is not None and returned > AS_OF:
            returned = None
        rows.append(RegisterRow("register/x.csv", i + 2, f"000.00.21.H17-250101-{i:04d}", rng.choice(AGENCIES),
                                rng.choice(["P1", "P2", "P3"]), received, due, returned,
                                sector=rng.choice(["Đất đai", "Hộ tịch", ""]),
                                channel=rng.choice(["online", "in-person", ""])))
    return rows


def second_way(rows, start, end, as_of, with_letter: set[str]) -> dict:
    """Each figure from its definition (docs: the glossary), one set comprehension each."""
    cut = min(end, as_of)
    seen = [r for r in rows if r.received_on <= cut]
    resolved = [r for r in seen if r.returned_on is not None and start <= r.returned_on <= cut]
    open_ = [r for r in seen if r.returned_on is None or r.returned_on > cut]
    late = [r for r in resolved if r.returned_on > r.due_on] + [r for r in open_ if r.due_on < cut]
    early = sum(r.returned_on < r.due_on for r in resolved)
    on_due = sum(r.returned_on == r.due_on for r in resolved)
    return {
        "received": sum(start <= r.received_on <= cut for r in rows),
        "resolved": len(resolved), "resolved_early": early, "resolved_on_due": on_due,
        "resolved_late": sum(r.returned_on > r.due_on for r in resolved),
        "in_progress": len(open_), "in_progress_late": sum(r.due_on < cut for r in open_),
        "late": len(late), "late_with_letter": sum(r.dossier_code in with_letter for r in late),
        "on_time_rate": round((early + on_due) / len(resolved), 4) if resolved else None,
        "late_coverage": round(sum(r.dossier_code in with_letter for r in late) / len(late), 4) if late else None,
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_figure_equals_a_second_computation(seed, scheme):
    rows = generated_rows(seed)
    with_letter = {r.dossier_code for r in random.Random(seed).sample(rows, 150)}
    checked = 0
    for kind in KINDS:
        for period in spanned(kind, date(2025, 1, 1), AS_OF, scheme):
            got = ontime.figures(rows, period.start, period.end, AS_OF, lambda r: r.dossier_code in with_letter)
            assert got.as_dict() == second_way(rows, period.start, period.end, AS_OF, with_letter), period.code
            by_agency = [ontime.figures([r for r in rows if r.agency == a], period.start, period.end, AS_OF,
                                        lambda r: r.dossier_code in with_letter) for a in AGENCIES]
            total = by_agency[0] + by_agency[1] + by_agency[2]
            assert total == got  # counts are additive: an agency's figures sum to the unit's
            checked += 1
    assert checked > 40


def test_rates_and_groups():
    rows = generated_rows(7, 200)
    fig = ontime.figures(rows, date(2025, 1, 1), date(2025, 12, 31), AS_OF, lambda r: False)
    assert fig.resolved == fig.resolved_early + fig.resolved_on_due + fig.resolved_late
    assert fig.late_coverage == 0.0 and 0 < fig.on_time_rate < 1
    assert ontime.OnTime().on_time_rate is None and ontime.OnTime().late_coverage is None
    groups = ontime.group(rows, lambda r: r.channel)
    assert list(groups) == sorted(groups) and sum(len(v) for v in groups.values()) == len(rows)
