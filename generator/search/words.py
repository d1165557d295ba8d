"""The word list of the older years' bundle: a cheap probe before the page widens a query.

When the recent years give a few results (not none), the page widens to the older years only if
every word of the query could match an older letter. It asks `older-words/<key>.json` (the key is
the first two characters of the folded word, `shard_name`) for the folded words of the older
records starting with those characters: one small request per query word instead of a second
Pagefind module, its metadata and index chunks (~270 KB at 10,000 letters). A query word that no
older word starts with means no older letter holds every word, so the recent results stand.

The probe is conservative: it folds everything (accents, đ) and matches prefixes, so it may let a
widening through that Pagefind then answers with nothing new, never block one that would find more.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from generator.search.records import LetterView, SearchText
from generator.vtext import fold

WORDS_DIR = "older-words"
KEY_LENGTH = 2  # query words shorter than this are assumed present (no probe)
_WORD = re.compile(r"[^\W_]+")
_SAFE = re.compile(r"[a-z0-9]")


def folded_words(texts: Iterable[str]) -> set[str]:
    """The folded words (letters and digits) of `texts`: what Pagefind could match, accents aside."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(fold(text)))
    return words


def shard_name(word: str) -> str:
    """The shard of a folded word: its first two characters, non-ASCII ones as `_<hex>` (the same
    function is in search.js: `wordShard`)."""
    return "".join(c if _SAFE.fullmatch(c) else f"_{ord(c):x}" for c in word[:KEY_LENGTH])


def write_words(out_dir: Path, words: set[str]) -> int:
    """Write the shards of `words` (words shorter than KEY_LENGTH are never probed); returns the
    largest shard's size in bytes."""
    shards: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        if len(word) >= KEY_LENGTH:
            shards[shard_name(word)].append(word)
    out_dir.mkdir(parents=True, exist_ok=True)
    largest = 0
    for name, items in shards.items():
        data = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        (out_dir / f"{name}.json").write_bytes(data)
        largest = max(largest, len(data))
    return largest


def record_words(view: LetterView, text: SearchText) -> set[str]:
    """Every folded word of one record Pagefind may match: its searchable text, keys and shown
    metadata and filter values (Pagefind indexes metadata too)."""
    return folded_words([text.text, *text.keys, view.title, view.agency, view.number, view.issued_on,
                         view.year, view.reason, view.level])
