"""Consistency of the letters with the one-stop software's register (warnings on the reports).

Three kinds, each a warning `Problem` declared in generator/strings/problems_register.py:
- `register-letter-not-in-register`: a letter whose dossier code has no register row
  (dated by the letter's `issued_on`, attributed to the letter's agency);
- `register-dates-disagree`: a register row whose received_on / due_on / returned_on differ from
  its letter's (dated by the row's `due_on`, attributed to the row's agency);
- `register-returned-but-promised`: the register says returned, the letter has no `returned_on`
  and still promises `new_due_on` (dated and attributed like the row).
Only computed when the content has a register at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.content.model import Content, Letter
from generator.problems import Problem, make
from generator.strings import reports as S


@dataclass(frozen=True)
class Inconsistency:
    """A consistency warning, with the agency and date that place it in a report."""

    problem: Problem
    agency: str
    day: date
    dossier_code: str

    @property
    def code(self) -> str:
        return self.problem.code


def _fmt(day: date | None) -> str:
    return day.isoformat() if day else S.NOT_APPLICABLE


def find(content: Content, letters_by_dossier: Mapping[str, list[Letter]]) -> list[Inconsistency]:
    """Every consistency warning between the letters and the register, sorted by date then dossier."""
    out: list[Inconsistency] = []
    in_register = {row.dossier_code for row in content.register}
    for letter in content.letters:
        if letter.withdrawn is None and letter.dossier.code not in in_register:
            problem = make("register-letter-not-in-register", letter.source, letter.line_of("dossier.code"),
                           "dossier.code", value=letter.dossier.code)
            out.append(Inconsistency(problem, letter.agency, letter.issued_on, letter.dossier.code))
    for row in content.register:
        for letter in letters_by_dossier.get(row.dossier_code, []):
            dossier = letter.dossier
            pairs = [("received_on", row.received_on, dossier.received_on), ("due_on", row.due_on, dossier.due_on)]
            if row.returned_on and dossier.returned_on:
                pairs.append(("returned_on", row.returned_on, dossier.returned_on))
            diffs = [S.DISAGREE_PART.format(field=S.DATE_FIELDS[name], register=_fmt(a), letter=_fmt(b))
                     for name, a, b in pairs if a != b]
            if diffs:
                detail = S.DISAGREE_DETAIL.format(letter=letter.number, parts="; ".join(diffs))
                problem = make("register-dates-disagree", row.source, row.line, None, value=row.dossier_code,
                               detail=detail)
                out.append(Inconsistency(problem, row.agency, row.due_on, row.dossier_code))
            if row.returned_on and dossier.returned_on is None:
                problem = make("register-returned-but-promised", letter.source, letter.line_of("dossier.new_due_on"),
                               "dossier.new_due_on", value=row.dossier_code, returned_on=row.returned_on.isoformat(),
                               new_due_on=dossier.new_due_on.isoformat())
                out.append(Inconsistency(problem, row.agency, row.due_on, row.dossier_code))
    return sorted(out, key=lambda w: (w.day, w.dossier_code, w.code))
