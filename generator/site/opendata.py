"""Open data: letters.csv / letters.json (one row per letter, withdrawn ones included), their JSON Schema,
a CSV per agency, per-year files, and the data-dictionary page. Columns are declared once, in `COLUMNS`.

Layout under the site root:
  data/letters.csv, data/letters.json   every letter (only while <= SPLIT_THRESHOLD letters)
  data/<year>/letters.csv, .json        the letters issued that year (always)
  data/letters.schema.json              JSON Schema of every letters.json
  data/agencies/<code>.csv              one agency's letters (only while <= AGENCY_SPLIT_THRESHOLD letters)
  data/agencies/<code>/<year>.csv       that agency's letters issued that year (only above it)
Both splits are one mechanism, `parts()`: no file grows with the archive beyond a threshold or one year.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import csvout, jsonout
from generator.cachedata import MemoShards
from generator.site.common import Site, fmt_number, page_html, write_page
from generator.site.reuse import code_fingerprint
from generator.site.skips import Skips, render_all, site_keys
from generator.figures.stats import LetterFacts
from generator.strings import site as S

SPLIT_THRESHOLD = 20_000  # above this many letters, only per-year files are published
AGENCY_SPLIT_THRESHOLD = 20_000  # above this many letters of one agency, its CSV is split per year
SCHEMA_PATH = "data/letters.schema.json"


@dataclass(frozen=True)
class Column:
    """One open-data column: name, JSON type, nullable, value getter (description in strings.site)."""

    name: str
    type: str  # string | date | integer | boolean
    nullable: bool
    get: Callable[[Site, LetterFacts], object]

    @property
    def description(self) -> str:
        """Vietnamese description (the data dictionary)."""
        return S.D_COLUMNS[self.name]


def _d(value):
    return value.isoformat() if value else None


COLUMNS: tuple[Column, ...] = (
    Column("id", "string", False,
           lambda s, f: f.letter.id),
    Column("page_url", "string", False,
           lambda s, f: s.absolute(f.letter.url)),
    Column("status", "string", False,
           lambda s, f: "withdrawn" if f.withdrawn else "published"),
    Column("number", "string", False,
           lambda s, f: f.letter.number),
    Column("issued_on", "date", False,
           lambda s, f: _d(f.letter.issued_on)),
    Column("published_on", "date", False,
           lambda s, f: _d(f.letter.published_on)),
    Column("agency", "string", False,
           lambda s, f: f.letter.agency),
    Column("agency_name", "string", False,
           lambda s, f: s.agency_name(f.letter.agency)),
    Column("signer_name", "string", False,
           lambda s, f: f.letter.signer.name),
    Column("signer_title", "string", False,
           lambda s, f: f.letter.signer.title),
    Column("recipient_kind", "string", False,
           lambda s, f: f.letter.recipient.kind),
    Column("recipient_name", "string", False,
           lambda s, f: f.letter.recipient.name),
    Column("dossier_code", "string", False,
           lambda s, f: f.letter.dossier.code),
    Column("procedure", "string", False,
           lambda s, f: f.letter.dossier.procedure),
    Column("procedure_code", "string", True,
           lambda s, f: f.letter.dossier.procedure_code),
    Column("received_on", "date", False,
           lambda s, f: _d(f.letter.dossier.received_on)),
    Column("due_on", "date", False,
           lambda s, f: _d(f.letter.dossier.due_on)),
    Column("new_due_on", "date", False,
           lambda s, f: _d(f.letter.dossier.new_due_on)),
    Column("returned_on", "date", True,
           lambda s, f: _d(f.letter.dossier.returned_on)),
    Column("reason", "string", False,
           lambda s, f: f.letter.reason.category),
    Column("reason_label", "string", False,
           lambda s, f: s.reason_label(f.letter.reason.category)),
    Column("reason_detail", "string", False,
           lambda s, f: f.letter.reason.detail),
    Column("working_days_late", "integer", False,
           lambda s, f: f.days_late),
    Column("issued_in_time", "boolean", False,
           lambda s, f: f.in_time),
    Column("new_date_missed", "boolean", False,
           lambda s, f: f.new_date_missed),
    Column("corrections", "integer", False,
           lambda s, f: len(f.letter.corrections)),
    Column("withdrawn_on", "date", True,
           lambda s, f: _d(f.letter.withdrawn.date) if f.withdrawn else None),
    Column("withdrawn_reason", "string", True,
           lambda s, f: f.letter.withdrawn.reason if f.withdrawn else None),
    Column("pdf_url", "string", True,
           lambda s, f: _pdf_url(s, f)),
    Column("pdf_sha256", "string", True,
           lambda s, f: None if f.withdrawn else s.pdf_meta(f.letter)[1]),
    Column("pdf_bytes", "integer", True,
           lambda s, f: None if f.withdrawn else s.pdf_meta(f.letter)[0]),
)

NUMERIC_COLUMNS = tuple(c.name for c in COLUMNS if c.type == "integer")
_JSON_TYPES = {"string": "string", "date": "string", "integer": "integer", "boolean": "boolean"}


def _pdf_url(site: Site, facts: LetterFacts) -> str | None:
    href = site.pdf_href(facts.letter)
    if href is None:
        return None
    return href if "://" in href else site.absolute(facts.letter.url + href)


def rows(site: Site, facts: list[LetterFacts]) -> list[dict[str, object]]:
    """One dict per letter, in column order."""
    return [{c.name: c.get(site, f) for c in COLUMNS} for f in facts]


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of letters.json, generated from COLUMNS."""
    props = {}
    for c in COLUMNS:
        prop: dict[str, object] = {"type": [_JSON_TYPES[c.type], "null"] if c.nullable else _JSON_TYPES[c.type],
                                   "description": c.description}
        if c.type == "date":
            prop["format"] = "date"
            prop["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        props[c.name] = prop
    props["status"]["enum"] = ["published", "withdrawn"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "letters.json",
        "type": "object",
        "required": ["portal", "licence", "generated_on", "letters"],
        "additionalProperties": False,
        "properties": {
            "portal": {"type": "string"},
            "licence": {"type": "string"},
            "generated_on": {"type": "string", "format": "date"},
            "letters": {"type": "array", "items": {
                "type": "object", "required": [c.name for c in COLUMNS], "additionalProperties": False,
                "properties": props}},
        },
    }


def to_csv(data: list[dict[str, object]]) -> str:
    """CSV text of open-data rows (generator/csvout.py: text cells safe in a spreadsheet, numbers as numbers)."""
    return csv_text(csv_lines(data))


def csv_lines(data: list[dict[str, object]]) -> list[str]:
    """Each row's line of the CSV files (`to_csv` is the header and these lines)."""
    return csvout.row_lines(_NAMES, [list(row.values()) for row in data], NUMERIC_COLUMNS)


def csv_text(lines: list[str]) -> str:
    """A CSV file of the rows whose lines are `lines` (`csv_lines`)."""
    return _HEADER + "".join(lines)


def to_json(site: Site, data: list[dict[str, object]]) -> str:
    """letters.json text: metadata and the rows (stable key order, UTF-8), laid out as
    `jsonout.dumps(doc, indent=1)` lays it out (`json_text`)."""
    return json_text(site, [json_members(row) for row in data])


def json_members(row: dict[str, object]) -> str:
    """A row's members as letters.json holds them, one per line (`json_text`)."""
    return jsonout.dumps(row, separators=_ROW_SEPARATORS)[1:-1]


def json_text(site: Site, members: list[str]) -> str:
    """letters.json of the rows whose members are `members` (`json_members`). `jsonout.dumps(doc, indent=1)` is
    Python's pure-Python encoder (~1.5 million calls at 10,000 letters); the same bytes are made here by the C
    encoder: a row is a flat object of scalars, so its members, one per line, are the C encoder's with a newline
    and the indent as the item separator (JSON strings never hold a raw newline), and the rows sit between the
    indented braces of the `letters` array."""
    head = {"portal": site.content.portal.name, "licence": site.content.portal.data_licence,
            "generated_on": site.today.isoformat()}
    lines = ["{"] + [f" {jsonout.dumps(key)}: {jsonout.dumps(value)}," for key, value in head.items()]
    if not members:
        return "\n".join([*lines, ' "letters": []', "}"]) + "\n"
    body = "  {\n   " + "\n  },\n  {\n   ".join(members) + "\n  }"
    return "\n".join([*lines, ' "letters": [', body, " ]", "}"]) + "\n"


_ROW_SEPARATORS = (",\n   ", ": ")  # a row's members at the depth indent=1 gives them (doc > letters > row)
_NAMES = tuple(c.name for c in COLUMNS)
_HEADER = csvout.header_line(_NAMES)


class RowTexts:
    """Each letter's row as the CSV files and letters.json hold it, made once a build for every file that holds
    the letter (the site-wide file, its year's, its agency's) and kept between builds in the build's cache
    (`<cache>/open-data-rows`, signed shards like the check's memos: cachedata.MemoShards), so that a build
    adding one letter to 100,000 makes one row, not 100,000. An entry is {letter id: [row key, CSV line, JSON
    members]}: the row key is what the row reads of its letter (`row_inputs`), the memo's version what every
    row reads besides (the site-wide key: portal, registries; the code). The texts are published as they are:
    a memo not signed with this machine's or runner's key is not read. Off (made every build) without a cache."""

    VERSION = 1
    NAME = "open-data-rows"

    def __init__(self, site: Site) -> None:
        folder = site.memo_dir / self.NAME if site.memo_dir is not None else None
        _, site_key = site_keys(site, chrome="")  # what any output reads besides its own inputs, but the chrome
        self.site = site
        self.memo = MemoShards(folder, [self.VERSION, site_key, code_fingerprint()])
        self.inputs = {letter.id: row_inputs(site, letter) for letter in site.content.letters}
        self.made: dict[str, list[str]] = {}  # letter id -> [row key, CSV line, JSON members], this build's
        self.added: set[str] = set()

    def key(self, items: list[LetterFacts]) -> list[tuple]:
        """What the rows of `items` read of their letters (a file's input key, besides the site-wide key)."""
        return [self.inputs[f.letter.id] for f in items]

    def texts(self, items: list[LetterFacts]) -> list[list[str]]:
        """[row key, CSV line, JSON members] of each of `items`, from the memo when the row key is the same."""
        out = []
        missing = []
        for f in items:
            entry = self.made.get(f.letter.id)
            if entry is None:
                key = _digest(self.inputs[f.letter.id])
                entry = self.memo.entries.get(f.letter.id)
                if type(entry) is list and len(entry) == 3 and entry[0] == key and all(type(t) is str for t in entry):
                    self.made[f.letter.id] = entry
                else:
                    entry = [key, "", ""]
                    missing.append((f, entry))
            out.append(entry)
        if missing:
            data = rows(self.site, [f for f, _ in missing])
            for (f, entry), line, row in zip(missing, csv_lines(data), data):
                entry[1:] = [line, json_members(row)]
                self.made[f.letter.id] = entry
                self.added.add(f.letter.id)
        return out

    def save(self) -> None:
        """Keep the entries of the letters of this build (made or not needed here), write the shards that changed."""
        kept = {name: self.made.get(name) or self.memo.entries[name]
                for name in self.inputs if name in self.made or name in self.memo.entries}
        self.memo.save(kept, self.added)


def row_inputs(site: Site, letter) -> tuple:
    """What the columns read of a letter besides the site-wide values: its facts, its PDF's size and hash,
    where the PDF is published."""
    return site.facts_digest(site.facts[letter.id]), site.pdf_meta(letter), site.pdf_href(letter)


def _digest(inputs: tuple) -> str:
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def _write(docs_dir: Path, rel: str, text: str) -> str:
    path = docs_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return rel


def parts(items: list[LetterFacts], threshold: int, *, per_year_always: bool = False,
          ) -> list[tuple[int | None, list[LetterFacts]]]:
    """How a set of letters is published: (None, all) while at most `threshold`, and (year, that year's
    letters), newest year first, past it (or always with `per_year_always`); order kept within each part."""
    whole = len(items) <= threshold
    out: list[tuple[int | None, list[LetterFacts]]] = [(None, items)] if whole else []
    if per_year_always or not whole:
        by_year: dict[int, list[LetterFacts]] = {}
        for item in items:
            by_year.setdefault(item.letter.year, []).append(item)
        out += [(year, by_year[year]) for year in sorted(by_year, reverse=True)]
    return out


def letters_path(year: int | None, ext: str) -> str:
    """Site path of the site-wide file (year None) or of one year's file."""
    return f"data/letters.{ext}" if year is None else f"data/{year}/letters.{ext}"


def agency_path(code: str, year: int | None) -> str:
    """Site path of an agency's CSV (year None) or of one year of it."""
    return f"data/agencies/{code}.csv" if year is None else f"data/agencies/{code}/{year}.csv"


def agency_parts(site: Site, code: str) -> list[tuple[int | None, list[LetterFacts]]]:
    """The parts an agency's CSV is published in (letters in content order: issued_on, id)."""
    items = sorted(site.by_agency.get(code, []), key=lambda f: (f.letter.issued_on, f.letter.id))
    return parts(items, AGENCY_SPLIT_THRESHOLD)


def agency_files(site: Site, code: str) -> list[tuple[int | None, str]]:
    """(year or None, site path) of every CSV of an agency: what its page links to."""
    return [(year, agency_path(code, year)) for year, _ in agency_parts(site, code)]


def write_open_data(site: Site, env: jinja2.Environment, docs_dir: Path, skips: Skips | None = None) -> list[str]:
    """Write every open-data file and the data page (data/index.md) (each file whose inputs changed: `skips`);
    returns docs paths written."""
    skips = skips or render_all(docs_dir)
    ordered = [site.facts[letter.id] for letter in site.content.letters]  # content order: issued_on, id
    texts = RowTexts(site)
    written: list[str] = []
    files: list[tuple[str, str, int]] = []  # (path, label, rows)

    def data_file(path: str, key: str, text) -> None:
        written.extend(skips.output(f"data:{path}", key, lambda: [_write(docs_dir, path, text())]))

    def csv_of(items: list[LetterFacts]) -> str:
        return csv_text([entry[1] for entry in texts.texts(items)])

    for year, items in parts(ordered, SPLIT_THRESHOLD, per_year_always=True):
        inputs = texts.key(items)
        label = S.D_ALL if year is None else S.D_YEAR.format(year=year)
        data_file(letters_path(year, "csv"), skips.undated_key(inputs), lambda items=items: csv_of(items))
        data_file(letters_path(year, "json"), skips.key(inputs),  # generated_on: today
                  lambda items=items: json_text(site, [entry[2] for entry in texts.texts(items)]))
        files += [(letters_path(year, ext), label, len(items)) for ext in ("csv", "json")]
    for code in sorted(site.content.agencies):
        for year, items in agency_parts(site, code):
            data_file(agency_path(code, year), skips.undated_key(texts.key(items)), lambda items=items: csv_of(items))
    texts.save()
    data_file(SCHEMA_PATH, skips.undated_key(), lambda: jsonout.dumps(json_schema(), indent=1) + "\n")
    body = page_html(env, "data.html", page_url="data/", files=files, columns=COLUMNS, site=site,
                     schema=SCHEMA_PATH, licence=site.content.portal.data_licence,
                     agency_note=S.D_AGENCY_FILES.format(threshold=fmt_number(AGENCY_SPLIT_THRESHOLD)))
    written.append(write_page(docs_dir, "data/index.md", S.TITLE_DATA, body))
    return written
