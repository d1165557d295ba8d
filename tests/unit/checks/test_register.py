"""generator/checks/register.py: each rule of register/*.csv, one CSV per case, compared as (code, line, field)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from generator.checks.register import COLUMNS, REQUIRED, load_register, register_files
from generator.content.model import Policy
from tests.unit.kit import TODAY, world

HEADER = "dossier_code,agency,procedure,received_on,due_on,returned_on"
ROW = {"dossier_code": "000.00.21.H17-180420-0012", "agency": "so-tnmt", "procedure": "Đăng ký đất đai",
       "received_on": "2018-04-20", "due_on": "2018-05-04", "returned_on": "2018-05-14"}


def csv_row(**changes: str) -> str:
    return ",".join({**ROW, **changes}[name] for name in HEADER.split(","))


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def load(w, text: str | bytes, name: str = "export.csv", *, policy: Policy | None = None, complete=False):
    folder = w.root / "register"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_register(w.root, w.agencies, policy or w.portal.policy, TODAY, complete=complete)


def test_a_valid_row_is_read(w):
    rows, problems = load(w, f"{HEADER}\n{csv_row()}\n")
    assert problems == []
    (row,) = rows
    assert (row.source, row.line, row.dossier_code, row.received_on, row.returned_on) == (
        "register/export.csv", 2, ROW["dossier_code"], date(2018, 4, 20), date(2018, 5, 14))


def test_register_files_are_the_csvs_sorted(w):
    assert register_files(w.root) == []
    folder = w.root / "register"
    folder.mkdir()
    for name in ("b.csv", "a.CSV", "note.txt"):
        (folder / name).write_text(HEADER, encoding="utf-8")
    (folder / "dir.csv").mkdir()
    assert [p.name for p in register_files(w.root)] == ["a.CSV", "b.csv"]


ROWS = [  # (changed cells, expected (code, field); the row is kept when all are warnings)
    ({"dossier_code": "HS 12"}, [("register-dossier-code-pattern", "dossier_code")]),
    ({"agency": "so-khong-co"}, [("register-agency-unknown", "agency")]),
    ({"agency": "ubnd-xa-cu-jut"}, [("register-agency-not-valid", "agency")]),
    ({"received_on": "20/04/2018"}, [("register-date-invalid", "received_on")]),
    ({"due_on": "2018-02-30"}, [("register-date-invalid", "due_on")]),
    ({"returned_on": "2018-5-14"}, [("register-date-invalid", "returned_on")]),
    ({"received_on": "2018-05-05"}, [("register-dates-order", "received_on")]),
    ({"returned_on": "2018-05-04"}, [("register-returned-not-after-due", "returned_on")]),
    ({"returned_on": "2018-06-02"}, [("register-date-in-future", "returned_on")]),
    ({"received_on": "1018-04-20"}, [("date-out-of-range", "received_on")]),
    ({"returned_on": "", "due_on": TODAY.isoformat()}, [("register-not-overdue-yet", "due_on")]),
    ({"procedure": ""}, [("register-field-empty", "procedure")]),
    ({"agency": ""}, [("register-field-empty", "agency")]),
    ({"procedure": unicodedata.normalize("NFD", "Đăng ký đất đai")}, [("register-text-not-nfc", "procedure")]),
    ({"procedure": "§¨ng ký ®Êt ®ai"}, [("register-text-legacy-encoding", "procedure")]),
    ({"procedure": "Đăng ký\u200b đất đai"}, [("text-forbidden-char", "procedure")]),
    ({"returned_on": ""}, []),  # overdue and not resolved yet
]


@pytest.mark.parametrize(("changes", "expected"), ROWS)
def test_each_row_rule(w, changes, expected):
    second = csv_row(**{"dossier_code": "000.00.21.H17-180420-0013", **changes})
    rows, problems = load(w, f"{HEADER}\n{csv_row()}\n{second}\n")
    assert [(p.code, p.line, p.field) for p in problems] == [(code, 3, name) for code, name in expected]
    kept = 2 if all(p.severity == "warning" for p in problems) else 1
    assert [row.line for row in rows] == [2, 3][:kept]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"returned_on": "2018-05-04"}, []),  # resolved on time: a row of a complete export
    ({"returned_on": "", "due_on": TODAY.isoformat()}, []),  # not due yet
    ({"received_on": "2018-05-05"}, ["register-dates-order"]),
])
def test_a_complete_export_holds_every_dossier(w, changes, expected):
    _, problems = load(w, f"{HEADER}\n{csv_row(**changes)}\n", complete=True)
    assert [p.code for p in problems] == expected


@pytest.mark.parametrize(("channel", "ok"), [("online", True), ("in-person", True), ("Trực tuyến", False)])
def test_the_channel_column(w, channel, ok):
    rows, problems = load(w, f"{HEADER},channel,sector,procedure_code\n{csv_row()},{channel},Đất đai,1.004227\n")
    assert [(p.code, p.field) for p in problems] == ([] if ok else [("register-channel-invalid", "channel")])
    if ok:
        assert (rows[0].channel, rows[0].sector, rows[0].procedure_code) == (channel, "Đất đai", "1.004227")


def test_the_portals_dossier_code_pattern(w):
    policy = Policy(dossier_code_pattern=r"^HS-\d+$")
    _, problems = load(w, f"{HEADER}\n{csv_row(dossier_code='HS-12')}\n", policy=policy)
    assert problems == []


FILES = [  # (file text, expected (code, line))
    (b"\xff" + HEADER.encode(), [("register-encoding", None)]),
    ("", [("register-empty", None)]),
    ("\n\n", [("register-empty", None)]),
    ("dossier_code,agency\n", [("register-column-missing", 1) for _ in REQUIRED[2:]]),
    (f"{HEADER},agency\n", [("register-column-duplicate", 1)]),
    (f"{HEADER},note\n{csv_row()},x\n", [("register-column-unknown", 1)]),
    (f"{HEADER}\n{csv_row()},extra\n", [("register-row-width", 2)]),
    (f'{HEADER}\n"{csv_row()}\n', [("register-syntax", 2)]),  # an unclosed quote: at its row
    (f"\n{HEADER}\n\n{csv_row()}\n", []),  # blank lines before the header and between rows
    (f"\ufeff{HEADER}\n{csv_row()}\n", []),  # a byte order mark (spreadsheet export)
]


@pytest.mark.parametrize(("text", "expected"), FILES)
def test_each_file_rule(w, text, expected):
    rows, problems = load(w, text)
    assert [(p.code, p.line) for p in problems] == expected
    assert len(rows) == (1 if all(p.severity == "warning" for p in problems) and csv_row() in str(text) else 0)


def test_a_blank_line_keeps_the_line_numbers(w):
    rows, _ = load(w, f"\n{HEADER}\n\n{csv_row()}\n")
    assert [row.line for row in rows] == [4]


def test_a_dossier_in_two_rows_is_kept_once(w):
    load(w, f"{HEADER}\n{csv_row()}\n", name="a.csv")
    rows, problems = load(w, f"{HEADER}\n{csv_row(procedure='Khác')}\n", name="b.csv")
    assert [(p.code, p.file, p.line) for p in problems] == [("register-duplicate", "register/b.csv", 2)]
    assert "register/a.csv:2" in problems[0].message
    assert [(row.source, row.procedure) for row in rows] == [("register/a.csv", ROW["procedure"])]


def test_every_column_is_declared_once():
    assert set(REQUIRED) <= set(COLUMNS) and len(set(COLUMNS)) == len(COLUMNS)
    assert set(HEADER.split(",")) <= set(COLUMNS)
