"""The record where it is published: a missing or removed lock, and a lock's history against the last one.

- A lock that git history knows but the content no longer has was removed: `record-lock-removed`
  (always), and so is one the last published lock (`--base-lock`) shows existed.
- In publish mode, letters without any lock: `record-lock-missing`.
- A proposed lock may only extend what the base lock says each correction changed, and the old values it
  records for a new correction must be the base's values (`record-correction-history-forged`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.content.model import Letter
from generator.problems import Problem, make


def lock_in_history(root: Path, name: str) -> bool:
    """True when git history of the checkout holding `root` has `root/<name>` (False outside git)."""
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%H", "--", name],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip())


def missing_lock_problems(root: Path, lock_name: str, letters: list[Letter], *, publish: bool,
                          base) -> list[Problem]:
    """Problems when `root` has no lock (`lock_name`)."""
    if (base is not None and base.entries) or lock_in_history(root, lock_name):
        return [make("record-lock-removed", lock_name, None, None)]
    if publish and letters:
        return [make("record-lock-missing", lock_name, None, None, letters=len(letters))]
    return []


def history_problems(old, new) -> list[tuple]:
    """(code, field, params) when `new` rewrites what `old` recorded of earlier corrections, or records old
    values for its new corrections that are not the values `old` holds."""
    found: list[tuple] = []
    params = {"letter_id": old.id}
    if old.changes is not None and (new.changes or [])[: len(old.changes)] != old.changes:
        found.append(("record-corrections-rewritten", "corrections",
                      {**params, "locked": old.corrections, "now": new.corrections}))
    if old.values is None:
        return found
    for change in (new.changes or [])[old.corrections:]:
        for name, pair in (change or {}).items():
            if not (isinstance(pair, list) and len(pair) == 2) or pair[0] != old.values.get(name):
                found.append(("record-correction-history-forged", name, {**params, "field_name": name}))
    return found
