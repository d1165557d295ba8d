"""Shared kit for demo content and synthetic corpora: letter YAML, registries, working days, PDFs.

A letter is given as `fields`: the letter's YAML data (CONTENT.md) plus optional PDF-only keys
`id`, `agency_name`, `parent_name`, `place` and `tracking_name`. `letter_pdf` draws a fictitious
"Mẫu số 04" letter: with fpdf2 (text layer), with a fast hand-written PDF writer (`fast=True`, for
corpora) or as an image-only scan (`scan=True`, Pillow JPEG with a red seal). Output is deterministic.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # scripts run as files: the generator package is beside scripts/
    sys.path.append(str(REPO))
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FICTITIOUS = "VĂN BẢN MẪU – HƯ CẤU, CHỈ DÙNG ĐỂ MINH HỌA"
TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"  # Mẫu số 04, Circular 01/2018/TT-VPCP
TITLE_2025 = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"  # Mẫu số 04, Circular 03/2025/TT-VPCP
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FIXED_TIME = datetime(2018, 5, 9, 8, 0, 0, tzinfo=UTC)
PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
PT_PER_MM = 72 / 25.4
SEAL_RED = (200, 30, 35)

REASONS = [
    ("inter-agency", "Chậm phối hợp liên thông giữa các cơ quan"),
    ("verification", "Cần xác minh, thẩm tra thêm"),
    ("workload", "Khối lượng hồ sơ lớn"),
    ("system", "Sự cố phần mềm, hạ tầng"),
    ("other", "Lý do khác"),
]
DOSSIER_CODE_PATTERN = r"^(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Z]\d{2}(?:\.\d+)*-\d{6}-\d{4,}$"
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


# --- YAML ---------------------------------------------------------------------------------------

def _iso(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _scalar(value: object) -> str:
    """A YAML scalar for `value`: dates ISO, booleans true/false, text plain when safe, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = unicodedata.normalize("NFC", str(value))
    safe = re.fullmatch(r"[^\W\d_][^:#\"'\n\[\]{},&*!|>%@`]*", text) and text == text.strip()
    if safe and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _quoted(value: object) -> str:
    return json.dumps(unicodedata.normalize("NFC", str(value)), ensure_ascii=False)


def letter_yaml(fields: dict) -> str:
    """The letter's YAML text in the order of CONTENT.md (identifiers quoted, optional keys omitted)."""
    d, s, r = fields["dossier"], fields["signer"], fields["recipient"]
    out = [
        f"number: {_quoted(fields['number'])}",
        f"issued_on: {_iso(fields['issued_on'])}",
        f"agency: {fields['agency']}",
        "signer:",
        f"  name: {_scalar(s['name'])}",
    ]
    if s.get("title"):
        out.append(f"  title: {_scalar(s['title'])}")
    out += ["recipient:", f"  kind: {r['kind']}", f"  name: {_scalar(r['name'])}", "dossier:",
            f"  code: {_quoted(d['code'])}", f"  procedure: {_scalar(d['procedure'])}"]
    if d.get("procedure_code"):
        out.append(f"  procedure_code: {_quoted(d['procedure_code'])}")
    out += [f"  {key}: {_iso(d[key])}" for key in ("received_on", "due_on", "new_due_on")]
    if d.get("returned_on"):
        out.append(f"  returned_on: {_iso(d['returned_on'])}")
    reason = fields["reason"]
    out += ["reason:", f"  category: {reason['category']}"]
    if reason.get("detail"):
        out.append(f"  detail: {_scalar(reason['detail'])}")
    out.append(f"published_on: {_iso(fields['published_on'])}")
    if fields.get("privacy_reviewed"):
        out.append("privacy_reviewed: true")
    if fields.get("corrections"):
        out.append("corrections:")
        for c in fields["corrections"]:
            out += [f"  - date: {_iso(c['date'])}", f"    note: {_scalar(c['note'])}"]
            if c.get("fields"):
                out.append(f"    fields: [{', '.join(c['fields'])}]")
    if fields.get("withdrawn"):
        w = fields["withdrawn"]
        out += ["withdrawn:", f"  date: {_iso(w['date'])}", f"  reason: {_scalar(w['reason'])}"]
    return "\n".join(out) + "\n"


