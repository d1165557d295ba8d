"""The content schema, declared once: every field with its kind (its description: `generator.strings.fields`).

`coerce()` turns a line-tracked YAML `Node` into plain Python values according to a schema,
reporting missing, unknown, empty and mistyped fields as problems. The editor reference
(docs/reference.md) is generated from these declarations.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date

from generator.content.yamlsrc import Node
from generator.problems import Problem, make
from generator.strings.fields import KIND_LABELS, LOCALITY_KINDS, TEXTS
from generator.strings.problems_content import FIELD_HINTS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

MAX_TEXT = 500  # characters of a text value unless its field says otherwise
MAX_IDENTIFIER = 100  # a number, dossier or procedure code (real ones: 10 to 40 characters)
MAX_DIGITS = 30  # digits of a number value
MAX_FREE_TEXT = 5000  # free prose: a reason's detail, a correction's note, a withdrawal's reason



@dataclass(frozen=True)
class Field:
    """A field of a content file: name, kind, whether required, and what it means."""

    name: str
    kind: str  # text | date | bool | int | number | map | list
    required: bool = False
    children: tuple[Field, ...] = ()  # for kind "map"
    item: Field | None = None  # for kind "list"
    choices: tuple[str, ...] = ()
    minimum: float | None = None  # for kinds "int" and "number"
    max_length: int = 0  # for kind "text": most characters allowed (0: MAX_TEXT)
    maximum: float | None = None  # for kinds "int" and "number"
    after_publication: bool = False  # written once the letter is public (a correction): not in `new`'s template
    description: str = ""  # from generator.strings.fields, set by `_described()`


def F(name: str, kind: str, required: bool = False, **more: object) -> Field:
    """Shorthand used by the declarations below."""
    return Field(name, kind, required, **more)  # type: ignore[arg-type]


def _described(group: str, fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """`fields` with their descriptions from `TEXTS[group]` (a field of a group declared apart keeps its own)."""
    texts = TEXTS[group]

    def one(f: Field, path: str) -> Field:
        return replace(f, description=texts.get(path, f.description),
                       children=tuple(one(c, f"{path}.{c.name}") for c in f.children),
                       item=one(f.item, f"{path}[]") if f.item is not None else None)

    return tuple(one(f, f.name) for f in fields)


LETTER = _described("letter", (
    F("number", "text", True, max_length=MAX_IDENTIFIER),
    F("issued_on", "date", True),
    F("agency", "text", True),
    F("signer", "map", True, children=(
        F("name", "text", True),
        F("title", "text"),
    )),
    F("recipient", "map", True, children=(
        F("kind", "text", True, choices=("individual", "organization")),
        F("name", "text", True),
    )),
    F("dossier", "map", True, children=(
        F("code", "text", True, max_length=MAX_IDENTIFIER),
        F("procedure", "text", True),
        F("procedure_code", "text", max_length=MAX_IDENTIFIER),
        F("received_on", "date", True),
        F("due_on", "date", True),
        F("new_due_on", "date", True),
        F("returned_on", "date"),
    )),
    F("reason", "map", True, children=(
        F("category", "text", True),
        F("detail", "text", max_length=MAX_FREE_TEXT),
    )),
    F("published_on", "date", True),
    F("privacy_reviewed", "bool"),
    F("corrections", "list", after_publication=True,
      item=F("correction", "map", children=(
          F("date", "date", True),
          F("note", "text", True, max_length=MAX_FREE_TEXT),
          F("fields", "list", item=F("field", "text")),
      ))),
    F("withdrawn", "map", after_publication=True, children=(
        F("date", "date", True),
        F("reason", "text", True, max_length=MAX_FREE_TEXT),
    )),
))

PORTAL = _described("portal", (
    F("name", "text", True, max_length=200),
    F("owner", "text", True, max_length=200),
    F("site_url", "text", True),
    F("contact", "text"),
    F("data_licence", "text", max_length=100),
    F("pdf_base_url", "text"),
    F("policy", "map", children=(
        F("dossier_code_pattern", "text"),
        F("number_pattern", "text"),
        F("procedure_code_pattern", "text"),
        F("apology_lead_working_days", "int", minimum=0, maximum=60),
        F("apology_lead_day_kind", "text", choices=("working", "calendar")),
        F("mask_individual_names", "bool"),
        F("max_pdf_bytes", "int", minimum=1, maximum=1_000_000_000),
        F("max_pdf_pages", "int", minimum=1, maximum=10_000),
        F("pdf_timeout_seconds", "number", minimum=1, maximum=600),
        F("pdf_memory_mb", "int", minimum=64, maximum=65_536),
        F("missing_letter_grace_working_days", "int", minimum=0, maximum=250),
        F("public_contacts", "list", item=F("contact", "text")),
        F("sensitive_procedures", "list", item=F("phrase", "text")),
    )),
    F("locality", "map", children=(
        F("kind", "text", choices=LOCALITY_KINDS),
        F("name", "text"),
        F("notices", "list", item=F("notice", "text")),
        F("tracking_units", "text"),
    )),
    F("calendar", "map", children=(
        F("days_off", "list", item=F("day", "date")),
        F("working_days", "list", item=F("day", "date")),
    )),
    F("reports", "map", children=(
        F("period_scheme", "text", choices=("calendar", "statistical")),
        F("register_export", "text", choices=("overdue", "all")),
        F("issuer_parent", "text"),
        F("issuer", "text"),
        F("number_prefix", "text"),
        F("place", "text"),
        F("recipients", "list", item=F("recipient", "text")),
        F("signer_authority", "text"),
        F("signer_title", "text"),
        F("signer_name", "text"),
    )),
))

REGISTER = _described("register", (  # the columns of register/*.csv (one row per dossier; header row first)
    F("dossier_code", "text", True),
    F("agency", "text", True),
    F("procedure", "text", True),
    F("received_on", "date", True),
    F("due_on", "date", True),
    F("returned_on", "date"),
    F("sector", "text"),
    F("procedure_code", "text"),
    F("channel", "text", choices=("online", "in-person")),
))

_PERIOD = _described("period", (
    F("value", "text", True),
    F("from", "date"),
    F("until", "date"),
))

AGENCY = _described("agency", (
    F("code", "text", True),
    F("name", "text", True),
    F("namespace", "text"),
    F("level", "text", True),
    F("parent", "text"),
    F("tracked_by", "text"),
    F("contact", "text"),
    F("valid_from", "date"),
    F("valid_to", "date"),
    F("successor", "text"),
    F("successors", "list", item=F("code", "text")),
    F("parent_periods", "list", item=F("period", "map", children=_PERIOD)),
    F("tracked_by_periods", "list", item=F("period", "map", children=_PERIOD)),
    F("admin_code", "text"),
    F("dossier_prefixes", "list", item=F("prefix", "text")),
))

LEVEL = _described("level", (
    F("level", "text", True),
    F("valid_from", "date"),
    F("valid_to", "date"),
))

AGENCIES = _described("agencies", (
    F("agencies", "list", True, item=F("agency", "map", children=AGENCY)),
    F("levels", "list", True, item=F("level", "text")),
    F("level_validity", "list", item=F("level", "map", children=LEVEL)),
))

REASONS = _described("reasons", (
    F("reasons", "list", True, item=F("reason", "map", children=(
        F("code", "text", True),
        F("label", "text", True),
    ))),
))


class Coerced:
    """Result of coercion: values, the line of each dotted field, and problems."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.unknown: list[_Unknown] = []  # reported once the whole file is coerced (with a hint)

    def fail(self, code: str, line: int | None, field: str, **params: object) -> None:
        self.problems.append(make(code, self.rel, line, field, **params))


