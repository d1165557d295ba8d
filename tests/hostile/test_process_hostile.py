"""Hostile input against the process around the content (issue 12, items 2, 7, 10, 11).

Every kind runs the real CLI in a subprocess (`python -m generator ...`), so "no traceback" is what an
editor would see, and asserts the exit code, the problem codes on their files and lines, and that nothing
unsafe happened (no code run from a cache, nothing written through a symlink, the previous site intact).
Kinds are generated in code from the caches the check writes, the fields a correction may change and the
file names an editor may give; `KINDS` at the end lists them with their test ids.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.buildlock import hold
from generator.checks import record
from generator.checks.orchestrator import check_content
from generator.checks.pdfgate.facts import GATE_VERSION
from generator.content.newletter import extract, letter_yaml
from generator.strings.cli_process import BUILD_BUSY
from tests.helpers import make_content, pdf_bytes, read_shard, write_letter, write_shard

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2018-06-01"
L1 = "letters/2018/so-tnmt/2018-05-0001"
L2 = "letters/2018/so-tnmt/2018-05-0002"


def cli(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    """The real CLI in a fresh process; never a traceback, whatever the input."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr[-3000:]
    return done


def check(root: Path, *extra: str, cache: Path | None = None) -> tuple[int, list[tuple]]:
    """(exit code, [(code, file, line)]) of `check --format json` on `root`."""
    done = cli("check", "--content", str(root), "--today", TODAY, "--format", "json",
               "--cache-dir", str(cache or root.parent / "cache"), *extra)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    prefix = str(root).rstrip("/") + "/"
    return done.returncode, sorted((p["code"], p["file"].removeprefix(prefix), p["line"]) for p in report["problems"])


def check_here(root: Path, cache: Path) -> tuple[bool, list[tuple]]:
    """`check_content` in this process (for the many cache variants: a subprocess each would take minutes);
    an exception would fail the test, as a traceback would."""
    result = check_content(root, date.fromisoformat(TODAY), cache_dir=cache)
    return result.valid, sorted((p.code, p.file, p.line) for p in result.problems)


def lock(root: Path) -> None:
    """What `lock` does once the content is valid (in this process: the CLI's refusals are tested apart)."""
    result = check_content(root, date.fromisoformat(TODAY), cache_dir=root.parent / "cache")
    assert result.valid, [(p.code, p.file) for p in result.problems]
    record.write_lock(root, record.lock_entries(root, result.content.letters, result.pdf_facts))


def edit_yaml(root: Path, rel: str, change) -> None:
    path = root / f"{rel}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = make_content(tmp_path_factory.mktemp("template"), letters=2)
    lock(root)
    return root


@pytest.fixture
def locked(template, tmp_path) -> Path:
    """Two valid letters, locked (a copy of one template: new files, a cold cache)."""
    return Path(shutil.copytree(template, tmp_path / "content"))


# --- item 2: no code from files in the repository -------------------------------------------------------------

