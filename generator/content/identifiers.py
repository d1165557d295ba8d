"""The letter's identifier fields (number, dossier code, procedure code) against their own patterns.

An identifier that has its shape is taken out of free text before the privacy scan (so that a dossier
code's 12 digits are not read as a citizen ID). One that does not is just text: it is not taken out
of anything, and it is itself scanned for personal data like any other field.

The portal's patterns are compiled with RE2 (PyPI `google-re2`), whose matching time is linear in the
text: a pattern written carelessly or with intent (`^(a+)+$`) cannot hang a check over a long field or a
PDF's text, as Python's backtracking `re` would. RE2 has no back-references or look-around; a pattern
that uses them is `portal-bad-pattern` (the default pattern stands in).
"""

from __future__ import annotations

from functools import lru_cache

import re2

from generator.content.model import (
    DEFAULT_DOSSIER_CODE_PATTERN,
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_PROCEDURE_CODE_PATTERN,
    Letter,
    Policy,
)

# (dotted field, policy setting, default pattern, code of a mismatch)
IDENTIFIER_FIELDS = (
    ("number", "number_pattern", DEFAULT_NUMBER_PATTERN, "number-pattern"),
    ("dossier.code", "dossier_code_pattern", DEFAULT_DOSSIER_CODE_PATTERN, "dossier-code-pattern"),
    ("dossier.procedure_code", "procedure_code_pattern", DEFAULT_PROCEDURE_CODE_PATTERN, "procedure-code-pattern"),
)


_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would write its parse errors to stderr; the problem reports them
_OPTIONS.max_mem = 8 << 20  # a pattern whose program needs more is refused (bounded memory too)


def compile_pattern(pattern: str):
    """`pattern` compiled by RE2 (linear-time matching); raises `PatternError` with RE2's reason."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else ""
        raise PatternError(reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)) from None


class PatternError(ValueError):
    """A portal pattern RE2 cannot compile (bad syntax, back-references, look-around, too large)."""


def pattern_error(pattern: str) -> str | None:
    """Why `pattern` cannot be used (RE2's words), or None when it compiles."""
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        return str(exc) or "?"
    return None


@lru_cache(maxsize=64)
def compiled(pattern: str, default: str):
    """`pattern` compiled; the default when it is not a valid expression (reported as portal-bad-pattern)."""
    try:
        return compile_pattern(pattern)
    except PatternError:
        return compile_pattern(default)


def values(letter: Letter) -> dict[str, str | None]:
    """The identifier fields of a letter by dotted name."""
    return {"number": letter.number, "dossier.code": letter.dossier.code,
            "dossier.procedure_code": letter.dossier.procedure_code}


def pattern_of(policy: Policy | None, setting: str, default: str):
    """The portal's pattern for one identifier field (the default without a policy)."""
    return compiled(getattr(policy, setting, default) if policy is not None else default, default)


def shaped(letter: Letter, policy: Policy | None = None) -> list[str]:
    """The identifier values that match their pattern (taken out of text before scanning it)."""
    found = values(letter)
    return [found[name] for name, setting, default, _ in IDENTIFIER_FIELDS
            if found[name] and pattern_of(policy, setting, default).match(found[name])]


def misshaped(letter: Letter, policy: Policy | None = None) -> list[tuple[str, str, str]]:
    """(dotted field, value, problem code) of each identifier that does not match its pattern."""
    found = values(letter)
    return [(name, found[name], code) for name, setting, default, code in IDENTIFIER_FIELDS
            if found[name] and not pattern_of(policy, setting, default).match(found[name])]
