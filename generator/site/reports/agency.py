"""The compliance section of an agency page: coverage and the missing-letter list, all time, as of the build date.

Used by the site's agency pages (generator/site/agencies.py): `agency_section(site, code, page_url)`
returns the HTML fragment, from the site's `Compliance` (`Site.compliance`, built once per site).
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from generator.figures.periods import Period
from generator.site.common import Site
from generator.site.reports.headline import value_text
from generator.site.reports.ontime_view import agency_figures, available
from generator.site.reports.pages import report_env
from generator.strings import reports as R


def agency_section(site: Site, code: str, page_url: str) -> Markup:
    """HTML of the agency's compliance section: coverage, missing letters, link to the reports."""
    comp = site.compliance
    row, missing = comp.all_time(code)
    ontime = None
    if available(comp):
        fig = agency_figures(comp, code, Period(date(1, 1, 1), comp.as_of, "all", "all"))
        ontime = {"fig": fig, "rate": value_text("on_time_rate", fig.on_time_rate),
                  "coverage": value_text("late_coverage", fig.late_coverage)}
    env = report_env()
    html = env.get_template("agency_section.html").render(
        page_url=page_url, row=row, missing=missing, has_register=comp.has_register, grace=comp.grace,
        as_of=comp.as_of, R=R, ontime=ontime)
    return Markup(html)
