"""generator/checks/review.py: what a pull request changes that needs a second reviewer, in a real git repo."""

from __future__ import annotations

import subprocess

import pytest

from generator.checks import review
from generator.strings.cli_process import CHANGE_KINDS
from tests.helpers import PORTAL
from tests.unit.kit import _dump

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]


def git(repo, *args):
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    """A repository with content settings and a theme on `main`, HEAD on a branch from it."""
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "overrides").mkdir()
    (repo / "content" / "portal.yml").write_text(_dump(PORTAL), encoding="utf-8")
    (repo / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    (repo / "README.md").write_text("x", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "change")
    return repo


def commit(repo, files: dict[str, str | None]):
    for rel, text in files.items():
        path = repo / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")


@pytest.mark.parametrize(("path", "change", "flagged"), [
    ("overrides/main.html", "M", True), ("overrides/partials/x.html", "A", True), ("mkdocs.yml", "A", True),
    (".github/workflows/ci.yml", "A", True), (".github/CODEOWNERS", "A", True), ("content/trust/root.pem", "A", True),
    ("README.md", "M", False), ("content/letters/2018/a/x.yml", "A", False), ("overrides", "A", False),
    ("overrides/main.html", "D", True),
])
def test_file_problems(path, change, flagged):
    problems = review.file_problems([(change, path)], "content")
    assert [(p.code, p.file, p.severity) for p in problems] == ([("review-file-changed", path, "warning")]
                                                                if flagged else [])
    if flagged:
        assert CHANGE_KINDS[change] in problems[0].message


def test_the_content_folder_is_the_callers(tmp_path):
    assert review.file_problems([("A", "data/trust/x.pem")], "data/") != []
    assert review.file_problems([("A", "content/trust/x.pem")], "data") == []


def test_changed_files_and_a_bad_base(repo):
    commit(repo, {"overrides/main.html": None, "new.txt": "x"})
    assert review.changed_files(repo, "main") == [("A", "new.txt"), ("D", "overrides/main.html")]
    with pytest.raises(review.ReviewError):
        review.changed_files(repo, "no-such-branch")


SETTINGS = [  # (portal.yml change, expected settings reported)
    ({"policy": {**PORTAL["policy"], "mask_individual_names": False}}, ["policy.mask_individual_names"]),
    ({"site_url": "https://khac.example.gov.vn/"}, ["site_url"]),
    ({"data_licence": "CC0-1.0"}, ["data_licence"]),
    ({"calendar": {"days_off": ["2018-04-30"], "working_days": []}}, ["calendar.days_off"]),
    ({"pdf_base_url": "https://cdn.example.org/pdf/"}, ["pdf_base_url", "pdf_base_url"]),
    ({"name": "Tên khác"}, []),  # identity is not reviewed
]


@pytest.mark.parametrize(("change", "expected"), SETTINGS)
def test_review_changes_of_settings(repo, change, expected):
    commit(repo, {"content/portal.yml": _dump({**PORTAL, **change})})
    problems = review.review_changes(repo, "main")
    assert [p.field for p in problems] == expected
    assert all(p.file == "content/portal.yml" and p.severity == "warning" for p in problems)
    if change.get("pdf_base_url"):
        assert [p.code for p in problems] == ["review-setting-changed", "review-pdf-host-changed"]
        assert "cdn.example.org" in problems[1].message


def test_review_changes_of_a_theme_and_nothing(repo):
    assert review.review_changes(repo, "main") == []
    commit(repo, {"overrides/main.html": "changed", "README.md": "y"})
    assert [(p.code, p.file) for p in review.review_changes(repo, "main")] == [
        ("review-file-changed", "overrides/main.html")]


def test_setting_problems_need_both_sides():
    assert review.setting_problems(None, None, "content/portal.yml") == []
