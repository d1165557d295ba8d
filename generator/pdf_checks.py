"""Run the PDF gate over every letter and judge each PDF's facts against the portal's policy."""

from __future__ import annotations

from pathlib import Path

from generator.letter_checks import allowed_contacts, letter_identifiers
from generator.model import Agency, Letter, Portal
from generator.problems import Problem


def gate_letters(
    root: Path,
    letters: list[Letter],
    portal: Portal,
    agencies: dict[str, Agency],
    cache_dir: Path | None,
    progress=None,
) -> tuple[dict, list[Problem]]:
    """Inspect every present PDF (bounded workers, cached facts) and judge it for its letter."""
    from generator import pdfgate

    by_path = {}
    for letter in letters:
        path = root / letter.pdf_source
        if path.is_file() and not path.is_symlink():
            by_path[path] = letter
    facts_by_path = pdfgate.inspect_pdfs(list(by_path), portal.policy, cache_dir, progress,
                                         trust_roots=pdfgate.load_trust_roots(root / "trust"))
    contacts = allowed_contacts(portal, agencies.values())
    facts: dict = {}
    problems: list[Problem] = []
    for path, letter in by_path.items():
        found = facts_by_path[path]
        facts[letter.pdf_source] = found
        problems += pdfgate.judge(
            found,
            letter.pdf_source,
            portal.policy,
            privacy_reviewed=letter.privacy_reviewed,
            identifiers=letter_identifiers(letter),
            dossier_code=letter.dossier.code,
            number=letter.number,
            allowed_contacts=contacts,
        )
    return facts, problems
