"""Letter pages (`letters/<year>/<agency>/<id>/`) and the listing pages by year and by agency and year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.figures.compliance import tracker_of
from generator.figures.legal import letter_basis
from generator.content.model import Letter
from generator.checks.pdfgate.cache import thumbnail_of
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.common import Site, newest_first, page_html, pages_of, url_of, write_page
from generator.site.machine_read import machine_read_view
from generator.site.page_images import PageView, write_page_images
from generator.site.search.contacts import contact_parts
from generator.strings import page_images as P
from generator.strings import site as S

LETTER_TEMPLATE = "letter.html"  # the Material override (overrides/letter.html) used via front matter
THUMB_STEM = "thumb"
PAGE_IMAGE_CACHE = "page-images"  # beside the docs folder: kept between builds, keyed by SHA-256


@dataclass(frozen=True)
class PdfView:
    """What a letter page shows about its PDF (None fields: not known or not published)."""

    href: str | None
    size: int | None
    pages: int | None
    sha256: str | None
    thumb: str | None
    thumb_size: tuple[int, int] | None
    signature: str
    page_views: tuple[PageView, ...] = ()  # each page as an image, with its text layer (or OCR text)

    @property
    def page_texts(self) -> list[str]:
        """The text of each page (empty for a scan): what the page shows under each image."""
        return [view.text for view in self.page_views]


def signature_text(facts: PdfFacts | None) -> str:
    """Vietnamese signature status from the PDF's signatures."""
    if facts is None:
        return S.SIG_UNKNOWN
    if not facts.signatures:
        return S.SIG_NONE
    texts = []
    for sig in facts.signatures:
        if not sig.intact:
            status = S.SIG_BROKEN
        elif sig.trusted:
            status = S.SIG_VALID
        else:
            status = S.SIG_UNTRUSTED
        signer = sig.signer
        texts.append(f"{status} ({S.SIG_BY.format(signer=signer)})" if signer else status)
    return "; ".join(texts)


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG from its IHDR chunk."""
    if len(data) >= 24 and data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return None


def pdf_view(site: Site, letter: Letter, docs_dir: Path, assets: list[tuple[Path, str]]) -> PdfView | None:
    """Publish a letter's PDF (copied beside its page, or linked to pdf_base_url) and its thumbnail."""
    if letter.withdrawn is not None:
        return None  # a withdrawn letter's PDF (and thumbnail) is no longer published
    facts = site.pdf_facts.get(letter.pdf_source)
    size, sha, pages = site.pdf_meta(letter)
    href = site.pdf_href(letter)
    asset = pdf_asset(site, letter, href)
    if asset:
        assets.append(asset)
    thumb_name, thumb_size = write_thumbnail(facts, docs_dir / letter.url)
    views = letter_page_views(site, letter, facts, sha, docs_dir)
    return PdfView(href, size, pages, sha, thumb_name, thumb_size, signature_text(facts), views)


def letter_page_views(site: Site, letter: Letter, facts: object | None, sha: str | None,
                      docs_dir: Path) -> tuple[PageView, ...]:
    """Render the letter's pages beside its page. Their text is kept only when the privacy gate read
    the same text layer (facts with text: a published letter's text passed it)."""
    source = site.content.root / letter.pdf_source
    if not source.is_file():
        return ()
    passed = bool(getattr(facts, "has_text", False)) and getattr(facts, "sha256", None) in (None, sha)
    try:
        views = write_page_images(source, docs_dir / letter.url, docs_dir.parent / PAGE_IMAGE_CACHE, sha,
                                  with_text=passed)
    except Exception:  # a PDF that renders in the gate but not here: the page keeps its download link
        return ()
    return tuple(views)


def pdf_asset(site: Site, letter: Letter, href: str | None) -> tuple[Path, str] | None:
    """The letter's PDF to copy into the site beside its page (source, site path); None when linked elsewhere."""
    if href and not site.content.portal.pdf_base_url:
        return site.content.root / letter.pdf_source, letter.url + href
    return None


