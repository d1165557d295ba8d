"""`report`: the compliance report of one period for the whole portal or one tracking unit."""

from __future__ import annotations

import argparse
import sys

from generator.commands import add_content_options, content_root, today_of
from generator.figures.periods import SCHEMES
from generator.strings import cli_help as H
from generator.strings import reports as S

FORMATS = ("md", "csv", "json", "docx")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `report`."""
    parser = subparsers.add_parser("report", help=H.REPORT_SUMMARY, description=H.REPORT_HELP)
    parser.add_argument("--period", required=True,
                        help=H.OPT_PERIOD)
    parser.add_argument("--scheme", choices=SCHEMES, help=H.OPT_SCHEME)
    parser.add_argument("--unit", help=H.OPT_UNIT)
    add_content_options(parser, formats=False)
    parser.add_argument("--format", choices=FORMATS, default="md", help=H.OPT_REPORT_FORMAT)
    parser.add_argument("--output", "-o", help=H.OPT_OUTPUT)
    parser.add_argument("--no-pdf", action="store_true", help=H.OPT_NO_PDF)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the content, compute the report, print it in the chosen format."""
    from pathlib import Path

    from generator.checks.orchestrator import check_content
    from generator.commands.cli import UsageError
    from generator.figures.compliance import Compliance
    from generator.figures.periods import PeriodError, parse
    from generator.problems_report import render
    from generator.site.common import fmt_date
    from generator.site.reports import tables
    from generator.site.reports.docx import build_docx
    from generator.site.reports.ontime_view import ontime_view
    from generator.site.reports.pages import charts

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
