"""Letter pages (`letters/<year>/<agency>/<id>/`) and the listing pages by year and by agency and year."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.figures.compliance import tracker_of
from generator.figures.legal import letter_basis
from generator.content.model import Letter
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.common import Site, newest_first, page_html, pages_of, url_of, write_page
from generator.site.machine_read import machine_read_view
from generator.site.page_images import IMAGE_STEM, IMAGE_SUFFIXES, PageView, ensure_pages, note, page_views
from generator.site.search.contacts import contact_parts
from generator.site.skips import Skips, render_all
from generator.strings import page_images as P
from generator.strings import site as S

LETTER_TEMPLATE = "letter.html"  # the Material override (overrides/letter.html) used via front matter
PAGE_IMAGE_CACHE = "page-images"  # beside the docs folder: kept between builds, keyed by SHA-256


@dataclass(frozen=True)
class PdfView:
    """What a letter page shows about its PDF (None fields: not known or not published)."""

    href: str | None
    size: int | None
    pages: int | None
    sha256: str | None
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


def pdf_view(site: Site, letter: Letter) -> PdfView | None:
    """What the letter page shows of its PDF, without its page images (`with_page_views` adds them); the PDF
    placed beside the page is `pdf_asset`'s."""
    if letter.withdrawn is not None:
        return None  # a withdrawn letter's PDF (and its page images) is no longer published
    facts = site.pdf_facts.get(letter.pdf_source)
    size, sha, pages = site.pdf_meta(letter)
    return PdfView(site.pdf_href(letter), size, pages, sha, signature_text(facts))


def page_image_cache(docs_dir: Path) -> Path:
    """The page images' cache when the build has no cache folder: beside the docs folder, kept between builds."""
    return docs_dir.parent / PAGE_IMAGE_CACHE


def page_images_of(site: Site, letter: Letter) -> tuple[str, bool] | None:
    """What the letter page's images are made from: (the PDF's SHA-256, whether their text is shown), None
    when the page shows none (withdrawn, no file). The images are a function of the PDF's bytes and the code
    (page_images.py; the code fingerprint covers both the renderer and its libraries), so this is their part
    of the page's input key: an unchanged page is kept without the cache being read. The text is shown only
    when the privacy gate read the same text layer (facts with text: a published letter's text passed it)."""
    if letter.withdrawn is not None:
        return None
    _, sha, _ = site.pdf_meta(letter)
    if not sha or not site.pdf_present(letter):
        return None
    facts = site.pdf_facts.get(letter.pdf_source)
    return sha, bool(getattr(facts, "has_text", False)) and getattr(facts, "sha256", None) in (None, sha)


def with_page_views(site: Site, letter: Letter, view: PdfView | None, images: tuple[str, bool] | None,
                    docs_dir: Path, assets: list[tuple[Path, str]], made: dict[str, str]) -> PdfView | None:
    """`view` with the letter's pages as images, from their cache, rendered there first when missing (once per
    SHA-256 and process: `made` notes how each was got); their files go into `assets`."""
    if view is None or images is None:
        return view
    sha, passed = images
    cache = site.image_cache or page_image_cache(docs_dir)
    pages, how = site.image_pages.get(sha), "cached"
    if pages is None:
        pages, how = ensure_pages(cache, sha, site.content.root / letter.pdf_source)
        site.image_pages[sha] = pages
    note(made, sha, how)
    views, files = page_views(cache, sha, letter.url, with_text=passed, pages=pages)
    assets += files
    return dataclasses.replace(view, page_views=tuple(views))


def pdf_asset(site: Site, letter: Letter, href: str | None) -> tuple[Path, str] | None:
    """The letter's PDF to copy into the site beside its page (source, site path); None when linked elsewhere."""
    if href and not site.content.portal.pdf_base_url:
        return site.content.root / letter.pdf_source, letter.url + href
    return None


def write_letters(site: Site, env: jinja2.Environment, docs_dir: Path, letters: list[Letter],
                  skips: Skips | None = None) -> tuple[list[str], list[tuple[Path, str]], dict[str, str]]:
    """Write the pages of `letters` (a share of them: pages are independent) whose inputs changed (`skips`);
    their docs paths, the files to place beside them in the finished site (source, site path) and how the
    page images of each PDF rendered here were got ({SHA-256: "rendered", "cached" or "failed"})."""
    skips = skips or render_all(docs_dir)
    assets: list[tuple[Path, str]] = []
    made: dict[str, str] = {}
    return [write_letter(site, env, docs_dir, letter, assets, skips, made) for letter in letters], assets, made


def letter_values(site: Site, letter: Letter) -> dict:
    """What a letter page is made of (its template's values besides the site-wide ones), its page images aside
    (`page_images_of`, `with_page_views`)."""
    agency = site.agency(letter.agency)
    return dict(
        page_url=letter.url, letter=letter, facts=site.facts[letter.id], agency=agency,
        tracker=site.agency(tracker_of(site.content.agencies, letter.agency, letter.issued_on)),
        pdf=pdf_view(site, letter), reason=site.reason_label(letter.reason.category), lead=site.lead,
        legal_basis=letter_basis(letter.issued_on), level=site.level_label(agency.level) if agency else "",
        machine_read=machine_read_view(site.pdf_facts.get(letter.pdf_source)) if letter.withdrawn is None else None,
    )


