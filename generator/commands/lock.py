"""`lock`: write the public-record manifest content/published.lock (or compare it with a base)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import add_content_options, content_root, progress_printer, today_of
from generator.problems_report import render
from generator.strings import cli_help as H


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `lock`."""
    parser = subparsers.add_parser("lock", help=H.LOCK_SUMMARY, description=H.LOCK_HELP)
    add_content_options(parser)
    parser.add_argument("--against", metavar="FILE", help=H.LOCK_AGAINST)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the lock (refusing on any error), or compare it with --against."""
    from generator.strings.cli_record import LOCK_WRITTEN

    root = content_root(args)
    if root is None:
        return 2
    if args.against:
        return _against(root, Path(args.against), args)
    from generator.checks import record
    from generator.checks.orchestrator import check_content
    from generator.problems import has_errors, sort_problems

    result = check_content(root, today_of(args), cache_dir=Path(args.cache_dir), progress=progress_printer("PDF"))
    letters = result.content.letters if result.content else []
    if result.content is None:
        from generator.content.load import load_all

        letters = load_all(root).letters
    problems = sort_problems(result.problems + record.check_record(root, letters, result.pdf_facts))
    if result.content is None or has_errors(problems):
        sys.stdout.write(render(problems, args.format, args.content, len(letters)))
        return 1
    old = record.read_lock(root / record.LOCK_NAME)
    entries = record.lock_entries(root, letters, result.pdf_facts)
    path = record.write_lock(root, entries)
    before = old.entries if old else {}
    added = sum(e.id not in before for e in entries)
    updated = sum(e.id in before and before[e.id] != e for e in entries)
    print(LOCK_WRITTEN.format(path=path, total=len(entries), added=added, updated=updated), file=sys.stderr)
    return 0


def _against(root: Path, base_path: Path, args: argparse.Namespace) -> int:
    from generator.checks import record
    from generator.problems import has_errors, sort_problems
    from generator.strings.cli_record import BASE_MISSING

    if not base_path.is_file():
        print(BASE_MISSING.format(path=base_path), file=sys.stderr)
        return 2
    base = record.read_lock(base_path, str(base_path)) or record.Lock()
    proposed = record.read_lock(root / record.LOCK_NAME)
    if proposed is None and base.entries:  # the lock itself was deleted
        from generator.problems import make

        problems = [make("record-lock-removed", record.LOCK_NAME, None, None)]
        sys.stdout.write(render(problems, args.format, args.content, 0))
        return 1
    proposed = proposed or record.Lock()
    problems = sort_problems(record.compare_locks(base, proposed))
    sys.stdout.write(render(problems, args.format, args.content, len(proposed.entries)))
    return 1 if has_errors(problems) else 0
