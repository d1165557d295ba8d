"""Problems are data: every finding of every check is a `Problem`, built from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from generator.strings import PROBLEM_TYPES, ProblemType

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding: what, where (file relative to the content root, line, dotted field), how bad."""

    severity: str
    code: str
    file: str
    line: int | None
    field: str | None
    message: str

    def sort_key(self) -> tuple:
        """Order by file, then line (file-level problems first), then code."""
        return (self.file, self.line or 0, self.code, self.field or "", self.message)

    def as_dict(self) -> dict:
        """Plain dict in the JSON report's field order."""
        return asdict(self)


class UnknownProblemCode(KeyError):
    """Raised when code asks for a problem code the catalog does not declare."""


def problem_type(code: str) -> ProblemType:
    """The catalog entry for `code`."""
    try:
        return PROBLEM_TYPES[code]
    except KeyError:
        raise UnknownProblemCode(code) from None


def make(
    code: str,
    file: str,
    line: int | None = None,
    field: str | None = None,
    severity: str | None = None,
    /,
    **params: object,
) -> Problem:
    """Build a problem of catalog type `code`, its Vietnamese message filled from `params`."""
    kind = problem_type(code)
    values = {"field": field or "", "name": file.rsplit("/", 1)[-1], **params}
    message = kind.template.format_map(values)
    return Problem(severity or kind.severity, code, file, line, field, message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems sorted by file, then line, deduplicated."""
    return sorted(set(problems), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    """True when any problem is an error (warnings alone pass)."""
    return any(p.severity == ERROR for p in problems)
