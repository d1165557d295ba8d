"""Which units an agency's letters and register rows count for, on a given date (pure, no I/O).

An agency counts in its own report, in its parent's, in its tracking unit's, and transitively in theirs.
Parent and tracking unit are dated (`parent_periods`, `tracked_by_periods` win over `parent` and
`tracked_by` on the dates they cover; a tracking unit is inherited along parents), so the answer depends
on the day: a letter counts where its agency stood on `issued_on`, a register row on `due_on`.

Every dated value is constant between breakpoints (each period's `from` and the day after its `until`),
so the answer is computed once per agency and stretch between breakpoints.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, timedelta

from generator.content.model import Agency


class DatedTree:
    """The agency tree of one registry, with dated parents and tracking units."""

    def __init__(self, agencies: Mapping[str, Agency]) -> None:
        self.agencies = agencies
        days = {date.min}
        for agency in agencies.values():
            for period in (*agency.parent_periods, *agency.tracked_by_periods):
                if period.get("from"):
                    days.add(period["from"])
                if period.get("until") and period["until"] < date.max:
                    days.add(period["until"] + timedelta(days=1))
        self.breaks = sorted(days)  # starts of the stretches where every dated value is constant
        self._over: dict[tuple[str, int], frozenset[str]] = {}

    def stretches(self, start: date, end: date) -> range:
        """Indexes of the stretches overlapping [start, end]."""
        return range(self._stretch(start), self._stretch(max(start, end)) + 1)

    def _stretch(self, day: date) -> int:
        return bisect_right(self.breaks, day) - 1

    def tracker(self, code: str, day: date | None) -> str | None:
        """The unit tracking an agency on `day` (`tracker_on`)."""
        return tracker_on(self.agencies, code, day)

    def over(self, code: str, day: date) -> frozenset[str]:
        """`code` and every unit whose report its data of `day` counts in (parents and trackers, transitively)."""
        stretch = self._stretch(day)
        key = (code, stretch)
        if key not in self._over:
            self._over[key] = self._closure(code, self.breaks[stretch])
        return self._over[key]

    def _closure(self, code: str, day: date) -> frozenset[str]:
        found = {code}
        todo = [code]
        while todo:
            agency = self.agencies.get(todo.pop())
            if agency is None:
                continue
            for up in (agency.parent_on(day), self.tracker(agency.code, day)):
                if up and up not in found:
                    found.add(up)
                    todo.append(up)
        return frozenset(found)

    def over_between(self, code: str, start: date, end: date) -> list[frozenset[str]]:
        """`over` for each stretch overlapping [start, end]."""
        return [self.over(code, max(start, self.breaks[i])) for i in self.stretches(start, end)]

    def counts_for(self, unit: str | None, code: str, day: date) -> bool:
        """True when data of `code` dated `day` counts in `unit`'s report (None: the whole portal)."""
        return unit is None or unit in self.over(code, day)

    def counts_throughout(self, unit: str | None, code: str, start: date, end: date) -> bool:
        """True when every date in [start, end] of `code` counts for `unit` (no need to look at each item)."""
        return unit is None or all(unit in units for units in self.over_between(code, start, end))

    def ever_counts(self, unit: str, code: str, start: date = date.min, end: date = date.max) -> bool:
        """True when some date in [start, end] of `code` counts for `unit`."""
        return any(unit in units for units in self.over_between(code, start, end))

    def units(self) -> set[str]:
        """Every agency that is, on some date, the parent or tracking unit of another agency."""
        return {up for code in self.agencies for i in range(len(self.breaks))
                for up in self.over(code, self.breaks[i]) if up != code}


def tracker_on(agencies: Mapping[str, Agency], code: str, day: date | None = None) -> str | None:
    """The unit tracking an agency on `day` (None: the undated fields): its own, else inherited along parents."""
    seen: set[str] = set()
    agency = agencies.get(code)
    while agency is not None and agency.code not in seen:
        seen.add(agency.code)
        own = agency.tracked_by_on(day) if day else agency.tracked_by
        if own:
            return own
        parent = agency.parent_on(day) if day else agency.parent
        agency = agencies.get(parent) if parent else None
    return None
