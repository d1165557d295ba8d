"""Independent page writes on every core: fork once the data is ready, each process writes its share.

The same approach as the MkDocs hook (generator/site/mkdocs/fork.py): the build's data (content, facts,
compliance figures, Jinja environments) is in memory before the fork, so children inherit it for free.
- `run_shares(items, work)`: child k handles items[k::n] and exits; the parent handles items[0::n] and
  waits. What the caller needs back is computed by the caller in the parent: a child only writes files.
- `run_tasks(tasks)`: unequal tasks handed out one at a time (a shared pipe of task numbers); each
  task's return value comes back (pickled), in task order.
- `in_child(fn)`: one stage run in a forked child so that its memory goes back to the system when it
  ends (MkDocs holds every page while it builds); its result or its exception comes back pickled.
  `start_child(fn)` is the same without waiting: this process goes on meanwhile (`Pending.result()` waits).
Any failure in a child (an exception, a signal) fails the whole call in the parent.

Pickle here is in-memory IPC between this process and its own forked children, through anonymous pipes
created just before the fork: nothing is read from a file, so no one else can put bytes in them. On-disk
caches are never pickled (generator/cachedata.py); keep it that way.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

MIN_ITEMS_PER_WORKER = 200  # below this, forking costs more than it saves
MAX_TASKS = 16_000  # run_tasks: task numbers (4 bytes each) must fit in a pipe's 64 KB buffer


def cores() -> int:
    """Cores this process may use: its CPU affinity (the machine's count where there is none)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def workers() -> int:
    """Processes for the page writes: every core (CONGKHAI_BUILD_WORKERS overrides; 1 turns forking off)."""
    wanted = os.environ.get("CONGKHAI_BUILD_WORKERS")
    if wanted:
        return max(1, int(wanted))
    return cores() if hasattr(os, "sched_getaffinity") else 1  # not Linux: no forking


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
                _child(lambda share=share: work(items[share::n]))
            children.append(pid)
        work(items[0::n])
    except BaseException:
        reap(children, kill=True)
        raise
    codes = reap(children, kill=False)
    raise_os_error(codes)
    if any(codes):
        raise WorkerFailed(f"a page-writing process failed (exit codes {codes})")


def run_tasks(tasks: Sequence[Callable[[], Any]], *, count: int | None = None, here_first: Sequence[int] = ()
              ) -> list:
    """Run independent tasks on every core; their results, in task order.

    Tasks are handed out one at a time (each process takes the next task number from a shared pipe), so
    unequal tasks balance themselves. The tasks numbered in `here_first` are run by this process, first,
    while the children start on the others (what they make stays here: a later stage may read it). A child's
    results come back pickled through its own pipe; a child's failure raises `WorkerFailed`, a failure here
    kills the children and is raised as is.
    """
    n = count or min(workers(), len(tasks))
    if n < 2 or not hasattr(os, "fork"):
        return [task() for task in tasks]
    if len(tasks) > MAX_TASKS:
        raise ValueError(f"{len(tasks)} tasks: at most {MAX_TASKS} (the task pipe is filled before any is taken)")
    first = list(dict.fromkeys(here_first))
    queue_r, queue_w = os.pipe()
    os.write(queue_w, b"".join(i.to_bytes(4, "little") for i in range(len(tasks)) if i not in first))  # < 64 KB
    os.close(queue_w)

    def take() -> dict[int, Any]:
        done = {}
        while chunk := os.read(queue_r, 4):  # a read of 4 bytes from a pipe is atomic
            index = int.from_bytes(chunk, "little")
            done[index] = tasks[index]()
        return done

    sys.stdout.flush()
    sys.stderr.flush()
    children: list[int] = []
    pipes: list[int] = []
    try:
        for _ in range(1, n):
            result_r, result_w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: take tasks until none is left, send the results, exit
                os.close(result_r)
                _child(lambda result_w=result_w: _send(result_w, take()))
            os.close(result_w)
            children.append(pid)
            pipes.append(result_r)
        results = {index: tasks[index]() for index in first}
        results.update(take())
        while pipes:
            with os.fdopen(pipes.pop(0), "rb") as source:
                data = source.read()
            results.update(pickle.loads(data) if data else {})  # from our own forked child's pipe
    except BaseException:
        for fd in pipes:
            with contextlib.suppress(OSError):
                os.close(fd)
        reap(children, kill=True)
        raise
    finally:
        os.close(queue_r)
    codes = reap(children, kill=False)
    raise_os_error(codes)
    if any(codes) or len(results) != len(tasks):
        raise WorkerFailed(f"a page-writing process failed (exit codes {codes})")
    return [results[i] for i in range(len(tasks))]


def in_child(fn: Callable[[], Any]) -> Any:
    """`fn()` run in a forked child: its result is returned here, an exception it raises is raised here."""
    return start_child(fn).result()


class Pending:
    """A forked child running one function (`start_child`): `result()` waits for it (its result, or its
    exception raised here); `cancel()` kills it. Exactly one of them is called."""

    def __init__(self, pid: int | None, result_r: int | None, done: tuple[bool, Any] | None = None) -> None:
        self.pid, self.result_r, self.done = pid, result_r, done

    def result(self) -> Any:
        if self.done is None:
            try:
                with os.fdopen(self.result_r, "rb") as source:
                    data = source.read()
            except BaseException:
                reap([self.pid], kill=True)
                raise
            code = reap([self.pid], kill=False)[0]
            if not data:
                raise_os_error([code])
                raise WorkerFailed(f"a build process failed (exit code {code})")
            self.done = pickle.loads(data)  # from our own forked child's pipe (never a file)
        ok, value = self.done
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        if self.done is None and self.pid is not None:
            with contextlib.suppress(OSError):
                os.close(self.result_r)
            reap([self.pid], kill=True)
            self.done = (False, WorkerFailed("cancelled"))


def start_child(fn: Callable[[], Any]) -> Pending:
    """Start `fn()` in a forked child and return at once (`Pending`); this process goes on meanwhile. Without
    fork (or with one worker) `fn` runs here, now."""
    if not hasattr(os, "fork") or os.environ.get("CONGKHAI_BUILD_WORKERS") == "1":
        return Pending(None, None, (True, fn()))  # its exception, if any, raised here at once
    sys.stdout.flush()
    sys.stderr.flush()
    result_r, result_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send (True, result) or (False, exception), exit
        os.close(result_r)
        _child(lambda: _send(result_w, _outcome(fn)))
    os.close(result_w)
    return Pending(pid, result_r)


def _outcome(fn: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        value = fn()
    except Exception as exc:  # sent to the parent, raised there
        try:
            pickle.dumps(exc)
        except Exception:
            exc = WorkerFailed("".join(traceback.format_exception(exc)))
        return False, exc
    return True, value


def _send(fd: int, results: object) -> None:
    data = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


OS_EXIT_BASE = 64  # a child stopped by an OSError (a full disk...) exits with 64 + errno


def os_error_exit(exc: BaseException) -> int:
    """The exit code of a child stopped by `exc`: 64 + errno for an OSError the parent raises again, else 1."""
    number = getattr(exc, "errno", None) if isinstance(exc, OSError) else None
    return OS_EXIT_BASE + number if number and 0 < number < 128 else 1


def raise_os_error(codes: list[int]) -> None:
    """Raise again, in the parent, the OSError a child exited with (see `os_error_exit`)."""
    for code in codes:
        if OS_EXIT_BASE < code < OS_EXIT_BASE + 128:
            number = code - OS_EXIT_BASE
            raise OSError(number, os.strerror(number))


def _child(body: Callable[[], None]) -> NoReturn:
    """In a forked child: run `body`, then exit (0 when done, 1 after printing what went wrong, 64 + errno after
    an OSError such as a full disk: the parent raises it again)."""
    code = 1
    try:
        body()
        code = 0
    except OSError as exc:
        code = os_error_exit(exc)
        if code == 1:
            traceback.print_exc()
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stderr.flush()
        os._exit(code)


def reap(children: list[int], *, kill: bool) -> list[int]:
    """Wait for every child (killing them first when `kill`); their exit codes."""
    codes = []
    for pid in children:
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        codes.append(os.waitstatus_to_exitcode(status))
    return codes
