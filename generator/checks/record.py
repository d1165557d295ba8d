"""The public record: `content/published.lock`, a manifest of every published letter.

One JSON object per line, sorted by letter id, after a header line: the letter's id and source,
the SHA-256 of its PDF and of its *normalised* metadata (canonical JSON of the loaded values,
so quoting, comments and key order do not count but any value change does), the
number of corrections and their hash, and whether it is withdrawn. A published letter may be
corrected (a new `corrections` entry) or withdrawn (`withdrawn:`; its PDF may then go), never
silently changed or lost. `check_record` compares the content with the lock; `compare_locks`
compares a proposed lock with the base branch's; `lock_entries`/`write_lock` write a new one.

Version 2 of the lock also keeps each letter's values (flat dotted fields, `values`) and what each
correction changed (`changes`: {field: [old, new]}), so a correction may change only the fields it names
and the page can show old → new from the record; its last line is a seal (the SHA-256 of every line
before it), so a line re-hashed by hand is detected. Publishing (`check_record(..., publish=True)`)
also refuses letters that are not locked, a missing lock, and, given the last published lock, anything
removed or silently changed since (generator/commands: `--publish --base-lock FILE`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from generator.checks import record_fields
from generator.checks.record_publish import history_problems, missing_lock_problems
from generator.content.model import Letter
from generator.problems import Problem, make
from generator.strings.problems_record import LOCK_DETAILS

LOCK_NAME = "published.lock"
HEADER = {"congkhai": "published.lock", "version": 2,
          "note": "public-record manifest: written by `python -m generator lock`, never by hand"}
HEADER_V1 = {**HEADER, "version": 1}  # no values, no seal: still read
SEAL = "seal"
LIFE_FIELDS = ("corrections", "withdrawn")  # the record's life: excluded from the metadata hash
_MODEL_ONLY = ("id", "source", "lines")  # where the letter is, not what it says
_KEYS = {"id": str, "source": str, "pdf_sha256": (str, type(None)), "meta_sha256": str, "fields": dict,
         "corrections": int, "corrections_sha256": str, "withdrawn": bool}
_OPTIONAL_KEYS = {"values": dict, "changes": list}  # version 2


@dataclass(frozen=True)
class Entry:
    """One published letter as the lock records it."""

    id: str
    source: str
    pdf_sha256: str | None
    meta_sha256: str
    fields: dict[str, str]  # top-level field -> short hash of its normalised value (names what changed)
    corrections: int
    corrections_sha256: str
    withdrawn: bool
    values: dict | None = None  # dotted field -> normalised value, `pdf` -> SHA-256 (version 2)
    changes: list | None = None  # per correction: {field: [old, new]} or None where unknown (version 2)
    line: int = field(default=0, compare=False)

    def as_json(self) -> str:
        """The entry's line in the lock (keys in a fixed order)."""
        return json.dumps(entry_data(self), ensure_ascii=False)


def entry_data(entry: Entry) -> dict:
    """The object an entry's lock line holds (keys in a fixed order; its line number is not part of it)."""
    data = asdict(entry)
    data.pop("line")
    return {k: v for k, v in data.items() if v is not None or k not in _OPTIONAL_KEYS}


def entry_of(data: object, line: int = 0) -> Entry | None:
    """The entry of a lock line's object (`entry_data`), None when it is not one (`_entry_error`)."""
    if _entry_error(data) is not None:
        return None
    return Entry(**data, line=line)  # type: ignore[arg-type]


