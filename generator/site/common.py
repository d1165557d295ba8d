"""Shared parts of rendering: the site context, an autoescaping Jinja environment, formatting, writing pages.

Every generated page is a Markdown file whose body is one block of HTML produced by our own Jinja
templates (`templates/`, autoescape on), so editor text is escaped once, here, and Markdown syntax in
it shows literally. The front matter carries only our values: `title` (already HTML-escaped, because
Material prints `page.meta.title` raw), `template` and `hide`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import jinja2
import yaml
from markupsafe import Markup, escape

from generator.figures.compliance import Compliance
from generator.content.model import Agency, Content, Letter
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.corrections import shown_changes
from generator.figures.stats import Figures, LetterFacts, all_facts, calendar_for, summarize
from generator.strings import site as S

TEMPLATES = Path(__file__).parent / "templates"
REPORT_TEMPLATES = Path(__file__).parent / "reports" / "templates"
PAGE_SIZE = 100  # letters per listing page
_BLANK_LINES = re.compile(r"\n\s*\n+")
_YAML_UNSAFE = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[\x85\u2028\u2029]")  # + YAML line breaks


@dataclass
class Site:
    """Everything the renderers read: the content, per-letter facts, PDF facts, the build date."""

    content: Content
    pdf_facts: Mapping[str, PdfFacts]
    today: date
    facts: dict[str, LetterFacts] = field(default_factory=dict)
    by_agency: dict[str, list[LetterFacts]] = field(default_factory=dict)
    _pdf_present: dict[str, bool] = field(default_factory=dict, repr=False)  # PDF in the content: one stat a letter
    changes: dict[str, list] = field(default_factory=dict)  # letter id -> per correction [(field, old, new)]
    image_cache: Path | None = None  # the letters' page images, by SHA-256 (set by docs.render_docs)
    image_pages: dict = field(default_factory=dict)  # SHA-256 -> its cached pages, read once a process
    memo_dir: Path | None = None  # the build's cache folder, where renderers keep results between builds
    _digests: dict[str, str] = field(default_factory=dict, repr=False)  # letter id -> SHA-256 of its facts' repr
    report_inputs: object = field(default=None, repr=False)  # reports/inputs.py `inputs_of`: made once a build
    report_plan: object = field(default=None, repr=False)  # reports/pages.py `report_plan`: made once a build

    @classmethod
    def create(cls, content: Content, pdf_facts: Mapping[str, PdfFacts], today: date) -> Site:
        """Compute the facts of every letter once, grouped by agency (newest letters first)."""
        facts = all_facts(content, calendar_for(content))
        by_agency: dict[str, list[LetterFacts]] = {code: [] for code in content.agencies}
        for item in newest_first(facts.values()):
            by_agency.setdefault(item.letter.agency, []).append(item)
        return cls(content, pdf_facts, today, facts, by_agency, changes=shown_changes(content.record_changes))

    @functools.cached_property
    def compliance(self) -> Compliance:
        """The site's compliance figures, built once (from its content, build date and letter facts)."""
        return Compliance(self.content, self.today, facts=self.facts or None)

    def facts_digest(self, facts: LetterFacts) -> str:
        """SHA-256 of a letter's facts (the letter included) as an input key part (site/skips.py): made once
        a process, however many pages show the letter."""
        digest = self._digests.get(facts.letter.id)
        if digest is None:
            digest = self._digests[facts.letter.id] = hashlib.sha256(repr(facts).encode()).hexdigest()
        return digest

    @property
    def lead(self) -> int:
        return self.content.portal.policy.apology_lead_working_days

    def correction_changes(self, letter: Letter, index: int) -> list[tuple[str, str, str]]:
        """What correction `index` of `letter` changed, (field, old, new), from the record (may be empty)."""
        steps = self.changes.get(letter.id, [])
        return steps[index] if index < len(steps) else []

    def agency(self, code: str | None) -> Agency | None:
        """The agency of `code` (None when absent)."""
        return self.content.agencies.get(code) if code else None

    def agency_name(self, code: str) -> str:
        agency = self.content.agencies.get(code)
        return agency.name if agency else code

    def reason_label(self, code: str) -> str:
        reason = self.content.reasons.get(code)
        return reason.label if reason else code

    def level_label(self, level: str) -> str:
        return S.LEVELS.get(level, level)

    def pdf_meta(self, letter: Letter) -> tuple[int | None, str | None, int | None]:
        """(size, sha256, pages) of a letter's PDF from the gate's facts, else read from the file."""
        facts = self.pdf_facts.get(letter.pdf_source)
        if facts is not None:
            return facts.size, facts.sha256, facts.pages
        path = self.content.root / letter.pdf_source
        if not path.is_file():
            return None, None, None
        with path.open("rb") as handle:
            return os.fstat(handle.fileno()).st_size, hashlib.file_digest(handle, "sha256").hexdigest(), None

    def pdf_href(self, letter: Letter) -> str | None:
        """Where the PDF is published, relative to the letter page (or absolute under pdf_base_url)."""
        if letter.withdrawn is not None:
            return None
        base = self.content.portal.pdf_base_url
        if base:
            return base.rstrip("/") + "/" + letter.pdf_source
        return f"{letter.id}.pdf" if self.pdf_present(letter) else None

    def pdf_present(self, letter: Letter) -> bool:
        """Whether the letter's PDF is in the content: one stat a letter and process, however many pages,
        files and keys ask (the letter page, its images, its asset, each open-data file)."""
        source = letter.pdf_source
        present = self._pdf_present.get(source)
        if present is None:
            present = self._pdf_present[source] = os.path.isfile(os.path.join(self.content.root, source))
        return present

    @property
    def base_url(self) -> str:
        """The portal's site_url with a trailing slash."""
        url = self.content.portal.site_url or "/"
        return url if url.endswith("/") else url + "/"

    def absolute(self, site_path: str) -> str:
        """Absolute URL of a site path (or the path unchanged when already absolute)."""
        return site_path if "://" in site_path else self.base_url + site_path

    def figures(self, code: str, year: int | None = None) -> Figures:
        """Figures of one agency, for one year (months Jan..Dec, or up to today) or all time."""
        items = self.by_agency.get(code, [])
        if year is None:
            return summarize(items)
        last = min(12, self.today.month) if year == self.today.year else 12
        return summarize([f for f in items if f.letter.year == year],
                         first_month=f"{year:04d}-01", last_month=f"{year:04d}-{last:02d}")


