"""Each correction of a letter as field: old value → new value, the old value taken from the record.

The check reads the public record (generator/checks/record.py `correction_steps`) into `Content.record_changes`:
per correction, {field: [old, new]} as the lock keeps it (a correction not locked yet: computed against the
lock's values, for a preview). A correction the record knows nothing about shows its date and note only.
"""

from __future__ import annotations

PDF_FIELD = "pdf"  # the PDF's SHA-256 (generator/checks/record_fields.py)


def shown(name: str, value: object) -> str:
    """A recorded value as the page shows it (a PDF by the start of its SHA-256)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == PDF_FIELD and isinstance(value, str):
        return f"SHA-256 {value[:16]}…"
    return str(value)


def shown_changes(record_changes: dict[str, list]) -> dict[str, list]:
    """letter id -> per correction [(field, old, new)] as text."""
    return {letter_id: [[(name, shown(name, pair[0]), shown(name, pair[1])) for name, pair in (step or {}).items()
                         if isinstance(pair, list) and len(pair) == 2] for step in steps]
            for letter_id, steps in record_changes.items()}
