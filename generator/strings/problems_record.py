"""Problem codes of this area (see generator/strings/__init__.py)."""

from __future__ import annotations

from generator.strings import ProblemType

TYPES: dict[str, ProblemType] = {}
