"""Create new files inside a folder without following symlinks and without replacing anything.

`create_new(root, rel, data)` makes the missing folders of `rel` under `root` and writes the file with
O_CREAT | O_EXCL | O_NOFOLLOW, each folder opened with O_NOFOLLOW relative to its parent (`dir_fd`): a
symlink anywhere below `root` (a folder or the file itself) or an existing file refuses with
`NotCreated`, and nothing is written through it. `root` itself is taken as given.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path, PurePosixPath

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class NotCreated(Exception):
    """The file was not created: it exists, or a symlink or a non-folder is in the way."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def create_new(root: Path, rel: str, data: bytes) -> Path:
    """Write `data` to the new file `root/rel` (see the module docstring); returns its path."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise NotCreated(root / rel, "invalid path")
    path = Path(root, *parts)
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts[:-1]:
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o755, dir_fd=fd)
            try:
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:  # ELOOP (a symlink) or ENOTDIR (a file)
                raise NotCreated(path, exc.strerror or "not a folder") from None
            os.close(fd)
            fd = child
        try:
            out = os.open(parts[-1], _FILE_FLAGS, 0o644, dir_fd=fd)
        except OSError as exc:  # EEXIST (a file or a symlink, even a dangling one)
            raise NotCreated(path, exc.strerror or "exists") from None
        try:
            with os.fdopen(out, "wb") as handle:
                handle.write(data)
        except BaseException:
            os.unlink(parts[-1], dir_fd=fd)
            raise
    finally:
        os.close(fd)
    return path


def remove_created(path: Path) -> None:
    """Remove a file `create_new` made (when a later step failed); a symlink there is left alone."""
    if path.is_file() and not path.is_symlink():
        path.unlink()
