"""The content schema, declared once: every field with its kind and a one-line description.

`coerce()` turns a line-tracked YAML `Node` into plain Python values according to a schema,
reporting missing, unknown, empty and mistyped fields as problems. The editor reference
(docs/reference.md) is generated from these declarations.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

from generator.content.yamlsrc import Node
from generator.problems import Problem, make
from generator.strings.problems_content import FIELD_HINTS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

MAX_TEXT = 500  # characters of a text value unless its field says otherwise
MAX_IDENTIFIER = 100  # a number, dossier or procedure code (real ones: 10 to 40 characters)
MAX_DIGITS = 30  # digits of a number value
MAX_FREE_TEXT = 5000  # free prose: a reason's detail, a correction's note, a withdrawal's reason

KIND_LABELS = {  # Vietnamese names of kinds, used in field-type messages
    "text": "chữ",
    "date": "ngày dạng YYYY-MM-DD",
    "bool": "true hoặc false",
    "int": "số nguyên",
    "number": "số",
    "map": "một bảng khóa: giá trị",
    "list": "một danh sách",
}


@dataclass(frozen=True)
class Field:
    """A field of a content file: name, kind, whether required, and what it means."""

    name: str
    kind: str  # text | date | bool | int | number | map | list
    description: str
    required: bool = False
    children: tuple[Field, ...] = ()  # for kind "map"
    item: Field | None = None  # for kind "list"
    choices: tuple[str, ...] = ()
    minimum: float | None = None  # for kinds "int" and "number"
    max_length: int = 0  # for kind "text": most characters allowed (0: MAX_TEXT)
    maximum: float | None = None  # for kinds "int" and "number"
    after_publication: bool = False  # written once the letter is public (a correction): not in `new`'s template


def F(name: str, kind: str, description: str, required: bool = False, **more: object) -> Field:
    """Shorthand used by the declarations below."""
    return Field(name, kind, description, required, **more)  # type: ignore[arg-type]


LETTER = (
    F("number", "text", "Số và ký hiệu văn bản, e.g. \"15/XL-STNMT\".", True, max_length=MAX_IDENTIFIER),
    F("issued_on", "date", "Ngày ban hành.", True),
    F("agency", "text", "Mã cơ quan ban hành (agencies.yml); equals the agency folder. Cơ quan có vùng mã "
      "(`namespace`): mã đầy đủ, e.g. dak-nong.so-xd.", True),
    F("signer", "map", "Người ký.", True, children=(
        F("name", "text", "Họ tên người ký.", True),
        F("title", "text", "Chức vụ người ký, e.g. \"Phó Giám đốc\"."),
    )),
    F("recipient", "map", "Người nhận (Kính gửi).", True, children=(
        F("kind", "text", "Cá nhân hay tổ chức.", True, choices=("individual", "organization")),
        F("name", "text", "Tên; cá nhân viết tắt, e.g. \"Ông N.V.A.\".", True),
    )),
    F("dossier", "map", "Hồ sơ bị trễ hạn.", True, children=(
        F("code", "text", "Mã hồ sơ trên giấy tiếp nhận; its yymmdd part is the receipt date.", True,
          max_length=MAX_IDENTIFIER),
        F("procedure", "text", "Tên thủ tục hành chính.", True),
        F("procedure_code", "text", "Mã thủ tục (optional), e.g. \"1.004227\".", max_length=MAX_IDENTIFIER),
        F("received_on", "date", "Ngày tiếp nhận hồ sơ.", True),
        F("due_on", "date", "Ngày hẹn trả kết quả ban đầu.", True),
        F("new_due_on", "date", "Ngày hẹn trả mới trong văn bản.", True),
        F("returned_on", "date", "Ngày kết quả giải quyết đã có tại Bộ phận một cửa, sẵn sàng trả (optional); "
          "not the day the citizen collects it: official statistics count on time by this date."),
    )),
    F("reason", "map", "Lý do trễ hạn.", True, children=(
        F("category", "text", "Mã nhóm lý do (reasons.yml).", True),
        F("detail", "text", "Diễn giải lý do.", max_length=MAX_FREE_TEXT),
    )),
    F("published_on", "date", "Ngày đăng công khai trên cổng.", True),
    F("privacy_reviewed", "bool", "Biên tập viên xác nhận bản PDF đã che thông tin cá nhân (bắt buộc với bản quét)."),
    F("corrections", "list", "Các lần đính chính, theo thứ tự.", after_publication=True,
      item=F("correction", "map", "Một lần đính chính.", children=(
          F("date", "date", "Ngày đính chính.", True),
          F("note", "text", "Nội dung đính chính.", True, max_length=MAX_FREE_TEXT),
          F("fields", "list", "Các trường được sửa, e.g. [dossier.new_due_on] (pdf: bản PDF); chỉ các trường "
            "này được thay đổi (bắt buộc với đính chính mới).", item=F("field", "text", "")),
      ))),
    F("withdrawn", "map", "Văn bản đã gỡ bỏ (vẫn được liệt kê, kèm lý do).", after_publication=True, children=(
        F("date", "date", "Ngày gỡ.", True),
        F("reason", "text", "Lý do gỡ.", True, max_length=MAX_FREE_TEXT),
    )),
)

PORTAL = (
    F("name", "text", "Tên cổng công khai.", True, max_length=200),
    F("owner", "text", "Đơn vị quản lý cổng.", True, max_length=200),
    F("site_url", "text", "Địa chỉ trang (wins over mkdocs.yml; a sub-path works).", True),
    F("contact", "text", "Thông tin liên hệ hiển thị cho người dân."),
    F("data_licence", "text", "Giấy phép dữ liệu mở, e.g. CC-BY-4.0.", max_length=100),
    F("pdf_base_url", "text", "Empty: PDFs served with the site; else their base URL."),
    F("policy", "map", "Chính sách kiểm tra.", children=(
        F("dossier_code_pattern", "text", "Biểu thức chính quy cho mã hồ sơ."),
        F("number_pattern", "text", "Biểu thức chính quy cho số, ký hiệu văn bản (sai mẫu: cảnh báo, và được quét "
          "thông tin cá nhân như văn bản thường)."),
        F("procedure_code_pattern", "text", "Biểu thức chính quy cho mã thủ tục (sai mẫu: cảnh báo, và được quét "
          "thông tin cá nhân)."),
        F("apology_lead_working_days", "int", "Số ngày làm việc tối thiểu trước hạn để được coi là xin lỗi kịp thời.",
          minimum=0, maximum=60),
        F("apology_lead_day_kind", "text", "Cách đếm số ngày trước hạn ('chậm nhất 01 ngày trước ngày hết hạn'): "
          "working (ngày làm việc, mặc định) hoặc calendar (ngày theo lịch).", choices=("working", "calendar")),
        F("mask_individual_names", "bool", "Tên cá nhân phải viết tắt."),
        F("max_pdf_bytes", "int", "Dung lượng PDF tối đa (byte).", minimum=1, maximum=1_000_000_000),
        F("max_pdf_pages", "int", "Số trang PDF tối đa.", minimum=1, maximum=10_000),
        F("pdf_timeout_seconds", "number", "Thời gian tối đa để mở một PDF (giây).", minimum=1, maximum=600),
        F("pdf_memory_mb", "int", "Bộ nhớ tối đa để mở một PDF (MB).", minimum=64, maximum=65_536),
        F("missing_letter_grace_working_days", "int", "Số ngày làm việc sau hạn trước khi hồ sơ quá hạn "
          "chưa có văn bản "
          "bị coi là thiếu (mặc định 0: văn bản xin lỗi phải có trước hạn; nếu đặt lớn hơn 0, hồ sơ trong khoảng "
          "này ghi là chưa nhận được bản sao).",
          minimum=0, maximum=250),
        F("public_contacts", "list", "Số điện thoại / e-mail được phép xuất hiện.", item=F("contact", "text", "")),
        F("sensitive_procedures", "list", "Cụm từ trong tên thủ tục nhạy cảm (không phân biệt dấu): văn bản của các "
          "thủ tục này cần privacy_reviewed: true. Absent: hộ tịch, khai sinh, khai tử, kết hôn, nhận cha, con nuôi, "
          "lý lịch tư pháp, bảo trợ xã hội, trợ cấp, người có công.", item=F("phrase", "text", "")),
    )),
    F("locality", "map", "Tỉnh/thành phố của cổng: mọi chữ riêng của địa phương trên trang lấy từ đây.", children=(
        F("kind", "text", "tỉnh hoặc thành phố ('Toàn tỉnh' / 'Toàn thành phố' trong báo cáo).",
          choices=("tỉnh", "thành phố")),
        F("name", "text", "Tên tỉnh/thành phố, e.g. \"Lâm Đồng\"."),
        F("notices", "list", "Văn bản của địa phương về văn bản xin lỗi, mỗi mục một đoạn trên trang chủ.",
          item=F("notice", "text", "")),
        F("tracking_units", "text", "Các đơn vị theo dõi nhận bản sao, e.g. \"Trung tâm Phục vụ hành chính công "
          "tỉnh; Bộ phận Một cửa cấp xã\"."),
    )),
    F("calendar", "map", "Điều chỉnh lịch làm việc của địa phương.", children=(
        F("days_off", "list", "Ngày nghỉ thêm.", item=F("day", "date", "")),
        F("working_days", "list", "Ngày làm bù thêm.", item=F("day", "date", "")),
    )),
    F("reports", "map", "Báo cáo định kỳ: kỳ báo cáo, dữ liệu phần mềm một cửa, phần đầu và cuối văn bản Word.",
      children=(
        F("period_scheme", "text", "Kỳ báo cáo: calendar (theo lịch) hoặc statistical (chốt số liệu từ ngày 15 "
          "tháng trước đến ngày 14, Nghị định 09/2019/NĐ-CP).", choices=("calendar", "statistical")),
        F("register_export", "text", "register/*.csv chứa: overdue (chỉ hồ sơ quá hạn) hoặc all (mọi hồ sơ tiếp "
          "nhận: tính được tỷ lệ đúng hạn).", choices=("overdue", "all")),
        F("issuer_parent", "text", "Cơ quan chủ quản ở đầu văn bản, e.g. \"UBND TỈNH ĐẮK NÔNG\"."),
        F("issuer", "text", "Đơn vị ban hành báo cáo (trống: owner)."),
        F("number_prefix", "text", "Ký hiệu văn bản sau số, e.g. \"BC-TTPVHCC\"."),
        F("place", "text", "Địa danh ghi trước ngày tháng, e.g. \"Gia Nghĩa\"."),
        F("recipients", "list", "Nơi nhận.", item=F("recipient", "text", "")),
        F("signer_authority", "text", "Thẩm quyền ký, e.g. \"KT. GIÁM ĐỐC\"."),
        F("signer_title", "text", "Chức vụ người ký, e.g. \"PHÓ GIÁM ĐỐC\"."),
        F("signer_name", "text", "Họ tên người ký."),
    )),
)

REGISTER = (  # the columns of register/*.csv (one row per dossier; header row first)
    F("dossier_code", "text", "Mã hồ sơ (khớp với dossier.code của văn bản).", True),
    F("agency", "text", "Mã cơ quan giải quyết (agencies.yml; cơ quan có vùng mã: mã đầy đủ, e.g. dak-nong.so-xd).",
      True),
    F("procedure", "text", "Tên thủ tục hành chính.", True),
    F("received_on", "date", "Ngày tiếp nhận.", True),
    F("due_on", "date", "Ngày hẹn trả kết quả.", True),
    F("returned_on", "date", "Ngày kết quả đã có tại Bộ phận một cửa, sẵn sàng trả (not the day the citizen "
      "collects it: official statistics count on time by this date; trống: chưa giải quyết xong)."),
    F("sector", "text", "Lĩnh vực của thủ tục (báo cáo theo lĩnh vực)."),
    F("procedure_code", "text", "Mã thủ tục hành chính, e.g. 1.004227 (đọc như chữ)."),
    F("channel", "text", "Hình thức tiếp nhận: online (trực tuyến) hoặc in-person (trực tiếp).",
      choices=("online", "in-person")),
)

_PERIOD = (
    F("value", "text", "Mã cơ quan.", True),
    F("from", "date", "Từ ngày (optional)."),
    F("until", "date", "Đến hết ngày (optional)."),
)

AGENCY = (
    F("code", "text", "Mã cơ quan [a-z0-9-]+, dùng trong đường dẫn.", True),
    F("name", "text", "Tên cơ quan.", True),
    F("namespace", "text", "Vùng mã [a-z0-9-]+ (optional): tỉnh cũ của một kho lưu trữ đã sáp nhập, e.g. dak-nong. "
      "Mã đầy đủ của cơ quan là `<namespace>.<code>` (dak-nong.so-xd): thư (`agency`, thư mục "
      "letters/<năm>/dak-nong.so-xd/), sổ theo dõi, parent, tracked_by, successor và đường dẫn trang dùng mã đầy đủ."),
    F("level", "text", "Cấp (một giá trị trong levels).", True),
    F("parent", "text", "Cơ quan cấp trên (optional)."),
    F("tracked_by", "text", "Đơn vị theo dõi, nhận bản sao và báo cáo (inherited from parent)."),
    F("contact", "text", "Liên hệ của cơ quan, hiển thị cho người dân."),
    F("valid_from", "date", "Ngày bắt đầu hoạt động (optional)."),
    F("valid_to", "date", "Ngày kết thúc hoạt động (optional)."),
    F("successor", "text", "Cơ quan kế nhiệm (optional; one successor)."),
    F("successors", "list", "Các cơ quan kế nhiệm khi cơ quan được chia cho nhiều nơi (optional; with `successor`, "
      "all of them count).", item=F("code", "text", "")),
    F("parent_periods", "list", "Cơ quan cấp trên theo thời gian (optional; wins over `parent` on the dates it "
      "covers).", item=F("period", "map", "Một giai đoạn.", children=_PERIOD)),
    F("tracked_by_periods", "list", "Đơn vị theo dõi theo thời gian (optional; wins over `tracked_by` on the dates "
      "it covers).", item=F("period", "map", "Một giai đoạn.", children=_PERIOD)),
    F("admin_code", "text", "Mã đơn vị hành chính chính thức (optional), e.g. mã xã 5 chữ số theo QĐ 19/2025/QĐ-TTg."),
    F("dossier_prefixes", "list", "Tiền tố mã hồ sơ của cơ quan (optional), e.g. \"000.00.28.H17\"; a letter whose "
      "dossier code starts with none of them gets a warning.", item=F("prefix", "text", "")),
)

LEVEL = (
    F("level", "text", "Tên cấp (một giá trị trong levels).", True),
    F("valid_from", "date", "Ngày cấp này bắt đầu tồn tại (optional)."),
    F("valid_to", "date", "Ngày cuối cùng cấp này tồn tại (optional), e.g. cấp huyện: 2025-06-30."),
)

AGENCIES = (
    F("agencies", "list", "Danh mục cơ quan.", True, item=F("agency", "map", "Một cơ quan.", children=AGENCY)),
    F("levels", "list", "Các cấp hành chính, từ cao xuống thấp.", True, item=F("level", "text", "")),
    F("level_validity", "list", "Thời gian tồn tại của từng cấp (optional). Absent: the default, district level "
      "until 2025-06-30 (two-tier local government from 1/7/2025).", item=F("level", "map", "Một cấp.",
                                                                              children=LEVEL)),
)

REASONS = (
    F("reasons", "list", "Các nhóm lý do trễ hạn.", True, item=F("reason", "map", "Một nhóm lý do.", children=(
        F("code", "text", "Mã nhóm lý do [a-z0-9-]+.", True),
        F("label", "text", "Tên nhóm lý do.", True),
    ))),
)


class Coerced:
    """Result of coercion: values, the line of each dotted field, and problems."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.unknown: list[_Unknown] = []  # reported once the whole file is coerced (with a hint)

    def fail(self, code: str, line: int | None, field: str, **params: object) -> None:
        self.problems.append(make(code, self.rel, line, field, **params))


