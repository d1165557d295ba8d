"""Warm-check memo of the PDF gate: for each letter's PDF, what the last check found and judged.

Without it a warm check of 10,000 letters re-hashes every PDF, reads 10,000 cached facts files and
re-scans every text layer for personal data (~8 s). An entry is reused only while

- the file is unchanged: same size, mtime and inode (`cachekeys.stat_key`), and
- the judge's inputs are the same: the portal's policy, the trust roots, the allowed contacts, the
  letter's identifiers and `privacy_reviewed`, and the generator's own code (a fingerprint of its
  sources, so an upgrade re-judges everything once).

Otherwise the PDF goes through the gate as before (hash, facts cache, workers, judge). Entries keep
facts without the text layer and the thumbnail (`light`); the thumbnail is read back from the facts
cache when a page is rendered (`PdfFacts.thumbnail_data`). A damaged memo is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.cachekeys import code_fingerprint
from generator.pdfgate.cache import FactsCache
from generator.pdfgate.facts import GATE_VERSION, PdfFacts
from generator.problems import Problem


def judge_key(*inputs: object) -> str:
    """A digest of everything `judge` depends on besides the facts (callers pass them in a fixed order)."""
    return hashlib.sha256(repr((code_fingerprint(), GATE_VERSION, inputs)).encode()).hexdigest()


def light(facts: PdfFacts, cache: FactsCache | None) -> PdfFacts:
    """`facts` without the text layer and the thumbnail (read back from `cache` on demand)."""
    if cache is None or (facts.thumbnail is None and not facts.text and not facts.strings):
        return facts
    source = cache.path_of(facts.sha256)
    if facts.thumbnail is not None and not source.is_file():
        return facts  # the facts cache could not be written: keep the thumbnail here
    return facts.with_changes(text="", strings=(), hidden_text=(), revision_strings=(), thumbnail=None,
                              thumbnail_source=str(source) if facts.thumbnail else "")


@dataclass(frozen=True)
class Entry:
    stat: tuple[int, ...]
    judge: str
    facts: PdfFacts
    problems: tuple[Problem, ...]


class GateMemo:
    """`cache_dir/<gate version>/memo.pickle`: {letter PDF (relative path): Entry}; disabled without a cache."""

    VERSION = 1

    def __init__(self, cache_dir: Path | None) -> None:
        self.facts_cache = FactsCache(cache_dir) if cache_dir is not None else None
        self.file = Path(cache_dir) / GATE_VERSION / "memo.pickle" if cache_dir is not None else None
        self.entries: dict[str, Entry] = {}
        self.seen: dict[str, Entry] = {}
        self.added = 0  # entries put in this run
        if self.file is not None:
            try:
                with open(self.file, "rb") as handle:
                    version, entries = pickle.load(handle)
                if version == (self.VERSION, code_fingerprint()):
                    self.entries = entries
            except Exception:  # absent or damaged: start empty
                self.entries = {}

    def get(self, rel: str, stat: tuple[int, ...], judged_by: str) -> Entry | None:
        """The entry of `rel` when its file and its judge's inputs are unchanged."""
        entry = self.entries.get(rel)
        if entry is None or entry.stat != stat or entry.judge != judged_by:
            return None
        self.seen[rel] = entry
        return entry

    def put(self, rel: str, stat: tuple[int, ...], judged_by: str, facts: PdfFacts, problems: list[Problem]) -> None:
        """Remember what was found and judged for `rel` (stat taken before the file was read)."""
        self.seen[rel] = Entry(stat, judged_by, light(facts, self.facts_cache), tuple(problems))
        self.added += 1

    def save(self) -> None:
        """Write the entries seen in this run (nothing when all were reused and none dropped); errors ignored."""
        if self.file is None or (not self.added and self.seen.keys() == self.entries.keys()):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-memo-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(((self.VERSION, code_fingerprint()), self.seen), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            return
