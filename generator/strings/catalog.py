"""The shape of the problem catalog: `ProblemType` and `declare`, which every `problems_*` module uses.

Kept apart from the package's `__init__`, which merges those modules into `PROBLEM_TYPES`: the area
modules import this module, never their own package, so there is no import loop.
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
