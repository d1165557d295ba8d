"""`check-pdf`: the PDF gate alone, for an editor who wants to test a PDF before committing it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from generator.problems_report import FORMATS, render
from generator.strings import cli_help as H


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `check-pdf`."""
    parser = subparsers.add_parser("check-pdf", help=H.CHECK_PDF_SUMMARY, description=H.CHECK_PDF_HELP)
    parser.add_argument("files", nargs="+", metavar="FILE", help=H.OPT_PDF_FILES)
    parser.add_argument("--format", choices=FORMATS, default="text", help=H.OPT_FORMAT)
    parser.add_argument("--content", default="content",
                        help=H.OPT_PDF_CONTENT)
    parser.add_argument("--cache-dir", default=".cache", help=H.OPT_PDF_CACHE_DIR)
    parser.add_argument("--no-cache", action="store_true", help=H.OPT_NO_CACHE)
    parser.add_argument("--timeout", type=float, help=H.OPT_TIMEOUT)
    parser.add_argument("--memory-mb", type=int, help=H.OPT_MEMORY_MB)
    parser.set_defaults(func=run)


def _settings(root: Path):
    """(policy, allowed contacts, trust roots) from the content root, defaults when it has no portal.yml."""
    from generator.checks.pdfgate import load_trust_roots
    from generator.content.model import Policy

    if not (root / "portal.yml").is_file():
        return Policy(), frozenset(), load_trust_roots(root / "trust")
    from generator.checks.letters import allowed_contacts
    from generator.content.load import Loaded, load_settings

    loaded = Loaded()
    load_settings(root, loaded)
    if loaded.portal is None:
        return Policy(), frozenset(), load_trust_roots(root / "trust")
    contacts = allowed_contacts(loaded.portal, loaded.agencies.values())
    return loaded.portal.policy, contacts, load_trust_roots(root / "trust")


def _letter_metadata(pdf: Path, policy) -> tuple[list[str], str | None, str | None]:
    """Identifiers, dossier code and number from the letter YAML beside the PDF, when it loads."""
    yml = pdf.with_suffix(".yml")
    if not yml.is_file():
        return [], None, None
    from generator.checks.letters import letter_identifiers
    from generator.content.load import load_letter

    try:
        letter, _ = load_letter(yml.parent, yml.name)
    except Exception:  # a broken YAML is the business of `check`, not of the PDF gate
        return [], None, None
    if letter is None:
        return [], None, None
    return letter_identifiers(letter, policy), letter.dossier.code, letter.number


def run(args: argparse.Namespace) -> int:
    """Check the files and print one report; exit code 1 when any error."""
    from generator.checks import pdfgate
    from generator.commands import progress_printer
    from generator.problems import has_errors, sort_problems

    paths = [Path(name) for name in args.files]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        from generator.strings.cli import FILE_MISSING

        print(FILE_MISSING.format(paths=", ".join(missing)), file=sys.stderr)
        return 2
    policy, contacts, roots = _settings(Path(args.content))
    if args.timeout:
        policy = replace(policy, pdf_timeout_seconds=args.timeout)
    if args.memory_mb:
        policy = replace(policy, pdf_memory_mb=args.memory_mb)
    cache_dir = None if args.no_cache else Path(args.cache_dir) / "pdfgate"
    facts = pdfgate.inspect_pdfs(paths, policy, cache_dir, progress_printer("PDF"), trust_roots=roots)
    problems = []
    for path in paths:
        identifiers, code, number = _letter_metadata(path, policy)
        problems += pdfgate.judge(facts[path], str(path), policy, privacy_reviewed=None, identifiers=identifiers,
                                  dossier_code=code, number=number, allowed_contacts=contacts)
    problems = sort_problems(problems)
    sys.stdout.write(render(problems, args.format, "", len(paths)))
    return 1 if has_errors(problems) else 0
