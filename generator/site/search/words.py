"""The word list of the older years' bundle: a cheap probe before the page widens a query.

When the recent years give a few results (not none), the page widens to the older years only if
every word of the query could match an older letter. It asks `older-words/<key>.json` (the key is
the first two characters of the folded word, longer where a shard would be big: `build_shards`)
for the folded words of the older records starting with those characters: one small request per
query word instead of a second Pagefind module, its metadata and index chunks (~270 KB at 10,000
letters). A query word that no older word starts with means no older letter holds every word, so
the recent results stand.

The probe folds everything (accents, đ) and matches prefixes, so it may let a widening through that
Pagefind then answers with nothing new, and never blocks one that finds a letter holding every word.
It does block Pagefind's fallback for a word in no record (the longest prefix that has results): a
mistyped word answered that way in the recent years is not looked for in the older years.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from generator import jsonout
from generator.site.search.records import LetterView, SearchText
from generator.content.vtext import fold

WORDS_DIR = "older-words"
KEY_LENGTH = 2  # query words shorter than this are assumed present (no probe)
MAX_KEY_LENGTH = 16
SHARD_BUDGET = 8_000  # bytes of JSON (~2-3 KB gzip): over it, a shard is split one character deeper
_WORD = re.compile(r"[^\W_]+")
_SAFE = re.compile(r"[a-z0-9]")


def folded_words(texts: Iterable[str]) -> set[str]:
    """The folded words (letters and digits) of `texts`: what Pagefind could match, accents aside."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(fold(text)))
    return words


def shard_name(prefix: str) -> str:
    """The file name of the shard of words starting with `prefix`, non-ASCII characters as `_<hex>`
    (the same function is in search.js: `wordShard`)."""
    return "".join(c if _SAFE.fullmatch(c) else f"_{ord(c):x}" for c in prefix)


def build_shards(words: set[str]) -> dict[str, object]:
    """{file name: content} of `words` (words shorter than KEY_LENGTH are never probed): a shard is
    the sorted list of the words starting with its prefix (first KEY_LENGTH characters); one over
    SHARD_BUDGET bytes is written as `{"split": 1}` and its words go one character deeper, so the
    page asks a longer prefix (a query word no longer than a split prefix is taken as present)."""
    out: dict[str, object] = {}
    pending = [(KEY_LENGTH, sorted(w for w in words if len(w) >= KEY_LENGTH))]
    while pending:
        length, group = pending.pop()
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for word in group:
            if len(word) >= length:
                by_prefix[word[:length]].append(word)
        for prefix, items in by_prefix.items():
            if len(_dump(items)) <= SHARD_BUDGET or length >= MAX_KEY_LENGTH:
                out[shard_name(prefix)] = items
            else:
                out[shard_name(prefix)] = {"split": 1}
                pending.append((length + 1, items))
    return out


def _dump(data: object) -> bytes:
    return jsonout.dumps(data, separators=(",", ":")).encode("utf-8")


def write_words(out_dir: Path, words: set[str]) -> int:
    """Write the shards of `words` into `out_dir`; returns the largest shard's size in bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    largest = 0
    for name, data in build_shards(words).items():
        encoded = _dump(data)
        (out_dir / f"{name}.json").write_bytes(encoded)
        largest = max(largest, len(encoded))
    return largest

def record_words(view: LetterView, text: SearchText) -> set[str]:
    """Every folded word of one record Pagefind may match: its searchable text, keys and shown
    metadata and filter values (Pagefind indexes metadata too)."""
    return folded_words([text.text, *text.keys, view.title, view.agency, view.number, view.issued_on,
                         view.year, view.reason, view.level])