def write_letter(site: Site, env: jinja2.Environment, docs_dir: Path, letter: Letter,
                 assets: list[tuple[Path, str]], skips: Skips | None = None, made: dict[str, str] | None = None
                 ) -> str:
    """Write one letter's page unless its inputs are unchanged (`skips`); returns its docs path (the files it
    shows are added to `assets`). A kept page's files (its PDF, its page images) are outputs of its group:
    carried from the previous site with it, the page-image cache not read. A kept page that should show
    images but has none (their render failed last time) is rendered again."""
    skips = skips or render_all(docs_dir)
    values = letter_values(site, letter)
    images = page_images_of(site, letter)
    src = letter.url + "index.md"
    changes = [site.correction_changes(letter, i) for i in range(len(letter.corrections))]  # read by the template
    key = skips.undated_key(site.facts_digest(values["facts"]), _key_values(values), changes, images)
    group = f"letter:{src}"
    before = skips.previous_outputs(group)
    if images is None or (before and any(_is_page_image(path) for path in before)):
        kept = skips.take(group, key)
        if kept is not None:
            return kept[0]
    asset = pdf_asset(site, letter, values["pdf"].href) if values["pdf"] is not None else None
    shown: list[tuple[Path, str]] = [asset] if asset else []  # its PDF and page images
    values["pdf"] = with_page_views(site, letter, values["pdf"], images, docs_dir, shown, {} if made is None else made)
    body = page_html(env, "letter_body.html", site=site, P=P, contact_parts=contact_parts, **values)
    title = S.TITLE_LETTER.format(number=letter.number, agency=site.agency_name(letter.agency))
    assets += shown
    page = write_page(docs_dir, src, title, body, template=LETTER_TEMPLATE, hide=("navigation", "toc"))
    return skips.record(group, key, [page, *(rel for _, rel in shown)])[0]


def _key_values(values: dict) -> dict:
    """A letter page's values as its input key holds them: the letter is in its facts' digest, an agency is
    named by its code (the registries are in every key already: `Skips.undated`, site/skips.py `site_keys`)."""
    out = {name: value for name, value in values.items() if name not in ("letter", "facts")}
    for name in ("agency", "tracker"):
        if out[name] is not None:
            out[name] = out[name].code
    return out


def _is_page_image(path: str) -> bool:
    """Whether a site path is a letter page's image (`trang-<n>.png` or `.webp` beside it)."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith(IMAGE_STEM + "-") and name.endswith(IMAGE_SUFFIXES)


def listing_src(year: int, agency: str | None, page: int) -> str:
    """Docs path of a listing page: letters/<year>/[<agency>/]index.md, page n>1 as trang_<n>.md."""
    folder = f"letters/{year}/" + (f"{agency}/" if agency else "")
    return folder + ("index.md" if page == 1 else f"trang_{page}.md")


def render_listings(site: Site, env: jinja2.Environment, docs_dir: Path, skips: Skips | None = None) -> list[str]:
    """Write letters/index (years), letters/<year>/ (agencies of the year) and paginated agency-year lists
    (each listing whose inputs changed: `skips`)."""
    skips = skips or render_all(docs_dir)
    written = []
    years = Counter(letter.year for letter in site.content.letters)
    src = "letters/index.md"
    written.append(write_page(docs_dir, src, S.TITLE_LETTERS, page_html(
        env, "years.html", page_url=url_of(src), years=sorted(years.items(), reverse=True), site=site)))

    def listing(src: str, heading: str, template: str, **values) -> None:
        def render() -> list[str]:
            return [write_page(docs_dir, src, heading, page_html(env, template, page_url=url_of(src), site=site,
                                                                 **values))]
        shown = {name: [site.facts_digest(f) for f in value] if name == "items" else value
                 for name, value in values.items()}
        written.extend(skips.output(f"listing:{src}", skips.undated_key(heading, template, shown), render))

    for year in sorted(years):
        items = newest_first(f for f in site.facts.values() if f.letter.year == year)
        by_agency: dict[str, list] = {}  # agency -> its letters of the year, newest first
        for f in items:
            by_agency.setdefault(f.letter.agency, []).append(f)
        rows = sorted(((code, len(own)) for code, own in by_agency.items()),
                      key=lambda kv: (-kv[1], site.agency_name(kv[0]), kv[0]))
        listing(listing_src(year, None, 1), S.TITLE_YEAR.format(year=year), "year.html", year=year, rows=rows)
        for code in sorted(by_agency):
            chunks = pages_of(by_agency[code])
            for number, chunk in enumerate(chunks, start=1):
                title = S.TITLE_AGENCY_YEAR.format(agency=site.agency_name(code), year=year)
                if len(chunks) > 1:
                    title += f" ({S.PAGE_N.format(page=number, pages=len(chunks))})"
                pager = [(n, url_of(listing_src(year, code, n))) for n in range(1, len(chunks) + 1)]
                listing(listing_src(year, code, number), title, "agency_year.html", year=year, code=code,
                        items=chunk, page=number, pager=pager, title=title)
    return written
