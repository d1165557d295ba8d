"""`new`: a demo-like PDF becomes a letter that passes `check` once its placeholders are filled."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from generator.checks.orchestrator import check_content
from generator.commands.cli import main
from generator.content.newletter import MARKER, Draft, extract, letter_yaml, next_id
from generator.content.schema import LETTER
from generator.strings.new_letter import HINTS
from tests.helpers import make_content, pdf_bytes

TODAY = "2018-06-01"
FORM = (  # the text of a Mẫu số 04 letter, as a portal's office prints it
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
    "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
    "Số: 21/XL-STNMT",
    "Gia Nghĩa, ngày 12 tháng 05 năm 2018",
    "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "Kính gửi: Bà T.T.B.",
    "Ngày tiếp nhận hồ sơ: 23/04/2018",
    "Mã hồ sơ: 000.00.21.H17-180423-0031",
    "Nội dung yêu cầu giải quyết: Cấp giấy chứng nhận quyền sử dụng đất",
    "Ngày hẹn trả kết quả giải quyết hồ sơ: 14/05/2018",
    "Lý do: Cần xác minh nguồn gốc đất.",
    "Sở xin lỗi và hẹn lại ngày trả kết quả vào ngày 25 tháng 05 năm 2018.",
    "Liên hệ: 0261 3 544 210",
)
NEW = "letters/2018/so-tnmt/2018-05-0002"


@pytest.fixture
def root(tmp_path):
    root = make_content(tmp_path, letters=1)
    (tmp_path / "letter.pdf").write_bytes(pdf_bytes(*FORM))
    return root


def new(root, pdf, *extra):
    return main(["new", str(pdf), "--agency", "so-tnmt", "--content", str(root), "--today", TODAY,
                 "--cache-dir", str(root.parent / "cache"), *extra])


def letter_files(root):
    return sorted(p.relative_to(root).as_posix() for p in (root / "letters").rglob("*.*"))


def fill(path, **values):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dotted, value in values.items():
        *parents, last = dotted.split(".")
        target = data
        for key in parents:
            target = target.setdefault(key, {})
        target[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_extract_reads_a_form_letter():
    found = extract("\n".join(FORM)).values
    assert found == {
        "number": "21/XL-STNMT",
        "issued_on": date(2018, 5, 12),
        "recipient.kind": "individual",
        "recipient.name": "Bà T.T.B.",
        "dossier.code": "000.00.21.H17-180423-0031",
        "dossier.procedure": "Cấp giấy chứng nhận quyền sử dụng đất",
        "dossier.received_on": date(2018, 4, 23),
        "dossier.due_on": date(2018, 5, 14),
        "dossier.new_due_on": date(2018, 5, 25),
        "reason.detail": "Cần xác minh nguồn gốc đất.",
    }


def schema_letter_fields(fields=LETTER, prefix="", required=True):
    """(dotted name, required) of every field a new letter holds, read from the schema (maps opened; the
    fields written once the letter is public left out)."""
    for field in fields:
        if not field.after_publication:
            name = f"{prefix}{field.name}"
            if field.kind == "map":
                yield from schema_letter_fields(field.children, f"{name}.", required and field.required)
            else:
                yield name, required and field.required


def flat(data, prefix=""):
    """Dotted names of a loaded YAML mapping's leaves, in order."""
    for key, value in data.items():
        yield from flat(value, f"{prefix}{key}.") if isinstance(value, dict) else [f"{prefix}{key}"]


@pytest.mark.parametrize("scan", [False, True])
def test_the_template_lists_every_letter_field_of_the_schema_in_its_order(scan):
    text, missing = letter_yaml(Draft(), source_name="x.pdf", reasons=["verification"], scan=scan)
    optional_opened = re.sub(r"^( *)# (\w+):", r"\1\2:", text, flags=re.M)  # "# title:  # tùy chọn: …"
    fields = dict(schema_letter_fields())
    if not scan:
        del fields["privacy_reviewed"]  # a PDF with a text layer has been scanned for personal data already
    assert list(flat(yaml.safe_load(optional_opened))) == list(fields)
    assert missing == [name for name, required in fields.items() if required or name == "privacy_reviewed"]
    assert "corrections" not in text and "withdrawn" not in text
    assert set(HINTS) <= set(dict(schema_letter_fields())) - {"privacy_reviewed"}  # no hint of a field gone


def test_extract_of_a_scan_is_empty():
    assert extract("").values == {}


def test_new_letter_passes_check_after_filling_placeholders(root, capsys):
    assert new(root, root.parent / "letter.pdf") == 0
    yml = root / f"{NEW}.yml"
    text = yml.read_text(encoding="utf-8")
    assert (root / f"{NEW}.pdf").read_bytes() == (root.parent / "letter.pdf").read_bytes()
    placeholders = [line.split(":")[0].strip() for line in text.splitlines() if f"# {MARKER}" in line]
    assert placeholders == ["name", "category"]  # signer.name, reason.category: the text does not say
    err = capsys.readouterr().err
    assert "signer.name, reason.category" in err
    result = check_content(root, date(2018, 6, 1), cache_dir=root.parent / "cache")
    assert sorted({(p.code, p.field) for p in result.problems if p.file == f"{NEW}.yml"}) == [
        ("field-empty", "reason.category"), ("field-empty", "signer.name")]
    fill(yml, **{"signer.name": "Nguyễn Văn Bình", "reason.category": "verification"})
    result = check_content(root, date(2018, 6, 1), cache_dir=root.parent / "cache")
    assert [(p.code, p.file) for p in result.problems] == []
    letter = result.content.letters[-1]
    assert (letter.id, letter.number, letter.dossier.new_due_on, letter.published_on) == (
        "2018-05-0002", "21/XL-STNMT", date(2018, 5, 25), date(2018, 6, 1))


