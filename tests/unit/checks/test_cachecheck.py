"""generator/checks/cachecheck.py: caches inside the content root or tracked by git, and an unwritable cache."""

from __future__ import annotations

import os
import subprocess

import pytest

from generator.checks.cachecheck import CACHE_DIRS, CACHE_SUFFIXES, cache_problems, cache_unwritable
from tests.unit.kit import world

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
PLACES = ["", "register/", "letters/", "letters/2018/", "letters/2018/so-tnmt/"]


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def test_a_clean_root_has_none(w):
    w.letter()
    assert cache_problems(w.root) == []


@pytest.mark.parametrize("name", [*sorted(CACHE_DIRS), *(f"x{s}" for s in CACHE_SUFFIXES)])
@pytest.mark.parametrize("place", PLACES)
def test_a_cache_in_the_content_root(w, name, place):
    w.letter()
    path = w.root / place / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name.startswith("x"):
        path.write_bytes(b"\x80")
    else:
        (path / "inner").mkdir(parents=True)
        (path / "inner" / "x.pickle").write_bytes(b"\x80")  # inside a cache folder: one problem, the folder's
    # under letters/ only its year and agency folders are walked: any file there is the layout check's
    layout = place.startswith("letters/") and (name.startswith("x") or place == "letters/2018/so-tnmt/")
    expected = [] if layout else [f"{place}{name}"]
    assert [(p.code, p.file) for p in cache_problems(w.root)] == [("cache-in-content", rel) for rel in expected]


def test_a_tracked_cache(tmp_path):
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "tools" / ".cache").mkdir(parents=True)
    (repo / "tools" / ".cache" / "a.json").write_text("{}", encoding="utf-8")
    (repo / "tools" / ".cache" / "b.json").write_text("{}", encoding="utf-8")
    (repo / "model.pkl").write_bytes(b"\x80")
    (repo / "content" / "portal.yml").write_text("x", encoding="utf-8")
    subprocess.run([*GIT, "-C", str(repo), "init", "-q"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "-f", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "x"], check=True)
    problems = cache_problems(repo / "content")
    assert [(p.code, p.file) for p in problems] == [("cache-tracked", "../model.pkl"),
                                                   ("cache-tracked", "../tools/.cache")]


def test_cache_unwritable(tmp_path):
    assert cache_unwritable(tmp_path, None) == []
    assert cache_unwritable(tmp_path, tmp_path / "new" / "cache") == []
    assert (tmp_path / "new" / "cache").is_dir()
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    (problem,) = cache_unwritable(tmp_path, blocked / "cache")
    assert (problem.code, problem.file, problem.severity) == ("cache-unwritable", "file/cache", "warning")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_cache_unwritable_read_only(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert [p.code for p in cache_unwritable(tmp_path, folder)] == ["cache-unwritable"]
    finally:
        folder.chmod(0o700)
