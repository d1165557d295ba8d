"""Write the committed demo content (a fictitious province portal) into DIR, deterministically.

Usage: python scripts/make_demo.py DIR   (e.g. `content`; stale letters and the register are replaced)
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_register
import letterkit as lk

from generator.checks import privacy_names
from generator.content.model import Policy

SEED = 2026
TODAY = date(2026, 11, 20)
FIRST_DAY = date(2025, 1, 6)
MERGER = date(2025, 7, 1)  # two-tier local government; Đắk Nông merged into Lâm Đồng
N_LETTERS = 52

PORTAL_NAME = "Công khai văn bản xin lỗi – bản minh họa (dữ liệu hư cấu)"
PORTAL_OWNER = "Trung tâm Phục vụ hành chính công tỉnh (đơn vị hư cấu, minh họa)"
PORTAL_CONTACT = "Trung tâm Phục vụ hành chính công, 0261 3 999 111, tthcc@example.gov.vn"
# portal.yml `locality:`: every word of the province on the site comes from here.
LOCALITY = """locality:
  kind: tỉnh
  name: Lâm Đồng
  notices:
    - "Công văn 391/VPUBND-KSTT ngày 09/05/2018 của Văn phòng UBND tỉnh Đắk Nông (nay thuộc tỉnh Lâm Đồng):\
 bản sao mỗi văn bản xin lỗi được gửi đơn vị theo dõi và mọi văn bản xin lỗi được công khai trên cổng\
 thông tin của tỉnh (văn bản của các đơn vị thuộc tỉnh Đắk Nông cũ vẫn được công khai tại đây)."
  tracking_units: "Trung tâm Phục vụ hành chính công tỉnh; Bộ phận Một cửa cấp xã\
 (đến 30/6/2025: Bộ phận tiếp nhận và trả kết quả cấp huyện, cấp xã)"
