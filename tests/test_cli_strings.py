"""What the CLI tells an editor is Vietnamese (generator/strings/cli.py), from a real run of the command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.cli import COMMANDS
from generator.strings import cli as S
from generator.strings import cli_help as H
from tests.helpers import make_content, write_letter

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)


def test_a_build_refused_for_content_errors_says_so_in_vietnamese(tmp_path):
    root = make_content(tmp_path, letters=1)
    write_letter(root, "2018-05-0002", number="99/XL", **{"dossier.code": "nope"})
    result = run("build", "--today", "2018-06-01", "--site-dir", str(tmp_path / "site"),
                 "--build-dir", str(tmp_path / "build"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == S.BUILD_FAILED.format(reason=S.BUILD_CONTENT_ERRORS)
    assert not (tmp_path / "site").exists()


def test_a_usage_error_is_prefixed_in_vietnamese(tmp_path):
    make_content(tmp_path, letters=1)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = run("new", "x.pdf", "--agency", "khong-co", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(S.USAGE_ERROR.format(message="")), result.stderr


def test_the_help_of_the_translated_commands_comes_from_strings():
    from generator.commands.cli import build_parser

    parser = build_parser()
    top = " ".join(parser.format_help().split())  # argparse wraps to the terminal's width
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps the subparsers here
    assert H.PROGRAM in top
    shared_content = " ".join(H.OPT_CONTENT.split())  # the commands reading a content root share its text
    for name, summary, description, reads_content in (
            ("check", H.CHECK_SUMMARY, H.CHECK_HELP, True), ("build", H.BUILD_SUMMARY, H.BUILD_HELP, True),
            ("serve", H.SERVE_SUMMARY, H.SERVE_HELP, True), ("lock", H.LOCK_SUMMARY, H.LOCK_HELP, True),
            ("check-pdf", H.CHECK_PDF_SUMMARY, H.CHECK_PDF_HELP, False), ("new", H.NEW_SUMMARY, H.NEW_HELP, True),
            ("report", H.REPORT_SUMMARY, H.REPORT_HELP, True),
            ("review-changes", H.REVIEW_SUMMARY, H.REVIEW_HELP, False)):
        assert summary in top, name
        assert commands[name].description == description
        assert (shared_content in " ".join(commands[name].format_help().split())) is reads_content, name


def test_every_option_an_editor_reads_has_vietnamese_help():
    """No option of any command is described in English (argparse's own -h line included)."""
    from generator.commands.cli import build_parser

    parser = build_parser()
    english = []
    for name, command in parser._subparsers._group_actions[0].choices.items():
        for action in command._actions:
            if action.help and action.help.isascii():
                english.append((name, action.dest, action.help))
    assert english == []


def argparse_english() -> list[str]:
    """The words argparse itself writes in a help text (this Python's), read from a plain parser's help."""
    plain = argparse.ArgumentParser(prog="p")
    plain.add_argument("x")
    lines = plain.format_help().splitlines()
    headings = [line for line in lines if line.endswith(":") and not line.startswith(" ")]
    help_line = next(line for line in lines if line.strip().startswith("-h, --help"))
    english = [lines[0].split()[0], *headings, help_line.split(None, 2)[2]]
    assert len(english) == 4, english  # "usage:", "positional arguments:", "options:", "show this help …"
    return english


def test_no_command_help_has_argparse_english():
    from generator.commands.cli import build_parser

    parser = build_parser()
    helps = {"": parser.format_help(), "usage": parser.format_usage()}
    for name, command in parser._subparsers._group_actions[0].choices.items():
        helps[name] = command.format_help()
    english = argparse_english()
    assert [(name, word) for name, text in helps.items() for word in english if word in text] == []
    assert all(text.startswith(H.USAGE_PREFIX) for text in helps.values())
    assert H.OPT_HELP in " ".join(helps["new"].split())


@pytest.mark.parametrize(("args", "prog", "message"), [
    (["chek"], "", H.ARGPARSE_ERRORS["argument %(argument_name)s: %(message)s"].format(
        argument_name="COMMAND", message=H.ARGPARSE_ERRORS["invalid choice: %(value)r (choose from %(choices)s)"]
        .format(value="'chek'", choices=", ".join(repr(c.replace("_", "-")) for c in COMMANDS)))),
    (["new"], " new", H.ARGPARSE_ERRORS["the following arguments are required: %s"].format("PDF, --agency")),
    (["check", "--bogus"], "", H.ARGPARSE_ERRORS["unrecognized arguments: %s"].format("--bogus")),
    (["serve", "--port", "x"], " serve", H.ARGPARSE_ERRORS["argument %(argument_name)s: %(message)s"].format(
        argument_name="--port", message=H.ARGPARSE_ERRORS["invalid %(type)s value: %(value)r"]
        .format(type="int", value="'x'"))),
    (["check", "--today"], " check", H.ARGPARSE_ERRORS["argument %(argument_name)s: %(message)s"].format(
        argument_name="--today", message=H.ARGPARSE_ERRORS["expected one argument"])),
])
def test_a_wrong_command_line_is_refused_in_vietnamese(tmp_path, args, prog, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    usage, *_, last = result.stderr.strip().splitlines()
    assert usage.startswith(H.USAGE_PREFIX + "python -m generator" + prog), result.stderr
    assert last + "\n" == H.ERROR.format(prog=f"python -m generator{prog}", message=message)
    assert not any(word in result.stderr for word in ("usage:", "error:", "invalid", "argument", "required"))


def test_a_mkdocs_failure_is_named_in_vietnamese(tmp_path):
    from datetime import date

    from generator.site import mkdocs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("[x](missing.md)\n", encoding="utf-8")  # strict mode: a broken link aborts
    with pytest.raises(mkdocs.MkdocsFailed) as failed:
        mkdocs._build({}, [], docs, tmp_path / "out", date(2026, 11, 20))
    prefix = S.BUILD_MKDOCS_ERROR.split("{")[0]
    assert str(failed.value).startswith(prefix) and str(failed.value) != S.BUILD_MKDOCS_ERROR
