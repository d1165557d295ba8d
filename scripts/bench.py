#!/usr/bin/env python3
"""Scale benchmark: check (cold, warm, one letter added), full build and search index over synthetic corpora.

For each size (default 1,000 and 10,000 letters; `--full` adds 100,000) a content root is written once by
scripts/make_corpus.py into bench-out/corpus-<N> (git-ignored, reused while complete). Every step runs as
its own subprocess (`python -m generator check|build`, or this script's `--step` entry), so wall time and
memory are those of a fresh process: peak RSS is the largest single process (wait4's ru_maxrss, which
covers PDF workers and Pagefind) and the peak sum over the process tree (sampled from /proc every 0.2 s).
Prints one table and the targets of issue 8 with pass/miss; `--json FILE` keeps the figures.

usage: .venv/bin/python scripts/bench.py [--sizes 1000 10000] [--full] [--out bench-out] [--json FILE]
The MkDocs adapter's shortcuts, each switched off in turn, over a corpus built by the above (docs kept):
       .venv/bin/python scripts/bench.py --step mkdocs bench-out/corpus-N SITE bench-out/build-N CACHE
       (MKDOCS_VARIANTS=-,markdown,chrome,fork,public and MKDOCS_ROUNDS=2 choose what is timed)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TODAY = date(2026, 11, 26)  # the check's "today"; make_corpus writes letters up to 2026-11-20
STEPS = ("check-cold", "check-warm", "check-add-one", "build", "search-index")
# issue 8 targets: (size, step) -> (max seconds, max peak MB or None)
TARGETS = {
    (10_000, "check-cold"): (180, None),
    (10_000, "check-warm"): (10, None),
    (10_000, "check-add-one"): (15, None),
    (10_000, "build"): (90, None),
    (100_000, "build"): (600, 4096),
}


@dataclass
class Step:
    """One measured step."""

    size: int
    name: str
    seconds: float
    peak_mb: float  # largest single process (ru_maxrss)
    tree_mb: float  # largest sampled sum over the process tree
    ok: bool
    detail: dict = field(default_factory=dict)


def tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS (KiB) of `pid` and all its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += parents.get(current, [])
        try:
            with open(f"/proc/{current}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except OSError:
            continue
    return total


def run(cmd: list[str], *, env: dict | None = None) -> tuple[float, float, float, int, str]:
    """Run `cmd`; (seconds, peak MB of one process, peak MB of the tree, exit code, stdout)."""
    start = time.perf_counter()
    errors = tempfile.TemporaryFile()  # noqa: SIM115 -- kept for a failed step's message, closed below
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, env={**os.environ, **(env or {})})
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace").splitlines()[-15:]
        print("\n".join(f"    stderr: {line}" for line in tail), file=sys.stderr, flush=True)
    errors.close()
    return seconds, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss) / 1024, proc.returncode, \
        out.decode("utf-8", "replace")


def ensure_corpus(size: int, out: Path) -> tuple[Path, float | None]:
    """The corpus of `size` letters (written when missing or incomplete); (root, seconds spent writing)."""
    root = out / f"corpus-{size}"
    stamp = root / ".bench-complete"
    if stamp.is_file() and stamp.read_text().strip() == str(size):
        return root, None
    shutil.rmtree(root, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "scripts" / "make_corpus.py"), str(size), str(root)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    stamp.write_text(f"{size}\n")
    return root, time.perf_counter() - start


def add_letter(root: Path) -> list[Path]:
    """Write one new valid letter (YAML + PDF) into `root`; returns its files (to delete afterwards)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import letterkit as lk
    import make_corpus

    _, letters, _ = make_corpus.plan(1, seed=4242, today=date(2026, 11, 20))
    fields = letters[0]
    fields["id"] = f"{fields['issued_on']:%Y-%m}-bench-added"
    fields["dossier"]["code"] = fields["dossier"]["code"][:-3] + "999"
    fields["number"] = "9999/" + fields["number"].split("/", 1)[1]
    path = lk.letter_path(root, fields)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(lk.letter_yaml(fields), encoding="utf-8")
    path.with_suffix(".pdf").write_bytes(lk.letter_pdf(fields, scan=False, fast=True))
    return [path, path.with_suffix(".pdf")]