def portal_yml(name: str, owner: str, *, site_url: str = "https://xinloi.example.gov.vn/",
               contact: str = "", data_licence: str = "CC-BY-4.0", pdf_base_url: str = "",
               lead_working_days: int = 1, grace_working_days: int = 5,
               days_off: Iterable[date] = (), working_days: Iterable[date] = (), comment: str = "",
               extra: str = "") -> str:
    """portal.yml text with every policy and calendar setting of CONTENT.md written out."""
    def dates(values: Iterable[date]) -> str:
        return "[" + ", ".join(_iso(v) for v in values) + "]"

    head = [f"# {line}" for line in comment.splitlines()]
    return "\n".join([
        *head,
        f"name: {_scalar(name)}",
        f"owner: {_scalar(owner)}",
        f"site_url: {site_url}",
        f"contact: {_quoted(contact)}",
        f"data_licence: {data_licence}",
        f"pdf_base_url: {_quoted(pdf_base_url)}",
        "policy:",
        f"  dossier_code_pattern: '{DOSSIER_CODE_PATTERN}'",
        f"  apology_lead_working_days: {lead_working_days}",
        "  mask_individual_names: true",
        "  max_pdf_bytes: 20000000",
        "  max_pdf_pages: 30",
        "  pdf_timeout_seconds: 20",
        "  pdf_memory_mb: 1024",
        f"  missing_letter_grace_working_days: {grace_working_days}",
        "  public_contacts: []",
        "calendar:",
        f"  days_off: {dates(days_off)}",
        f"  working_days: {dates(working_days)}",
    ]) + "\n" + extra


AGENCY_KEYS = ("name", "level", "parent", "tracked_by", "contact", "valid_from", "valid_to", "successor",
               "successors", "parent_periods", "tracked_by_periods", "admin_code", "dossier_prefixes")


