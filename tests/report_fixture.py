"""A small 2025 content root for the compliance reports, with figures computed by hand.

It spans Tết 2025 (27 Jan – 1 Feb off, weekend to 2 Feb), the make-up working Saturday 26 April 2025
(2 May off instead) and the district ubnd-cu-jut (valid to 2025-06-30, parent of ubnd-xa-ea-po)
replaced by ubnd-xa-cu-jut (from 2025-07-01). Agencies are tests.helpers.AGENCIES: tthcc tracks
so-tnmt, ubnd-cu-jut (and, inherited, ubnd-xa-ea-po) and ubnd-xa-cu-jut; ubnd-cu-jut is a parent.

Letters (days late = working days in (due, returned or new due]; in time = working days in
[issued, due) >= 1; publication lag = working days in (issued, published]):
  A so-tnmt        issued 01-24 due 02-04 ret 02-07  late 3 (02-05,06,07)  in time (01-24, 02-03: 2)  lag 1 (02-03, Tết)
  W so-tnmt        issued 01-23, dossier J, WITHDRAWN: counts nowhere
  B so-tnmt        issued 04-25 due 04-25 new 05-06  late 5 (04-26 Sat, 04-28, 04-29, 05-05, 05-06)  not in time  lag 2
  C ubnd-cu-jut    issued 05-28 due 06-02 ret 06-10  late 6  in time (3)  lag 1
  E ubnd-xa-ea-po  issued 06-19 due 06-20 new 06-27  late 5  in time (1)  lag 1
  F so-tnmt        issued 07-08 due 07-10 ret 07-16  late 4  in time (2)  lag 1   (not in the register)
  D ubnd-xa-cu-jut issued 07-16 due 07-15 ret 07-22  late 5  not in time  lag 2
Register rows (as of 2025-07-31, grace 5 working days):
  line 2  R1 A so-tnmt       due 02-04 ret 02-07                covered
  line 3  R2 B so-tnmt       due 04-25                          covered
  line 4  R3 G so-tnmt       due 04-24 ret 04-29  no letter     missing, 4 days overdue (04-25, 04-26 Sat, 04-28, 04-29)
  line 5  R4 C ubnd-cu-jut   due 06-02 ret 06-11                covered; returned_on disagrees with the letter (06-10)
  line 6  R5 H ubnd-cu-jut   due 06-27  no letter               missing, 24 days overdue (06-30 + 23 in July)
  line 7  R6 E ubnd-xa-ea-po due 06-20 ret 06-25                covered; returned but the letter still promises 06-27
  line 8  R7 D ubnd-xa-cu-jut due 07-15 ret 07-22               covered
  line 9  R8 I ubnd-xa-cu-jut due 07-28  no letter              pending (3 working days since due)
  line 10 R9 J so-tnmt       due 01-24 ret 02-05  only a withdrawn letter: missing, 3 days (02-03, 04, 05)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers import AGENCIES, DROP, PORTAL, REASONS, dump, write_letter

TODAY = date(2025, 7, 31)

CODES = {
    "A": "000.00.21.H17-250115-0001", "B": "000.00.21.H17-250310-0002", "C": "000.00.31.H17-250505-0003",
    "D": "000.00.41.H17-250701-0004", "E": "000.00.51.H17-250602-0005", "F": "000.00.21.H17-250701-0006",
    "G": "000.00.21.H17-250401-0007", "H": "000.00.31.H17-250520-0008", "I": "000.00.41.H17-250702-0009",
    "J": "000.00.21.H17-250110-0010",
}

# id, agency, number, dossier, received, due, new due, returned, issued, published, reason
LETTERS = [
    ("a", "so-tnmt", "1/XL-STNMT", "A", "2025-01-15", "2025-02-04", "2025-02-10", "2025-02-07", "2025-01-24",
     "2025-02-03", "inter-agency"),
    ("w", "so-tnmt", "2/XL-STNMT", "J", "2025-01-10", "2025-01-24", "2025-02-07", None, "2025-01-23",
     "2025-01-23", "workload"),
    ("b", "so-tnmt", "3/XL-STNMT", "B", "2025-03-10", "2025-04-25", "2025-05-06", None, "2025-04-25",
     "2025-04-28", "workload"),
    ("c", "ubnd-cu-jut", "1/XL-UBND", "C", "2025-05-05", "2025-06-02", "2025-06-16", "2025-06-10", "2025-05-28",
     "2025-05-29", "verification"),
    ("e", "ubnd-xa-ea-po", "1/XL-UBND", "E", "2025-06-02", "2025-06-20", "2025-06-27", None, "2025-06-19",
     "2025-06-20", "other"),
    ("f", "so-tnmt", "4/XL-STNMT", "F", "2025-07-01", "2025-07-10", "2025-07-17", "2025-07-16", "2025-07-08",
     "2025-07-09", "system"),
    ("d", "ubnd-xa-cu-jut", "1/XL-UBND", "D", "2025-07-01", "2025-07-15", "2025-07-25", "2025-07-22",
     "2025-07-16", "2025-07-18", "inter-agency"),
]

REGISTER = """dossier_code,agency,procedure,received_on,due_on,returned_on
{A},so-tnmt,Đăng ký đất đai,2025-01-15,2025-02-04,2025-02-07
{B},so-tnmt,Cấp giấy phép môi trường,2025-03-10,2025-04-25,
{G},so-tnmt,Cấp giấy phép khai thác nước,2025-04-01,2025-04-24,2025-04-29
{C},ubnd-cu-jut,Cấp giấy phép xây dựng,2025-05-05,2025-06-02,2025-06-11
{H},ubnd-cu-jut,Đăng ký hộ kinh doanh,2025-05-20,2025-06-27,
{E},ubnd-xa-ea-po,Chứng thực hợp đồng,2025-06-02,2025-06-20,2025-06-25
{D},ubnd-xa-cu-jut,Đăng ký khai sinh,2025-07-01,2025-07-15,2025-07-22
{I},ubnd-xa-cu-jut,Đăng ký kết hôn,2025-07-02,2025-07-28,
{J},so-tnmt,Đăng ký đất đai,2025-01-10,2025-01-24,2025-02-05
"""


def make_report_content(tmp_path: Path) -> Path:
    """Write the fixture's content root (real PDFs) under tmp_path/content and return it."""
    root = tmp_path / "content"
    root.mkdir(parents=True)
    grace = {**PORTAL, "policy": {**PORTAL["policy"], "missing_letter_grace_working_days": 5}}  # default is 0
    (root / "portal.yml").write_text(dump(grace), encoding="utf-8")
    (root / "agencies.yml").write_text(dump(AGENCIES), encoding="utf-8")
    (root / "reasons.yml").write_text(dump(REASONS), encoding="utf-8")
    for lid, agency, number, dossier, received, due, new_due, returned, issued, published, reason in LETTERS:
        overrides: dict[str, object] = {
            "number": number, "agency": agency, "issued_on": issued, "published_on": published,
            "dossier.code": CODES[dossier], "dossier.received_on": received, "dossier.due_on": due,
            "dossier.new_due_on": new_due, "reason.category": reason,
        }
        overrides["dossier.returned_on"] = returned if returned else DROP
        if lid == "w":
            overrides["withdrawn"] = {"date": "2025-01-27", "reason": "Đăng nhầm hồ sơ."}
        write_letter(root, f"2025-{lid}", **overrides)
    (root / "register").mkdir()
    (root / "register" / "2025.csv").write_text(REGISTER.format(**CODES), encoding="utf-8")
    return root
