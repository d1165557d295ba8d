"""The public record: `content/published.lock`, a manifest of every published letter.

One JSON object per line, sorted by letter id, after a header line: the letter's id and source,
the SHA-256 of its PDF and of its *normalised* metadata (canonical JSON of the loaded values,
so quoting, comments and key order do not count but any value change does), the
number of corrections and their hash, and whether it is withdrawn. A published letter may be
corrected (a new `corrections` entry) or withdrawn (`withdrawn:`; its PDF may then go), never
silently changed or lost. `check_record` compares the content with the lock; `compare_locks`
compares a proposed lock with the base branch's; `lock_entries`/`write_lock` write a new one.
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

from generator.model import Letter
from generator.problems import Problem, make

LOCK_NAME = "published.lock"
HEADER = {"congkhai": "published.lock", "version": 1,
          "note": "public-record manifest: written by `python -m generator lock`, never by hand"}
LIFE_FIELDS = ("corrections", "withdrawn")  # the record's life: excluded from the metadata hash
_MODEL_ONLY = ("id", "source", "lines")  # where the letter is, not what it says
_KEYS = {"id": str, "source": str, "pdf_sha256": (str, type(None)), "meta_sha256": str, "fields": dict,
         "corrections": int, "corrections_sha256": str, "withdrawn": bool}


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
    line: int = field(default=0, compare=False)

    def as_json(self) -> str:
        """The entry's line in the lock (keys in a fixed order)."""
        data = asdict(self)
        data.pop("line")
        return json.dumps(data, ensure_ascii=False)


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


def current_entry(root: Path, letter: Letter, pdf_facts: dict | None = None) -> Entry:
    """The entry describing `letter` as it is now in the content root."""
    meta = _norm(letter_meta(letter))
    corrections = _plain(letter.corrections)
    pdf_path = root / letter.pdf_source
    facts = (pdf_facts or {}).get(letter.pdf_source)
    if facts is not None and facts.sha256:
        pdf_sha = facts.sha256
    else:
        pdf_sha = sha256_file(pdf_path) if pdf_path.is_file() else None
    return Entry(
        id=letter.id,
        source=letter.source,
        pdf_sha256=pdf_sha,
        meta_sha256=sha256_text(_dumps(meta)),
        fields={k: sha256_text(_dumps(v))[:12] for k, v in sorted(meta.items())},  # type: ignore[union-attr]
        corrections=len(letter.corrections),
        corrections_sha256=sha256_text(canonical(corrections)),
        withdrawn=letter.withdrawn is not None,
    )


def corrections_prefix_hash(letter: Letter, count: int) -> str:
    """Hash of the first `count` corrections of a letter as they are now."""
    return sha256_text(canonical(_plain(letter.corrections[:count])))


def parse_lock(text: str, rel: str = LOCK_NAME) -> Lock:
    """Parse a lock's text; malformed lines become `record-lock-malformed` problems."""
    lock = Lock()
    lines = text.splitlines()
    if not lines or _json(lines[0]) != HEADER:
        lock.problems.append(make("record-lock-malformed", rel, 1, detail="thiếu dòng đầu của tệp khóa"))
    for number, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        data = _json(raw)
        detail = _entry_error(data)
        if detail is None and data["id"] in lock.entries:
            detail = f"mã văn bản '{data['id']}' bị lặp"
        if detail is not None:
            lock.problems.append(make("record-lock-malformed", rel, number, detail=detail))
            continue
        lock.entries[data["id"]] = Entry(**data, line=number)
    return lock


def _json(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _entry_error(data: object) -> str | None:
    if not isinstance(data, dict):
        return "không phải một đối tượng JSON"
    if set(data) != set(_KEYS):
        return "thiếu hoặc thừa khóa"
    for key, kind in _KEYS.items():
        if not isinstance(data[key], kind) or (kind is int and isinstance(data[key], bool)):
            return f"khóa '{key}' sai kiểu"
    return None


def read_lock(path: Path, rel: str = LOCK_NAME) -> Lock | None:
    """The parsed lock at `path`, or None when there is no lock yet."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Lock(problems=[make("record-lock-malformed", rel, None, detail="không đọc được tệp (UTF-8)")])
    return parse_lock(text, rel)


def compare(locked: Entry, now: Entry, prefix_hash: str | None = None, *, pdf_absent_ok: bool = False) -> list[tuple]:
    """(code, changed field or None, params) for each way `now` breaks the record `locked` holds."""
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
    if now.corrections > locked.corrections or rewritten:
        return found  # corrected openly (or already reported)
    pdf_gone_ok = now.withdrawn or (pdf_absent_ok and now.pdf_sha256 is None)
    if now.pdf_sha256 != locked.pdf_sha256 and not pdf_gone_ok:
        found.append(("record-pdf-changed", None, params))
    if now.meta_sha256 != locked.meta_sha256:
        changed = sorted(k for k in set(locked.fields) | set(now.fields) if locked.fields.get(k) != now.fields.get(k))
        found.append(("record-metadata-changed", changed[0] if changed else None,
                      {**params, "fields": ", ".join(changed) or "?"}))
    return found


def check_record(root: Path, letters: list[Letter], pdf_facts: dict | None = None) -> list[Problem]:
    """Problems of the content against `root/published.lock` (none when there is no lock yet)."""
    lock = read_lock(root / LOCK_NAME)
    if lock is None:
        return []
    problems = list(lock.problems)
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
        now = current_entry(root, letter, pdf_facts)
        prefix = corrections_prefix_hash(letter, locked.corrections) if now.corrections > locked.corrections \
            else None
        for code, field_name, params in compare(locked, now, prefix, pdf_absent_ok=True):
            line = letter.line_of(field_name) if field_name else None
            problems.append(make(code, letter.source, line, field_name, **params))
    for letter in letters:
        if letter.id not in lock.entries:
            problems.append(make("record-not-locked", letter.source, None, None, letter_id=letter.id))
    return problems


def compare_locks(base: Lock, proposed: Lock, rel: str = LOCK_NAME) -> list[Problem]:
    """Problems of a proposed lock against the base branch's: nothing removed or silently changed."""
    problems = list(proposed.problems)
    for letter_id, old in base.entries.items():
        new = proposed.entries.get(letter_id)
        if new is None:
            problems.append(make("record-entry-removed", rel, None, None, letter_id=letter_id))
            continue
        for code, field_name, params in compare(old, new):
            problems.append(make(code, rel, new.line, field_name, **params))
    return problems


def lock_entries(root: Path, letters: list[Letter], pdf_facts: dict | None = None) -> list[Entry]:
    """Entries for every letter, sorted by id."""
    return sorted((current_entry(root, letter, pdf_facts) for letter in letters), key=lambda e: e.id)


def lock_text(entries: list[Entry]) -> str:
    """The lock file's text: the header line, then one line per entry."""
    return "\n".join([json.dumps(HEADER, ensure_ascii=False), *(e.as_json() for e in entries)]) + "\n"


def write_lock(root: Path, entries: list[Entry]) -> Path:
    """Write `root/published.lock` atomically; returns its path."""
    path = root / LOCK_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(lock_text(entries), encoding="utf-8")
    os.replace(tmp, path)
    return path