def test_hostile_pdf_is_never_copied(root, capsys):
    before = letter_files(root)
    hostile = pdf_bytes(*FORM).replace(b"%%EOF", b"%%EOF\n<html><script>alert(1)</script></html>")
    (root.parent / "hostile.pdf").write_bytes(hostile)
    assert new(root, root.parent / "hostile.pdf") == 1
    out = capsys.readouterr().out
    assert "pdf-trailing-data" in out
    assert "1 văn bản" in out  # the summary counts the one PDF checked
    assert letter_files(root) == before


def test_pdf_with_personal_data_is_never_copied(root, capsys):
    before = letter_files(root)
    (root.parent / "leak.pdf").write_bytes(pdf_bytes(*FORM, "Số CCCD: 001 085 012 345"))
    assert new(root, root.parent / "leak.pdf") == 1
    assert "privacy-pdf-citizen-id" in capsys.readouterr().out
    assert letter_files(root) == before


def test_scan_needs_issued_on_and_a_privacy_review(root):
    scan = root.parent / "scan.pdf"
    scan.write_bytes(pdf_bytes(*FORM, scan=True))
    before = letter_files(root)
    assert new(root, scan) == 2  # no text layer: no date of issue
    assert letter_files(root) == before
    assert new(root, scan, "--issued-on", "2018-05-12") == 0
    yml = root / f"{NEW}.yml"
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    assert (data["issued_on"], data["agency"], data["privacy_reviewed"]) == (date(2018, 5, 12), "so-tnmt", False)
    fill(yml, number="21/XL-STNMT", **{
        "signer.name": "Nguyễn Văn Bình", "recipient.kind": "individual", "recipient.name": "Bà T.T.B.",
        "dossier.code": "000.00.21.H17-180423-0031", "dossier.procedure": "Cấp giấy chứng nhận quyền sử dụng đất",
        "dossier.received_on": "2018-04-23", "dossier.due_on": "2018-05-14", "dossier.new_due_on": "2018-05-25",
        "reason.category": "verification"})
    problems = check_content(root, date(2018, 6, 1), cache_dir=root.parent / "cache").problems
    assert [p.code for p in problems if p.severity == "error"] == ["pdf-no-text-layer"]
    fill(yml, privacy_reviewed=True)
    problems = check_content(root, date(2018, 6, 1), cache_dir=root.parent / "cache").problems
    assert [p for p in problems if not p.code.startswith("ocr-")] == []  # OCR may ask to review the tiny scan


def test_usage_errors_copy_nothing(root):
    before = letter_files(root)
    assert main(["new", str(root.parent / "letter.pdf"), "--agency", "so-khong-co", "--content", str(root)]) == 2
    assert new(root, root.parent / "letter.pdf", "--id", "2018-05-0001") == 2  # id taken
    assert new(root, root.parent / "letter.pdf", "--id", "Bad_ID") == 2
    assert new(root, root.parent / "missing.pdf") == 2
    assert letter_files(root) == before


def test_next_id_is_the_next_free_number_of_the_month(tmp_path):
    root = make_content(tmp_path, letters=3)
    assert next_id(root, date(2018, 5, 31)) == "2018-05-0004"
    assert next_id(root, date(2018, 6, 1)) == "2018-06-0001"


DEMO_FIELDS = {  # a demo letter as scripts/letterkit.py draws it (scripts/make_demo.py uses the same kit)
    "id": "2018-05-0007", "number": "16/XL-STNMT", "issued_on": "2018-05-09", "agency": "so-tnmt",
    "agency_name": "Sở Tài nguyên và Môi trường", "parent_name": "UBND tỉnh Đắk Nông",
    "signer": {"name": "Nguyễn Văn Bình", "title": "Phó Giám đốc"},
    "recipient": {"kind": "individual", "name": "Ông N.V.A."},
    "dossier": {"code": "000.00.21.H17-180420-0077", "procedure": "Đăng ký biến động quyền sử dụng đất",
                "procedure_code": "1.004227", "received_on": "2018-04-20", "due_on": "2018-05-04",
                "new_due_on": "2018-05-15"},
    "reason": {"category": "inter-agency", "detail": "Chờ ý kiến phối hợp của Chi cục Thuế."},
    "published_on": "2018-05-10",
}


def test_new_on_a_demo_pdf_reads_everything_but_the_reason_category(root):
    from scripts.letterkit import letter_pdf

    demo = root.parent / "demo.pdf"
    demo.write_bytes(letter_pdf(DEMO_FIELDS))
    assert new(root, demo) == 0
    yml = root / f"{NEW}.yml"
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    assert data["signer"] == {"name": "Nguyễn Văn Bình", "title": "Phó giám đốc"}
    assert data["dossier"] == {k: (date.fromisoformat(v) if k.endswith("_on") else v)
                               for k, v in DEMO_FIELDS["dossier"].items()}
    assert (data["number"], data["issued_on"], data["recipient"]["name"], data["reason"]["detail"]) == (
        "16/XL-STNMT", date(2018, 5, 9), "Ông N.V.A.", "Chờ ý kiến phối hợp của Chi cục Thuế.")
    fill(yml, **{"reason.category": "inter-agency"})
    assert check_content(root, date(2018, 6, 1), cache_dir=root.parent / "cache").problems == []