class Payload:
    """Unpickling this makes a folder: proof that code from the file ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def cache_files(cache: Path) -> list[str]:
    """Every file a check wrote in its cache folder, plus the names older versions unpickled."""
    written = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())
    return [*written, "letters.pickle", f"pdfgate/{GATE_VERSION}/memo.pickle", "letters.json",  # one-file memos
            f"pdfgate/{GATE_VERSION}/memo.json"]


def test_every_cache_file_holding_a_pickle_payload_runs_no_code(locked, tmp_path):
    cache = tmp_path / "cache"
    clean = check_here(locked, cache)
    files = cache_files(cache)
    assert {rel.rsplit("/", 1)[0] for rel in files} >= {"letters", f"pdfgate/{GATE_VERSION}/memo"}  # the shards
    for index, rel in enumerate(files):
        marker = tmp_path / f"pwned-{index}"
        (cache / rel).parent.mkdir(parents=True, exist_ok=True)
        (cache / rel).write_bytes(pickle.dumps(Payload(marker)))
        assert check_here(locked, cache) == clean, rel  # a cold run for that cache, no warning
        assert not marker.exists(), f"code ran from {rel}"
    assert check(locked) == (0, [])  # the CLI too, with every cache file a payload


def _tamper(data: object, depth: int = 0):
    """Variants of a JSON document: each with one value of the wrong type (generated from its own shape)."""
    if isinstance(data, dict):
        for key, value in data.items():
            for variant in _tamper(value, depth + 1):
                yield {**data, key: variant}
            if depth < 3:
                yield {**data, key: {"__class__": "os.system", "args": ["touch /tmp/pwned"]}}
    elif isinstance(data, list) and data:
        for variant in _tamper(data[0], depth + 1):
            yield [variant, *data[1:]]
    elif isinstance(data, str):
        yield 12345
    elif isinstance(data, (bool, int)):
        yield "0"


def test_tampered_json_caches_are_a_cold_run(locked, tmp_path):
    cache = tmp_path / "cache"
    clean = check_here(locked, cache)
    for rel in [r for r in cache_files(cache) if r.endswith(".json") and (cache / r).is_file()]:
        shard = read_shard(cache / rel)  # a memo's shard: the variants signed, so that its decoder is what refuses
        original = (cache / rel).read_text(encoding="utf-8") if shard is None else json.dumps(shard)
        variants = [*list(_tamper(json.loads(original)))[:12], original[:len(original) // 2], "[" * 100000, "null"]
        for variant in variants:
            if shard is not None:
                write_shard(cache / rel, variant)
                continue
            (cache / rel).write_text(variant if isinstance(variant, str) else json.dumps(variant), encoding="utf-8")
            assert check_here(locked, cache) == clean, (rel, str(variant)[:200])


def test_a_cache_not_signed_here_is_never_reused(locked, tmp_path, monkeypatch):
    """The memos reuse a parse for a file of the same bytes on a fresh checkout, so a poisoned one would be
    believed there: what keeps it out is the signature. Poisoned shards written as plain JSON (anyone) or
    signed under another key (another machine, another repository's secret) are not read, by the CLI."""
    from generator import cachekeys

    cache = tmp_path / "cache"
    check(locked)
    clone = tmp_path / "clone"
    shutil.copytree(locked, clone / "content")  # a fresh checkout: new inodes and times, the same bytes
    shards = {path: read_shard(path) for path in (cache / "letters").glob("*.json")}
    assert shards and all(data is not None for data in shards.values())
    for data in shards.values():
        for entry in data["entries"].values():
            entry[1]["number"] = "999/GIA-MAO"  # what a poisoned cache would make the site say
    for sign in ("nobody", "another key"):
        for path, data in shards.items():
            if sign == "nobody":
                path.write_text(json.dumps(data), encoding="utf-8")
            else:
                monkeypatch.setenv(cachekeys.SECRET_ENV, "another repository's secret")
                cachekeys.cache_secret.cache_clear()
                write_shard(path, data)
                monkeypatch.delenv(cachekeys.SECRET_ENV)
                cachekeys.cache_secret.cache_clear()
        status, problems = check(clone / "content", cache=cache)
        assert (status, problems) == (0, []), sign  # the lock matches the real files: no poisoned entry used


@pytest.mark.parametrize("rel", [".cache/letters.json", "register/__pycache__/x.cpython-311.pyc", "letters.pickle",
                                 "letters/2018/.cache/memo.json", "trust/.pytest_cache/v"])
def test_a_cache_inside_the_content_is_an_error(locked, rel):
    (locked / rel).parent.mkdir(parents=True, exist_ok=True)
    (locked / rel).write_bytes(pickle.dumps(Payload(locked.parent / "pwned")))
    status, problems = check(locked)
    top = next(p for p in Path(rel).parts if p in (".cache", "__pycache__", ".pytest_cache") or p.endswith(".pickle"))
    expected = rel[: rel.index(top) + len(top)]
    assert status == 1 and ("cache-in-content", expected, None) in problems
    assert not (locked.parent / "pwned").exists()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          check=True, capture_output=True, text=True).stdout


def test_a_tracked_cache_is_an_error(locked, tmp_path):
    repo = tmp_path
    git(repo, "init", "-q")
    (repo / ".cache").mkdir(exist_ok=True)
    (repo / ".cache" / "letters.pickle").write_bytes(pickle.dumps(Payload(repo / "pwned")))
    git(repo, "add", "-f", "content", ".cache/letters.pickle")
    git(repo, "commit", "-qm", "content with a committed cache")
    status, problems = check(locked, cache=repo / ".cache")
    assert (status, problems) == (1, [("cache-tracked", "../.cache", None)])
    assert not (repo / "pwned").exists()


# --- item 7: the record, enforced where it is published -----------------------------------------------------

def base_copy(root: Path) -> Path:
    """The last published lock (as publish.yml downloads it from the deployed site)."""
    base = root.parent / "published-base.lock"
    shutil.copyfile(root / "published.lock", base)
    return base


