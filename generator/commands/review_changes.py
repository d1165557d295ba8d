"""`review-changes`: warn (GitHub annotations in CI) about changes that need a second pair of eyes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.problems_report import FORMATS, render
from generator.strings import cli_help as H


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `review-changes`."""
    parser = subparsers.add_parser("review-changes", help=H.REVIEW_SUMMARY,
                                   description=H.REVIEW_HELP)
    parser.add_argument("--base", required=True, metavar="REF", help=H.OPT_BASE)
    parser.add_argument("--content", default="content", help=H.OPT_REVIEW_CONTENT)
    parser.add_argument("--repo", default=".", help=H.OPT_REPO)
    parser.add_argument("--format", choices=FORMATS, default="text", help=H.OPT_FORMAT)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the warnings; 0 unless the base cannot be read."""
    from generator.checks.review import ReviewError, review_changes
    from generator.strings.cli_process import REVIEW_BASE_MISSING, REVIEW_NONE

    try:
        problems = review_changes(Path(args.repo), args.base, args.content)
    except ReviewError as exc:
        print(REVIEW_BASE_MISSING.format(base=args.base, detail=exc), file=sys.stderr)
        return 2
    if problems:
        sys.stdout.write(render(problems, args.format, "", 0))
    else:
        print(REVIEW_NONE, file=sys.stderr)
    return 0
