"""Problems are data: every finding of every check is a `Problem`, built from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import groupby

from generator.fieldchars import visible
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
    """Build a problem of catalog type `code`, its Vietnamese message filled from `params` (invisible and
    control characters in them written visibly, e.g. ⟨U+200B⟩: a message never hides what it reports)."""
    kind = problem_type(code)
    values = {"field": visible(field or ""), "name": visible(file.rsplit("/", 1)[-1]),
              **{key: visible(value) if isinstance(value, str) else value for key, value in params.items()}}
    message = kind.template.format_map(values)
    return Problem(severity or kind.severity, code, file, line, field, message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems sorted by file, then line, deduplicated."""
    return sorted(set(problems), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    """True when any problem is an error (warnings alone pass)."""
    return any(p.severity == ERROR for p in problems)


MAX_PER_FILE = 50


def cap_per_file(problems: list[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """Problems sorted by file with at most `limit` per file; the rest of a file becomes one problems-capped
    problem after its last one (an error when any left out is an error), giving the count left out."""
    kept: list[Problem] = []
    for _, group in groupby(problems, key=lambda p: p.file):
        items = list(group)
        kept += items[:limit]
        rest = items[limit:]
        if rest:
            kept.append(make("problems-capped", rest[0].file, None, None, ERROR if has_errors(rest) else WARNING,
                             count=len(rest), limit=limit))
    return kept
