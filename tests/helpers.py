"""Fixtures built in code: a small valid content root with real PDFs, and overrides per letter.

`make_content(tmp_path)` writes portal.yml, agencies.yml, reasons.yml and letters;
`write_letter(root, letter_id, **overrides)` writes one letter (YAML + real PDF) where dotted
keys override fields (`**{"dossier.due_on": "2018-05-20"}`) and a value of `DROP` removes one.
"""

from __future__ import annotations

import copy
import json
import os
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "scripts" / "fonts" / "DejaVuSans.ttf"
DROP = object()

PORTAL = {
    "name": "Công khai văn bản xin lỗi (thử nghiệm)",
    "owner": "Trung tâm Hành chính công tỉnh Thử Nghiệm",
    "site_url": "https://xinloi.example.gov.vn/",
    "contact": "Trung tâm Hành chính công, 0261 1234 567, tthcc@example.gov.vn",
    "data_licence": "CC-BY-4.0",
    "pdf_base_url": "",
    "policy": {"apology_lead_working_days": 1, "mask_individual_names": True},
    "calendar": {"days_off": [], "working_days": []},
}

AGENCIES = {
    "agencies": [
        {"code": "tthcc", "name": "Trung tâm Hành chính công tỉnh", "level": "province"},
        {"code": "so-tnmt", "name": "Sở Tài nguyên và Môi trường", "level": "province", "tracked_by": "tthcc",
         "contact": "0261 3 544 210, stnmt@example.gov.vn"},
        {"code": "ubnd-cu-jut", "name": "UBND huyện Cư Jút", "level": "district", "tracked_by": "tthcc",
         "valid_from": "2004-01-01", "valid_to": "2025-06-30", "successor": "ubnd-xa-cu-jut"},
        {"code": "ubnd-xa-cu-jut", "name": "UBND xã Cư Jút", "level": "commune", "tracked_by": "tthcc",
         "valid_from": "2025-07-01"},
        {"code": "ubnd-xa-ea-po", "name": "UBND xã Ea Pô", "level": "commune", "parent": "ubnd-cu-jut",
         "valid_to": "2025-06-30"},
    ],
    "levels": ["province", "district", "commune"],
}

REASONS = {"reasons": [
    {"code": "inter-agency", "label": "Chậm phối hợp liên thông giữa các cơ quan"},
    {"code": "verification", "label": "Cần xác minh, thẩm tra thêm"},
    {"code": "workload", "label": "Khối lượng hồ sơ lớn"},
    {"code": "system", "label": "Sự cố phần mềm, hạ tầng"},
    {"code": "other", "label": "Lý do khác"},
]}

LETTER = {
    "number": "15/XL-STNMT",
    "issued_on": "2018-05-09",
    "agency": "so-tnmt",
    "signer": {"name": "Nguyễn Văn Bình", "title": "Phó Giám đốc"},
    "recipient": {"kind": "individual", "name": "Ông N.V.A."},
    "dossier": {
        "code": "000.00.21.H17-180420-0012",
        "procedure": "Đăng ký biến động quyền sử dụng đất",
        "procedure_code": "1.004227",
        "received_on": "2018-04-20",
        "due_on": "2018-05-04",
        "new_due_on": "2018-05-15",
        "returned_on": "2018-05-14",
    },
    "reason": {"category": "inter-agency", "detail": "Chờ ý kiến phối hợp của Chi cục Thuế."},
    "published_on": "2018-05-10",
}

TODAY = "2018-06-01"


def dump(data: dict) -> str:
    """YAML text with every value quoted as written (identifiers stay text)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def apply_overrides(data: dict, overrides: dict) -> dict:
    """A deep copy of `data` with dotted-key overrides applied (DROP removes a key)."""
    data = copy.deepcopy(data)
    for dotted, value in overrides.items():
        *parents, last = dotted.split(".")
        target = data
        for key in parents:
            target = target.setdefault(key, {})
        if value is DROP:
            target.pop(last, None)
        else:
            target[last] = value
    return data


@lru_cache(maxsize=256)
def pdf_bytes(*lines: str, scan: bool = False) -> bytes:
    """A real one-page PDF holding `lines` as text (or as an image only, like a scan)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2018, 1, 1))
    pdf.add_page()
    if scan:
        from io import BytesIO

        from PIL import Image, ImageDraw

        image = Image.new("RGB", (400, 560), "white")
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(lines):
            draw.text((20, 20 + 16 * index), line.encode("ascii", "replace").decode(), fill="black")
        draw.ellipse((260, 420, 360, 520), outline="red", width=4)
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=60)
        pdf.image(buffer, x=10, y=10, w=190)
    else:
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_font("DejaVu", size=12)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_letter(root: Path, letter_id: str = "2018-05-0001", *, scan: bool = False, pdf: bytes | None = None,
                 **overrides: object) -> Path:
    """Write one letter (YAML + PDF) under root/letters/<year>/<agency>/; returns the YAML path."""
    data = apply_overrides(LETTER, overrides)
    year = str(data.get("issued_on", "2018"))[:4]
    year = year if year.isdigit() else "2018"
    folder = root / "letters" / year / str(data.get("agency", "so-tnmt"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{letter_id}.yml"
    path.write_text(dump(data), encoding="utf-8")
    if pdf is None:
        dossier = data.get("dossier", {})
        pdf = pdf_bytes(
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            f"Số: {data.get('number', '')}",
            f"Mã hồ sơ: {dossier.get('code', '')}",
            f"Văn bản thử nghiệm {letter_id}",
            scan=scan,
        )
    (folder / f"{letter_id}.pdf").write_bytes(pdf)
    return path


def make_content(tmp_path: Path, letters: int = 1, *, portal: dict | None = None, agencies: dict | None = None,
                 reasons: dict | None = None) -> Path:
    """A valid content root with `letters` distinct valid letters of so-tnmt in May 2018."""
    root = tmp_path / "content"
    root.mkdir()
    (root / "portal.yml").write_text(dump(portal or PORTAL), encoding="utf-8")
    (root / "agencies.yml").write_text(dump(agencies or AGENCIES), encoding="utf-8")
    (root / "reasons.yml").write_text(dump(reasons or REASONS), encoding="utf-8")
    for index in range(1, letters + 1):
        write_letter(root, f"2018-05-{index:04d}", number=f"{14 + index}/XL-STNMT",
                     **{"dossier.code": f"000.00.21.H17-180420-{index:04d}"})
    return root


def read_shard(path: Path):
    """The JSON of a check memo's shard (cachedata.MemoShards: signed with this machine's key); None when the
    file is not a shard signed with it."""
    from generator.cachedata import read_signed

    return read_signed(Path(path))


def write_shard(path: Path, data) -> None:
    """Write a memo shard signed with this machine's key, as its own build would (`data`: JSON data, or text
    written as the shard's body): what a bug, or anyone holding the key, could leave there."""
    from generator.cachedata import signature

    body = (data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)).encode()
    Path(path).write_bytes(signature(body) + b"\n" + body)


def children(name: str = "") -> list[int]:
    """Processes this test process started (forked or run) and has not reaped, zombies included; with `name`,
    those whose command name holds it."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" ", 1)
        except OSError:
            continue
        comm, fields = rest.rsplit(") ", 1)
        if name in comm and int(fields.split()[1]) == os.getpid():
            found.append(int(pid))
    return found