def coerce(node: Node, fields: tuple[Field, ...], rel: str) -> tuple[dict, Coerced]:
    """Coerce a top-level mapping node against `fields`; unknown keys and wrong types are problems."""
    out = Coerced(rel)
    if not node.is_map:
        out.problems.append(make("yaml-not-mapping", rel, node.line))
        return {}, out
    values = _mapping(node, fields, "", out)
    _report_unknown(out)
    return values, out


@dataclass
class _Unknown:
    line: int
    path: str
    key: str
    prefix: str
    siblings: tuple[Field, ...]


def _report_unknown(out: Coerced) -> None:
    """Report unknown keys, naming the field most likely meant; that field is then not also 'missing'."""
    missing = {p.field for p in out.problems if p.code == "field-missing"}
    meant: set[str] = set()
    for unknown in out.unknown:
        names = {f.name.lower(): f.name for f in unknown.siblings}
        close = difflib.get_close_matches(unknown.key.lower(), list(names), n=1, cutoff=0.75)
        nested = [f"{unknown.prefix}{f.name}.{unknown.key}" for f in unknown.siblings
                  if f.kind == "map" and unknown.key in {c.name for c in f.children}]
        nested.sort(key=lambda path: path not in missing)
        if close:
            target = f"{unknown.prefix}{names[close[0]]}"
            hint = FIELD_HINTS["typo"].format(name=target)
        elif nested:
            target = nested[0]
            hint = FIELD_HINTS["indent"].format(name=target.rsplit(".", 1)[0])
        else:
            target, hint = "", FIELD_HINTS["unknown"]
        meant.add(target)
        out.fail("field-unknown", unknown.line, unknown.path, hint=hint)
    out.problems = [p for p in out.problems if not (p.code == "field-missing" and p.field in meant)]