def publish(root: Path, base: Path | None = None) -> tuple[int, list[tuple]]:
    return check(root, "--publish", *(["--base-lock", str(base)] if base else []))


def drop_line(root: Path, letter_id: str, *, reseal: bool) -> None:
    """Remove a letter's line from the lock by hand (optionally re-sealing the lock, as an attacker would)."""
    path = root / "published.lock"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if f'"id": "{letter_id}"' not in line]
    if reseal:
        lines[-1] = json.dumps({record.SEAL: record.seal_of(lines[:-1])})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_deleted_letter_with_its_lock_line_removed_is_refused_at_publish(locked):
    base = base_copy(locked)
    for suffix in (".yml", ".pdf"):
        (locked / f"{L2}{suffix}").unlink()
    assert check(locked) == (1, [("record-letter-missing", "published.lock", 3)])
    assert cli("lock", "--content", str(locked), "--today", TODAY).returncode == 1  # the lock command refuses
    drop_line(locked, "2018-05-0002", reseal=False)
    assert check(locked) == (1, [("record-lock-tampered", "published.lock", 3)])
    drop_line(locked, "2018-05-0002", reseal=True)
    assert check(locked) == (0, [])  # consistent with itself: which is why publishing compares with the record
    assert publish(locked, base) == (1, [("record-entry-removed", "published.lock", None)])


def test_deleted_lock_is_refused(locked, tmp_path):
    base = base_copy(locked)
    (locked / "published.lock").unlink()
    assert publish(locked) == (1, [("record-lock-missing", "published.lock", None)])
    assert publish(locked, base) == (1, [("record-lock-removed", "published.lock", None)])
    done = cli("lock", "--content", str(locked), "--against", str(base), "--format", "json")
    assert done.returncode == 1 and [p["code"] for p in json.loads(done.stdout)["problems"]] == ["record-lock-removed"]


def test_deleted_lock_is_refused_when_git_history_has_it(locked, tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "-qm", "published")
    (locked / "published.lock").unlink()
    assert check(locked) == (1, [("record-lock-removed", "published.lock", None)])
    assert cli("lock", "--content", str(locked), "--today", TODAY).returncode == 1  # no fresh lock over it


def rehash(root: Path, letter: str, *, reseal: bool) -> None:
    """Edit a published letter and rewrite its lock line by hand to match (optionally the seal too)."""
    edit_yaml(root, letter, lambda d: d["dossier"].update(new_due_on="2018-05-30"))
    from generator.content.load import load_letter

    path = root / "published.lock"
    lines = path.read_text(encoding="utf-8").splitlines()
    parsed, _ = load_letter(root, f"{letter}.yml")
    entry = record.current_entry(root, parsed)
    at = next(i for i, line in enumerate(lines) if f'"id": "{parsed.id}"' in line)
    lines[at] = entry.as_json()
    if reseal:
        lines[-1] = json.dumps({record.SEAL: record.seal_of(lines[:-1])})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_lock_line_rehashed_by_hand_breaks_the_seal(locked):
    rehash(locked, L1, reseal=False)
    assert check(locked) == (1, [("record-lock-tampered", "published.lock", 4)])


def test_a_resealed_lock_is_caught_against_the_published_one(locked):
    base = base_copy(locked)
    rehash(locked, L1, reseal=True)
    assert check(locked) == (0, [])  # consistent with itself...
    assert publish(locked, base) == (1, [("record-metadata-changed", "published.lock", 2)])  # ...not with the record


def test_an_unlocked_letter_is_an_error_in_publish_mode(locked):
    write_letter(locked, "2018-05-0009", number="99/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0099"})
    rel = "letters/2018/so-tnmt/2018-05-0009.yml"
    assert check(locked) == (0, [("record-not-locked", rel, None)])
    assert publish(locked) == (1, [("record-unlocked", rel, None)])


CHANGES = [  # (field, new value) a correction may make, with the letter still valid otherwise
    ("number", "77/XL-STNMT"), ("signer.name", "Trần Thị Cúc"), ("signer.title", "Giám đốc"),
    ("dossier.procedure", "Cấp đổi giấy chứng nhận"), ("dossier.new_due_on", "2018-05-25"),
    ("dossier.returned_on", "2018-05-11"), ("reason.category", "workload"), ("reason.detail", "Hồ sơ nhiều."),
    ("published_on", "2018-05-11"), ("recipient.name", "Bà T.T.C."),
]


