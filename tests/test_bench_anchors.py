"""The benchmark's anchors (scripts/bench_anchors.py, issue 18) at tiny size, and how bench.py divides by them.

The bare anchor is a real MkDocs + Material build and a real Pagefind run over 5 synthetic letters; the
floor writes the same HTML files at the same sizes; the ratios and verdicts come from the steps given.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402
import bench_anchors as anchors  # noqa: E402
import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus.make_corpus(5, root, jobs=1)
    return root


@pytest.mark.slow
def test_bare_anchor_builds_every_letter_page_and_a_pagefind_bundle(corpus, tmp_path):
    project = tmp_path / "bare"
    written = anchors.write_bare_project(corpus, project)
    letters = sorted(corpus.glob("letters/*/*/*.yml"))
    agencies = {p.parent.name for p in letters}
    assert written == {"letters": 5, "agency_pages": len(agencies), "pages": 5 + len(agencies) + 2}
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for cmd in anchors.bare_commands(project).values():
        subprocess.run(cmd, check=True, env=env, capture_output=True)
    site = project / "site"
    for path in letters:
        page = site / path.relative_to(corpus).with_suffix("") / "index.html"
        html = page.read_text(encoding="utf-8")
        code = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  code:"))
        assert code.split('"')[1] in html  # the dossier code is on the letter's page
        assert 'lang="vi"' in html and "assets/stylesheets/main" in html  # Material, in Vietnamese
    assert {p.parent.name for p in (site / "agencies").glob("*/index.html")} == agencies
    assert not (site / "search").exists()  # Material's search plugin is off
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert any((site / "pagefind" / "fragment").iterdir())

    floor = tmp_path / "floor"
    shape = anchors.html_shape(site)
    figures = anchors.write_floor(*anchors.read_content(corpus), shape, floor)
    assert anchors.html_shape(floor) == shape  # same files, same bytes each
    assert figures["files"] == len(shape) and figures["bytes"] == sum(size for _, size in shape)
    assert b"</body>" in (floor / shape[0][0]).read_bytes()


def test_fit_pads_or_cuts_to_the_exact_size():
    page = "<html><body>Văn bản xin lỗi</body></html>".encode()
    for size in (3, 15, 16, 17, len(page), len(page) + 1, 5000):
        fitted = anchors.fit(page, size)
        assert len(fitted) == size
        fitted.decode("utf-8")  # never a broken character
    assert anchors.fit(page, 5000).endswith(b"</body></html>")


def _step(name: str, seconds: float, size: int = 1000, ok: bool = True) -> bench.Step:
    return bench.Step(size, name, seconds, 0, 0, ok)


def test_ratios_divide_by_the_median_bare_warm_run_and_the_floor_of_the_same_size():
    steps = [_step("bare-cold", 9.0), _step("bare-warm", 4.0), _step("build-warm", 1.0), _step("bare-warm", 6.0),
             _step("floor", 2.0), _step("build-add-one", 0.4), _step("build-correct-one", 0.8),
             _step("build-cold", 7.0), _step("build-warm", 3.0, size=10), _step("bare-warm", 1.0, size=10),
             _step("bare-warm", 99.0, ok=False)]  # a failed anchor run does not count
    bench.add_ratios(steps)
    assert (steps[2].x_bare, steps[2].x_floor) == (0.2, 0.5)
    assert (steps[5].x_bare, steps[6].x_floor, steps[7].x_bare) == (0.08, 0.4, 1.4)
    assert (steps[8].x_bare, steps[8].x_floor) == (3.0, None)  # no floor measured at that size
    assert bench.anchor_figures(steps)[1000] == {"bare_warm_runs": [4.0, 6.0], "bare": 5.0, "bare_cold": 9.0,
                                                 "floor": 2.0}
    verdicts = {row[0].split(",")[0]: row[3] for row in bench.ratio_verdicts(steps) if "1,000" in row[0]}
    assert verdicts == {"one letter added: publish build": "PASS", "nothing changed: build": "MISS",
                        "cold full build": "MISS", "one letter corrected (as fast as an addition)": "MISS",
                        "one letter withdrawn (as fast as an addition)": "not run",
                        "one letter added on a fresh checkout (as CI's publish)": "not run",
                        "one letter added: CI's publish job (make publish on a fresh checkout)": "not run"}
    outlier = [_step("bare-warm", 4.0), _step("bare-warm", 9.0), _step("bare-warm", 5.0)]  # one slow run of three
    assert bench.anchor_figures(outlier)[1000]["bare"] == 5.0  # the median, not the mean (6.0)
    assert anchors.ratio(1.0, 0.0) is None and anchors.ratio(None, 2.0) is None


def test_the_bench_reads_the_build_stages_the_cli_prints():
    from generator.commands.build import seconds_line

    seconds = {"previous": 0.84, "check": 1.9, "search": 1.25, "keys": 0.2, "render": 2.7, "reports": 0.9,
               "plan": 0.02, "mkdocs": 1.6, "swap": 0.5, "manifest": 0.3}
    text = "Đã xây dựng 3 trang\n" + seconds_line(seconds) + "\n"
    assert bench.cli_stages(text) == {key: round(value, 1) for key, value in seconds.items()}
    assert bench.cli_stages("Đã xây dựng 3 trang\n") == {}


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="the removals are found in Linux's /proc")
def test_a_step_waits_for_the_removals_an_earlier_build_left_running(tmp_path):
    from generator.trash import discard

    old = tmp_path / "out" / ".pub-site.old-1-2"
    old.mkdir(parents=True)
    for i in range(20_000):  # enough files for the removal to be seen running
        (old / f"{i}.html").write_text("x")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    discard(old)
    assert bench.removals_under(tmp_path / "out")  # the detached `rm -rf` of generator/trash.py
    assert bench.removals_under(elsewhere) == []
    assert bench.settle(tmp_path / "out") >= 0
    assert not old.exists() and bench.removals_under(tmp_path / "out") == []


def test_a_fresh_checkout_keeps_every_byte_and_place_but_no_inode(tmp_path):
    root = tmp_path / "corpus"
    (root / "letters" / "2018").mkdir(parents=True)
    (root / "letters" / "2018" / "a.yml").write_text("number: 1\n", encoding="utf-8")
    (root / "portal.yml").write_text("name: x\n", encoding="utf-8")
    before = {p.relative_to(root): (p.read_bytes(), p.stat().st_ino) for p in root.rglob("*") if p.is_file()}
    bench.fresh_checkout(root)
    after = {p.relative_to(root): (p.read_bytes(), p.stat().st_ino) for p in root.rglob("*") if p.is_file()}
    assert {rel: data for rel, (data, _) in after.items()} == {rel: data for rel, (data, _) in before.items()}
    assert all(after[rel][1] != before[rel][1] for rel in before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]  # nothing left beside it


def test_each_step_adding_a_letter_adds_one_that_is_not_there_yet(tmp_path):
    """The fresh checkout step runs while the addition step's letter is still in the corpus: it adds another
    (else its build would find nothing new and time a checkout, not an addition)."""
    root = tmp_path / "corpus"
    first, second = bench.add_letter(root), bench.add_letter(root, nth=2)
    assert len({*first, *second}) == 4 and all(p.is_file() for p in (*first, *second))
    texts = [path.read_text(encoding="utf-8") for path in (first[0], second[0])]
    assert texts[0] != texts[1] and bench.add_letter(root) == first  # the same first letter again: its files


@pytest.mark.slow
def test_the_publish_job_step_times_the_check_and_the_build_in_publish_mode_and_restores_the_corpus(corpus, tmp_path):
    """`build-publish-add-one`: the content locked and published once, then (fresh checkout, one more letter
    locked) the timed command is publish.yml's job, the publish-mode build that is also its check (its report
    printed); afterwards the corpus is as it was (no lock, no letter added)."""
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(corpus, root)
    before = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    pub = {"site": tmp_path / "site", "build": tmp_path / "build", "cache": tmp_path / "cache"}
    subprocess.run(bench.build_cmd(root, pub["site"], pub["build"], pub["cache"]), cwd=ROOT, check=True,
                   capture_output=True)
    timed: list[tuple[str, subprocess.CompletedProcess]] = []

    def record(name, cmd):
        assert cmd[2:4] == ["generator", "build"] and {"--publish", "--base-lock", "--report"} <= set(cmd)
        timed.append((name, subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)))

    undo: list = []
    try:
        bench.publish_job(root, pub, out=tmp_path, undo=undo, record=record)
        [(name, done)] = timed
        assert name == "build-publish-add-one" and done.returncode == 0, done.stderr
        added = next(root.glob(f"letters/*/*/*{bench.ADDED}-3.yml")).stem
        assert added in (root / "published.lock").read_text(encoding="utf-8")  # locked, as the editor commits it
        assert added not in (tmp_path / "bench-publish-base.lock").read_text(encoding="utf-8")  # the base: before
        assert (pub["site"] / "published.lock").read_bytes() == (root / "published.lock").read_bytes()
        assert bench.cli_stages(done.stderr)  # the build's own stage line: the bench reads it
        assert "::warning" in done.stdout or done.stdout == ""  # the check's report, as annotations
    finally:
        for action in reversed(undo):
            action()
    assert {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
