#!/usr/bin/env python3
"""Scale benchmark: check, builds and search index over synthetic corpora, with their anchors measured beside them.

For each size (default 1,000 and 10,000 letters; `--full` adds 100,000) a content root is written once by
scripts/make_corpus.py into bench-out/corpus-<N> (git-ignored, reused while complete). Every step runs as
its own subprocess (`python -m generator check|build`, or this script's `--step` entry), so wall time and
memory are those of a fresh process: peak RSS is the largest single process (wait4's ru_maxrss, which
covers PDF workers and Pagefind) and the peak sum over the process tree (sampled from /proc every 0.2 s),
as RSS (a page shared by forked children counted once per process) and as PSS (shared pages divided: the
tree's real memory, in the notes).

Steps (issue 8): check cold / warm / with one letter added; `build` (the real `build_site` with a timer
around each stage, over the warm check cache, fresh site); the search index alone.
Steps (issue 18), each `python -m generator build` as a publish runs it, the site, build and cache folders
kept between them: `build-cold` (empty cache, no previous site), `build-warm` (nothing changed),
`build-add-one` (one new letter), `build-correct-one` (a letter's reason.detail changed with a
`corrections` entry naming it, CONTENT.md), `build-withdraw-one` (a letter gets `withdrawn:` and its PDF
goes), `build-clone-add-one` (one more letter on a fresh checkout: every content file another inode and
mtime, as CI's publish sees it beside its restored cache and site), `build-publish-add-one`
(publish.yml's job for a merge adding one letter: on a fresh checkout with the letter and the lock its editor
committed, the publish-mode build against the last published lock, which is also its check: `make publish`,
`publish_job`). The corpus is restored afterwards.
Each step starts once the removals the earlier ones left in the background are done (`settle`: a publish
runs on a fresh runner; the wait is in the step's detail).
Anchors (issue 18, scripts/bench_anchors.py), on the same letters in the same run: `bare` = `mkdocs build`
of a bare MkDocs + Material project of the letters, then Pagefind over it; cold (project just written) and
warm (the same two commands again, nothing changed; run twice before and once after the project's builds,
the anchor is their median); `floor` = a plain Jinja2 loop writing the project site's HTML files at the same
sizes. Every figure is printed as seconds and as a ratio to bare (warm) and to the floor.
Prints one table, issue 18's ratio targets and issue 8's absolute targets with pass/miss; `--json FILE`
keeps everything.

usage: .venv/bin/python scripts/bench.py [--sizes 1000 10000] [--full] [--steps ...] [--out bench-out] [--json FILE]
The MkDocs adapter's shortcuts, each switched off in turn, over a corpus built by the above (docs kept):
       .venv/bin/python scripts/bench.py --step mkdocs bench-out/corpus-N SITE bench-out/build-N CACHE
       (MKDOCS_VARIANTS=-,markdown,chrome,fork,public and MKDOCS_ROUNDS=2 choose what is timed)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # the generator (cli_stages reads its strings)

import bench_anchors as anchors

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TODAY = date(2026, 11, 26)  # the check's "today"; make_corpus writes letters up to 2026-11-20
STEPS = ("check-cold", "check-warm", "check-add-one", "build", "search-index", "bare", "build-cold", "build-warm",
         "build-add-one", "build-correct-one", "build-withdraw-one", "build-clone-add-one", "build-publish-add-one",
         "floor")
PUBLISH_STEPS = ("build-cold", "build-warm", "build-add-one", "build-correct-one", "build-withdraw-one",
                 "build-clone-add-one", "build-publish-add-one")
# issue 8 targets: (size, step) -> (max seconds, max peak MB or None)
TARGETS = {
    (10_000, "check-cold"): (180, None),
    (10_000, "check-warm"): (10, None),
    (10_000, "check-add-one"): (15, None),
    (10_000, "build"): (90, None),
    (100_000, "build"): (600, 4096),
}
# issue 18 targets as ratios to bare MkDocs + Material + Pagefind (warm), stated at 10,000 letters
RATIO_TARGETS = (
    ("build-add-one", 0.1, "one letter added: publish build"),
    ("build-warm", 0.1, "nothing changed: build"),
    ("build-cold", 1.0, "cold full build"),
    ("build-correct-one", 0.1, "one letter corrected (as fast as an addition)"),
    ("build-withdraw-one", 0.1, "one letter withdrawn (as fast as an addition)"),
    ("build-clone-add-one", 0.1, "one letter added on a fresh checkout (as CI's publish)"),
    ("build-publish-add-one", 0.1, "one letter added: CI's publish job (make publish on a fresh checkout)"),
)
RATIO_SIZE = 10_000
# issue 18 absolute targets at 100,000: (size, step) -> (max seconds, max peak MB or None)
TARGETS_18 = {
    (100_000, "build-add-one"): (60, None),
    (100_000, "build-cold"): (450, 4096),
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
    x_bare: float | None = None  # seconds / bare MkDocs + Pagefind (warm, median of the runs) at this size
    x_floor: float | None = None  # seconds / the floor loop at this size


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in KiB over `pid` and all its descendants, from /proc. RSS counts a page shared
    by forked children once per process; PSS (smaps_rollup) divides it among them: their real sum."""
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
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        todo += parents.get(current, [])
        try:
            with open(f"/proc/{current}/statm", "rb") as handle:
                rss += int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            with open(f"/proc/{current}/smaps_rollup", "rb") as handle:
                pss += next((int(line.split()[1]) for line in handle if line.startswith(b"Pss:")), 0)
        except OSError:
            continue
    return rss, pss


