"""generator/checks/privacy.py and privacy_names.py: the small functions the letter and PDF rules are built of."""

from __future__ import annotations

import pytest

from generator.checks import privacy, privacy_names

PHONES = [("0912 345 678", "0912345678"), ("+84 912 345 678", "0912345678"), ("0912.345.678", "0912345678"),
          ("(0261) 3 544 210", "02613544210"), ("+84-261-3544210", "02613544210")]


@pytest.mark.parametrize(("written", "digits"), PHONES)
def test_normalize_phone(written, digits):
    assert privacy.normalize_phone(written) == digits


@pytest.mark.parametrize(("value", "masked"), [("0912345678", "091…78"), ("an.nguyen@gmail.com", "an…@gmail.com"),
                                               ("12345", "…"), ("  0912345678 ", "091…78")])
def test_mask(value, masked):
    assert privacy.mask(value) == masked


@pytest.mark.parametrize(("value", "shown"), [("HS-2018-0012", "HS-2018-0012"), ("Gọi 0912 345 678", "Gọi…78"),
                                              ("0261 3 544 210", "0261 3 544 210")])
def test_shown_masks_only_personal_data(value, shown):
    assert privacy.shown(value, frozenset({"02613544210"})) == shown


@pytest.mark.parametrize(("text", "contacts"), [
    ("Trung tâm, 0261 1234 567, tthcc@example.gov.vn", {"02611234567", "tthcc@example.gov.vn"}),
    ("Đường dây nóng 1900 1234", {"19001234"}),
    ("TTHCC@Example.gov.vn", {"tthcc@example.gov.vn"}),
    ("", set()),
])
def test_contacts_in(text, contacts):
    assert privacy.contacts_in(text) == contacts


@pytest.mark.parametrize(("name", "masked"), [
    ("Ông N.V.A.", True), ("Bà T.T.B.", True), ("Chị Đ.T.", True), ("N.V.A.", True), ("Anh Ư.Â.", True),
    ("Ông N. V. A.", True), ("Nguyễn Văn An", False), ("Ông Nguyễn Văn An", False), ("Ông N.V.An", False),
    ("Ông", False), ("", False)])
def test_is_masked_name(name, masked):
    assert privacy.is_masked_name(name) is masked


@pytest.mark.parametrize(("text", "kinds"), [
    ("Hồ sơ đã chuyển Chi cục Thuế.", []),
    ("Đã gọi 0912 345 678.", ["phone"]),
    ("Số CCCD 079203001234.", ["citizen-id"]),
    ("Hồ sơ số 079203001234 đã nhận.", ["citizen-id"]),  # 12 digits starting with a province code
    ("Gửi an.nguyen@gmail.com", ["email"]),
    ("Ông Nguyễn Văn An sinh ngày 01/02/1980", ["person-name", "birth-date"]),
])
def test_scan_text_kinds(text, kinds):
    assert [f.kind for f in privacy.scan_text(text)] == kinds


def test_scan_text_leaves_out_allowed_contacts_and_identifiers():
    text = "Gọi 0912 345 678, hồ sơ 000.00.21.H17-180420-0012"
    assert [f.kind for f in privacy.scan_text(text, frozenset({"0912345678"}), ["000.00.21.H17-180420-0012"])] == []
    assert [f.kind for f in privacy.scan_text(text)] == ["phone"]


def test_a_finding_holds_the_text_as_written_and_its_offset():
    text = "Gọi số 0912 345 678 nhé"
    (finding,) = privacy.scan_text(text)
    assert text[finding.start:finding.start + len(finding.text)] == finding.text == "0912 345 678"


@pytest.mark.parametrize(("name", "business", "masked"), [
    ("Hộ kinh doanh Nguyễn Văn An", True, False), ("Hộ kinh doanh N.V.A.", True, True),
    ("hộ kinh doanh N.V.A.", True, True), ("Công ty TNHH Ánh Dương", False, False), ("Ông N.V.A.", False, False)])
def test_household_business(name, business, masked):
    assert privacy_names.is_household_business(name) is business
    assert privacy_names.masked_business_name(name) is masked


@pytest.mark.parametrize(("text", "found"), [("sinh ngày 01/02/1980", True), ("năm sinh 1980", True),
                                             ("ngày 01/02/1980", False), ("Giấy khai sinh", False)])
def test_birth_dates(text, found):
    spans = list(privacy_names.birth_dates(text))
    assert bool(spans) is found
    for start, end in spans:
        assert "1980" in text[start:end]


@pytest.mark.parametrize(("procedure", "listed", "sensitive"), [
    ("Đăng ký khai sinh", ("khai sinh",), True), ("ĐĂNG KÝ KHAI SINH", ("khai sinh",), True),
    ("Dang ky khai sinh", ("khai sinh",), True), ("Đăng ký đất đai", ("khai sinh",), False),
    ("Đăng ký khai sinh", (), False)])
def test_sensitive(procedure, listed, sensitive):
    assert privacy_names.sensitive(procedure, listed) is sensitive
