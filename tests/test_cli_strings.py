"""What the CLI tells an editor is Vietnamese (generator/strings/cli.py), from a real run of the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.strings import cli as S
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
    from generator.strings import cli_help as H

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
    """No option of any command is described in English (argparse's own -h line aside)."""
    from generator.commands.cli import build_parser

    parser = build_parser()
    english = []
    for name, command in parser._subparsers._group_actions[0].choices.items():
        for action in command._actions:
            if action.help and action.dest != "help" and action.help.isascii():
                english.append((name, action.dest, action.help))
    assert english == []