def coerce(node: Node, fields: tuple[Field, ...], rel: str) -> tuple[dict, Coerced]:
    """Coerce a top-level mapping node against `fields`; unknown keys and wrong types are problems."""
    out = Coerced(rel)
    if not node.is_map:
        out.problems.append(make("yaml-not-mapping", rel, node.line))
        return {}, out
    values = _mapping(node, fields, "", out)
    _report_unknown(out)
    return values, out


@dataclass
class _Unknown:
    line: int
    path: str
    key: str
    prefix: str
    siblings: tuple[Field, ...]


def _report_unknown(out: Coerced) -> None:
    """Report unknown keys, naming the field most likely meant; that field is then not also 'missing'."""
    missing = {p.field for p in out.problems if p.code == "field-missing"}
    meant: set[str] = set()
    for unknown in out.unknown:
        names = {f.name.lower(): f.name for f in unknown.siblings}
        close = difflib.get_close_matches(unknown.key.lower(), list(names), n=1, cutoff=0.75)
        nested = [f"{unknown.prefix}{f.name}.{unknown.key}" for f in unknown.siblings
                  if f.kind == "map" and unknown.key in {c.name for c in f.children}]
        nested.sort(key=lambda path: path not in missing)
        if close:
            target = f"{unknown.prefix}{names[close[0]]}"
            hint = FIELD_HINTS["typo"].format(name=target)
        elif nested:
            target = nested[0]
            hint = FIELD_HINTS["indent"].format(name=target.rsplit(".", 1)[0])
        else:
            target, hint = "", FIELD_HINTS["unknown"]
        meant.add(target)
        out.fail("field-unknown", unknown.line, unknown.path, hint=hint)
    out.problems = [p for p in out.problems if not (p.code == "field-missing" and p.field in meant)]


