"""Keys of the check's caches (parsed letters, PDF gate memo): when may a cached result be reused."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # generator/


@cache
def code_fingerprint() -> str:
    """SHA-256 over every source file of the generator package: any code change invalidates the caches."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stat_key(path: str | os.PathLike) -> tuple[int, ...]:
    """What identifies an unchanged file without reading it: size, mtime, ctime (no tool sets it back), inode."""
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
