"""Every Vietnamese string a citizen or editor reads lives in this package.

Problem messages are split by area (one module each, so areas evolve independently) and merged
here into `PROBLEM_TYPES`, the single catalog that code, reporter and editor guide all read.
"""

from __future__ import annotations

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
from generator.strings.catalog import ProblemType

__all__ = ["PROBLEM_TYPES", "ProblemType"]


def _merge() -> dict[str, ProblemType]:
    merged: dict[str, ProblemType] = {}
    for module in (problems_content, problems_fields, problems_pdf, problems_register, problems_record, problems_reform,
                   problems_process, problems_ocr):
        for code, kind in module.TYPES.items():
            if code in merged:
                raise ValueError(f"problem code declared twice: {code}")
            merged[code] = kind
    return merged


PROBLEM_TYPES: dict[str, ProblemType] = _merge()
