"""Write a synthetic content root of N valid letters (benchmarks, load tests); figures go to stderr.

Usage: python scripts/make_corpus.py N DIR [--seed S] [--today YYYY-MM-DD] [--jobs J] [--scan-share F]
About 100 agencies over three levels (with the 2025 reform), a register CSV, one small real PDF per
letter (about 10 % image-only scans with privacy_reviewed: true; `--scan-share` changes that share, the
letters otherwise the same), all PDFs distinct.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import sys
import time
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import letterkit as lk

REFORM = date(2025, 7, 1)
DEPARTMENTS = [
    ("so-tnmt", "Sở Tài nguyên và Môi trường"), ("so-xd", "Sở Xây dựng"), ("so-khdt", "Sở Kế hoạch và Đầu tư"),
    ("so-gtvt", "Sở Giao thông vận tải"), ("so-tp", "Sở Tư pháp"), ("so-tc", "Sở Tài chính"),
    ("so-ct", "Sở Công Thương"), ("so-yt", "Sở Y tế"), ("so-gddt", "Sở Giáo dục và Đào tạo"),
    ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn"), ("so-ldtbxh", "Sở Lao động – Thương binh và Xã hội"),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch"), ("so-tttt", "Sở Thông tin và Truyền thông"),
    ("so-nv", "Sở Nội vụ"), ("so-khcn", "Sở Khoa học và Công nghệ"), ("ban-qlkcn", "Ban Quản lý các khu công nghiệp"),
    ("so-dt", "Sở Dân tộc và Tôn giáo"), ("cuc-thue", "Chi cục Thuế khu vực"),
    ("vpdk-dd", "Văn phòng Đăng ký đất đai tỉnh"), ("cong-an-pccc", "Phòng Cảnh sát PCCC và CNCH"),
]
DISTRICTS = ["Cư Jút", "Krông Nô", "Đắk Mil", "Đắk Song", "Đắk R'Lấp", "Đắk Glong", "Tuy Đức", "Gia Nghĩa",
             "Lắk", "Ea Súp", "Buôn Đôn", "Cư M'gar"]
COMMUNE_NAMES = ["Ea Pô", "Nam Dong", "Tâm Thắng", "Trúc Sơn", "Đắk Wil", "Nam Đà", "Đức Xuyên", "Quảng Phú",
                 "Thuận An", "Đức Minh", "Nâm Nung", "Quảng Sơn", "Đắk Sắk", "Nghĩa Thắng", "Trường Xuân",
                 "Thuận Hạnh", "Đắk Búk So", "Quảng Tân", "Kiến Thành", "Nhân Cơ", "Đạo Nghĩa", "Quảng Khê",
                 "Đắk Ha", "Nghĩa Tân", "Đắk Nia", "Ea Tling", "Đắk Drông", "Buôn Choáh", "Đắk Ru", "Hưng Bình"]
PROCEDURES = [
    ("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "1.004227", "individual"),
    ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "1.009994", "individual"),
    ("Đăng ký hộ kinh doanh", "2.000720", "organization"),
    ("Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "2.001199", "organization"),
    ("Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "2.000488", "individual"),
    ("Chứng thực hợp đồng, giao dịch liên quan đến bất động sản", "2.000913", "individual"),
    ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "1.003003", "individual"),
    ("Thẩm định báo cáo đánh giá tác động môi trường", "1.010727", "organization"),
    ("Cấp giấy phép thi công công trình trên đường bộ đang khai thác", None, "organization"),
    ("Xác nhận tình trạng hôn nhân", "1.004873", "individual"),
]
DETAILS = {
    "inter-agency": ["Chờ ý kiến phối hợp của cơ quan thuế.", "Chờ kết quả trích đo địa chính.",
                     "Cơ quan phối hợp trả lời chậm."],
    "verification": ["Cần xác minh nguồn gốc sử dụng đất.", "Cần thẩm tra thêm hồ sơ kỹ thuật."],
    "workload": ["Số lượng hồ sơ tăng đột biến.", "Thiếu cán bộ thụ lý trong thời gian sắp xếp bộ máy."],
    "system": ["Phần mềm một cửa điện tử gián đoạn.", "Lỗi kết nối cơ sở dữ liệu quốc gia."],
    "other": ["Người có thẩm quyền ký đi công tác dài ngày.", "Thiên tai làm gián đoạn việc kiểm tra thực địa."],
}
REASON_WEIGHTS = [("inter-agency", 35), ("verification", 25), ("workload", 20), ("system", 12), ("other", 8)]
DELAY_WEIGHTS = [(1, 24), (2, 20), (3, 15), (4, 10), (5, 8), (6, 5), (7, 4), (8, 3), (10, 3), (12, 2), (15, 2),
                 (20, 2), (25, 1), (30, 1)]
RETURN_WEIGHTS = [(0, 50), (-1, 15), (-2, 8), (-3, 4), (None, 15), (2, 5), (5, 3)]  # None: not returned
LEAD_WEIGHTS = [(3, 10), (2, 25), (1, 35), (0, 12), (-1, 8), (-3, 6), (-6, 4)]


def build_agencies() -> list[dict]:
    """~100 agencies: tracking unit, departments, districts with communes, post-reform communes."""
    agencies: list[dict] = [{"code": "tthcc", "name": "Trung tâm Phục vụ hành chính công tỉnh", "level": "province",
                             "contact": "0261 3 999 111, tthcc@example.gov.vn", "_unit": 1}]
    unit = 10
    for i, (code, name) in enumerate(DEPARTMENTS):
        unit += 1
        agencies.append({"code": code, "name": name, "level": "province", "tracked_by": "tthcc",
                         "contact": f"0261 3 5{i:02d} 210, {code.replace('-', '')}@example.gov.vn", "_unit": unit})
    names = iter(COMMUNE_NAMES * 3)
    for d, district in enumerate(DISTRICTS):
        dcode = "ubnd-" + lk_slug(district)
        new_code = f"ubnd-xa-{lk_slug(district)}"
        unit += 1
        agencies.append({"code": dcode, "name": f"UBND huyện {district}", "level": "district", "tracked_by": "tthcc",
                         "valid_to": REFORM - timedelta(days=1), "successor": new_code, "_unit": unit})
        for c in range(5):
            name = next(names)
            unit += 1
            agencies.append({"code": f"ubnd-xa-{lk_slug(name)}-{d}{c}", "name": f"UBND xã {name}",
                             "level": "commune", "parent": dcode, "valid_to": REFORM - timedelta(days=1),
                             "successor": new_code, "_unit": unit})
        unit += 1
        agencies.append({"code": new_code, "name": f"UBND xã {district}", "level": "commune",
                         "tracked_by": "tthcc", "valid_from": REFORM, "_unit": unit})
    return agencies


def lk_slug(text: str) -> str:
    """ascii kebab-case of a Vietnamese name."""
    import unicodedata

    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_).split())


def _weighted(rng: random.Random, pairs: list[tuple]) -> object:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _valid(agency: dict, day: date) -> bool:
    return (agency.get("valid_from") or date.min) <= day <= (agency.get("valid_to") or date.max)


def plan(n: int, seed: int, today: date, scan_share: float = 0.1) -> tuple[list[dict], list[dict], list[dict]]:
    """(agencies, letters' fields, register rows), deterministic for a seed."""
    rng = random.Random(seed)
    cal = lk.WorkDays(today.year - 6, today.year + 1)
    agencies = build_agencies()
    issuers = [a for a in agencies if a["code"] != "tthcc"]
    by_code = {a["code"]: a for a in agencies}
    first = date(today.year - 4, 1, 1)
    span = (today - first).days - 5
    letters: list[dict] = []
    numbers: dict[tuple[str, int], int] = {}
    daily: dict[tuple[int, date], int] = {}
    for index in range(n):
        near = first + timedelta(days=rng.randint(0, span))
        choices = [a for a in issuers if _valid(a, near) and _valid(a, near - timedelta(days=60))]
        agency = rng.choice(choices)
        level = agency["level"]
        dates = lk.pick_dates(cal, near, today, delay=int(_weighted(rng, DELAY_WEIGHTS)),
                              lead=int(_weighted(rng, LEAD_WEIGHTS)), period=rng.choice([3, 5, 7, 10, 15, 20]),
                              publish_after=rng.choice([0, 1, 1, 2, 3, 5]),
                              return_shift=_weighted(rng, RETURN_WEIGHTS),  # type: ignore[arg-type]
                              not_before=agency.get("valid_from"), not_after=agency.get("valid_to"))
        key = (agency["code"], dates.issued_on.year)
        numbers[key] = numbers.get(key, 0) + rng.randint(1, 3)
        dkey = (agency["_unit"], dates.received_on)
        daily[dkey] = daily.get(dkey, rng.randint(1, 40)) + rng.randint(1, 5)
        procedure, pcode, kind = rng.choice(PROCEDURES)
        category = str(_weighted(rng, REASON_WEIGHTS))
        parent = by_code.get(agency.get("parent") or "")
        province = agency["level"] == "province"
        fields = {
            "id": f"{dates.issued_on:%Y-%m}-{index + 1:06d}",
            "number": f"{numbers[key]}/XL-{'S' if province else 'UBND'}{agency['_unit']:03d}",
            "issued_on": dates.issued_on, "agency": agency["code"], "agency_name": agency["name"],
            "parent_name": parent["name"] if parent else "UBND tỉnh Minh Họa",
            "place": "Gia Nghĩa", "tracking_name": by_code["tthcc"]["name"],
            "signer": {"name": lk.person_name(rng),
                       "title": rng.choice(["Phó Giám đốc", "Giám đốc"] if province else ["Phó Chủ tịch", "Chủ tịch"])},
            "recipient": {"kind": kind, "name": lk.masked_recipient(rng) if kind == "individual"
                          else rng.choice(lk.COMPANIES)},
            "dossier": {"code": lk.dossier_code(agency["_unit"], dates.received_on, daily[dkey]),
                        "procedure": procedure, "procedure_code": pcode, "received_on": dates.received_on,
                        "due_on": dates.due_on, "new_due_on": dates.new_due_on, "returned_on": dates.returned_on},
            "reason": {"category": category, "detail": rng.choice(DETAILS[category])},
            "published_on": dates.published_on,
            "_scan": rng.random() < scan_share,
        }
        if fields["_scan"]:
            fields["privacy_reviewed"] = True
        if level != "province" and rng.random() < 0.3:
            fields["dossier"]["procedure_code"] = None
        letters.append(fields)
    rows = [_row(f) for f in letters if f["dossier"]["due_on"] < today and rng.random() < 0.85]
    for i in range(max(1, n // 12)):  # overdue dossiers that got no letter
        agency = rng.choice(issuers)
        received = cal.pick(rng, first, today - timedelta(days=60))
        if not _valid(agency, received):
            continue
        due = cal.add(received, rng.choice([5, 10, 15]))
        returned = cal.add(due, rng.randint(1, 12)) if rng.random() < 0.6 else None
        rows.append({"dossier_code": lk.dossier_code(agency["_unit"], received, 9000 + i), "agency": agency["code"],
                     "procedure": rng.choice(PROCEDURES)[0], "received_on": received, "due_on": due,
                     "returned_on": returned if returned and returned <= today else None})
    return agencies, letters, rows


def _row(fields: dict) -> dict:
    d = fields["dossier"]
    return {"dossier_code": d["code"], "agency": fields["agency"], "procedure": d["procedure"],
            "received_on": d["received_on"], "due_on": d["due_on"], "returned_on": d["returned_on"]}


def write_chunk(args: tuple[str, list[dict]]) -> list[str]:
    """Write a chunk of letters (YAML + PDF); returns their PDFs' SHA-256."""
    root, chunk = Path(args[0]), args[1]
    hashes = []
    made: set[Path] = set()
    for fields in chunk:
        path = lk.letter_path(root, fields)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(lk.letter_yaml(fields), encoding="utf-8")
        pdf = lk.letter_pdf(fields, scan=fields["_scan"], fast=True)
        path.with_suffix(".pdf").write_bytes(pdf)
        hashes.append(hashlib.sha256(pdf).hexdigest())
    return hashes


def make_corpus(n: int, root: Path, seed: int = 1, today: date = date(2026, 11, 20), jobs: int = 0,
                scan_share: float = 0.1) -> dict:
    """Write the corpus into `root` (its letters/ and register/ replaced); returns figures."""
    start, cpu = time.perf_counter(), time.process_time()
    agencies, letters, rows = plan(n, seed, today, scan_share)
    planned = time.perf_counter()
    shutil.rmtree(root / "letters", ignore_errors=True)
    shutil.rmtree(root / "register", ignore_errors=True)
    (root / "register").mkdir(parents=True)
    (root / "portal.yml").write_text(lk.portal_yml(
        "Công khai văn bản xin lỗi – kho thử nghiệm tổng hợp (hư cấu)", "Trung tâm Phục vụ hành chính công tỉnh "
        "Minh Họa (hư cấu)", contact="Trung tâm Phục vụ hành chính công, 0261 3 999 111, tthcc@example.gov.vn",
        comment="Synthetic corpus written by scripts/make_corpus.py: every record is fictitious."), encoding="utf-8")
    registry = [{k: v for k, v in a.items() if not k.startswith("_")} for a in agencies]
    (root / "agencies.yml").write_text(lk.agencies_yml(registry), encoding="utf-8")
    (root / "reasons.yml").write_text(lk.reasons_yml(), encoding="utf-8")
    (root / "register" / "overdue.csv").write_text(lk.register_csv(rows), encoding="utf-8")
    jobs = jobs or min(2, os.cpu_count() or 1)
    size = max(1, min(200, -(-n // (jobs * 4))))
    chunks = [(str(root), letters[i:i + size]) for i in range(0, n, size)]
    if jobs == 1 or n < 100:
        hashes = [h for chunk in chunks for h in write_chunk(chunk)]
    else:
        with get_context("fork").Pool(jobs) as pool:
            hashes = [h for part in pool.map(write_chunk, chunks) for h in part]
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + usage.ru_utime + usage.ru_stime
    return {"letters": n, "scans": sum(f["_scan"] for f in letters), "agencies": len(agencies),
            "register_rows": len(rows), "distinct_pdfs": len(set(hashes)), "seconds": round(elapsed, 2),
            "plan_seconds": round(planned - start, 2), "letters_per_second": round(n / elapsed, 1), "jobs": jobs,
            "cpu_ms_per_letter": round(1000 * cpu / n, 2)}


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 20))
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: up to 2)")
    parser.add_argument("--scan-share", type=float, default=0.1, help="share of image-only scans (default 0.1)")
    args = parser.parse_args(argv)
    figures = make_corpus(args.n, args.dir, args.seed, args.today, args.jobs, args.scan_share)
    print(" ".join(f"{k}={v}" for k, v in figures.items()), file=sys.stderr)
    return 0 if figures["distinct_pdfs"] == args.n else 1


if __name__ == "__main__":
    raise SystemExit(main())
