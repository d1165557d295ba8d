"""Keys of the check's caches (parsed letters, PDF gate memo): when may a cached result be reused."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # generator/
# Output stages, never imported by `check_content` (tests/test_pdf_memo.py keeps this true): editing them
# must not throw away the check's caches.
OUTPUT_ONLY = ("render/", "reports/", "search/", "commands/", "cli.py", "__main__.py", "build.py", "feeds.py",
               "opendata.py", "mkdocs_hooks.py", "compliance.py", "guide.py", "reference.py", "report.py",
               "newletter.py")


@cache
def code_fingerprint() -> str:
    """SHA-256 over the source of every module the check runs: a change there invalidates the caches."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix().startswith(OUTPUT_ONLY):
            continue
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stat_key(path: str | os.PathLike) -> tuple[int, ...]:
    """What identifies an unchanged file without reading it: size, mtime, ctime (no tool sets it back), inode."""
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
