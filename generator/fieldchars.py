"""Characters no content field may hold, found where they are, and shown visibly in messages.

Control characters (C0 but the line feed, DEL, C1), bidi controls (U+202A–202E, U+2066–2069, U+200E/F,
U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF), the soft hyphen (U+00AD) and every other
Unicode format character, line/paragraph separators (U+2028/2029: also line ends in YAML and old
JavaScript), surrogates, private-use characters and the non-characters U+FFFE/U+FFFF: invisible or
misleading on a page ("Trojan source"), ill-formed in XML, or meaningless in a public document.

`scan(text)` yields (index, character) of each; `visible(text)` writes them as ⟨U+200B⟩ (every message
quoting an editor's value goes through it: `problems.make`). YAML files are scanned twice by
`yamlsrc`: the raw text (the YAML reader refuses most C0 controls: they are replaced by a space
before parsing, after being found) and, for double-quoted values, the decoded value (escapes such as
"\\u200b" exist only there).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_ALLOWED = "\n"  # a line break inside a multi-line value (a block scalar) is fine
# Categories Cc (controls), Cf (format: bidi, zero-width, soft hyphen...), Zl/Zp (U+2028/2029), Cs, Co.
_FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff\ue000-\uf8ff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000f0000-\U0010ffff]"
)
# What the YAML reader itself refuses in a stream (a ReaderError without a line): replaced before parsing.
_YAML_REFUSES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
NAMES = {  # short English names for the commonest ones (unicodedata has no names for controls)
    "\x00": "NUL", "\t": "TAB", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def is_forbidden(char: str) -> bool:
    """True when `char` may not appear in a content field."""
    return char not in _ALLOWED and bool(_FORBIDDEN.match(char))


def scan(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of every forbidden character in `text`."""
    for match in _FORBIDDEN.finditer(text):
        yield match.start(), match.group()


def has_forbidden(text: str) -> bool:
    """True when `text` holds any forbidden character."""
    return _FORBIDDEN.search(text) is not None


def codepoint(char: str) -> str:
    """'U+200B'."""
    return f"U+{ord(char):04X}"


def char_name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE' (the Unicode name when there is one)."""
    name = NAMES.get(char) or unicodedata.name(char, "")
    return f"{codepoint(char)} {name}".strip()


def visible(text: str) -> str:
    """`text` with every forbidden character (line breaks too) written as ⟨U+XXXX⟩."""
    if not has_forbidden(text) and "\n" not in text:
        return text
    return "".join(f"⟨{codepoint(c)}⟩" if c == "\n" or is_forbidden(c) else c for c in text)


def excerpt(text: str, index: int, width: int = 20) -> str:
    """The text around `index`, made visible (for messages)."""
    start, end = max(0, index - width), min(len(text), index + width + 1)
    return ("…" if start else "") + visible(text[start:end]) + ("…" if end < len(text) else "")


def yaml_safe(text: str) -> tuple[str, list[int]]:
    """`text` with the characters the YAML reader refuses replaced by spaces, and their indexes."""
    found = [m.start() for m in _YAML_REFUSES.finditer(text)]
    if not found:
        return text, found
    return _YAML_REFUSES.sub(" ", text), found

