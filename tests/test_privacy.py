"""Personal-data scanning on real-looking letter text; masked names."""

from __future__ import annotations

import pytest

from generator.checks.privacy import Finding, blank_identifiers, contacts_in, is_masked_name, scan_text

AGENCY_CONTACT = "0261 3 544 210, stnmt@example.gov.vn"
PORTAL_CONTACT = "Trung tâm Hành chính công, 0261 1234 567, tthcc@example.gov.vn"
ALLOWED = contacts_in(AGENCY_CONTACT) | contacts_in(PORTAL_CONTACT)

# The body of a real-shaped letter (Mẫu số 04), already redacted: nothing personal in it.
CLEAN_LETTER = """UBND TỈNH ĐẮK NÔNG
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
Số: 15/XL-STNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Nghĩa, ngày 09 tháng 5 năm 2018
PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ
Kính gửi: Ông N.V.A.
Ngày 20/4/2018, Văn phòng Đăng ký đất đai tiếp nhận hồ sơ mã số 000.00.21.H17-180420-0012
(thủ tục 1.004227, mã tỉnh 3.000181.000.00.00.H22) của Ông, hẹn trả kết quả ngày 04/05/2018.
Lý do chậm: chờ ý kiến phối hợp của Chi cục Thuế theo Nghị định 61/2018/NĐ-CP và
Công văn 391/VPUBND-KSTT; hồ sơ H56.14-240823-0001 cũng bị ảnh hưởng (2018-05-04).
Hẹn trả lại vào ngày 15.05.2018. Mọi thắc mắc xin liên hệ 0261 3 544 210 hoặc stnmt@example.gov.vn,
Trung tâm Hành chính công: 0261 1234 567, tthcc@example.gov.vn.
Lệ phí 1.250.000 đồng; diện tích 135,6 m2; thửa đất số 245, tờ bản đồ số 12; tháng 5/2018.
Công ty TNHH ABC, mã số thuế 0312345678.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Bình"""


def kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in findings]


def test_clean_letter_has_no_findings() -> None:
    assert scan_text(CLEAN_LETTER, ALLOWED, ["000.00.21.H17-180420-0012", "15/XL-STNMT", "1.004227"]) == []


def test_clean_letter_without_explicit_identifiers() -> None:
    # The built-in patterns alone take out the dossier codes, numbers and dates.
    assert scan_text(CLEAN_LETTER, ALLOWED) == []


def test_dossier_code_is_not_a_citizen_id_but_twelve_digits_are() -> None:
    code = "000.00.21.H17-180420-0012"
    assert scan_text(f"Hồ sơ {code} đã trễ hạn.") == []
    assert kinds(scan_text("Hồ sơ 180420-0012 và 000021180420 0012")) == []  # no 0-led 12-digit group shape
    assert kinds(scan_text("Số định danh 001092012345.")) == [("citizen-id", "001092012345")]


def test_agency_contacts_need_the_allow_list() -> None:
    # A landline is never a mobile number; the agency's e-mail is allowed only through `allowed`.
    assert kinds(scan_text(AGENCY_CONTACT)) == [("email", "stnmt@example.gov.vn")]
    assert scan_text(AGENCY_CONTACT, ALLOWED) == []


def test_contacts_in() -> None:
    assert contacts_in(AGENCY_CONTACT) == frozenset({"02613544210", "stnmt@example.gov.vn"})
    assert contacts_in("Đường dây nóng: +84 912 000 111; Email: TTHCC@Example.gov.vn") == frozenset(
        {"0912000111", "tthcc@example.gov.vn"}
    )


TRUE_POSITIVES = """Kính gửi ông Nguyễn Văn An, CCCD số 001092012345, cấp ngày 12/3/2021.
Căn cước: 079 203 004 512. CMND số 245123456; chứng minh nhân dân 245 987 654.
Điện thoại: 0912 345 678, Zalo 0905.123.456, di động 098-765-4321, +84 912 345 679, 0389123456.
E-mail: nguyen.van.an@gmail.com, an_nv+hs@yahoo.com.vn."""


def test_true_positives() -> None:
    found = scan_text(TRUE_POSITIVES, ALLOWED, ["000.00.21.H17-180420-0012"])
    assert kinds(found) == [
        ("person-name", "Nguyễn Văn An"),  # generator/checks/privacy_names.py
        ("citizen-id", "001092012345"),
        ("citizen-id", "079 203 004 512"),
        ("citizen-id", "245123456"),
        ("citizen-id", "245 987 654"),
        ("phone", "0912 345 678"),
        ("phone", "0905.123.456"),
        ("phone", "098-765-4321"),
        ("phone", "+84 912 345 679"),
        ("phone", "0389123456"),
        ("email", "nguyen.van.an@gmail.com"),
        ("email", "an_nv+hs@yahoo.com.vn"),
    ]
    assert all(TRUE_POSITIVES[f.start : f.start + len(f.text)] == f.text for f in found)


