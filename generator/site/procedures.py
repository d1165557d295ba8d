"""The A–Z procedure index (`thu-tuc/`): where citizens without JavaScript find their letter.

`thu-tuc/` lists every procedure alphabetically (accents ignored, đ with d) under its initial; each
procedure has its own pages (`thu-tuc/<slug>/`, 100 letters a page) listing its letters with the
agency, number, date, dossier code and the recipient's initials, so find-in-page works.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape
from pathlib import Path

from generator.content.model import Content, Letter
from generator.site import letters as listings
from generator.site.common import write_page
from generator.strings import search as s
from generator.content.vtext import fold, nfc

INDEX_DIR = "thu-tuc/"
_NON_SLUG = re.compile(r"[^a-z0-9]+")


MAX_SLUG = 120


def slugs(procedures: list[str]) -> dict[str, str]:
    """A URL slug per procedure (folded words joined by "-"; a numbered suffix when two fold alike)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(procedures, key=lambda p: (fold(p), p)):
        base = _NON_SLUG.sub("-", fold(name))[:MAX_SLUG].strip("-") or "thu-tuc"  # a folder name has 255 bytes at most
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out


def _row(letter: Letter, content: Content, up: str) -> str:
    agency = content.agencies.get(letter.agency)
    name = agency.name if agency else letter.agency
    date = letter.issued_on.strftime("%d/%m/%Y")
    withdrawn = f' <span class="ck-tag">{escape(s.PROC_WITHDRAWN)}</span>' if letter.withdrawn else ""
    title = escape(s.PROC_LETTER.format(number=letter.number))
    return (f'<li><a href="{up}{escape(letter.url)}">{title}</a>{withdrawn}'
            f" · {escape(name)} · {date} · {escape(s.PROC_CODE)} <code>{escape(letter.dossier.code)}</code>"
            f" · {escape(s.PROC_RECIPIENT)} {escape(letter.recipient.name)}</li>")


def write_procedure_pages(docs_dir: Path, content: Content) -> list[str]:
    """Write thu-tuc/index.md and the pages of each procedure; returns their docs paths."""
    by_name: dict[str, list[Letter]] = defaultdict(list)
    for letter in content.letters:
        by_name[nfc(letter.dossier.procedure)].append(letter)
    slug_of = slugs(list(by_name))
    written = []
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(by_name, key=lambda p: (fold(p), p)):
        letters = sorted(by_name[name], key=lambda x: (-x.issued_on.toordinal(), x.id))
        chunks = listings.pages_of(letters)  # the letter listings' page size
        slug = slug_of[name]
        for number, chunk in enumerate(chunks, start=1):
            src = f"{INDEX_DIR}{slug}/" + ("index.md" if number == 1 else f"trang_{number}.md")
            depth = src.count("/") + (0 if number == 1 else 1)
            up = "../" * depth
            pager = ""
            if len(chunks) > 1:
                links = " ".join(f'<a href="{up}{INDEX_DIR}{slug}/{"" if n == 1 else f"trang_{n}/"}">{n}</a>'
                                 if n != number else f'<span aria-current="page">{n}</span>'
                                 for n in range(1, len(chunks) + 1))
                pager = f'<nav class="ck-pager" aria-label="{escape(s.PROC_PAGES)}">{links}</nav>'
            body = (f'<div class="ck-page ck-procedure"><p><a href="{up}{INDEX_DIR}">{escape(s.PROC_BACK)}</a></p>'
                    f"<h1>{escape(name)}</h1><p>{escape(s.PROC_COUNT.format(n=len(letters)))}</p>"
                    f'<ul class="ck-proc-letters">{"".join(_row(x, content, up) for x in chunk)}</ul>{pager}</div>\n')
            written.append(write_page(docs_dir, src, name, body, hide=("navigation", "toc")))
        initial = (fold(name)[:1] or "#").upper()
        groups[initial].append(f'<li><a href="{slug}/">{escape(name)}</a> ({len(letters)})</li>')
    jump = " ".join(f'<a href="#chu-{k.lower()}">{k}</a>' for k in groups)
    sections = "".join(f'<h2 id="chu-{k.lower()}">{k}</h2><ul>{"".join(items)}</ul>' for k, items in groups.items())
    body = (f'<div class="ck-page ck-procedures"><h1>{escape(s.PROC_TITLE)}</h1><p>{escape(s.PROC_INTRO)}</p>'
            f'<nav class="ck-az" aria-label="{escape(s.PROC_AZ)}">{jump}</nav>{sections}</div>\n')
    written.append(write_page(docs_dir, f"{INDEX_DIR}index.md", s.PROC_TITLE, body, hide=("navigation", "toc")))
    return written
