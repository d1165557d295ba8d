"""The search page `tim-kiem/`: its Markdown (raw HTML forms, filter options from the content)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from generator.model import Content
from generator.search.index import split_years
from generator.strings import search as s

PAGE_PATH = "tim-kiem/index.md"
TEMPLATE = "congkhai-search.html"


def _select(name: str, label: str, options: list[str]) -> str:
    opts = "".join(f'<option value="{escape(o)}">{escape(o)}</option>' for o in options)
    return (f'<label class="ck-filter">{escape(label)} <select name="{name}">'
            f'<option value="">{escape(s.FILTER_ANY)}</option>{opts}</select></label>')


def filter_options(content: Content) -> dict[str, list[str]]:
    """Values of each filter, as the records carry them (agency names, years, reason labels, levels)."""
    used = {a for a in (letter.agency for letter in content.letters)}
    agencies = sorted({content.agencies[c].name for c in used if c in content.agencies})
    years = sorted({str(letter.year) for letter in content.letters}, reverse=True)
    reasons = [r.label for r in content.reasons.values()]
    levels = [s.LEVELS.get(level, level) for level in content.levels]
    return {"agency": agencies, "year": years, "reason": reasons, "level": levels}


def search_page_markdown(content: Content) -> str:
    """Markdown of the search page (front matter selects the template that loads the script)."""
    opts = filter_options(content)
    recent, _ = split_years(content.letters)
    labels = {"agency": s.FILTER_AGENCY, "year": s.FILTER_YEAR, "reason": s.FILTER_REASON, "level": s.FILTER_LEVEL}
    filters = "".join(_select(name, labels[name], values) for name, values in opts.items())
    note = s.RECENT_NOTE.format(years=", ".join(recent)) if recent else ""
    return f"""---
title: {s.PAGE_TITLE}
template: {TEMPLATE}
---

# {s.PAGE_TITLE}

{s.PAGE_INTRO}

<div id="ck-search" class="ck-search">
<noscript><p class="ck-noscript">{escape(s.NOSCRIPT)} <a href="../">{escape(s.BROWSE_LINK)}</a></p></noscript>
<form id="ck-lookup-form" class="ck-form" role="search" autocomplete="off">
<h2>{escape(s.LOOKUP_HEADING)}</h2>
<label for="ck-code">{escape(s.LOOKUP_LABEL)}</label>
<input id="ck-code" name="code" type="search" autocapitalize="characters" spellcheck="false"
 placeholder="{escape(s.LOOKUP_PLACEHOLDER)}">
<button class="md-button md-button--primary" type="submit">{escape(s.LOOKUP_BUTTON)}</button>
</form>
<div id="ck-lookup-result" aria-live="polite"></div>
<form id="ck-search-form" class="ck-form" role="search" autocomplete="off">
<h2>{escape(s.SEARCH_HEADING)}</h2>
<label for="ck-q">{escape(s.SEARCH_LABEL)}</label>
<input id="ck-q" name="q" type="search" spellcheck="false" placeholder="{escape(s.SEARCH_PLACEHOLDER)}">
<button class="md-button md-button--primary" type="submit">{escape(s.SEARCH_BUTTON)}</button>
<p class="ck-scope"><label><input id="ck-widen" name="widen" type="checkbox"> {escape(s.WIDEN_LABEL)}</label>
 <span>{escape(note)}</span></p>
<div class="ck-filters">{filters}</div>
</form>
<div id="ck-search-result" aria-live="polite"></div>
</div>
"""


def write_search_page(docs_dir: Path, content: Content) -> str:
    """Write the search page into the MkDocs docs folder; returns its path relative to it."""
    path = docs_dir / PAGE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_page_markdown(content), encoding="utf-8")
    return PAGE_PATH
