"""Every Vietnamese string a citizen or editor reads lives in this package.

Problem messages are split by area (one module each, so areas evolve independently) and merged
here into `PROBLEM_TYPES`, the single catalog that code, reporter and editor guide all read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemType:
    """A stable problem code: its severity, English summary for developers, Vietnamese template."""

    code: str
    severity: str
    summary: str
    template: str
    fix: str = ""


def declare(severity: str, rows: list[tuple[str, str, str, str]]) -> dict[str, ProblemType]:
    """Build catalog entries from (code, English summary, Vietnamese template, Vietnamese fix)."""
    return {code: ProblemType(code, severity, summary, template, fix) for code, summary, template, fix in rows}


def _merge() -> dict[str, ProblemType]:
    from generator.strings import (
        problems_content,
        problems_fields,
        problems_ocr,
        problems_pdf,
        problems_process,
        problems_record,
        problems_reform,
        problems_register,
    )

    merged: dict[str, ProblemType] = {}
    for module in (problems_content, problems_fields, problems_pdf, problems_register, problems_record, problems_reform,
                   problems_process, problems_ocr):
        for code, kind in module.TYPES.items():
            if code in merged:
                raise ValueError(f"problem code declared twice: {code}")
            merged[code] = kind
    return merged


PROBLEM_TYPES: dict[str, ProblemType] = _merge()
