"""What a correction may change: the fields it names, checked against what really changed.

The lock (generator/checks/record.py) keeps each letter's values as flat dotted fields (`values`, with `pdf`
for the PDF's SHA-256) and, per correction, what it changed (`changes`: {field: [old, new]}). So
- a new correction must name its fields (`corrections[].fields`), each a known field or `pdf`;
- every field that differs from the lock must be named by one of the new corrections;
- the letter page shows each correction as field: old value → new value, the old value taken from
  the record (the lock), never from the editor.
"""

from __future__ import annotations

from generator.content.model import Letter
from generator.content.schema import LETTER

PDF_FIELD = "pdf"
_LIFE = ("corrections", "withdrawn")


def _names(fields, prefix: str = "") -> list[str]:
    out: list[str] = []
    for f in fields:
        if f.name in _LIFE:
            continue
        name = prefix + f.name
        out.append(name)
        out += _names(f.children, name + ".")
    return out


CORRECTABLE = frozenset(_names(LETTER)) | {PDF_FIELD}  # every field a correction may name


def flat(meta: dict, pdf_sha256: str | None) -> dict[str, object]:
    """Normalised metadata as {dotted field: value}, plus `pdf`: the PDF's SHA-256."""
    out: dict[str, object] = {}

    def walk(value: object, name: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}.{key}" if name else str(key))
        else:
            out[name] = value

    walk(meta, "")
    out[PDF_FIELD] = pdf_sha256
    return dict(sorted(out.items()))


def covers(declared: set[str] | frozenset[str], changed: str) -> bool:
    """True when a declared field covers `changed` (the same field, a parent map, or, for a lock that only
    knows top-level fields, one of its children)."""
    return any(d == changed or changed.startswith(d + ".") or d.startswith(changed + ".") for d in declared)


def changed_fields(locked_values: dict | None, locked_fields: dict, locked_pdf: str | None,
                   now_values: dict, now_fields: dict, now_pdf: str | None) -> list[str]:
    """Fields whose value differs between the lock and now (dotted when the lock holds values)."""
    if locked_values is not None:
        keys = set(locked_values) | set(now_values)
        return sorted(k for k in keys if locked_values.get(k) != now_values.get(k))
    changed = {k for k in set(locked_fields) | set(now_fields) if locked_fields.get(k) != now_fields.get(k)}
    if locked_pdf != now_pdf:
        changed.add(PDF_FIELD)
    return sorted(changed)


def declaration_problems(letter: Letter, since: int) -> list[tuple[str, str | None, dict]]:
    """(code, field, params) for corrections from index `since` on that name no fields or unknown ones."""
    found: list[tuple[str, str | None, dict]] = []
    for number, correction in enumerate(letter.corrections[since:], start=since + 1):
        params = {"letter_id": letter.id, "number": number}
        if not correction.fields:
            found.append(("record-correction-fields-missing", "corrections", params))
        for name in correction.fields:
            if name not in CORRECTABLE:
                found.append(("record-correction-field-unknown", "corrections", {**params, "field_name": name}))
    return found


def declared_since(letter: Letter, since: int) -> set[str]:
    """Every field the corrections from index `since` on name."""
    return {name for c in letter.corrections[since:] for name in c.fields}


def history(letter: Letter, locked_changes: list | None, locked_count: int, locked_values: dict | None,
            now_values: dict, changed: list[str]) -> list[dict | None]:
    """Per correction of `letter`, {field: [old, new]}: kept from the lock for locked corrections, computed
    (old from the lock's values) for the new ones; None where the record does not know."""
    out: list[dict | None] = list(locked_changes or [])[:locked_count]
    out += [None] * (locked_count - len(out))
    for correction in letter.corrections[locked_count:]:
        declared = set(correction.fields)
        mine: dict[str, list] = {}
        for name in changed:
            if not covers(declared, name):
                continue
            if name in now_values or (locked_values is not None and name in locked_values):
                mine[name] = [None if locked_values is None else locked_values.get(name), now_values.get(name)]
            else:  # a top-level field of a lock without values: its declared children, old value unknown
                mine.update({d: [None, now_values.get(d)] for d in sorted(declared) if d.startswith(name + ".")})
        out.append(dict(sorted(mine.items())))
    return out
