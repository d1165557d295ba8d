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
contributes all of it), so a changed input always changes the key; slices are hashed once per agency and
window and shared by the scopes that show them.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

from generator.figures.compliance import Compliance
from generator.figures.periods import Period
from generator.site.reports.ontime_view import available


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class ReportInputs:
    """Digests of what the reports of one Compliance read, by agency and window."""

    def __init__(self, comp: Compliance) -> None:
        self.comp = comp
        letters = {code: _sha(repr(items)) for code, items in comp.letters_by_dossier.items()}
        self._dossier = lambda row: letters.get(row.dossier_code, "")
        self.common = _sha(repr((comp.content.register, sorted(comp.reassigned.items()), comp.has_register,
                                 available(comp))))
        self._fact_digests: dict[str, list[str]] = {}
        self._slices: dict[tuple, str] = {}
        self._received: dict[str, tuple[list[date], list[str]]] = {}

    def _facts(self, code: str, start: date, end: date) -> str:
        key = ("facts", code, start, end)
        if key not in self._slices:
            days, items = self.comp.dated_facts(code)
            if code not in self._fact_digests:
                self._fact_digests[code] = [_sha(repr(f)) for f in items]
            lo, hi = bisect_left(days, start), bisect_right(days, end)
            self._slices[key] = _sha("".join(self._fact_digests[code][lo:hi]))
        return self._slices[key]

    def _rows(self, code: str, start: date, end: date) -> str:
        key = ("rows", code, start, end)
        if key not in self._slices:
            days, rows = self.comp.dated_rows(code)
            picked = rows[bisect_left(days, start): bisect_right(days, end)]
            self._slices[key] = _sha(repr([(row, self._dossier(row)) for row in picked]))
        return self._slices[key]

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
        return self._facts(code, date.min, date.max)

    def rows(self, code: str) -> str:
        """Digest of all the overdue rows counting for an agency, with their dossiers' letters."""
        return self._rows(code, date.min, date.max)

    def received_by(self, code: str, end: date) -> str:
        """Digest of the agency's rows received on or before `end`, with their dossiers' letters (empty
        without a full register export: the on-time figures are not shown)."""
        return self._received_by(code, end) if available(self.comp) else ""

    def _window(self, unit: str | None, start: date, end: date) -> str:
        """Digest of what a report of `unit` reads of [start, end]: per agency of the scope, its letters, its
        overdue rows (and, with on-time figures, its rows received by `end`)."""
        key = ("window", unit, start, end)
        if key not in self._slices:
            ontime = available(self.comp)
            self._slices[key] = _sha("".join(
                f"{code}\0{self._facts(code, start, end)}{self._rows(code, start, end)}"
                f"{self._received_by(code, end) if ontime else ''}\n" for code in self.comp.scope(unit)))
        return self._slices[key]

    def key(self, key: Callable[..., str], period: Period, unit: str | None, *more: object) -> str:
        """The input key of the report of `period` for `unit` (`key`: Skips.key; `more`: the page's other values)."""
        windows = [self._window(unit, w.start, w.end) for w in (period, period.previous(), period.year_before())]
        return key("report", self.common, period, unit, windows, self.comp.warnings_between(period.start, period.end),
                   *more)