def image_kind(data: bytes) -> str | None:
    """File extension of a PNG or WebP image from its magic bytes."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def write_thumbnail(facts: PdfFacts | None, folder: Path) -> tuple[str | None, tuple[int, int] | None]:
    """Write the first-page thumbnail (PNG or WebP; a light copy's is read back from the cache) beside the page."""
    data = thumbnail_of(facts) if facts is not None else None
    kind = image_kind(data) if data else None
    if not kind:
        return None, None
    size = tuple(facts.thumbnail_size or ()) or png_size(data)
    if not size or not all(size):
        return None, None
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{THUMB_STEM}.{kind}"
    (folder / name).write_bytes(data)
    return name, (int(size[0]), int(size[1]))


def write_letters(site: Site, env: jinja2.Environment, docs_dir: Path, letters: list[Letter]) -> list[str]:
    """Write the pages of `letters` (a share of them: pages are independent); returns their docs paths."""
    return [write_letter(site, env, docs_dir, letter, []) for letter in letters]


def letter_assets(site: Site) -> list[tuple[Path, str]]:
    """The PDFs the letter pages publish beside them (source, site path), in letter order."""
    assets = []
    for letter in site.content.letters:
        if letter.withdrawn is None:
            asset = pdf_asset(site, letter, site.pdf_href(letter))
            if asset:
                assets.append(asset)
    return assets


def write_letter(site: Site, env: jinja2.Environment, docs_dir: Path, letter: Letter,
                 assets: list[tuple[Path, str]]) -> str:
    """Write one letter's page (and its thumbnail); returns its docs path."""
    facts = site.facts[letter.id]
    agency = site.agency(letter.agency)
    src = letter.url + "index.md"
    body = page_html(
        env, "letter_body.html", page_url=letter.url, letter=letter, facts=facts, agency=agency, site=site,
        tracker=site.agency(tracker_of(site.content.agencies, letter.agency, letter.issued_on)),
        pdf=pdf_view(site, letter, docs_dir, assets), reason=site.reason_label(letter.reason.category), lead=site.lead,
        legal_basis=letter_basis(letter.issued_on),
        level=site.level_label(agency.level) if agency else "", P=P, contact_parts=contact_parts,
        machine_read=machine_read_view(site.pdf_facts.get(letter.pdf_source)) if letter.withdrawn is None else None,
    )
    title = S.TITLE_LETTER.format(number=letter.number, agency=site.agency_name(letter.agency))
    return write_page(docs_dir, src, title, body, template=LETTER_TEMPLATE, hide=("navigation", "toc"))


def listing_src(year: int, agency: str | None, page: int) -> str:
    """Docs path of a listing page: letters/<year>/[<agency>/]index.md, page n>1 as trang_<n>.md."""
    folder = f"letters/{year}/" + (f"{agency}/" if agency else "")
    return folder + ("index.md" if page == 1 else f"trang_{page}.md")


def render_listings(site: Site, env: jinja2.Environment, docs_dir: Path) -> list[str]:
    """Write letters/index (years), letters/<year>/ (agencies of the year) and paginated agency-year lists."""
    written = []
    years = Counter(letter.year for letter in site.content.letters)
    src = "letters/index.md"
    written.append(write_page(docs_dir, src, S.TITLE_LETTERS, page_html(
        env, "years.html", page_url=url_of(src), years=sorted(years.items(), reverse=True), site=site)))
    for year in sorted(years):
        items = newest_first(f for f in site.facts.values() if f.letter.year == year)
        agencies = Counter(f.letter.agency for f in items)
        rows = sorted(agencies.items(), key=lambda kv: (-kv[1], site.agency_name(kv[0]), kv[0]))
        src = listing_src(year, None, 1)
        written.append(write_page(docs_dir, src, S.TITLE_YEAR.format(year=year), page_html(
            env, "year.html", page_url=url_of(src), year=year, rows=rows, site=site)))
        for code in sorted(agencies):
            chunks = pages_of([f for f in items if f.letter.agency == code])
            for number, chunk in enumerate(chunks, start=1):
                src = listing_src(year, code, number)
                title = S.TITLE_AGENCY_YEAR.format(agency=site.agency_name(code), year=year)
                if len(chunks) > 1:
                    title += f" ({S.PAGE_N.format(page=number, pages=len(chunks))})"
                pager = [(n, url_of(listing_src(year, code, n))) for n in range(1, len(chunks) + 1)]
                written.append(write_page(docs_dir, src, title, page_html(
                    env, "agency_year.html", page_url=url_of(src), year=year, code=code, items=chunk,
                    page=number, pager=pager, site=site, title=title)))
    return written
