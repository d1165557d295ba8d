"""`report`: the compliance report of one period for the whole portal or one tracking unit."""

from __future__ import annotations

import argparse
import sys

from generator.commands import add_content_options, content_root, today_of
from generator.periods import SCHEMES
from generator.strings import reports as S

FORMATS = ("md", "csv", "json", "docx")

HELP = """Compliance report of one period: overdue dossiers (register/*.csv), letters, coverage, missing letters,
letters in time, days late, publication lag, reasons, consistency warnings; one row per agency and the totals.

A letter counts in the period of its issued_on, a register row in the period of its due_on. Periods follow the
portal's scheme (portal.yml reports.period_scheme: calendar, the default, or statistical: the cut-off of Decree
09/2019/NĐ-CP, a month from the 15th of the previous month to the 14th); a code ending in -TK is always
statistical (2025-05-TK = 15/04/2025 to 14/05/2025), --scheme overrides. The range used is printed on
stderr. Without --unit the
whole portal; with --unit CODE the unit and every agency it tracks or that sits below it. The JSON follows
generator/reports/report.schema.json. Exit 0 on success, 1 when the content has errors (the problems are
printed on stderr), 2 on a usage error (bad period, unknown unit).
examples:
  python -m generator report --period 2025-Q2
  python -m generator report --period 2025-05-TK --format md
  python -m generator report --period 2025-9T --scheme statistical
  python -m generator report --period 2025-W19 --unit tthcc --format json --today 2025-06-01
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `report`."""
    parser = subparsers.add_parser("report", help="compliance report of one period", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--period", required=True,
                        help="2018-W19 | 2018-05 | 2018-Q2 | 2018-H1 | 2018-9T | 2018; suffix -TK: statistical cut-off")
    parser.add_argument("--scheme", choices=SCHEMES, help="period scheme (default: portal.yml reports.period_scheme)")
    parser.add_argument("--unit", help="tracking unit (agency code); default: the whole portal")
    add_content_options(parser, formats=False)
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    parser.add_argument("--output", "-o", help="write the report to this file (docx: default stdout)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF gate when checking the content")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the content, compute the report, print it in the chosen format."""
    from pathlib import Path

    from generator.cli import UsageError
    from generator.compliance import Compliance
    from generator.periods import PeriodError, parse
    from generator.render.common import fmt_date
    from generator.report import render
    from generator.reports import tables
    from generator.reports.docx import build_docx
    from generator.reports.ontime_view import ontime_view
    from generator.reports.pages import charts
    from generator.validate import check_content

    try:
        period = parse(args.period, args.scheme or "calendar")
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
    if not args.scheme and not args.period.strip().upper().endswith("-TK"):
        period = parse(args.period, result.content.portal.reports.period_scheme)
    sys.stderr.write(S.CLI_SCHEME_USED.format(period=period.code, start=fmt_date(period.start),
                                              end=fmt_date(period.end), note=period.scheme_note) + "\n")
    comp = Compliance(result.content, today)
    report = comp.report(period, args.unit)
    view = ontime_view(comp, report)
    days = comp.data_days(None)
    data_from = days[0] if days else None
    if args.format == "docx":
        data = build_docx(result.content.portal, report, view, charts(report), data_from)
        if args.output:
            Path(args.output).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
    elif args.format == "json":
        sys.stdout.write(tables.dumps_json(report, view, data_from))
    elif args.format == "csv":
        sys.stdout.write(tables.dumps_csv(report))
    else:
        sys.stdout.write(tables.dumps_markdown(report, view, data_from))
    return 0
