"""Independent page writes on every core: fork once the data is ready, each process writes every n-th item.

The same approach as the MkDocs hook (generator/mkdocs_hooks.py): the build's data (content, facts,
compliance figures, Jinja environments) is in memory before the fork, so children inherit it for free;
child k handles items[k::n] and exits; the parent handles items[0::n] and then waits. What the caller
needs back (paths written, assets) is computed by the caller in the parent, so a child only writes
files. Any failure in a child (an exception, a signal) fails the whole call in the parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence

MIN_ITEMS_PER_WORKER = 200  # below this, forking costs more than it saves


def workers() -> int:
    """Cores this process may use (CONGKHAI_BUILD_WORKERS overrides; 1 turns forking off)."""
    wanted = os.environ.get("CONGKHAI_BUILD_WORKERS")
    if wanted:
        return max(1, int(wanted))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return 1


class WorkerFailed(RuntimeError):
    """A forked worker did not finish its share."""


def run_shares(items: Sequence, work: Callable[[Sequence], None], *, min_per_worker: int | None = None,
               count: int | None = None) -> None:
    """Call `work(items[k::n])` for k in 0..n-1, shares 1.. in forked children, share 0 here; wait for all.

    n is the number of usable cores, fewer when there are under `min_per_worker` items per process
    (`count` forces n). Raises `WorkerFailed` when a child fails; a failure here kills the children.
    """
    least = MIN_ITEMS_PER_WORKER if min_per_worker is None else min_per_worker
    n = count or min(workers(), len(items) // max(1, least))
    if n < 2 or not hasattr(os, "fork"):
        work(items)
        return
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    try:
        for share in range(1, n):
            pid = os.fork()
            if pid == 0:  # the child: its share, then exit without returning into the caller
                code = 1
                try:
                    work(items[share::n])
                    code = 0
                except BaseException:
                    traceback.print_exc()
                finally:
                    with contextlib.suppress(BaseException):
                        sys.stderr.flush()
                    os._exit(code)
            children.append(pid)
        work(items[0::n])
    except BaseException:
        _reap(children, kill=True)
        raise
    codes = _reap(children, kill=False)
    if any(codes):
        raise WorkerFailed(f"a page-writing process failed (exit codes {codes})")


def _reap(children: list[int], *, kill: bool) -> list[int]:
    """Wait for every child (killing them first when `kill`); their exit codes."""
    codes = []
    for pid in children:
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        codes.append(os.waitstatus_to_exitcode(status))
    return codes
