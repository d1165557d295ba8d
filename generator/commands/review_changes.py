"""`review-changes`: warn (GitHub annotations in CI) about changes that need a second pair of eyes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.report import FORMATS, render

HELP = """List what this branch changes, compared with --base, that a second reviewer must look at:
privacy and publishing settings of <content>/portal.yml (every `policy` value, site_url,
pdf_base_url and its host, data_licence, calendar), the theme (overrides/), mkdocs.yml, the
workflows, CODEOWNERS and the trust roots. Each is a warning naming what changed; the exit code
is 0 (the warnings ask for review, they do not block), 2 when --base cannot be read.

examples (ví dụ):
  python -m generator review-changes --base origin/main
  python -m generator review-changes --base "origin/${GITHUB_BASE_REF}" --format github
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `review-changes`."""
    parser = subparsers.add_parser("review-changes", help="warn about changes that need a second reviewer",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, metavar="REF", help="the base branch or commit (e.g. origin/main)")
    parser.add_argument("--content", default="content", help="content root, relative to the repository")
    parser.add_argument("--repo", default=".", help="the git checkout (default: the current directory)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the warnings; 0 unless the base cannot be read."""
    from generator.review import ReviewError, review_changes
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