def _set(data: dict, dotted: str, value: str) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    data[last] = value


@pytest.mark.parametrize(("changed", "value"), CHANGES, ids=[c for c, _ in CHANGES])
def test_a_correction_may_change_only_the_fields_it_names(locked, changed, value):
    declared = next(f for f, _ in CHANGES if f != changed and f.split(".")[0] != changed.split(".")[0])

    def correct(d):
        _set(d, changed, value)
        d["corrections"] = [{"date": "2018-05-20", "note": "Đính chính.", "fields": [declared]}]

    edit_yaml(locked, L1, correct)
    cache = locked.parent / "cache"
    valid, problems = check_here(locked, cache)
    assert not valid and [(c, f) for c, f, _ in problems] == [("record-correction-undeclared", f"{L1}.yml")]
    edit_yaml(locked, L1, lambda d: d["corrections"][0].update(fields=[declared, changed]))
    assert check_here(locked, cache) == (True, [])
    result = check_content(locked, date.fromisoformat(TODAY), cache_dir=cache, publish=True)
    assert [(p.code, p.file) for p in result.problems] == [("record-correction-not-locked", f"{L1}.yml")]
    lock(locked)
    old = record.read_lock(locked / "published.lock").entries["2018-05-0001"]
    assert list(old.changes[0]) == [changed] and old.changes[0][changed][1] == value


def test_a_pdf_replaced_under_a_correction_that_does_not_name_it(locked):
    (locked / f"{L1}.pdf").write_bytes(pdf_bytes("Số: 15/XL-STNMT", "Mã hồ sơ: 000.00.21.H17-180420-0001", "v2"))
    edit_yaml(locked, L1, lambda d: d.update(corrections=[{"date": "2018-05-20", "note": "Thay bản PDF.",
                                                            "fields": ["reason.detail"]}]))
    assert [(c, f) for c, f, _ in check(locked)[1]] == [("record-correction-undeclared", f"{L1}.yml")]


@pytest.mark.parametrize(("fields", "code"), [(None, "record-correction-fields-missing"),
                                              (["dossier.no_such_field"], "record-correction-field-unknown"),
                                              (["corrections"], "record-correction-field-unknown")])
def test_a_new_correction_must_name_real_fields(locked, fields, code):
    correction = {"date": "2018-05-20", "note": "Đính chính."} | ({"fields": fields} if fields else {})
    edit_yaml(locked, L1, lambda d: d.update(corrections=[correction]))
    status, problems = check(locked)
    assert status == 1 and [(c, f) for c, f, _ in problems] == [(code, f"{L1}.yml")]


def test_a_proposed_lock_that_forges_an_old_value_is_refused(locked):
    base = base_copy(locked)
    edit_yaml(locked, L1, lambda d: (d["dossier"].update(new_due_on="2018-05-25"), d.update(
        corrections=[{"date": "2018-05-20", "note": "Đính chính.", "fields": ["dossier.new_due_on"]}])))
    lock(locked)
    path = locked / "published.lock"
    text = path.read_text(encoding="utf-8").replace('"dossier.new_due_on": ["2018-05-15"',
                                                    '"dossier.new_due_on": ["2018-05-24"')
    lines = text.splitlines()
    lines[-1] = json.dumps({record.SEAL: record.seal_of(lines[:-1])})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli("lock", "--content", str(locked), "--against", str(base), "--format", "json")
    found = [(p["code"], p["field"]) for p in json.loads(done.stdout)["problems"]]
    assert done.returncode == 1 and found == [("record-correction-history-forged", "dossier.new_due_on")]


# --- item 10: one build at a time ---------------------------------------------------------------------------------

def build_args(root: Path, site: Path, build: Path) -> list[str]:
    return ["build", "--content", str(root), "--site-dir", str(site), "--build-dir", str(build), "--today", TODAY,
            "--cache-dir", str(root.parent / "cache")]


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    return site


