"""Personal data in free text: citizen IDs (CCCD / CMND), mobile numbers, e-mails; masked names.

Identifiers (dossier codes, procedure codes, letter numbers, dates) are blanked out before scanning so
that "000.00.21.H17-180420-0012" is never read as a 12-digit citizen ID. Offsets refer to the input.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.checks import privacy_names
from generator.checks.privacy_text import normalize, normalized_text
from generator.content.vtext import fold, nfc

MAX_PRIVACY_FINDINGS = 5  # per kind and place: enough to show the editor what to redact

BLANK = "#"  # replaces identifiers: neither a digit nor a separator, so numbers cannot join across it

# --- identifiers taken out before scanning --------------------------------------------------------
_IDENTIFIER_PATTERNS = [
    # dossier code: 000.00.21.H17-180420-0012, H56.14-240823-0001
    r"(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Za-z]\d{2}(?:\.\d+)*-\d{6}-\d{4,}",
    # procedure code: 1.004227, 3.000181.000.00.00.H22, 2.000815.000.00.00.H55.02
    r"(?<![\d.])\d\.\d{6}(?:\.[0-9A-Za-z]+)*",
    # letter / legal document number: 15/XL-STNMT, 391/VPUBND-KSTT, 61/2018/NĐ-CP, 766/QĐ-TTg
    r"(?<!\d)\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9.]*(?:-[A-ZĐ][A-Za-zĐđ0-9.]*)*",
    # dates: 09/05/2018, 9-5-2018, 09.05.2018, 2018-05-09, "ngày 09 tháng 5 năm 2018"
    r"(?<!\d)\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?!\d)",
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",
    r"(?i:ngày)\s+\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4}",
    r"(?<!\d)\d{1,2}/\d{4}(?!\d)",  # month/year: 5/2018
]
_IDENTIFIERS = re.compile("|".join(f"(?:{p})" for p in _IDENTIFIER_PATTERNS))
# Where an identifier can start: a digit, a letter before a digit (dossier code "H17-..."), "ngày".
# Trying `_IDENTIFIERS` only there gives re.sub's matches ~4x faster than scanning every position.
try:  # characters re.IGNORECASE matches beyond lower(): ſ~s, ı~i, µ~μ, ς~σ… (CPython's own table)
    from re._casefix import _EXTRA_CASES

    _SPECIAL_CASES = re.compile("[" + "".join(sorted(
        re.escape(ch) for k, vs in _EXTRA_CASES.items() for ch in map(chr, (k, *vs)) if not ch.isascii())) + "]")
except ImportError:  # pragma: no cover - other Pythons: every non-ASCII text takes the regex path
    _SPECIAL_CASES = re.compile(r"[^\x00-\x7f]")
_IDENTIFIER_STARTS = re.compile(r"\d|[A-Za-z](?=\d)|(?i:n)(?=(?i:gày))")

# --- what is looked for ---------------------------------------------------------------------------
# A number as written: digit groups joined by one space, dot or dash (" - " too), maybe after "+"; not
# the tail of a code ("H17-180420-0012", OCR's "202E-035-0007527": a digit, maybe a capital, a dash), while
# "ho-so-0912345678" and "ĐT-0912345678" hold a phone.
_NUMBER = re.compile(r"(?<![\w+])(?<![0-9]-)(?<![0-9][A-Z]-)\+?\d+(?:(?:[ .\-]|\s-\s)\d+)*(?![\w])")
_GROUP = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")  # what _NUMBER needs (str.isdigit would also take ², which no number here holds)
_MOBILE = re.compile(r"^(?:0|\+84)(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])\d{7}$")
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_ID_WORDS = ("cmnd", "cccd", "can cuoc", "dinh danh", "chung minh", "cmt", "so dinh danh")
_NOT_PERSONAL_WORDS = ("ma so thue", "mst", "ma so doanh nghiep")  # organisations' tax codes look like 03x...
_CONTEXT = 40  # characters before a number searched for the words above
_MAX_GROUPS = 6  # a phone number or ID is written in at most this many digit groups


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind, the text as written, and its offset in the input."""

    kind: str  # "citizen-id" | "phone" | "email" | "person-name" | "birth-date" | "address"
    text: str
    start: int