def run(cmd: list[str], *, env: dict | None = None) -> tuple[float, float, float, int, str, str, float]:
    """Run `cmd`; (seconds, peak MB of one process, peak MB of the tree (RSS sum), exit code, stdout, stderr,
    peak MB of the tree's PSS sum: its real memory, shared pages divided among the processes)."""
    start = time.perf_counter()
    errors = tempfile.TemporaryFile()  # noqa: SIM115 -- kept for a failed step's message, closed below
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    peak = [0, 0]  # RSS, PSS sums (KiB)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[:] = map(max, peak, tree_memory_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    err = errors.read().decode("utf-8", "replace")
    errors.close()
    if proc.returncode:
        tail = err.splitlines()[-15:]
        print("\n".join(f"    stderr: {line}" for line in tail), file=sys.stderr, flush=True)
    return seconds, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss) / 1024, proc.returncode, \
        out.decode("utf-8", "replace"), err, peak[1] / 1024


def cli_stages(text: str) -> dict[str, float]:
    """The build's seconds per stage from what `generator build` printed (its BUILD_SECONDS line, Vietnamese
    stage names and decimal commas: commands/build.py `seconds_line`), by stage key; {} without that line."""
    from generator.strings.cli import BUILD_SECONDS, BUILD_STAGES

    head, tail = BUILD_SECONDS.split("{stages}")
    keys = {name: key for key, name in BUILD_STAGES.items()}
    for line in reversed(text.splitlines()):
        if line.startswith(head) and tail.split("{total}")[0] in line:
            stages = line[len(head): line.rindex(tail.split("{total}")[0])]
            out = {}
            for part in stages.split(", "):
                name, value, _ = part.rsplit(" ", 2)
                out[keys.get(name, name)] = float(value.replace(",", "."))
            return out
    return {}


SCAN_SHARE = 0.1  # make_corpus's default share of image-only scans


def ensure_corpus(size: int, out: Path, scan_share: float = SCAN_SHARE) -> tuple[Path, float | None]:
    """The corpus of `size` letters (written when missing or incomplete); (root, seconds spent writing).
    Another share of scans than make_corpus's default is a corpus of its own (corpus-<N>-scans<share>)."""
    root = out / (f"corpus-{size}" if scan_share == SCAN_SHARE else f"corpus-{size}-scans{scan_share:g}")
    stamp = root / ".bench-complete"
    if stamp.is_file() and stamp.read_text().strip() == str(size):
        return root, None
    shutil.rmtree(root, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "scripts" / "make_corpus.py"), str(size), str(root), "--scan-share",
                    str(scan_share)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    stamp.write_text(f"{size}\n")
    return root, time.perf_counter() - start


ADDED = "bench-added"  # in the id of every letter the bench adds (`add_letter`)


