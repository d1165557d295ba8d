"""Each per-letter rule of generator/checks/letters.py on its own: the base letter passes, and each bad case
gives exactly its problem (code, field, line), at the line of the field in the file."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, timedelta

import pytest

from generator.checks import letters as rules
from generator.checks.pdfgate.facts import PdfFacts
from generator.content.model import Policy
from tests.helpers import AGENCIES, DROP, PORTAL
from tests.unit.kit import TODAY, found, lines_point_at_fields, world

TOMORROW = (TODAY + timedelta(days=1)).isoformat()


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


@pytest.mark.parametrize("check", rules.LETTER_CHECKS, ids=lambda c: c.__name__)
def test_the_base_letter_passes_every_check(w, check):
    assert list(check(w.letter(), w.context())) == []


def run(w, check, **overrides):
    letter = w.letter(**overrides)
    problems = list(check(letter, w.context()))
    lines_point_at_fields(w.root, problems)
    return letter, problems


# --- check_layout: the source path is the model's, so each case moves the letter in the model only
LAYOUT = [
    ("letters/2018/so-tnmt/2018-05-0001.yml", []),
    ("letters/2017/so-tnmt/2018-05-0001.yml", [("layout-wrong-year", "issued_on")]),
    ("letters/2018/tthcc/2018-05-0001.yml", [("layout-wrong-agency", "agency")]),
    ("letters/2017/tthcc/2018-05-0001.yml", [("layout-wrong-year", "issued_on"), ("layout-wrong-agency", "agency")]),
]


@pytest.mark.parametrize(("source", "expected"), LAYOUT)
def test_layout(w, source, expected):
    letter = dataclasses.replace(w.letter(), source=source)
    problems = list(rules.check_layout(letter, w.context()))
    assert [(p.code, p.field) for p in problems] == expected
    assert all(p.file == source and p.line == letter.line_of(p.field) for p in problems)


@pytest.mark.parametrize("bad_id", ["Thu_2018", "2018 05", "đơn-1"])
def test_layout_bad_id(w, bad_id):
    letter = dataclasses.replace(w.letter(), id=bad_id)
    assert found(rules.check_layout(letter, w.context())) == [("layout-bad-id", None, None)]


# --- check_pdf_present: what stands where the PDF should be
def _replace_pdf(path, kind):
    path.unlink()
    if kind == "dir":
        path.mkdir()
    elif kind == "symlink":
        (path.parent / "elsewhere.bin").write_bytes(b"%PDF-1.4")
        os.symlink("elsewhere.bin", path)
    elif kind == "upper":
        path.with_suffix(".PDF").write_bytes(b"%PDF-1.4")


@pytest.mark.parametrize(("kind", "withdrawn", "expected"), [
    ("missing", False, "pdf-missing"),
    ("missing", True, None),  # a withdrawn letter's PDF may be taken down
    ("dir", False, "pdf-not-regular"),
    ("symlink", False, "pdf-not-regular"),
    ("symlink", True, "pdf-not-regular"),
    ("upper", False, None),  # x.PDF: the layout check names it
])
def test_pdf_present(w, kind, withdrawn, expected):
    extra = {"withdrawn": {"date": "2018-05-20", "reason": "Đăng nhầm."}} if withdrawn else {}
    letter = w.letter(**extra)
    _replace_pdf(w.root / letter.pdf_source, kind)
    problems = list(rules.check_pdf_present(letter, w.context()))
    assert [p.code for p in problems] == ([expected] if expected else [])
    for p in problems:
        assert p.file == (letter.source if expected == "pdf-missing" else letter.pdf_source)
        assert p.line is None and p.field is None


# --- check_references
REFERENCES = [
    ({"agency": "so-khong-co"}, [("agency-unknown", "agency")]),
    ({"reason.category": "lazy"}, [("reason-unknown", "reason.category")]),
    ({"agency": "ubnd-xa-cu-jut"}, [("agency-not-valid", "issued_on")]),  # valid from 2025-07-01
    ({"agency": "so-khong-co", "reason.category": "lazy"},
     [("agency-unknown", "agency"), ("reason-unknown", "reason.category")]),
]


@pytest.mark.parametrize(("overrides", "expected"), REFERENCES)
def test_references(w, overrides, expected):
    letter, problems = run(w, rules.check_references, **overrides)
    assert [(p.code, p.field) for p in problems] == expected
    assert all(p.line == letter.line_of(p.field) is not None for p in problems)


def test_references_of_a_broken_registry_entry_are_not_unknown(w):
    letter = w.letter(agency="so-hong", **{"reason.category": "hong"})
    ctx = w.context(broken_codes=frozenset({"so-hong", "hong"}))
    assert list(rules.check_references(letter, ctx)) == []


def test_references_wait_for_a_registry_that_did_not_load(w):
    letter = w.letter(agency="so-khong-co")
    ctx = dataclasses.replace(w.context(), agencies={}, registries_ok=False)
    assert list(rules.check_references(letter, ctx)) == []


def test_agency_not_valid_names_the_window_and_the_successor(w):
    letter = w.letter(agency="ubnd-cu-jut", issued_on="2025-07-02", published_on="2025-07-02",
                      **{"dossier.received_on": "2025-07-01", "dossier.due_on": "2025-07-03",
                         "dossier.new_due_on": "2025-07-10", "dossier.returned_on": DROP})
    (problem,) = rules.check_references(letter, w.context(today=date(2025, 8, 1)))
    assert problem.code == "agency-not-valid"
    assert "2004-01-01 – 2025-06-30" in problem.message
    assert "ubnd-xa-cu-jut" in problem.message


def test_a_plain_code_inside_namespaces_asks_for_the_namespace(tmp_path):
    agencies = {**AGENCIES, "agencies": [*AGENCIES["agencies"],
                                         {"code": "so-xd", "name": "Sở Xây dựng", "level": "province",
                                          "namespace": "dak-nong"}]}
    w = world(tmp_path, agencies=agencies)
    letter = w.letter(agency="so-xd")
    (problem,) = rules.check_references(letter, w.context())
    assert (problem.code, problem.field) == ("agency-code-needs-namespace", "agency")
    assert "dak-nong.so-xd" in problem.message


# --- check_dates: one case per order rule, and "not in the future" for every past date
DATES = [
    ({"dossier.received_on": "2018-05-05"}, [("dates-received-after-due", "dossier.due_on")]),
    ({"dossier.new_due_on": "2018-05-04", "dossier.returned_on": DROP},
     [("dates-new-due-not-after-due", "dossier.new_due_on")]),
    ({"dossier.new_due_on": "2018-05-03", "dossier.returned_on": DROP},
     [("dates-new-due-not-after-due", "dossier.new_due_on")]),
    ({"issued_on": "2018-04-19"}, [("dates-issued-before-received", "issued_on")]),
    ({"published_on": "2018-05-08"}, [("dates-published-before-issued", "published_on")]),
    ({"dossier.returned_on": "2018-05-04"}, [("dates-returned-not-after-due", "dossier.returned_on")]),
    ({"dossier.returned_on": "2018-05-01"}, [("dates-returned-not-after-due", "dossier.returned_on")]),
    ({"dossier.returned_on": "2018-05-16"}, [("returned-after-new-due", "dossier.returned_on")]),
    ({"corrections": [{"date": "2018-05-09", "note": "Sửa.", "fields": ["reason.detail"]}]},
     [("dates-correction-order", "corrections.0.date")]),
    ({"corrections": [{"date": "2018-05-12", "note": "Sửa.", "fields": ["reason.detail"]},
                      {"date": "2018-05-11", "note": "Sửa lại.", "fields": ["reason.detail"]}]},
     [("dates-correction-order", "corrections.1.date")]),
    ({"corrections": [{"date": TOMORROW, "note": "Sửa.", "fields": ["reason.detail"]}]},
     [("dates-in-future", "corrections.0.date")]),
    ({"withdrawn": {"date": TOMORROW, "reason": "Đăng nhầm."}}, [("dates-in-future", "withdrawn.date")]),
    ({"dossier.returned_on": DROP}, []),
    ({"corrections": [{"date": "2018-05-10", "note": "Cùng ngày.", "fields": ["reason.detail"]}]}, []),
]


@pytest.mark.parametrize(("overrides", "expected"), DATES)
def test_dates(w, overrides, expected):
    _, problems = run(w, rules.check_dates, **overrides)
    assert [(p.code, p.field) for p in problems] == expected
    assert all(p.line is not None for p in problems)


@pytest.mark.parametrize("field", ["dossier.received_on", "issued_on", "published_on", "dossier.returned_on"])
def test_a_past_date_after_today_is_in_the_future(w, field):
    _, problems = run(w, rules.check_dates, **{field: TOMORROW, "dossier.new_due_on": TOMORROW,
                                              "dossier.due_on": TOMORROW, "published_on": TOMORROW})
    future = [p.field for p in problems if p.code == "dates-in-future"]
    assert field in future
    assert set(future) <= {"dossier.received_on", "issued_on", "published_on", "dossier.returned_on"}


def test_today_itself_is_not_in_the_future(w):
    letter = w.letter(published_on=TODAY.isoformat())
    assert [p.code for p in rules.check_dates(letter, w.context())] == []
    assert [p.code for p in rules.check_dates(letter, w.context(today=TODAY - timedelta(days=1)))] == \
        ["dates-in-future"]


# --- check_dossier_code
DOSSIER = [
    ("000.00.21.H17-180420-0012", []),
    ("H17-180420-0012", []),  # the agency prefix is optional
    ("H17.1.2-180420-12345", []),
    ("000.00.21.H17-180421-0012", [("dossier-date-mismatch", "dossier.code")]),
    ("000.00.21.H17-170420-0012", [("dossier-date-mismatch", "dossier.code")]),
    ("000.00.21.H17-180420-12", [("dossier-code-pattern", "dossier.code")]),
    ("h17-180420-0012", [("dossier-code-pattern", "dossier.code")]),
    ("HS 0012", [("dossier-code-pattern", "dossier.code")]),
]


@pytest.mark.parametrize(("code", "expected"), DOSSIER)
def test_dossier_code(w, code, expected):
    letter, problems = run(w, rules.check_dossier_code, **{"dossier.code": code})
    assert [(p.code, p.field) for p in problems] == expected
    assert all(p.line == letter.line_of("dossier.code") for p in problems)


def test_dossier_code_date_is_shown_as_written(w):
    (problem,) = run(w, rules.check_dossier_code, **{"dossier.code": "000.00.21.H17-180421-0012"})[1]
    assert "21/04/18" in problem.message


def test_dossier_code_follows_the_portal_pattern(tmp_path):
    portal = {**PORTAL, "policy": {**PORTAL["policy"], "dossier_code_pattern": r"^HS-\d+$"}}
    w = world(tmp_path, portal=portal)
    assert list(rules.check_dossier_code(w.letter(**{"dossier.code": "HS-12"}), w.context())) == []
    bad = list(rules.check_dossier_code(w.letter("b", **{"dossier.code": "000.00.21.H17-180420-0012"}),
                                        w.context()))
    assert [p.code for p in bad] == ["dossier-code-pattern"]


def test_a_misshaped_code_holding_a_phone_number_is_masked_in_the_message(w):
    (problem,) = run(w, rules.check_dossier_code, **{"dossier.code": "Gọi 0912 345 678"})[1]
    assert "0912 345 678" not in problem.message


# --- check_identifier_patterns: the number and the procedure code (the dossier code is check_dossier_code's)
IDENTIFIERS = [
    ({"number": "15/XL-STNMT"}, []),
    ({"number": "12/2024/XL-UBND"}, []),
    ({"number": "XL-15"}, [("number-pattern", "number")]),
    ({"number": "15/xl-stnmt"}, [("number-pattern", "number")]),
    ({"dossier.procedure_code": "3.000181.000.00.00.H22"}, []),
    ({"dossier.procedure_code": "1004227"}, [("procedure-code-pattern", "dossier.procedure_code")]),
    ({"dossier.procedure_code": DROP}, []),
    ({"dossier.code": "HS 0012"}, []),
    ({"number": "XL", "dossier.procedure_code": "x"},
     [("number-pattern", "number"), ("procedure-code-pattern", "dossier.procedure_code")]),
]


@pytest.mark.parametrize(("overrides", "expected"), IDENTIFIERS)
def test_identifier_patterns(w, overrides, expected):
    letter, problems = run(w, rules.check_identifier_patterns, **overrides)
    assert [(p.code, p.field) for p in problems] == expected
    assert all(p.line == letter.line_of(p.field) for p in problems)


# --- check_privacy
PRIVACY = [
    ({"recipient.name": "Nguyễn Văn An"}, [("privacy-name-not-masked", "recipient.name")]),
    ({"recipient.name": "Ông N.V.A."}, []),
    ({"recipient.kind": "organization", "recipient.name": "Công ty TNHH Ánh Dương"}, []),
    ({"reason.detail": "Đã gọi 0912 345 678 để báo."}, [("privacy-phone", "reason.detail")]),
    ({"reason.detail": "Gửi thư tới an.nguyen@gmail.com."}, [("privacy-email", "reason.detail")]),
    ({"reason.detail": "CCCD 079203001234 của người nộp."}, [("privacy-citizen-id", "reason.detail")]),
    ({"dossier.procedure": "Liên hệ 0912 345 678"}, [("privacy-phone", "dossier.procedure")]),
    ({"signer.title": "Phó Giám đốc, 0912 345 678"}, [("privacy-phone", "signer.title")]),
    ({"reason.detail": "Liên hệ Sở: 0261 3 544 210."}, []),  # the agency's own published contact
    ({"reason.detail": "Liên hệ tthcc@example.gov.vn."}, []),  # the portal's contact
    ({"number": "0912345678"}, [("privacy-phone", "number")]),  # a misshaped identifier is free text
    ({"withdrawn": {"date": "2018-05-20", "reason": "Theo đề nghị qua 0912 345 678."}},
     [("privacy-phone", "withdrawn.reason")]),
    ({"corrections": [{"date": "2018-05-12", "note": "Gọi 0912 345 678.", "fields": ["reason.detail"]}]},
     [("privacy-phone", "corrections.0.note")]),
]


@pytest.mark.parametrize(("overrides", "expected"), PRIVACY)
def test_privacy(w, overrides, expected):
    _, problems = run(w, rules.check_privacy, **overrides)
    assert [(p.code, p.field) for p in problems] == expected


def test_names_are_not_masked_when_the_portal_says_so(tmp_path):
    portal = {**PORTAL, "policy": {**PORTAL["policy"], "mask_individual_names": False}}
    w = world(tmp_path, portal=portal)
    assert list(rules.check_privacy(w.letter(**{"recipient.name": "Nguyễn Văn An"}), w.context())) == []


def test_the_signer_name_is_not_personal_data(w):
    letter = w.letter(**{"reason.detail": "Ông Nguyễn Văn Bình đã ký thay."})
    assert "Nguyễn Văn Bình" in rules.letter_identifiers(letter, w.portal.policy)
    assert list(rules.check_privacy(letter, w.context())) == []


# --- check_person_recipient
PERSON = [
    ({"recipient.kind": "organization", "recipient.name": "Hộ kinh doanh Nguyễn Văn An"},
     [("privacy-household-business", "recipient.name")]),
    ({"recipient.kind": "organization", "recipient.name": "Hộ kinh doanh N.V.A."}, []),
    ({"dossier.procedure": "Đăng ký khai sinh"}, [("privacy-sensitive-procedure", "dossier.procedure")]),
    ({"dossier.procedure": "Cấp Phiếu lý lịch tư pháp"}, [("privacy-sensitive-procedure", "dossier.procedure")]),
    ({"dossier.procedure": "Đăng ký khai sinh", "privacy_reviewed": True}, []),
]


@pytest.mark.parametrize(("overrides", "expected"), PERSON)
def test_person_recipient(w, overrides, expected):
    _, problems = run(w, rules.check_person_recipient, **overrides)
    assert [(p.code, p.field) for p in problems] == expected


def test_sensitive_procedures_are_the_portals(tmp_path):
    portal = {**PORTAL, "policy": {**PORTAL["policy"], "sensitive_procedures": ["đất đai"]}}
    w = world(tmp_path, portal=portal)
    assert [p.code for p in rules.check_person_recipient(w.letter(**{"dossier.procedure": "Đăng ký khai sinh"}),
                                                            w.context())] == []
    assert [p.code for p in rules.check_person_recipient(
        w.letter("b", **{"dossier.procedure": "Tranh chấp đất đai"}), w.context())] == ["privacy-sensitive-procedure"]


# --- Context.create, allowed_contacts, free_texts
@pytest.mark.parametrize("setting", ["dossier_code_pattern", "number_pattern", "procedure_code_pattern"])
@pytest.mark.parametrize("pattern", ["([a-z", r"^(a)\1$", r"^(?=x)"])  # syntax; back-reference; look-around
def test_a_pattern_that_does_not_compile_is_the_loaders_problem_and_the_default_stands_in(tmp_path, setting,
                                                                                          pattern):
    w = world(tmp_path, portal={**PORTAL, "policy": {**PORTAL["policy"], setting: pattern}}, fresh=True)
    assert [(p.code, p.field) for p in w.loaded.problems] == [("portal-bad-pattern", f"policy.{setting}")]
    lines_point_at_fields(w.root, w.loaded.problems)
    assert w.portal is None  # a portal.yml with an error is not used


def test_the_context_uses_the_portals_dossier_code_pattern(w):
    assert w.context().code_pattern.pattern == Policy().dossier_code_pattern
    portal = dataclasses.replace(w.portal, policy=dataclasses.replace(w.portal.policy,
                                                                      dossier_code_pattern=r"^HS-\d+$"))
    ctx = rules.Context.create(w.root, portal, w.agencies, w.reasons, TODAY, True)
    assert ctx.code_pattern.pattern == r"^HS-\d+$" and ctx.problems == []


def test_allowed_contacts_are_the_portals_and_the_agencies(w):
    contacts = rules.allowed_contacts(w.portal, w.agencies.values())
    assert {"tthcc@example.gov.vn", "stnmt@example.gov.vn"} <= contacts
    assert len(contacts) == 4  # two phones, two e-mails
    extra = dataclasses.replace(w.portal, policy=dataclasses.replace(w.portal.policy,
                                                                     public_contacts=("1900 1234",)))
    assert rules.allowed_contacts(extra, w.agencies.values()) > contacts


def test_free_texts_are_every_free_field_in_order(w):
    letter = w.letter(withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm."},
                      corrections=[{"date": "2018-05-12", "note": "Sửa.", "fields": ["reason.detail"]}])
    names = [name for name, _ in rules.free_texts(letter)]
    assert names == [*rules.FREE_TEXT_FIELDS, "corrections.0.note"]
    assert [name for name, _ in rules.free_texts(w.letter("b", **{"signer.title": DROP}))] == [
        n for n in rules.FREE_TEXT_FIELDS if n not in ("signer.title", "withdrawn.reason")]


# --- cross_letter_checks: each kind of repetition, at the later letter
def _facts(sha):
    return PdfFacts(sha256=sha, size=1)


CROSS = [
    # (overrides of the second letter, same id?, same PDF?, expected code at the second letter)
    ({"number": "15/XL-STNMT"}, False, False, [("number-duplicate", "number")]),
    ({"dossier.code": "000.00.21.H17-180420-0012"}, False, False, [("dossier-code-repeated", "dossier.code")]),
    ({}, False, True, [("pdf-duplicate", None)]),
    ({}, True, False, [("letter-id-duplicate", None)]),
    ({"agency": "tthcc", "number": "15/XL-STNMT"}, False, False, []),  # a number is unique per agency
    ({"issued_on": "2019-01-05", "published_on": "2019-01-05", "number": "15/XL-STNMT"}, False, False, []),
]


@pytest.mark.parametrize(("overrides", "same_id", "same_pdf", "expected"), CROSS)
def test_cross_letter(w, overrides, same_id, same_pdf, expected):
    first = w.letter("a")
    base = {"number": "16/XL-STNMT", "dossier.code": "000.00.21.H17-180420-0013"}
    second = w.letter("b", **{**base, **overrides})
    if same_id:
        second = dataclasses.replace(second, id="a")
    facts = {first.pdf_source: _facts("1" * 64), second.pdf_source: _facts("1" * 64 if same_pdf else "2" * 64)}
    problems = rules.cross_letter_checks([first, second], facts)
    assert [(p.code, p.field) for p in problems] == expected
    for p in problems:
        assert p.file == (second.pdf_source if p.code == "pdf-duplicate" else second.source)
        assert p.line == (second.line_of(p.field) if p.field else None)
        assert first.source in p.message or p.code == "pdf-duplicate"


def test_cross_letter_reports_every_later_copy(w):
    letters = [w.letter(f"x{i}", **{"dossier.code": f"000.00.21.H17-180420-00{i}0"}) for i in range(1, 4)]
    problems = rules.cross_letter_checks(letters, {})
    assert [(p.code, p.file) for p in problems] == [("number-duplicate", letters[1].source),
                                                   ("number-duplicate", letters[2].source)]