def test_nine_digits_need_an_id_word() -> None:
    assert scan_text("Thửa đất có giá trị 245123456 đồng.") == []
    assert kinds(scan_text("Số CMND: 245123456")) == [("citizen-id", "245123456")]


def test_allowed_mobile_and_email_pass() -> None:
    allowed = contacts_in("Hotline 0912.000.111, hotro@dichvucong.gov.vn")
    text = "Liên hệ hotline 0912 000 111 hoặc HoTro@dichvucong.gov.vn; ông A: 0912 000 112."
    assert kinds(scan_text(text, allowed)) == [("phone", "0912 000 112")]


def test_numbers_joined_by_a_dash_are_split() -> None:
    assert kinds(scan_text("ĐT: 0261 3 544 210 - 0912 345 678")) == [("phone", "0912 345 678")]


MOBILES = ("0321234567", "0521234567", "0701234567", "0812345678", "0912345678")


@pytest.mark.parametrize("mobile", MOBILES)
@pytest.mark.parametrize("join", ["-", "."])
def test_a_tight_join_is_one_number_never_cut_into_a_phone(mobile: str, join: str) -> None:
    """"2024-035-0000723" (OCR's reading of a letter id on a scan) holds no phone: a run of digit groups
    never cuts a dot or dash written without spaces; with spaces, or alone, the mobile is found."""
    head, tail = mobile[:3], mobile[3:]
    assert scan_text(f"bản 2024{join}{head}{join}{tail} trang") == []
    assert scan_text(f"bản {head}{join}{tail}{join}12 trang") == []
    assert kinds(scan_text(f"bản 2024 - {head}{join}{tail} trang")) == [("phone", f"{head}{join}{tail}")]
    assert kinds(scan_text(f"gọi {head}{join}{tail}.")) == [("phone", f"{head}{join}{tail}")]
    assert kinds(scan_text(f"gọi {mobile}{join}0987654321")) == [("phone", mobile), ("phone", "0987654321")]
    assert scan_text(f"mẫu 202E-{head}{join}{tail}") == [] == scan_text(f"H17-{head}{join}{tail}")
    assert kinds(scan_text(f"ho-so-{mobile}.txt")) == [("phone", mobile)] == kinds(scan_text(f"ĐT-{mobile}"))


def test_identifiers_are_blanked_with_offsets_kept() -> None:
    text = "Số: 15/XL-STNMT ngày 09/05/2018, hồ sơ 000.00.21.H17-180420-0012."
    blanked = blank_identifiers(text)
    assert len(blanked) == len(text)
    assert "15/XL-STNMT" not in blanked and "09/05/2018" not in blanked and "180420" not in blanked
    assert blank_identifiers("mã riêng ABC-12345-678", ["abc-12345-678"]) == "mã riêng " + "#" * 13


def test_mobile_prefixes() -> None:
    # Mobile prefixes 032-039, 052/055/056/058/059, 070/076-079, 081-089, 09x; 031, 01x, 02x, 06x are not.
    text = "0123456789; 0212345678; 0312345678; 0321234567; 0521234567; 0701234567; 0812345678; 0612345678."
    assert [f.text for f in scan_text(text)] == ["0321234567", "0521234567", "0701234567", "0812345678"]


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Ông N.V.A.", True),
        ("Bà T.T.H.", True),
        ("N.V.A.", True),
        ("Chị L.T.", True),
        ("Anh N. V. A.", True),
        ("Ông Đ.Ư.Â.", True),
        ("Bà Ô.T.Ơ.", True),
        ("Nguyễn Văn An", False),
        ("Ông Nguyễn V.A.", False),
        ("Ông N.V.A", False),
        ("ông n.v.a.", False),
        ("Ông", False),
        ("", False),
        ("Ông A.B.C.D.E.F.G.", False),
    ],
)
def test_is_masked_name(name: str, masked: bool) -> None:
    assert is_masked_name(name) is masked


def test_more_shapes() -> None:
    text = "CCCD 0010 9201 2345; ĐT/Zalo 0912345678/Zalo; STK 0912345678 tại ngân hàng."
    # A bank account may be the owner's phone number: still reported.
    assert kinds(scan_text(text)) == [
        ("citizen-id", "0010 9201 2345"), ("phone", "0912345678"), ("phone", "0912345678"),
    ]


def test_long_number_tables_scan_in_linear_time() -> None:
    """No catastrophic backtracking: 10x the text costs about 10x, not 100x (a ratio, so load does not matter)."""
    import time

    def cost(n: int) -> float:
        table = " ".join(str(i % 1000) for i in range(n))
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            scan_text(table)
            best = min(best, time.perf_counter() - began)
        return best

    assert cost(20_000) / cost(2_000) < 35
