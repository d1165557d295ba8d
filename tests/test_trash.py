"""Folders set aside and removed in the background (generator/trash.py): the path is free at once, the old
content goes away, leftovers of earlier runs are swept; rendering starts from an empty docs folder."""

from __future__ import annotations

import time
from pathlib import Path

from generator.checks.orchestrator import check_content
from generator.site.docs import render_docs
from generator.trash import set_aside, sweep
from tests.conftest import SITE_TODAY, write_site_content


def wait_gone(path: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not path.exists()


def test_set_aside_frees_the_path_and_removes_the_old_content(tmp_path):
    folder = tmp_path / "docs"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "page.md").write_text("old")
    old = set_aside(folder)
    assert not folder.exists() and old is not None and old.name.startswith(".docs.old-")
    wait_gone(old)
    assert set_aside(folder) is None  # nothing to set aside


def test_sweep_removes_leftovers_of_earlier_runs_only(tmp_path):
    (tmp_path / ".docs.old-1-2" / "x").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / ".other.old-1-2").mkdir()
    sweep(tmp_path / "docs")
    wait_gone(tmp_path / ".docs.old-1-2")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.old-1-2", "docs"]


def test_render_starts_from_an_empty_docs_folder(tmp_path):
    (tmp_path / "content").mkdir()
    root = write_site_content(tmp_path / "content")
    result = check_content(root, SITE_TODAY, run_pdf_gate=False)
    docs = tmp_path / "build" / "docs"
    (docs / "stale").mkdir(parents=True)
    (docs / "stale" / "index.md").write_text("left from an earlier build")
    render_docs(result.content, result.pdf_facts, SITE_TODAY, docs)
    assert not (docs / "stale").exists() and (docs / "index.md").is_file()
    for leftover in (tmp_path / "build").glob(".docs.old-*"):
        wait_gone(leftover)