def newest_first(facts) -> list[LetterFacts]:
    """Facts ordered by issue date (newest first), then id."""
    return sorted(facts, key=lambda f: (-f.letter.issued_on.toordinal(), f.letter.id))


def rel(from_url: str, to_url: str) -> str:
    """Relative link from a page at directory URL `from_url` ('' for home) to a site path."""
    depth = from_url.count("/")
    return "../" * depth + to_url if depth or to_url else "./"


def fmt_date(day: date | None) -> str:
    """dd/mm/yyyy (Vietnamese usage); empty for None."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def fmt_number(value: float | int | None, digits: int = 1) -> str:
    """A number with a decimal comma; whole numbers without decimals; a dash for None."""
    if value is None:
        return S.F_NONE
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.{digits}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")  # 1.234,5


def fmt_share(value: float | None) -> str:
    """A share 0..1 as a Vietnamese percentage ('66,7%')."""
    return S.F_NONE if value is None else fmt_number(round(value * 100, 1)) + "%"


def fmt_size(size: int | None) -> str:
    """Bytes as KB / MB with a decimal comma."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{fmt_number(round(size / 1024, 1))} KB"
    return f"{fmt_number(round(size / 1024 / 1024, 1))} MB"


def multiline(text: str) -> Markup:
    """Escape text and keep its line breaks as <br> (no blank line can reach the Markdown)."""
    return Markup("<br>").join(escape(line) for line in str(text).splitlines())


def make_env(*, finalize: Callable[[object], object] | None = None, **more_globals: object) -> jinja2.Environment:
    """The one Jinja environment factory of the site (page bodies, report pages, feeds): autoescape always
    on, undefined values fail. It finds the report pages' templates, then the site's (no name is in both);
    `more_globals` are added to the templates' names, `finalize` sees every value printed (the feeds')."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(REPORT_TEMPLATES)),
                                   jinja2.FileSystemLoader(str(TEMPLATES))]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=finalize,
    )
    env.filters.update(date=fmt_date, num=fmt_number, share=fmt_share, size=fmt_size, multiline=multiline)
    env.globals.update(S=S, rel=rel, **more_globals)
    return env


def page_html(env: jinja2.Environment, template: str, **values: object) -> str:
    """Render a body template; blank lines are removed so Markdown keeps it as one raw HTML block."""
    html = env.get_template(template).render(**values)
    return _BLANK_LINES.sub("\n", html).strip() + "\n"


def write_page(docs_dir: Path, src: str, title: str, body: str, *, template: str | None = None,
               hide: tuple[str, ...] = ()) -> str:
    """Write a Markdown page (front matter + HTML body) at docs-relative `src`; returns `src`."""
    meta: dict[str, object] = {"title": str(escape(title))}
    if template:
        meta["template"] = template
    if hide:
        meta["hide"] = list(hide)
    # JSON is YAML: one line, ~50x faster than yaml.safe_dump (which cost ~0.5 ms a page, 50 s at 100,000)
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n"
    if _YAML_UNSAFE.search(front):  # characters a YAML stream may not hold raw: let PyYAML escape them
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)
    text = "---\n" + front + "---\n\n" + body
    path = docs_dir / PurePosixPath(src)
    if not os.path.isdir(path.parent):  # one stat; mkdir of an existing folder fails, raises and stats again
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return src


def url_of(src: str) -> str:
    """Directory URL of a docs page ('index.md' -> '', 'a/index.md' -> 'a/', 'a/b.md' -> 'a/b/')."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def pages_of(items: list, size: int = PAGE_SIZE) -> list[list]:
    """Split a list into pages of `size` (at least one page, possibly empty)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
