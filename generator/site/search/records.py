"""One small HTML record per letter for Pagefind: the letter's metadata, never the page chrome.

Pagefind indexes these records, not the rendered pages: the index holds only what identifies a
letter (dossier code and its pieces, procedure, agency, number, reason, signer), so boilerplate
words stay out and indexing 100,000 letters stays within memory. Filters and display metadata
ride along in ignored elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from generator.content.model import Content, Letter
from generator.site.search.codes import normalize_code
from generator.strings import search as s
from generator.content.vtext import fold, nfc, normalize_tone_placement

_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class LetterView:
    """What search shows and filters on for one letter."""

    id: str
    url: str
    code: str
    number: str
    title: str
    agency: str
    level: str
    year: str
    reason: str
    issued_on: str
    withdrawn: bool


def letter_view(letter: Letter, content: Content) -> LetterView:
    """The display and filter values of `letter`."""
    agency = content.agencies.get(letter.agency)
    reason = content.reasons.get(letter.reason.category)
    level = agency.level if agency else ""
    return LetterView(
        id=letter.id,
        url=letter.url,
        code=normalize_code(letter.dossier.code),
        number=letter.number,
        title=nfc(letter.dossier.procedure),
        agency=nfc(agency.name) if agency else letter.agency,
        level=s.LEVELS.get(level, level),
        year=str(letter.year),
        reason=nfc(reason.label) if reason else letter.reason.category,
        issued_on=letter.issued_on.isoformat(),
        withdrawn=letter.withdrawn is not None,
    )


def dd_folds(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Folded forms of the words Pagefind cannot fold itself (those with đ/Đ): "Đắk" -> "dak".

    Pagefind folds the other diacritics ("hành" matches "hanh") but treats đ as its own letter.
    Forms in `skip` (already written elsewhere in the record) are left out.
    """
    out: dict[str, None] = {}
    for word in _WORDS.findall(text):
        if "đ" in word or "Đ" in word or "ð" in word or "Ð" in word:
            folded = _fold(word)
            if folded not in skip:
                out.setdefault(folded, None)
    return list(out)


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    return fold(word)


def title_key(text: str) -> str:
    """The one-word key of a title (the same function is in search.js: `titleKey`)."""
    return "tt" + "".join(_WORDS.findall(_fold(text))) + "tt"


@dataclass(frozen=True)
class SearchText:
    """Everything search matches in one letter, tone placement normalised: the title (the procedure,
    ranked highest) and the body; the folded forms of both come from this one place."""

    title: str
    body: str
    number: str = ""

    @property
    def text(self) -> str:
        """The whole searchable text, title first."""
        return f"{self.title} {self.body}".strip()

    @property
    def title_key(self) -> str:
        """One word for the whole title, folded ("Cấp hộ kinh doanh" -> "ttcaphokinhdoanhtt"): the
        search page looks it up first, so a letter whose procedure is exactly the query ranks first."""
        return title_key(self.title)

    @property
    def keys(self) -> list[str]:
        """The one-word keys the page looks up first: the title's and the letter number's."""
        return [title_key(self.title)] + ([title_key(self.number)] if self.number else [])

    def folds(self) -> tuple[list[str], list[str]]:
        """(folded đ-words of the title, those of the body not already in the title)."""
        title = dd_folds(self.title)
        return title, dd_folds(self.body, frozenset(title))


def searchable_text(letter: Letter, view: LetterView, page_texts: Iterable[str] = ()) -> SearchText:
    """The words of a letter that search matches (no code): procedure (the title), agency, number,
    procedure code, the reason's detail, signer name, an organisation recipient, and `page_texts`
    (text read from the PDF's pages, e.g. OCR of a scan, once the letter passed the privacy gate).

    Left out: the reason's label (a filter, and the same few words in every letter) and the
    signer's title ("Giám đốc", "Phó Chủ tịch"): words that recur in every record make every
    index chunk big (their postings were ~45 % of the index) and find nothing in particular.
    """
    parts = [view.agency, letter.number, letter.dossier.procedure_code or "",
             letter.reason.detail, letter.signer.name]
    if letter.recipient.kind != "individual":
        parts.append(letter.recipient.name)
    parts.extend(nfc(t) for t in page_texts)
    return SearchText(_tone(view.title), " ".join(_tone(p) for p in parts if p), letter.number)