def _flow(value: object) -> str:
    """A YAML flow value: lists `[a, b]`, mappings `{k: v}`, scalars as `_scalar`."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def agencies_yml(agencies: Iterable[dict], levels: Iterable[str] = ("province", "district", "commune")) -> str:
    """agencies.yml text: one entry per agency dict (keys of CONTENT.md; absent keys omitted)."""
    out = ["agencies:"]
    for agency in agencies:
        out.append(f"  - code: {agency['code']}")
        for key in AGENCY_KEYS:
            if agency.get(key):
                value = agency[key]
                text = _quoted(value) if key in ("contact", "admin_code") else _flow(value)
                out.append(f"    {key}: {text}")
    out.append("levels: [" + ", ".join(levels) + "]")
    return "\n".join(out) + "\n"


def reasons_yml() -> str:
    """reasons.yml text with the five categories of CONTENT.md."""
    out = ["reasons:"]
    for code, label in REASONS:
        out += [f"  - code: {code}", f"    label: {_scalar(label)}"]
    return "\n".join(out) + "\n"


REGISTER_HEADER = "dossier_code,agency,procedure,received_on,due_on,returned_on"


def register_csv(rows: Iterable[dict]) -> str:
    """register CSV text (header of CONTENT.md); `returned_on` may be None."""
    out = [REGISTER_HEADER]
    for row in rows:
        procedure = row["procedure"]
        if any(ch in procedure for ch in ',"\n'):
            procedure = '"' + procedure.replace('"', '""') + '"'
        out.append(",".join([row["dossier_code"], row["agency"], procedure, _iso(row["received_on"]),
                             _iso(row["due_on"]), _iso(row["returned_on"]) if row.get("returned_on") else ""]))
    return "\n".join(out) + "\n"


def letter_path(root: Path, fields: dict) -> Path:
    """letters/<year>/<agency>/<id>.yml under `root` (year of issued_on)."""
    year = _iso(fields["issued_on"])[:4]
    return root / "letters" / year / fields["agency"] / f"{fields['id']}.yml"


def write_letter(root: Path, fields: dict, scan: bool = False, fast: bool = False) -> Path:
    """Write letters/<year>/<agency>/<id>.yml and .pdf under `root`; returns the YAML path."""
    path = letter_path(root, fields)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(letter_yaml(fields), encoding="utf-8")
    path.with_suffix(".pdf").write_bytes(letter_pdf(fields, scan=scan, fast=fast))
    return path


# --- working days and identifiers ---------------------------------------------------------------

class WorkDays:
    """Working days for planning fictitious dates (holidays VN: weekends, public holidays, make-up Saturdays).

    Only picks dates: the generator counts with its own calendar (generator/figures/workdays.py, official data
    over the package). Kept on the package so that regenerating the demo does not move the dates of
    letters already in its public record.
    """

    def __init__(self, first_year: int = 2015, last_year: int = 2030) -> None:
        import holidays

        self._vn = holidays.country_holidays("VN", years=range(first_year, last_year + 1))
        self._known: dict[date, bool] = {}

    def is_working(self, day: date) -> bool:
        """True on a working day."""
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = bool(self._vn.is_working_day(day))
        return known

    def on_or_after(self, day: date) -> date:
        """`day` if it is a working day, else the next one."""
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        """`day` if it is a working day, else the previous one."""
        while not self.is_working(day):
            day -= timedelta(days=1)
        return day

    def add(self, day: date, n: int) -> date:
        """The n-th working day after `day` (n < 0: before it; n == 0: `day`)."""
        step = timedelta(days=1 if n >= 0 else -1)
        for _ in range(abs(n)):
            day += step
            while not self.is_working(day):
                day += step
        return day

    def count(self, start_exclusive: date, end_inclusive: date) -> int:
        """Working days in (start, end]."""
        n, day = 0, start_exclusive
        while day < end_inclusive:
            day += timedelta(days=1)
            n += self.is_working(day)
        return n

    def pick(self, rng: random.Random, first: date, last: date) -> date:
        """A random working day in [first, last] (falls back to the last working day before `last`)."""
        span = (last - first).days
        for _ in range(20):
            day = first + timedelta(days=rng.randint(0, max(span, 0)))
            if self.is_working(day):
                return day
        return self.on_or_before(last)


def dossier_code(unit: int, received_on: date, seq: int, province: str = "H17") -> str:
    """Dossier code `000.<hh>.<nn>.H17-<yymmdd>-<seq>` (unit = hh*100 + nn) dated on the receipt day."""
    return f"000.{unit // 100 % 100:02d}.{unit % 100:02d}.{province}-{received_on:%y%m%d}-{seq:04d}"


@dataclass(frozen=True)
class Dates:
    """One letter's dates, consistent with CONTENT.md's rules."""

    received_on: date
    due_on: date
    new_due_on: date
    issued_on: date
    published_on: date
    returned_on: date | None


def pick_dates(cal: WorkDays, issued_near: date, today: date, *, delay: int, lead: int = 1, period: int = 10,
               publish_after: int = 1, return_shift: int | None = 0, not_before: date | None = None,
               not_after: date | None = None) -> Dates:
    """Dates for a letter issued near `issued_near`: due = issued + `lead`, new date = due + `delay`.

    `lead` may be 0 or negative (letter issued on or after the deadline); `period` is the promised
    processing time in working days; `return_shift` moves the return from the new date (positive:
    the new promise was broken too; None: not returned yet). Past dates stay <= `today`, and the
    issue day stays within [not_before, not_after] (the agency's validity window).
    """
    last = min(today, not_after) if not_after else today
    issued = cal.on_or_after(max(issued_near, not_before) if not_before else issued_near)
    if cal.add(issued, publish_after) > today:
        issued = cal.add(cal.on_or_before(today), -publish_after)
    if issued > last:
        issued = cal.on_or_before(last)
    published = min(cal.add(issued, publish_after), cal.on_or_before(today))
    due = cal.add(issued, lead)
    received = min(cal.add(due, -max(period, 1)), issued)
    new_due = max(cal.add(due, max(delay, 1)), cal.add(issued, 1))
    returned = None if return_shift is None else cal.add(new_due, return_shift)
    if returned is not None and returned <= due:
        returned = cal.add(due, 1)
    if returned is not None and returned > today:
        returned = None
    return Dates(received, due, new_due, issued, published, returned)


# --- people and text ------------------------------------------------------------------------------

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()  # noqa: SIM905
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn"]
COMPANIES = ["Công ty TNHH Minh Phát", "Công ty Cổ phần Xây dựng Đại Lộc", "Hợp tác xã Nông nghiệp Tân Thành",
             "Công ty TNHH Thương mại Hoàng Gia", "Doanh nghiệp tư nhân Thành Công",
             "Công ty Cổ phần Cà phê Cao Nguyên", "Công ty TNHH Vận tải Phú Quý", "Công ty TNHH Nông sản Bình An"]
# (a household business is a person, not an organisation: never listed here)


def person_name(rng: random.Random) -> str:
    """A fictitious full name (for signers: officials appear by name)."""
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def masked_recipient(rng: random.Random) -> str:
    """A masked individual: "Ông N.V.A." or "Bà T.T.H."."""
    female = rng.random() < 0.45
    middle = "T" if female and rng.random() < 0.7 else rng.choice(MIDDLE)[0]
    surname = unicodedata.normalize("NFC", rng.choice(SURNAMES))[0]
    return f"{'Bà' if female else 'Ông'} {surname}.{middle}.{rng.choice(GIVEN)[0]}."


def vn_date(value: date | str) -> str:
    """dd/mm/yyyy."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{d:%d/%m/%Y}"


def signer_lines(title: str) -> list[str]:
    """Signature block head: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" for a deputy, else the title."""
    upper = title.upper()
    if upper.startswith("PHÓ "):
        return [f"KT. {upper[4:]}", upper]
    return [upper] if upper else []


# --- page layout (shared by the three renderers) -------------------------------------------------

@dataclass(frozen=True)
class Text:
    """A run of text: left x and baseline y in mm from the top-left corner."""

    x: float
    y: float
    size: float
    bold: bool
    text: str
    color: tuple[int, int, int] = (0, 0, 0)


@dataclass(frozen=True)
class Line:
    """A thin black rule."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Seal:
    """The red round seal (centre and radius in mm) with its label."""

    cx: float
    cy: float
    r: float
    label: str


Item = Text | Line | Seal


@lru_cache(maxsize=2)
def _advances(bold: bool) -> dict[int, float]:
    """Advance width in em of every code point of a DejaVu font."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT_BOLD if bold else FONT_REGULAR), lazy=True)
    upm = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {cp: metrics[name][0] / upm for cp, name in font.getBestCmap().items()}


@lru_cache(maxsize=65536)
def _em(text: str, bold: bool) -> float:
    adv = _advances(bold)
    return sum(adv.get(ord(ch), 0.6) for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in mm at `size` pt."""
    return _em_text(text, bold) * size / PT_PER_MM


def _em_text(text: str, bold: bool) -> float:
    space = _em(" ", bold)
    return sum(_em(word, bold) for word in text.split(" ")) + space * text.count(" ")


def wrap(text: str, width: float, size: float, bold: bool = False, indent: float = 0.0) -> list[str]:
    """Greedy word wrap to `width` mm (the first line is `indent` mm narrower)."""
    lines: list[str] = []
    current: list[str] = []
    scale = size / PT_PER_MM
    space = _em(" ", bold) * scale
    used = 0.0
    for word in text.split():
        w = _em(word, bold) * scale
        room = width - (indent if not lines else 0)
        if current and used + space + w > room:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (space if current else 0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def _centered(cx: float, y: float, size: float, bold: bool, text: str,
              color: tuple[int, int, int] = (0, 0, 0)) -> Text:
    return Text(cx - text_width(text, size, bold) / 2, y, size, bold, text, color)


def issue_line(place: str, day: date | str) -> str:
    """"Gia Nghĩa, ngày 09 tháng 5 năm 2018" (months 1 and 2 with a leading zero)."""
    d = day if isinstance(day, date) else date.fromisoformat(str(day))
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def layout(fields: dict) -> list[Item]:
    """Everything drawn on the page of a "Mẫu số 04" letter, positioned in mm."""
    nfc = lambda s: unicodedata.normalize("NFC", str(s))  # noqa: E731
    d, rec = fields["dossier"], nfc(fields["recipient"]["name"])
    agency = nfc(fields.get("agency_name") or fields["agency"])
    items: list[Item] = [_centered(PAGE_W / 2, 10, 9, True, FICTITIOUS, SEAL_RED)]
    y = 20.0
    if fields.get("parent_name"):
        items.append(_centered(55, y, 10.5, False, nfc(fields["parent_name"]).upper()))
        y += 5
    for part in wrap(agency.upper(), 80, 10.5, True):
        items.append(_centered(55, y, 10.5, True, part))
        y += 5
    items.append(Line(45, y - 3.4, 65, y - 3.4))
    items.append(_centered(55, y + 4, 12, False, f"Số: {nfc(fields['number'])}"))
    items += [_centered(140, 20, 10.5, True, MOTTO[0]), _centered(140, 25.5, 12, True, MOTTO[1])]
    half = text_width(MOTTO[1], 12, True) / 2
    items.append(Line(140 - half, 27.2, 140 + half, 27.2))
    items.append(_centered(140, 35, 12, False, issue_line(nfc(fields.get("place") or "Gia Nghĩa"),
                                                          fields["issued_on"])))
    y = max(y + 16, 50)
    items.append(_centered(PAGE_W / 2, y, 13.5, True, fields.get("form_title") or TITLE))
    items.append(_centered(PAGE_W / 2, y + 9, 13, False, f"Kính gửi: {rec}"))
    procedure = nfc(d["procedure"]) + (f" (mã thủ tục {d['procedure_code']})" if d.get("procedure_code") else "")
    reason = nfc(fields["reason"].get("detail") or dict(REASONS).get(fields["reason"]["category"], ""))
    paragraphs = [
        f"Ngày {vn_date(d['received_on'])}, {agency} tiếp nhận hồ sơ của {rec} đề nghị giải quyết "
        f"thủ tục hành chính: {procedure}.",
        f"Mã hồ sơ: {d['code']}.",
        f"Thời hạn trả kết quả theo giấy tiếp nhận: ngày {vn_date(d['due_on'])}.",
        f"Tuy nhiên, đến nay {agency} chưa trả kết quả giải quyết hồ sơ đúng hẹn. Lý do: {reason}",
        f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {rec.rstrip('.')}. {agency} xin lỗi {rec} và "
        f"hẹn lại thời gian trả kết quả giải quyết hồ sơ vào ngày {vn_date(d['new_due_on'])}.",
        f"Xin trân trọng cảm ơn sự hợp tác của {rec.rstrip('.')}./.",
    ]
    y += 22
    for paragraph in paragraphs:
        for i, part in enumerate(wrap(paragraph, 160, 12, indent=10)):
            items.append(Text(35 if i == 0 else 25, y, 12, False, part))
            y += 6.3
        y += 1.2
    y += 5
    tracking = nfc(fields.get("tracking_name") or "Trung tâm Phục vụ hành chính công tỉnh")
    items.append(Text(25, y, 10.5, True, "Nơi nhận:"))
    yy = y + 5
    for part in ["- Như trên;", *wrap(f"- {tracking} (để theo dõi);", 75, 9.5), "- Lưu: VT."]:
        items.append(Text(25, yy, 9.5, False, part))
        yy += 4.5
    signer = fields["signer"]
    for i, part in enumerate(signer_lines(nfc(signer.get("title", "")))):
        items.append(_centered(145, y + 5.5 * i, 12, True, part))
    items.append(Seal(133, y + 27, 17, agency.upper()))
    items.append(_centered(145, y + 50, 12, True, nfc(signer["name"])))
    items.append(_centered(PAGE_W / 2, 284, 10, True, FICTITIOUS, SEAL_RED))
    if fields.get("id"):
        items.append(_centered(PAGE_W / 2, 289, 7.5, False, f"Mẫu số 04 – bản minh họa {fields['id']}", (90, 90, 90)))
    return items


def letter_pdf(fields: dict, scan: bool = False, fast: bool = False) -> bytes:
    """A one-page "Mẫu số 04" letter: text layer (fpdf2, or the fast writer) or image-only scan."""
    items = layout(fields)
    if scan:  # fast: a lighter scan for corpora (72 dpi, cached background)
        return image_pdf(quick_scan_jpeg(items, seed=_seed(fields)) if fast else scan_jpeg(items, seed=_seed(fields)))
    return _fast_pdf(items) if fast else _fpdf_pdf(items)


def _seed(fields: dict) -> int:
    key = f"{fields.get('id')}|{fields['number']}|{fields['dossier']['code']}"
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


def _seal_label_lines(label: str) -> list[str]:
    return wrap(label, 24, 6, True)[:3]


# --- renderer 1: fpdf2 ------------------------------------------------------------------------------

def _fpdf_pdf(items: list[Item]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_creator("congkhai letterkit (văn bản mẫu hư cấu)")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT_REGULAR))
    pdf.add_font("DejaVu", style="B", fname=str(FONT_BOLD))
    pdf.add_page()
    for item in items:
        if isinstance(item, Text):
            pdf.set_font("DejaVu", "B" if item.bold else "", item.size)
            pdf.set_text_color(*item.color)
            pdf.text(item.x, item.y, item.text)
        elif isinstance(item, Line):
            pdf.set_draw_color(0, 0, 0)
            pdf.set_line_width(0.3)
            pdf.line(item.x1, item.y1, item.x2, item.y2)
        else:
            pdf.set_draw_color(*SEAL_RED)
            pdf.set_text_color(*SEAL_RED)
            pdf.set_line_width(0.9)
            pdf.ellipse(item.cx - item.r, item.cy - item.r, 2 * item.r, 2 * item.r)
            pdf.set_line_width(0.4)
            inner = item.r - 2.2
            pdf.ellipse(item.cx - inner, item.cy - inner, 2 * inner, 2 * inner)
            pdf.set_font("DejaVu", "B", 6)
            lines = _seal_label_lines(item.label)
            for i, part in enumerate(lines):
                y = item.cy - 2.5 * (len(lines) - 1) / 2 + 2.5 * i + 1
                pdf.text(item.cx - text_width(part, 6, True) / 2, y, part)
    return bytes(pdf.output())


# --- renderer 2: a small hand-written PDF with one embedded font subset ------------------------------

def _charset() -> str:
    base = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = {unicodedata.normalize("NFC", b + m) for b in base + base.upper() for m in marks}
    ascii_ = "".join(chr(c) for c in range(32, 127))
    return ascii_ + "".join(sorted(letters)) + "đĐ–—“”‘’…°"


@dataclass(frozen=True)
class _RawFont:
    data: bytes  # compressed subset TrueType
    length: int
    gids: dict[int, int]
    widths: list[int]
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    tounicode: bytes
    hex_table: dict[int, str]


@lru_cache(maxsize=1)
def _raw_font() -> _RawFont:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT_REGULAR), recalcTimestamp=False, recalcBBoxes=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
    options.name_IDs = [1, 2]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in _charset()])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    order = {name: i for i, name in enumerate(font.getGlyphOrder())}
    upm = font["head"].unitsPerEm
    scale = 1000 / upm
    metrics = font["hmtx"].metrics
    widths = [round(metrics[name][0] * scale) for name in font.getGlyphOrder()]
    gids = {cp: order[name] for cp, name in font.getBestCmap().items()}
    head, hhea = font["head"], font["hhea"]
    bbox = tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    pairs = sorted((gid, cp) for cp, gid in gids.items())
    chunks = [pairs[i:i + 100] for i in range(0, len(pairs), 100)]
    body = "".join(f"{len(c)} beginbfchar\n" + "".join(f"<{g:04X}> <{cp:04X}>\n" for g, cp in c) + "endbfchar\n"
                   for c in chunks)
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
            f"endcodespacerange\n{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    raw = buffer.getvalue()
    return _RawFont(zlib.compress(raw, 9), len(raw), gids, widths, bbox,  # type: ignore[arg-type]
                    round(hhea.ascent * scale), round(hhea.descent * scale), cmap.encode(),
                    {cp: f"{gid:04X}" for cp, gid in gids.items()})


def _pt(x_mm: float) -> str:
    return f"{x_mm * PT_PER_MM:.2f}"


def _circle(cx: float, cy: float, r: float) -> str:
    """A circle path (four Bézier curves), PDF user space in pt."""
    k = 0.5523 * r
    return (f"{cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
            f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c S\n")


def _content_stream(items: list[Item], font: _RawFont) -> bytes:
    page_h = PAGE_H * PT_PER_MM
    out: list[str] = []
    question = font.hex_table[ord("?")]

    def text_op(x: float, y: float, size: float, bold: bool, text: str, color: tuple[int, int, int]) -> None:
        hexed = text.translate(font.hex_table)
        if len(hexed) != 4 * len(text):  # a character outside the subset: "?"
            hexed = "".join(font.hex_table.get(ord(ch), question) for ch in text)
        rgb = " ".join(f"{c / 255:.3f}" for c in color)
        mode = f"2 Tr {size * 0.035:.2f} w {rgb} RG " if bold else ""
        out.append(f"q BT /F1 {size:g} Tf {rgb} rg {mode}1 0 0 1 {_pt(x)} {page_h - y * PT_PER_MM:.2f} Tm "
                   f"<{hexed}> Tj ET Q\n")

    for item in items:
        if isinstance(item, Text):
            text_op(item.x, item.y, item.size, item.bold, item.text, item.color)
        elif isinstance(item, Line):
            out.append(f"0 0 0 RG 0.85 w {_pt(item.x1)} {page_h - item.y1 * PT_PER_MM:.2f} m "
                       f"{_pt(item.x2)} {page_h - item.y2 * PT_PER_MM:.2f} l S\n")
        else:
            cx, cy = item.cx * PT_PER_MM, page_h - item.cy * PT_PER_MM
            rgb = " ".join(f"{c / 255:.3f}" for c in SEAL_RED)
            out.append(f"q {rgb} RG 2.5 w " + _circle(cx, cy, item.r * PT_PER_MM) + "1.1 w "
                       + _circle(cx, cy, (item.r - 2.2) * PT_PER_MM) + "Q\n")
            lines = _seal_label_lines(item.label)
            for i, part in enumerate(lines):
                y = item.cy - 2.5 * (len(lines) - 1) / 2 + 2.5 * i + 1
                text_op(item.cx - text_width(part, 6, True) / 2, y, 6, True, part, SEAL_RED)
    return "".join(out).encode("ascii")


def _assemble(objects: list[bytes]) -> bytes:
    """A complete PDF from numbered objects (1 = catalog, last = info); deterministic /ID."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    file_id = hashlib.md5(bytes(out)).hexdigest().upper()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R "
            f"/ID [<{file_id}> <{file_id}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def _stream(dictionary: str, data: bytes) -> bytes:
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


_INFO = b"<< /Producer (congkhai letterkit) /Creator (fictitious sample letter) /CreationDate (D:20180509080000Z) >>"
_MEDIABOX = f"[0 0 {PAGE_W * PT_PER_MM:.2f} {PAGE_H * PT_PER_MM:.2f}]"


def _fast_pdf(items: list[Item]) -> bytes:
    font = _raw_font()
    content = zlib.compress(_content_stream(items, font), 1)
    widths = " ".join(map(str, font.widths))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox {_MEDIABOX} /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>".encode(),
        _stream("/Filter /FlateDecode", content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /CKLTKT+DejaVuSans /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 9 0 R >>",
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CKLTKT+DejaVuSans /CIDSystemInfo << /Registry (Adobe) "
        f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity /DW 600 "
        f"/W [0 [{widths}]] >>".encode(),
        f"<< /Type /FontDescriptor /FontName /CKLTKT+DejaVuSans /Flags 32 /FontBBox [{' '.join(map(str, font.bbox))}] "
        f"/ItalicAngle 0 /Ascent {font.ascent} /Descent {font.descent} /CapHeight 729 /StemV 87 "
        f"/FontFile2 8 0 R >>".encode(),
        _stream(f"/Filter /FlateDecode /Length1 {font.length}", font.data),
        _stream("/Filter /FlateDecode", zlib.compress(font.tounicode, 9)),
        _INFO,
    ]
    return _assemble(objects)


def image_pdf(jpeg: bytes, width_px: int | None = None, height_px: int | None = None) -> bytes:
    """A one-page A4 PDF holding only a JPEG image (no text layer), like a scan."""
    if width_px is None or height_px is None:
        from PIL import Image

        with Image.open(io.BytesIO(jpeg)) as image:
            width_px, height_px = image.size
    w, h = PAGE_W * PT_PER_MM, PAGE_H * PT_PER_MM
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox {_MEDIABOX} /Resources << /XObject << /Im1 5 0 R >> >> "
        "/Contents 4 0 R >>".encode(),
        _stream("", f"q {w:.2f} 0 0 {h:.2f} 0 0 cm /Im1 Do Q".encode()),
        _stream(f"/Type /XObject /Subtype /Image /Width {width_px} /Height {height_px} /ColorSpace /DeviceRGB "
                "/BitsPerComponent 8 /Filter /DCTDecode", jpeg),
        _INFO,
    ]
    return _assemble(objects)


# --- renderer 3: a scanned page (Pillow) ---------------------------------------------------------------

SCAN_DPI = 96


@lru_cache(maxsize=32)
def _pil_font(bold: bool, px: int, basic: bool = True):
    from PIL import ImageFont

    engine = ImageFont.Layout.BASIC if basic else None
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT_REGULAR), px, layout_engine=engine)


