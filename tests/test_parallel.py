"""Page writes on every core (generator/parallel.py): every item once, failures propagate, same bytes as one core."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import generator.parallel as parallel
import generator.site.docs as render
import generator.site.reports.pages as report_pages
from generator.checks.orchestrator import check_content
from generator.parallel import WorkerFailed, run_shares, run_tasks
from generator.site.docs import render_docs
from generator.site.reports.pages import write_report_pages
from tests.conftest import SITE_TODAY, write_site_content


def test_every_item_is_handled_once_across_processes(tmp_path):
    def work(share):
        for item in share:
            (tmp_path / f"{item}.{os.getpid()}").write_text("x")

    run_shares(list(range(10)), work, count=3)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert sorted(int(n.split(".")[0]) for n in names) == list(range(10))
    assert len({n.split(".")[1] for n in names}) == 3  # three processes


def test_a_failing_child_fails_the_call(tmp_path):
    parent = os.getpid()

    def work(share):
        if os.getpid() != parent and 3 in share:
            raise ValueError("boom")

    with pytest.raises(WorkerFailed):
        run_shares(list(range(6)), work, count=2)


def test_a_failure_in_the_parent_stops_the_children(tmp_path):
    parent = os.getpid()

    def work(share):
        if os.getpid() == parent:
            raise ValueError("parent")

    with pytest.raises(ValueError, match="parent"):
        run_shares(list(range(6)), work, count=2)


def test_few_items_stay_in_one_process(tmp_path):
    pids = set()
    run_shares(list(range(5)), lambda share: pids.add(os.getpid()))
    assert pids == {os.getpid()}


def test_tasks_return_their_results_in_order_from_every_process():
    def task(i):
        time.sleep(0.01)
        return i, os.getpid()

    results = run_tasks([lambda i=i: task(i) for i in range(40)], count=3)
    assert [r[0] for r in results] == list(range(40))
    assert len({r[1] for r in results}) > 1  # handed out to several processes


def test_tasks_run_here_first_stay_here_and_what_they_make_too():
    """`here_first` tasks are run by this process, before it takes others, each once; what they leave in
    memory is here afterwards; every result still comes back in task order."""
    made = {}

    def task(i):
        time.sleep(0.01)
        if i in (3, 7):
            made[i] = os.getpid()
        return i, os.getpid()

    results = run_tasks([lambda i=i: task(i) for i in range(30)], count=3, here_first=[7, 3, 7])
    assert [r[0] for r in results] == list(range(30))
    assert results[3][1] == results[7][1] == os.getpid()
    assert made == {3: os.getpid(), 7: os.getpid()}
    assert len({r[1] for r in results}) > 1


def test_a_failing_task_in_a_child_fails_the_run():
    parent = os.getpid()

    def task():
        if os.getpid() != parent:
            raise ValueError("boom")
        time.sleep(0.01)  # leave tasks for the child

    with pytest.raises(WorkerFailed):
        run_tasks([task] * 20, count=2)


def test_a_failing_task_here_is_raised_as_is():
    parent = os.getpid()

    def task():
        if os.getpid() == parent:
            raise KeyError("here")
        time.sleep(0.01)

    with pytest.raises(KeyError):
        run_tasks([task] * 20, count=2)


def _docs(tmp: Path, name: str) -> dict[str, bytes]:
    (tmp / f"content-{name}").mkdir()
    root = write_site_content(tmp / f"content-{name}")
    result = check_content(root, SITE_TODAY, run_pdf_gate=False)
    docs = tmp / name
    rendered = render_docs(result.content, result.pdf_facts, SITE_TODAY, docs)
    write_report_pages(result, docs, SITE_TODAY, site=rendered.site)
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_pages_written_on_several_cores_are_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "1")
    one = _docs(tmp_path, "one")
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "3")
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_WORKER", 1)
    monkeypatch.setattr(report_pages, "PERIODS_PER_WORKER", 1)
    monkeypatch.setattr(render, "PARALLEL_LETTERS", 1)
    monkeypatch.setattr(render, "LETTERS_PER_TASK", 2)
    three = _docs(tmp_path, "three")
    assert sorted(one) == sorted(three)
    assert [name for name in one if one[name] != three[name]] == []


def test_in_child_returns_the_result_from_another_process(monkeypatch):
    monkeypatch.delenv("CONGKHAI_BUILD_WORKERS", raising=False)
    assert parallel.in_child(lambda: ("done", os.getpid())) [0] == "done"
    assert parallel.in_child(lambda: os.getpid()) != os.getpid()


def test_in_child_raises_the_childs_exception_here(monkeypatch):
    from generator.build import BuildFailed

    monkeypatch.delenv("CONGKHAI_BUILD_WORKERS", raising=False)

    def fail():
        raise BuildFailed("mkdocs: a strict-mode warning")

    with pytest.raises(BuildFailed, match="strict-mode warning"):
        parallel.in_child(fail)

    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def fail_oddly():
        raise Unpicklable("odd")

    with pytest.raises(WorkerFailed, match="Unpicklable"):
        parallel.in_child(fail_oddly)


def test_start_child_runs_while_this_process_goes_on_and_can_be_stopped(monkeypatch, tmp_path):
    """`start_child` returns before its child ends (this process works meanwhile); `result()` gives the
    child's value or raises its exception; `cancel()` kills a child that would run on (no process left)."""
    monkeypatch.delenv("CONGKHAI_BUILD_WORKERS", raising=False)
    gate = tmp_path / "go"

    def waits_for_the_parent():
        for _ in range(200):  # up to 10 s: the parent writes the gate after start_child returned
            if gate.exists():
                return ("done", os.getpid())
            time.sleep(0.05)
        raise TimeoutError("the parent never went on")

    pending = parallel.start_child(waits_for_the_parent)
    gate.write_text("go")
    value, pid = pending.result()
    assert value == "done" and pid != os.getpid()

    def fail():
        raise ValueError("in the child")

    with pytest.raises(ValueError, match="in the child"):
        parallel.start_child(fail).result()

    pending = parallel.start_child(lambda: time.sleep(60))
    pending.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(pending.pid, 0)  # killed and reaped
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "1")  # one worker: run here, at once
    assert parallel.start_child(os.getpid).result() == os.getpid()


def test_a_strict_mkdocs_failure_fails_the_build_from_its_child(tmp_path, monkeypatch):
    """A nav entry to a missing page: mkdocs --strict fails in the child, BuildFailed here, no site."""
    import generator.build as build
    from generator.site import mkdocs as site_mkdocs

    monkeypatch.delenv("CONGKHAI_BUILD_WORKERS", raising=False)
    plain = site_mkdocs.config_overrides

    def broken(site):
        values = plain(site)
        return {**values, "nav": [*values["nav"], {"Thiếu": "khong-co.md"}]}

    monkeypatch.setattr(site_mkdocs, "config_overrides", broken)
    root = write_site_content(tmp_path)
    with pytest.raises(build.BuildFailed, match="MkDocs"):
        build.build_site(root, tmp_path / "site", SITE_TODAY, build_dir=tmp_path / "build", run_pdf_gate=False)
    assert not (tmp_path / "site").exists()