def test_a_build_while_another_holds_the_site_refuses_and_leaves_the_site(locked, tmp_path):
    site = previous_site(tmp_path)
    with hold(site):
        done = cli(*build_args(locked, site, tmp_path / "build"))
    assert done.returncode == 1 and BUILD_BUSY.split("{")[0] in done.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_a_build_while_another_holds_the_build_folder_refuses(locked, tmp_path):
    site = previous_site(tmp_path)
    with hold(tmp_path / "build"):
        done = cli(*build_args(locked, tmp_path / "other-site", tmp_path / "build"))
    assert done.returncode == 1 and "build" in done.stderr and not (tmp_path / "other-site").exists()
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_two_real_builds_at_once_one_refuses_the_site_is_whole(locked, tmp_path):
    site = previous_site(tmp_path)
    first = _start(build_args(locked, site, tmp_path / "build"))
    lock_file = tmp_path / ".site-build.lock"
    deadline = time.monotonic() + 120
    while not (lock_file.is_file() and lock_file.read_text().strip() == str(first.pid)):
        assert time.monotonic() < deadline and first.poll() is None, first.communicate()
        time.sleep(0.05)
    second = _start(build_args(locked, site, tmp_path / "build"))
    outcomes = [(p.wait(timeout=600), *p.communicate()) for p in (first, second)]
    assert "Traceback" not in outcomes[0][2] + outcomes[1][2]
    assert [o[0] for o in outcomes] == [0, 1] and BUILD_BUSY.split("{")[0] in outcomes[1][2]
    assert (site / "letters" / "2018" / "so-tnmt" / "2018-05-0002" / "index.html").is_file()
    assert (site / "published.lock").read_bytes() == (locked / "published.lock").read_bytes()


def test_a_build_killed_with_sigkill_releases_the_lock_and_its_leftovers_are_swept(locked, tmp_path):
    site = previous_site(tmp_path)
    killed = _start(build_args(locked, site, tmp_path / "build"))
    deadline = time.monotonic() + 300
    while not list(tmp_path.glob(".site.new-*")):  # mkdocs is writing the new site
        assert time.monotonic() < deadline and killed.poll() is None, killed.communicate()
        time.sleep(0.05)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    leftover = tmp_path / f".site.new-{killed.pid}"
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"  # nothing half-swapped
    done = cli(*build_args(locked, site, tmp_path / "build"))
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 60
    while leftover.exists():  # removed in the background
        assert time.monotonic() < deadline, "a killed build's half-built site was not swept"
        time.sleep(0.1)
    assert (site / "letters" / "2018" / "so-tnmt" / "2018-05-0001" / "index.html").is_file()


# --- item 11: `new` is safe ---------------------------------------------------------------------------------------

FORM = ("Số: 21/XL-STNMT", "Gia Nghĩa, ngày 12 tháng 05 năm 2018", "Kính gửi: Bà T.T.B.",
        "Mã hồ sơ: 000.00.21.H17-180423-0031")
NEW = "letters/2018/so-tnmt/2018-05-0003"


def new(root: Path, pdf: Path, *extra: str) -> subprocess.CompletedProcess:
    return cli("new", str(pdf), "--agency", "so-tnmt", "--content", str(root), "--today", TODAY,
               "--cache-dir", str(root.parent / "cache"), *extra)


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("do not touch", encoding="utf-8")
    return outside


@pytest.mark.parametrize("target", ["pdf", "yml", "dangling-yml", "agency-folder", "year-folder"])
def test_new_never_writes_through_a_symlink(locked, tmp_path, target):
    outside = _outside(tmp_path)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(pdf_bytes(*FORM))
    if target in ("pdf", "yml"):
        (locked / f"{NEW}.{target}").symlink_to(outside / "victim.txt")
    elif target == "dangling-yml":
        (locked / f"{NEW}.yml").symlink_to(outside / "created-through-a-link.yml")
    elif target == "agency-folder":
        shutil.rmtree(locked / "letters/2018/so-tnmt")
        (locked / "letters/2018/so-tnmt").symlink_to(outside, target_is_directory=True)
    else:
        shutil.rmtree(locked / "letters/2018")
        (locked / "letters/2018").symlink_to(outside, target_is_directory=True)
    done = new(locked, pdf, "--id", "2018-05-0003")
    assert done.returncode in (1, 2), done.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    assert (outside / "victim.txt").read_text(encoding="utf-8") == "do not touch"


def test_new_never_overwrites_an_existing_pdf(locked, tmp_path):
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(pdf_bytes(*FORM))
    (locked / f"{NEW}.pdf").write_bytes(b"an editor's file")
    done = new(locked, pdf)
    assert done.returncode in (1, 2) and (locked / f"{NEW}.pdf").read_bytes() == b"an editor's file"
    assert not (locked / f"{NEW}.yml").exists()


