"""Dossier codes for search: normalisation, pieces, and the shard key of the static lookup.

The same functions exist in `overrides/assets/search.js`; `tests/test_search_unit.py`
checks both sides agree. The hash is FNV-1a (32 bit) over UTF-8 bytes: simple to write in a
browser without `crypto.subtle`, which needs a secure context.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Every dash people paste for "-": hyphen, non-breaking hyphen, figure dash, en, em, horizontal bar, minus,
# small and full-width hyphen-minus (word processors and PDF viewers turn "-" into these).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH = re.compile(f"[{DASHES}]")
# The parts of a dossier code (BRIEF: "000.00.06.H56-231027-0361", "H56.14-240823-0001"): an optional
# numeric agency prefix, the agency identifier, yymmdd of receipt and the daily sequence.
_NUMERIC_PREFIX = re.compile(r"^(?:\d+\.)+(?=[A-Z])")
_TAIL = re.compile(r"\d{6}-\d{3,}$")
# What the text of a query may hold as a code: a full or prefix-less code, or its date-sequence alone.
CODE_IN_TEXT = r"(?:[A-Z0-9][A-Z0-9.]*-)?\d{6}-\d{3,}"
_CODE_IN_TEXT = re.compile(f"(?<![0-9A-Z.]){CODE_IN_TEXT}(?![0-9])")
_SPACED_JOINER = re.compile(r"\s*([-.])\s*")

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def normalize_code(text: str) -> str:
    """Upper-case, no whitespace, any dash as "-", no punctuation around it:
    `' h56.14–240823-0001. '` -> `H56.14-240823-0001`."""
    chars = _DASH.sub("-", _SPACES.sub("", unicodedata.normalize("NFC", text)))
    start, end = 0, len(chars)
    while start < end and not chars[start].isalnum():
        start += 1
    while end > start and not chars[end - 1].isalnum():
        end -= 1
    return chars[start:end].upper()


def fnv1a(text: str) -> int:
    """FNV-1a 32-bit hash of the UTF-8 bytes of `text`."""
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def shard_key(code: str, prefix: int) -> str:
    """The lookup shard holding `code`: the first `prefix` hex digits of its hash."""
    return f"{fnv1a(normalize_code(code)):08x}"[:prefix]


def code_aliases(code: str) -> tuple[str, str, str]:
    """(the code, without its numeric agency prefix, the date-sequence alone) of a dossier code:
    `000.00.29.H17-250908-0054` -> (itself, `H17-250908-0054`, `250908-0054`). The lookup holds a
    letter under each, so a code pasted in any of these forms is found in one request."""
    full = normalize_code(code)
    tail = _TAIL.search(full)
    return full, _NUMERIC_PREFIX.sub("", full), tail.group(0) if tail else full


def agency_part(code: str) -> str:
    """The agency identifier of a code, without the date-sequence: `000.00.29.H17-250908-0054` -> `000.00.29.H17`."""
    full = normalize_code(code)
    tail = _TAIL.search(full)
    return full[:tail.start()].rstrip("-") if tail else ""


def find_code(text: str) -> str | None:
    """The dossier code (or prefix-less code, or date-sequence) in what a citizen pasted, labels and
    all: `'Mã hồ sơ: 000.00.29.H17 – 250908 – 0054'` -> `000.00.29.H17-250908-0054`; None when there is none."""
    joined = _SPACED_JOINER.sub(r"\1", _DASH.sub("-", unicodedata.normalize("NFC", text))).upper()
    match = _CODE_IN_TEXT.search(joined)
    return match.group(0) if match else None
