"""The input key of a report page, computed without computing its report (`Compliance.report` is most of
the report stage's cost: ~2 ms a page, 2,000+ pages).

A report of a period and scope is made of, besides the site-wide values (today, portal, agencies, reasons:
`Skips.base`) and the register (every row, and which dossiers count for a successor: `ReportInputs.common`):
- the letters of every agency of the scope issued in the period, the previous period or the same period a
  year before (its totals compare with those): each letter by the digest of its facts;
- the overdue rows counting for those agencies due in those periods, each with the letters of its dossier
  (covered or missing depends on them);
- with a full register export (on-time figures), every row of those agencies received by the period's end,
  each with the letters of its dossier (a late dossier with or without a letter);
- the consistency warnings dated in the period.
Each is a superset of what the report reads (an agency whose data counts for the unit on some days only
contributes all of it), so a changed input always changes the key; each item is hashed once, a window's
digest once per scope and window (shared by the three reports that read it).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

from generator.figures.compliance import Compliance
from generator.figures.periods import Period
from generator.figures.stats import LetterFacts
from generator.site.reports.ontime_view import available


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class _Dated:
    """(day, agency, digest) items sorted by day: a window's items of a scope are one slice, filtered. Each
    item's part of a window's digest ("agency\0digest\n") is made once: ~9,500 windows slice ~300,000 items."""

    def __init__(self, items: list[tuple[date, str, str]]) -> None:
        items.sort()
        self.days = [day for day, _, _ in items]
        self.codes = [code for _, code, _ in items]
        self.parts = [f"{code}\0{digest}\n" for _, code, digest in items]

    def digest(self, start: date, end: date, scope: set[str] | None) -> str:
        first, last = bisect_left(self.days, start), bisect_right(self.days, end)
        if scope is None:
            return _sha("".join(self.parts[first:last]))
        codes = self.codes
        return _sha("".join([part for i, part in enumerate(self.parts[first:last], first) if codes[i] in scope]))


class ReportInputs:
    """Digests of what the reports of one Compliance read, by scope and window."""

    def __init__(self, comp: Compliance, facts_digest: Callable[[LetterFacts], str] | None = None) -> None:
        """`facts_digest`: the digest of a letter's facts (the letter included; Site.facts_digest, made once a
        process), which also stands for each letter of a dossier: a repr of every letter again cost ~3 s at
        100,000 letters."""
        self.comp = comp
        facts_digest = facts_digest or (lambda f: _sha(repr(f)))
        by_id = comp.facts

        def letter_digest(letter) -> str:
            facts = by_id.get(letter.id)
            return facts_digest(facts) if facts is not None and facts.letter is letter else _sha(repr(letter))

        letters = {code: _sha("\n".join([letter_digest(x) for x in items]))
                   for code, items in comp.letters_by_dossier.items()}
        self._dossier = lambda row: letters.get(row.dossier_code, "")
        self.common = _sha(repr((comp.content.register, sorted(comp.reassigned.items()), comp.has_register,
                                 available(comp))))
        facts, rows = [], []
        self._own: dict[str, tuple[str, str]] = {}  # agency -> digests of all its facts, all its overdue rows
        for code in comp.agencies:
            own_facts = [(f.letter.issued_on, code, facts_digest(f)) for f in comp.dated_facts(code)[1]]
            own_rows = [(row.due_on, code, _sha(repr((row, self._dossier(row))))) for row in comp.dated_rows(code)[1]]
            self._own[code] = (_sha("".join(d for _, _, d in own_facts)), _sha("".join(d for _, _, d in own_rows)))
            facts += own_facts
            rows += own_rows
        self._facts, self._rows = _Dated(facts), _Dated(rows)
        self._scopes: dict[str | None, set[str] | None] = {}
        self._windows: dict[tuple, str] = {}
        self._warned: dict[tuple[date, date], str] = {}
        self._received: dict[str, tuple[list[date], list[str]]] = {}

    def _scope(self, unit: str | None) -> set[str] | None:
        if unit not in self._scopes:
            self._scopes[unit] = None if unit is None else set(self.comp.scope(unit))
        return self._scopes[unit]

    def _received_by(self, code: str, end: date) -> str:
        """Chained digest of the agency's rows (all of them, by receipt) received on or before `end`."""
        if code not in self._received:
            rows = sorted(self.comp.register_by_agency.get(code, []), key=lambda r: (r.received_on, r.source, r.line))
            chain, digest = [""], ""
            for row in rows:
                digest = _sha(f"{digest}{row!r}{self._dossier(row)}")
                chain.append(digest)
            self._received[code] = ([r.received_on for r in rows], chain)
        days, chain = self._received[code]
        return chain[bisect_right(days, end)]

    def facts(self, code: str) -> str:
        """Digest of all of an agency's letter facts."""
        return self._own[code][0]

    def rows(self, code: str) -> str:
        """Digest of all the overdue rows counting for an agency, with their dossiers' letters."""
        return self._own[code][1]

    def received_by(self, code: str, end: date) -> str:
        """Digest of the agency's rows received on or before `end`, with their dossiers' letters (empty
        without a full register export: the on-time figures are not shown)."""
        return self._received_by(code, end) if available(self.comp) else ""

    def _window(self, unit: str | None, start: date, end: date) -> str:
        """Digest of what a report of `unit` reads of [start, end]: the letters and overdue rows of the
        scope's agencies (and, with on-time figures, their rows received by `end`)."""
        key = (unit, start, end)
        if key not in self._windows:
            scope = self._scope(unit)
            received = "".join(self._received_by(code, end) for code in self.comp.scope(unit)) \
                if available(self.comp) else ""
            self._windows[key] = _sha(self._facts.digest(start, end, scope) + self._rows.digest(start, end, scope)
                                      + received)
        return self._windows[key]

    def key(self, key: Callable[..., str], period: Period, unit: str | None, *more: object) -> str:
        """The input key of the report of `period` for `unit` (`key`: Skips.key; `more`: the page's other values)."""
        windows = [self._window(unit, w.start, w.end) for w in (period, period.previous(), period.year_before())]
        return key("report", self.common, period, unit, windows, self._warnings(period.start, period.end), *more)

    def _warnings(self, start: date, end: date) -> str:
        """Digest of the register warnings of [start, end] (the same for every unit's report of the period)."""
        span = (start, end)
        if span not in self._warned:
            self._warned[span] = _sha(repr(self.comp.warnings_between(start, end)))
        return self._warned[span]


def inputs_of(site) -> ReportInputs:
    """The ReportInputs of a Site (site/common.py), made once: the agency pages (render stage) and the report
    pages (reports stage) read the same digests; the build makes them before it forks its writers."""
    if site.report_inputs is None:
        site.report_inputs = ReportInputs(site.compliance, site.facts_digest)
    return site.report_inputs