def add_letter(root: Path, nth: int = 1) -> list[Path]:
    """Write one new valid letter (YAML + PDF) into `root`; returns its files (to delete afterwards). `nth`: a
    step adding a letter while an earlier step's added one is still there (the fresh checkout after the
    addition) adds another one (its own id, number and dossier code), so that its build has a letter to add."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import letterkit as lk
    import make_corpus

    _, letters, _ = make_corpus.plan(1, seed=4242, today=date(2026, 11, 20))
    fields = letters[0]
    fields["id"] = f"{fields['issued_on']:%Y-%m}-{ADDED}" + (f"-{nth}" if nth > 1 else "")
    fields["dossier"]["code"] = fields["dossier"]["code"][:-3] + f"{1000 - nth:03d}"
    fields["number"] = f"{10000 - nth}/" + fields["number"].split("/", 1)[1]
    path = lk.letter_path(root, fields)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(lk.letter_yaml(fields), encoding="utf-8")
    path.with_suffix(".pdf").write_bytes(lk.letter_pdf(fields, scan=False, fast=True))
    return [path, path.with_suffix(".pdf")]


CHANGE_DAY = TODAY - timedelta(days=1)  # a correction's or withdrawal's date: after any published_on, not future


def _stash(path: Path, undo: list) -> None:
    """Move `path` out of letters/ into <root>/.bench-stash (same inode and mtime when it comes back)."""
    aside = path.parents[3] / ".bench-stash" / path.name  # root/letters/<year>/<agency>/<file>
    aside.parent.mkdir(exist_ok=True)
    os.replace(path, aside)
    undo.append(lambda: os.replace(aside, path))


def _pick(root: Path, skip: set[str]) -> Path:
    """The first letter YAML of the corpus (by path) that is not in `skip` and not added by the bench."""
    for path in sorted((root / "letters").glob("*/*/*.yml")):
        if path.stem not in skip and ADDED not in path.stem:
            return path
    raise SystemExit(f"no letter to change under {root}")


def _rewrite(path: Path, change, undo: list) -> None:
    """Rewrite a letter YAML with `change(fields)` applied (letterkit writes it); the original is stashed."""
    import letterkit as lk
    import yaml

    fields = yaml.load(path.read_text(encoding="utf-8"), Loader=anchors.LOADER)
    change(fields)
    text = lk.letter_yaml(fields)
    _stash(path, undo)
    path.write_text(text, encoding="utf-8")
    undo.append(lambda: path.unlink(missing_ok=True))  # runs before the stash comes back (undo is reversed)


def correct_letter(root: Path, undo: list, skip: set[str]) -> str:
    """Correct one letter as CONTENT.md says: a changed field and a `corrections` entry naming it."""
    path = _pick(root, skip)

    def change(fields: dict) -> None:
        detail = fields["reason"].get("detail") or ""
        fields["reason"]["detail"] = (detail + " Đã bổ sung ý kiến của cơ quan phối hợp.").strip()
        fields["corrections"] = [*(fields.get("corrections") or []),
                                 {"date": CHANGE_DAY, "note": "Bổ sung lý do chậm trả kết quả.",
                                  "fields": ["reason.detail"]}]

    _rewrite(path, change, undo)
    return path.stem


def withdraw_letter(root: Path, undo: list, skip: set[str]) -> str:
    """Withdraw one letter as CONTENT.md says: `withdrawn:` with a date and reason; its PDF goes."""
    path = _pick(root, skip)
    _rewrite(path, lambda fields: fields.update(withdrawn={"date": CHANGE_DAY, "reason": "Đăng nhầm hồ sơ."}), undo)
    if path.with_suffix(".pdf").is_file():
        _stash(path.with_suffix(".pdf"), undo)
    return path.stem


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


def build_cmd(root: Path, site: Path, build: Path, cache: Path) -> list[str]:
    return [PYTHON, "-m", "generator", "build", "--content", str(root), "--site-dir", str(site), "--build-dir",
            str(build), "--cache-dir", str(cache), "--today", TODAY.isoformat()]


def removals_under(folder: Path) -> list[int]:
    """Pids of the background removals (generator/trash.py: `rm -rf -- <path>`) of folders under `folder`
    (Linux /proc; none elsewhere)."""
    inside = str(folder.resolve()) + os.sep
    pids = []
    for entry in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = entry.read_bytes().split(b"\0")
        except OSError:
            continue
        words = [w.decode(errors="replace") for w in argv if w]
        if words and words[-1].startswith(inside) and any("rm" in w for w in words[:-1]):  # rm, or its sh
            pids.append(int(entry.parent.name))
    return pids


def settle(folder: Path, limit: float = 1800.0) -> float:
    """Wait (at most `limit` seconds) until the previous build's folders set aside under `folder` are removed:
    a publish build runs on a fresh runner, where no earlier build is still deleting its old site (at
    100,000 letters ~600,000 files, 10-15 s of a build's time when it runs meanwhile). The seconds waited."""
    start = time.perf_counter()
    while removals_under(folder) and time.perf_counter() - start < limit:
        time.sleep(0.5)
    return round(time.perf_counter() - start, 1)


def load() -> float:
    """The 1-minute load average (the machine is shared)."""
    return round(os.getloadavg()[0], 1)


def bench_size(size: int, out: Path, steps: tuple[str, ...], scan_share: float = SCAN_SHARE) -> list[Step]:
    """Measure every step at one size, the anchors beside them; ratios filled in at the end."""
    root, made = ensure_corpus(size, out, scan_share)
    tag = root.name.removeprefix("corpus-")
    cache, site, build = out / f"cache-{tag}", out / f"site-{tag}", out / f"build-{tag}"
    pub = {"site": out / f"pub-site-{tag}", "build": out / f"pub-build-{tag}", "cache": out / f"pub-cache-{tag}"}
    project, floor_out = out / f"bare-{tag}", out / f"floor-{tag}"
    results: list[Step] = []

    def show(step: Step) -> None:
        print(f"  {size:>7,} {step.name:<18} {step.seconds:8.1f} s {step.peak_mb:7.0f} MB "
              f"(tree {step.tree_mb:5.0f} MB, PSS {step.detail.get('tree_pss_mb', 0):5.0f} MB) "
              f"load {step.detail.get('load')} {'ok' if step.ok else 'FAILED'}",
              file=sys.stderr, flush=True)

    def record(name: str, cmd: list[str], seconds_from: str | None = None, **detail) -> Step:
        """Run one step, once the earlier steps' background removals are done (`settle`, the wait in its detail);
        `seconds_from`: the key of its JSON output that is the figure (not the process's wall)."""
        detail["settled_seconds"] = settle(out)
        before = load()
        seconds, peak, tree, code, stdout, stderr, pss = run(cmd)
        step = Step(size, name, round(seconds, 2), round(peak), round(tree), code == 0,
                    {**detail, "load": before, "tree_pss_mb": round(pss)})
        if cli_stages(stderr):  # a build: where its time went
            step.detail["stages"] = cli_stages(stderr)
        try:
            data = json.loads(stdout)
        except ValueError:
            data = {}
        step.detail.update({k: v for k, v in data.items() if k != "problems"})
        if seconds_from and seconds_from in data:
            step.detail["process_seconds"], step.seconds = step.seconds, data[seconds_from]
        results.append(step)
        show(step)
        return step

    def bare(name: str) -> Step:
        """mkdocs build, then Pagefind, of the bare project (already written)."""
        before, parts, ok, peak, tree = load(), {}, True, 0.0, 0.0
        for part, cmd in anchors.bare_commands(project, PYTHON).items():
            seconds, one, whole, code, _, _, _ = run(cmd)
            parts[part], ok, peak, tree = round(seconds, 2), ok and code == 0, max(peak, one), max(tree, whole)
        step = Step(size, name, round(sum(parts.values()), 2), round(peak), round(tree), ok,
                    {**parts, "load": before})
        results.append(step)
        show(step)
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
    if "bare" in steps:
        start = time.perf_counter()
        written = anchors.write_bare_project(root, project)
        bare("bare-cold").detail.update(written, write_seconds=round(time.perf_counter() - start, 2))
        bare("bare-warm")
        bare("bare-warm")  # three warm runs with the one after the project's builds: the anchor is their median
    if any(name in steps for name in PUBLISH_STEPS):
        publish_steps(size, root, pub, steps, record)
    if "bare" in steps and any(name in steps for name in PUBLISH_STEPS):
        bare("bare-warm")  # again after the project's builds: the anchor is the median of the warm runs
    if "floor" in steps:
        shaped = pub["site"] if (pub["site"] / "index.html").is_file() else site
        if (shaped / "index.html").is_file():
            record("floor", [PYTHON, str(Path(anchors.__file__).resolve()), "floor", str(root), str(shaped),
                             str(floor_out)], seconds_from="seconds", shape_of=shaped.name)
            shutil.rmtree(floor_out, ignore_errors=True)
        else:
            print(f"  {size:>7,} floor skipped: no built site to take its shape from", file=sys.stderr)
    add_ratios(results)
    return results


def publish_steps(size: int, root: Path, pub: dict[str, Path], steps: tuple[str, ...], record) -> None:
    """The publish builds: cold, nothing changed, one letter added, corrected, withdrawn (corpus restored)."""
    cmd = build_cmd(root, pub["site"], pub["build"], pub["cache"])
    if "build-cold" in steps:
        for folder in pub.values():
            shutil.rmtree(folder, ignore_errors=True)
        step = record("build-cold", cmd)
        if step.ok:
            step.detail.update(site_figures(pub["site"]))
    if "build-warm" in steps:
        record("build-warm", cmd)
    undo: list = []
    changed: set[str] = set()
    try:
        if "build-add-one" in steps:
            for path in add_letter(root):
                undo.append(lambda path=path: path.unlink(missing_ok=True))
            record("build-add-one", cmd)
        if "build-correct-one" in steps:
            changed.add(correct_letter(root, undo, changed))
            record("build-correct-one", cmd, letter=sorted(changed)[-1])
        if "build-withdraw-one" in steps:
            letter = withdraw_letter(root, undo, changed)
            changed.add(letter)
            record("build-withdraw-one", cmd, letter=letter)
        if "build-clone-add-one" in steps:
            fresh_checkout(root)
            for path in add_letter(root, nth=2):  # a letter not there yet (the first added one still is)
                undo.append(lambda path=path: path.unlink(missing_ok=True))
            record("build-clone-add-one", cmd)
        if "build-publish-add-one" in steps:
            publish_job(root, pub, out=pub["cache"].parent, undo=undo, record=record)
    finally:
        for action in reversed(undo):
            action()
    print(f"  {size:>7,} corpus restored ({len(undo)} file changes undone)", file=sys.stderr)


def lock_cmd(root: Path) -> list[str]:
    return [PYTHON, "-m", "generator", "lock", "--content", str(root)]


def publish_cmd(root: Path, pub: dict[str, Path], base: Path) -> list[str]:
    """publish.yml's job (`make publish`): the build in publish mode against the last published lock, which
    checks the content in that mode and prints the check's report (`--report`, GitHub annotations)."""
    return [*build_cmd(root, pub["site"], pub["build"], pub["cache"]), "--publish", "--base-lock", str(base),
            "--report", "--format", "github"]


def publish_job(root: Path, pub: dict[str, Path], *, out: Path, undo: list, record) -> None:
    """`build-publish-add-one`: what a merge adding one letter costs CI. The content as it stands is locked
    (content/published.lock) and published once in publish mode (the last publication, untimed; its lock is
    the base); then, on a fresh checkout, one more letter with the lock the editor committed for it (untimed:
    `make lock` is the editor's), and the publish job is timed: one publish-mode build, its check included."""
    lock, base = root / "published.lock", out / "bench-publish-base.lock"
    undo.append(lambda: lock.unlink(missing_ok=True))
    subprocess.run(lock_cmd(root), cwd=ROOT, check=True, capture_output=True)
    shutil.copyfile(lock, base)
    subprocess.run(publish_cmd(root, pub, base), cwd=ROOT, check=True, capture_output=True)
    fresh_checkout(root)
    for path in add_letter(root, nth=3):
        undo.append(lambda path=path: path.unlink(missing_ok=True))
    subprocess.run(lock_cmd(root), cwd=ROOT, check=True, capture_output=True)
    record("build-publish-add-one", publish_cmd(root, pub, base))


def fresh_checkout(root: Path) -> None:
    """Make every file of the corpus another inode with a new mtime, its bytes and place unchanged: what CI's
    publish sees (a fresh `actions/checkout`) beside the cache and the site it restored."""
    fresh = root.with_name(root.name + ".checkout")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(root, fresh, copy_function=shutil.copyfile)
    old = root.with_name(root.name + ".old")
    root.rename(old)
    fresh.rename(root)
    shutil.rmtree(old)


def anchor_figures(results: list[Step]) -> dict[int, dict]:
    """Per size: bare cold, bare warm (the median of the runs, and each run), floor; seconds. The median: on a
    shared machine one run in three can take twice as long (86.8 s against 46.4 s), and a mean would flatter
    every ratio."""
    out: dict[int, dict] = {}
    for s in results:
        entry = out.setdefault(s.size, {"bare_warm_runs": []})
        if not s.ok:
            continue
        if s.name == "bare-cold":
            entry["bare_cold"] = s.seconds
        elif s.name == "bare-warm":
            entry["bare_warm_runs"].append(s.seconds)
        elif s.name == "floor":
            entry["floor"] = s.seconds
    for entry in out.values():
        runs = entry["bare_warm_runs"]
        entry["bare"] = round(statistics.median(runs), 2) if runs else None
    return out


def add_ratios(results: list[Step]) -> None:
    """Fill x_bare and x_floor of every step from the anchors measured at its size."""
    figures = anchor_figures(results)
    for s in results:
        entry = figures.get(s.size, {})
        s.x_bare = _round(anchors.ratio(s.seconds, entry.get("bare")))
        s.x_floor = _round(anchors.ratio(s.seconds, entry.get("floor")))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def step_build(root: Path, site: Path, build: Path, cache: Path) -> dict:
    """The real `build_site`, with a timer around each stage it calls (printed as JSON)."""
    sys.path.insert(0, str(ROOT))
    import generator.build as B
    import generator.checks.orchestrator as V
    from generator.site import search

    stages: dict[str, float] = {}

    def timed(owner, name: str, label: str) -> None:
        inner = getattr(owner, name, None)
        if inner is None:  # the build was reorganised: that stage is not timed
            return

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


def verdicts(results: list[Step], targets: dict = TARGETS) -> list[tuple[str, str, str, str]]:
    """(target, limit, measured, PASS/MISS/not run) for each absolute target (issue 8's, or issue 18's)."""
    by_key = {(s.size, s.name): s for s in results}
    rows = []
    for (size, name), (limit_s, limit_mb) in targets.items():
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


def ratio_verdicts(results: list[Step]) -> list[tuple[str, str, str, str]]:
    """(target, limit, measured, PASS/MISS/not run) for issue 18's ratio targets, at every size measured."""
    by_key = {(s.size, s.name): s for s in results}
    rows = []
    for size in sorted({s.size for s in results}):
        note = "" if size == RATIO_SIZE else f" (target stated at {RATIO_SIZE:,})"
        added = by_key.get((size, "build-add-one"))
        for name, limit, label in RATIO_TARGETS:
            step = by_key.get((size, name))
            if step is None or step.x_bare is None:
                rows.append((f"{label}, {size:,} letters{note}", f"<= {limit}x bare", "-", "not run"))
                continue
            measured = f"{step.x_bare:.2f}x bare ({step.seconds:.1f} s)"
            if name in ("build-correct-one", "build-withdraw-one") and added is not None and added.seconds:
                measured += f"; {step.seconds / added.seconds:.2f}x the addition"
            verdict = "PASS" if step.ok and step.x_bare <= limit else "MISS"
            rows.append((f"{label}, {size:,} letters{note}", f"<= {limit}x bare", measured, verdict))
    return rows


def _x(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def table(results: list[Step]) -> str:
    """The figures as a Markdown table: seconds, ratio to bare MkDocs + Pagefind (warm) and to the floor."""
    lines = ["| letters | step | wall (s) | x bare | x floor | peak RSS, one process (MB) | peak RSS, tree (MB) "
             "| notes |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for s in results:
        notes = [f"load {s.detail['load']}"] if "load" in s.detail else []
        d = s.detail
        if d.get("tree_pss_mb"):
            notes.append(f"tree PSS {d['tree_pss_mb']:,} MB")
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
        if "mkdocs" in d:
            notes.append(f"mkdocs {d['mkdocs']:.1f} + Pagefind {d['pagefind']:.1f}")
        if "pages" in d and s.name == "bare-cold":
            notes.append(f"{d['pages']:,} Markdown pages written in {d['write_seconds']:.1f} s (not counted)")
        if s.name == "floor" and "files" in d:
            notes.append(f"{d['files']:,} HTML files, {d['bytes'] / 2**20:,.1f} MB (= the site's "
                         f"{d['site_bytes'] / 2**20:,.1f} MB); process {d.get('process_seconds', 0):.1f} s")
        if "letter" in d:
            notes.append(f"letter {d['letter']}")
        if not s.ok:
            notes.append("FAILED")
        lines.append(f"| {s.size:,} | {s.name} | {s.seconds:.1f} | {_x(s.x_bare)} | {_x(s.x_floor)} | "
                     f"{s.peak_mb:,.0f} | {s.tree_mb:,.0f} | {'; '.join(notes)} |")
    return "\n".join(lines)


def anchors_table(results: list[Step]) -> str:
    """The anchors per size (seconds)."""
    lines = ["| letters | bare cold (s) | bare warm (s), runs | bare warm = the anchor (s) | floor (s) |",
             "| ---: | ---: | --- | ---: | ---: |"]
    for size, a in sorted(anchor_figures(results).items()):
        runs = ", ".join(f"{r:.1f}" for r in a["bare_warm_runs"])
        lines.append(f"| {size:,} | {a.get('bare_cold', '-')} | {runs} | {a.get('bare') or '-'} | "
                     f"{a.get('floor', '-')} |")
    return "\n".join(lines)


def _rows(rows: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(["| target | limit | measured | verdict |", "| --- | --- | --- | --- |"] +
                     ["| " + " | ".join(row) + " |" for row in rows])


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (and the `--step` entry the benchmark runs as subprocesses)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--full", action="store_true", help="also 100,000 letters (corpus ~2 GB, ~30 min)")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--scan-share", type=float, default=SCAN_SHARE,
                        help="share of image-only scans in the corpus (make_corpus --scan-share)")
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
    started, load_before = datetime.now(UTC), os.getloadavg()
    print(f"machine: {os.cpu_count()} cores; load {load_before[0]:.1f}; sizes {sizes}; scans {args.scan_share:g}; "
          f"steps {args.steps}",
          file=sys.stderr)
    results = [step for size in sizes
               for step in bench_size(size, args.out.resolve(), tuple(args.steps), args.scan_share)]
    load_after = os.getloadavg()
    print(f"{started:%Y-%m-%d %H:%M} UTC, scan share {args.scan_share:g}, {os.cpu_count()} cores, "
          f"load average {load_before[0]:.1f} at the start, "
          f"{load_after[0]:.1f} / {load_after[1]:.1f} / {load_after[2]:.1f} (1/5/15 min) at the end\n")
    print(table(results))
    print()
    print(anchors_table(results))
    print("\nIssue 18 targets (ratios to bare MkDocs + Material + Pagefind, warm, measured in this run):\n")
    print(_rows(ratio_verdicts(results)))
    print("\nIssue 18 absolute targets:\n")
    print(_rows(verdicts(results, TARGETS_18)))
    print("\nIssue 8 targets:\n")
    print(_rows(verdicts(results)))
    if args.json:
        args.json.write_text(json.dumps({
            "started": started.isoformat(timespec="seconds"), "cores": os.cpu_count(), "scan_share": args.scan_share,
            "load_before": load_before, "load_after": load_after, "steps": [asdict(s) for s in results],
            "anchors": {str(k): v for k, v in anchor_figures(results).items()},
            "ratio_targets": ratio_verdicts(results), "targets_18": verdicts(results, TARGETS_18),
            "targets_8": verdicts(results)}, indent=1, ensure_ascii=False) + "\n")
    return 0 if all(s.ok for s in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
