"""Vietnamese text: NFC, legacy-encoding detection on real sentences, folding, tone placement."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.content.vtext import (
    fold,
    is_nfc,
    is_syllable,
    legacy_encoding,
    nfc,
    normalize_tone_placement,
    repair_hint,
)
from generator.strings import PROBLEM_TYPES

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"

SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "Sở Tài nguyên và Môi trường tỉnh Đắk Nông",
    "Trung tâm Hành chính công tỉnh Đắk Nông",
    "Bộ phận tiếp nhận và trả kết quả UBND huyện Cư Jút",
    "UBND xã Ea Pô, huyện Cư Jút; UBND huyện Krông Nô; thị xã Gia Nghĩa; huyện Đắk R'lấp",
    "Văn phòng Đăng ký đất đai tỉnh Lâm Đồng – Chi nhánh Bảo Lộc",
    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Đăng ký khai sinh, đăng ký kết hôn, cấp bản sao trích lục hộ tịch",
    "Chờ ý kiến phối hợp của Chi cục Thuế.",
    "Cần xác minh, thẩm tra thêm nguồn gốc sử dụng đất.",
    "Khối lượng hồ sơ lớn; sự cố phần mềm, hạ tầng ngày 12/3/2024.",
    "Hồ sơ của Ông (Bà) đã được tiếp nhận ngày 20/4/2018, hẹn trả ngày 04/5/2018.",
    "Chúng tôi thành thật xin lỗi Ông N.V.A. và hẹn trả kết quả vào ngày 15/5/2018.",
    "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC",
    "Nơi nhận: Như trên; Trung tâm HCC tỉnh (để theo dõi); Lưu: VT, VPĐK.",
    "Khánh Hòa, Thừa Thiên Huế, Bà Rịa – Vũng Tàu, Quảng Ngãi, Thủy Nguyên, Ủy ban nhân dân",
    "Ngày Quốc khánh 2/9; Tết Nguyên Đán; Giỗ Tổ Hùng Vương",
    "Công ty TNHH Một thành viên Cà phê Đắk Mil © 2024 — résumé, café, naïve, 25°C",
    "The dossier was returned late because the land office waited for the tax office.",
    "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP; Quyết định 766/QĐ-TTg ngày 23/6/2022",
    "Thuế thu nhập cá nhân, lệ phí trước bạ; khuya, quý, thuở, nguyễn, nghiêng, khuỷu, ngoằn ngoèo",
]


def _seed_lines() -> list[str]:
    return [line for f in sorted(SEED.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()]


def _catalog_texts() -> list[str]:
    return [t for p in PROBLEM_TYPES.values() for t in (p.template, p.fix)]


# Encoders, only for tests: write real Unicode text the way the legacy encodings show it.
_TCVN3_FROM = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_TO = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"


def to_tcvn3(s: str) -> str:
    """Unicode → TCVN3 (one .VnTime font: accented capitals become small letters)."""
    out = []
    for ch in s:
        if ch not in _TCVN3_FROM and ch.lower() in _TCVN3_FROM:
            ch = ch.lower()
        out.append(_TCVN3_TO[_TCVN3_FROM.index(ch)] if ch in _TCVN3_FROM else ch)
    return "".join(out)


_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(s: str) -> str:
    """Unicode → VNI Windows as shown in cp1252."""
    out = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        upper = base.isupper()
        tone = next((m for m in marks if m in _VNI_TONE), "")
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        if "\u031b" in marks:  # horn: ơ, ư
            text = {"o": "ô", "u": "ö"}[base.lower()] + _VNI_TONE.get(tone, "")
        elif "\u0302" in marks:
            text = base.lower() + _VNI_CIRC[tone]
        elif "\u0306" in marks:
            text = base.lower() + _VNI_BREVE[tone]
        elif base.lower() == "i" and tone:
            text = _VNI_I[tone]
        elif marks and base.isalpha():
            text = base.lower() + _VNI_TONE.get(tone, "")
        else:
            out.append(ch)
            continue
        out.append(text.upper() if upper else text)
    return "".join(out)


def test_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Đắk Nông")
    assert (is_nfc(nfd), is_nfc(nfc(nfd)), nfc(nfd)) == (False, True, "Đắk Nông")


def test_encoders_reproduce_the_brief_examples() -> None:
    assert to_tcvn3("Độc lập - Tự do - Hạnh phúc") == "§éc lËp - Tù do - H¹nh phóc"
    assert to_vni("CỘNG HÒA XÃ HỘI") == "COÄNG HOØA XAÕ HOÄI"


def test_detects_the_brief_examples() -> None:
    assert legacy_encoding("§éc lËp - Tù do - H¹nh phóc") == "TCVN3"
    assert legacy_encoding("COÄNG HOØA XAÕ HOÄI") == "VNI"
    assert repair_hint("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert repair_hint("COÄNG HOØA XAÕ HOÄI") == "CỘNG HÒA XÃ HỘI"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_real_sentences_are_clean_and_their_legacy_forms_are_not(sentence: str) -> None:
    assert legacy_encoding(sentence) is None
    assert legacy_encoding(unicodedata.normalize("NFD", sentence)) is None
    vietnamese_words = sum(1 for w in sentence.split() if w != fold(w) and is_syllable(w.strip(".,;:()")))
    if vietnamese_words >= 2:
        assert legacy_encoding(to_tcvn3(sentence)) == "TCVN3"
        assert legacy_encoding(to_vni(sentence)) == "VNI"


def test_no_false_positive_on_catalog_and_seed() -> None:
    texts = _catalog_texts() + _seed_lines()
    assert len(texts) > 100
    assert [t for t in texts if legacy_encoding(t) is not None] == []


def test_legacy_forms_of_catalog_detected() -> None:
    texts = [t for t in _catalog_texts() if len(t.split()) >= 6]
    assert [t for t in texts if legacy_encoding(to_tcvn3(t)) != "TCVN3"] == []
    assert [t for t in texts if legacy_encoding(to_vni(t)) != "VNI"] == []


def test_ordinary_punctuation_and_symbols_are_not_mojibake() -> None:
    for text in ["Tỉ lệ ÷ 2 · 3 § 4", "« Xin lỗi » © ® ° ± ½", "Giá: 25.000 đ — ổn định…", "", "   "]:
        assert legacy_encoding(text) is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đắk Nông", "dak nong"),
        ("xin lỗi", "xin loi"),
        ("  PHIẾU   XIN\tLỖI ", "phieu xin loi"),
        ("Thừa Thiên Huế", "thua thien hue"),
        (unicodedata.normalize("NFD", "Đường Trường Sơn"), "duong truong son"),
        ("Ðắk Lắk", "dak lak"),  # Ð (eth) typed for Đ
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("HOÀ", "HÒA"),
        ("hoàng", "hoàng"),  # closed syllable: one placement only
        ("quý", "quý"),  # "qu" + y: tone stays on y
        ("thuyền", "thuyền"),
        ("toán", "toán"),
    ],
)
def test_tone_placement(old: str, new: str) -> None:
    assert normalize_tone_placement(old) == new
    assert normalize_tone_placement(new) == new
    assert normalize_tone_placement(unicodedata.normalize("NFD", old)) == new


def test_is_syllable() -> None:
    assert [is_syllable(w) for w in ["nghiêng", "trường", "quý", "khuỷu", "xyz", "lËp", "hòà"]] == [
        True, True, True, True, False, False, False,
    ]