"""
HOUSEHOLDS = ["Hộ kinh doanh N.V.A.", "Hộ kinh doanh T.T.H.", "Hộ kinh doanh L.V.B.", "Hộ kinh doanh P.T.M.",
              "Hộ kinh doanh H.Đ.C.", "Hộ kinh doanh V.T.L.", "Hộ kinh doanh Đ.V.S.", "Hộ kinh doanh B.T.N."]
assert len(HOUSEHOLDS) == len(lk.COMPANIES)  # the same draws as before households were persons
FORM_2025 = date(2025, 9, 15)  # Circular 03/2025/TT-VPCP: Mẫu số 04 "Văn bản xin lỗi và đề nghị gia hạn..."
PORTAL_COMMENT = ("Demo content: a FICTITIOUS provincial portal. Every agency, person, dossier and letter here\n"
                  "is invented for illustration. Regenerate with `make demo` (scripts/make_demo.py).")

# code, name, level, extra keys, number suffix, dossier unit, kind of procedures
AGENCIES: list[tuple[str, str, str, dict, str, int, str]] = [
    ("tthcc", "Trung tâm Phục vụ hành chính công tỉnh", "province",
     {"contact": "0261 3 999 111, tthcc@example.gov.vn"}, "XL-TTHCC", 1, "none"),
    ("so-tnmt", "Sở Tài nguyên và Môi trường", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 210, stnmt@example.gov.vn", "valid_to": date(2025, 2, 28),
      "successor": "so-nnmt"}, "XL-STNMT", 21, "land"),
    ("so-nnmt", "Sở Nông nghiệp và Môi trường", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 211, snnmt@example.gov.vn", "valid_from": date(2025, 3, 1)},
     "XL-SNNMT", 24, "land"),
    ("so-khdt", "Sở Kế hoạch và Đầu tư", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 330, skhdt@example.gov.vn", "valid_to": date(2025, 2, 28),
      "successor": "so-tc"}, "XL-SKHĐT", 25, "business"),
    ("so-tc", "Sở Tài chính", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 331, stc@example.gov.vn"}, "XL-STC", 26, "business"),
    ("so-gtvt", "Sở Giao thông vận tải", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 440, sgtvt@example.gov.vn", "valid_to": date(2025, 2, 28),
      "successor": "so-xd"}, "XL-SGTVT", 27, "transport"),
    ("so-xd", "Sở Xây dựng", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 441, sxd@example.gov.vn"}, "XL-SXD", 28, "building"),
    ("so-tp", "Sở Tư pháp", "province",
     {"tracked_by": "tthcc", "contact": "0261 3 544 550, stp@example.gov.vn"}, "XL-STP", 29, "justice"),
    ("ubnd-cu-jut", "UBND huyện Cư Jút", "district",
     {"tracked_by": "tthcc", "valid_from": date(2004, 1, 1), "valid_to": date(2025, 6, 30),
      "successor": "ubnd-xa-cu-jut", "successors": ["ubnd-xa-nam-da"]}, "XL-UBND", 31, "local"),
    ("ubnd-xa-ea-po", "UBND xã Ea Pô", "commune",
     {"parent": "ubnd-cu-jut", "valid_to": date(2025, 6, 30), "successor": "ubnd-xa-cu-jut",
      "tracked_by_periods": [{"value": "ubnd-cu-jut", "until": date(2025, 6, 30)}]}, "XL-UBND", 32, "commune"),
    ("ubnd-tp-gia-nghia", "UBND thành phố Gia Nghĩa", "district",
     {"tracked_by": "tthcc", "valid_to": date(2025, 6, 30), "successor": "ubnd-phuong-bac-gia-nghia"},
     "XL-UBND", 41, "local"),
    ("ubnd-phuong-nghia-duc", "UBND phường Nghĩa Đức", "commune",
     {"parent": "ubnd-tp-gia-nghia", "valid_to": date(2025, 6, 30), "successor": "ubnd-phuong-bac-gia-nghia",
      "tracked_by_periods": [{"value": "ubnd-tp-gia-nghia", "until": date(2025, 6, 30)}]}, "XL-UBND", 42,
     "commune"),
    ("ubnd-xa-cu-jut", "UBND xã Cư Jút", "commune",
     {"tracked_by": "tthcc", "valid_from": MERGER}, "XL-UBND", 51, "local"),
    ("ubnd-phuong-bac-gia-nghia", "UBND phường Bắc Gia Nghĩa", "commune",
     {"tracked_by": "tthcc", "valid_from": MERGER}, "XL-UBND", 52, "local"),
    ("ubnd-xa-nam-da", "UBND xã Nam Đà", "commune",
     {"tracked_by": "tthcc", "valid_from": MERGER}, "XL-UBND", 53, "commune"),
]

PROCEDURES: dict[str, list[tuple[str, str | None, str]]] = {  # name, national code, recipient kind
    "land": [("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "1.004227", "individual"),
             ("Cấp giấy phép khai thác, sử dụng nước dưới đất", "1.004253", "organization"),
             ("Thẩm định báo cáo đánh giá tác động môi trường", "1.010727", "organization"),
             ("Đăng ký đất đai, tài sản gắn liền với đất lần đầu", "1.012795", "individual")],
    "business": [("Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "2.001199", "organization"),
                 ("Điều chỉnh giấy chứng nhận đăng ký đầu tư", "1.009645", "organization"),
                 ("Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "2.002042", "organization")],
    "transport": [("Cấp giấy phép thi công công trình trên đường bộ đang khai thác", "1.001061", "organization"),
                  ("Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "1.002809", "individual")],
    "building": [("Cấp giấy phép xây dựng mới đối với công trình cấp III", "1.009972", "organization"),
                 ("Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở", "1.009974", "organization"),
                 ("Đổi giấy phép lái xe", None, "individual")],
    "justice": [("Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "2.000488", "individual"),
                ("Đăng ký hành nghề công chứng", "2.000789", "individual")],
    "local": [("Cấp giấy phép xây dựng nhà ở riêng lẻ", "1.009994", "individual"),
              ("Đăng ký hộ kinh doanh", "2.000720", "household"),
              ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "1.003003", "individual"),
              ("Chuyển mục đích sử dụng đất phải được cơ quan nhà nước có thẩm quyền cho phép", None, "individual")],
    "commune": [("Chứng thực hợp đồng, giao dịch liên quan đến bất động sản", "2.000913", "individual"),
                ("Đăng ký khai sinh kết hợp đăng ký thường trú", "1.001193", "individual"),
                ("Xác nhận tình trạng hôn nhân", "1.004873", "individual")],
}

DETAILS: dict[str, list[str]] = {
    "inter-agency": ["Chờ ý kiến phối hợp của Chi cục Thuế về nghĩa vụ tài chính.",
                     "Chờ kết quả trích đo địa chính của Văn phòng Đăng ký đất đai.",
                     "Chờ ý kiến thẩm định của cơ quan chuyên môn cấp tỉnh.",
                     "Cơ quan phối hợp chưa gửi văn bản trả lời đúng thời hạn."],
    "verification": ["Cần xác minh nguồn gốc sử dụng đất tại thực địa.",
                     "Cần thẩm tra thêm ranh giới thửa đất giáp ranh.",
                     "Cần xác minh thông tin hộ tịch tại nơi cư trú trước đây."],
    "workload": ["Số lượng hồ sơ tiếp nhận trong tháng tăng đột biến.",
                 "Khối lượng hồ sơ lớn sau sắp xếp đơn vị hành chính."],
    "system": ["Phần mềm một cửa điện tử gián đoạn nhiều ngày.",
               "Lỗi đồng bộ dữ liệu giữa phần mềm một cửa và cơ sở dữ liệu đất đai."],
    "other": ["Người có thẩm quyền ký đi công tác dài ngày.",
              "Mưa lũ làm gián đoạn việc kiểm tra thực địa."],
}
AGENCIES_BY_CODE = {a[0]: a for a in AGENCIES}
REASON_WEIGHTS = {"inter-agency": 5, "verification": 4, "workload": 3, "system": 2, "other": 1}
DELAYS = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 8, 10, 12, 15, 20, 24]
LEADS = [1, 1, 2, 2, 3, 1, 2, 0, -1, -3, 4, 1]
SCANS = {3, 12, 22, 31, 44}
BROKEN = {6, 27}  # returned after the new date too
CORRECTED = {9, 24, 38}
WITHDRAWN = {17}
NO_REGISTER = {2, 14, 33, 47}  # letters whose dossier the one-stop export does not list


def agency_dicts() -> list[dict]:
    """The registry entries of AGENCIES, each with the agency part of its dossier codes (lk.dossier_code)."""
    return [{"code": code, "name": name, "level": level, **extra,
             "dossier_prefixes": [lk.dossier_code(unit, FIRST_DAY, 1).split("-")[0]]}
            for code, name, level, extra, _suffix, unit, _kind in AGENCIES]


def parent_name(extra: dict, issued: date) -> str:
    """The parent shown above the agency on the letter head (the province before/after the merger)."""
    if extra.get("parent"):
        return AGENCIES_BY_CODE[extra["parent"]][1]
    return "UBND tỉnh Đắk Nông" if issued < MERGER else "UBND tỉnh Lâm Đồng"


def place(code: str, level: str) -> str:
    """The place written before the date of issue."""
    if level == "province" or "nghia" in code:
        return "Gia Nghĩa"
    return {"ubnd-xa-nam-da": "Nam Đà", "ubnd-xa-ea-po": "Ea Pô"}.get(code, "Cư Jút")


def valid(extra: dict, day: date) -> bool:
    """True when the agency exists on `day`."""
    return (extra.get("valid_from") or date.min) <= day <= (extra.get("valid_to") or date.max)


def plan_letters(cal: lk.WorkDays, rng: random.Random) -> list[dict]:
    """Every letter's fields, sorted by issue date, with ids and numbers assigned."""
    span = (TODAY - FIRST_DAY).days
    letters = []
    issuers = [a for a in AGENCIES if a[6] != "none"]
    for index in range(N_LETTERS):
        near = FIRST_DAY + timedelta(days=round(span * (index + rng.random()) / N_LETTERS))
        near = min(near, TODAY - timedelta(days=3))
        choices = [a for a in issuers if valid(a[3], near) and valid(a[3], near - timedelta(days=45))]
        code, name, level, extra, suffix, unit, kind = rng.choice(choices)
        shift = rng.choice([3, 5, 7]) if index in BROKEN else rng.choice([0, 0, 0, -1, -2, 0, None])
        dates = lk.pick_dates(cal, near, TODAY, delay=rng.choice(DELAYS), lead=rng.choice(LEADS),
                              period=rng.choice([5, 7, 10, 15, 20]), publish_after=rng.choice([0, 1, 1, 2, 3]),
                              return_shift=shift, not_before=extra.get("valid_from"),
                              not_after=extra.get("valid_to"))
        procedure, pcode, rkind = rng.choice(PROCEDURES[kind])
        if rkind == "household":  # a household business is a person: masked, as an individual
            rkind, recipient = "individual", rng.choice(HOUSEHOLDS)  # (one draw, like a company's)
        else:
            recipient = lk.masked_recipient(rng) if rkind == "individual" else rng.choice(lk.COMPANIES)
        category = rng.choices(list(REASON_WEIGHTS), weights=list(REASON_WEIGHTS.values()))[0]
        title = rng.choice(["Phó Giám đốc", "Phó Giám đốc", "Giám đốc"]) if level == "province" else \
            rng.choice(["Phó Chủ tịch", "Phó Chủ tịch", "Chủ tịch"])
        fields: dict = {
            "issued_on": dates.issued_on, "agency": code, "agency_name": name,
            "parent_name": parent_name(extra, dates.issued_on), "place": place(code, level),
            "signer": {"name": lk.person_name(rng), "title": title},
            "recipient": {"kind": rkind, "name": recipient},
            "dossier": {"code": "", "procedure": procedure, "procedure_code": pcode,
                        "received_on": dates.received_on, "due_on": dates.due_on,
                        "new_due_on": dates.new_due_on, "returned_on": dates.returned_on},
            "reason": {"category": category, "detail": rng.choice(DETAILS[category])},
            "published_on": dates.published_on,
            "_index": index, "_suffix": suffix, "_unit": unit,
        }
        letters.append(fields)
    letters.sort(key=lambda f: (f["issued_on"], f["agency"]))
    numbers: dict[tuple[str, int], int] = {}
    months: dict[str, int] = {}
    daily: dict[tuple[int, date], int] = {}
    for fields in letters:
        issued = fields["issued_on"]
        key = (fields["agency"], issued.year)
        numbers[key] = numbers.get(key, rng.randint(3, 12)) + rng.randint(1, 6)
        fields["number"] = f"{numbers[key]}/{fields['_suffix']}"
        month = f"{issued:%Y-%m}"
        months[month] = months.get(month, 0) + 1
        fields["id"] = f"{month}-{months[month]:04d}"
        received = fields["dossier"]["received_on"]
        dkey = (fields["_unit"], received)
        daily[dkey] = daily.get(dkey, rng.randint(5, 60)) + rng.randint(1, 9)
        fields["dossier"]["code"] = lk.dossier_code(fields["_unit"], received, daily[dkey])
    return letters


