"""Caches belong outside the record: a cache committed to git, or one inside the content root, is an error.

The check's caches are data (generator/cachedata.py), yet a cache that travels with the repository is
still someone else's result reused as ours (and, for older tools, code). So `check` refuses
- `cache-tracked`: a tracked file under a cache folder (`.cache/`, `__pycache__/`...) or a pickle;
- `cache-in-content`: a cache-like folder or file anywhere inside the content root;
and warns (`cache-unwritable`) when the cache folder cannot be written: the result is complete, the next
run is cold again.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from generator.problems import Problem, make

CACHE_DIRS = frozenset({".cache", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"})
CACHE_SUFFIXES = (".pickle", ".pkl", ".marshal", ".pyc", ".shelve")
_TRACKED = [f":(top,glob)**/{name}/**" for name in sorted(CACHE_DIRS)] + [
    f":(top,glob)**/*{suffix}" for suffix in CACHE_SUFFIXES]


def cache_problems(root: Path) -> list[Problem]:
    """`cache-in-content` and `cache-tracked` problems of the content root and its repository."""
    return _in_content(root) + _tracked(root)


def cache_unwritable(root: Path, cache_dir: Path | None) -> list[Problem]:
    """`cache-unwritable` when files cannot be created in `cache_dir` (read-only, full, not a folder)."""
    if cache_dir is None:
        return []
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache_dir):
            pass
    except OSError as error:
        rel = os.path.relpath(cache_dir, root)
        return [make("cache-unwritable", rel, None, None, path=str(cache_dir), reason=error.strerror or str(error))]
    return []


def _is_cache(name: str) -> bool:
    return name in CACHE_DIRS or name.endswith(CACHE_SUFFIXES)


def _in_content(root: Path) -> list[Problem]:
    """Cache-like names inside `root` (under letters/ only its year and agency folders: the layout check
    already refuses any other file there, and that tree holds 10,000s of files)."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        found += [f"{rel_dir}/{n}".removeprefix("./") for n in sorted(dirnames + filenames) if _is_cache(n)]
        skip = {".git", "letters"} if rel_dir == "." else {".git"}  # letters/: below
        dirnames[:] = sorted(n for n in dirnames if not _is_cache(n) and n not in skip)
    letters = root / "letters"
    for year in _dirs(letters):
        found += [f"letters/{year}"] if _is_cache(year) else [f"letters/{year}/{a}" for a in _dirs(letters / year)
                                                                if _is_cache(a)]
    return [make("cache-in-content", rel, None, None, path=rel) for rel in sorted(found)]


def _dirs(path: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(path) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def _tracked(root: Path) -> list[Problem]:
    """One problem per cache folder (or pickle) git tracks in the repository holding `root`."""
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=30)
        if top.returncode != 0:
            return []  # not in a git checkout (a copy, a test fixture): nothing is tracked
        listed = subprocess.run(["git", "-C", top.stdout.strip(), "ls-files", "-z", "--", *_TRACKED],
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return []
    toplevel = Path(top.stdout.strip())
    seen: dict[str, str] = {}
    for raw in listed.stdout.decode("utf-8", "replace").split("\0"):
        if not raw:
            continue
        parts = raw.split("/")
        head = next((i for i, part in enumerate(parts) if _is_cache(part)), len(parts) - 1)
        tracked = "/".join(parts[: head + 1])
        seen.setdefault(tracked, os.path.relpath(toplevel / tracked, root.resolve()).replace(os.sep, "/"))
    return [make("cache-tracked", rel, None, None, path=tracked) for tracked, rel in sorted(seen.items())]
