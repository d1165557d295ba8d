"""What the CLI says when the machine stops a command: a Vietnamese message, never a traceback.

A full disk, an unwritable cache or site folder, a folder that is a file: `describe(exc)` names the
cause and the path; the build never swaps in a partial site (generator/build.py), so the message
says the previous site is unchanged. A forked worker that hit such an error exits with
`parallel.os_error_exit(exc)` and its parent raises the same OSError again (without the path).
"""

from __future__ import annotations

import errno

from generator.parallel import WorkerFailed
from generator.strings import cli_failures as F

_DISK_FULL = ("No space left on device", "os error 28")


def describe(exc: BaseException) -> str | None:
    """The message for a failure the CLI explains itself; None for a defect (shown as a traceback)."""
    from generator.site.search.pagefind_run import PagefindError  # the search stage loads only when a build runs

    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
        path = exc.filename or F.NO_PATH
        template = F.OS_ERRORS.get(exc.errno or 0, F.OS_OTHER)
        return template.format(path=path, reason=exc.strerror or type(exc).__name__) + " " + F.UNCHANGED
    if isinstance(exc, (WorkerFailed, PagefindError)):
        text = str(exc)
        if any(marker in text for marker in _DISK_FULL):
            return F.OS_ERRORS[errno.ENOSPC].format(path=F.NO_PATH) + " " + F.UNCHANGED
        detail = text.strip().splitlines()[-1][:300] if text.strip() else type(exc).__name__
        template = F.SEARCH if isinstance(exc, PagefindError) else F.WORKER
        return template.format(detail=detail) + " " + F.UNCHANGED
    return None
