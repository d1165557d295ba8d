"""Warm-check memo of the public record: each letter's entry as the lock would record it now.

Whenever the content has a `published.lock` (every portal that publishes), `check_record` compares each
locked letter with its entry as it is now (`record.current_entry`: the letter's metadata normalised, its
canonical JSON and a hash of every field, its corrections' hash, its values): at 10,000 letters ~0.7 s of
every check and build, for letters that did not change. The entry depends only on the letter's file (what
the loader parsed) and its PDF's SHA-256, so it is remembered under both: reused while the letter's file has
the same bytes (its content key, as for the other memos: `load.Loaded.letter_keys`, the same stat or the same
SHA-256 on a fresh clone) and its PDF the same SHA-256, with the same code (`cachekeys.code_fingerprint`).

An entry is kept as the object its lock line holds and read back through the lock's own validation
(`record.entry_of`): a damaged, foreign or tampered memo is computed again, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.cachedata import StatMemo
from generator.cachekeys import code_fingerprint, same_bytes
from generator.checks.record import Entry, entry_data, entry_of


class RecordEntryMemo(StatMemo):
    """`cache_dir/record-entries/`: {letter .yml: [content key, PDF SHA-256, entry]}; off without a cache."""

    VERSION = 1
    NAME = "record-entries"

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, code_fingerprint())

    def entry(self, source: str, key: tuple | None, pdf_sha: str | None, make: Callable[[], Entry]) -> Entry:
        """The entry of the letter `source` read under the content key `key` with a PDF of `pdf_sha`:
        remembered, else `make()`."""
        raw = self.entries.get(source)
        if key is not None and type(raw) is list and len(raw) == 3 and raw[1] == pdf_sha:
            raw = self.restamped(source, raw, raw[0], same_bytes(raw[0], list(key)))
        else:
            raw = None
        if raw is not None:
            found = entry_of(raw[2])
            if found is not None and found.source == source and found.pdf_sha256 == pdf_sha:
                self.keep(source, raw)
                return found
        made = make()
        if key is not None:
            self.put(source, [list(key), pdf_sha, entry_data(made)])
        return made


__all__ = ["RecordEntryMemo"]
