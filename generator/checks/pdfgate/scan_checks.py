"""Judging the machine-read text of scanned pages (facts.ocr_pages): privacy, confidence, identifiers.

Called by `judge` for every PDF. Personal data read from a scan is an error with its page and the
masked value, like in a text layer, and `privacy_reviewed` does not silence it: the editor's review
missed what the machine read. A page read with low confidence asks for a person's review. The
identifiers check (dossier code or number present) runs on the OCR text when there is no text layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.checks import privacy
from generator.checks.pdfgate.facts import PdfFacts
from generator.checks.privacy_text import squeeze
from generator.content.vtext import fold
from generator.problems import Problem, make
from generator.strings import PROBLEM_TYPES

LOW_CONFIDENCE = 60.0  # mean word confidence (0–100) under which a page asks for review
MIN_WORDS = 5  # a page with fewer words was not really read (a photo, a blank or a dark page)
# A run that reads as a number once OCR's usual misreadings are undone: O/o for 0, I/l/| for 1.
_NUMBERISH = re.compile(r"(?<![^\W\d_])[0-9OoIl|](?:[0-9OoIl| .\-]*[0-9OoIl|])?(?![^\W\d_])")
_WRAPPED = re.compile(r"(?<=\d)\n(?=\d)")  # a grouped number wrapped onto the next line: one number again
_DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
# The recipient as printed: "Kính gửi: Ông Nguyễn Văn An" must be masked like the YAML's ("Ông N.V.A.").
_ADDRESSEE = re.compile(r"(?im)^[^\S\n]*K[íi]nh\s+g[ửu]i\s*[:;.]?\s*((?:Ông|Bà|Anh|Chị)\s+[^\n]+?)[\s.,;:]*$")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")  # a syllable of a name: two letters or more


def as_numbers(text: str) -> str:
    """`text` with OCR's letter-for-digit misreadings undone inside runs that are mostly digits, and digit
    groups wrapped across a line break joined (same length, same offsets)."""
    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        digits = sum(ch.isdigit() for ch in run)
        letters = sum(ch in "OoIl|" for ch in run)
        return run.translate(_DIGIT_FOR) if digits >= 6 and letters * 4 <= digits else run

    return _NUMBERISH.sub(fix, _WRAPPED.sub(" ", text))


def unmasked_addressees(text: str) -> list[str]:
    """Individuals named in full after "Kính gửi:" (the masked form "Ông N.V.A." is fine). What follows the
    title must hold a word of two letters or more: OCR's reading of masked initials ("Ông….8", "Bà …L-")
    names nobody (the page's low confidence is its own warning)."""
    found = []
    for match in _ADDRESSEE.finditer(text):
        name = match.group(1).strip()
        if _NAME_WORD.search(name.split(None, 1)[1]) is None:
            continue
        if not privacy.is_masked_name(name) and not privacy.is_masked_name(name + "."):
            found.append(name)
    return found


def scan_problems(facts: PdfFacts, file: str, *, identifiers: list[str], dossier_code: str | None,
                  number: str | None, allowed: frozenset[str]) -> Iterator[Problem]:
    """Problems of the OCR text of `facts` (nothing when no page was read)."""
    if not facts.ocr_pages:
        return

    counts: dict[str, int] = {}
    # The signer (an official: not personal data) as OCR reads them, marks often wrong: "Võ Quang Binh".
    officials = {fold(i) for i in identifiers if i and not any(c.isdigit() for c in i)}
    for page in facts.ocr_pages:
        if page.failed or page.confidence < LOW_CONFIDENCE or page.words < MIN_WORDS:
            yield make("ocr-low-confidence", file, page=page.page, confidence=f"{page.confidence:.0f}",
                       words=page.words)
        findings = [f for f in privacy.scan_text(as_numbers(page.text), allowed, identifiers)
                    if not (f.kind == "person-name" and fold(f.text) in officials)]
        names = [f.text for f in findings if f.kind == "person-name"]
        findings += [privacy.Finding("person-name", name, -1) for name in unmasked_addressees(page.text)
                     if not any(n in name or name in n for n in names)]
        for finding in findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
            if counts[finding.kind] > privacy.MAX_PRIVACY_FINDINGS:
                continue
            code = f"privacy-scan-{finding.kind}"
            if code in PROBLEM_TYPES:
                yield make(code, file, page=page.page, value=privacy.mask(finding.text))
            else:  # a kind the privacy scan learnt after this module
                yield make("privacy-scan-personal", file, page=page.page, kind=finding.kind,
                           value=privacy.mask(finding.text))
    if not facts.has_text and (dossier_code or number):
        squeezed = squeeze(as_numbers(" ".join(p.text for p in facts.ocr_pages)))
        wanted = [squeeze(as_numbers(x)) for x in (dossier_code, number) if x]
        if not any(w and w in squeezed for w in wanted):
            yield make("ocr-identifiers-absent", file, code=dossier_code or "", number=number or "")
