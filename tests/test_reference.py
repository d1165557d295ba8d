"""The editors' reference is generated from the code, covers every code, and is up to date."""

from __future__ import annotations

from pathlib import Path

from generator.content.reference import reference_markdown
from generator.strings import PROBLEM_TYPES

ROOT = Path(__file__).resolve().parents[1]


def test_every_problem_code_is_documented():
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    missing = [code for code in PROBLEM_TYPES if f"`{code}`" not in text]
    assert missing == []


def test_reference_is_up_to_date():
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert text == reference_markdown(), "run: .venv/bin/python scripts/make_reference.py"


def test_codes_are_stable_kebab_case_with_area_prefixes():
    import re

    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in PROBLEM_TYPES)
    assert all(kind.severity in ("error", "warning") for kind in PROBLEM_TYPES.values())
    assert all(kind.template and kind.summary for kind in PROBLEM_TYPES.values())
