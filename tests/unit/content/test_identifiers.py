"""generator/content/identifiers.py: each identifier field against its own pattern."""

from __future__ import annotations

import dataclasses

import pytest

from generator.content import identifiers
from generator.content.model import (
    DEFAULT_DOSSIER_CODE_PATTERN,
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_PROCEDURE_CODE_PATTERN,
    Policy,
)
from tests.helpers import DROP
from tests.unit.kit import world

GOOD = {"number": "15/XL-STNMT", "dossier.code": "000.00.21.H17-180420-0012", "dossier.procedure_code": "1.004227"}
BAD = {"number": "XL 15", "dossier.code": "HS 12", "dossier.procedure_code": "1004227"}
CODES = {name: code for name, _, _, code in identifiers.IDENTIFIER_FIELDS}


@pytest.mark.parametrize(("pattern", "default", "used"), [
    (r"^\d+$", DEFAULT_NUMBER_PATTERN, r"^\d+$"), ("([a-z", DEFAULT_NUMBER_PATTERN, DEFAULT_NUMBER_PATTERN)])
def test_compiled_falls_back_to_the_default(pattern, default, used):
    assert identifiers.compiled(pattern, default).pattern == used


@pytest.mark.parametrize(("policy", "setting", "default", "used"), [
    (None, "number_pattern", DEFAULT_NUMBER_PATTERN, DEFAULT_NUMBER_PATTERN),
    (Policy(), "dossier_code_pattern", DEFAULT_DOSSIER_CODE_PATTERN, DEFAULT_DOSSIER_CODE_PATTERN),
    (Policy(procedure_code_pattern=r"^P\d$"), "procedure_code_pattern", DEFAULT_PROCEDURE_CODE_PATTERN, r"^P\d$"),
])
def test_pattern_of(policy, setting, default, used):
    assert identifiers.pattern_of(policy, setting, default).pattern == used


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


# every combination of good and bad identifiers: shaped ones are taken out, misshaped ones reported
COMBINATIONS = [dict(zip(GOOD, picks, strict=True))
                for picks in [(a, b, c) for a in (0, 1) for b in (0, 1) for c in (0, 1)]]


@pytest.mark.parametrize("bad", COMBINATIONS, ids=lambda b: "".join("xo"[v] for v in b.values()))
def test_shaped_and_misshaped_split_the_identifiers(w, bad):
    values = {name: (BAD if bad[name] else GOOD)[name] for name in GOOD}
    letter = w.letter(**values)
    assert identifiers.values(letter) == values
    assert identifiers.shaped(letter) == [v for name, v in values.items() if not bad[name]]
    assert identifiers.misshaped(letter) == [(name, v, CODES[name]) for name, v in values.items() if bad[name]]


def test_a_missing_procedure_code_is_neither(w):
    letter = w.letter(**{"dossier.procedure_code": DROP})
    assert identifiers.values(letter)["dossier.procedure_code"] is None
    assert "dossier.procedure_code" not in [name for name, _, _ in identifiers.misshaped(letter)]
    assert len(identifiers.shaped(letter)) == 2


def test_the_portals_pattern_decides(w):
    letter = w.letter(number="XL 15")
    policy = dataclasses.replace(Policy(), number_pattern=r"^XL \d+$")
    assert identifiers.misshaped(letter, policy) == []
    assert "XL 15" in identifiers.shaped(letter, policy)


@pytest.mark.parametrize(("pattern", "usable"), [
    (DEFAULT_NUMBER_PATTERN, True), (DEFAULT_DOSSIER_CODE_PATTERN, True), (DEFAULT_PROCEDURE_CODE_PATTERN, True),
    (r"^HS-\d+$", True), ("([a-z", False), (r"^(a)\1$", False), (r"^(?=x)", False), (r"(?<!x)y", False),
])
def test_pattern_error(pattern, usable):
    reason = identifiers.pattern_error(pattern)
    assert (reason is None) is usable
    if not usable:
        assert reason
        with pytest.raises(identifiers.PatternError):
            identifiers.compile_pattern(pattern)


def test_a_catastrophic_pattern_matches_in_linear_time():
    import time

    pattern = identifiers.compile_pattern(r"^(a+)+$")
    start = time.perf_counter()
    assert pattern.match("a" * 50_000 + "b") is None  # backtracking `re` would not return in our lifetime
    assert time.perf_counter() - start < 1.0
