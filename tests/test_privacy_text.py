"""Text normalisation before the privacy scan: format characters, NFKC, groupings, offsets back to the input."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from generator.checks.privacy import scan_text
from generator.checks.privacy_text import CF_RANGES, normalize


def test_format_character_table_is_unicode_category_cf():
    """Every Cf character of this Python's Unicode is in the table; the rest of it is Cf of Unicode 15 (Cn here)."""
    table = {c for a, b in CF_RANGES for c in range(a, b + 1)}
    assert {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"} - table == set()
    assert {unicodedata.category(chr(c)) for c in table} <= {"Cf", "Cn"}


@pytest.mark.parametrize("written, scanned", [
    ("０９１２ ３４５ ６７８", "0912 345 678"),
    ("091\u200b234\u200b5678", "0912345678"),
    ("09\u00ad12\ufeff345\u2060678", "0912345678"),
    ("\u202e0912345678\u202c", "0912345678"),
    ("(091) 2345678", "091 2345678"),
    ("(+84)912345678", "+84912345678"),
    ("091  234\t5678", "091 234 5678"),
    ("091–234—5678", "091-234-5678"),
    ("Hồ sơ (lần 2) ngày 5", "Hồ sơ (lần 2) ngày 5"),  # brackets around words stay
])
def test_normalize(written, scanned):
    assert normalize(written).text == scanned


def test_findings_keep_the_text_and_offset_as_written():
    text = "Ông A., ĐT ０９１\u200b２３４\u200b５６７８, e-mail an＠gmail.com."
    found = scan_text(text)
    assert [(f.kind, f.text, f.start) for f in found] == [
        ("phone", "０９１\u200b２３４\u200b５６７８", text.index("０")),
        ("email", "an＠gmail.com", text.index("an＠"))]
    assert all(text[f.start: f.start + len(f.text)] == f.text for f in found)


def test_allowed_contacts_match_however_they_are_written():
    from generator.checks.privacy import contacts_in

    assert scan_text("Gọi 0912 345 678", contacts_in("ĐT: (091) 2345678")) == []
