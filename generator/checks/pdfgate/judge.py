"""Facts + policy + the letter's metadata -> problems. Pure and fast: run on every check."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.checks.pdfgate.facts import PdfFacts
from generator.checks.pdfgate.hidden import hidden_problems
from generator.checks.pdfgate.scan_checks import scan_problems
from generator.checks.privacy import MAX_PRIVACY_FINDINGS, mask
from generator.checks.privacy_text import squeeze
from generator.content.model import Policy
from generator.problems import Problem, make

ACTIVE_CODES = {
    "javascript": "pdf-javascript",
    "action": "pdf-action",
    "embedded-file": "pdf-embedded-file",
    "rich-media": "pdf-rich-media",
    "xfa": "pdf-xfa",
    "launch": "pdf-launch",
    "remote-goto": "pdf-remote-goto",
    "file-link": "pdf-file-link",
    "unc-path": "pdf-unc-path",
    "polyglot": "pdf-polyglot",
}
_SPACE = re.compile(r"\s+")


def judge(
    facts: PdfFacts,
    rel_file: str,
    policy: Policy,
    *,
    privacy_reviewed: bool | None,
    identifiers: Iterable[str] = (),
    dossier_code: str | None = None,
    number: str | None = None,
    allowed_contacts: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every problem of one PDF; `privacy_reviewed=None` means checked alone (check-pdf)."""
    return list(_judge(facts, rel_file, policy, privacy_reviewed, list(identifiers), dossier_code, number,
                       allowed_contacts))


def _judge(facts: PdfFacts, file: str, policy: Policy, privacy_reviewed: bool | None, identifiers: list[str],
           dossier_code: str | None, number: str | None, allowed: frozenset[str]) -> Iterator[Problem]:
    if facts.size > policy.max_pdf_bytes:
        yield make("pdf-too-large", file, size=facts.size, limit=policy.max_pdf_bytes)
    if not facts.header_ok:
        yield make("pdf-no-header", file)
        return  # not a PDF: nothing else is meaningful
    if not facts.eof_ok:
        yield make("pdf-no-eof", file)
    if facts.trailing_garbage:
        yield make("pdf-trailing-data", file)
    if facts.timed_out:
        yield make("pdf-timeout", file, limit=_number(facts.limit_seconds or policy.pdf_timeout_seconds))
        return
    if facts.crashed:
        yield make("pdf-worker-crashed", file, limit=facts.limit_mb or policy.pdf_memory_mb,
                   detail=facts.crash_detail or "?")
        return
    if not facts.inspected:
        return  # too large to open: already reported
    if not facts.opened:
        yield make("pdf-unreadable", file, detail=facts.open_error or "?")
        return
    if facts.encrypted:
        yield make("pdf-encrypted", file)
        return
    if facts.repaired:
        yield make("pdf-repaired", file)
    if facts.pages == 0:
        yield make("pdf-no-pages", file)
    elif facts.pages > policy.max_pdf_pages:
        yield make("pdf-too-many-pages", file, pages=facts.pages, limit=policy.max_pdf_pages)
    yield from _active(facts, file)
    if facts.pages and not facts.render_ok:
        yield make("pdf-render-failed", file, detail=facts.render_error or "?")
    yield from _text(facts, file, privacy_reviewed, identifiers, dossier_code, number, allowed)
    yield from scan_problems(facts, file, identifiers=identifiers, dossier_code=dossier_code, number=number,
                             allowed=allowed)
    yield from hidden_problems(facts, file, privacy_reviewed, identifiers, allowed)
    yield from _signatures(facts, file)


def _number(value: float) -> str:
    return f"{value:g}"


def _active(facts: PdfFacts, file: str) -> Iterator[Problem]:
    details: dict[str, list[str]] = {}
    for kind, detail in facts.active_content:
        details.setdefault(kind, []).append(detail)
    for kind, found in details.items():
        yield make(ACTIVE_CODES.get(kind, "pdf-action"), file, detail=", ".join(sorted(set(found))))


def _text(facts: PdfFacts, file: str, privacy_reviewed: bool | None, identifiers: list[str],
          dossier_code: str | None, number: str | None, allowed: frozenset[str]) -> Iterator[Problem]:
    if not facts.has_text:
        if privacy_reviewed is None:
            yield make("pdf-no-text-layer", file, None, None, "warning")
        elif not privacy_reviewed:
            yield make("pdf-no-text-layer", file)
        return
    if dossier_code or number:
        squeezed = squeeze(facts.text)
        wanted = [squeeze(x) for x in (dossier_code, number) if x]
        if not any(w and w in squeezed for w in wanted):
            yield make("pdf-identifiers-absent", file, code=dossier_code or "", number=number or "")
    from generator.checks import privacy

    counts: dict[str, int] = {}
    for finding in privacy.scan_text(facts.text, allowed, identifiers):
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
        if counts[finding.kind] <= MAX_PRIVACY_FINDINGS:
            yield make(f"privacy-pdf-{finding.kind}", file, value=mask(finding.text))


def _signatures(facts: PdfFacts, file: str) -> Iterator[Problem]:
    for sig in facts.signatures:
        if not sig.intact:
            yield make("signature-broken", file, signer=sig.signer)
        elif not sig.coverage_ok:
            yield make("signature-modified", file, signer=sig.signer, detail=f"{sig.coverage}, {sig.modification}")
        elif not sig.trusted:
            yield make("signature-unverified" if not facts.trust_key else "signature-untrusted", file,
                       signer=sig.signer)