def _mapping(node: Node, fields: tuple[Field, ...], prefix: str, out: Coerced) -> dict:
    known = {f.name: f for f in fields}
    values: dict = {}
    items: dict[str, Node] = node.value  # type: ignore[assignment]
    for key, child in items.items():
        path = f"{prefix}{key}"
        if key not in known:
            out.unknown.append(_Unknown(child.line, path, key, prefix, fields))
            continue
        out.lines[path] = child.line
        value = _value(child, known[key], path, out)
        if value is not None:
            values[key] = value
    for field in fields:
        path = f"{prefix}{field.name}"
        if field.required and field.name not in values and not _reported(out, path):
            if field.name in items and items[field.name].reported:
                continue  # an alias: already reported
            present = field.name in items and items[field.name].value is not None
            out.fail("field-missing" if not present else "field-type", node.line if not present else
                     items[field.name].line, path, expected=KIND_LABELS[field.kind])
    return values


def _reported(out: Coerced, path: str) -> bool:
    return any(p.field == path for p in out.problems)


def _value(node: Node, field: Field, path: str, out: Coerced) -> object:
    if node.value is None:
        if field.required and not node.reported:
            out.fail("field-empty" if field.kind == "text" else "field-missing", node.line, path)
        return None
    if field.kind == "map":
        if not node.is_map:
            return _type_error(node, field, path, out)
        return _mapping(node, field.children, f"{path}.", out)
    if field.kind == "list":
        if not node.is_list:
            return _type_error(node, field, path, out)
        values = []
        for index, child in enumerate(node.value):  # type: ignore[arg-type]
            item_path = f"{path}.{index}"
            out.lines[item_path] = child.line
            value = _value(child, field.item, item_path, out)  # type: ignore[arg-type]
            if value is not None:
                values.append(value)
        return values
    if not node.is_scalar:
        return _type_error(node, field, path, out)
    return _scalar(node, field, path, out)


