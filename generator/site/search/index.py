"""Build the search of a site: Pagefind bundles and the dossier-code lookup.

Layout written into the site folder:
  pagefind/           the main bundle: every letter (all years). `search()` on it finds any letter,
                      by its full dossier code first. When the letters span more than
                      `RECENT_YEARS` years its records hold only the code (and what a result shows):
                      text search then uses the two bundles below, and indexing stays small
  pagefind-recent/    the default scope of the search page: the latest `RECENT_YEARS` years, full
                      text without codes (unique words make index chunks big; the page answers
                      code-shaped queries from the lookup and partial codes from pagefind/)
  pagefind-older/     the other years, same records: "all years" searches recent + older
  older-words/<key>.json  folded words of the older records by their first two letters (words.py):
                      the page asks them before widening a query to pagefind-older/
  lookup/<prefix>.json  dossier code -> letters (see lookup.py); lookup/config.js settings
Both recent and older are absent when every letter is recent: pagefind/ then holds full records.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.model import Content, Letter
from generator.checks.pdfgate.cache import machine_read
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.search.canonical import canonicalize_bundle
from generator.site.search.lookup import config_js, write_lookup
from generator.site.search.pagefind_run import prune_bundle, run_pagefind
from generator.site.search.records import code_record_html, letter_view, record_html, searchable_text
from generator.site.search.words import WORDS_DIR, record_words, write_words
from generator.trash import discard, sweep_dead

RECENT_YEARS = 2
MAIN_BUNDLE = "pagefind"
RECENT_BUNDLE = "pagefind-recent"
OLDER_BUNDLE = "pagefind-older"
LOOKUP_DIR = "lookup"


@dataclass
class SearchStats:
    """What indexing did: records per bundle, time, Pagefind's peak memory, lookup shards."""

    letters: int = 0
    bundles: dict[str, int] = field(default_factory=dict)  # bundle folder -> records indexed
    seconds: float = 0.0
    records_seconds: float = 0.0
    pagefind_seconds: float = 0.0
    peak_rss_kb: int = 0
    lookup_prefix: int = 0
    lookup_shards: int = 0
    lookup_max_bytes: int = 0
    recent_years: list[str] = field(default_factory=list)
    older_words_max_bytes: int = 0  # largest shard of older-words/ (words.py)
    fingerprints: dict[str, str] = field(default_factory=dict)  # bundle folder -> its records' SHA-256
    reused: list[str] = field(default_factory=list)  # bundles taken from the previous site


def split_years(letters: list[Letter], recent: int = RECENT_YEARS) -> tuple[list[str], list[str]]:
    """(recent years, older years), each newest first, from the years letters were issued in."""
    years = sorted({str(letter.year) for letter in letters}, reverse=True)
    return years[:recent], years[recent:]


STAGING_PREFIX = "congkhai-search-"  # + <pid>-<random>: a leftover of a dead pid is swept


def _staging_parent(work_dir: Path) -> Path:
    """Where the records are staged: RAM (/dev/shm) when there is one, since 100,000 small files
    are slow to write and delete on some disks; else the build folder."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return shm
    work_dir.mkdir(parents=True, exist_ok=True)
    return work_dir


def _write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def records_fingerprint(folder: Path) -> str:
    """SHA-256 over a staged bundle's record files (paths and bytes): the whole input of a Pagefind run."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.html")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _reuse_bundle(previous: tuple[Path, Mapping[str, str]] | None, name: str, fingerprint: str,
                  target: Path) -> bool:
    """Hard-link the previous site's bundle `name` into `target` when it was built from the same records."""
    if previous is None or previous[1].get(name) != fingerprint or not (previous[0] / name).is_dir():
        return False
    shutil.copytree(previous[0] / name, target, copy_function=os.link)
    return True


