"""Judging what a PDF carries besides its page text: strings, XMP, earlier revisions, textless pages.

Personal data there is as public as on the page (anyone can open the document properties, the
comments panel or an earlier revision), so each place gets its own code and fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import privacy
from generator.checks.pdfgate.facts import MAX_TEXT_CHARS, PdfFacts
from generator.checks.pdfgate.revisions import MAX_REVISIONS
from generator.checks.pdfgate.walk import MAX_STRING_CHARS
from generator.checks.privacy import mask
from generator.problems import Problem, make
from generator.strings.problems_pdf import IN_REVISION, PRIVACY_KIND_LABELS

PLACE_CODES = {
    "info": "privacy-pdf-metadata",
    "xmp": "privacy-pdf-metadata",
    "annotation": "privacy-pdf-annotation",
    "form": "privacy-pdf-form-field",
    "outline": "privacy-pdf-outline",
    "attachment": "privacy-pdf-attachment-name",
    "other": "privacy-pdf-object",
}
MAX_FINDINGS = 5  # per code: enough to show the editor what to remove


def _label(kind: str) -> str:
    return PRIVACY_KIND_LABELS.get(kind, kind)


def hidden_problems(facts: PdfFacts, file: str, privacy_reviewed: bool | None, identifiers: list[str],
                    allowed: frozenset[str]) -> Iterator[Problem]:
    """Bounds, textless pages, hidden revisions and personal data outside the page text."""
    if facts.text_truncated or facts.strings_truncated:
        yield make("pdf-text-too-long", file, limit=MAX_TEXT_CHARS if facts.text_truncated else MAX_STRING_CHARS)
    if facts.revisions_truncated:
        yield make("pdf-too-many-revisions", file, revisions=facts.revisions, limit=MAX_REVISIONS)
    if facts.textless_pages and privacy_reviewed is not True:
        pages = ", ".join(str(p) for p in facts.textless_pages)
        yield make("pdf-pages-without-text", file, None, None, "warning" if privacy_reviewed is None else None,
                   pages=pages)
    if facts.hidden_text:
        revisions = ", ".join(str(n) for n, _ in facts.hidden_text)
        lines = sum(len(text.splitlines()) for _, text in facts.hidden_text)
        yield make("privacy-pdf-revision-hidden-text", file, revisions=revisions, lines=lines, total=facts.revisions)
    counts: dict[str, int] = {}
    for code, finding, where in _findings(facts, identifiers, allowed):
        counts[code] = counts.get(code, 0) + 1
        if counts[code] <= MAX_FINDINGS:
            yield make(code, file, what=_label(finding.kind), value=mask(finding.text), where=where)


def _findings(facts: PdfFacts, identifiers: list[str],
              allowed: frozenset[str]) -> Iterator[tuple[str, privacy.Finding, str]]:
    for place, key, text in facts.strings:
        for finding in privacy.scan_text(text, allowed, identifiers):
            yield PLACE_CODES.get(place, "privacy-pdf-object"), finding, key
    for revision, place, key, text in facts.revision_strings:
        where = IN_REVISION.format(where=key, revision=revision, revisions=facts.revisions)
        for finding in privacy.scan_text(text, allowed, identifiers):
            yield PLACE_CODES.get(place, "privacy-pdf-object"), finding, where
    for revision, text in facts.hidden_text:
        for finding in privacy.scan_text(text, allowed, identifiers):
            yield "privacy-pdf-revision", finding, f"{revision}/{facts.revisions}"
