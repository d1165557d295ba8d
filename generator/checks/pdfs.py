"""Run the PDF gate over every letter and judge each PDF's facts against the portal's policy."""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG

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
) -> tuple[dict, list[Problem]]:
    """Inspect every present PDF (bounded workers, cached facts) and judge it for its letter.

    A PDF whose file and judge inputs are unchanged since the last check is taken from the gate's
    memo (generator/checks/pdfgate/memo.py) without being read.
    """
    from generator.cachekeys import file_key
    from generator.checks import pdfgate
    from generator.checks.pdfgate.memo import GateMemo, judge_key
    from generator.checks.pdfgate.ocr import engine_key

    trust_roots = pdfgate.load_trust_roots(root / "trust")
    contacts = allowed_contacts(portal, agencies.values())
    memo = GateMemo(cache_dir)
    shared = (portal.policy, trust_roots, sorted(contacts), engine_key())
    by_path: dict[Path, tuple[Letter, tuple, str]] = {}
    found: dict[Path, tuple] = {}  # path -> (facts, problems)
    for letter in letters:
        path = root / letter.pdf_source
        try:
            st = os.lstat(path)  # one system call: present, a regular file, not a symlink, unchanged?
        except OSError:
            continue
        if not S_ISREG(st.st_mode):
            continue
        stat = file_key(st)
        key = judge_key(shared, letter.pdf_source, letter.privacy_reviewed, letter_identifiers(letter, portal.policy),
                        letter.dossier.code, letter.number)
        by_path[path] = (letter, stat, key)
        entry = memo.get(letter.pdf_source, stat, key)
        if entry is not None:
            found[path] = (entry.facts, list(entry.problems))
    todo = [path for path in by_path if path not in found]
    total, reused = len(by_path), len(found)
    step = None
    if progress:
        if reused:
            progress(reused, total)
        step = lambda n, _total: progress(reused + n, total)  # noqa: E731
    inspected = pdfgate.inspect_pdfs(todo, portal.policy, cache_dir, step, trust_roots=trust_roots)
    for path in todo:
        letter, stat, key = by_path[path]
        problems = pdfgate.judge(
            inspected[path],
            letter.pdf_source,
            portal.policy,
            privacy_reviewed=letter.privacy_reviewed,
            identifiers=letter_identifiers(letter, portal.policy),
            dossier_code=letter.dossier.code,
            number=letter.number,
            allowed_contacts=contacts,
        )
        if not inspected[path].ocr_failed:  # a failed OCR read is tried again by the next check
            memo.put(letter.pdf_source, stat, key, inspected[path], problems)
        found[path] = (inspected[path], problems)
    memo.save()
    facts: dict = {}
    problems: list[Problem] = []
    for path, (letter, _stat, _key) in by_path.items():
        facts[letter.pdf_source], judged = found[path]
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
