"""Compliance figures per agency and period, rolled up for tracking units (pure, no I/O).

Built on `generator.figures.stats`: letter figures (count, in time, days late, publication lag, reasons)
come from `summarize` over the letters issued in the period; the register adds overdue dossiers
(register rows whose `due_on` lies in the period), coverage and the missing-letter list.

Definitions (also printed on every report page):
- overdue = register rows of the agency with `due_on` in the period;
- covered = those whose dossier code has a (not withdrawn) letter issued on or before the as-of date;
- coverage = covered / overdue (None when nothing was overdue or there is no register at all);
- missing = overdue rows without a letter whose working days in (due_on, as_of] exceed
  `policy.missing_letter_grace_working_days` (returned or not: the apology was owed anyway);
  the law sets no grace (the apology is due before the deadline), so the default is 0;
  pending = the others without a letter (within a portal's grace: "chưa nhận được bản sao", the
  tracking unit has not received the copy yet).
A tracking unit's scope is itself plus every agency whose parent or (inherited) tracking unit is in
the scope, transitively; each agency is counted once. Parents and tracking units are dated
(`generator.figures.scopes`): a letter counts for the units its agency stood under on `issued_on`, a register
row for those of the agency it counts for on `due_on` (an agency tracked by a district until 30/6/2025
and by a commune centre after counts in the district's reports for its data up to that day and in the
centre's after). Historical agencies keep their own row.
A register row due after its agency ended counts for a successor: the one that issued the dossier's
letter when it is a successor, else the first listed (`successor`, then `successors`); the report
lists those rows (`Report.reassigned`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from generator.content.model import Agency, Content, Letter, Locality, RegisterRow
from generator.figures import consistency
from generator.figures.ontime import OnTime
from generator.figures.periods import Period
from generator.figures.scopes import DatedTree
from generator.figures.scopes import tracker_on as tracker_of  # also the letter pages' import
from generator.figures.stats import LetterFacts, all_facts, calendar_for, summarize
from generator.figures.workdays import WorkCalendar

FIGURES = ("overdue", "covered", "coverage", "missing", "pending", "letters", "in_time", "median_days_late",
           "max_days_late", "median_publication_days")
"""Every figure of a row, in table order (the JSON, CSV and page columns use these keys)."""
MEANS = ("mean_days_late", "mean_publication_days")  # bình quân: shown on pages instead of the medians


@dataclass(frozen=True)
class Row:
    """Figures of one agency (or the totals) for one period."""

    agency: str  # "" for the totals
    agency_name: str
    historical: bool
    valid_to: date | None
    successor: str | None
    successor_name: str | None
    overdue: int | None  # None: no register
    covered: int | None
    coverage: float | None
    missing: int | None
    pending: int | None
    letters: int
    in_time: int
    median_days_late: float | None
    max_days_late: int | None
    median_publication_days: float | None
    reasons: dict[str, int]
    mean_days_late: float | None = None  # bình quân: what an officer reports (the median stays in the data)
    mean_publication_days: float | None = None

    def as_dict(self) -> dict:
        """The row as a JSON-ready dict (dates as ISO text)."""
        return {
            "agency": self.agency, "agency_name": self.agency_name, "historical": self.historical,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "successor": self.successor, "successor_name": self.successor_name,
            **{name: getattr(self, name) for name in (*FIGURES, *MEANS)}, "reasons": dict(self.reasons),
        }


@dataclass(frozen=True)
class MissingDossier:
    """An overdue dossier still without a letter after the grace period."""

    row: RegisterRow
    working_days_overdue: int  # working days in (due_on, returned_on or as_of]


@dataclass
class Report:
    """One period × scope: a row per agency, totals, the previous period's totals, lists and warnings."""

    period: Period
    unit: Agency | None  # None: the whole portal
    as_of: date
    has_register: bool
    grace: int
    lead: int
    rows: list[Row]
    totals: Row
    previous_totals: Row
    missing: list[MissingDossier]
    year_before_totals: Row | None = None  # the same period one year earlier
    warnings: list[consistency.Inconsistency] = field(default_factory=list)
    reassigned: list[tuple[RegisterRow, str]] = field(default_factory=list)  # (row, successor counted for)
    agency_names: dict[str, str] = field(default_factory=dict)  # names of the agencies in `reassigned`
    whole_label: str = Locality().scope_label  # the whole portal's scope: portal.yml `locality` ("Toàn thành phố")
    reason_labels: dict[str, str] = field(default_factory=dict)

    @property
    def partial(self) -> bool:
        """True when the period has not ended on the as-of date."""
        return self.as_of < self.period.end