def site_figures(site: Path) -> dict:
    """Files, bytes (apparent size), HTML pages and the largest HTML page of a built site."""
    files = total = html = 0
    largest = (0, "")
    for dirpath, _, names in os.walk(site):
        for name in names:
            size = os.lstat(os.path.join(dirpath, name)).st_size
            files += 1
            total += size
            if name.endswith(".html"):
                html += 1
                largest = max(largest, (size, os.path.relpath(os.path.join(dirpath, name), site)))
    return {"files": files, "mb": round(total / 2**20, 1), "html_pages": html,
            "largest_html_kb": round(largest[0] / 1024, 1), "largest_html": largest[1]}


def check_cmd(root: Path, cache: Path) -> list[str]:
    return [PYTHON, "-m", "generator", "check", "--content", str(root), "--cache-dir", str(cache),
            "--today", TODAY.isoformat(), "--format", "json"]


def bench_size(size: int, out: Path, steps: tuple[str, ...]) -> list[Step]:
    """Measure every step at one size."""
    root, made = ensure_corpus(size, out)
    cache, site, build = out / f"cache-{size}", out / f"site-{size}", out / f"build-{size}"
    results: list[Step] = []

    def record(name: str, cmd: list[str], **detail) -> Step:
        seconds, peak, tree, code, stdout = run(cmd)
        step = Step(size, name, round(seconds, 2), round(peak), round(tree), code == 0, detail)
        try:
            data = json.loads(stdout)
        except ValueError:
            data = {}
        step.detail.update({k: v for k, v in data.items() if k != "problems"})
        results.append(step)
        print(f"  {size:>7,} {name:<14} {seconds:8.1f} s {peak:7.0f} MB (tree {tree:5.0f} MB) "
              f"{'ok' if code == 0 else f'exit {code}'}", file=sys.stderr, flush=True)
        return step

    if made is not None:
        print(f"  {size:>7,} corpus written in {made:.0f} s", file=sys.stderr)
    if "check-cold" in steps:
        shutil.rmtree(cache, ignore_errors=True)
        record("check-cold", check_cmd(root, cache))
    if "check-warm" in steps:
        record("check-warm", check_cmd(root, cache))
    if "check-add-one" in steps:
        added = add_letter(root)
        try:
            record("check-add-one", check_cmd(root, cache))
        finally:
            for path in added:
                path.unlink(missing_ok=True)
        run(check_cmd(root, cache))  # back to the corpus as written (cache without the added letter)
    if "build" in steps:
        step = record("build", [PYTHON, str(Path(__file__).resolve()), "--step", "build", str(root), str(site),
                                str(build), str(cache)])
        if step.ok:
            step.detail.update(site_figures(site))
    if "search-index" in steps:
        record("search-index", [PYTHON, str(Path(__file__).resolve()), "--step", "search", str(root), str(site),
                                str(build), str(cache)])
    return results


def step_build(root: Path, site: Path, build: Path, cache: Path) -> dict:
    """The real `build_site`, with a timer around each stage it calls (printed as JSON)."""
    sys.path.insert(0, str(ROOT))
    import generator.build as B
    import generator.checks.orchestrator as V
    from generator.site import search

    stages: dict[str, float] = {}

    def timed(owner, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                stages[label] = round(stages.get(label, 0.0) + time.perf_counter() - start, 2)

        setattr(owner, name, wrapper)

    for owner, name, label in ((V, "check_content", "check"), (B, "render_docs", "render"),
                               (B, "write_report_pages", "reports"), (B, "run_mkdocs", "mkdocs"),
                               (B, "copy_assets", "pdfs"), (search, "index_site", "search"),
                               (B, "swap_in", "swap")):
        timed(owner, name, label)
    result = B.build_site(root, site, TODAY, build_dir=build, cache_dir=cache)
    return {"stages": stages, "pages": len(result.rendered.pages)}


def step_mkdocs(root: Path, site: Path, build: Path, cache: Path) -> dict:
    """The mkdocs stage alone over a built corpus's docs (`build`/docs, from a `build` step): every shortcut of
    the adapter on, each switched off in turn, and the public path (`MKDOCS_VARIANTS`, "-" = all on),
    MKDOCS_ROUNDS rounds back to back; the min seconds of each (printed as JSON)."""
    sys.path.insert(0, str(ROOT))
    from generator.checks.orchestrator import check_content
    from generator.site import mkdocs as adapter
    from generator.site.common import Site

    result = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)  # warm: only for the overrides
    overrides = adapter.config_overrides(Site.create(result.content, result.pdf_facts, TODAY))
    variants = os.environ.get("MKDOCS_VARIANTS", "-,markdown,chrome,fork,public").split(",")
    out = build / "mkdocs-bench"
    seconds: dict[str, list[float]] = {}
    for _ in range(int(os.environ.get("MKDOCS_ROUNDS", "2"))):
        for variant in variants:
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            adapter.build(overrides, build / "docs", out, TODAY, fast=variant != "public",
                          without=() if variant in ("-", "public") else (variant,))
            seconds.setdefault(variant, []).append(round(time.perf_counter() - start, 2))
            print(f"  mkdocs {variant}: {seconds[variant][-1]} s", file=sys.stderr, flush=True)
    shutil.rmtree(out, ignore_errors=True)
    return {"min_seconds": {v: min(t) for v, t in seconds.items()}, "runs": seconds}