@lru_cache(maxsize=4)
def _paper(width: int, height: int, variant: int):
    """A grey-ish paper background with a faint deterministic texture."""
    from PIL import Image

    rng = random.Random(variant)
    small = Image.frombytes("L", (width // 8, height // 8), rng.randbytes((width // 8) * (height // 8)))
    texture = small.resize((width, height), Image.Resampling.BILINEAR).point(lambda v: 226 + v * 14 // 255)
    tint = (0, -3, -10)
    channels = [texture.point(lambda v, t=t: max(0, min(255, v + t))) for t in tint]
    return Image.merge("RGB", channels)


STATIC_TEXTS = frozenset({FICTITIOUS, TITLE, TITLE_2025, *MOTTO, "Nơi nhận:", "- Như trên;", "- Lưu: VT."})
INK = (40, 40, 46)


def _draw_text(draw, item: Text, scale: float, dpi: int) -> None:
    font = _pil_font(item.bold, max(6, round(item.size * dpi / 72)))
    color = INK if item.color == (0, 0, 0) else item.color
    draw.text((item.x * scale, item.y * scale), item.text, font=font, fill=color, anchor="ls")


@lru_cache(maxsize=16)
def _background(width: int, height: int, variant: int, dpi: int, fixed: tuple[Item, ...]):
    """Paper with the parts every letter shares (motto, title, rules) already drawn."""
    from PIL import ImageDraw

    page = _paper(width, height, variant).copy()
    draw = ImageDraw.Draw(page)
    scale = dpi / 25.4
    for item in fixed:
        if isinstance(item, Line):
            draw.line([(item.x1 * scale, item.y1 * scale), (item.x2 * scale, item.y2 * scale)], fill=INK, width=1)
        elif isinstance(item, Text):
            _draw_text(draw, item, scale, dpi)
    return page


def quick_scan_jpeg(items: list[Item], seed: int = 0, dpi: int = 72, quality: int = 55,
                    optimize: bool = False) -> bytes:
    """A cheaper scan for corpora: shared parts pre-drawn on a cached background, seal pasted locally."""
    from PIL import ImageDraw

    scale = dpi / 25.4
    width, height = round(PAGE_W * scale), round(PAGE_H * scale)
    fixed = tuple(i for i in items if isinstance(i, Line) or (isinstance(i, Text) and i.text in STATIC_TEXTS))
    page = _background(width, height, seed % 4, dpi, fixed).copy()
    draw = ImageDraw.Draw(page)
    for item in items:
        if isinstance(item, Seal):
            _draw_seal(page, item, scale, dpi, seed)
        elif isinstance(item, Text) and item not in fixed:
            _draw_text(draw, item, scale, dpi)
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=quality, optimize=optimize)
    return buffer.getvalue()


def _draw_seal(page, item: Seal, scale: float, dpi: int, seed: int) -> None:
    """The translucent red seal and a blue signature stroke, pasted onto `page`."""
    from PIL import Image, ImageDraw

    x0, y0 = round((item.cx - item.r - 2) * scale), round((item.cy - item.r - 2) * scale)
    x1, y1 = round((item.cx + 32) * scale), round((item.cy + item.r + 2) * scale)
    layer = Image.new("RGBA", (x1 - x0, y1 - y0), (0, 0, 0, 0))
    sdraw = ImageDraw.Draw(layer)
    cx, cy, r = item.cx * scale - x0, item.cy * scale - y0, item.r * scale
    red = (*SEAL_RED, 190)
    sdraw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(2, round(r / 16)))
    inner = r - 2.2 * scale
    sdraw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=red, width=1)
    lines = _seal_label_lines(item.label)
    font = _pil_font(True, max(6, round(6 * dpi / 72)))
    for i, part in enumerate(lines):
        y = (item.cy - 2.5 * (len(lines) - 1) / 2 + 2.5 * i + 1) * scale - y0
        sdraw.text((cx, y), part, font=font, fill=red, anchor="ms")
    rng = random.Random(seed)
    points = [(cx + rng.uniform(-4, 26) * scale, cy + rng.uniform(-3, 5) * scale) for _ in range(6)]
    sdraw.line(points, fill=(30, 40, 120, 230), width=2, joint="curve")
    page.paste(layer, (x0, y0), layer)