def blank_identifiers(text: str, identifiers: Iterable[str] = ()) -> str:
    """`text` with identifiers replaced by BLANK characters (same length, same offsets)."""
    out = text
    lowered = original = text.lower()
    for ident in sorted({i for i in identifiers if i and i.strip()}, key=len, reverse=True):
        wanted = ident.lower()
        if wanted not in original:
            continue
        if _plain_case(lowered, out) and _plain_case(wanted, ident):  # find, no regex compile per letter
            out = _blank_literal(out, lowered, wanted)
        else:  # (a regex per identifier costs a compile per letter: only for odd case mappings)
            out = re.sub(re.escape(ident), lambda m: BLANK * len(m.group(0)), out, flags=re.IGNORECASE)
        lowered = out.lower()
    return _blank_patterns(out)


def _plain_case(lowered: str, text: str) -> bool:
    """True when re.IGNORECASE on `text` is plain equality of `lowered` (no İ, ſ, µ, ς… special cases)."""
    return len(lowered) == len(text) and (lowered.isascii() or _SPECIAL_CASES.search(lowered) is None)


def _blank_patterns(text: str) -> str:
    """`_IDENTIFIERS.sub(blank, text)`, trying the pattern only where an identifier can start."""
    parts, at = [], 0
    for start in _IDENTIFIER_STARTS.finditer(text):
        if start.start() < at:
            continue
        match = _IDENTIFIERS.match(text, start.start())
        if match:
            parts += [text[at : match.start()], BLANK * (match.end() - match.start())]
            at = match.end()
    if not parts:
        return text
    parts.append(text[at:])
    return "".join(parts)


def _blank_literal(text: str, lowered: str, wanted: str) -> str:
    """`text` with every non-overlapping occurrence of `wanted` in `lowered` blanked (left to right)."""
    parts, at = [], 0
    start = lowered.find(wanted)
    while start >= 0:
        parts += [text[at:start], BLANK * len(wanted)]
        at = start + len(wanted)
        start = lowered.find(wanted, at)
    parts.append(text[at:])
    return "".join(parts)


def normalize_phone(written: str) -> str:
    """Digits only, "+84" → "0"."""
    digits = re.sub(r"\D", "", written)
    if written.lstrip().startswith("+84"):
        digits = "0" + digits[2:]
    return digits


def _near(text: str, start: int, words: tuple[str, ...]) -> bool:
    window = fold(text[max(0, start - _CONTEXT) : start])
    return any(re.search(rf"(?<![a-z]){w}(?![a-z])", window) for w in words)


