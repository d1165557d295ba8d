"""Atom feeds of the latest letters: site-wide (`feeds/atom.xml`) and per agency (`feeds/agencies/<code>.xml`).

A small autoescaping Jinja template, no feed plugin. Entries are ordered by publication date (newest
first), then id; timestamps are dates at 00:00 Asia/Ho_Chi_Minh, so a feed depends only on the content.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.site.common import Site, make_env
from generator.site.skips import Skips, render_all
from generator.figures.stats import LetterFacts
from generator.strings import site as S

FEED_SIZE = 50
SITE_FEED = "feeds/atom.xml"


def feed_src(code: str | None = None) -> str:
    """Site path of the site-wide feed, or of one agency's feed."""
    return SITE_FEED if code is None else f"feeds/agencies/{code}.xml"


def stamp(day: date) -> str:
    """RFC 3339 timestamp of a date (midnight, Vietnam time)."""
    return f"{day.isoformat()}T00:00:00+07:00"


def latest(facts: list[LetterFacts], size: int = FEED_SIZE) -> list[LetterFacts]:
    """The `size` most recently published letters."""
    return sorted(facts, key=lambda f: (-f.letter.published_on.toordinal(), f.letter.id))[:size]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_chars(value: object) -> object:
    """A value with the characters XML 1.0 cannot hold replaced by U+FFFD (content checks refuse them
    already: this keeps every feed well-formed whatever reaches it)."""
    if not isinstance(value, str) or not _NOT_XML.search(value):
        return value
    cleaned = _NOT_XML.sub("\ufffd", value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:  # one environment: the template is compiled once, not once per feed
    env = make_env(finalize=xml_chars)
    env.filters["stamp"] = stamp
    return env


def render_feed(site: Site, facts: list[LetterFacts], title: str, path: str) -> str:
    """The Atom XML of a feed of `facts` (already chosen) published at site path `path`."""
    entries = []
    for f in facts:
        letter = f.letter
        entry_title = S.FEED_ENTRY.format(number=letter.number, procedure=letter.dossier.procedure)
        entries.append({
            "title": (S.FEED_WITHDRAWN if f.withdrawn else "") + entry_title,
            "url": site.absolute(letter.url),
            "updated": (letter.corrections[-1].date if letter.corrections else letter.published_on)
            if not f.withdrawn else letter.withdrawn.date,
            "published": letter.published_on,
            "agency": site.agency_name(letter.agency),
            "summary": S.FEED_SUMMARY.format(agency=site.agency_name(letter.agency), code=letter.dossier.code,
                                             days=f.days_late, reason=site.reason_label(letter.reason.category)),
        })
    updated = max((e["updated"] for e in entries), default=site.today)
    return _env().get_template("atom.xml").render(
        title=title, self_url=site.absolute(path), home=site.base_url, updated=updated, entries=entries,
        author=site.content.portal.owner or site.content.portal.name, licence=site.content.portal.data_licence)


def write_feeds(site: Site, docs_dir: Path, skips: Skips | None = None) -> list[str]:
    """Write the site-wide feed and one feed per agency (each whose entries changed: `skips`); returns docs paths."""
    skips = skips or render_all(docs_dir)
    portal = site.content.portal.name
    outputs = [(feed_src(), S.FEED_TITLE.format(portal=portal), latest(list(site.facts.values())))]
    for code in sorted(site.content.agencies):
        outputs.append((feed_src(code), S.FEED_AGENCY_TITLE.format(portal=portal, agency=site.agency_name(code)),
                        latest(site.by_agency.get(code, []))))
    written = []
    for path, title, facts in outputs:
        def render(path=path, title=title, facts=facts) -> list[str]:
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_feed(site, facts, title, path), encoding="utf-8", newline="\n")
            return [path]
        key = skips.key(title, facts) if not facts else skips.undated_key(title, facts)  # empty: updated today
        written.extend(skips.output(f"feed:{path}", key, render))
    return written
