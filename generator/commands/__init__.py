"""CLI commands: one module each, with `add_parser(subparsers)` and `run(args) -> int`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator.problems_report import FORMATS
from generator.strings import cli_help as H
from generator.strings.cli import BAD_DATE, CONTENT_MISSING


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(BAD_DATE.format(value=value)) from None


def add_content_options(parser: argparse.ArgumentParser, *, formats: bool = True) -> None:
    """The options shared by commands that read a content root."""
    parser.add_argument("--content", default="content", help=H.OPT_CONTENT)
    parser.add_argument("--today", type=iso_date, help=H.OPT_TODAY)
    parser.add_argument("--cache-dir", default=".cache", help=H.OPT_CACHE_DIR)
    if formats:
        parser.add_argument("--format", choices=FORMATS, default="text", help=H.OPT_FORMAT)


def add_publish_options(parser: argparse.ArgumentParser) -> None:
    """--publish and --base-lock: the public record as enforced where the site is published."""
    parser.add_argument("--publish", action="store_true",
                        help=H.OPT_PUBLISH)
    parser.add_argument("--base-lock", metavar="FILE",
                        help=H.OPT_BASE_LOCK)


def publish_options(args: argparse.Namespace) -> dict:
    """check_content keywords from --publish / --base-lock (a --base-lock FILE that is absent: nothing to compare)."""
    from generator.checks import record

    base = None
    if getattr(args, "base_lock", None) and Path(args.base_lock).is_file():
        base = record.read_lock(Path(args.base_lock), "base.lock")
    return {"publish": bool(getattr(args, "publish", False)), "base_lock": base}


def content_root(args: argparse.Namespace) -> Path | None:
    """The content root, or None (after telling the user on stderr) when it is missing."""
    root = Path(args.content)
    if not root.is_dir():
        print(CONTENT_MISSING.format(path=root), file=sys.stderr)
        return None
    return root


def today_of(args: argparse.Namespace) -> date:
    """--today, or today's date in Asia/Ho_Chi_Minh."""
    from generator.content.load import default_today

    return args.today or default_today()


def progress_printer(label: str):
    """A progress callback `(done, total)` writing to stderr on a terminal only (quiet in CI)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show
