"""Warm-check memo of the PDF gate: for each letter's PDF, what the last check found and judged.

Without it a warm check of 10,000 letters re-hashes every PDF, reads 10,000 cached facts files and
re-scans every text layer for personal data (~8 s). An entry is reused only while

- the file has the same bytes: same size, mtime and inode (`cachekeys.stat_key`), or, on a fresh clone, the
  same SHA-256 (`cachekeys.same_content`: CI's publish then reads each PDF once, to hash it), and
- the judge's inputs are the same: the portal's policy, the trust roots, the allowed contacts, the
  letter's identifiers and `privacy_reviewed`, and the generator's own code (a fingerprint of its
  sources, so an upgrade re-judges everything once).

Otherwise the PDF goes through the gate as before (hash, facts cache, workers, judge). Entries keep
facts without the text layer and the OCR texts (`light`); the OCR texts are read back from the facts
cache when a page shows them (`cache.machine_read`). The memo is JSON decoded through type hints
(`generator.cachedata`), never unpickled: a damaged, foreign or tampered memo is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from generator.cachedata import CacheInvalid, StatMemo, decode, encode
from generator.cachekeys import code_fingerprint, content_key, same_content
from generator.checks.pdfgate.cache import FactsCache
from generator.checks.pdfgate.facts import GATE_VERSION, PdfFacts
from generator.problems import Problem


def judge_key(*inputs: object) -> str:
    """A digest of everything `judge` depends on besides the facts (callers pass them in a fixed order)."""
    return hashlib.sha256(repr((code_fingerprint(), GATE_VERSION, inputs)).encode()).hexdigest()


def light(facts: PdfFacts, cache: FactsCache | None) -> PdfFacts:
    """`facts` without the text layer, strings and OCR texts (the OCR texts read back from `cache` on demand)."""
    ocr_text = any(page.text for page in facts.ocr_pages)
    if cache is None or (not facts.text and not facts.strings and not ocr_text):
        return facts
    source = cache.path_of(facts.sha256)
    if ocr_text and not source.is_file():
        return facts  # the facts cache could not be written: keep the OCR texts here
    pages = tuple(replace(page, text="") for page in facts.ocr_pages)
    return facts.with_changes(text="", strings=(), hidden_text=(), revision_strings=(),
                              ocr_pages=pages, ocr_source=str(source) if ocr_text else "")


@dataclass(frozen=True)
class Entry:
    stat: tuple[int | str, ...]  # the PDF's content key (cachekeys.content_key)
    judge: str
    facts: PdfFacts
    problems: tuple[Problem, ...]


class GateMemo(StatMemo):
    """`cache_dir/<gate version>/memo/`: {letter PDF (relative path): Entry} (cachedata.StatMemo, an entry a
    dict, decoded when asked for); disabled without a cache."""

    VERSION = 4  # 4: content keys
    NAME = f"{GATE_VERSION}/memo"

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, code_fingerprint())
        self.facts_cache = FactsCache(cache_dir) if cache_dir is not None else None

    def get(self, rel: str, path: str, st: os.stat_result, judged_by: str) -> Entry | None:  # type: ignore[override]
        """The entry of `rel` when its file (at `path`, stat `st`) has the same bytes and its judge's inputs
        are unchanged."""
        raw = self.entries.get(rel)
        if not isinstance(raw, dict) or raw.get("judge") != judged_by:
            return None
        raw = self.restamped(rel, raw, raw.get("stat"), same_content(raw.get("stat"), path, st))
        if raw is None:
            return None
        try:
            entry = decode(raw, Entry)
        except CacheInvalid:
            return None
        self.keep(rel, raw)
        return entry  # type: ignore[return-value]

    @staticmethod
    def stamp(raw, key: list):
        return {**raw, "stat": key}

    def put(self, rel: str, st: os.stat_result, judged_by: str, facts: PdfFacts,  # type: ignore[override]
            problems: list[Problem]) -> None:
        """Remember what was found and judged for `rel` (`st` taken before the file was read; its key names
        the bytes the facts are of, `facts.sha256`)."""
        entry = Entry(tuple(content_key(st, facts.sha256)), judged_by, light(facts, self.facts_cache),
                      tuple(problems))
        super().put(rel, encode(entry, compact=True))  # facts' defaults left out (decoded back): a third the size