def decorate(fields: dict, cal: lk.WorkDays) -> None:
    """Scans, corrections and the withdrawal, by the letter's planning index."""
    index, published = fields["_index"], fields["published_on"]
    if index in SCANS or privacy_names.sensitive(fields["dossier"]["procedure"], Policy().sensitive_procedures):
        fields["privacy_reviewed"] = True  # scans, and sensitive procedures: an editor reviewed the copy
    if fields["issued_on"] >= FORM_2025:
        fields["form_title"] = lk.TITLE_2025
    if index in CORRECTED:
        day = min(cal.add(published, 2), TODAY)
        note = ("Đính chính tên thủ tục hành chính cho đúng với giấy tiếp nhận hồ sơ." if index % 2 else
                "Đính chính ngày hẹn trả kết quả mới theo văn bản đính chính của cơ quan.")
        fields["corrections"] = [{"date": day, "note": note}]
    if index in WITHDRAWN:
        fields["withdrawn"] = {"date": min(cal.add(published, 3), TODAY),
                               "reason": "Đăng nhầm văn bản của hồ sơ khác; văn bản đúng sẽ được đăng thay thế."}


RESCANS = {22: {"dpi": 150, "skew": 1.5, "stamp_over_text": True}, 31: {"dpi": 150, "turn": 180}}