def _spans(match: re.Match[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of consecutive digit groups in a written number (longest first).

    A run cuts a tight join (one dot or dash, no space) only between two whole numbers (9 digits or more
    each): "2024-035-0000723" (a code, or OCR's reading of one) holds no phone number "035-0000723", while
    "0263 3822111 - 0912345678" and "0912345678-0987654321" hold two numbers."""
    text = match.group(0)
    groups = [(g.start(), g.end()) for g in _GROUP.finditer(text)]
    tight = [text[a[1]:b[0]] in (".", "-") and min(a[1] - a[0], b[1] - b[0]) < 9  # tight[i]: groups i, i+1
             for a, b in itertools.pairwise(groups)]
    base = match.start()
    plus = text.startswith("+")
    for size in range(min(len(groups), _MAX_GROUPS), 0, -1):
        for i in range(len(groups) - size + 1):
            last = i + size - 1
            if (i > 0 and tight[i - 1]) or (last < len(groups) - 1 and tight[last]):
                continue
            start = groups[i][0] - (1 if i == 0 and plus else 0)
            yield base + start, base + groups[last][1]


def _is_citizen_id(written: str, digits: str, near_id_word: bool) -> bool:
    groups = [len(g) for g in _GROUP.findall(written)]
    shaped = groups == [12] or (len(groups) > 1 and all(3 <= n <= 4 for n in groups))
    if len(digits) == 12 and shaped:
        return near_id_word or (digits[0] == "0" and 1 <= int(digits[:3]) <= 96)  # province code 001–096
    return len(digits) == 9 and near_id_word and (groups == [9] or all(n == 3 for n in groups))


def _number_findings(original: str, scanned: str) -> Iterator[Finding]:
    for match in _NUMBER.finditer(scanned):
        taken: list[tuple[int, int]] = []
        for start, end in _spans(match):
            if any(s < end and start < e for s, e in taken):
                continue
            written = scanned[start:end]
            digits = normalize_phone(written)
            kind = None
            if _MOBILE.match(digits):
                kind = None if _near(scanned, start, _NOT_PERSONAL_WORDS) else "phone"
            elif len(digits) in (9, 12) and _is_citizen_id(written, digits, _near(scanned, start, _ID_WORDS)):
                kind = "citizen-id"
            if kind:
                taken.append((start, end))
                yield Finding(kind, original[start:end], start)


def scan_text(text: str, allowed: frozenset[str] = frozenset(), identifiers: Iterable[str] = ()) -> list[Finding]:
    """Personal data in `text` (normalised: `privacy_text`), after taking out identifiers.

    Contacts in `allowed` are not reported. Each finding holds the text as written in `text` and
    its offset there. The one scanner of free text: letter fields, PDF text, metadata, OCR text.
    """
    norm = normalize(text)
    wanted = [normalized_text(i) for i in identifiers if i]
    if "@" not in norm.text and _DIGIT.search(norm.text) is None:  # no number and no e-mail: names and addresses only
        found = _name_findings(norm.text, blank_identifiers(norm.text, wanted) if wanted else norm.text)
        return sorted((_in_input(norm, f) for f in found), key=lambda f: f.start)
    scanned = blank_identifiers(norm.text, wanted)
    found = list(_number_findings(norm.text, scanned))
    found += [Finding("email", m.group(0), m.start()) for m in _EMAIL.finditer(scanned)]
    kept = [f for f in found if _normalized(f) not in allowed] + _name_findings(norm.text, scanned)
    return sorted((_in_input(norm, f) for f in kept), key=lambda f: f.start)


def _in_input(norm, finding: Finding) -> Finding:
    """`finding` (offsets in the scanned text) with the text and offset as written in the input."""
    if norm.index is None:
        return finding
    start, end = norm.span(finding.start, finding.start + len(finding.text))
    return Finding(finding.kind, norm.source[start:end], start)


def mask(value: str) -> str:
    """Enough of a finding to locate it without repeating it in a public log ("091…78", "an…@gmail.com")."""
    value = value.strip()
    if "@" in value:
        user, _, domain = value.partition("@")
        return f"{user[:2]}…@{domain}"
    return f"{value[:3]}…{value[-2:]}" if len(value) > 6 else "…"


def shown(value: str, allowed: frozenset[str] = frozenset()) -> str:
    """`value` as a message may show it: masked when it holds personal data."""
    return mask(value) if scan_text(value, allowed) else value


def _name_findings(original: str, scanned: str) -> list[Finding]:
    """Full names, birth dates and addresses (generator.checks.privacy_names) as findings."""
    return [Finding(kind, original[start:end], start) for kind, start, end in privacy_names.scan(scanned)]


def _normalized(finding: Finding) -> str:
    """The finding compared with allowed contacts (its text is the scanned, normalised one)."""
    if finding.kind == "email":
        return finding.text.lower()
    if finding.kind == "phone":
        return normalize_phone(finding.text)
    return re.sub(r"\D", "", finding.text)


def contacts_in(text: str) -> frozenset[str]:
    """Normalised phone numbers (any, landlines too) and e-mails in a contact string, for `allowed`."""
    text = normalized_text(text)
    out: set[str] = {m.group(0).lower() for m in _EMAIL.finditer(text)}
    scanned = _EMAIL.sub(lambda m: BLANK * len(m.group(0)), text)
    for match in _NUMBER.finditer(scanned):
        for start, end in _spans(match):
            digits = normalize_phone(scanned[start:end])
            whole = (start, end) == (match.start(), match.end())
            if whole or _MOBILE.match(digits) or (digits.startswith("0") and 9 <= len(digits) <= 11):
                out.add(digits)
    return frozenset(out)


_TITLE = re.compile(r"^(?:(?:Ông|Bà|Anh|Chị|Em|Cháu|Hộ kinh doanh)\s+)?")
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.\s?){1,6}$")


def is_masked_name(name: str) -> bool:
    """True for a masked individual's name: optional title and initials ("Ông N.V.A.", "Chị Đ.T.")."""
    s = nfc(name).strip()
    rest = s[_TITLE.match(s).end() :]  # type: ignore[union-attr]  # the pattern always matches
    # Initials may carry Vietnamese marks (Ư., Ơ., Â.): compare on the bare capital, keep Đ.
    bare = "".join(c if c == "Đ" or not c.isupper() else fold(c).upper() for c in rest)
    return bool(_INITIALS.match(bare))