def step_search(root: Path, site: Path, build: Path, cache: Path) -> dict:
    """Index the letters of a (warm-checked) corpus into a scratch copy of the search output only."""
    sys.path.insert(0, str(ROOT))
    from generator.checks.orchestrator import check_content
    from generator.site.search.index import index_content

    result = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    scratch = build / "search-bench"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    start = time.perf_counter()
    stats = index_content(result.content, scratch, build)
    seconds = time.perf_counter() - start
    shutil.rmtree(scratch, ignore_errors=True)
    return {"index_seconds": round(seconds, 2), "pagefind_seconds": round(stats.pagefind_seconds, 2),
            "pagefind_peak_mb": round(stats.peak_rss_kb / 1024)}


def verdicts(results: list[Step]) -> list[tuple[str, str, str, str]]:
    """(target, limit, measured, PASS/MISS/not run) for each target of issue 8."""
    by_key = {(s.size, s.name): s for s in results}
    rows = []
    for (size, name), (limit_s, limit_mb) in TARGETS.items():
        step = by_key.get((size, name))
        limit = f"<= {limit_s} s" + (f", <= {limit_mb} MB" if limit_mb else "")
        if step is None:
            rows.append((f"{name} {size:,}", limit, "-", "not run"))
            continue
        seconds = step.detail.get("index_seconds", step.seconds)
        good = step.ok and seconds <= limit_s and (limit_mb is None or step.tree_mb <= limit_mb)
        measured = f"{seconds:.1f} s" + (f", {step.tree_mb:,.0f} MB" if limit_mb else "")
        rows.append((f"{name} {size:,}", limit, measured, "PASS" if good else "MISS"))
    return rows


def table(results: list[Step]) -> str:
    """The figures as a Markdown table."""
    lines = ["| letters | step | wall (s) | peak RSS, one process (MB) | peak RSS, tree (MB) | notes |",
             "| ---: | --- | ---: | ---: | ---: | --- |"]
    for s in results:
        notes = []
        d = s.detail
        if "stages" in d:
            notes.append(" ".join(f"{k} {v:.1f}" for k, v in d["stages"].items()))
        if "mb" in d:
            notes.append(f"site {d['mb']:,} MB, {d['files']:,} files, {d['html_pages']:,} HTML pages, "
                         f"largest {d['largest_html_kb']} KB ({d['largest_html']})")
        if "index_seconds" in d:
            notes.append(f"index {d['index_seconds']} s (Pagefind {d['pagefind_seconds']} s, "
                         f"{d['pagefind_peak_mb']} MB)")
        if "errors" in d:
            notes.append(f"{d['letters']:,} letters checked, {d['errors']} errors, {d['warnings']:,} warnings")
        if not s.ok:
            notes.append("FAILED")
        lines.append(f"| {s.size:,} | {s.name} | {s.seconds:.1f} | {s.peak_mb:,.0f} | {s.tree_mb:,.0f} | "
                     f"{'; '.join(notes)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (and the `--step` entry the benchmark runs as subprocesses)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--full", action="store_true", help="also 100,000 letters (corpus ~2 GB, ~30 min)")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--step", nargs=5, metavar=("KIND", "CONTENT", "SITE", "BUILD", "CACHE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        kind, *paths = args.step
        func = {"build": step_build, "search": step_search, "mkdocs": step_mkdocs}[kind]
        print(json.dumps(func(*(Path(p).resolve() for p in paths))))
        return 0
    sizes = sorted(set(args.sizes + ([100_000] if args.full else [])))
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; sizes {sizes}; steps {args.steps}", file=sys.stderr)
    results = [step for size in sizes for step in bench_size(size, args.out.resolve(), tuple(args.steps))]
    print(table(results))
    print()
    print("| target | limit | measured | verdict |\n| --- | --- | --- | --- |")
    for row in verdicts(results):
        print("| " + " | ".join(row) + " |")
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in results], indent=1, ensure_ascii=False) + "\n")
    return 0 if all(s.ok for s in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
