"""Each content rule: a passing case (the base fixture) and a failing case, compared structurally."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks.orchestrator import check_content
from tests.helpers import DROP, make_content, write_letter

TODAY = date(2018, 6, 1)
LETTER = "letters/2018/so-tnmt/2018-05-0001.yml"


def problems_of(root, **kwargs):
    result = check_content(root, kwargs.pop("today", TODAY), run_pdf_gate=False, **kwargs)
    return [(p.code, p.file, p.line, p.field) for p in result.problems]


def codes_of(root):
    return [p[0] for p in problems_of(root)]


def test_base_fixture_is_valid(tmp_path):
    root = make_content(tmp_path, letters=3)
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.problems == []
    assert result.valid
    assert [letter.id for letter in result.content.letters] == ["2018-05-0001", "2018-05-0002", "2018-05-0003"]


def test_identifiers_are_read_as_written(tmp_path):
    root = make_content(tmp_path, letters=0)
    path = write_letter(root)
    text = path.read_text(encoding="utf-8").replace("'1.004227'", "1.004220").replace("'15/XL-STNMT'", "15/XL-STNMT")
    path.write_text(text, encoding="utf-8")
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.problems == []
    assert result.content.letters[0].dossier.procedure_code == "1.004220"


# (overrides, expected (code, line-bearing field)) — each rule of CONTENT.md fails here
CASES = [
    ({"number": DROP}, [("field-missing", "number")]),
    ({"signer.name": DROP}, [("field-missing", "signer.name")]),
    ({"numbr": "x"}, [("field-unknown", "numbr")]),
    ({"dossier.extra": "x"}, [("field-unknown", "dossier.extra")]),
    ({"issued_on": "09/05/2018"}, [("date-invalid", "issued_on")]),
    ({"issued_on": "2018-02-30"}, [("date-invalid", "issued_on")]),
    ({"privacy_reviewed": "yes"}, [("field-type", "privacy_reviewed")]),
    ({"recipient.kind": "person"}, [("field-choice", "recipient.kind")]),
    ({"signer": "Nguyễn Văn Bình"}, [("field-type", "signer")]),
    ({"agency": "so-khong-co"}, [("agency-unknown", "agency")]),
    ({"reason.category": "lazy"}, [("reason-unknown", "reason.category")]),
    ({"dossier.received_on": "2018-05-05", "dossier.code": "000.00.21.H17-180505-0012"},
     [("dates-received-after-due", "dossier.due_on")]),
    ({"dossier.new_due_on": "2018-05-04", "dossier.returned_on": DROP},
     [("dates-new-due-not-after-due", "dossier.new_due_on")]),
    ({"dossier.received_on": "2018-04-20", "issued_on": "2018-04-19"},
     [("dates-issued-before-received", "issued_on")]),
    ({"published_on": "2018-05-08"}, [("dates-published-before-issued", "published_on")]),
    ({"dossier.returned_on": "2018-05-04"}, [("dates-returned-not-after-due", "dossier.returned_on")]),
    ({"published_on": "2018-06-02"}, [("dates-in-future", "published_on")]),
    ({"dossier.code": "HS-2018-12"}, [("dossier-code-pattern", "dossier.code")]),
    ({"recipient.name": "Nguyễn Văn An"}, [("privacy-name-not-masked", "recipient.name")]),
    ({"reason.detail": "Liên hệ ông A qua số 0912 345 678."}, [("privacy-phone", "reason.detail")]),
    ({"reason.detail": "Gửi về nguyenvana@gmail.com."}, [("privacy-email", "reason.detail")]),
    ({"reason.detail": "Số CCCD 001092012345 sai."}, [("privacy-citizen-id", "reason.detail")]),
    ({"reason.detail": "Xin lỗi ông bà."}, [("text-not-nfc", "reason.detail")]),
    ({"reason.detail": "§éc lËp - Tù do - H¹nh phóc"}, [("text-legacy-encoding", "reason.detail")]),
    ({"corrections": [{"date": "2018-05-09", "note": "Sửa ngày."}]},
     [("dates-correction-order", "corrections.0.date")]),
]


@pytest.mark.parametrize(("overrides", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_each_rule_fails(tmp_path, overrides, expected):
    root = make_content(tmp_path, letters=0)
    if "reason.detail" in overrides and "ông bà" in str(overrides["reason.detail"]):
        overrides = {"reason.detail": "Xin lo\u0303i ông bà."}  # decomposed tilde: not NFC
    write_letter(root, **overrides)
    got = [(code, field) for code, _file, _line, field in problems_of(root)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_problems_carry_the_yaml_line(tmp_path):
    root = make_content(tmp_path, letters=0)
    path = write_letter(root, **{"dossier.code": "bad-code"})
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "bad-code" in text)
    assert problems_of(root) == [("dossier-code-pattern", LETTER, line, "dossier.code")]


def test_warnings_do_not_fail(tmp_path):
    root = make_content(tmp_path, letters=0)
    write_letter(root, **{"dossier.returned_on": "2018-05-18", "dossier.code": "000.00.21.H17-180421-0012"})
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.severity) for p in result.problems] == [
        ("dossier-date-mismatch", "warning"), ("returned-after-new-due", "warning")]
    assert result.valid


def test_cross_letter_rules(tmp_path):
    root = make_content(tmp_path, letters=0)
    write_letter(root, "a")
    write_letter(root, "b")  # same number, same dossier code
    problems = problems_of(root)
    assert sorted((code, file) for code, file, _l, _f in problems) == [
        ("dossier-code-repeated", "letters/2018/so-tnmt/b.yml"),
        ("number-duplicate", "letters/2018/so-tnmt/b.yml"),
    ]


def test_layout_rules(tmp_path):
    root = make_content(tmp_path, letters=1)
    folder = root / "letters" / "2018" / "so-tnmt"
    (folder / "stray.yaml").write_text("x: 1\n")
    (folder / "orphan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "letters" / "loose.yml").write_text("x: 1\n")
    write_letter(root, "2019-wrong-year")
    (root / "letters" / "2018" / "so-tnmt" / "2019-wrong-year.yml").rename(folder / "Bad_ID.yml")
    (folder / "2019-wrong-year.pdf").rename(folder / "Bad_ID.pdf")
    write_letter(root, "nopdf", number="99/XL", **{"dossier.code": "000.00.21.H17-180420-0099"})
    (folder / "nopdf.pdf").unlink()
    codes = sorted((code, file) for code, file, _l, _f in problems_of(root))
    assert codes == sorted([
        ("layout-unexpected-file", "letters/2018/so-tnmt/stray.yaml"),
        ("layout-unexpected-file", "letters/2018/so-tnmt/orphan.pdf"),
        ("layout-unexpected-file", "letters/loose.yml"),
        ("layout-bad-id", "letters/2018/so-tnmt/Bad_ID.yml"),
        ("number-duplicate", "letters/2018/so-tnmt/Bad_ID.yml"),
        ("pdf-missing", "letters/2018/so-tnmt/nopdf.yml"),
    ])


def test_symlinked_pdf_is_rejected(tmp_path):
    root = make_content(tmp_path, letters=1)
    pdf = root / "letters" / "2018" / "so-tnmt" / "2018-05-0001.pdf"
    target = tmp_path / "elsewhere.pdf"
    pdf.rename(target)
    pdf.symlink_to(target)
    assert codes_of(root) == ["pdf-not-regular"]


def test_agency_must_be_valid_on_issue_date(tmp_path):
    root = make_content(tmp_path, letters=0)
    write_letter(root, agency="ubnd-xa-cu-jut")  # valid only from 2025-07-01
    assert codes_of(root) == ["agency-not-valid"]


def test_yaml_errors_do_not_hide_other_letters(tmp_path):
    root = make_content(tmp_path, letters=2)
    bad = root / "letters" / "2018" / "so-tnmt" / "2018-05-0001.yml"
    bad.write_text("number: '15/XL\nissued_on: [\n", encoding="utf-8")
    write_letter(root, "2018-05-0003", number="30/XL", **{"dossier.code": "bad"})
    got = [(code, file) for code, file, _l, _f in problems_of(root)]
    assert got == [
        ("yaml-syntax", "letters/2018/so-tnmt/2018-05-0001.yml"),
        ("dossier-code-pattern", "letters/2018/so-tnmt/2018-05-0003.yml"),
    ]


def test_duplicate_keys_and_aliases(tmp_path):
    root = make_content(tmp_path, letters=1)
    path = root / "letters" / "2018" / "so-tnmt" / "2018-05-0001.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "number: '16/XL-STNMT'\n", encoding="utf-8")
    assert codes_of(root) == ["yaml-duplicate-key"]


def test_registry_integrity(tmp_path):
    agencies = {"agencies": [
        {"code": "a", "name": "A", "level": "province", "parent": "b"},
        {"code": "b", "name": "B", "level": "province", "parent": "a"},
        {"code": "c", "name": "C", "level": "galaxy", "tracked_by": "nobody"},
        {"code": "c", "name": "C again", "level": "province"},
        {"code": "so-tnmt", "name": "Sở", "level": "province", "valid_from": "2020-01-01",
         "valid_to": "2010-01-01"},
    ], "levels": ["province"]}
    root = make_content(tmp_path, letters=0, agencies=agencies)
    got = sorted((code, field) for code, file, _l, field in problems_of(root) if file == "agencies.yml")
    assert got == sorted([
        ("registry-cycle", "agencies.0.parent"),
        ("registry-unknown-level", "agencies.2.level"),
        ("registry-unknown-ref", "agencies.2.tracked_by"),
        ("registry-duplicate-code", "agencies.3.code"),
        ("registry-bad-window", "agencies.4.valid_to"),
    ])


def test_missing_settings_files(tmp_path):
    root = make_content(tmp_path, letters=1)
    (root / "reasons.yml").unlink()
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.file) for p in result.problems] == [("config-missing", "reasons.yml")]
    assert not result.valid