def _scalar(node: Node, field: Field, path: str, out: Coerced) -> object:
    text: str = node.value  # type: ignore[assignment]
    if field.kind == "text":
        if not text.strip():
            if field.required:
                out.fail("field-empty", node.line, path)
                return None
            return ""
        if len(text) > (field.max_length or MAX_TEXT):
            out.fail("field-too-long", node.line, path, length=len(text), limit=field.max_length or MAX_TEXT)
            return None
        if field.choices and text not in field.choices:
            out.fail("field-choice", node.line, path, value=text, choices=", ".join(field.choices))
            return None
        return text.strip()
    if field.kind == "date":
        try:
            if not _DATE.match(text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            out.fail("date-invalid", node.line, path, value=text)
            return None
    if field.kind == "bool" and node.plain and text in _TRUE | _FALSE:
        return text in _TRUE
    if field.kind in ("int", "number") and node.plain and (_INT if field.kind == "int" else _NUMBER).match(text):
        if len(text) > MAX_DIGITS:  # int() refuses 4,300 digits and more: a number this long is never meant
            out.fail("field-above-maximum", node.line, path, maximum=f"{field.maximum or 10 ** MAX_DIGITS:g}",
                     value=text[:40] + "…")
            return None
        number = int(text) if field.kind == "int" else float(text)
        if field.minimum is not None and number < field.minimum:
            out.fail("field-range", node.line, path, minimum=f"{field.minimum:g}", value=text)
            return None
        if field.maximum is not None and number > field.maximum:
            out.fail("field-above-maximum", node.line, path, maximum=f"{field.maximum:g}", value=text[:40])
            return None
        return number
    return _type_error(node, field, path, out)


def _type_error(node: Node, field: Field, path: str, out: Coerced) -> None:
    out.fail("field-type", node.line, path, expected=KIND_LABELS[field.kind])
    return None
