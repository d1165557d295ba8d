"""Keys of the check's caches (parsed letters, PDF gate memo): when may a cached result be reused."""

from __future__ import annotations

import hashlib
import os
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
    for path in sorted(PACKAGE.rglob("*.py")):
        if not path.relative_to(PACKAGE).as_posix().startswith(CHECK_MODULES):
            continue
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    for path in sorted((PACKAGE / "data").glob("*.yml")):  # shipped data the check reads (calendar)
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
