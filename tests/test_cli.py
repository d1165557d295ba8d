"""The `check` CLI contract: exit codes, JSON shape, formats, stdout holds the report alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import make_content, write_letter

ROOT = Path(__file__).resolve().parents[1]


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "check", "--no-pdf", *args], cwd=cwd,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_valid_content_exits_0(tmp_path):
    make_content(tmp_path, letters=2)
    result = run_check("--today", "2018-06-01", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == {"letters": 2, "errors": 0, "warnings": 0, "problems": []}


def test_errors_exit_1_with_json_report(tmp_path):
    root = make_content(tmp_path, letters=1)
    write_letter(root, "2018-05-0002", number="99/XL", **{"dossier.code": "nope", "dossier.returned_on": "2018-05-20"})
    result = run_check("--today", "2018-06-01", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["letters"], report["errors"], report["warnings"]) == (2, 1, 1)
    assert [(p["severity"], p["code"], p["file"], p["field"]) for p in report["problems"]] == [
        ("error", "dossier-code-pattern", "content/letters/2018/so-tnmt/2018-05-0002.yml", "dossier.code"),
        ("warning", "returned-after-new-due", "content/letters/2018/so-tnmt/2018-05-0002.yml",
         "dossier.returned_on"),
    ]
    assert all(isinstance(p["line"], int) for p in report["problems"])
    assert list(report["problems"][0]) == ["severity", "code", "file", "line", "field", "message"]


def test_text_and_github_formats(tmp_path):
    root = make_content(tmp_path, letters=1)
    write_letter(root, "2018-05-0002", number="99/XL", **{"dossier.code": "nope"})
    text = run_check("--today", "2018-06-01", cwd=tmp_path).stdout
    assert "content/letters/2018/so-tnmt/2018-05-0002.yml:" in text and "dossier-code-pattern" in text
    github = run_check("--today", "2018-06-01", "--format", "github", cwd=tmp_path).stdout
    first = github.splitlines()[0]
    assert first.startswith("::error file=content/letters/2018/so-tnmt/2018-05-0002.yml,line=")
    assert "title=dossier-code-pattern::" in first


def test_missing_settings_exit_1(tmp_path):
    root = make_content(tmp_path, letters=1)
    (root / "portal.yml").unlink()
    result = run_check("--format", "json", "--today", "2018-06-01", cwd=tmp_path)
    assert result.returncode == 1
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["config-missing"]


def test_usage_errors_exit_2(tmp_path):
    assert run_check("--content", "does-not-exist", cwd=tmp_path).returncode == 2
    assert run_check("--format", "xml", cwd=tmp_path).returncode == 2
    assert run_check("--today", "yesterday", cwd=tmp_path).returncode == 2


def test_yaml_syntax_error_is_a_problem_not_a_traceback(tmp_path):
    root = make_content(tmp_path, letters=2)
    (root / "letters/2018/so-tnmt/2018-05-0001.yml").write_text("number: [unclosed\n", encoding="utf-8")
    result = run_check("--format", "json", "--today", "2018-06-01", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["yaml-syntax"]


def test_build_report_prints_the_checks_report_as_check_does(tmp_path):
    """`build --report` (publish.yml's one pass): after a build that succeeded, the check's report with its
    warnings, byte for byte what `check` prints in that format; without it, nothing on standard output."""
    root = make_content(tmp_path, letters=1)
    write_letter(root, "2018-05-0002", number="99/XL", **{"dossier.returned_on": "2018-05-20"})  # a warning
    checked = run_check("--today", "2018-06-01", "--format", "github", cwd=tmp_path)
    assert checked.returncode == 0 and "title=returned-after-new-due::" in checked.stdout

    def build(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "generator", "build", "--today", "2018-06-01", *args],
                              cwd=tmp_path, capture_output=True, text=True,
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})

    plain = build("--full")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == ""
    reported = build("--full", "--report", "--format", "github")
    assert reported.returncode == 0, reported.stderr
    assert reported.stdout == checked.stdout