@lru_cache(maxsize=1 << 16)
def _tone(text: str) -> str:
    """`normalize_tone_placement`, memoised: agencies, procedures and reasons repeat across letters."""
    return normalize_tone_placement(text)


def _tag(attr: str, name: str, value: str) -> str:
    """A hidden element; `name` is one of this module's metadata or filter names (no markup to escape)."""
    return f'<span {attr}="{name}">{escape(value)}</span>'


def _meta(view: LetterView, with_code: bool) -> str:
    meta = {"title": view.title, "agency": view.agency, "number": view.number, "issued": view.issued_on}
    if with_code:
        meta["code"] = view.code
    if view.withdrawn:
        meta["withdrawn"] = "1"
    return "".join(_tag("data-pagefind-meta", k, v) for k, v in meta.items())


def _page(body: str, hidden: str) -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>'
        f'<main data-pagefind-body>{body}<div data-pagefind-ignore>{hidden}</div></main></body></html>'
    )


def record_inputs(letter: Letter, view: LetterView, page_texts: Iterable[str] = ()) -> tuple:
    """Everything `record_html(letter, view, with_code=False, page_texts=...)` reads: equal inputs give the
    same record, so a year's bundle is keyed by its letters' inputs without writing their HTML
    (`tests/test_search_unit.py` changes every field of a letter and checks that a changed record has
    changed inputs). `code_record_html` reads the view only."""
    recipient = letter.recipient.name if letter.recipient.kind != "individual" else ""
    return (view, letter.number, letter.dossier.procedure_code, letter.reason.detail, letter.signer.name,
            letter.recipient.kind, recipient, tuple(page_texts))


def code_record_html(view: LetterView) -> str:
    """The record of the all-years code bundle: the dossier code (Pagefind indexes its parts too)
    and what a result shows; no other text, so indexing 100,000 letters needs ~1.4 GB, not ~4 GB."""
    return _page(f'<p data-pagefind-weight="10">{escape(view.code)}</p>', _meta(view, True))


def record_html(letter: Letter, view: LetterView, *, with_code: bool = True, page_texts: Iterable[str] = ()) -> str:
    """The HTML Pagefind indexes for `letter` (without its dossier code when not `with_code`).

    Pagefind itself indexes the parts of a hyphenated code ("180420-0012", "H56.14"), so the code
    is written once; it is the record's heaviest word, so `search(code)` returns its letter first.
    Pagefind 1.5 also indexes metadata, so it carries only what a result shows (the page URL and
    the letter id come from the result's own URL): no unique word beyond the code.
    """
    filters = {"agency": view.agency, "year": view.year, "reason": view.reason, "level": view.level}
    hidden = _meta(view, with_code)
    hidden += "".join(_tag("data-pagefind-filter", k, v) for k, v in filters.items() if v)
    body = [f'<p data-pagefind-weight="10">{escape(view.code)}</p>'] if with_code else []
    text = searchable_text(letter, view, page_texts)
    title_folds, body_folds = text.folds()
    body.append(f'<p data-pagefind-weight="5">{escape(text.title)}</p>')
    if title_folds:  # "Đăng ký" is found by "dang ky" as high as by its accents
        body.append(f'<p data-pagefind-weight="5">{escape(" ".join(title_folds))}</p>')
    body.append(f"<p>{escape(text.body)}</p>")
    body.append(f"<p>{escape(' '.join(text.keys))}</p>")
    if body_folds:
        body.append(f'<p>{escape(" ".join(body_folds))}</p>')
    return _page("".join(body), hidden)
