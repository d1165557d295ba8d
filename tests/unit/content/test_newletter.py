"""generator/content/newletter.py: what `new` reads from a letter's text, one phrase per field, and its helpers."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.newletter import clean_text, comment_text, extract, letter_paths, next_id
from generator.content.yamlsrc import parse_yaml

D = date(2018, 5, 4)
PHRASES = [  # (a line of a letter, what extract reads from it)
    ("Số: 15/XL-STNMT", {"number": "15/XL-STNMT"}),
    ("Số:15/XL-STNMT.", {"number": "15/XL-STNMT"}),
    ("Đắk Nông, ngày 04 tháng 5 năm 2018", {"issued_on": D}),
    ("Ngày 04/05/2018, Trung tâm đã tiếp nhận hồ sơ của ông", {"dossier.received_on": D}),
    ("Ngày tiếp nhận hồ sơ: 04/05/2018", {"dossier.received_on": D}),
    ("Tiếp nhận hồ sơ: ngày 04/05/2018", {"dossier.received_on": D}),  # a label at the start of a line
    ("Tiếp nhận hồ sơ: Ngày 04/05/2018", {"dossier.received_on": D}),
    ("Giấy tiếp nhận hồ sơ: 04/05/2018", {}),  # the receipt's title, not the date it was received
    ("Giấy Tiếp nhận hồ sơ: 04/05/2018", {}),
    ("Thời gian hẹn trả kết quả: 04/05/2018", {"dossier.due_on": D}),
    ("Thời hạn trả kết quả theo quy định: ngày 04-05-2018", {"dossier.due_on": D}),
    ("Xin hẹn lại ngày trả kết quả vào ngày 04/05/2018.", {"dossier.new_due_on": D}),
    ("Hồ sơ đã trả kết quả ngày 04.05.2018.", {"dossier.returned_on": D}),
    ("Tên thủ tục: Đăng ký đất đai", {"dossier.procedure": "Đăng ký đất đai"}),
    ("Mã thủ tục: 1.004227", {"dossier.procedure_code": "1.004227"}),
    ("Kính gửi: Ông N.V.A.", {"recipient.name": "Ông N.V.A.", "recipient.kind": "individual"}),
    ("Kính gửi: Công ty TNHH Ánh Dương", {"recipient.name": "Công ty TNHH Ánh Dương",
                                        "recipient.kind": "organization"}),
    ("Mã hồ sơ: 000.00.21.H17-180420-0012", {"dossier.code": "000.00.21.H17-180420-0012"}),
    ("Ngày 31/02/2018, đã tiếp nhận", {}),  # not a date
]


@pytest.mark.parametrize(("line", "values"), PHRASES)
def test_extract_one_phrase(line, values):
    draft = extract(line)
    assert draft.values == values
    assert draft.from_pdf == sorted(values)


def test_extract_a_procedure_and_its_code_from_a_sentence():
    found = extract("Hồ sơ thủ tục hành chính: Đăng ký đất đai (mã thủ tục 1.004227). Lý do: Chờ ý kiến phối "
                    "hợp. Kính mong ông thông cảm.").values
    assert found["dossier.procedure"] == "Đăng ký đất đai" and found["dossier.procedure_code"] == "1.004227"
    assert found["reason.detail"] == "Chờ ý kiến phối hợp."


@pytest.mark.parametrize(("block", "signer"), [
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Nguyễn Văn Bình"], {"signer.title": "Phó giám đốc",
                                                             "signer.name": "Nguyễn Văn Bình"}),
    (["CHỦ TỊCH", "(đã ký)", "Trần Thị Hoa"], {"signer.title": "Chủ tịch", "signer.name": "Trần Thị Hoa"}),
    (["GIÁM ĐỐC", "SỞ TÀI NGUYÊN"], {}),  # no name under it
])
def test_extract_the_signature_block(block, signer):
    assert extract("\n".join(block)).values == signer


def test_extract_follows_the_portals_dossier_code_pattern():
    assert extract("Mã hồ sơ: HS-2018-12", r"^HS-\d{4}-\d+$").values == {"dossier.code": "HS-2018-12"}
    assert extract("Mã hồ sơ: HS-2018-12", r"([a-z").values == {}  # a bad pattern: the default stands in


def test_clean_text():
    decomposed = "Nguye\u0302\u0303n  Va\u0306n\u00a0\tA"
    assert clean_text(decomposed + "\n  dòng   hai ") == "Nguyễn Văn A\ndòng hai"


@pytest.mark.parametrize("name", ["a\nb: x", "a\rb", "a\u2028b", "a\u200bb", "a\x00b"])
def test_comment_text_stays_on_one_line(name):
    text = comment_text(name)
    assert "\\u" in text
    node, problems = parse_yaml(f"# nguồn: {text}\na: 1\n", "x.yml")
    assert problems == [] and node is not None


def test_letter_paths(tmp_path):
    assert letter_paths(tmp_path, date(2018, 5, 9), "so-tnmt", "2018-05-0003") == (
        tmp_path / "letters/2018/so-tnmt/2018-05-0003.yml", tmp_path / "letters/2018/so-tnmt/2018-05-0003.pdf")


def test_next_id_counts_across_the_archive(tmp_path):
    assert next_id(tmp_path, date(2018, 5, 9)) == "2018-05-0001"
    for rel in ("letters/2018/a/2018-05-0001.yml", "letters/2018/b/2018-05-0007.yml",
                "letters/2018/a/2018-06-0020.yml", "letters/2018/a/cj-1.yml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert next_id(tmp_path, date(2018, 5, 30)) == "2018-05-0008"
    assert next_id(tmp_path, date(2018, 6, 1)) == "2018-06-0021"
    assert next_id(tmp_path, date(2018, 7, 1)) == "2018-07-0001"
