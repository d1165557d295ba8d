"""The worker process: `python -m generator.checks.pdfgate.worker FD` (started by pool.py, never by hand).

It confines itself (memory cap, no file writes, no network, no output), then answers paths with facts
over the inherited pipe until it receives None. Any exception is that file's error; a MemoryError
ends the worker after reporting it, since its state can no longer be trusted.
"""

from __future__ import annotations

import os
import sys
from multiprocessing.connection import Connection


def _deny_network() -> None:
    import socket

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network access is disabled in the PDF worker")

    for method in ("connect", "connect_ex", "sendto", "sendmsg", "bind"):
        setattr(socket.socket, method, refuse)  # the class stays intact: ssl & co. subclass it
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def confine(memory_mb: int) -> None:
    """Limits applied before any PDF is read."""
    import logging
    import resource
    import signal
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing a file fails with EFBIG instead of killing
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _deny_network()


def serve(conn: Connection) -> None:
    """Receive (memory_mb, trust_roots), then answer each path with a facts dict."""
    memory_mb, trust_roots = conn.recv()
    from generator.checks.pdfgate.inspect import inspect_file  # loads pypdf and pdfium before the cap
    from generator.checks.pdfgate.ocr import engine

    engine()  # finds Tesseract (runs it twice, hashes its models) before the cap
    confine(memory_mb)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            result = inspect_file(path, trust_roots, lambda seconds: conn.send({"extend": seconds}))
        except MemoryError:
            conn.send({"crashed": True, "crash_detail": "MemoryError"})
            return
        except BaseException as exc:  # anything else is this file's error, never the worker's end
            result = {"crashed": True, "crash_detail": f"{type(exc).__name__}: {exc}"[:300]}
        conn.send(result)


if __name__ == "__main__":
    sys.setrecursionlimit(3000)
    serve(Connection(int(sys.argv[1])))
    os._exit(0)
