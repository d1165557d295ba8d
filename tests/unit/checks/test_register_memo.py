"""generator/checks/register.py `RegisterMemo`: an unchanged register file's rows and problems are reused only
while the file, the agencies, the dossier-code pattern, today and the export kind are the same; a damaged,
foreign or tampered memo is not used; a warm load returns exactly what a cold one does."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import timedelta

import pytest

from generator.cachedata import memo_shard
from generator.checks import register
from generator.checks.register import RegisterMemo, load_register
from generator.content.model import Agency
from tests.helpers import read_shard, write_shard
from tests.unit.checks.test_register import HEADER, ROW, csv_row
from tests.unit.kit import TODAY, world

ROWS = [csv_row(), csv_row(dossier_code="000.00.21.H17-180421-0013", received_on="2018-04-21"),
        csv_row(dossier_code="HS 12"),  # a warning: the row is kept
        csv_row(dossier_code="000.00.21.H17-180422-0014", received_on="20/04/2018"),  # an error: left out
        csv_row(dossier_code="000.00.21.H17-180423-0015", agency="so-khong-co"),
        csv_row(dossier_code="000.00.21.H17-180424-0016", returned_on=""),  # not overdue yet on an earlier today
        csv_row(dossier_code="000.00.21.H17-180426-0018", received_on="2018-04-26", returned_on="2018-05-02")]
# (the last: returned on time, a problem of an overdue-only export, not of a complete one)


@pytest.fixture
def w(tmp_path):
    w = world(tmp_path)
    (w.root / "register").mkdir()
    (w.root / "register" / "a.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    (w.root / "register" / "b.csv").write_text(f"{HEADER}\n{csv_row()}\n", encoding="utf-8")  # a duplicate of a.csv's
    return w


def _load(w, cache, *, agencies=None, policy=None, today=TODAY, complete=False):
    return load_register(w.root, w.agencies if agencies is None else agencies, policy or w.portal.policy, today,
                         complete=complete, cache_dir=cache)


def _reads(monkeypatch) -> list[str]:
    """The register files read from their bytes from now on."""
    read, real = [], register._read_file

    def spy(data, rel, *args):
        read.append(rel)
        return real(data, rel, *args)

    monkeypatch.setattr(register, "_read_file", spy)
    return read


def test_a_warm_load_reads_no_file_and_returns_what_a_cold_one_does(w, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cold = _load(w, cache)
    assert cold == _load(w, None)  # the memo changes nothing
    assert {p.code for p in cold[1]} >= {"register-duplicate", "register-date-invalid", "register-agency-unknown"}
    shards = sorted((cache / RegisterMemo.NAME).glob("*.json"))
    assert shards
    read = _reads(monkeypatch)
    written = [os.stat(path).st_mtime_ns for path in shards]
    assert _load(w, cache) == cold
    assert read == []
    assert [os.stat(path).st_mtime_ns for path in shards] == written  # nothing changed: not rewritten


def test_an_edited_file_is_read_again_and_only_it(w, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _load(w, cache)
    (w.root / "register" / "b.csv").write_text(f"{HEADER}\n{csv_row(dossier_code='000.00.21.H17-180425-0017')}\n",
                                               encoding="utf-8")
    read = _reads(monkeypatch)
    warm = _load(w, cache)
    assert read == ["register/b.csv"]
    assert warm == _load(w, None)
    assert "register-duplicate" not in {p.code for p in warm[1]}


def _changes(w):
    renamed = {code: dataclasses.replace(agency, valid_to=TODAY - timedelta(days=4000))
               for code, agency in w.agencies.items()}
    return {
        "agencies": {"agencies": renamed},  # an agency no longer valid on the rows' dates
        "one agency fewer": {"agencies": {c: a for c, a in w.agencies.items() if c != ROW["agency"]}},
        "pattern": {"policy": dataclasses.replace(w.portal.policy, dossier_code_pattern=r"^HS \d+$")},
        "today": {"today": TODAY - timedelta(days=40)},
        "complete": {"complete": True},
    }


@pytest.mark.parametrize("change", ["agencies", "one agency fewer", "pattern", "today", "complete"])
def test_each_input_of_the_key_reads_the_files_again(w, tmp_path, monkeypatch, change):
    cache = tmp_path / "cache"
    first = _load(w, cache)
    changed = _changes(w)[change]
    expected = _load(w, None, **changed)
    assert expected != first  # the input matters to the result
    read = _reads(monkeypatch)
    assert _load(w, cache, **changed) == expected
    assert read == ["register/a.csv", "register/b.csv"]


def test_every_agency_passes_while_agencies_yml_is_unusable_and_that_is_in_the_key(w, tmp_path):
    from generator.checks.orchestrator import _AnyAgency

    cache = tmp_path / "cache"
    empty = _load(w, cache, agencies={})
    anything = _load(w, cache, agencies=_AnyAgency())
    assert anything == _load(w, None, agencies=_AnyAgency()) != empty


def _a_row(data):
    return data["entries"]["register/a.csv"][1][1]  # a.csv's first row record (after the header's): [row, problems]


def _first_problem(data):
    return next(problems[0] for _row, problems in data["entries"]["register/a.csv"][1] if problems)


@pytest.mark.parametrize("junk", [
    "{", "[]", '{"version": [1, "other"], "entries": {}}', "row of another file", "problem of another file",
    "problem not of the catalog", "row of another shape", "unknown field", "not a list of records",
])
def test_a_damaged_foreign_or_tampered_memo_is_not_used(w, tmp_path, junk):
    cache = tmp_path / "cache"
    cold = _load(w, cache)
    memo_file = cache / RegisterMemo.NAME / memo_shard("register/a.csv")
    text = memo_file.read_text(encoding="utf-8").partition("\n")[2]  # its body (signed: helpers.write_shard)

    def edit(change):
        data = json.loads(text)
        change(data)
        return json.dumps(data)

    tampered = {
        "row of another file": lambda d: _a_row(d)[0].update(source="register/b.csv"),
        "problem of another file": lambda d: _first_problem(d).update(file="register/b.csv"),
        "problem not of the catalog": lambda d: _first_problem(d).update(code="register-nothing"),
        "row of another shape": lambda d: _a_row(d)[0].update(received_on=20180420),
        "unknown field": lambda d: _a_row(d)[0].update(code="os.system('x')"),
        "not a list of records": lambda d: d["entries"]["register/a.csv"].__setitem__(1, {"x": 1}),
    }
    bad = edit(tampered[junk]) if junk in tampered else junk
    assert bad != text
    write_shard(memo_file, bad)  # signed: the decoder's own checks are what refuse it
    assert _load(w, cache) == cold
    assert read_shard(memo_file) == json.loads(text)  # rebuilt as it was


def test_a_cache_that_cannot_be_written_changes_nothing(w, tmp_path):
    blocker = tmp_path / "file"  # the cache folder's place taken by a file (root can write any folder)
    blocker.write_text("x", encoding="utf-8")
    assert _load(w, blocker) == _load(w, None)
    assert blocker.read_text(encoding="utf-8") == "x"
    assert RegisterMemo(None, "k").records("register/a.csv", w.root / "register" / "a.csv", lambda data: []) == []


def test_the_key_is_of_the_agencies_not_of_their_dict():
    agencies = world_agencies = {"x": Agency("x", "X", "xa")}
    key = register.register_key(world_agencies, None, TODAY, False)
    assert key == register.register_key(dict(agencies), None, TODAY, False)
    assert key != register.register_key({**agencies, "y": Agency("y", "Y", "xa")}, None, TODAY, False)
    assert key != register.register_key({"x": Agency("x", "X", "xa", contact="0912 345 678")}, None, TODAY, False)
