"""generator/problems.py: problems are data built from the catalog; sorting, errors, the per-file cap."""

from __future__ import annotations

import pytest

from generator import problems as P
from generator.strings import PROBLEM_TYPES


def test_every_catalog_entry_makes_a_problem():
    for code, kind in PROBLEM_TYPES.items():
        params = {name: "x" for name in _fields(kind.template)}
        problem = P.make(code, "letters/2018/a/b.yml", 3, "number", **params)
        assert (problem.code, problem.severity, problem.line) == (code, kind.severity, 3)
        assert problem.severity in (P.ERROR, P.WARNING)
        assert problem.message


def _fields(template: str) -> set[str]:
    import string

    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_an_unknown_code_is_refused():
    with pytest.raises(P.UnknownProblemCode):
        P.make("no-such-code", "x.yml")


def test_invisible_characters_in_parameters_are_written_visibly():
    problem = P.make("agency-unknown", "x.yml", 1, "agency", agency="so\u200b-tnmt")
    assert "⟨U+200B⟩" in problem.message and "\u200b" not in problem.message


def test_severity_may_be_overridden():
    assert P.make("agency-unknown", "x.yml", None, None, P.WARNING, agency="a").severity == P.WARNING


def _p(file, line, code="agency-unknown", severity=None):
    return P.make(code, file, line, None, severity, agency="a")


def test_sort_problems_orders_and_deduplicates():
    items = [_p("b.yml", 2), _p("a.yml", 5), _p("a.yml", None), _p("b.yml", 2)]
    assert [(p.file, p.line) for p in P.sort_problems(items)] == [("a.yml", None), ("a.yml", 5), ("b.yml", 2)]


@pytest.mark.parametrize(("severities", "errors"), [((), False), ((P.WARNING,), False),
                                                    ((P.WARNING, P.ERROR), True)])
def test_has_errors(severities, errors):
    assert P.has_errors([_p("a.yml", 1, severity=s) for s in severities]) is errors


@pytest.mark.parametrize(("count", "limit"), [(3, 5), (5, 5), (6, 5), (12, 5)])
def test_cap_per_file(count, limit):
    items = [_p("a.yml", i, severity=P.WARNING) for i in range(1, count + 1)] + [_p("b.yml", 1)]
    kept = P.cap_per_file(items, limit)
    a = [p for p in kept if p.file == "a.yml"]
    if count <= limit:
        assert a == items[:count]
    else:
        assert a[:limit] == items[:limit]
        assert (a[-1].code, a[-1].severity) == ("problems-capped", P.WARNING)
        assert str(count - limit) in a[-1].message
    assert [p for p in kept if p.file == "b.yml"] == items[-1:]


def test_a_cap_hiding_an_error_is_an_error():
    items = [_p("a.yml", 1, severity=P.WARNING), _p("a.yml", 2)]
    assert P.cap_per_file(items, 1)[-1].severity == P.ERROR
