"""`lock`: write the public-record manifest content/published.lock (or compare it with a base)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import add_content_options, content_root, progress_printer, today_of
from generator.report import render

HELP = """Record every published letter in <content>/published.lock: the SHA-256 of its PDF and of its
normalised metadata, its number of corrections and whether it is withdrawn. Run it after adding,
correcting or withdrawing letters, and commit the lock with them.

It REFUSES (exit 1, printing the problems) when the content has errors, in particular when a
locked letter changed without a new `corrections` entry or disappeared instead of being
`withdrawn`: a silent edit is never re-hashed.

With --against FILE it writes nothing and compares the lock with FILE (the base branch's lock,
in a pull request): an entry removed, or changed without a new correction, is an error.

examples (ví dụ):
  python -m generator lock                       # ghi lại content/published.lock
  python -m generator lock --content content     # sau khi thêm / đính chính / gỡ văn bản
  git show origin/main:content/published.lock > /tmp/base.lock
  python -m generator lock --against /tmp/base.lock --format github
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `lock`."""
    parser = subparsers.add_parser("lock", help="update the public-record lock (content/published.lock)",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_content_options(parser)
    parser.add_argument("--against", metavar="FILE",
                        help="compare <content>/published.lock with FILE (the base branch's lock); write nothing")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the lock (refusing on any error), or compare it with --against."""
    from generator.strings.cli_record import LOCK_WRITTEN

    root = content_root(args)
    if root is None:
        return 2
    if args.against:
        return _against(root, Path(args.against), args)
    from generator import record
    from generator.problems import has_errors, sort_problems
    from generator.validate import check_content

    result = check_content(root, today_of(args), cache_dir=Path(args.cache_dir), progress=progress_printer("PDF"))
    letters = result.content.letters if result.content else []
    if result.content is None:
        from generator.load import load_all

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
    from generator import record
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