def rescan_letters(root: Path, letters: list[dict], cal: lk.WorkDays) -> None:
    """Some scans republished as a real office makes them (scripts/scankit.py), each with its
    correction (the public record): a slightly skewed page with a stamp over the text, a page fed
    upside down; OCR in the PDF gate reads them upright."""
    import scankit

    for fields in letters:
        options = RESCANS.get(fields["_index"])
        if not options or fields["_index"] not in SCANS:
            continue
        day = min(cal.add(fields["published_on"], 1), TODAY)
        fields["corrections"] = [*fields.get("corrections", []),
                                 {"date": day, "note": "Đăng lại bản quét của văn bản này, quét rõ hơn.",
                                  "fields": ["pdf"]}]
        path = lk.write_letter(root, fields, scan=True)
        path.with_suffix(".pdf").write_bytes(scankit.scan_pdf(fields, quality=50, seed=fields["_index"], **options))


def register_rows(letters: list[dict], cal: lk.WorkDays, rng: random.Random) -> list[dict]:
    """Register rows for most letters' dossiers plus overdue dossiers that got no letter."""
    rows = []
    for fields in letters:
        d = fields["dossier"]
        if fields["_index"] in NO_REGISTER or d["due_on"] >= TODAY:
            continue
        if not valid(AGENCIES_BY_CODE[fields["agency"]][3], d["received_on"]):
            continue
        rows.append({"dossier_code": d["code"], "agency": fields["agency"], "procedure": d["procedure"],
                     "received_on": d["received_on"], "due_on": d["due_on"], "returned_on": d["returned_on"]})
    for i in range(9):  # overdue without a letter
        near = FIRST_DAY + timedelta(days=40 + i * 70)
        choices = [a for a in AGENCIES if a[6] != "none" and valid(a[3], near) and
                   valid(a[3], near + timedelta(days=40))]
        code, _name, _level, _extra, _suffix, unit, kind = rng.choice(choices)
        received = cal.on_or_after(near)
        due = cal.add(received, rng.choice([5, 10, 15]))
        returned = cal.add(due, rng.choice([2, 4, 9, 14])) if i % 3 else None
        if returned and returned > TODAY:
            returned = None
        rows.append({"dossier_code": lk.dossier_code(unit, received, 900 + i), "agency": code,
                     "procedure": rng.choice(PROCEDURES[kind])[0], "received_on": received, "due_on": due,
                     "returned_on": returned})
    rows.sort(key=lambda r: (r["due_on"], r["dossier_code"]))
    return rows


