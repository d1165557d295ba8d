"""Each correction of a letter as field: old value → new value, the old value taken from the record.

The lock (content/published.lock, generator/record.py) keeps what every locked correction changed; a
correction not locked yet (a preview build) is computed against the lock's values. A correction the
record knows nothing about (locked before the lock kept values) shows its date and note only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator import record, record_fields
from generator.model import Letter

Change = tuple[str, str, str]  # (dotted field, old value, new value) as shown


def shown(name: str, value: object) -> str:
    """A recorded value as the page shows it (a PDF by the start of its SHA-256)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == record_fields.PDF_FIELD and isinstance(value, str):
        return f"SHA-256 {value[:16]}…"
    return str(value)


def correction_changes(root: Path, letters: list[Letter], pdf_facts: Mapping[str, object]) -> dict[str, list]:
    """letter id -> per correction, its changes [(field, old, new)] (only letters with corrections)."""
    corrected = [letter for letter in letters if letter.corrections]
    if not corrected:
        return {}
    lock = record.read_lock(root / record.LOCK_NAME) or record.Lock()
    out: dict[str, list] = {}
    for letter in corrected:
        locked = lock.entries.get(letter.id)
        if locked is None:
            continue
        steps = list(locked.changes or [])[: locked.corrections]
        if len(letter.corrections) > locked.corrections:  # not locked yet: against the lock's values
            now = record.current_entry(root, letter, dict(pdf_facts))
            changed = record.changed_since(locked, now, pdf_gone_ok=now.withdrawn)
            steps = record_fields.history(letter, locked.changes, locked.corrections, locked.values,
                                          now.values or {}, changed)
        out[letter.id] = [[(name, shown(name, pair[0]), shown(name, pair[1])) for name, pair in (step or {}).items()
                           if isinstance(pair, list) and len(pair) == 2] for step in steps]
    return out
