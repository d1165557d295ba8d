"""Build the search of a site: Pagefind bundles split by year, and the dossier-code lookup.

Layout written into the site folder:
  pagefind/                 main bundle, the default scope: the latest `RECENT_YEARS` years in full,
                            plus a code-only record of every older letter (so `search(code)` on
                            the main bundle finds any letter by its dossier code)
  pagefind-archive/<year>/  one bundle per older year, merged in by the "all years" control
  lookup/<prefix>.json      dossier code -> letters (see lookup.py); lookup/config.js settings
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Content, Letter
from generator.search.lookup import config_js, write_lookup
from generator.search.pagefind_run import prune_bundle, run_pagefind
from generator.search.records import letter_view, record_html

RECENT_YEARS = 2
MAIN_BUNDLE = "pagefind"
ARCHIVE_DIR = "pagefind-archive"
LOOKUP_DIR = "lookup"


@dataclass
class SearchStats:
    """What indexing did: pages per bundle, time, peak memory of Pagefind, lookup shards."""

    letters: int = 0
    bundles: dict[str, int] = field(default_factory=dict)  # bundle path -> records indexed
    seconds: float = 0.0
    peak_rss_kb: int = 0
    lookup_prefix: int = 0
    lookup_shards: int = 0
    lookup_max_bytes: int = 0
    recent_years: list[str] = field(default_factory=list)


def split_years(letters: list[Letter], recent: int = RECENT_YEARS) -> tuple[list[str], list[str]]:
    """(recent years, older years), each newest first, from the years letters were issued in."""
    years = sorted({str(letter.year) for letter in letters}, reverse=True)
    return years[:recent], years[recent:]


def _write_record(root: Path, letter: Letter, html: str) -> None:
    path = root / letter.url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def index_content(
    content: Content, site_dir: Path, work_dir: Path, *, archive_codes_in_main: bool = True
) -> SearchStats:
    """Write the Pagefind bundles and the code lookup of `content` into `site_dir`."""
    start = time.perf_counter()
    stats = SearchStats(letters=len(content.letters))
    recent, older = split_years(content.letters)
    stats.recent_years = recent
    staging = work_dir / "search-records"
    shutil.rmtree(staging, ignore_errors=True)
    views = []
    sites: dict[str, Path] = {MAIN_BUNDLE: staging / "main"}
    sites.update({f"{ARCHIVE_DIR}/{y}": staging / y for y in older})
    counts = dict.fromkeys(sites, 0)
    for letter in content.letters:
        view = letter_view(letter, content)
        views.append(view)
        year = str(letter.year)
        if year in recent:
            _write_record(sites[MAIN_BUNDLE], letter, record_html(letter, view))
            counts[MAIN_BUNDLE] += 1
            continue
        _write_record(sites[f"{ARCHIVE_DIR}/{year}"], letter, record_html(letter, view))
        counts[f"{ARCHIVE_DIR}/{year}"] += 1
        if archive_codes_in_main:
            _write_record(sites[MAIN_BUNDLE], letter, record_html(letter, view, code_only=True))
            counts[MAIN_BUNDLE] += 1
    for name in (MAIN_BUNDLE, ARCHIVE_DIR):
        shutil.rmtree(site_dir / name, ignore_errors=True)
    for name, folder in sites.items():
        if not counts[name]:
            continue
        run = run_pagefind(folder, site_dir / name)
        prune_bundle(site_dir / name)
        stats.peak_rss_kb = max(stats.peak_rss_kb, run.peak_rss_kb)
    stats.bundles = {k: v for k, v in counts.items() if v}
    lookup_dir = site_dir / LOOKUP_DIR
    shutil.rmtree(lookup_dir, ignore_errors=True)
    stats.lookup_prefix, stats.lookup_shards, stats.lookup_max_bytes = write_lookup(lookup_dir, views)
    (lookup_dir / "config.js").write_text(config_js(stats.lookup_prefix, content, recent, older), encoding="utf-8")
    shutil.rmtree(staging, ignore_errors=True)
    stats.seconds = time.perf_counter() - start
    return stats


def index_site(tmp_site_dir: Path, result, build_dir: Path) -> SearchStats:
    """Index the letters of a checked content root (`CheckResult`) into a freshly built site."""
    if result.content is None:
        raise ValueError("no content to index")
    return index_content(result.content, Path(tmp_site_dir), Path(build_dir))
