"""Warm-check memo of the policy checks: for each unchanged letter, the problems they found last time.

The policy checks (`letters.POLICY_CHECKS`: dossier code, identifier shapes, personal data in the free
text, household businesses and sensitive procedures) read only the letter and the portal's policy and
allowed contacts; scanning every free-text field for names, ID numbers, phones and e-mails is most of
a warm check's per-letter work (~3.5 s CPU of ~12 s at 10,000 letters). The letter's identifiers that
have their shape (`letters.letter_identifiers`, what the PDF gate's judge and its memo key read) are
remembered beside them (~1.2 s at 10,000 letters). An entry is reused only while

- the letter's file has the same bytes: the content key the loader read it under (`load.Loaded.letter_keys`:
  the same stat, or the same SHA-256 on a fresh clone, `cachekeys.same_bytes`), and
- the policy, the allowed contacts and the check's own code (`cachekeys.code_fingerprint`) are the same.

Everything else (files present, registries, dates against today) runs on every check. The memo is JSON
decoded through type hints (`generator.cachedata`), each problem of the catalog and of its letter's file:
a damaged, foreign or tampered one is ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from generator.cachedata import CacheInvalid, StatMemo, decode, encode
from generator.cachekeys import code_fingerprint, same_bytes
from generator.content.model import Policy
from generator.problems import PROBLEM_TYPES, Problem

FILE = "letter-checks"  # a memo folder (cachedata.MemoShards)


def policy_key(policy: Policy, allowed_contacts: Iterable[str]) -> str:
    """A digest of everything the policy checks read besides the letter."""
    return hashlib.sha256(repr((code_fingerprint(), policy, sorted(allowed_contacts))).encode()).hexdigest()


class LetterCheckMemo(StatMemo):
    """`cache_dir/letter-checks/`: {letter .yml: [content key, problems, identifiers]} under the policy key;
    off without a cache."""

    VERSION = 4  # 4: content keys
    NAME = FILE

    def letter(self, source: str, stat: tuple | None, checks: Callable[[], list[Problem]],
               identify: Callable[[], list[str]]) -> tuple[list[Problem], list[str]]:
        """The policy checks' problems and the identifiers (`letters.letter_identifiers`: the PDF gate's judge
        reads them) of the letter `source` read under the content key `stat`: remembered, else `checks()` and
        `identify()`."""
        raw = self.entries.get(source)
        if stat is not None and type(raw) is list and len(raw) == 3:
            raw = self.restamped(source, raw, raw[0], same_bytes(raw[0], list(stat)))
        else:
            raw = None
        if raw is not None:
            try:
                found = decode(raw[1], list[Problem])
                shaped = decode(raw[2], list[str])
            except CacheInvalid:
                found = None
            if found is not None and all(p.code in PROBLEM_TYPES and p.file == source for p in found):
                self.keep(source, raw)
                return found, shaped  # type: ignore[return-value]
        found, shaped = checks(), identify()
        if stat is not None:
            self.put(source, [list(stat), encode(found), list(shaped)])
        return found, shaped
