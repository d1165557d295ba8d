"""Names, birth dates and addresses of individuals in free text and in the PDF's text layer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.checks import privacy
from generator.checks.letters import free_texts, letter_identifiers
from generator.checks.orchestrator import check_content
from generator.content.load import load_all
from tests.helpers import ROOT, make_content, pdf_bytes, write_letter

TODAY = date(2018, 6, 1)
PRIVACY = ("privacy-person-name", "privacy-birth-date", "privacy-address", "privacy-household-business",
           "privacy-sensitive-procedure", "privacy-pdf-person-name", "privacy-pdf-birth-date", "privacy-pdf-address",
           "privacy-name-not-masked")


def found(root: Path, pdf: bool = False) -> list[tuple[str, str, int | None]]:
    result = check_content(root, TODAY, run_pdf_gate=pdf)
    return sorted((p.code, p.file, p.line) for p in result.problems if p.code in PRIVACY)


def kinds(text: str, identifiers: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in privacy.scan_text(text, frozenset(), identifiers)]


def line_of(path: Path, key: str) -> int:
    return 1 + [x.strip().split(":")[0] for x in path.read_text(encoding="utf-8").splitlines()].index(key)


def test_the_issue_example_in_a_reason(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    path = write_letter(root, **{"reason.detail": "Chờ xác minh ông Nguyễn Văn An, sinh ngày 12/03/1980, "
                                                  "trú tại thôn 3, xã Ea Pô."})
    line = line_of(path, "detail")
    rel = "letters/2018/so-tnmt/2018-05-0001.yml"
    assert found(root) == [("privacy-address", rel, line), ("privacy-birth-date", rel, line),
                           ("privacy-person-name", rel, line)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bà Lê Thị Hoa, năm sinh 1975", [("person-name", "Lê Thị Hoa"), ("birth-date", "năm sinh 1975")]),
    ("Chị Trần Thị Mai sinh năm 1990", [("person-name", "Trần Thị Mai"), ("birth-date", "sinh năm 1990")]),
    ("cháu Phạm Minh Khôi", [("person-name", "Phạm Minh Khôi")]),
    ("Hộ kinh doanh Nguyễn Văn An", [("person-name", "Nguyễn Văn An")]),
    ("Hồ sơ của Đỗ Thị Thu Hằng chưa đủ", [("person-name", "Đỗ Thị Thu Hằng")]),  # no title, four syllables
    ("thường trú tại số nhà 12, tổ dân phố 4", [("address", "thường trú tại số"), ("address", "số nhà 12")]),
    ("Gia đình anh Hoàng Văn Nam ở khu phố 2", [("person-name", "Hoàng Văn Nam"), ("address", "khu phố 2")]),
])
def test_detected(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(kinds(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Chờ ý kiến phối hợp của Chi cục Thuế.",
    "Trường THPT Nguyễn Du, đường Nguyễn Văn Linh, phường Nguyễn Trãi",
    "Công ty Cổ phần Cà phê Cao Nguyên; Công ty TNHH Thương mại Hoàng Gia",
    "Cần xác minh thông tin hộ tịch tại nơi cư trú trước đây.",
    "Chờ UBND xã xác minh hiện trạng thửa đất tại thôn 3.",  # a place, no person in the sentence
    "Ông N.V.A.; Bà T.T.H.",  # masked
    "Sở Tài nguyên và Môi trường tỉnh Lâm Đồng; Thái Nguyên; Hà Nội",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Bích",  # an official's signature block (after a title line)
])
def test_not_personal(text: str) -> None:
    assert kinds(text, ("Trần Thị Bích",)) == []


def test_signer_is_not_a_citizen_but_a_citizen_in_the_pdf_is_found(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    lines = ("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 15/XL-STNMT", "Mã hồ sơ: 000.00.21.H17-180420-0012",
             "Kính gửi: Ông N.V.A.", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình")
    write_letter(root, pdf=pdf_bytes(*lines))
    assert found(root, pdf=True) == []
    write_letter(root, pdf=pdf_bytes(*lines, "Người nộp hồ sơ: ông Trần Văn Hùng, trú tại thôn Tân Lập"))
    pdf = "letters/2018/so-tnmt/2018-05-0001.pdf"
    assert sorted(set(found(root, pdf=True))) == [("privacy-pdf-address", pdf, None),
                                                  ("privacy-pdf-person-name", pdf, None)]


def test_household_business_is_a_person(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    path = write_letter(root, **{"recipient.kind": "organization", "recipient.name": "Hộ kinh doanh Nguyễn Văn An"})
    rel = "letters/2018/so-tnmt/2018-05-0001.yml"
    line = 1 + path.read_text(encoding="utf-8").splitlines().index("  name: Hộ kinh doanh Nguyễn Văn An")
    assert found(root) == [("privacy-household-business", rel, line)]
    write_letter(root, **{"recipient.kind": "individual", "recipient.name": "Hộ kinh doanh N.V.A."})
    assert found(root) == []


def test_sensitive_procedure_needs_review(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    path = write_letter(root, **{"dossier.procedure": "Đăng ký khai sinh"})
    assert found(root) == [("privacy-sensitive-procedure", "letters/2018/so-tnmt/2018-05-0001.yml",
                            line_of(path, "procedure"))]
    write_letter(root, privacy_reviewed=True, **{"dossier.procedure": "Đăng ky khai sinh"})
    assert found(root) == []


def demo_texts() -> list[tuple[str, str, list[str]]]:
    """(letter, text, identifiers) of every free text of the demo content."""
    loaded = load_all(ROOT / "content")
    return [(letter.id, text, letter_identifiers(letter)) for letter in loaded.letters
            for _, text in free_texts(letter)]


def test_demo_free_texts_have_no_false_positive_and_a_planted_name_is_found() -> None:
    texts = demo_texts()
    assert texts
    assert [(lid, kinds(text, tuple(ids))) for lid, text, ids in texts if kinds(text, tuple(ids))] == []
    planted = "; ông Trần Văn Bình, trú tại thôn 2"
    assert all({"person-name", "address"} <= {k for k, _ in kinds(text + planted, tuple(ids))}
               for _, text, ids in texts)
