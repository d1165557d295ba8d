"""Run the pinned Pagefind binary (from the `pagefind[bin]` wheel) over a folder of records.

The binary is driven through its CLI, not the `pagefind` Python API: the API's service client
polls for each reply every 0.1 s, so adding 100,000 records one by one would take hours, while
the CLI indexes a folder of files in parallel in seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

LANGUAGE = "vi"


class PagefindError(RuntimeError):
    """Pagefind failed; the message holds its output."""


@dataclass(frozen=True)
class RunStats:
    """One Pagefind run: wall time and the binary's peak resident memory (KiB)."""

    seconds: float
    peak_rss_kb: int


def executable() -> Path:
    """Path of the Pagefind binary shipped in the `pagefind_bin` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


class Running:
    """A Pagefind run started in the background (`start_pagefind`): its output goes to a temporary log."""

    def __init__(self, site: Path, output: Path) -> None:
        cmd = [str(executable()), "--site", str(site), "--output-path", str(output),
               "--force-language", LANGUAGE, "--silent"]
        self.log = tempfile.TemporaryFile()
        self.start = time.perf_counter()
        try:
            self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        except BaseException:
            self.log.close()
            raise
        self.stats: RunStats | None = None

    def done(self, *, block: bool) -> bool:
        """Whether the run has ended (reaped here: `wait4` gives its peak memory); waits when `block`.
        Raises PagefindError when it failed."""
        if self.stats is not None:
            return True
        pid, status, usage = os.wait4(self.proc.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return False
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.stats = RunStats(time.perf_counter() - self.start, usage.ru_maxrss)
        try:
            if self.proc.returncode != 0:
                self.log.seek(0)
                output = self.log.read().decode("utf-8", "replace").strip()
                raise PagefindError(f"pagefind exited with {self.proc.returncode}: {output}")
        finally:
            self.log.close()
        return True

    def kill(self) -> None:
        """Stop the run (a build that failed meanwhile) and reap it."""
        if self.stats is None:
            try:  # not Popen.kill(): it polls first, reaping a run that has ended, and wait4 below finds none
                os.kill(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, status = os.waitpid(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
            self.stats = RunStats(time.perf_counter() - self.start, 0)
            self.log.close()


def start_pagefind(site: Path, output: Path) -> Running:
    """Start indexing every `**/*.html` under `site` into the bundle folder `output`; `Running.done` ends it."""
    return Running(site, output)


def run_pagefind(site: Path, output: Path) -> RunStats:
    """Index every `**/*.html` under `site` into the bundle folder `output`."""
    run = start_pagefind(site, output)
    run.done(block=True)
    assert run.stats is not None
    return run.stats


# Pagefind 1.5's `options()` reaches the primary index only, not those added by `mergeIndex`; the page sets
# `exactDiacritics` per pass on every year of a scope, so the bundle's script applies options to all of them.
OPTIONS_PRIMARY = "async options(options2){await this.primary.options(options2);}"
OPTIONS_ALL = "async options(options2){for(const i2 of this.instances){await i2.options(options2);}}"


def patch_script(bundle: Path) -> None:
    """Make `pagefind.js` of `bundle` apply `options()` to merged indexes too (OPTIONS_ALL)."""
    script = bundle / "pagefind.js"
    text = script.read_text(encoding="utf-8")
    if text.count(OPTIONS_PRIMARY) != 1:
        raise PagefindError(f"{script}: Pagefind's options() is not the one patched (another Pagefind version?)")
    script.write_text(text.replace(OPTIONS_PRIMARY, OPTIONS_ALL), encoding="utf-8")


def prune_bundle(bundle: Path) -> None:
    """Remove the UI kits Pagefind writes but this site never loads (we ship our own small UI)."""
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (bundle / name).unlink(missing_ok=True)
