"""generator/content/yamlsrc.py: the safe YAML reader, each refusal on its own."""

from __future__ import annotations

import pytest

from generator.content.yamlsrc import MAX_DEPTH, forbidden_char_problems, parse_yaml, read_yaml, walk_scalars

PARSED = [  # (text, expected (code, line))
    ("a: 1\n", []),
    ("a: 'x'\nb: [1, 2]\n", []),
    ("", [("yaml-empty", None)]),
    ("# only a comment\n", [("yaml-empty", None)]),
    ("a: 1\na: 2\n", [("yaml-duplicate-key", 2)]),
    ("a: &x 1\nb: *x\n", [("yaml-alias", 2)]),  # at its use
    ("a: !!python/object x\n", [("yaml-alias", 1)]),
    ("a: 'unclosed\nb: 2\n", [("yaml-syntax", 1)]),
    ("a: [1, 2\n", [("yaml-syntax", 1)]),
    ("a:\tb\n", []),
    ("a: x\u200by\n", [("text-forbidden-char", 1)]),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_yaml(text, expected):
    node, problems = parse_yaml(text, "x.yml")
    assert [(p.code, p.line) for p in problems] == expected
    assert all(p.file == "x.yml" for p in problems)
    if not problems:
        assert node is not None


@pytest.mark.parametrize(("depth", "parsed"), [
    (MAX_DEPTH - 2, True),  # within the bound
    (MAX_DEPTH + 1, True),  # deeper than the bound: the value is left out, the rest of the file is read
    (MAX_DEPTH * 3, False),  # beyond the estimate before parsing: not given to libyaml at all
])
def test_nesting_beyond_the_bound_is_refused(depth, parsed):
    text = "a: " + "[" * depth + "]" * depth + "\nb: 1\n"
    node, problems = parse_yaml(text, "x.yml")
    assert [(p.code, p.line) for p in problems] == ([] if depth < MAX_DEPTH else [("yaml-syntax", 1)])
    assert (node is not None) is parsed


def test_scalars_keep_their_line_and_quoting():
    node, _ = parse_yaml("a: 1\nb:\n  c: 'x'\n  d: [y, 2018-05-09]\n", "x.yml")
    found = {path: (scalar.value, scalar.line, scalar.plain) for path, scalar in walk_scalars(node)}
    assert found["b.c"] == ("x", 3, False)
    assert found["b.d.0"][1:] == (4, True)
    assert found["a"][1] == 1


@pytest.mark.parametrize(("data", "code"), [(b"\xff\xfe", "yaml-encoding"), (b"a: " + b"x" * 300, "yaml-too-large")])
def test_read_yaml_refuses_what_it_cannot_read(tmp_path, data, code):
    path = tmp_path / "x.yml"
    path.write_bytes(data)
    node, problems = read_yaml(path, "x.yml", limit=256)
    assert node is None and [p.code for p in problems] == [code]


def test_read_yaml_reads_utf8(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("tên: Sở Tài nguyên\n", encoding="utf-8")
    node, problems = read_yaml(path, "x.yml")
    assert problems == [] and [s.value for _, s in walk_scalars(node)] == ["Sở Tài nguyên"]


@pytest.mark.parametrize(("text", "count"), [("abc", 0), ("a\u200bb", 1), ("a\u200bb\u200bc", 1),
                                             ("a\u202eb\u0000c", 2), ("dòng 1\ndòng 2", 0)])
def test_forbidden_char_problems_one_per_character(text, count):
    problems = forbidden_char_problems(text, "register/x.csv", 4, "procedure")
    assert [(p.code, p.line, p.field) for p in problems] == [("text-forbidden-char", 4, "procedure")] * count
