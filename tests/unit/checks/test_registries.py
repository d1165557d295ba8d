"""generator/checks/registries.py: agencies.yml beyond its schema, one case per rule, at the entry's line."""

from __future__ import annotations

import copy

import pytest

from generator.checks.registries import check_registries
from tests.helpers import AGENCIES
from tests.unit.kit import lines_point_at_fields, world

BASE = AGENCIES["agencies"]
INDEX = {a["code"]: i for i, a in enumerate(BASE)}


def registry(tmp_path, changes: dict[str, dict], extra: list[dict] = ()):
    """agencies.yml of tests/helpers.py with entries changed by code (None removes a key) and entries added."""
    entries = copy.deepcopy(BASE)
    for entry in entries:
        for key, value in changes.get(entry["code"], {}).items():
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value
    w = world(tmp_path, agencies={**AGENCIES, "agencies": [*entries, *extra]}, fresh=True)
    problems = check_registries(w.loaded, w.portal)
    lines_point_at_fields(w.root, [p for p in problems if p.field and not p.field.endswith((".parent_periods",
                                                                                            ".successors"))])
    return w, problems


def test_the_base_registry_passes(tmp_path):
    w, problems = registry(tmp_path, {})
    assert problems == []
    assert w.loaded.registries_ok


REFERENCES = [(code, ref) for code in ("so-tnmt", "ubnd-xa-ea-po") for ref in ("parent", "tracked_by", "successor")]


@pytest.mark.parametrize(("code", "ref"), REFERENCES)
def test_an_unknown_reference(tmp_path, code, ref):
    w, problems = registry(tmp_path, {code: {ref: "so-khong-co"}})
    assert [(p.code, p.field) for p in problems] == [("registry-unknown-ref", f"agencies.{INDEX[code]}.{ref}")]
    assert "so-khong-co" in problems[0].message
    assert not w.loaded.registries_ok


def test_unknown_successors_and_dated_parents(tmp_path):
    _, problems = registry(tmp_path, {"ubnd-cu-jut": {"successors": ["so-x", "tthcc"], "successor": None,
                                                      "parent_periods": [{"value": "so-y", "from": "2004-01-01"}]}})
    index = INDEX["ubnd-cu-jut"]
    assert [(p.code, p.field) for p in problems] == [("registry-unknown-ref", f"agencies.{index}.successors"),
                                                     ("registry-unknown-ref", f"agencies.{index}.parent_periods")]


def test_a_reference_to_a_broken_entry_is_not_unknown_again(tmp_path):
    w, problems = registry(tmp_path, {"so-tnmt": {"parent": "So_Hong"}},
                           extra=[{"code": "So_Hong", "name": "Sở hỏng", "level": "province"}])
    assert "registry-unknown-ref" not in [p.code for p in problems]
    assert "registry-bad-code" in [p.code for p in w.loaded.problems]


def test_an_unknown_level(tmp_path):
    _, problems = registry(tmp_path, {"tthcc": {"level": "hamlet"}})
    assert [(p.code, p.field) for p in problems] == [("registry-unknown-level", "agencies.0.level")]


@pytest.mark.parametrize(("valid_from", "valid_to", "bad"), [
    ("2004-01-01", "2003-12-31", True), ("2004-01-01", "2004-01-01", False), ("2004-01-01", "2030-01-01", False)])
def test_a_window(tmp_path, valid_from, valid_to, bad):
    _, problems = registry(tmp_path, {"ubnd-cu-jut": {"valid_from": valid_from, "valid_to": valid_to}})
    index = INDEX["ubnd-cu-jut"]
    assert [(p.code, p.field) for p in problems] == ([("registry-bad-window", f"agencies.{index}.valid_to")]
                                                     if bad else [])


@pytest.mark.parametrize("length", [1, 2, 3])
def test_a_cycle_of_parents_is_reported_once(tmp_path, length):
    chain = ["tthcc", "so-tnmt", "ubnd-xa-cu-jut"][:length]
    changes = {code: {"parent": chain[(i + 1) % length]} for i, code in enumerate(chain)}
    _, problems = registry(tmp_path, changes)
    cycles = [p for p in problems if p.code == "registry-cycle"]
    assert len(cycles) == 1
    assert cycles[0].field == f"agencies.{INDEX[chain[0]]}.parent"
    assert all(code in cycles[0].message for code in chain)


def test_a_plain_code_in_several_namespaces_is_a_warning(tmp_path):
    extra = [{"code": "so-xd", "name": "Sở Xây dựng", "level": "province", "namespace": ns}
             for ns in ("dak-nong", "lam-dong")]
    w, problems = registry(tmp_path, {}, extra=extra)
    assert [(p.code, p.field, p.severity) for p in problems] == [
        ("registry-code-in-namespaces", f"agencies.{len(BASE) + 1}.code", "warning")]
    assert "dak-nong.so-xd, lam-dong.so-xd" in problems[0].message
    assert w.loaded.registries_ok  # a warning leaves the registry usable
