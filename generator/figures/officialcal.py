"""The official working calendar shipped as sourced data (generator/data/calendar-vn.yml).

Each covered year lists its weekdays off and its working weekend days, each with the notice that
set it. `WorkCalendar` layers it over the `holidays` package; portal overrides win over both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "calendar-vn.yml"


@dataclass(frozen=True)
class OfficialDay:
    """One day of the official calendar: off or worked, with its name and source key."""

    day: date
    name: str
    source: str
    working: bool


@dataclass(frozen=True)
class OfficialCalendar:
    """The shipped calendar: its version, sources (key -> title) and days by date."""

    version: str
    sources: dict[str, str]
    days: dict[date, OfficialDay]
    years: frozenset[int]

    def status(self, d: date) -> bool | None:
        """True (worked) / False (off) when the calendar lists `d`, else None."""
        entry = self.days.get(d)
        return None if entry is None else entry.working

    def covers(self, year: int) -> bool:
        """True when the calendar has that year's announced schedule."""
        return year in self.years


def parse(data: dict) -> OfficialCalendar:
    """Build the calendar from the YAML mapping (raises ValueError on a malformed file)."""
    sources = {str(k): str(v["title"]) for k, v in data["sources"].items()}
    days: dict[date, OfficialDay] = {}
    years: set[int] = set()
    for year, entry in data["years"].items():
        years.add(int(year))
        for key, working in (("days_off", False), ("working_days", True)):
            for item in entry.get(key) or ():
                day = item["date"]
                if not isinstance(day, date) or day.year != int(year) or day in days:
                    raise ValueError(f"calendar: bad or repeated date {day!r} in {year}")
                if item["source"] not in sources:
                    raise ValueError(f"calendar: unknown source {item['source']!r} for {day}")
                if working == (day.weekday() < 5):
                    raise ValueError(f"calendar: {day} is already {'a weekday' if working else 'a weekend'}")
                days[day] = OfficialDay(day, str(item["name"]), str(item["source"]), working)
    return OfficialCalendar(str(data["version"]), sources, days, frozenset(years))


@cache
def official() -> OfficialCalendar:
    """The calendar shipped with the generator (read once)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        return parse(yaml.safe_load(fh))
