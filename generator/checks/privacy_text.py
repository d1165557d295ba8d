"""Text as the personal-data scanner reads it, with a map back to the offsets of the input.

A number an editor or a PDF hides from a pattern is still a number to a reader: full-width digits
("０９１２…", NFKC makes them ASCII), zero-width and other format characters (Unicode category Cf:
U+200B, U+FEFF, soft hyphen, bidi controls) between digits, typographic dashes ("091–234–5678"),
a bracketed area code ("(091) 2345678") and runs of 2-3 spaces or tabs between digit groups. The
scanner reads `normalize(text).text`; `Normalized.span` turns a match there into the input's offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Unicode 15 category Cf (format characters); tests/test_privacy_text.py checks it against unicodedata.
CF_RANGES = ((0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
             (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
             (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
             (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
             (0xE0001, 0xE0001), (0xE0020, 0xE007F))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPECIAL = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in CF_RANGES) + _DASHES + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BRACKETED = re.compile(r"\((\+?\d{1,4})\)(?= ?\d)")  # "(091) 2345678", "(+84)912345678"
_WIDE_GAP = re.compile(r"(?<=\d)[ \t]{2,3}(?=\d)|(?<=\d)\t(?=\d)")  # "091  234  5678"


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    """One character as scanned: '' for a format character, '-' for a dash, else its NFKC form."""
    if _SPECIAL.match(ch):
        return "-" if ch in _DASHES else ""
    return unicodedata.normalize("NFKC", ch)


@dataclass(frozen=True)
class Normalized:
    """The scanned text and, for each of its characters, the offset of the input character it came from."""

    text: str
    source: str
    index: list[int] | None = None  # None: same offsets as the input

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the input of the scanned text's [start, end)."""
        if self.index is None:
            return start, end
        if start >= end:
            at = self.index[start] if start < len(self.index) else len(self.source)
            return at, at
        return self.index[start], self.index[end - 1] + 1


def _apply(text: str, index: list[int] | None, edits: list[tuple[int, int, str]]) -> tuple[str, list[int] | None]:
    """`text` with each (start, end, replacement) edit made (sorted, non-overlapping) and its index map."""
    if not edits:
        return text, index
    parts: list[str] = []
    out: list[int] = []
    at = 0
    for start, end, replacement in edits:
        parts += [text[at:start], replacement]
        out += range(at, start) if index is None else index[at:start]
        origin = start if index is None else index[start]
        out += [origin] * len(replacement)
        at = end
    parts.append(text[at:])
    out += range(at, len(text)) if index is None else index[at:]
    return "".join(parts), out


def _character_edits(text: str) -> list[tuple[int, int, str]]:
    if text.isascii() or (_SPECIAL.search(text) is None and unicodedata.is_normalized("NFKC", text)):
        return []
    edits = []
    for match in _NON_ASCII.finditer(text):
        ch = match.group(0)
        folded = _fold(ch)
        if folded != ch:
            edits.append((match.start(), match.end(), folded))
    return edits


def _grouping_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    if "(" in text:
        for match in _BRACKETED.finditer(text):
            edits += [(match.start(), match.start() + 1, ""), (match.end() - 1, match.end(), "")]
    if "  " in text or "\t" in text:
        edits += [(m.start(), m.end(), " ") for m in _WIDE_GAP.finditer(text)]
    return sorted(edits)


def normalize(text: str) -> Normalized:
    """`text` as the scanner reads it (see the module's docstring), with offsets back into `text`."""
    folded, index = _apply(text, None, _character_edits(text))
    scanned, index = _apply(folded, index, _grouping_edits(folded))
    return Normalized(scanned, text, index)


def normalized_text(text: str) -> str:
    """Only the scanned text of `normalize` (for identifiers and contacts compared with it)."""
    return normalize(text).text


def squeeze(text: str) -> str:
    """`text` without white space, NFKC and case-folded: for finding an identifier however it is spaced."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()
