"""The letter's identifier fields (number, dossier code, procedure code) against their own patterns.

An identifier that has its shape is taken out of free text before the privacy scan (so that a dossier
code's 12 digits are not read as a citizen ID). One that does not is just text: it is not taken out
of anything, and it is itself scanned for personal data like any other field.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=64)
def compiled(pattern: str, default: str) -> re.Pattern[str]:
    """`pattern` compiled; the default when it is not a valid expression (reported as portal-bad-pattern)."""
    try:
        return re.compile(pattern)
    except re.error:
        return re.compile(default)


def values(letter: Letter) -> dict[str, str | None]:
    """The identifier fields of a letter by dotted name."""
    return {"number": letter.number, "dossier.code": letter.dossier.code,
            "dossier.procedure_code": letter.dossier.procedure_code}


def pattern_of(policy: Policy | None, setting: str, default: str) -> re.Pattern[str]:
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
