"""The compliance section of an agency page: coverage and the missing-letter list, all time, as of the build date.

Used by the site's agency pages (generator/render/agencies.py): `agency_section(site, code, page_url)`
returns the HTML fragment, from the site's `Compliance` (`Site.compliance`, built once per site).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.render.common import Site
from generator.reports.pages import report_env
from generator.strings import reports as R


def agency_section(site: Site, code: str, page_url: str) -> Markup:
    """HTML of the agency's compliance section: coverage, missing letters, link to the reports."""
    comp = site.compliance
    row, missing = comp.all_time(code)
    env = report_env()
    html = env.get_template("agency_section.html").render(
        page_url=page_url, row=row, missing=missing, has_register=comp.has_register, grace=comp.grace,
        as_of=comp.as_of, R=R)
    return Markup(html)
