"""Bounded worker processes: long-lived, parallel, a memory cap each, a per-file timeout.

Each worker is a fresh interpreter (`python -m generator.checks.pdfgate.worker`), so it inherits nothing from
its host (no threads, no __main__ re-import); it is reused across files, as starting Python and pypdf
costs ~0.2 s. It caps its own address space (RLIMIT_AS), may not write files (RLIMIT_FSIZE 0) nor open
sockets (see worker.py). The parent enforces the timeout: a worker that runs too long is killed; a
worker that dies (memory, crash) is replaced when needed; every file gets a result either way. Once
per file a worker may ask for more time to OCR scanned pages ({"extend": seconds}, at most
ocr.MAX_SECONDS, counted from then).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe, wait
from pathlib import Path

from generator.checks.pdfgate.ocr import MAX_SECONDS as MAX_EXTEND_SECONDS  # (ocr.py loads no PDF library)
from generator.parallel import cores

Task = tuple[object, str]  # (key, path)
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])


@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Connection
    task: Task | None = None
    deadline: float = 0.0
    extended: bool = False


def _start(memory_mb: int, trust_roots: tuple[bytes, ...]) -> _Worker:
    """Start one worker and hand it its memory bound and the trust roots."""
    parent, child = Pipe()
    path = os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.checks.pdfgate.worker", str(child.fileno())],
        pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": path},
    )
    child.close()
    parent.send((memory_mb, trust_roots))
    return _Worker(process, parent)


def _stop(worker: _Worker, *, kill: bool) -> None:
    if kill:
        worker.process.kill()
    else:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
    try:
        worker.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.wait()
    worker.conn.close()


def _exit_detail(worker: _Worker) -> str:
    try:
        code = worker.process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        code = None
    return f"worker exited ({code})"


def run_tasks(
    tasks: Iterable[Task],
    *,
    timeout: float,
    memory_mb: int,
    trust_roots: tuple[bytes, ...] = (),
    workers: int | None = None,
    on_result: Callable[[object, dict], None],
) -> None:
    """Inspect every (key, path) in bounded workers; `on_result(key, facts_dict)` for each, in any order."""
    pending = deque(tasks)
    if not pending:
        return
    count = min(workers or cores(), len(pending))
    pool: list[_Worker | None] = [_start(memory_mb, trust_roots) for _ in range(count)]
    try:
        while True:
            for i, worker in enumerate(pool):
                if pending and (worker is None or worker.task is None):
                    task = pending.popleft()
                    if worker is None:
                        pool[i] = worker = _start(memory_mb, trust_roots)
                    try:
                        worker.conn.send(task[1])
                    except OSError:  # died while idle: replace it
                        _stop(worker, kill=True)
                        pool[i] = worker = _start(memory_mb, trust_roots)
                        worker.conn.send(task[1])
                    worker.task, worker.deadline, worker.extended = task, time.monotonic() + timeout, False
            busy = [w for w in pool if w is not None and w.task is not None]
            if not busy:
                break
            left = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = set(wait([w.conn for w in busy], timeout=left))
            now = time.monotonic()
            for i, worker in enumerate(pool):
                if worker is None or worker.task is None:
                    continue
                key = worker.task[0]
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        result = {"crashed": True, "crash_detail": _exit_detail(worker)}
                    if "extend" in result:  # OCR of scanned pages: more time, once per file
                        if not worker.extended:
                            worker.extended = True
                            more = min(float(result["extend"]), MAX_EXTEND_SECONDS)
                            worker.deadline = max(worker.deadline, now + more)
                        continue
                    worker.task = None
                    if result.get("crashed"):
                        _stop(worker, kill=True)
                        pool[i] = None
                    on_result(key, result)
                elif now >= worker.deadline:
                    _stop(worker, kill=True)
                    pool[i] = None
                    on_result(key, {"timed_out": True})
    finally:
        for worker in pool:
            if worker is not None:
                _stop(worker, kill=worker.task is not None)
