"""argparse in Vietnamese: `Parser` is the CLI's `ArgumentParser` (its subcommands' too).

argparse writes its headings ("options:"), the `-h` line, the "usage:" prefix and its error messages in
English (through gettext, with no Vietnamese catalog). `Parser` sets the headings and the `-h` line from
generator/strings/cli_help.py, `Formatter` the usage prefix, and `Parser.error` matches argparse's message
against its English templates to print the Vietnamese one (exit code 2, as argparse).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from generator.strings import cli_help as H

_PLACEHOLDER = re.compile(r"%(?:\\\((\w+)\\\))?[sr]")  # %s, %r, %(name)s, %(name)r in a re.escape()d template


def _pattern(template: str) -> re.Pattern[str]:
    """An argparse message template as a regular expression with one group per placeholder."""
    count = iter(range(100))

    def group(match: re.Match[str]) -> str:
        return f"(?P<{match.group(1) or f'_{next(count)}'}>.+?)"

    return re.compile(_PLACEHOLDER.sub(group, re.escape(template)))


_MESSAGES = [(_pattern(english), vietnamese) for english, vietnamese in H.ARGPARSE_ERRORS.items()]


def vietnamese(message: str) -> str:
    """argparse's English error message in Vietnamese (an argument's message translated in turn); a
    message of no known template as it is."""
    for pattern, text in _MESSAGES:
        if match := pattern.fullmatch(message):
            named = {k: v for k, v in match.groupdict().items() if not k.startswith("_")}
            numbered = [v for k, v in sorted(match.groupdict().items()) if k.startswith("_")]
            if "message" in named:
                named["message"] = vietnamese(named["message"])
            return text.format(*numbered, **named)
    return message


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions kept as written (their own line breaks), "usage:" in Vietnamese."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # argparse's signature
        super().add_usage(usage, actions, groups, H.USAGE_PREFIX if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Vietnamese; `add_subparsers` makes its subcommands Parsers too."""

    def __init__(self, *args, add_help: bool = True, formatter_class: type = Formatter, **kwargs) -> None:
        super().__init__(*args, add_help=False, formatter_class=formatter_class, **kwargs)
        self._positionals.title = H.POSITIONALS_TITLE
        self._optionals.title = H.OPTIONS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=H.OPT_HELP)

    def error(self, message: str) -> NoReturn:
        """Usage and the Vietnamese message on stderr, exit code 2 (argparse's own contract)."""
        self.print_usage(sys.stderr)
        self.exit(2, H.ERROR.format(prog=self.prog, message=vietnamese(message)))