HOSTILE_NAMES = ["a: b.pdf", "x\nagency: evil\n#.pdf", "# comment.pdf", "it's \"quoted\".pdf", "{flow: map}.pdf",
                 "line\u2028sep.pdf", "nel\x85x.pdf", "tab\there.pdf", "[list, x].pdf", "&anchor *alias.pdf",
                 "---\n...\n.pdf", "cr\rname.pdf", "bom\ufeff.pdf", "rtl\u202eevil.pdf"]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_a_pdf_name_never_becomes_yaml_structure(name):
    draft = extract("\n".join(FORM))
    draft.values.update(agency="so-tnmt", published_on=date(2018, 6, 1), **{"reason.detail": name})
    text, _ = letter_yaml(draft, source_name=name, reasons=["inter-agency"], scan=True)
    data = yaml.safe_load(text)
    assert set(data) == LETTER_KEYS | {"privacy_reviewed"}
    assert data["reason"]["detail"] == name and data["agency"] == "so-tnmt"  # a value read back as written
    assert len(text.splitlines()[0].splitlines()) == 1 and text.startswith("# ")


LETTER_KEYS = {"number", "issued_on", "agency", "signer", "recipient", "dossier", "reason", "published_on"}


@pytest.mark.parametrize("name", ["x\nagency: evil\n#.pdf", "a: b {c: d}.pdf", "it's \"q\" # c.pdf"],
                         ids=["newline", "colon-brace", "quotes-hash"])
def test_new_with_a_hostile_pdf_name_writes_plain_yaml(locked, tmp_path, name):
    pdf = tmp_path / "in" / name
    pdf.parent.mkdir()
    pdf.write_bytes(pdf_bytes(*FORM))
    done = new(locked, pdf)
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load((locked / f"{NEW}.yml").read_text(encoding="utf-8"))
    assert set(data) == LETTER_KEYS and data["agency"] == "so-tnmt" and data["number"] == "21/XL-STNMT"


KINDS = {  # the kinds of hostile input above, with their test ids (the note lists them)
    "pickle payload in each cache file (letters, memo, facts, old .pickle names)":
        "test_every_cache_file_holding_a_pickle_payload_runs_no_code",
    "tampered JSON cache (wrong types, class-like objects, truncated, 100k nesting)":
        "test_tampered_json_caches_are_a_cold_run",
    "poisoned cache, unsigned or signed under another key, on a fresh checkout":
        "test_a_cache_not_signed_here_is_never_reused",
    "cache inside content/ (5 places)": "test_a_cache_inside_the_content_is_an_error",
    "tracked .cache/ in git": "test_a_tracked_cache_is_an_error",
    "deleted letter + its lock line removed": "test_deleted_letter_with_its_lock_line_removed_is_refused_at_publish",
    "deleted lock (publish mode, base lock, lock --against)": "test_deleted_lock_is_refused",
    "deleted lock known to git history": "test_deleted_lock_is_refused_when_git_history_has_it",
    "lock line re-hashed by hand": "test_a_lock_line_rehashed_by_hand_breaks_the_seal",
    "lock line re-hashed and re-sealed": "test_a_resealed_lock_is_caught_against_the_published_one",
    "unlocked letter in publish mode": "test_an_unlocked_letter_is_an_error_in_publish_mode",
    "correction changing an undeclared field (10 fields)": "test_a_correction_may_change_only_the_fields_it_names",
    "PDF replaced under a correction not naming it": "test_a_pdf_replaced_under_a_correction_that_does_not_name_it",
    "correction without fields / unknown field": "test_a_new_correction_must_name_real_fields",
    "proposed lock forging an old value": "test_a_proposed_lock_that_forges_an_old_value_is_refused",
    "build while another holds the site": "test_a_build_while_another_holds_the_site_refuses_and_leaves_the_site",
    "build while another holds the build folder": "test_a_build_while_another_holds_the_build_folder_refuses",
    "two real builds at once": "test_two_real_builds_at_once_one_refuses_the_site_is_whole",
    "build killed with SIGKILL": "test_a_build_killed_with_sigkill_releases_the_lock_and_its_leftovers_are_swept",
    "symlinked destination for new (5 places)": "test_new_never_writes_through_a_symlink",
    "new over an existing PDF": "test_new_never_overwrites_an_existing_pdf",
    "hostile PDF names in the YAML new writes (14 names)": "test_a_pdf_name_never_becomes_yaml_structure",
    "hostile PDF names through the new command": "test_new_with_a_hostile_pdf_name_writes_plain_yaml",
}


def test_every_kind_names_a_test_of_this_module():
    assert len(KINDS) >= 20 and all(callable(globals().get(name)) for name in KINDS.values())
