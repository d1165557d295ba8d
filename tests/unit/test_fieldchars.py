"""generator/fieldchars.py and generator/csvout.py: characters a field may not hold, cells a spreadsheet won't run."""

from __future__ import annotations

import pytest

from generator import csvout, fieldchars

FORBIDDEN = ["\x00", "\t", "\r", "\x1b", "\x7f", "\x85", "\u00ad", "\u200b", "\u200e", "\u202e", "\u2028", "\u2066",
             "\ufeff", "\ue000", "\U000e0041"]
ALLOWED = ["\n", " ", "a", "ư", "Đ", "\u0300", "€", "\u00a0", "😀"]


@pytest.mark.parametrize("char", FORBIDDEN)
def test_forbidden(char):
    text = f"a{char}b"
    assert fieldchars.is_forbidden(char) and fieldchars.has_forbidden(text)
    assert list(fieldchars.scan(text)) == [(1, char)]
    assert fieldchars.visible(text) == f"a⟨{fieldchars.codepoint(char)}⟩b"
    assert fieldchars.char_name(char).startswith(fieldchars.codepoint(char))


@pytest.mark.parametrize("char", ALLOWED)
def test_allowed(char):
    assert not fieldchars.is_forbidden(char)
    assert list(fieldchars.scan(f"a{char}b")) == []


@pytest.mark.parametrize(("char", "name"), [("\u200b", "U+200B ZERO WIDTH SPACE"), ("\x00", "U+0000 NUL"),
                                            ("\t", "U+0009 TAB")])
def test_char_name(char, name):
    assert fieldchars.char_name(char) == name


def test_visible_writes_line_breaks_too():
    assert fieldchars.visible("a\nb") == "a⟨U+000A⟩b"
    assert fieldchars.visible("plain") == "plain"


def test_excerpt_is_around_the_index():
    text = "x" * 30 + "\u200b" + "y" * 30
    shown = fieldchars.excerpt(text, 30, width=5)
    assert shown == "…xxxxx⟨U+200B⟩yyyyy…"
    assert fieldchars.excerpt("a\u200b", 1) == "a⟨U+200B⟩"


def test_yaml_safe_replaces_what_the_reader_refuses():
    text, found = fieldchars.yaml_safe("a\x00b\x1bc\td\n")
    assert found == [1, 3] and text == "a b c\td\n"


@pytest.mark.parametrize(("text", "written"), [("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("-x", "'-x"),
                                               ("@SUM", "'@SUM"), ("\tx", "'\tx"), ("Sở", "Sở"), ("1-2", "1-2")])
def test_neutralise(text, written):
    assert csvout.neutralise(text) == written


@pytest.mark.parametrize(("value", "numeric", "written"), [
    (None, False, ""), (True, False, "true"), (False, False, "false"), (3, False, "3"), (0.5, False, "0.5"),
    ("-3", True, "-3"), ("-3", False, "'-3"), ("-3x", True, "'-3x"), ("Sở", True, "Sở")])
def test_cell(value, numeric, written):
    assert csvout.cell(value, numeric) == written


def test_to_csv():
    text = csvout.to_csv(["a", "=b"], [["=1", "-2"], [None, 3]], numeric=["=b"])
    assert text == "a,'=b\n'=1,-2\n,3\n"
