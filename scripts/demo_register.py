"""The demo register: an export of EVERY dossier received (portal.yml `reports.register_export: all`).

Called by scripts/make_demo.py with the overdue rows it planned (the letters' dossiers and a few without a
letter): adds the columns `sector`, `procedure_code` and `channel` to them, adds dossiers resolved before or on
their due date, writes register/2025-2026.csv and the portal's
`reports:` settings. Its own random generator: the letters stay the same whatever this module does.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date
from pathlib import Path

import letterkit as lk

SEED = 2015
HEADER = ("dossier_code", "agency", "procedure", "received_on", "due_on", "returned_on", "sector", "procedure_code",
          "channel")
SECTORS = {  # procedure -> lĩnh vực (fictitious demo data, names as in the national procedure database)
    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất": "Đất đai",
    "Cấp giấy phép khai thác, sử dụng nước dưới đất": "Tài nguyên nước",
    "Thẩm định báo cáo đánh giá tác động môi trường": "Môi trường",
    "Đăng ký đất đai, tài sản gắn liền với đất lần đầu": "Đất đai",
    "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên": "Thành lập và hoạt động doanh nghiệp",
    "Điều chỉnh giấy chứng nhận đăng ký đầu tư": "Đầu tư tại Việt Nam",
    "Đăng ký thay đổi nội dung đăng ký doanh nghiệp": "Thành lập và hoạt động doanh nghiệp",
    "Cấp giấy phép thi công công trình trên đường bộ đang khai thác": "Đường bộ",
    "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp": "Đường bộ",
    "Cấp giấy phép xây dựng mới đối với công trình cấp III": "Hoạt động xây dựng",
    "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở": "Hoạt động xây dựng",
    "Đổi giấy phép lái xe": "Đường bộ",
    "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam": "Lý lịch tư pháp",
    "Đăng ký hành nghề công chứng": "Công chứng",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ": "Hoạt động xây dựng",
    "Đăng ký hộ kinh doanh": "Thành lập và hoạt động của hộ kinh doanh",
    "Cấp giấy chứng nhận quyền sử dụng đất lần đầu": "Đất đai",
    "Chuyển mục đích sử dụng đất phải được cơ quan nhà nước có thẩm quyền cho phép": "Đất đai",
    "Chứng thực hợp đồng, giao dịch liên quan đến bất động sản": "Chứng thực",
    "Đăng ký khai sinh kết hợp đăng ký thường trú": "Hộ tịch",
    "Xác nhận tình trạng hôn nhân": "Hộ tịch",
}
REPORTS_YML = """reports:
  period_scheme: calendar
  register_export: all
  issuer_parent: "UBND tỉnh (hư cấu, minh họa)"
  issuer: "Trung tâm Phục vụ hành chính công tỉnh"
  number_prefix: BC-TTPVHCC
  place: Gia Nghĩa
  recipients: ["UBND tỉnh (để báo cáo)", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "UBND các xã, phường"]
  signer_authority: KT. GIÁM ĐỐC
  signer_title: PHÓ GIÁM ĐỐC
  signer_name: Nguyễn Văn Minh
"""


def _valid(extra: dict, day: date) -> bool:
    return (extra.get("valid_from") or date.min) <= day <= (extra.get("valid_to") or date.max)


def on_time_rows(cal: lk.WorkDays, agencies: list[tuple], procedures: dict, first: date, today: date,
                 rng: random.Random) -> list[dict]:
    """Dossiers resolved before or on their due date (none late; none left in progress: as the build date moves
    on, an open dossier of the committed demo would turn late)."""
    rows = []
    day = first
    while day <= today:
        for code, _name, _level, extra, _suffix, unit, kind in agencies:
            if kind == "none" or not _valid(extra, day):
                continue
            for n in range(rng.randint(3, 9)):
                received = cal.on_or_after(date(day.year, day.month, min(28, 1 + rng.randrange(28))))
                if received > today:
                    continue
                due = cal.add(received, rng.choice([3, 5, 10, 15, 20]))
                if not _valid(extra, due):
                    continue
                returned = cal.add(received, max(1, cal.count(received, due) - rng.choice([0, 0, 0, 1, 2, 4])))
                returned = min(returned, today)  # resolved by the demo's day: the demo never grows late dossiers
                procedure = rng.choice(procedures[kind])
                rows.append({"dossier_code": lk.dossier_code(unit, received, 7000 + n + 10 * day.month),
                             "agency": code, "procedure": procedure[0], "received_on": received, "due_on": due,
                             "returned_on": returned, "procedure_code": procedure[1] or "",
                             "channel": rng.choice(["online", "online", "in-person"])})
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return rows


def write(root: Path, overdue: list[dict], cal: lk.WorkDays, agencies: list[tuple], procedures: dict,
          first: date, today: date) -> list[dict]:
    """Write register/2025-2026.csv (every dossier) and the portal's reports settings; returns the rows."""
    rng = random.Random(SEED)
    codes = {p[0]: p[1] for items in procedures.values() for p in items}
    for row in overdue:
        row.setdefault("procedure_code", codes.get(row["procedure"]) or "")
        row.setdefault("channel", rng.choice(["online", "in-person"]))
    seen = {row["dossier_code"] for row in overdue}
    rows = overdue + [r for r in on_time_rows(cal, agencies, procedures, first, today, rng)
                      if r["dossier_code"] not in seen and not seen.add(r["dossier_code"])]
    rows.sort(key=lambda r: (r["received_on"], r["dossier_code"]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow([r["dossier_code"], r["agency"], r["procedure"], r["received_on"].isoformat(),
                         r["due_on"].isoformat(), r["returned_on"].isoformat() if r.get("returned_on") else "",
                         SECTORS.get(r["procedure"], ""), r["procedure_code"], r["channel"]])
    (root / "register" / "2025-2026.csv").write_text(out.getvalue(), encoding="utf-8")
    portal = root / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8").rstrip("\n") + "\n" + REPORTS_YML, encoding="utf-8")
    return rows
