"""Former-province namespaces of agency codes, for merged archives (pure, no I/O).

Merging three provinces' archives gives three `so-xd`. An agency may carry an optional
`namespace` ([a-z0-9-]+, e.g. `dak-nong`); its full code is then `<namespace>.<code>`
(`dak-nong.so-xd`). The `.` cannot occur in a code or a namespace, so a full code is unambiguous,
and it is the code everything else uses: a letter's `agency` and its folder
(`letters/<year>/dak-nong.so-xd/<id>.yml`), register rows, `parent`, `tracked_by`, successors,
and the site's page and URL (`agencies/dak-nong.so-xd/`). An agency without a namespace keeps its
plain code, so existing content is unchanged.

A plain code that exists only inside namespaces is reported with the full codes to choose from
(`agency-code-needs-namespace`), and a code used in several namespaces gets a registry warning
(`registry-code-in-namespaces`) listing them.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.model import Agency
from generator.problems import Problem, make

SEPARATOR = "."


def full_code(code: str, namespace: str = "") -> str:
    """The code other content uses for an agency: `<namespace>.<code>`, or the plain code."""
    return f"{namespace}{SEPARATOR}{code}" if namespace else code


def local_code(code: str) -> str:
    """The code without its namespace (`dak-nong.so-xd` -> `so-xd`)."""
    return code.rsplit(SEPARATOR, 1)[-1]


def candidates(code: str, agencies: Mapping[str, Agency]) -> list[str]:
    """Full codes a plain, unknown `code` may have meant (the same code in each namespace), sorted."""
    if not code or code in agencies or SEPARATOR in code:
        return []
    return sorted(key for key in agencies if SEPARATOR in key and local_code(key) == code)


def shared_codes(agencies: Mapping[str, Agency]) -> dict[str, list[str]]:
    """Plain code -> the full codes using it, for codes used by more than one agency (registry order)."""
    by_code: dict[str, list[str]] = {}
    for key in agencies:
        by_code.setdefault(local_code(key), []).append(key)
    return {code: keys for code, keys in by_code.items() if len(keys) > 1}


def unknown_agency(reference: str, agencies: Mapping[str, Agency], problem: str, file: str, line: int | None,
                   field: str | None, **params: object) -> Problem:
    """The problem for a reference to an unknown agency: `problem`, or, when the plain code exists only inside
    namespaces, `agency-code-needs-namespace` with the full codes to choose from."""
    found = candidates(reference, agencies)
    if not found:
        return make(problem, file, line, field, **params)
    return make("agency-code-needs-namespace", file, line, field, code=reference, candidates=", ".join(found),
                example=found[0])


def shared_code_problems(agencies: Mapping[str, Agency], lines: Mapping[str, Mapping[str, int]],
                         index: Mapping[str, int]) -> list[Problem]:
    """A warning per plain code used by agencies in several namespaces, at its second entry."""
    out = []
    for code, keys in shared_codes(agencies).items():
        second = keys[1]
        out.append(make("registry-code-in-namespaces", "agencies.yml", lines.get(second, {}).get("code"),
                        f"agencies.{index.get(second, 0)}.code", code=code, count=len(keys), codes=", ".join(keys),
                        example=keys[0]))
    return out
