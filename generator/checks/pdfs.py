"""Run the PDF gate over every letter and judge each PDF's facts against the portal's policy."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from stat import S_ISREG

from generator.cachedata import gc_frozen, gc_paused
from generator.checks.letters import allowed_contacts, letter_identifiers
from generator.content.model import Agency, Letter, Portal
from generator.problems import Problem, make


def gate_letters(
    root: Path,
    letters: list[Letter],
    portal: Portal,
    agencies: dict[str, Agency],
    cache_dir: Path | None,
    progress=None,
    identifiers: Mapping[str, list[str]] | None = None,
) -> tuple[dict, list[Problem]]:
    """Inspect every present PDF (bounded workers, cached facts) and judge it for its letter.

    A PDF whose file and judge inputs are unchanged since the last check is taken from the gate's
    memo (generator/checks/pdfgate/memo.py) without being read. `identifiers`: each letter's
    `letter_identifiers` by its .yml when the caller has them (the orchestrator's memo), else computed.
    """
    from generator.checks import pdfgate
    from generator.checks.pdfgate.memo import GateMemo, judge_key
    from generator.checks.pdfgate.ocr import engine_key

    trust_roots = pdfgate.load_trust_roots(root / "trust")
    contacts = allowed_contacts(portal, agencies.values())
    with gc_paused():  # the memo's acyclic data (cachedata.gc_paused); PDF inspection runs with the collector
        memo = GateMemo(cache_dir)
        shared = judge_key(portal.policy, trust_roots, sorted(contacts), engine_key())  # once, not per letter
        by_rel: dict[str, tuple[Letter, tuple, str, list[str]]] = {}
        found: dict[str, tuple] = {}  # letter.pdf_source -> (facts, problems)
        base = str(root)
        for letter in letters:
            rel = letter.pdf_source
            try:
                st = os.lstat(os.path.join(base, rel))  # one call: present, a regular file, not a symlink, unchanged?
            except OSError:
                continue
            if not S_ISREG(st.st_mode):
                continue
            shaped = identifiers.get(letter.source) if identifiers is not None else None
            if shaped is None:
                shaped = letter_identifiers(letter, portal.policy)
            key = judge_key(shared, rel, letter.privacy_reviewed, shaped, letter.dossier.code, letter.number)
            by_rel[rel] = (letter, st, key, shaped)
            entry = memo.get(rel, os.path.join(base, rel), st, key)
            if entry is not None:
                found[rel] = (entry.facts, list(entry.problems))
    with gc_frozen():  # (the memo's objects not walked by the collector while PDFs are inspected)
        todo = {root / rel: rel for rel in by_rel if rel not in found}
        total, reused = len(by_rel), len(found)
        step = None
        if progress:
            if reused:
                progress(reused, total)
            step = lambda n, _total: progress(reused + n, total)  # noqa: E731
        inspected = pdfgate.inspect_pdfs(list(todo), portal.policy, cache_dir, step, trust_roots=trust_roots)
        for path, rel in todo.items():
            letter, st, key, shaped = by_rel[rel]
            problems = pdfgate.judge(
                inspected[path],
                rel,
                portal.policy,
                privacy_reviewed=letter.privacy_reviewed,
                identifiers=shaped,
                dossier_code=letter.dossier.code,
                number=letter.number,
                allowed_contacts=contacts,
            )
            if not inspected[path].ocr_failed:  # a failed OCR read is tried again by the next check
                memo.put(rel, st, key, inspected[path], problems)
            found[rel] = (inspected[path], problems)
    with gc_paused():
        memo.save()
        facts: dict = {}
        problems: list[Problem] = []
        for rel in by_rel:
            facts[rel], judged = found[rel]
            problems += judged
    problems += unread_scans(facts)
    return facts, problems


def unread_scans(facts: dict) -> list[Problem]:
    """One warning per run when scans were not read because Tesseract is missing (not one per letter)."""
    from generator.checks.pdfgate.ocr import engine  # PDF_LIBRARIES: the gate loads with the first PDF

    unread = sorted(rel for rel, found in facts.items() if found.unread_scan)
    if not unread or engine() is not None:
        return []
    return [make("ocr-unavailable", unread[0], None, None, count=len(unread))]
