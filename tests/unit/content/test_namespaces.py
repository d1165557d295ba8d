"""generator/content/namespaces.py: full and local codes, candidates, shared codes and their problems."""

from __future__ import annotations

import pytest

from generator.content import namespaces as ns
from generator.content.model import Agency


def registry(*codes: str) -> dict[str, Agency]:
    return {code: Agency(code, code.upper(), "province") for code in codes}


MERGED = registry("tthcc", "dak-nong.so-xd", "lam-dong.so-xd", "so-tc", "dak-nong.so-tc")


@pytest.mark.parametrize(("code", "namespace", "full"), [
    ("so-xd", "", "so-xd"), ("so-xd", "dak-nong", "dak-nong.so-xd"), ("tthcc", "lam-dong", "lam-dong.tthcc")])
def test_full_and_local_code_are_inverse(code, namespace, full):
    assert ns.full_code(code, namespace) == full
    assert ns.local_code(full) == code


@pytest.mark.parametrize(("code", "expected"), [
    ("so-xd", ["dak-nong.so-xd", "lam-dong.so-xd"]),
    ("so-tc", []),  # a known plain code: nothing to choose
    ("tthcc", []),
    ("so-khong-co", []),
    ("dak-nong.so-xx", []),  # already a full code
    ("", []),
])
def test_candidates(code, expected):
    assert ns.candidates(code, MERGED) == expected


def test_shared_codes_keep_registry_order():
    assert ns.shared_codes(MERGED) == {"so-xd": ["dak-nong.so-xd", "lam-dong.so-xd"],
                                       "so-tc": ["so-tc", "dak-nong.so-tc"]}
    assert ns.shared_codes(registry("a", "b")) == {}


@pytest.mark.parametrize(("reference", "code"), [
    ("so-khong-co", "agency-unknown"), ("so-xd", "agency-code-needs-namespace")])
def test_unknown_agency(reference, code):
    p = ns.unknown_agency(reference, MERGED, "agency-unknown", "letters/x.yml", 3, "agency", agency=reference)
    assert (p.code, p.file, p.line, p.field) == (code, "letters/x.yml", 3, "agency")
    if code == "agency-code-needs-namespace":
        assert "dak-nong.so-xd, lam-dong.so-xd" in p.message


def test_shared_code_problems_are_at_the_second_entry():
    index = {code: i for i, code in enumerate(MERGED)}
    lines = {code: {"code": 10 * (i + 1)} for code, i in index.items()}
    problems = ns.shared_code_problems(MERGED, lines, index)
    assert [(p.code, p.line, p.field, p.severity) for p in problems] == [
        ("registry-code-in-namespaces", 30, "agencies.2.code", "warning"),
        ("registry-code-in-namespaces", 50, "agencies.4.code", "warning")]
    assert ns.shared_code_problems(registry("a"), {}, {}) == []
