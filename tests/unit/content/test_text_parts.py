"""Small text functions the checks build on: the YAML depth estimate (content/yamldepth.py), the scanner's
normalised text (checks/privacy_text.py) and the Vietnamese alphabet (content/vtext.py)."""

from __future__ import annotations

import pytest

from generator.checks.privacy_text import normalize, normalized_text, squeeze
from generator.content.vtext import is_vietnamese_letter
from generator.content.yamldepth import too_deep


def block(depth: int) -> str:
    """A block mapping nested `depth` levels deep."""
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth - 1)) + f"{'  ' * (depth - 1)}k: v\n"


def flow(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("shape", [block, flow])
@pytest.mark.parametrize("depth", [1, 5, 10])
def test_too_deep_at_the_limit(shape, depth):
    assert too_deep(shape(depth), 12) is None
    assert too_deep(shape(depth + 13), 12) is not None


def test_too_deep_names_the_line():
    assert too_deep(block(20), 5) == 6  # the first line deeper than the limit
    assert too_deep("a: 1\nb: [[[[[[x]]]]]]\n", 4) == 2


@pytest.mark.parametrize("text", ["a: '[[[[[[[[[['\n", 'a: "{{{{{{{{{{"\n', "a: 1 # [[[[[[[[[[\n"])
def test_brackets_in_text_are_not_nesting(text):
    assert too_deep(text, 4) is None


@pytest.mark.parametrize(("text", "scanned"), [
    ("０９１２３４５６７８", "0912345678"),  # full-width digits
    ("0912\u200b345\u200b678", "0912345678"),  # zero-width spaces
    ("091–234–5678", "091-234-5678"),  # typographic dashes
    ("Sở Tài nguyên", "Sở Tài nguyên"),
])
def test_normalized_text(text, scanned):
    assert normalized_text(text) == scanned


def test_normalize_maps_back_to_the_input():
    text = "Gọi ０９１２ ３４５ ６７８ nhé"
    norm = normalize(text)
    start = norm.text.index("0912")
    end = start + len("0912 345 678")
    lo, hi = norm.span(start, end)
    assert text[lo:hi] == "０９１２ ３４５ ６７８"


@pytest.mark.parametrize(("text", "squeezed"), [("000.00.21 .H17 - 180420", "000.00.21.h17-180420"),
                                                ("ＨＳ １２", "hs12"), ("Số\n15", "số15")])
def test_squeeze(text, squeezed):
    assert squeeze(text) == squeezed


@pytest.mark.parametrize(("char", "letter"), [
    ("a", True), ("Z", True), ("đ", True), ("Đ", True), ("ư", True), ("Ữ", True), ("ậ", True), ("ỷ", True),
    ("é", True), ("ñ", False), ("ç", False), ("ß", False), ("1", False), (" ", False), ("ö", False)])
def test_is_vietnamese_letter(char, letter):
    assert is_vietnamese_letter(char) is letter
