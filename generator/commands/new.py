"""`new`: add a letter from its PDF (gate first, then copy, pre-filled YAML, check, what is left)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import add_content_options, content_root, iso_date, progress_printer, today_of
from generator.problems_report import render
from generator.strings import cli_help as H


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `new`."""
    parser = subparsers.add_parser("new", help=H.NEW_SUMMARY, description=H.NEW_HELP)
    parser.add_argument("pdf", metavar="PDF", help=H.OPT_NEW_PDF)
    parser.add_argument("--agency", required=True, metavar="CODE", help=H.OPT_NEW_AGENCY)
    parser.add_argument("--id", dest="letter_id", metavar="ID", help=H.OPT_NEW_ID)
    parser.add_argument("--issued-on", type=iso_date, metavar="DATE",
                        help=H.OPT_NEW_ISSUED_ON)
    add_content_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Gate the PDF, copy it in, write the pre-filled YAML, check the new letter."""
    from generator.checks import pdfgate
    from generator.checks.letters import allowed_contacts
    from generator.commands.cli import UsageError
    from generator.content import newletter
    from generator.content.load import LETTER_ID, Loaded, load_settings
    from generator.problems import has_errors
    from generator.strings import cli_record as s

    root = content_root(args)
    if root is None:
        return 2
    source = Path(args.pdf)
    if not source.is_file():
        raise UsageError(s.NEW_PDF_MISSING.format(path=source))
    settings = Loaded()
    load_settings(root, settings)
    if settings.portal is None or args.agency not in settings.agencies:
        if settings.portal is None:
            sys.stdout.write(render(settings.problems, args.format, args.content, 0))
            return 2
        raise UsageError(s.NEW_AGENCY_UNKNOWN.format(agency=args.agency, codes=", ".join(sorted(settings.agencies))))
    policy = settings.portal.policy
    facts = pdfgate.inspect_pdfs([source], policy, Path(args.cache_dir) / "pdfgate", progress_printer("PDF"),
                                 trust_roots=pdfgate.load_trust_roots(root / "trust"))[source]
    draft = newletter.extract(facts.text, policy.dossier_code_pattern)
    identifiers = [str(draft.values[k]) for k in ("dossier.code", "number", "dossier.procedure_code")
                   if k in draft.values]
    gate = pdfgate.judge(facts, str(source), policy, privacy_reviewed=True, identifiers=identifiers,
                         allowed_contacts=allowed_contacts(settings.portal, settings.agencies.values()))
    if has_errors(gate):
        print(s.NEW_PDF_REFUSED.format(path=source), file=sys.stderr)
        sys.stdout.write(render(gate, args.format, "", 1))  # the one PDF checked
        return 1
    if args.issued_on:
        draft.values["issued_on"] = args.issued_on
    issued_on = draft.values.get("issued_on")
    if issued_on is None:
        raise UsageError(s.NEW_NO_DATE)
    letter_id = args.letter_id or newletter.next_id(root, issued_on)
    if not LETTER_ID.match(letter_id):
        raise UsageError(s.NEW_BAD_ID.format(letter_id=letter_id))
    existing = [p for p in (root / "letters").glob(f"*/*/{letter_id}.yml")]
    if existing:
        raise UsageError(s.NEW_EXISTS.format(letter_id=letter_id, path=existing[0]))
    draft.values["agency"] = args.agency
    draft.values.setdefault("published_on", today_of(args))
    yml, pdf = newletter.letter_paths(root, issued_on, args.agency, letter_id)
    text, missing = newletter.letter_yaml(draft, source_name=source.name, reasons=sorted(settings.reasons),
                                          scan=not facts.has_text)
    if not _create(root, source, facts.sha256, pdf, yml, text):
        return 1
    print(s.NEW_CREATED.format(yml=yml, pdf=pdf), file=sys.stderr)
    found = [f for f in draft.from_pdf if f in draft.values]
    if found:
        print(s.NEW_FOUND.format(fields=", ".join(found)), file=sys.stderr)
    if missing:
        print(s.NEW_TODO.format(marker=newletter.MARKER, fields=", ".join(missing)), file=sys.stderr)
    return _check_new(root, args, {yml.relative_to(root).as_posix(), pdf.relative_to(root).as_posix()})


def _create(root: Path, source: Path, sha256: str, pdf: Path, yml: Path, text: str) -> bool:
    """Write the PDF (the bytes the gate judged) and the YAML as new files, never through a symlink nor over a
    file (generator/safefile.py); False, after saying why on stderr, when either cannot be created."""
    import hashlib

    from generator.safefile import NotCreated, create_new, remove_created
    from generator.strings import cli_record as s

    data = source.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:  # changed since the gate read it
        print(s.NEW_PDF_CHANGED.format(path=source), file=sys.stderr)
        return False
    made: list[Path] = []
    try:
        for path, body in ((pdf, data), (yml, text.encode("utf-8"))):
            made.append(create_new(root, path.relative_to(root).as_posix(), body))
    except NotCreated as exc:
        for path in made:
            remove_created(path)
        print(s.NEW_NOT_CREATED.format(path=exc.path), file=sys.stderr)
        return False
    return True


def _check_new(root: Path, args: argparse.Namespace, files: set[str]) -> int:
    """Check the content and print the new letter's problems (exit 0: the letter was created)."""
    from generator.checks.orchestrator import check_content
    from generator.strings import cli_record as s

    result = check_content(root, today_of(args), cache_dir=Path(args.cache_dir))
    mine = [p for p in result.problems if p.file in files and p.code != "record-not-locked"]
    if mine:
        print(s.NEW_PROBLEMS, file=sys.stderr)
        sys.stdout.write(render(mine, args.format, args.content, 1))
    else:
        print(s.NEW_OK, file=sys.stderr)
    print(s.NEW_NEXT, file=sys.stderr)
    return 0

