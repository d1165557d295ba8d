"""`report`: the compliance report of one period for the whole portal or one tracking unit."""

from __future__ import annotations

import argparse
import sys

from generator.commands import add_content_options, content_root, today_of
from generator.strings import reports as S

FORMATS = ("md", "csv", "json")

HELP = """Compliance report of one period: overdue dossiers (register/*.csv), letters, coverage, missing letters,
letters in time, days late, publication lag, reasons, consistency warnings; one row per agency and the totals.

A letter counts in the period of its issued_on, a register row in the period of its due_on. Without --unit the
whole portal; with --unit CODE the unit and every agency it tracks or that sits below it. The JSON follows
generator/reports/report.schema.json. Exit 0 on success, 1 when the content has errors (the problems are
printed on stderr), 2 on a usage error (bad period, unknown unit).
examples:
  python -m generator report --period 2025-Q2
  python -m generator report --period 2025-W19 --unit tthcc --format json --today 2025-06-01
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `report`."""
    parser = subparsers.add_parser("report", help="compliance report of one period", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--period", required=True, help="2018-W19 | 2018-05 | 2018-Q2 | 2018-H1 | 2018")
    parser.add_argument("--unit", help="tracking unit (agency code); default: the whole portal")
    add_content_options(parser, formats=False)
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF gate when checking the content")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the content, compute the report, print it in the chosen format."""
    from pathlib import Path

    from generator.cli import UsageError
    from generator.compliance import Compliance
    from generator.periods import PeriodError, parse
    from generator.report import render
    from generator.reports import tables
    from generator.validate import check_content

    try:
        period = parse(args.period)
    except PeriodError:
        raise UsageError(S.CLI_BAD_PERIOD.format(value=args.period)) from None
    root = content_root(args)
    if root is None:
        return 2
    today = today_of(args)
    result = check_content(root, today, cache_dir=Path(args.cache_dir), run_pdf_gate=not args.no_pdf)
    if not result.valid or result.content is None:
        letters = len(result.content.letters) if result.content else 0
        sys.stderr.write(render(result.problems, "text", args.content, letters))
        return 1
    if args.unit and args.unit not in result.content.agencies:
        raise UsageError(S.CLI_UNKNOWN_UNIT.format(value=args.unit))
    report = Compliance(result.content, today).report(period, args.unit)
    if args.format == "json":
        sys.stdout.write(tables.dumps_json(report))
    elif args.format == "csv":
        sys.stdout.write(tables.dumps_csv(report))
    else:
        sys.stdout.write(tables.dumps_markdown(report))
    return 0
