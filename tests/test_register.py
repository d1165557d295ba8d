"""register/*.csv import: valid rows become RegisterRows; each bad row gives problems with file and line."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from generator.checks.register import load_register
from generator.content.model import Agency, Policy

TODAY = date(2025, 12, 31)
HEADER = "dossier_code,agency,procedure,received_on,due_on,returned_on\n"
AGENCIES = {
    "so-tnmt": Agency("so-tnmt", "Sở Tài nguyên và Môi trường", "province", tracked_by="tthcc"),
    "tthcc": Agency("tthcc", "Trung tâm Hành chính công tỉnh", "province"),
    "ubnd-cu-jut": Agency("ubnd-cu-jut", "UBND huyện Cư Jút", "district", valid_to=date(2025, 6, 30)),
}
ROW = "000.00.21.H17-250110-0001,so-tnmt,Đăng ký đất đai,2025-01-10,2025-02-05,2025-02-10\n"


def _write(root: Path, name: str, text: str | bytes) -> None:
    folder = root / "register"
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / name).write_bytes(data)


def _load(root: Path, today: date = TODAY):
    return load_register(root, AGENCIES, Policy(), today)


def _where(problems):
    return [(p.code, p.file, p.line) for p in problems]


def test_valid_rows_are_read_with_their_lines(tmp_path):
    second = 'H56.14-250301-0002,so-tnmt,"Cấp phép, gia hạn",2025-03-01,2025-03-10,\n'
    _write(tmp_path, "2025.csv", HEADER + ROW + "\n" + second)
    rows, problems = _load(tmp_path)
    assert problems == []
    assert [(r.dossier_code, r.line, r.returned_on) for r in rows] == [
        ("000.00.21.H17-250110-0001", 2, date(2025, 2, 10)),
        ("H56.14-250301-0002", 4, None),
    ]
    assert rows[1].procedure == "Cấp phép, gia hạn"
    assert rows[0].source == "register/2025.csv"


def test_no_register_folder_is_fine(tmp_path):
    assert _load(tmp_path) == ([], [])


def test_bom_is_accepted(tmp_path):
    _write(tmp_path, "a.csv", b"\xef\xbb\xbf" + (HEADER + ROW).encode())
    rows, problems = _load(tmp_path)
    assert len(rows) == 1 and problems == []


def test_each_bad_row_is_reported_with_its_line(tmp_path):
    text = HEADER + ROW + (
        "000.00.21.H17-250110-0002,so-xyz,Thủ tục,2025-01-10,2025-02-05,\n"          # 3 unknown agency
        "000.00.21.H17-250110-0003,so-tnmt,Thủ tục,2025-13-01,2025-02-05,\n"         # 4 bad date
        "ABC-1,so-tnmt,Thủ tục,2025-01-10,2025-02-05,\n"                             # 5 bad code
        "000.00.21.H17-250110-0001,so-tnmt,Thủ tục,2025-01-10,2025-02-05,\n"         # 6 duplicate of line 2
        "000.00.21.H17-250110-0005,so-tnmt,Thủ tục,2025-02-10,2025-02-05,\n"         # 7 received after due
        "000.00.21.H17-250110-0006,so-tnmt,Thủ tục,2025-01-10,2025-02-05,2025-02-05\n"  # 8 returned on due
        "000.00.21.H17-250110-0007,so-tnmt,Thủ tục,2025-01-10\n"                     # 9 short row
        "000.00.21.H17-250110-0008,so-tnmt,,2025-01-10,2025-02-05,\n"                # 10 empty procedure
        "000.00.21.H17-250110-0009,ubnd-cu-jut,Thủ tục,2025-07-10,2025-08-05,\n"     # 11 agency gone
        "000.00.21.H17-250110-0010,so-tnmt,Thủ tục,2025-01-10,2025-02-05,2026-01-05\n"  # 12 future
        "000.00.21.H17-250110-0011,so-tnmt,Thủ tục,2025-01-10,2026-02-05,\n"         # 13 not overdue yet (kept)
    )
    _write(tmp_path, "2025.csv", text)
    rows, problems = _load(tmp_path)
    f = "register/2025.csv"
    assert _where(problems) == [
        ("register-agency-unknown", f, 3),
        ("register-date-invalid", f, 4),
        ("register-dossier-code-pattern", f, 5),
        ("register-duplicate", f, 6),
        ("register-dates-order", f, 7),
        ("register-returned-not-after-due", f, 8),
        ("register-row-width", f, 9),
        ("register-field-empty", f, 10),
        ("register-agency-not-valid", f, 11),
        ("register-date-in-future", f, 12),
        ("register-not-overdue-yet", f, 13),
    ]
    assert [r.line for r in rows] == [2, 13]
    assert problems[-1].severity == "warning"
    assert "register/2025.csv:2" in problems[3].message


def test_duplicates_across_files(tmp_path):
    _write(tmp_path, "a.csv", HEADER + ROW)
    _write(tmp_path, "b.csv", HEADER + ROW)
    rows, problems = _load(tmp_path)
    assert _where(problems) == [("register-duplicate", "register/b.csv", 2)]
    assert len(rows) == 1


def test_header_problems(tmp_path):
    _write(tmp_path, "a.csv", "dossier_code,agency,procedure,due_on,note\n" + "x,y,z,2025-01-01,n\n")
    _write(tmp_path, "b.csv", "")
    rows, problems = _load(tmp_path)
    assert rows == []
    assert _where(problems) == [
        ("register-column-missing", "register/a.csv", 1),
        ("register-column-unknown", "register/a.csv", 1),
        ("register-empty", "register/b.csv", None),
    ]


def test_encoding_nfc_and_legacy(tmp_path):
    _write(tmp_path, "latin.csv", (HEADER + ROW).encode("utf-16"))
    nfd = unicodedata.normalize("NFD", "Đăng ký đất đai")
    _write(tmp_path, "nfd.csv", HEADER + ROW.replace("Đăng ký đất đai", nfd))
    _write(tmp_path, "tcvn.csv", HEADER + ROW.replace("Đăng ký đất đai", "§¨ng ký biÕn ®éng ®Êt ®ai"))
    rows, problems = _load(tmp_path)
    assert _where(problems) == [
        ("register-encoding", "register/latin.csv", None),
        ("register-text-not-nfc", "register/nfd.csv", 2),
        ("register-text-legacy-encoding", "register/tcvn.csv", 2),
    ]
    assert rows == []  # the NFD row is an error; the TCVN3 row is an error; the other file unreadable


def test_unclosed_quote_is_a_syntax_problem(tmp_path):
    _write(tmp_path, "a.csv", HEADER + ROW + '000.00.21.H17-250110-0002,so-tnmt,"Thủ tục,2025-01-10,2025-02-05,\n')
    rows, problems = _load(tmp_path)
    assert [p.code for p in problems] == ["register-syntax"]
    assert len(rows) == 1
