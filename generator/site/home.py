"""Home page (totals, latest letters, the duty explained) and the "about this data" page."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.figures.legal import duty_paragraphs
from generator.site.common import Site, newest_first, page_html, rel, write_page
from generator.site.search.page import PAGE_PATH as SEARCH_PATH
from generator.site.search.page import home_search_html
from generator.figures.stats import summarize
from generator.strings import site as S

LATEST = 10
HOME_TEMPLATE = "congkhai-home.html"  # overrides/: the Material page plus the search style


def render_home(site: Site, env: jinja2.Environment, docs_dir: Path) -> list[str]:
    """Write index.md and about.md; returns docs paths."""
    portal = site.content.portal
    year = site.today.year
    all_facts = list(site.facts.values())
    latest = [f for f in newest_first(all_facts) if not f.withdrawn][:LATEST]
    dates = [letter.issued_on for letter in site.content.letters]
    duty = duty_paragraphs(portal.locality, min(dates, default=None), max(dates, default=None))
    home = page_html(
        env, "home.html", page_url="", site=site, portal=portal, year=year, latest=latest,
        all_time=summarize(all_facts), this_year=summarize([f for f in all_facts if f.letter.year == year]),
        agencies_with_letters=sum(1 for items in site.by_agency.values() if items), duty=duty,
        search_forms=home_search_html(rel("", SEARCH_PATH.removesuffix("index.md"))),
    )
    about = page_html(env, "about.html", page_url="about/", site=site, portal=portal)
    return [
        write_page(docs_dir, "index.md", portal.name, home, template=HOME_TEMPLATE, hide=("navigation", "toc")),
        write_page(docs_dir, "about.md", S.TITLE_ABOUT, about),
    ]
