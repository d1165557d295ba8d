"""generator/content/schema.py `coerce`: each kind of field on its own, with a schema declared in the test."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.schema import F, coerce
from generator.content.yamlsrc import parse_yaml

SCHEMA = (
    F("name", "text", True, max_length=10),
    F("kind", "text", choices=("a", "b")),
    F("day", "date"),
    F("count", "int", minimum=1, maximum=5),
    F("share", "number", minimum=0),
    F("ok", "bool"),
    F("tags", "list", item=F("tag", "text")),
    F("who", "map", children=(F("first", "text", True), F("last", "text"))),
)


def coerced(text: str):
    node, problems = parse_yaml(text, "x.yml")
    assert node is not None and problems == [], problems
    values, out = coerce(node, SCHEMA, "x.yml")
    return values, [(p.code, p.field, p.line) for p in out.problems], out.lines


def test_every_kind_read():
    values, problems, lines = coerced(
        "name: An\nkind: a\nday: 2018-05-09\ncount: 3\nshare: 0.5\nok: true\ntags: [x, 'y']\nwho:\n  first: B\n")
    assert problems == []
    assert values == {"name": "An", "kind": "a", "day": date(2018, 5, 9), "count": 3, "share": 0.5, "ok": True,
                      "tags": ["x", "y"], "who": {"first": "B"}}
    assert (lines["name"], lines["who.first"], lines["tags.1"]) == (1, 9, 7)


CASES = [  # (YAML after "name: An\n", expected (code, field, line))
    ("", []),
    ("kind: c\n", [("field-choice", "kind", 2)]),
    ("day: 09/05/2018\n", [("date-invalid", "day", 2)]),
    ("day: 2018-02-30\n", [("date-invalid", "day", 2)]),
    ("count: 0\n", [("field-range", "count", 2)]),
    ("count: 6\n", [("field-above-maximum", "count", 2)]),
    ("count: '3'\n", [("field-type", "count", 2)]),
    ("count: 2.5\n", [("field-type", "count", 2)]),
    ("share: -1\n", [("field-range", "share", 2)]),
    ("ok: 'yes'\n", [("field-type", "ok", 2)]),
    ("tags: x\n", [("field-type", "tags", 2)]),
    ("who: B\n", [("field-type", "who", 2)]),
    ("who:\n  last: C\n", [("field-missing", "who.first", 2)]),
    ("nmae: x\n", [("field-unknown", "nmae", 2)]),
    ("who:\n  first: B\n  midle: C\n", [("field-unknown", "who.midle", 4)]),
]


@pytest.mark.parametrize(("extra", "expected"), CASES)
def test_each_rule(extra, expected):
    _, problems, _ = coerced(f"name: An\n{extra}")
    assert problems == expected


@pytest.mark.parametrize(("name", "code"), [("''", "field-empty"), ("Một hai ba bốn năm", "field-too-long"),
                                            ("null", "field-empty"), ("~", "field-empty")])
def test_a_required_text(name, code):
    _, problems, _ = coerced(f"name: {name}\n")
    assert [c for c, _, _ in problems] == [code]


def test_a_number_in_a_text_field_is_read_as_written():
    values, problems, _ = coerced("name: 012\n")
    assert problems == [] and values["name"] == "012"


def test_a_missing_required_field_is_at_the_start_of_its_mapping():
    assert coerced("kind: a\n")[1] == [("field-missing", "name", 1)]


def test_a_typo_of_a_required_field_is_not_also_missing():
    _, problems, _ = coerced("Name: An\n")
    assert [c for c, _, _ in problems] == ["field-unknown"]


def test_not_a_mapping():
    node, _ = parse_yaml("- a\n- b\n", "x.yml")
    values, out = coerce(node, SCHEMA, "x.yml")
    assert values == {} and [(p.code, p.line) for p in out.problems] == [("yaml-not-mapping", 1)]