def index_content(content: Content, site_dir: Path, work_dir: Path,
                  page_texts: Mapping[str, list[str]] | None = None,
                  previous: tuple[Path, Mapping[str, str]] | None = None) -> SearchStats:
    """Write the Pagefind bundles and the code lookup of `content` into `site_dir`; `page_texts`: the
    machine-read text of scanned letters by PDF (letter.pdf_source), indexed with their records;
    `previous`: (previous site, its bundles' record fingerprints): a bundle of the same records is linked
    from there instead of being indexed again."""
    start = time.perf_counter()
    stats = SearchStats(letters=len(content.letters))
    recent, older = split_years(content.letters)
    stats.recent_years = recent
    sweep_dead(_staging_parent(work_dir), STAGING_PREFIX)  # staging of killed builds (in RAM: /dev/shm)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=_staging_parent(work_dir)))
    sites = {MAIN_BUNDLE: staging / "all", RECENT_BUNDLE: staging / "recent", OLDER_BUNDLE: staging / "older"}
    counts = dict.fromkeys(sites, 0)
    views, older_words = [], set()
    try:
        for letter in content.letters:
            view = letter_view(letter, content)
            views.append(view)
            texts = (page_texts or {}).get(letter.pdf_source, []) if letter.withdrawn is None else []
            main = code_record_html(view) if older else record_html(letter, view, page_texts=texts)
            _write(sites[MAIN_BUNDLE] / letter.url / "index.html", main)
            counts[MAIN_BUNDLE] += 1
            if older:  # no code: the page answers code-shaped queries by the lookup, parts by pagefind/
                name = RECENT_BUNDLE if view.year in recent else OLDER_BUNDLE
                _write(sites[name] / letter.url / "index.html", record_html(letter, view, with_code=False,
                                                                                  page_texts=texts))
                counts[name] += 1
                if name == OLDER_BUNDLE:
                    older_words |= record_words(view, searchable_text(letter, view, texts))
        stats.records_seconds = time.perf_counter() - start
        for name, folder in sites.items():
            shutil.rmtree(site_dir / name, ignore_errors=True)
            if counts[name]:
                stats.fingerprints[name] = records_fingerprint(folder)
                if _reuse_bundle(previous, name, stats.fingerprints[name], site_dir / name):
                    stats.reused.append(name)
                    continue
                run = run_pagefind(folder, site_dir / name)
                prune_bundle(site_dir / name)
                canonicalize_bundle(site_dir / name)
                stats.pagefind_seconds += run.seconds
                stats.peak_rss_kb = max(stats.peak_rss_kb, run.peak_rss_kb)
    finally:
        discard(staging)  # ~20,000 record files at 10,000 letters: removed in the background
    stats.bundles = {k: v for k, v in counts.items() if v}
    lookup_dir = site_dir / LOOKUP_DIR
    shutil.rmtree(lookup_dir, ignore_errors=True)
    stats.lookup_prefix, stats.lookup_shards, stats.lookup_max_bytes = write_lookup(lookup_dir, views)
    shutil.rmtree(site_dir / WORDS_DIR, ignore_errors=True)
    if older:
        stats.older_words_max_bytes = write_words(site_dir / WORDS_DIR, older_words)
    text = [RECENT_BUNDLE, OLDER_BUNDLE] if older else [MAIN_BUNDLE]
    script = config_js(stats.lookup_prefix, content, recent, older, text_bundles=text, code_bundle=MAIN_BUNDLE,
                       older_words=WORDS_DIR + "/" if older else "")
    (lookup_dir / "config.js").write_text(script, encoding="utf-8")
    stats.seconds = time.perf_counter() - start
    return stats


def index_site(tmp_site_dir: Path, result, build_dir: Path,
               previous: tuple[Path, Mapping[str, str]] | None = None) -> SearchStats:
    """Index the letters of a checked content root (`CheckResult`) into a freshly built site (`previous`: as
    for `index_content`)."""
    if result.content is None:
        raise ValueError("no content to index")
    return index_content(result.content, Path(tmp_site_dir), Path(build_dir), machine_read_texts(result.pdf_facts),
                         previous)


def machine_read_texts(pdf_facts: Mapping[str, PdfFacts]) -> dict[str, list[str]]:
    """The OCR texts of scanned PDFs (PdfFacts.machine_read), by letter PDF; the check passed, so
    nothing personal was read in them."""
    texts = {}
    for rel, facts in pdf_facts.items():
        if facts.ocr_pages:
            texts[rel] = [page.text for page in machine_read(facts) if page.text]
    return texts
