"""register/*.csv of every dossier (reports.register_export: all): the optional columns, on-time rows accepted."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks.register import load_register
from generator.content.model import Policy
from tests.test_register import AGENCIES, _where, _write

TODAY = date(2025, 12, 31)
HEADER = "dossier_code,agency,procedure,received_on,due_on,returned_on,sector,procedure_code,channel\n"
ROWS = [  # (code, received, due, returned, channel): early, on the day, late, open and not yet due, open and late
    ("000.00.21.H17-250110-0001", "2025-01-10", "2025-02-05", "2025-02-03", "online"),
    ("000.00.21.H17-250110-0002", "2025-01-10", "2025-02-05", "2025-02-05", "in-person"),
    ("000.00.21.H17-250110-0003", "2025-01-10", "2025-02-05", "2025-02-10", ""),
    ("000.00.21.H17-251210-0004", "2025-12-10", "2026-01-20", "", "online"),
    ("000.00.21.H17-251110-0005", "2025-11-10", "2025-11-20", "", "online"),
]


def _text(rows=ROWS) -> str:
    return HEADER + "".join(f"{c},so-tnmt,Đăng ký đất đai,{r},{d},{ret},Đất đai,1.004227,{ch}\n"
                            for c, r, d, ret, ch in rows)


def test_every_dossier_is_a_row_when_the_export_is_complete(tmp_path):
    _write(tmp_path, "all.csv", _text())
    rows, problems = load_register(tmp_path, AGENCIES, Policy(), TODAY, complete=True)
    assert problems == []
    assert [(r.sector, r.procedure_code, r.channel) for r in rows][:2] == [
        ("Đất đai", "1.004227", "online"), ("Đất đai", "1.004227", "in-person")]
    assert [r.late_on(TODAY) for r in rows] == [False, False, True, False, True]


def test_an_overdue_only_export_still_refuses_rows_that_were_not_late(tmp_path):
    _write(tmp_path, "all.csv", _text())
    _, problems = load_register(tmp_path, AGENCIES, Policy(), TODAY)
    assert _where(problems) == [("register-returned-not-after-due", "register/all.csv", 2),
                                ("register-returned-not-after-due", "register/all.csv", 3),
                                ("register-not-overdue-yet", "register/all.csv", 5)]


@pytest.mark.parametrize("value", ["Online", "truc-tuyen", "x"])
def test_an_unknown_channel_is_an_error(tmp_path, value):
    rows = [(*ROWS[0][:4], value)]
    _write(tmp_path, "all.csv", _text(rows))
    found, problems = load_register(tmp_path, AGENCIES, Policy(), TODAY, complete=True)
    assert (found, _where(problems)) == ([], [("register-channel-invalid", "register/all.csv", 2)])
