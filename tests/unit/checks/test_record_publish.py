"""generator/checks/record_publish.py: a missing or removed lock, and a proposed lock's history."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest

from generator.checks import record
from generator.checks.record_publish import history_problems, lock_in_history, missing_lock_problems
from tests.unit.kit import world

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]


def git(root, *args):
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def test_lock_in_history(w):
    assert not lock_in_history(w.root, record.LOCK_NAME)  # not a git checkout
    git(w.root, "init", "-q")
    (w.root / record.LOCK_NAME).write_text("x\n", encoding="utf-8")
    assert not lock_in_history(w.root, record.LOCK_NAME)  # not committed
    git(w.root, "add", record.LOCK_NAME)
    git(w.root, "commit", "-qm", "lock")
    (w.root / record.LOCK_NAME).unlink()
    git(w.root, "commit", "-qam", "rm")
    assert lock_in_history(w.root, record.LOCK_NAME)


@pytest.mark.parametrize(("publish", "letters", "base", "history", "expected"), [
    (False, 1, False, False, []),
    (True, 0, False, False, []),
    (True, 1, False, False, ["record-lock-missing"]),
    (False, 1, True, False, ["record-lock-removed"]),
    (True, 1, True, False, ["record-lock-removed"]),
    (False, 0, False, True, ["record-lock-removed"]),
])
def test_missing_lock_problems(w, publish, letters, base, history, expected):
    found = [w.letter(f"l{i}") for i in range(letters)]
    base_lock = record.Lock(entries={"x": None}) if base else None
    if history:
        git(w.root, "init", "-q")
        (w.root / record.LOCK_NAME).write_text("x\n", encoding="utf-8")
        git(w.root, "add", record.LOCK_NAME)
        git(w.root, "commit", "-qm", "lock")
        (w.root / record.LOCK_NAME).unlink()
    problems = missing_lock_problems(w.root, record.LOCK_NAME, found, publish=publish, base=base_lock)
    assert [(p.code, p.file) for p in problems] == [(code, record.LOCK_NAME) for code in expected]


def _entry(w):
    letter = w.letter(corrections=[{"date": "2018-05-12", "note": "Sửa.", "fields": ["number"]}])
    return dataclasses.replace(record.current_entry(w.root, letter), changes=[{"number": ["0/XL", "15/XL-STNMT"]}])


def test_history_problems(w):
    old = _entry(w)
    assert history_problems(old, old) == []
    rewritten = dataclasses.replace(old, changes=[{"number": ["9/XL", "15/XL-STNMT"]}])
    assert [c for c, _, _ in history_problems(old, rewritten)] == ["record-corrections-rewritten"]
    extended = dataclasses.replace(old, corrections=2, changes=[*old.changes, {"number": ["15/XL-STNMT", "16/XL"]}])
    assert history_problems(old, extended) == []
    forged = dataclasses.replace(extended, changes=[*old.changes, {"number": ["99/XL", "16/XL"]}])
    assert [(c, name) for c, name, _ in history_problems(old, forged)] == [
        ("record-correction-history-forged", "number")]
    malformed = dataclasses.replace(extended, changes=[*old.changes, {"number": "16/XL"}])
    assert [c for c, _, _ in history_problems(old, malformed)] == ["record-correction-history-forged"]
    without_values = dataclasses.replace(old, values=None)
    assert history_problems(without_values, forged) == []  # a version 1 lock: nothing to compare with