class Compliance:
    """Indexes of one content root as of a date; computes reports for any period and scope."""

    def __init__(self, content: Content, as_of: date, cal: WorkCalendar | None = None,
                 facts: dict[str, LetterFacts] | None = None) -> None:
        self.content = content
        self.as_of = as_of
        self.cal = cal or calendar_for(content)
        self.facts = facts if facts is not None else all_facts(content, self.cal)
        policy = content.portal.policy
        self.grace = policy.missing_letter_grace_working_days
        self.lead = policy.apology_lead_working_days
        self.has_register = bool(content.register)
        self.agencies = content.agencies
        self.tree = DatedTree(content.agencies)
        self._facts_by_agency: dict[str, list[LetterFacts]] = {}
        for item in sorted(self.facts.values(), key=lambda f: (f.letter.issued_on, f.letter.id)):
            self._facts_by_agency.setdefault(item.letter.agency, []).append(item)
        self._fact_days = {a: [f.letter.issued_on for f in items] for a, items in self._facts_by_agency.items()}
        self.letters_by_dossier: dict[str, list[Letter]] = {}
        for letter in content.letters:
            if letter.withdrawn is None and letter.issued_on <= as_of:
                self.letters_by_dossier.setdefault(letter.dossier.code, []).append(letter)
        self._rows_by_agency: dict[str, list[RegisterRow]] = {}
        self.reassigned: dict[str, str] = {}  # dossier code -> successor it counts for
        overdue_rows = [r for r in content.register if r.late_on(as_of)] \
            if content.portal.reports.register_export == "all" else content.register  # (an export of every dossier)
        for row in sorted(overdue_rows, key=lambda r: (r.due_on, r.dossier_code)):
            owner = self.row_owner(row)
            if owner != row.agency:
                self.reassigned[row.dossier_code] = owner
            self._rows_by_agency.setdefault(owner, []).append(row)
        self._row_days = {a: [r.due_on for r in rows] for a, rows in self._rows_by_agency.items()}
        self.warnings = consistency.find(content, self.letters_by_dossier) if self.has_register else []
        self._warning_order = sorted(range(len(self.warnings)), key=lambda i: self.warnings[i].day)
        self._warning_days = [self.warnings[i].day for i in self._warning_order]  # bisect per period
        # memos: an agency's row appears on the portal's and on each enclosing unit's page of a period, and a
        # scope's totals on its own page and (as "previous") on the next period's
        self._scopes: dict[str | None, list[str]] = {}
        self._agency_rows: dict[tuple[str, Period, str | None], Row] = {}
        self._totals: dict[tuple[str | None, Period], Row] = {}
        # the on-time figures of an agency for a period in a unit's report (site/reports/ontime_view.py)
        self.ontime_memo: dict[tuple[str, Period, str | None], OnTime] = {}

    @cached_property
    def register_by_agency(self) -> dict[str, list[RegisterRow]]:
        """Every register row (overdue or not) under its own agency, in the register's order: the on-time
        figures count each dossier where it was received."""
        index: dict[str, list[RegisterRow]] = {}
        for row in self.content.register:
            index.setdefault(row.agency, []).append(row)
        return index

    def row_owner(self, row: RegisterRow) -> str:
        """The agency a register row counts for: a successor when the row is due after its agency ended."""
        agency = self.agencies.get(row.agency)
        if agency is None or agency.valid_to is None or row.due_on <= agency.valid_to:
            return row.agency
        successors = [c for c in agency.all_successors() if c in self.agencies]
        if not successors:
            return row.agency
        letters = self.letters_by_dossier.get(row.dossier_code, [])
        return next((x.agency for x in letters if x.agency in successors), successors[0])

    # --- scopes -----------------------------------------------------------------------------------

    def tracker_of(self, code: str, day: date | None = None) -> str | None:
        """The unit tracking an agency on `day` (None: the undated fields): own, else inherited along parents."""
        return tracker_of(self.agencies, code, day)

    def tracking_units(self) -> list[str]:
        """Agencies that track or are the parent of another agency on some date (registry order)."""
        units = self.tree.units()
        return [code for code in self.agencies if code in units]

    def scope(self, unit: str | None) -> list[str]:
        """Agency codes a unit sees on some date (itself, what it tracks, their subtrees), registry order; all
        when None. Which of their letters and rows count is dated: `counts_for`."""
        if unit not in self._scopes:
            self._scopes[unit] = list(self.agencies) if unit is None else [
                code for code in self.agencies if self.tree.ever_counts(unit, code)]
        return list(self._scopes[unit])

    def counts_for(self, unit: str | None, code: str, day: date) -> bool:
        """True when data of agency `code` dated `day` counts in `unit`'s report (None: the whole portal)."""
        return self.tree.counts_for(unit, code, day)

    def _whole(self, unit: str | None, code: str, period: Period) -> bool:
        return self.tree.counts_throughout(unit, code, period.start, period.end)

    # --- figures ----------------------------------------------------------------------------------

    def _facts(self, code: str, period: Period, unit: str | None = None) -> list[LetterFacts]:
        days = self._fact_days.get(code, [])
        items = self._facts_by_agency.get(code, [])[bisect_left(days, period.start): bisect_right(days, period.end)]
        if self._whole(unit, code, period):
            return items
        return [f for f in items if self.counts_for(unit, code, f.letter.issued_on)]

    def _rows(self, code: str, period: Period, unit: str | None = None) -> list[RegisterRow]:
        days = self._row_days.get(code, [])
        rows = self._rows_by_agency.get(code, [])[bisect_left(days, period.start): bisect_right(days, period.end)]
        if self._whole(unit, code, period):
            return rows
        return [r for r in rows if self.counts_for(unit, code, r.due_on)]

    def has_letter(self, row: RegisterRow) -> bool:
        """True when a (not withdrawn) letter for the row's dossier exists as of the as-of date."""
        return row.dossier_code in self.letters_by_dossier

    def past_grace(self, row: RegisterRow) -> bool:
        """True when more than the grace period of working days has passed since due_on (as of the as-of date)."""
        return self.cal.count(row.due_on, self.as_of) > self.grace

    def overdue_working_days(self, row: RegisterRow) -> int:
        """Working days in (due_on, returned_on or as_of]."""
        end = min(row.returned_on, self.as_of) if row.returned_on else self.as_of
        return self.cal.count(row.due_on, end)

    def _row(self, code: str | None, facts: list[LetterFacts], rows: list[RegisterRow]) -> Row:
        figures = summarize(facts)
        reasons = {reason: 0 for reason in self.content.reasons}
        reasons.update(dict(figures.reasons))
        overdue = covered = missing = pending = None
        coverage = None
        if self.has_register:
            overdue = len(rows)
            without = [r for r in rows if not self.has_letter(r)]
            covered = overdue - len(without)
            missing = sum(self.past_grace(r) for r in without)
            pending = len(without) - missing
            coverage = covered / overdue if overdue else None
        agency = self.agencies.get(code) if code else None
        historical = bool(agency and agency.valid_to and agency.valid_to < self.as_of)
        successor = self.agencies.get(agency.successor) if agency and agency.successor else None
        return Row(
            agency=code or "",
            agency_name=agency.name if agency else (code or ""),
            historical=historical,
            valid_to=agency.valid_to if agency else None,
            successor=successor.code if successor else None,
            successor_name=successor.name if successor else None,
            overdue=overdue, covered=covered, coverage=coverage, missing=missing, pending=pending,
            letters=figures.count, in_time=figures.in_time,
            median_days_late=figures.median_days_late, max_days_late=figures.max_days_late,
            median_publication_days=figures.median_publication_lag, reasons=reasons,
            mean_days_late=figures.mean_days_late, mean_publication_days=figures.mean_publication_lag,
        )

    def agency_row(self, code: str, period: Period, unit: str | None = None) -> Row:
        """Figures of one agency for one period (in `unit`'s report: only its data dated while under the unit)."""
        key = (code, period, None if self._whole(unit, code, period) else unit)
        row = self._agency_rows.get(key)
        if row is None:
            row = self._agency_rows[key] = self._row(code, self._facts(code, period, unit),
                                                     self._rows(code, period, unit))
        return row

    def totals(self, codes: list[str], period: Period, unit: str | None = None) -> Row:
        """Figures of a set of agencies taken together (medians over all their letters counting for `unit`)."""
        facts = [f for code in codes for f in self._facts(code, period, unit)]
        rows = [r for code in codes for r in self._rows(code, period, unit)]
        return self._row(None, facts, rows)

    def _unit_totals(self, unit: str | None, codes: list[str], period: Period) -> Row:
        key = (unit, period)
        row = self._totals.get(key)
        if row is None:
            row = self._totals[key] = self.totals(codes, period, unit)
        return row

    def _shown(self, code: str, period: Period, unit: str | None) -> bool:
        agency = self.agencies[code]
        start = max(period.start, agency.valid_from or period.start)
        end = min(period.end, agency.valid_to or period.end)
        existed = start <= end and (unit is None or self.tree.ever_counts(unit, code, start, end))
        return existed or bool(self._facts(code, period, unit) or self._rows(code, period, unit))

    def missing(self, codes: list[str], period: Period, unit: str | None = None) -> list[MissingDossier]:
        """Overdue dossiers of the period still without a letter after the grace period (counting for `unit`)."""
        out = []
        for code in codes:
            for row in self._rows(code, period, unit):
                if not self.has_letter(row) and self.past_grace(row):
                    out.append(MissingDossier(row, self.overdue_working_days(row)))
        return sorted(out, key=lambda m: (m.row.due_on, m.row.agency, m.row.dossier_code))

    def report(self, period: Period, unit: str | None = None) -> Report:
        """The report of `period` for a tracking unit (None: the whole portal)."""
        codes = self.scope(unit)
        inside = set(codes)
        days, order = self._warning_days, self._warning_order
        picked = sorted(i for i in order[bisect_left(days, period.start): bisect_right(days, period.end)]
                        if self.warnings[i].agency in inside
                        and self.counts_for(unit, self.warnings[i].agency, self.warnings[i].day))  # (original order)
        warnings = [self.warnings[i] for i in picked]
        moved = [(row, self.reassigned[row.dossier_code]) for code in codes for row in self._rows(code, period, unit)
                 if row.dossier_code in self.reassigned]
        return Report(
            period=period,
            unit=self.agencies.get(unit) if unit else None,
            as_of=self.as_of,
            has_register=self.has_register,
            grace=self.grace,
            lead=self.lead,
            rows=[self.agency_row(code, period, unit) for code in codes if self._shown(code, period, unit)],
            totals=self._unit_totals(unit, codes, period),
            previous_totals=self._unit_totals(unit, codes, period.previous()),
            year_before_totals=self._unit_totals(unit, codes, period.year_before()) if period.kind != "all" else None,
            missing=self.missing(codes, period, unit),
            warnings=warnings,
            reassigned=moved,
            agency_names={c: self.agencies[c].name for row, new in moved for c in (row.agency, new)},
            whole_label=self.content.portal.locality.scope_label,
            reason_labels={code: reason.label for code, reason in self.content.reasons.items()},
        )

    def dated_facts(self, code: str) -> tuple[list[date], list[LetterFacts]]:
        """An agency's letter facts by issue date (issued_on, id) and their issue dates: what `report` slices."""
        return self._fact_days.get(code, []), self._facts_by_agency.get(code, [])

    def dated_rows(self, code: str) -> tuple[list[date], list[RegisterRow]]:
        """The overdue register rows counting for an agency (after reassignment) by due date, and those dates."""
        return self._row_days.get(code, []), self._rows_by_agency.get(code, [])

    def warnings_between(self, start: date, end: date) -> list[consistency.Inconsistency]:
        """The consistency warnings dated in [start, end] (any agency), in their original order."""
        order = self._warning_order[bisect_left(self._warning_days, start): bisect_right(self._warning_days, end)]
        return [self.warnings[i] for i in sorted(order)]

    def data_days(self, unit: str | None = None) -> list[date]:
        """Every date that puts data in a period for a scope: letters' issued_on and rows' due_on (counting for it)."""
        codes = self.scope(unit)
        return sorted({d for c in codes for d in self._fact_days.get(c, []) + self._row_days.get(c, [])
                       if self.counts_for(unit, c, d)})

    def all_time(self, code: str) -> tuple[Row, list[MissingDossier]]:
        """An agency's figures over all its data up to the as-of date, and its missing-letter list."""
        period = Period(date(1, 1, 1), self.as_of, "all", "all")
        return self.agency_row(code, period), self.missing([code], period)