def scan_jpeg(items: list[Item], seed: int = 0, dpi: int = SCAN_DPI, quality: int = 55) -> bytes:
    """The page rendered like a scan (paper, text, red seal, a signature stroke) as JPEG bytes."""
    from PIL import Image, ImageDraw

    scale = dpi / 25.4
    width, height = round(PAGE_W * scale), round(PAGE_H * scale)
    page = _paper(width, height, seed % 4).copy()
    draw = ImageDraw.Draw(page)
    ink = (40, 40, 46)
    seal_layer = None
    for item in items:
        if isinstance(item, Text):
            font = _pil_font(item.bold, max(6, round(item.size * dpi / 72)), False)
            color = ink if item.color == (0, 0, 0) else item.color
            draw.text((item.x * scale, item.y * scale), item.text, font=font, fill=color, anchor="ls")
        elif isinstance(item, Line):
            draw.line([(item.x1 * scale, item.y1 * scale), (item.x2 * scale, item.y2 * scale)], fill=ink, width=1)
        else:
            seal_layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
            sdraw = ImageDraw.Draw(seal_layer)
            cx, cy, r = item.cx * scale, item.cy * scale, item.r * scale
            red = (*SEAL_RED, 190)
            sdraw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(2, round(r / 16)))
            inner = r - 2.2 * scale
            sdraw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=red, width=1)
            lines = _seal_label_lines(item.label)
            font = _pil_font(True, max(6, round(6 * dpi / 72)), False)
            for i, part in enumerate(lines):
                y = (item.cy - 2.5 * (len(lines) - 1) / 2 + 2.5 * i + 1) * scale
                sdraw.text((cx, y), part, font=font, fill=red, anchor="ms")
            rng = random.Random(seed)
            points = [(cx + rng.uniform(-4, 26) * scale, cy + rng.uniform(-3, 5) * scale) for _ in range(6)]
            sdraw.line(points, fill=(30, 40, 120, 230), width=2, joint="curve")
    if seal_layer is not None:
        page = Image.alpha_composite(page.convert("RGBA"), seal_layer).convert("RGB")
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def iter_letters(root: Path) -> Iterator[Path]:
    """Every letter YAML under root/letters (sorted)."""
    return iter(sorted((root / "letters").glob("*/*/*.yml")))