def _mapping(node: Node, fields: tuple[Field, ...], prefix: str, out: Coerced) -> dict:
    known = {f.name: f for f in fields}
    values: dict = {}
    items: dict[str, Node] = node.value  # type: ignore[assignment]
    for key, child in items.items():
        path = f"{prefix}{key}"
        if key not in known:
            out.unknown.append(_Unknown(child.line, path, key, prefix, fields))
            continue
        out.lines[path] = child.line
        value = _value(child, known[key], path, out)
        if value is not None:
            values[key] = value
    for field in fields:
        path = f"{prefix}{field.name}"
        if field.required and field.name not in values and not _reported(out, path):
            if field.name in items and items[field.name].reported:
                continue  # an alias: already reported
            present = field.name in items and items[field.name].value is not None
            out.fail("field-missing" if not present else "field-type", node.line if not present else
                     items[field.name].line, path, expected=KIND_LABELS[field.kind])
    return values


def _reported(out: Coerced, path: str) -> bool:
    return any(p.field == path for p in out.problems)


def _value(node: Node, field: Field, path: str, out: Coerced) -> object:
    if node.value is None:
        if field.required and not node.reported:
            out.fail("field-empty" if field.kind == "text" else "field-missing", node.line, path)
        return None
    if field.kind == "map":
        if not node.is_map:
            return _type_error(node, field, path, out)
        return _mapping(node, field.children, f"{path}.", out)
    if field.kind == "list":
        if not node.is_list:
            return _type_error(node, field, path, out)
        values = []
        for index, child in enumerate(node.value):  # type: ignore[arg-type]
            item_path = f"{path}.{index}"
            out.lines[item_path] = child.line
            value = _value(child, field.item, item_path, out)  # type: ignore[arg-type]
            if value is not None:
                values.append(value)
        return values
    if not node.is_scalar:
        return _type_error(node, field, path, out)
    return _scalar(node, field, path, out)


def _scalar(node: Node, field: Field, path: str, out: Coerced) -> object:
    text: str = node.value  # type: ignore[assignment]
    if field.kind == "text":
        if not text.strip():
            if field.required:
                out.fail("field-empty", node.line, path)
                return None
            return ""
        if len(text) > (field.max_length or MAX_TEXT):
            out.fail("field-too-long", node.line, path, length=len(text), limit=field.max_length or MAX_TEXT)
            return None
        if field.choices and text not in field.choices:
            out.fail("field-choice", node.line, path, value=text, choices=", ".join(field.choices))
            return None
        return text.strip()
    if field.kind == "date":
        try:
            if not _DATE.match(text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            out.fail("date-invalid", node.line, path, value=text)
            return None
    if field.kind == "bool" and node.plain and text in _TRUE | _FALSE:
        return text in _TRUE
    if field.kind in ("int", "number") and node.plain and (_INT if field.kind == "int" else _NUMBER).match(text):
        if len(text) > MAX_DIGITS:  # int() refuses 4,300 digits and more: a number this long is never meant
            out.fail("field-above-maximum", node.line, path, maximum=f"{field.maximum or 10 ** MAX_DIGITS:g}",
                     value=text[:40] + "…")
            return None
        number = int(text) if field.kind == "int" else float(text)
        if field.minimum is not None and number < field.minimum:
            out.fail("field-range", node.line, path, minimum=f"{field.minimum:g}", value=text)
            return None
        if field.maximum is not None and number > field.maximum:
            out.fail("field-above-maximum", node.line, path, maximum=f"{field.maximum:g}", value=text[:40])
            return None
        return number
    return _type_error(node, field, path, out)


def _type_error(node: Node, field: Field, path: str, out: Coerced) -> None:
    out.fail("field-type", node.line, path, expected=KIND_LABELS[field.kind])
    return None
