"""`check`: validate the whole content root and print one report."""

from __future__ import annotations

import argparse
import sys

from generator.commands import (
    add_content_options,
    add_publish_options,
    content_root,
    progress_printer,
    publish_options,
    today_of,
)
from generator.problems_report import render
from generator.strings import cli_help as H


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `check`."""
    parser = subparsers.add_parser("check", help=H.CHECK_SUMMARY, description=H.CHECK_HELP)
    add_content_options(parser)
    parser.add_argument("--no-pdf", action="store_true", help=H.CHECK_NO_PDF)
    add_publish_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the check and print the report; exit code 1 when any error."""
    from pathlib import Path

    from generator.checks.orchestrator import check_content

    root = content_root(args)
    if root is None:
        return 2
    result = check_content(root, today_of(args), cache_dir=Path(args.cache_dir), run_pdf_gate=not args.no_pdf,
                           progress=progress_printer("PDF"), **publish_options(args))
    sys.stdout.write(render(result.problems, args.format, args.content, result.letter_files))
    return 0 if result.valid else 1
