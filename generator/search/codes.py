"""Dossier codes for search: normalisation, pieces, and the shard key of the static lookup.

The same three functions exist in `overrides/assets/search.js`; `tests/test_search_unit.py`
checks both sides agree. The hash is FNV-1a (32 bit) over UTF-8 bytes: simple to write in a
browser without `crypto.subtle`, which needs a secure context.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def normalize_code(text: str) -> str:
    """Upper-case, no whitespace, no punctuation around it: `' h56.14-240823-0001. '` -> `H56.14-240823-0001`."""
    chars = _SPACES.sub("", unicodedata.normalize("NFC", text))
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