@dataclass
class Lock:
    """A parsed lock file: entries by id and the problems of malformed lines."""

    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _norm(value: object) -> object:
    """Plain JSON-ready data: NFC text, ISO dates."""
    if isinstance(value, dict):
        return {str(k): _norm(x) for k, x in value.items()}
    if isinstance(value, (list, tuple)):
        return [_norm(x) for x in value]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _dumps(normalised: object) -> str:
    return json.dumps(normalised, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(value: object) -> str:
    """Canonical JSON of metadata values: sorted keys, NFC text, ISO dates."""
    return _dumps(_norm(value))


def sha256_text(text: str) -> str:
    """SHA-256 hex digest of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    """SHA-256 hex digest of a file, read in chunks."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _plain(value: object) -> object:
    """A model value as plain data; dataclass fields equal to their default are left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in _MODEL_ONLY or (f.default is not dataclasses.MISSING and item == f.default):
                continue
            out[f.name] = _plain(item)
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(x) for x in value]
    return value


def letter_meta(letter: Letter) -> dict:
    """The letter's normalised metadata: every value but its record life (corrections, withdrawal).

    Read from the model, so quoting, comments, key order and an explicit default do not count; a
    field added to the model later is left out while it holds its default, so old locks stay valid.
    """
    return {k: v for k, v in _plain(letter).items() if k not in LIFE_FIELDS}  # type: ignore[union-attr]


def pdf_sha_of(root: Path, letter: Letter, pdf_facts: dict | None = None) -> str | None:
    """The SHA-256 of the letter's PDF: from the PDF gate's facts, else read (None when there is no PDF)."""
    facts = (pdf_facts or {}).get(letter.pdf_source)
    if facts is not None and facts.sha256:
        return facts.sha256
    pdf_path = root / letter.pdf_source
    return sha256_file(pdf_path) if pdf_path.is_file() else None


def current_entry(root: Path, letter: Letter, pdf_facts: dict | None = None, pdf_sha: str | None = "") -> Entry:
    """The entry describing `letter` as it is now in the content root (`pdf_sha`: its PDF's, when known)."""
    meta = _norm(letter_meta(letter))
    corrections = _plain(letter.corrections)
    if pdf_sha == "":
        pdf_sha = pdf_sha_of(root, letter, pdf_facts)
    return Entry(
        id=letter.id,
        source=letter.source,
        pdf_sha256=pdf_sha,
        meta_sha256=sha256_text(_dumps(meta)),
        fields={k: sha256_text(_dumps(v))[:12] for k, v in sorted(meta.items())},  # type: ignore[union-attr]
        corrections=len(letter.corrections),
        corrections_sha256=sha256_text(canonical(corrections)),
        withdrawn=letter.withdrawn is not None,
        values=record_fields.flat(meta, pdf_sha),  # type: ignore[arg-type]
    )


def corrections_prefix_hash(letter: Letter, count: int) -> str:
    """Hash of the first `count` corrections of a letter as they are now."""
    return sha256_text(canonical(_plain(letter.corrections[:count])))


def parse_lock(text: str, rel: str = LOCK_NAME) -> Lock:
    """Parse a lock's text; malformed lines become `record-lock-malformed` problems."""
    lock = Lock()
    lines = text.splitlines()
    header = _json(lines[0]) if lines else None
    if header not in (HEADER, HEADER_V1):
        lock.problems.append(make("record-lock-malformed", rel, 1, detail=LOCK_DETAILS["no-header"]))
    elif header == HEADER:
        lines, seal_problem = _unseal(lines, rel)
        lock.problems += seal_problem
    for number, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        data = _json(raw)
        detail = _entry_error(data)
        if detail is None and data["id"] in lock.entries:
            detail = LOCK_DETAILS["duplicate"].format(letter_id=data["id"])
        if detail is not None:
            lock.problems.append(make("record-lock-malformed", rel, number, detail=detail))
            continue
        lock.entries[data["id"]] = Entry(**data, line=number)
    return lock


def seal_of(lines: list[str]) -> str:
    """The seal of a lock's lines (header and entries): SHA-256 over them, one per line."""
    return sha256_text("".join(line + "\n" for line in lines))


def _unseal(lines: list[str], rel: str) -> tuple[list[str], list[Problem]]:
    """The lines without the seal line, and a `record-lock-tampered` problem when the seal is absent or wrong."""
    body = list(lines)
    while body and not body[-1].strip():
        body.pop()
    last = _json(body[-1]) if len(body) > 1 else None
    if isinstance(last, dict) and set(last) == {SEAL}:
        body.pop()
        if last[SEAL] == seal_of(body):
            return body, []
    return body, [make("record-lock-tampered", rel, len(body) + 1)]


def _json(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _entry_error(data: object) -> str | None:
    if not isinstance(data, dict):
        return LOCK_DETAILS["not-object"]
    if set(data) - set(_OPTIONAL_KEYS) != set(_KEYS):
        return LOCK_DETAILS["keys"]
    for key, kind in {**_KEYS, **_OPTIONAL_KEYS}.items():
        if key not in data:
            continue
        if not isinstance(data[key], kind) or (kind is int and isinstance(data[key], bool)):
            return LOCK_DETAILS["key-type"].format(key=key)
    return None


def read_lock(path: Path, rel: str = LOCK_NAME) -> Lock | None:
    """The parsed lock at `path`, or None when there is no lock yet."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Lock(problems=[make("record-lock-malformed", rel, None, detail=LOCK_DETAILS["unreadable"])])
    return parse_lock(text, rel)


def compare(locked: Entry, now: Entry, prefix_hash: str | None = None, *, pdf_absent_ok: bool = False,
            declared: set[str] | None = None) -> list[tuple]:
    """(code, changed field or None, params) for each way `now` breaks the record `locked` holds; with
    `declared` (the fields the new corrections name), each field changed beyond them too."""
    found: list[tuple] = []
    params = {"letter_id": locked.id}
    if locked.withdrawn and not now.withdrawn:
        found.append(("record-withdrawal-removed", "withdrawn", params))
    rewritten = now.corrections < locked.corrections or (
        prefix_hash is not None and prefix_hash != locked.corrections_sha256) or (
        now.corrections == locked.corrections and now.corrections_sha256 != locked.corrections_sha256)
    if rewritten:
        found.append(("record-corrections-rewritten", "corrections",
                      {**params, "locked": locked.corrections, "now": now.corrections}))
    pdf_gone_ok = now.withdrawn or (pdf_absent_ok and now.pdf_sha256 is None)
    if now.corrections > locked.corrections and not rewritten and declared is not None:
        for name in changed_since(locked, now, pdf_gone_ok):
            if not record_fields.covers(declared, name):
                found.append(("record-correction-undeclared", name, {**params, "field_name": name}))
    if now.corrections > locked.corrections or rewritten:
        return found  # corrected openly (or already reported)
    if now.pdf_sha256 != locked.pdf_sha256 and not pdf_gone_ok:
        found.append(("record-pdf-changed", None, params))
    if now.meta_sha256 != locked.meta_sha256:
        changed = sorted(k for k in set(locked.fields) | set(now.fields) if locked.fields.get(k) != now.fields.get(k))
        found.append(("record-metadata-changed", changed[0] if changed else None,
                      {**params, "fields": ", ".join(changed) or "?"}))
    return found


def changed_since(locked: Entry, now: Entry, pdf_gone_ok: bool) -> list[str]:
    """Fields that differ between the lock and now (the PDF left out when its absence is allowed)."""
    changed = record_fields.changed_fields(locked.values, locked.fields, locked.pdf_sha256,
                                           now.values or {}, now.fields, now.pdf_sha256)
    return [f for f in changed if not (f == record_fields.PDF_FIELD and pdf_gone_ok)]


def check_record(root: Path, letters: list[Letter], pdf_facts: dict | None = None, *, publish: bool = False,
                 base: Lock | None = None, letter_keys: dict | None = None, memo=None) -> list[Problem]:
    """Problems of the content against `root/published.lock`; in `publish` mode a letter not locked, a
    correction not locked and a missing lock are errors, and `base` (the last published lock) is compared.
    `memo` (record_memo.RecordEntryMemo) remembers each letter's entry now under its file's content key
    (`letter_keys`, by .yml: the loader's) and its PDF's SHA-256."""
    lock = read_lock(root / LOCK_NAME)
    if lock is None:
        return missing_lock_problems(root, LOCK_NAME, letters, publish=publish, base=base)
    problems = list(lock.problems)
    if base is not None:
        problems += compare_locks(base, lock)
    by_id = {letter.id: letter for letter in letters}
    misplaced: set[str] | None = None
    for letter_id, locked in lock.entries.items():
        letter = by_id.get(letter_id)
        if letter is None:
            if misplaced is None:  # ids of files still under letters/ (a layout problem covers them)
                misplaced = {path.name.split(".")[0] for path in (root / "letters").rglob("*") if path.is_file()}
            if not (root / locked.source).is_file() and letter_id not in misplaced:
                problems.append(make("record-letter-missing", LOCK_NAME, locked.line, None,
                                     letter_id=letter_id, source=locked.source))
            continue
        if memo is None:
            now = current_entry(root, letter, pdf_facts)
        else:
            pdf_sha = pdf_sha_of(root, letter, pdf_facts)
            now = memo.entry(letter.source, (letter_keys or {}).get(letter.source), pdf_sha,
                             lambda letter=letter, pdf_sha=pdf_sha: current_entry(root, letter, pdf_facts, pdf_sha))
        prefix = corrections_prefix_hash(letter, locked.corrections) if now.corrections > locked.corrections \
            else None
        declared = record_fields.declared_since(letter, locked.corrections)
        found = compare(locked, now, prefix, pdf_absent_ok=True, declared=declared)
        if now.corrections > locked.corrections:
            found += record_fields.declaration_problems(letter, locked.corrections)
            if publish:
                found.append(("record-correction-not-locked", "corrections", {"letter_id": letter.id}))
        for code, field_name, params in found:
            line = (letter.line_of(field_name) or letter.line_of("corrections")) if field_name else None
            problems.append(make(code, letter.source, line, field_name, **params))
    for letter in letters:
        if letter.id not in lock.entries:
            code = "record-unlocked" if publish else "record-not-locked"
            problems.append(make(code, letter.source, None, None, letter_id=letter.id))
    return problems


def compare_locks(base: Lock, proposed: Lock, rel: str = LOCK_NAME) -> list[Problem]:
    """Problems of a proposed lock against the base branch's: nothing removed or silently changed."""
    problems = list(proposed.problems)
    for letter_id, old in base.entries.items():
        new = proposed.entries.get(letter_id)
        if new is None:
            problems.append(make("record-entry-removed", rel, None, None, letter_id=letter_id))
            continue
        declared = {name for change in (new.changes or [])[old.corrections:] if change for name in change}
        found = compare(old, new, declared=declared)
        found += history_problems(old, new)
        for code, field_name, params in found:
            problems.append(make(code, rel, new.line, field_name, **params))
    return problems


def correction_steps(root: Path, letters: list[Letter], pdf_facts: dict | None = None) -> dict[str, list]:
    """letter id -> per correction {field: [old, new]} from the lock (a correction not locked yet: computed
    against the lock's values, as a preview); only letters with corrections that the lock knows."""
    corrected = [letter for letter in letters if letter.corrections]
    lock = read_lock(root / LOCK_NAME) if corrected else None
    out: dict[str, list] = {}
    for letter in corrected:
        locked = lock.entries.get(letter.id) if lock else None
        if locked is None:
            continue
        steps = list(locked.changes or [])[: locked.corrections]
        if len(letter.corrections) > locked.corrections:
            now = current_entry(root, letter, pdf_facts)
            steps = record_fields.history(letter, locked.changes, locked.corrections, locked.values,
                                          now.values or {}, changed_since(locked, now, pdf_gone_ok=now.withdrawn))
        out[letter.id] = steps
    return out


def lock_entries(root: Path, letters: list[Letter], pdf_facts: dict | None = None,
                 old: Lock | None = None) -> list[Entry]:
    """Entries for every letter, sorted by id; each correction's changes kept from `old` (the lock so far)
    or, for a new correction, computed with the old values from `old` (default: the lock in `root`)."""
    if old is None:
        old = read_lock(root / LOCK_NAME)
    entries = []
    for letter in letters:
        now = current_entry(root, letter, pdf_facts)
        locked = old.entries.get(letter.id) if old else None
        if locked is None:
            changes = [None] * now.corrections
        else:
            changed = changed_since(locked, now, pdf_gone_ok=now.withdrawn)
            changes = record_fields.history(letter, locked.changes, locked.corrections, locked.values,
                                            now.values or {}, changed)
        entries.append(dataclasses.replace(now, changes=changes))
    return sorted(entries, key=lambda e: e.id)


def lock_text(entries: list[Entry]) -> str:
    """The lock file's text: the header line, one line per entry, then the seal of those lines."""
    lines = [json.dumps(HEADER, ensure_ascii=False), *(e.as_json() for e in entries)]
    return "\n".join([*lines, json.dumps({SEAL: seal_of(lines)})]) + "\n"


def write_lock(root: Path, entries: list[Entry]) -> Path:
    """Write `root/published.lock` atomically; returns its path."""
    path = root / LOCK_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(lock_text(entries), encoding="utf-8")
    os.replace(tmp, path)
    return path
