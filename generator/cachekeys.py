"""Keys of the check's caches (parsed letters, PDF gate memo): when may a cached result be reused."""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
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


SECRET_ENV = "CONGKHAI_CACHE_KEY"  # the publish workflow gives it from the repository's secrets
SECRET_FILE = Path("~/.config/congkhai/cache-key")  # this user's key, made on first use (mode 0600)


@cache
def cache_secret() -> bytes:
    """The key the check's memos are signed with (`cachedata.MemoShards`): `$CONGKHAI_CACHE_KEY` when set,
    else this user's key file (made on first use), else one for this process only (nothing read back).

    A memo reuses a result for a file of the same bytes, on this machine or on a runner that restored it
    (CI's publish): what decides that a memo is this project's own is its signature, not its place. A cache
    copied from another checkout or machine, or written by anyone without the key, is not read."""
    given = os.environ.get(SECRET_ENV, "")
    if given:
        return b"env\0" + given.encode()
    path = SECRET_FILE.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            key = handle.read(4096).strip()
        if len(key) >= 32 and stat.S_ISREG(st.st_mode) and not st.st_mode & 0o077:  # ours, readable by us only
            return b"file\0" + key
    except OSError:
        pass
    return b"process\0" + secrets.token_bytes(32)


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


def content_key(st: os.stat_result, digest: str) -> list:
    """A memo's key of a file: its stat (`file_key`) and the SHA-256 of the bytes the cached result was made
    from ("": not read, reused only while the stat is unchanged). `same_content` compares a stored one."""
    return [*file_key(st), digest]


def bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def same_content(stored: object, path: str | os.PathLike, st: os.stat_result) -> list | None:
    """The key to keep for the file at `path` (its stat `st`) when `stored` (a `content_key`) names the same
    bytes, else None: `stored` itself while the stat is unchanged (nothing read); the new stat with the same
    digest when the file hashes to it (a fresh clone, a `git checkout`: new inodes and mtimes, the same bytes),
    read through a descriptor that follows no symlink. So a result is reused for the very bytes it was made
    from, on the machine that made it and on a runner that restored its cache (CI's publish)."""
    if type(stored) is not list or len(stored) != 5 or type(stored[4]) is not str:
        return None
    if stored[:4] == list(file_key(st)):
        return stored
    if stored[0] != st.st_size or len(stored[4]) != 64:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        read = os.fstat(fd)
        if read.st_size != st.st_size:
            return None
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):  # (no buffered file object: most of these files are a few KB)
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    if digest.hexdigest() != stored[4]:
        return None
    return [*file_key(read), stored[4]]


def same_bytes(stored: object, key: list) -> list | None:
    """`same_content` against a key already taken of the file (`key`, a content key that the file has now):
    `stored` when it is that key, `key` when both name the same SHA-256, else None."""
    if stored == key:
        return stored  # type: ignore[return-value]
    if type(stored) is list and len(stored) == 5 and len(key) == 5 and key[4] and stored[4] == key[4]:
        return key
    return None


def stat_key(path: str | os.PathLike) -> tuple[int, ...]:
    """What identifies an unchanged file without reading it: size, mtime (ns), inode, device.

    Not ctime: publishing hard-links each PDF into the site and deleting the previous site unlinks it,
    and both move the PDF's ctime, so every build would throw the PDF gate's memo away. An edit that
    keeps size and mtime can only go unseen on a machine that keeps a warm cache. On a fresh clone (new
    inodes and mtimes) the stat never matches: the memos then compare the bytes' SHA-256 (`same_content`).
    """
    return file_key(os.stat(path))


def file_key(st: os.stat_result) -> tuple[int, ...]:
    """`stat_key` of a stat result already at hand."""
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)
