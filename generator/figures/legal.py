"""The national rules in force on a date (generator/data/legal-vn.yml) and the site's legal text.

A letter is judged and cited under the decree and the form in force on its date of issue: Decree
61/2018 and Circular 01/2018's form until 30/6/2025, Decree 118/2025 from 1/7/2025 and Circular
03/2025's form from 15/9/2025. The province's own notices and names come from portal.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from generator.content.model import Locality
from generator.strings import site as S

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "legal-vn.yml"


@dataclass(frozen=True)
class Rule:
    """A legal text with its validity window (from/until inclusive; None: open)."""

    code: str
    title: str
    start: date | None
    end: date | None
    duty: str = ""

    def in_force(self, day: date) -> bool:
        """True when the text applied on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Rules:
    """Decrees and forms by date."""

    decrees: tuple[Rule, ...]
    forms: tuple[Rule, ...]

    def decree_on(self, day: date) -> Rule | None:
        """The decree in force on `day`."""
        return next((r for r in self.decrees if r.in_force(day)), None)

    def form_on(self, day: date) -> Rule | None:
        """The form in force on `day` (None between 1/7/2025 and 14/9/2025: no form was prescribed)."""
        return next((r for r in self.forms if r.in_force(day)), None)

    def decrees_between(self, first: date, last: date) -> list[Rule]:
        """Decrees in force at some day of [first, last], oldest first."""
        return [r for r in self.decrees if (r.start is None or r.start <= last) and (r.end is None or first <= r.end)]


def _rules(items: list[dict]) -> tuple[Rule, ...]:
    return tuple(Rule(str(i["code"]), str(i["title"]), i.get("from"), i.get("until"), str(i.get("duty", "")))
                 for i in items)


@cache
def rules() -> Rules:
    """The rules shipped with the generator (read once)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return Rules(_rules(data["decrees"]), _rules(data["forms"]))


def letter_basis(day: date) -> str:
    """The legal basis line of a letter issued on `day`."""
    r = rules()
    decree, form = r.decree_on(day), r.form_on(day)
    text = decree.title if decree else ""
    if form:
        text = S.LEGAL_WITH_FORM.format(decree=text, form=form.title)
    return text


def duty_paragraphs(locality: Locality, first: date | None, last: date | None) -> list[str]:
    """The home page's 'why these letters' paragraphs: the regimes of the archive's dates, then the locality's."""
    r = rules()
    decrees = r.decrees_between(first, last) if first and last else list(r.decrees[-1:])
    out = []
    for decree in decrees:
        when = S.LEGAL_UNTIL.format(day=decree.end.strftime("%d/%m/%Y")) if decree.end else (
            S.LEGAL_FROM.format(day=decree.start.strftime("%d/%m/%Y")) if decree.start else "")
        forms = [f.title for f in r.forms if (decree.start is None or f.end is None or decree.start <= f.end)
                 and (decree.end is None or f.start is None or f.start <= decree.end)]
        out.append(S.LEGAL_DUTY.format(when=when, decree=decree.title, duty=decree.duty,
                                       forms=S.LEGAL_FORMS.format(forms="; ".join(forms)) if forms else ""))
    out += list(locality.notices)
    if locality.tracking_units:
        out.append(S.LEGAL_TRACKING.format(units=locality.tracking_units, area=locality.area))
    return out
