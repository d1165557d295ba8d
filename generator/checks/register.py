"""Import and validate register/*.csv: dossiers exported from the one-stop software.

The export holds the overdue dossiers only (portal.yml `reports.register_export: overdue`, the default), or
every dossier received (`all`): then dossiers resolved on time and dossiers not yet due are rows too, and the
reports give on-time figures (generator/figures/ontime.py). Optional columns: `returned_on`, `sector` (lĩnh vực),
`procedure_code`, `channel` (`online` | `in-person`).

`load_register()` reads every CSV under `<root>/register/` (sorted by name), validates each row
like a letter (encoding, header, dates, dossier code, agency, NFC, duplicates) and returns the
valid rows as `RegisterRow`s with every problem; `line` is the CSV line where the row starts.
A row with an error is left out of the rows; the other rows go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from generator.cachedata import CacheInvalid, StatMemo, decode, encode
from generator.cachekeys import bytes_digest, code_fingerprint, content_key
from generator.checks import dateranges
from generator.content.identifiers import pattern_of
from generator.content.model import DEFAULT_DOSSIER_CODE_PATTERN, Agency, Policy, RegisterRow
from generator.content.namespaces import unknown_agency
from generator.content.schema import REGISTER
from generator.content.vtext import is_nfc, legacy_encoding
from generator.content.yamlsrc import forbidden_char_problems
from generator.problems import PROBLEM_TYPES, Problem, make

REQUIRED = tuple(f.name for f in REGISTER if f.required)  # columns declared once, in generator/content/schema.py
OPTIONAL = tuple(f.name for f in REGISTER if not f.required)
CHANNELS = next(f.choices for f in REGISTER if f.name == "channel")
COLUMNS = REQUIRED + OPTIONAL
DATE_COLUMNS = ("received_on", "due_on", "returned_on")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register_files(root: Path) -> list[Path]:
    """The register CSV files of a content root, sorted by name."""
    folder = root / "register"
    try:
        with os.scandir(folder) as entries:  # (a file's type from the folder listing: no call per file)
            names = sorted(e.name for e in entries if e.name.lower().endswith(".csv") and len(e.name) > 4
                           and e.is_file())
    except (NotADirectoryError, FileNotFoundError):
        return []
    return [folder / name for name in names]


def load_register(
    root: Path, agencies: dict[str, Agency], policy: Policy, today: date, *, complete: bool = False,
    cache_dir: Path | None = None,
) -> tuple[list[RegisterRow], list[Problem]]:
    """Every valid register row under `root/register/*.csv` and the problems of every file (`complete`: the
    export holds every dossier, not only overdue ones). With `cache_dir`, an unchanged file's rows and
    problems come from `RegisterMemo` (what a file yields depends on the file and the inputs of its key only)."""
    pattern = pattern_of(policy, "dossier_code_pattern", DEFAULT_DOSSIER_CODE_PATTERN)  # a bad one: the default
    memo = RegisterMemo(cache_dir, register_key(agencies, pattern, today, complete))
    rows: list[RegisterRow] = []
    problems: list[Problem] = []
    seen: dict[str, RegisterRow] = {}
    for path in register_files(root):
        rel = f"register/{path.name}"
        records = memo.records(rel, path, lambda data, rel=rel: list(
            _read_file(data, rel, agencies, pattern, today, complete)))
        for row, row_problems in records:
            problems += row_problems
            if row is None:
                continue
            first = seen.get(row.dossier_code)
            if first is not None:
                other = f"{first.source}:{first.line}"
                problems.append(make("register-duplicate", rel, row.line, "dossier_code", value=row.dossier_code,
                                     other=other))
                continue
            seen[row.dossier_code] = row
            rows.append(row)
    memo.save()
    return rows, problems


Record = tuple[RegisterRow | None, list[Problem]]


def register_key(agencies: dict[str, Agency], pattern, today: date, complete: bool) -> str:
    """A digest of everything a register file's rows and problems depend on besides its bytes: the agencies
    (codes, validity, their kind: every agency passes while agencies.yml is unusable), the dossier-code
    pattern, today, the export kind and the check's own code."""
    inputs = (code_fingerprint(), type(agencies).__qualname__, sorted(agencies.items()),
              getattr(pattern, "pattern", None), today.isoformat(), complete)
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


class RegisterMemo(StatMemo):
    """`cache_dir/register/`: {register/<file>.csv: [content key, [[row or None, problems], ...]]} under
    the register key; off without a cache. Like the other per-file memos: JSON decoded through type hints
    (every row and problem of its own file, every problem of the catalog), a damaged, foreign or tampered
    one ignored (the file is read again); reused while the file has the same bytes (`cachekeys.same_content`)."""

    VERSION = 3  # 3: content keys
    NAME = "register"

    def records(self, rel: str, path: Path, read: Callable[[bytes], list[Record]]) -> list[Record]:
        """What `_read_file` yields for the file `rel` at `path` (`read(its bytes)`): remembered while it has
        the same bytes (`cachekeys.same_content`), else read."""
        if self.file is None:
            return read(path.read_bytes())
        try:
            st = os.stat(path)
        except OSError:
            return read(path.read_bytes())
        raw = self.get(rel, path, st, 2)
        if raw is not None:
            try:
                found = decode(raw[1], list[Record])
            except CacheInvalid:
                found = None
            if found is not None and all((row is None or row.source == rel)
                                         and all(p.code in PROBLEM_TYPES and p.file == rel for p in problems)
                                         for row, problems in found):
                self.keep(rel, raw)
                return found  # type: ignore[return-value]
        data = path.read_bytes()
        found = read(data)
        self.put(rel, [content_key(st, bytes_digest(data)), encode(found)])  # the key of the bytes read
        return found


