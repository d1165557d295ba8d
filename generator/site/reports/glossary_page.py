"""The glossary page (`giai-thich-so-lieu/`): every figure's name and definition, once, with an anchor per figure.

Every figure label on the site (home, agency, report pages) links to `giai-thich-so-lieu/#<key>`; the names and
definitions live in generator/strings/glossary.py.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.content.model import Policy
from generator.site.common import page_html, url_of, write_page
from generator.strings import glossary as G


def entries(policy: Policy) -> list[tuple[str, str, str]]:
    """(key, label, definition with the portal's settings) for every figure, glossary order."""
    lead, grace = policy.apology_lead_working_days, policy.missing_letter_grace_working_days
    return [(key, label, G.definition(key, lead, grace)) for key, (label, _) in G.FIGURES.items()]


def write_glossary(env: jinja2.Environment, docs_dir: Path, policy: Policy) -> str:
    """Write the glossary page; returns its docs path."""
    body = page_html(env, "glossary.html", page_url=url_of(G.PAGE_SRC), entries=entries(policy))
    write_page(docs_dir, G.PAGE_SRC, G.TITLE, body)
    return G.PAGE_SRC
