"""The search page `tim-kiem/`: its Markdown (raw HTML forms, filter options from the content)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from generator.content.model import Content
from generator.site.search.index import split_years
from generator.strings import search as s

PAGE_PATH = "tim-kiem/index.md"
TEMPLATE = "congkhai-search.html"


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    return (f'<label class="ck-filter">{escape(label)} <select name="{name}">{opts}</select></label>')


def filter_options(content: Content) -> dict[str, list[str]]:
    """Values of each filter, as the records carry them (agency names, years, reason labels, levels)."""
    used = {a for a in (letter.agency for letter in content.letters)}
    agencies = sorted({content.agencies[c].name for c in used if c in content.agencies})
    years = sorted({str(letter.year) for letter in content.letters}, reverse=True)
    reasons = [r.label for r in content.reasons.values()]
    levels = [s.LEVELS.get(level, level) for level in content.levels]
    return {"agency": agencies, "year": years, "reason": reasons, "level": levels}


def _choices(name: str, values: list[str], recent: list[str], older: list[str]) -> list[tuple[str, str]]:
    """(value, label) of a filter's options. The year's first choice says what "no year" searches:
    the recent years when older ones exist (then "all" searches every year), else every year."""
    if name != "year":
        return [("", s.FILTER_ANY)] + [(v, v) for v in values]
    if not older:
        return [("", s.YEAR_ALL)] + [(v, v) for v in values]
    return [("", s.YEAR_RECENT.format(years=", ".join(recent))), ("all", s.YEAR_ALL)] + [(v, v) for v in values]


def code_form(action: str, ids: str = "ck") -> str:
    """The dossier-code form (GET `code`); `ids` prefixes its element ids (`ck-code` on the search page)."""
    return f"""<form id="{ids}-lookup-form" class="ck-form" role="search" action="{escape(action)}" method="get"
 autocomplete="off" aria-labelledby="{ids}-lookup-heading">
<h2 id="{ids}-lookup-heading">{escape(s.LOOKUP_HEADING)}</h2>
<label for="{ids}-code">{escape(s.LOOKUP_LABEL)}</label>
<div class="ck-row"><input id="{ids}-code" name="code" type="search" autocapitalize="characters" spellcheck="false"
 placeholder="{escape(s.LOOKUP_PLACEHOLDER)}" aria-describedby="{ids}-code-hint">
<button class="md-button md-button--primary" type="submit">{escape(s.LOOKUP_BUTTON)}</button></div>
<p id="{ids}-code-hint" class="ck-hint">{escape(s.LOOKUP_HINT)}</p>
</form>"""


def text_form(action: str, ids: str = "ck", filters: str = "") -> str:
    """The text-search form (GET `q` and the filters)."""
    return f"""<form id="{ids}-search-form" class="ck-form" role="search" action="{escape(action)}" method="get"
 autocomplete="off" aria-labelledby="{ids}-search-heading">
<h2 id="{ids}-search-heading">{escape(s.SEARCH_HEADING)}</h2>
<label for="{ids}-q">{escape(s.SEARCH_LABEL)}</label>
<div class="ck-row"><input id="{ids}-q" name="q" type="search" spellcheck="false"
 placeholder="{escape(s.SEARCH_PLACEHOLDER)}">
<button class="md-button md-button--primary" type="submit">{escape(s.SEARCH_BUTTON)}</button></div>
{filters}</form>"""


def home_search_html(search_url: str) -> str:
    """The two search forms of the home page: they open the search page with ?code= or ?q=."""
    forms = code_form(search_url, "ck-home") + text_form(search_url, "ck-home")
    return f'<div class="ck-search ck-home-search">{forms}</div>'


def noscript_html(root: str) -> str:
    """What the search page offers without JavaScript: the static listings."""
    links = "".join(f'<li><a href="{root}{href}">{escape(text)}</a></li>' for text, href in (
        (s.BROWSE_AGENCIES, "agencies/"), (s.BROWSE_YEARS, "letters/"), (s.BROWSE_PROCEDURES, "thu-tuc/")))
    return f'<noscript><div class="ck-noscript"><p>{escape(s.NOSCRIPT)}</p><ul>{links}</ul></div></noscript>'


def search_page_markdown(content: Content) -> str:
    """Markdown of the search page (front matter selects the template that loads the script)."""
    opts = filter_options(content)
    recent, older = split_years(content.letters)
    labels = {"agency": s.FILTER_AGENCY, "year": s.FILTER_YEAR, "reason": s.FILTER_REASON, "level": s.FILTER_LEVEL}
    filters = "".join(_select(name, labels[name], _choices(name, values, recent, older))
                      for name, values in opts.items())
    filters = f'<fieldset class="ck-filters"><legend>{escape(s.FILTERS_LEGEND)}</legend>{filters}</fieldset>\n'
    return f"""---
title: {s.PAGE_TITLE}
template: {TEMPLATE}
---

# {s.PAGE_TITLE}

<div id="ck-search" class="ck-search">
{noscript_html("../")}
{code_form("./")}
<div id="ck-lookup-result" aria-live="polite"></div>
{text_form("./", filters=filters)}
<div id="ck-search-result" aria-live="polite"></div>
<p class="ck-hint">{escape(s.PAGE_INTRO)}</p>
</div>
"""


def write_search_page(docs_dir: Path, content: Content) -> str:
    """Write the search page into the MkDocs docs folder; returns its path relative to it."""
    path = docs_dir / PAGE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_page_markdown(content), encoding="utf-8")
    return PAGE_PATH

