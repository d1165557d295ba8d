"""One build at a time per site folder and per build folder: an exclusive `flock` on a lock file beside each.

Two builds into the same `site/` (or the same `build/`) would otherwise publish a mix of both. The lock
is taken without waiting: a second build refuses at once with a Vietnamese message naming the folder.
`flock` locks belong to the open file: they go when the process ends, however it ends (kill -9 too), so
a killed build never leaves a stale lock. The lock files (`.<folder>-build.lock`) stay in place on purpose:
deleting one while another process waits on it would let a third lock a new file beside it.
The build forks page writers and MkDocs (generator/parallel.py): a forked child closes its copy of the
lock at once, so the lock is the build process's alone and a kill -9 of it frees the folder even while
an orphaned child finishes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from generator.strings.cli_process import BUILD_BUSY

_HELD: set[int] = set()  # lock fds this process holds


def _close_in_child() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)  # the parent's copy keeps the lock
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


class BuildBusy(Exception):
    """Another build holds the lock of `folder`."""

    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(BUILD_BUSY.format(folder=folder, holder=holder or "?"))
        self.folder = folder


def lock_path(folder: Path) -> Path:
    """The lock file of `folder`: a hidden sibling `.<name>-build.lock` (not `.<name>.*`, the temporaries)."""
    return folder.parent / f".{folder.name}-build.lock"


@contextmanager
def hold(folder: Path) -> Iterator[None]:
    """Hold the exclusive lock of `folder` for the block; BuildBusy when another process holds it."""
    path = lock_path(Path(folder))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            raise BuildBusy(Path(folder), holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # who holds it, for the message of the next one
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


@contextmanager
def hold_all(*folders: Path) -> Iterator[None]:
    """Hold the locks of several folders (in a fixed order, so two builds never wait on each other)."""
    with ExitStack() as stack:
        for folder in sorted({Path(f).resolve() for f in folders}):
            stack.enter_context(hold(folder))
        yield
