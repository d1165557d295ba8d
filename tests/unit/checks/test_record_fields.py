"""generator/checks/record_fields.py: what a correction may change, function by function."""

from __future__ import annotations

import pytest

from generator.checks import record_fields as rf
from tests.unit.kit import world


def test_correctable_fields_are_the_schemas_without_the_record_life():
    assert {"number", "dossier", "dossier.new_due_on", "reason.detail", "pdf"} <= rf.CORRECTABLE
    assert not any(name.split(".")[0] in ("corrections", "withdrawn") for name in rf.CORRECTABLE)


def test_flat():
    meta = {"number": "1/XL", "dossier": {"code": "H17-1", "due_on": "2018-05-04"}, "agency": "a"}
    assert rf.flat(meta, "ab") == {"agency": "a", "dossier.code": "H17-1", "dossier.due_on": "2018-05-04",
                                   "number": "1/XL", "pdf": "ab"}
    assert list(rf.flat(meta, None)) == sorted(rf.flat(meta, None))


@pytest.mark.parametrize(("declared", "changed", "covered"), [
    ({"number"}, "number", True),
    ({"dossier"}, "dossier.new_due_on", True),  # a parent map covers its children
    ({"dossier.new_due_on"}, "dossier", True),  # a lock of top-level fields only
    ({"dossier.new_due_on"}, "dossier.due_on", False),
    ({"dossier.new"}, "dossier.new_due_on", False),  # a prefix of a name is not its parent
    (set(), "number", False),
    ({"pdf"}, "pdf", True),
])
def test_covers(declared, changed, covered):
    assert rf.covers(declared, changed) is covered


def test_changed_fields_with_values_and_without():
    old, new = {"a": 1, "b.c": 2, "pdf": "x"}, {"a": 1, "b.c": 3, "d": 4, "pdf": "y"}
    assert rf.changed_fields(old, {}, "x", new, {}, "y") == ["b.c", "d", "pdf"]
    assert rf.changed_fields(None, {"a": "1", "b": "2"}, "x", new, {"a": "1", "b": "3"}, "x") == ["b"]
    assert rf.changed_fields(None, {"a": "1"}, "x", {}, {"a": "1"}, "y") == ["pdf"]


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


def corrected(w, *field_lists):
    return w.letter(corrections=[{"date": f"2018-05-{12 + i}", "note": "Sửa.", "fields": list(fields)}
                                 for i, fields in enumerate(field_lists)])


@pytest.mark.parametrize(("fields", "since", "expected"), [
    ([["number"]], 0, []),
    ([[]], 0, [("record-correction-fields-missing", 1, None)]),
    ([["numbr"]], 0, [("record-correction-field-unknown", 1, "numbr")]),
    ([["pdf", "dossier.nope"]], 0, [("record-correction-field-unknown", 1, "dossier.nope")]),
    ([[], ["number"]], 1, []),  # only corrections after the lock are judged
    ([["number"], []], 1, [("record-correction-fields-missing", 2, None)]),
])
def test_declaration_problems(w, fields, since, expected):
    letter = corrected(w, *fields)
    found = rf.declaration_problems(letter, since)
    assert [(code, params["number"], params.get("field_name")) for code, _, params in found] == expected
    assert all(name == "corrections" for _, name, _ in found)


def test_declared_since(w):
    letter = corrected(w, ["number"], ["dossier.new_due_on", "pdf"])
    assert rf.declared_since(letter, 0) == {"number", "dossier.new_due_on", "pdf"}
    assert rf.declared_since(letter, 1) == {"dossier.new_due_on", "pdf"}
    assert rf.declared_since(letter, 2) == set()


def test_history_keeps_locked_steps_and_computes_new_ones(w):
    letter = corrected(w, ["number"], ["dossier.new_due_on"])
    locked = {"number": "1/XL", "dossier.new_due_on": "2018-05-15"}
    now = {"number": "1/XL", "dossier.new_due_on": "2018-05-16"}
    steps = rf.history(letter, [{"number": ["0/XL", "1/XL"]}], 1, locked, now, ["dossier.new_due_on"])
    assert steps == [{"number": ["0/XL", "1/XL"]}, {"dossier.new_due_on": ["2018-05-15", "2018-05-16"]}]


def test_history_where_the_record_does_not_know(w):
    letter = corrected(w, ["dossier.new_due_on"], ["number"])
    steps = rf.history(letter, None, 1, None, {"dossier.new_due_on": "2018-05-16", "number": "2/XL"},
                       ["number"])
    assert steps == [None, {"number": [None, "2/XL"]}]
    top_level = rf.history(corrected(w, ["dossier.new_due_on"]), None, 0, None, {"dossier.new_due_on": "x"},
                           ["dossier"])
    assert top_level == [{"dossier.new_due_on": [None, "x"]}]
