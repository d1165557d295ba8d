"""Command-line interface: `python -m generator <command>`.

Each command lives in `generator/commands/<name>.py` and exposes `add_parser(subparsers)` (which
sets `func`) and a `run(args) -> int`. The CLI prints and exits; the library never does.
Exit codes: 0 success (warnings allowed), 1 problems found / build failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from generator.commands.failures import describe
from generator.commands.parsing import Parser
from generator.strings import cli_help as H
from generator.strings.cli import USAGE_ERROR

COMMANDS = ("check", "check_pdf", "build", "serve", "report", "new", "lock", "review_changes")

class UsageError(Exception):
    """A usage error detected after argument parsing (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available command registered."""
    parser = Parser(prog="python -m generator", description=H.PROGRAM, epilog=H.EPILOG)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"generator.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"generator.commands.{name}":
                raise
            continue  # command not shipped in this build
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a report written to a full device fails here, inside the try
        return code
    except UsageError as exc:
        print(USAGE_ERROR.format(message=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except (OSError, RuntimeError) as exc:  # a full disk, an unwritable folder, a failed worker: a message
        message = describe(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        _drop_unwritable_stdout()
        return 1


def _drop_unwritable_stdout() -> None:
    """When standard output cannot take the rest of the report (a full device), send it to /dev/null, so the
    interpreter's final flush does not fail again with a traceback."""
    import os

    try:
        sys.stdout.flush()
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