def main(argv: list[str]) -> int:
    """Write the demo content into argv[0]."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[0])
    rng = random.Random(SEED)
    cal = lk.WorkDays(2024, 2027)
    shutil.rmtree(root / "letters", ignore_errors=True)
    (root / "register").mkdir(parents=True, exist_ok=True)
    for stale in (root / "register").glob("*.csv"):
        stale.unlink()
    (root / "portal.yml").write_text(lk.portal_yml(PORTAL_NAME, PORTAL_OWNER, contact=PORTAL_CONTACT,
                                                   comment=PORTAL_COMMENT, grace_working_days=0,
                                                   extra=LOCALITY),
                                    encoding="utf-8")
    (root / "agencies.yml").write_text(lk.agencies_yml(agency_dicts()), encoding="utf-8")
    (root / "reasons.yml").write_text(lk.reasons_yml(), encoding="utf-8")
    letters = plan_letters(cal, rng)
    tracking = AGENCIES_BY_CODE["tthcc"][1]
    for fields in letters:
        decorate(fields, cal)
        fields["tracking_name"] = tracking
        lk.write_letter(root, fields, scan=fields["_index"] in SCANS)
    rescan_letters(root, letters, cal)
    rows = register_rows(letters, cal, rng)
    rows = demo_register.write(root, rows, cal, AGENCIES, PROCEDURES, FIRST_DAY, TODAY)  # every dossier
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"{len(letters)} letters, {len(rows)} register rows, {size / 1e6:.2f} MB in {root}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
