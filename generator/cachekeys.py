"""Keys of the check's caches (parsed letters, PDF gate memo): when may a cached result be reused."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # generator/
# The modules `check_content` runs (files or folders under generator/). A cached parse or verdict is
# reused only while their source is unchanged; editing an output stage (render, reports, search...)
# keeps the caches. tests/test_pdf_memo.py fails when the check imports a module not listed here.
CHECK_MODULES = ("__init__.py", "cachedata.py", "cachekeys.py", "checks/", "content/", "fieldchars.py",
                 "figures/__init__.py", "figures/officialcal.py", "figures/periods.py", "figures/workdays.py",
                 "parallel.py", "problems.py", "strings/__init__.py", "strings/catalog.py", "strings/fields.py",
                 "strings/problems_")


@cache
def code_fingerprint() -> str:
    """SHA-256 over the source of every module the check runs: a change there invalidates the caches."""
    digest = hashlib.sha256()
    update_with_files(digest, (p for p in PACKAGE.rglob("*.py")
                               if p.relative_to(PACKAGE).as_posix().startswith(CHECK_MODULES)), PACKAGE)
    update_with_files(digest, (PACKAGE / "data").glob("*.yml"), PACKAGE)  # shipped data the check reads
    return digest.hexdigest()


def update_with_files(digest, paths: Iterable[Path], base: Path) -> None:
    """Feed `digest` each file's path (relative to `base`) and bytes, in path order: the one way a set of
    source files is fingerprinted (the check's caches here, the build's manifest in site/reuse.py)."""
    for path in sorted(paths):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def stat_key(path: str | os.PathLike) -> tuple[int, ...]:
    """What identifies an unchanged file without reading it: size, mtime (ns), inode, device.

    Not ctime: publishing hard-links each PDF into the site and deleting the previous site unlinks it,
    and both move the PDF's ctime, so every build would throw the PDF gate's memo away. An edit that
    keeps size and mtime can only go unseen on a machine that keeps a warm cache; CI checks a fresh
    clone (new inodes and mtimes: nothing reused), so the public record is always verified from bytes.
    """
    return file_key(os.stat(path))


def file_key(st: os.stat_result) -> tuple[int, ...]:
    """`stat_key` of a stat result already at hand."""
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)
