"""Add a letter from its PDF: read what the text layer gives, write a YAML with clear placeholders.

`extract(text, code_pattern)` finds the number ("Số: …"), the date of issue ("…, ngày dd tháng mm
năm yyyy"), the dossier code, the dossier's dates, procedure, recipient and reason where a form
such as Mẫu số 04 labels them. `letter_yaml()` writes the letter's YAML: found values, options,
and for the rest an empty value with a `# CẦN ĐIỀN` comment, so `check` names every field left.
The command (`generator/commands/new.py`) runs the PDF gate before anything is copied.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content.identifiers import PatternError, compile_pattern
from generator.content.model import DEFAULT_DOSSIER_CODE_PATTERN
from generator.content.schema import LETTER, Field
from generator.strings import new_letter as S

MARKER = S.MARKER
_D = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"  # dd/mm/yyyy
_VN_DATE = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_ANY_DATE = rf"(?:{_D}|{_VN_DATE})"
_NUMBER = re.compile(r"\bSố\s*:\s*([0-9][^\s,;]*)")
_ISSUED = re.compile(rf",\s*{_VN_DATE}")
# field -> patterns over the text with its line breaks joined (a form's sentences wrap); first match wins.
# Case-sensitive on purpose: the title "HẸN LẠI NGÀY TRẢ KẾT QUẢ" must not read as a date's label.
_DATES = {
    "dossier.received_on": (rf"[Nn]gày\s+{_ANY_DATE}\s*,[^.]{{0,160}}?tiếp\s+nhận",
                            rf"(?<![Gg]iấy )[Tt]iếp\s+nhận(?:\s+hồ\s+sơ)?\s*:\s*(?:[Nn]gày\s+)?{_ANY_DATE}"),
    "dossier.due_on": (rf"(?:hẹn\s+trả|[Tt]hời\s+hạn\s+trả)(?:\s+kết\s+quả)?[^:.]{{0,60}}:\s*(?:ngày\s+)?{_ANY_DATE}",),
    "dossier.new_due_on": (rf"hẹn\s+lại[^.]{{0,100}}?{_ANY_DATE}",),
    "dossier.returned_on": (rf"đã\s+trả\s+kết\s+quả[^.:]{{0,40}}?{_ANY_DATE}",),
}
_PROCEDURE = re.compile(r"thủ\s+tục\s+hành\s+chính\s*:\s*(.+?)(?:\s*\(mã\s+thủ\s+tục\s+([^)\s]+)\))?\.(?:\s|$)")
_REASON = re.compile(r"Lý\s+do(?:\s+chậm\s+trễ)?\s*:\s*(.+?\.)(?=\s+[A-ZĐÀ-Ỹ]|\s*$)")
_LINES = {  # field -> label whose line holds the value
    "dossier.procedure": r"(?:Nội\s+dung\s+yêu\s+cầu\s+giải\s+quyết|Tên\s+thủ\s+tục)\s*:",
    "dossier.procedure_code": r"Mã\s+thủ\s+tục\s*:",
    "recipient.name": r"Kính\s+gửi\s*:",
}
_INDIVIDUAL = re.compile(r"^(Ông|Bà|Anh|Chị)\b")
_ID_OF = re.compile(r"^(\d{4})-(\d{2})-(\d{4})$")
_SIGN_PREFIX = re.compile(r"^(?:KT|TL|TM|TUQ|Q)\.\s+")
_TITLES = ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG", "PHÓ TRƯỞNG", "CHÁNH")


@dataclass
class Draft:
    """What is known of a new letter: dotted field -> value (str or date), and where it came from."""

    values: dict[str, object] = field(default_factory=dict)
    from_pdf: list[str] = field(default_factory=list)


def _date(groups: tuple[str | None, ...]) -> date | None:
    parts = [g for g in groups if g]
    try:
        day, month, year = (int(p) for p in parts[:3])
        return date(year, month, day)
    except (ValueError, TypeError):
        return None


def clean_text(text: str) -> str:
    """NFC text with runs of spaces squeezed (line breaks kept)."""
    text = unicodedata.normalize("NFC", text)
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())


def _code_search(pattern: str):
    """The portal's dossier-code pattern as a search over text (RE2: linear time over a PDF's whole text)."""
    body = pattern.removeprefix("^").removesuffix("$")
    try:
        return compile_pattern(rf"(?:^|[^\w.])({body})(?:$|\W)")
    except PatternError:
        return compile_pattern(rf"(?:^|[^\w.])({DEFAULT_DOSSIER_CODE_PATTERN.strip('^$')})(?:$|\W)")


def _upper(line: str) -> bool:
    return any(c.isalpha() for c in line) and line == line.upper()


def _name_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha()
                                        for w in words)


def _signer(lines: list[str]) -> dict[str, str]:
    """Title and name under the signature block ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / … / name)."""
    for i, line in enumerate(lines):
        bare = _SIGN_PREFIX.sub("", line)
        if not _upper(line) or not (_SIGN_PREFIX.match(line) or any(bare == t or bare.startswith(t + " ")
                                                                      for t in _TITLES)):
            continue
        title = lines[i + 1] if _SIGN_PREFIX.match(line) and i + 1 < len(lines) and _upper(lines[i + 1]) else bare
        for candidate in lines[i + 1 : i + 9]:
            if _name_like(candidate):
                return {"signer.title": title.capitalize(), "signer.name": candidate}
        return {}
    return {}


def extract(text: str, code_pattern: str = DEFAULT_DOSSIER_CODE_PATTERN) -> Draft:
    """Values the text layer of a letter gives (empty for a scan)."""
    text = clean_text(text)
    flat = " ".join(text.split())
    lines = [line for line in text.splitlines() if line]
    found: dict[str, object] = {}
    if m := _NUMBER.search(text):
        found["number"] = m.group(1).rstrip(".")
    if m := _ISSUED.search(flat):
        found["issued_on"] = _date(m.groups())
    if m := _code_search(code_pattern).search(text):
        found["dossier.code"] = m.group(1)
    for name, patterns in _DATES.items():
        for pattern in patterns:
            if (m := re.search(pattern, flat)) and (value := _date(m.groups())):
                found[name] = value
                break
    if m := _PROCEDURE.search(flat):
        found["dossier.procedure"] = m.group(1).strip()
        if m.group(2):
            found["dossier.procedure_code"] = m.group(2)
    if m := _REASON.search(flat):
        found["reason.detail"] = m.group(1).strip()
    for name, label in _LINES.items():
        if name not in found and (m := re.search(rf"{label}\s*([^\n]+)", text)):
            found[name] = m.group(1).strip().rstrip(";")
    found.update(_signer(lines))
    if isinstance(found.get("recipient.name"), str):
        found["recipient.kind"] = "individual" if _INDIVIDUAL.match(str(found["recipient.name"])) else "organization"
    draft = Draft({k: v for k, v in found.items() if v not in (None, "")})
    draft.from_pdf = sorted(draft.values)
    return draft


def next_id(root: Path, issued_on: date) -> str:
    """`<yyyy>-<mm>-<nnnn>`: the next free sequence number of the month across the archive."""
    prefix = f"{issued_on.year:04d}-{issued_on.month:02d}"
    used = [int(m.group(3)) for p in (root / "letters").glob("*/*/*.yml")
            if (m := _ID_OF.match(p.stem)) and p.stem.startswith(prefix + "-")]
    return f"{prefix}-{max(used, default=0) + 1:04d}"


def letter_paths(root: Path, issued_on: date, agency: str, letter_id: str) -> tuple[Path, Path]:
    """(YAML path, PDF path) of a letter in the content root."""
    folder = root / "letters" / str(issued_on.year) / agency
    return folder / f"{letter_id}.yml", folder / f"{letter_id}.pdf"


def _template_fields(fields: tuple[Field, ...], prefix: str = "", required: bool = True
                     ) -> Iterator[tuple[str, bool, str]]:
    """(dotted field, required, hint) of each field a new letter's YAML lists, in the schema's order: maps
    opened, fields written after publication (`Field.after_publication`) left out."""
    for item in fields:
        if item.after_publication:
            continue
        name = f"{prefix}{item.name}"
        if item.kind == "map":
            yield from _template_fields(item.children, f"{name}.", required and item.required)
        else:
            yield name, required and item.required, S.HINTS.get(name, item.description.rstrip("."))


FIELDS = tuple(_template_fields(LETTER))  # from the schema: a letter field added there is in the template
_SCAN_ONLY = "privacy_reviewed"  # in the template of a scan only (a scan's PDF has no text layer to scan)


# YAML reads these as line breaks or refuses them, even inside a quoted string: escaped as \uXXXX.
_UNSAFE_IN_YAML = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _scalar(value: object) -> str:
    """A value as one YAML double-quoted scalar (JSON's escapes, and line-breaking characters escaped)."""
    if isinstance(value, date):
        return value.isoformat()
    return _UNSAFE_IN_YAML.sub(_escape, json.dumps(str(value), ensure_ascii=False))  # read as written


def comment_text(text: str) -> str:
    """`text` fit for a YAML comment: on one line (control, line-breaking and format characters shown as
    \\uXXXX), so a file name can never end the comment and start YAML structure."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") else c
                   for c in text)


def letter_yaml(draft: Draft, *, source_name: str, reasons: list[str], scan: bool) -> tuple[str, list[str]]:
    """The YAML text of a new letter and the required fields still to fill (placeholders)."""
    missing: list[str] = []
    out = [line.format(source=comment_text(source_name), marker=MARKER) for line in S.HEADER]
    opened: list[str] = []  # the maps the previous field is in
    for name, required, hint in FIELDS:
        *parents, key = name.split(".")
        still_open = next((i for i, (was, now) in enumerate(zip(opened, parents)) if was != now),
                          min(len(opened), len(parents)))
        out += [f"{'  ' * i}{parent}:" for i, parent in enumerate(parents) if i >= still_open]
        opened = parents
        indent = "  " * len(parents)
        if name == _SCAN_ONLY:
            if scan:
                missing.append(name)
                out.append(indent + S.SCAN_PRIVACY.format(marker=MARKER))
            continue
        if name == "reason.category":
            hint = S.REASON_CHOICES.format(hint=hint, reasons=" | ".join(reasons))
        value = draft.values.get(name)
        if value is not None:
            out.append(f"{indent}{key}: {_scalar(value)}")
        elif required:
            missing.append(name)
            out.append(indent + S.TO_FILL.format(key=key, marker=MARKER, hint=hint))
        else:
            out.append(indent + S.OPTIONAL.format(key=key, hint=hint))
    return "\n".join(out) + "\n", missing