def _read_file(
    data: bytes, rel: str, agencies: dict[str, Agency], pattern: re.Pattern[str] | None, today: date,
    complete: bool = False,
) -> Iterator[tuple[RegisterRow | None, list[Problem]]]:
    """(row or None, problems) for each record of one CSV file; file-level problems come with None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield None, [make("register-encoding", rel, None, detail=f"byte {exc.start}")]
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header, header_line = None, 1
    try:
        while header is None:
            header_line = reader.line_num + 1
            record = next(reader, None)
            if record is None:
                yield None, [make("register-empty", rel, None, columns=",".join(COLUMNS))]
                return
            if any(cell.strip() for cell in record):
                header = [cell.strip() for cell in record]
        header_problems = _header_problems(header, rel, header_line)
        yield None, header_problems
        if any(p.severity == "error" for p in header_problems):
            return
        while True:
            line = reader.line_num + 1
            record = next(reader, None)
            if record is None:
                return
            if not any(cell.strip() for cell in record):
                continue  # blank line
            if len(record) != len(header):
                yield None, [make("register-row-width", rel, line, found=len(record), expected=len(header))]
                continue
            values = {name: cell.strip() for name, cell in zip(header, record) if name in COLUMNS}
            yield _row(values, rel, line, agencies, pattern, today, complete)
    except csv.Error as exc:
        yield None, [make("register-syntax", rel, reader.line_num, detail=str(exc))]


def _header_problems(header: list[str], rel: str, line: int) -> list[Problem]:
    problems = []
    for name in REQUIRED:
        if name not in header:
            problems.append(make("register-column-missing", rel, line, column=name, columns=",".join(COLUMNS)))
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(make("register-column-duplicate", rel, line, column=name))
        seen.add(name)
        if name not in COLUMNS:
            problems.append(make("register-column-unknown", rel, line, column=name))
    return problems


def _row(
    values: dict[str, str], rel: str, line: int, agencies: dict[str, Agency], pattern: re.Pattern[str] | None,
    today: date, complete: bool = False,
) -> tuple[RegisterRow | None, list[Problem]]:
    """Validate one record; the row is None when it has an error."""
    problems: list[Problem] = []
    for name, value in values.items():
        problems += forbidden_char_problems(value, rel, line, name)
        if value.isascii():
            continue
        if not is_nfc(value):
            problems.append(make("register-text-not-nfc", rel, line, name))
        encoding = legacy_encoding(value)
        if encoding:
            problems.append(make("register-text-legacy-encoding", rel, line, name, encoding=encoding,
                                 sample=value[:40]))
    for name in REQUIRED:
        if not values.get(name):
            problems.append(make("register-field-empty", rel, line, name))
    dates: dict[str, date | None] = {}
    for name in DATE_COLUMNS:
        raw = values.get(name, "")
        dates[name] = None
        if raw:
            try:
                if not _ISO_DATE.match(raw):
                    raise ValueError(raw)
                dates[name] = date.fromisoformat(raw)
            except ValueError:
                problems.append(make("register-date-invalid", rel, line, name, value=raw))
    code = values.get("dossier_code", "")
    if code and pattern is not None and not pattern.match(code):
        problems.append(make("register-dossier-code-pattern", rel, line, "dossier_code", value=code))
    problems += _date_problems(dates, rel, line, today, complete)
    channel = values.get("channel", "")
    if channel and channel not in CHANNELS:
        problems.append(make("register-channel-invalid", rel, line, "channel", value=channel,
                             choices=", ".join(CHANNELS)))
    agency_code = values.get("agency", "")
    agency = agencies.get(agency_code)
    if agency_code and agency is None:
        problems.append(unknown_agency(agency_code, agencies, "register-agency-unknown", rel, line, "agency",
                                       agency=agency_code))
    received = dates["received_on"]
    if agency is not None and received is not None and not agency.valid_on(received):
        window = f"{agency.valid_from or '…'} – {agency.valid_to or '…'}"
        problems.append(make("register-agency-not-valid", rel, line, "agency", agency=agency_code,
                             day=received.isoformat(), window=window))
    if any(p.severity == "error" for p in problems):
        return None, problems
    row = RegisterRow(
        source=rel,
        line=line,
        dossier_code=code,
        agency=agency_code,
        procedure=values["procedure"],
        received_on=received,  # type: ignore[arg-type]
        due_on=dates["due_on"],  # type: ignore[arg-type]
        returned_on=dates["returned_on"],
        sector=values.get("sector", ""),
        procedure_code=values.get("procedure_code", ""),
        channel=channel,
    )
    return row, problems


def _date_problems(dates: dict[str, date | None], rel: str, line: int, today: date,
                   complete: bool = False) -> list[Problem]:
    received, due, returned = dates["received_on"], dates["due_on"], dates["returned_on"]
    problems = []
    if received and due and received > due:
        problems.append(make("register-dates-order", rel, line, "received_on", received_on=received.isoformat(),
                             due_on=due.isoformat()))
    if returned and due and returned <= due and not complete:
        problems.append(make("register-returned-not-after-due", rel, line, "returned_on",
                             returned_on=returned.isoformat(), due_on=due.isoformat()))
    for name, value in dates.items():
        if dateranges.out_of_range(value, today):
            problems.append(dateranges.problem(rel, line, name, value, today))  # type: ignore[arg-type]
    for name in ("received_on", "returned_on"):
        value = dates[name]
        if value and value > today:
            problems.append(make("register-date-in-future", rel, line, name, value=value.isoformat(),
                                 today=today.isoformat()))
    if due and due >= today and returned is None and not complete:
        problems.append(make("register-not-overdue-yet", rel, line, "due_on", due_on=due.isoformat(),
                             today=today.isoformat()))
    return problems
