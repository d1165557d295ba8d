"""On-time figures of a period, from a register export that holds every dossier (pure, no I/O).

Only when portal.yml `reports.register_export` is `all` (every dossier received is a row of register/*.csv);
an export of overdue dossiers only cannot give them (`UNAVAILABLE_WITHOUT_FULL_EXPORT` lists which).
Definitions, as in the one-stop statistics (Decision 766/QĐ-TTg of 23/6/2022, group "Tiến độ, kết quả giải
quyết", up to 20 of 100 points for the share of dossiers resolved on time; summary:
https://baocaotaichinh.vn/thu-vien/quyet-dinh-766-qd-ttg-2022-phe-duyet-bo-chi-so-chi-dao--dieu-hanh-va-danh-gia-chat-luong-phuc-vu-nguoi-dan--doanh-nghiep-2108502745-126270
): a dossier is on time when its result is ready at the desk on or before the due date; an apology
does not make a late dossier on time), each figure computed here and nowhere else:
- received = rows with received_on in the period;
- resolved = rows with returned_on in the period; of them before (returned_on < due_on), on (==) and after
  (>) the due date;
- in progress = rows received on or before the period's end (or the as-of date, if earlier) and not resolved
  by then; of them late = due_on before that day;
- on-time rate = (before + on) / resolved; None when nothing was resolved;
- late = resolved after the due date + in progress and late; with letter = of those, dossiers with a (not
  withdrawn) apology letter; apology coverage of late dossiers = with letter / late.
Every count is additive, so an agency's figures sum to its unit's; rates come from the sums.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date

from generator.content.model import RegisterRow

COUNTS = ("received", "resolved", "resolved_early", "resolved_on_due", "resolved_late", "in_progress",
          "in_progress_late", "late", "late_with_letter")
RATES = ("on_time_rate", "late_coverage")
FIGURES = (*COUNTS, *RATES)
"""Every on-time figure, in table order (JSON keys, CSV columns and page cells use these)."""

UNAVAILABLE_WITHOUT_FULL_EXPORT = ("received", "resolved", "resolved_early", "resolved_on_due", "in_progress",
                                   "on_time_rate", "late_coverage")
"""The figures an export of overdue dossiers only cannot give (the report names them)."""


@dataclass(frozen=True)
class OnTime:
    """On-time figures of a set of dossiers for one period."""

    received: int = 0
    resolved: int = 0
    resolved_early: int = 0
    resolved_on_due: int = 0
    resolved_late: int = 0
    in_progress: int = 0
    in_progress_late: int = 0
    late: int = 0
    late_with_letter: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """(resolved before + on the due date) / resolved; None when nothing was resolved."""
        return (self.resolved_early + self.resolved_on_due) / self.resolved if self.resolved else None

    @property
    def late_coverage(self) -> float | None:
        """Late dossiers with an apology letter / late dossiers; None when none was late."""
        return self.late_with_letter / self.late if self.late else None

    def __add__(self, other: OnTime) -> OnTime:
        return OnTime(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def as_dict(self) -> dict:
        """Every figure, rates rounded to 4 decimals (JSON-ready)."""
        out: dict = {name: getattr(self, name) for name in COUNTS}
        out.update({name: None if getattr(self, name) is None else round(getattr(self, name), 4) for name in RATES})
        return out


def figures(rows: Iterable[RegisterRow], start: date, end: date, as_of: date,
            has_letter: Callable[[RegisterRow], bool]) -> OnTime:
    """On-time figures of `rows` for the period [start, end] seen on `as_of`."""
    cut = min(end, as_of)
    counts = dict.fromkeys(COUNTS, 0)
    for row in rows:
        if row.received_on > cut:
            continue
        if start <= row.received_on <= cut:
            counts["received"] += 1
        returned = row.returned_on if row.returned_on is not None and row.returned_on <= cut else None
        late = False
        if returned is not None and returned >= start:
            counts["resolved"] += 1
            key = "resolved_early" if returned < row.due_on else "resolved_on_due" if returned == row.due_on \
                else "resolved_late"
            counts[key] += 1
            late = key == "resolved_late"
        elif returned is None:
            counts["in_progress"] += 1
            if row.due_on < cut:
                counts["in_progress_late"] += 1
                late = True
        if late:
            counts["late"] += 1
            counts["late_with_letter"] += has_letter(row)
    return OnTime(**counts)


def group(rows: Iterable[RegisterRow], key: Callable[[RegisterRow], str]) -> dict[str, list[RegisterRow]]:
    """Rows grouped by `key` (e.g. sector, procedure, channel), keys sorted."""
    out: dict[str, list[RegisterRow]] = {}
    for row in rows:
        out.setdefault(key(row), []).append(row)
    return dict(sorted(out.items()))
