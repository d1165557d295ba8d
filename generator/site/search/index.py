"""Build the search of a site: Pagefind bundles, one pair per year, and the dossier-code lookup.

Layout written into the site folder:
  pagefind-<year>/    the letters issued in <year>: full text without codes, with filters (unique words
                      make index chunks big; the page answers code-shaped queries from the lookup and
                      partial codes from the code bundles). The search page merges the bundles of a
                      scope into one Pagefind instance (`mergeIndex`): the latest `RECENT_YEARS` years
                      are the default scope, the other years are the older scope ("all years": both);
                      a chosen year searches its own bundle alone
  pagefind-codes-<year>/  the same letters by dossier code only (and what a result shows): all years
                      merged, `search(code)` finds any letter, by its full code first
  older-words/<key>.json  folded words of the older years' records by their first two letters (words.py):
                      the page asks them before widening a query to the older years
  lookup/<prefix>.json  dossier code -> letters (see lookup.py); lookup/config.js settings and bundles
One pair per year keeps a build incremental: each bundle is keyed by the SHA-256 of what its records are
made from (records.record_inputs, in memory) and linked from the previous site when that is unchanged, so
a letter added, corrected or withdrawn re-indexes the two bundles of its year only; only their records
are made and written for Pagefind.
Which years are recent changes nothing in the bundles (only config.js and older-words/).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.model import Content, Letter
from generator.checks.pdfgate.cache import machine_read
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.carry import Carried, site_files
from generator.site.search.canonical import canonicalize_bundle
from generator.site.search.lookup import config_js, write_lookup
from generator.site.search.pagefind_run import Running, patch_script, prune_bundle, start_pagefind
from generator.site.search.records import (
    LetterView,
    code_record_html,
    letter_view,
    record_html,
    record_inputs,
    searchable_text,
)
from generator.site.search.words import WORDS_DIR, record_words, write_words
from generator.trash import discard, set_aside, sweep_dead

RECENT_YEARS = 2
TEXT_BUNDLE = "pagefind-{year}"
CODE_BUNDLE = "pagefind-codes-{year}"
LOOKUP_DIR = "lookup"
PARALLEL_RUNS = 2  # Pagefind runs at a time
BUNDLES = "made"  # staging/<bundle>/: its records; staging/made/<bundle>/: what Pagefind made of them


@dataclass
class SearchStats:
    """What indexing did: records per bundle, time, Pagefind's peak memory, lookup shards."""

    letters: int = 0
    bundles: dict[str, int] = field(default_factory=dict)  # bundle folder -> records it holds
    seconds: float = 0.0
    records_seconds: float = 0.0  # letters keyed (records.record_inputs), unchanged bundles linked
    pagefind_seconds: float = 0.0  # the Pagefind runs' wall times, summed (two run at a time)
    index_seconds: float = 0.0  # wall time of the indexing: records of the bundles to index written, Pagefind
    peak_rss_kb: int = 0
    lookup_prefix: int = 0
    lookup_shards: int = 0
    lookup_max_bytes: int = 0
    recent_years: list[str] = field(default_factory=list)
    older_words_max_bytes: int = 0  # largest shard of older-words/ (words.py); 0 when reused or none
    fingerprints: dict[str, str] = field(default_factory=dict)  # bundle folder (or older-words) -> SHA-256 of its
    # input; lookup/<shard>.json -> SHA-256 of its bytes
    reused: list[str] = field(default_factory=list)  # bundles (and older-words) taken from the previous site
    indexed: list[str] = field(default_factory=list)  # bundles Pagefind indexed in this build


def split_years(letters: list[Letter], recent: int = RECENT_YEARS) -> tuple[list[str], list[str]]:
    """(recent years, older years), each newest first, from the years letters were issued in."""
    years = sorted({str(letter.year) for letter in letters}, reverse=True)
    return years[:recent], years[recent:]


STAGING_PREFIX = "congkhai-search-"  # + <pid>-<random>: a leftover of a dead pid is swept


def _staging_parent(work_dir: Path) -> Path:
    """Where the records are staged: RAM (/dev/shm) when there is one, since many small files
    are slow to write and delete on some disks; else the build folder."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return shm
    work_dir.mkdir(parents=True, exist_ok=True)
    return work_dir


def inputs_fingerprint(inputs: Mapping[str, object]) -> str:
    """SHA-256 over a bundle's letters (URL and the repr of what its record is made from, in URL order):
    what decides the whole input of its Pagefind run (records.record_inputs)."""
    digest = hashlib.sha256()
    for url in sorted(inputs):
        digest.update(url.encode() + b"\0" + repr(inputs[url]).encode() + b"\0")
    return digest.hexdigest()


def _write_records(folder: Path, records: Mapping[str, str]) -> None:
    made: set[Path] = set()
    for url, html in records.items():
        path = folder / url / "index.html"
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(html, encoding="utf-8")


def _reusable(previous: tuple[Path, Mapping[str, str]] | None, name: str, fingerprint: str) -> bool:
    """Whether the previous site's bundle (or older-words/) `name` was built from the same records."""
    return previous is not None and previous[1].get(name) == fingerprint and (previous[0] / name).is_dir()


def _records(name: str, letters: Mapping[str, list], inputs: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """{letter URL: record HTML} of the bundle `name` (a text bundle, or a code bundle: views only)."""
    if name in letters:
        return {letter.url: record_html(letter, view, with_code=False, page_texts=texts)
                for letter, view, texts in letters[name]}
    return {url: code_record_html(view) for url, view in inputs[name].items()}


def _finish_bundle(target: Path) -> None:
    """What Pagefind wrote into `target`, made ours: UI kits pruned, the script patched, files canonical."""
    prune_bundle(target)
    patch_script(target)
    canonicalize_bundle(target)


class Indexing:
    """A search index under way (`start_index`): the bundles to index have their records written and their
    Pagefind runs go on in the background (two at a time; `advance` starts the next ones) while the build
    renders the site; `finish` places everything into the new site. Nothing here depends on the rendered
    pages: records are made from the content (records.py)."""

    def __init__(self, content: Content, work_dir: Path, page_texts: Mapping[str, list[str]],
                 previous: tuple[Path, Mapping[str, str]] | None, carry: Carried | None,
                 out_dir: Path | None = None) -> None:
        start = time.perf_counter()
        self.content, self.previous, self.carry, self.out_dir = content, previous, carry, out_dir
        self.copies: dict[str, subprocess.Popen] = {}  # bundle -> its copy under way into out_dir
        self.lookup: Path | None = None  # the code lookup written into out_dir (`write_code_lookup`)
        if out_dir is not None:
            set_aside(out_dir)  # what an earlier build of this process left (its removal may still run)
        self.stats = stats = SearchStats(letters=len(content.letters))
        self.recent, self.older = split_years(content.letters)
        stats.recent_years = self.recent
        self.views: list[LetterView] = []
        self.letters: dict[str, list[tuple[Letter, LetterView, list[str]]]] = defaultdict(list)  # text bundle ->
        inputs: dict[str, dict[str, object]] = defaultdict(dict)  # bundle folder -> {letter URL: record inputs}
        for letter in content.letters:
            view = letter_view(letter, content)
            self.views.append(view)
            texts = page_texts.get(letter.pdf_source, []) if letter.withdrawn is None else []
            text_bundle = TEXT_BUNDLE.format(year=view.year)
            self.letters[text_bundle].append((letter, view, texts))
            inputs[text_bundle][letter.url] = record_inputs(letter, view, texts)
            inputs[CODE_BUNDLE.format(year=view.year)][letter.url] = view
        stats.fingerprints = {name: inputs_fingerprint(keyed) for name, keyed in sorted(inputs.items())}
        stats.bundles = {name: len(inputs[name]) for name in stats.fingerprints}
        todo = []
        for name, fingerprint in stats.fingerprints.items():
            if _reusable(previous, name, fingerprint):
                stats.reused.append(name)
                if carry is not None:
                    carry.trees.add(name)  # moved into the new site before the swap (site/carry.py)
            else:
                todo.append(name)
        stats.records_seconds = time.perf_counter() - start
        # Largest first, two at a time: a Pagefind run of a year's few records is mostly start-up and
        # writing, which the other run's indexing overlaps (each run has its own threads too).
        self.queue = sorted(todo, key=lambda name: -stats.bundles[name])
        self.running: dict[str, Running] = {}
        self.staging: Path | None = None
        self.index_start = time.perf_counter()
        if self.queue:
            sweep_dead(_staging_parent(work_dir), STAGING_PREFIX)  # staging of killed builds (in RAM: /dev/shm)
            self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-",
                                                 dir=_staging_parent(work_dir)))
            try:
                for name in self.queue:
                    _write_records(self.staging / name, _records(name, self.letters, inputs))
                self.advance()
            except BaseException:  # a full staging, Pagefind missing: nothing left running or staged
                self.cancel()
                raise

    def advance(self) -> None:
        """Note the runs that ended and start the next ones (at most PARALLEL_RUNS at a time); never waits."""
        self._reap(block=False)

    def _reap(self, *, block: bool) -> None:
        stats = self.stats
        while True:
            for name, run in list(self.running.items()):
                if run.done(block=False):
                    del self.running[name]
                    stats.indexed.append(name)
                    stats.pagefind_seconds += run.stats.seconds
                    stats.peak_rss_kb = max(stats.peak_rss_kb, run.stats.peak_rss_kb)
                    self._made(name)
            while self.queue and len(self.running) < PARALLEL_RUNS:
                name = self.queue.pop(0)
                self.running[name] = start_pagefind(self.staging / name, self.staging / BUNDLES / name)
            if not block or not self.running:
                return
            next(iter(self.running.values())).done(block=True)  # the oldest run: wait for it, then go round

    def _made(self, name: str) -> None:
        """A bundle Pagefind made: canonical, and (with `out_dir`) copied onto the site's file system by a `cp`
        in the background, so that `finish` only renames it (the copy of ~1,700 files overlaps MkDocs)."""
        made = self.staging / BUNDLES / name
        _finish_bundle(made)
        if self.carry is not None and self.out_dir is not None and self.previous is not None:
            carry_unchanged(made, self.previous[0] / name, name, self.carry)
        copier = _copier() if self.out_dir is not None else None
        if copier:
            self.out_dir.mkdir(exist_ok=True)
            self.copies[name] = subprocess.Popen([copier, "-r", "--", str(made), str(self.out_dir / name)],
                                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                                 stderr=subprocess.DEVNULL)

    def _place(self, name: str, target: Path) -> None:
        """Put the bundle `name` at `target`: its finished copy renamed in, else copied now from the staging."""
        copy = self.copies.pop(name, None)
        if copy is not None and copy.wait() == 0:
            try:
                os.rename(self.out_dir / name, target)
                return
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
        if self.out_dir is not None:
            shutil.rmtree(self.out_dir / name, ignore_errors=True)  # a copy that failed (a full disk: raised below)
        _copy_in(self.staging / BUNDLES / name, target)

    def write_code_lookup(self) -> None:
        """Write the code lookup now, beside the site (`out_dir`), for `finish` to rename in: the build calls it
        while MkDocs runs in its child (it reads nothing MkDocs makes). Without `out_dir`, `finish` writes it."""
        if self.out_dir is not None and self.lookup is None:
            start = time.perf_counter()
            self.out_dir.mkdir(exist_ok=True)
            self._write_lookup(self.out_dir / LOOKUP_DIR)
            self.lookup = self.out_dir / LOOKUP_DIR
            self.stats.seconds += time.perf_counter() - start

    def _write_lookup(self, lookup_dir: Path) -> None:
        stats, previous, carry = self.stats, self.previous, self.carry
        stats.lookup_prefix, stats.lookup_shards, stats.lookup_max_bytes = write_lookup(
            lookup_dir, self.views, previous[0] / LOOKUP_DIR if previous else None,
            carry.files if carry is not None else None, known=previous[1] if previous else None,
            digests=stats.fingerprints)  # the shards' SHA-256 go to the manifest with the bundles

    def cancel(self) -> None:
        """Stop the runs and copies (the build failed meanwhile) and remove what they staged and wrote."""
        for run in self.running.values():
            run.kill()
        for copy in self.copies.values():
            copy.kill()
            copy.wait()
        self.running.clear()
        self.copies.clear()
        self.queue.clear()
        self._discard()
        if self.out_dir is not None:
            set_aside(self.out_dir)  # renamed first: a next build of this process makes the same folder again

    def _discard(self) -> None:
        if self.staging is not None:
            discard(self.staging)  # the records of the bundles indexed: removed in the background
            self.staging = None

    def finish(self, site_dir: Path) -> SearchStats:
        """Wait for the runs, place the bundles into `site_dir`, write the code lookup, the older years' words
        and the search settings there (`carry`: unchanged bundles and shards are named there instead)."""
        start = time.perf_counter()
        stats, content, previous, carry = self.stats, self.content, self.previous, self.carry
        try:
            self._reap(block=True)
        except BaseException:
            self.cancel()
            raise
        finally:
            if self.staging is not None:
                stats.index_seconds = time.perf_counter() - self.index_start
        stats.indexed.sort()
        try:
            for name in stats.indexed:
                shutil.rmtree(site_dir / name, ignore_errors=True)
                self._place(name, site_dir / name)
        except BaseException:
            self.cancel()
            raise
        self._discard()
        lookup_dir = site_dir / LOOKUP_DIR
        shutil.rmtree(lookup_dir, ignore_errors=True)
        if self.lookup is not None:  # written while MkDocs ran (`write_code_lookup`)
            shutil.move(self.lookup, lookup_dir)  # a rename: out_dir is on the site's file system
            self.lookup = None
        else:
            self._write_lookup(lookup_dir)
        if self.out_dir is not None:
            shutil.rmtree(self.out_dir, ignore_errors=True)  # empty: every copy and the lookup renamed in
        if carry is None:
            for name in stats.reused:
                _link_tree(previous[0] / name, site_dir / name)
        shutil.rmtree(site_dir / WORDS_DIR, ignore_errors=True)
        recent, older = self.recent, self.older
        if older:
            older_letters = [x for year in older for x in self.letters[TEXT_BUNDLE.format(year=year)]]
            _older_words(older, older_letters, site_dir, previous, stats, carry)
        groups = [[TEXT_BUNDLE.format(year=y) for y in recent]] + ([[TEXT_BUNDLE.format(year=y) for y in older]]
                                                                   if older else [])
        script = config_js(stats.lookup_prefix, content, recent, older, text_bundles=groups,
                           code_bundles=[CODE_BUNDLE.format(year=y) for y in recent + older],
                           older_words=WORDS_DIR + "/" if older else "")
        (lookup_dir / "config.js").write_text(script, encoding="utf-8")
        stats.seconds += time.perf_counter() - start
        return stats


def start_index(content: Content, work_dir: Path, page_texts: Mapping[str, list[str]] | None = None,
                previous: tuple[Path, Mapping[str, str]] | None = None, carry: Carried | None = None,
                out_dir: Path | None = None) -> Indexing:
    """Start indexing `content` (`Indexing`; `page_texts`, `previous`, `carry`: as for `index_content`;
    `out_dir`: a folder on the file system of the site the bundles go to (`out_dir_of`), where they are copied
    as soon as they are made; None: copied by `finish`)."""
    start = time.perf_counter()
    indexing = Indexing(content, Path(work_dir), page_texts or {}, previous, carry, out_dir)
    indexing.stats.seconds = time.perf_counter() - start
    return indexing


def index_content(content: Content, site_dir: Path, work_dir: Path,
                  page_texts: Mapping[str, list[str]] | None = None,
                  previous: tuple[Path, Mapping[str, str]] | None = None, carry: Carried | None = None
                  ) -> SearchStats:
    """Write the Pagefind bundles and the code lookup of `content` into `site_dir`; `page_texts`: the
    machine-read text of scanned letters by PDF (letter.pdf_source), indexed with their records;
    `previous`: (previous site, its bundles' record fingerprints): a bundle of the same records is linked
    from there instead of being indexed again (older-words/ likewise when the older years' bundles are);
    with `carry`, such bundles and lookup shards are named there instead (the build moves them in)."""
    site_dir = Path(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    return start_index(content, work_dir, page_texts, previous, carry).finish(site_dir)


def _link_tree(source: Path, target: Path) -> None:
    """A previous site's folder hard-linked into the new one (same bytes, no extra disk; without `carry`)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, copy_function=os.link)


def carry_unchanged(made: Path, before: Path, name: str, carry: Carried) -> int:
    """Leave out of the copy into the site every file of the bundle Pagefind `made` that the previous site's
    bundle (`before`, its folder `name`) has with the same bytes at the same place, and carry that one instead
    (site/carry.py links it before the swap): a letter added to a year re-indexes its ~1,700 records, of
    which Pagefind writes all but a few fragments again byte for byte. Returns how many files were carried."""
    carried = 0
    for path, size in site_files(made).items():
        if _same_file(made / path, size, before / path):
            os.unlink(made / path)
            carry.files.add(f"{name}/{path}")
            carried += 1
    return carried


def _same_file(made: Path, size: int, before: Path) -> bool:
    """Whether `before` is a regular file (not a link) with exactly the bytes of the file `made` (of `size`)."""
    try:
        st = os.lstat(before)
        if not stat.S_ISREG(st.st_mode) or st.st_size != size:
            return False
        return made.read_bytes() == before.read_bytes()
    except OSError:
        return False


def _copier() -> str | None:
    """The `cp` that copies a made bundle in the background (None: `finish` copies it)."""
    return shutil.which("cp")


def _copy_in(made: Path, target: Path) -> None:
    """Put a bundle Pagefind made in the staging folder into the site: renamed when on the same file system,
    else copied (bytes only) and the staging copy left for the staging's removal."""
    try:
        os.rename(made, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copytree(made, target, copy_function=shutil.copyfile)


def _older_words(older: list[str], older_letters: list, site_dir: Path,
                 previous: tuple[Path, Mapping[str, str]] | None, stats: SearchStats,
                 carry: Carried | None = None) -> None:
    """older-words/ of the older years: linked from the previous site when made from the same bundles."""
    digest = hashlib.sha256(b"older-words\0")
    for year in older:
        digest.update(f"{year}={stats.fingerprints[TEXT_BUNDLE.format(year=year)]}\n".encode())
    stats.fingerprints[WORDS_DIR] = digest.hexdigest()
    if _reusable(previous, WORDS_DIR, stats.fingerprints[WORDS_DIR]):
        stats.reused.append(WORDS_DIR)
        if carry is not None:
            carry.trees.add(WORDS_DIR)
        else:
            _link_tree(previous[0] / WORDS_DIR, site_dir / WORDS_DIR)
        return
    words: set[str] = set()
    for letter, view, texts in older_letters:
        words |= record_words(view, searchable_text(letter, view, texts))
    stats.older_words_max_bytes = write_words(site_dir / WORDS_DIR, words)


def index_site(tmp_site_dir: Path, result, build_dir: Path,
               previous: tuple[Path, Mapping[str, str]] | None = None, carry: Carried | None = None) -> SearchStats:
    """Index the letters of a checked content root (`CheckResult`) into a freshly built site (`previous`,
    `carry`: as for `index_content`)."""
    return start_site_index(result, build_dir, previous, carry).finish(Path(tmp_site_dir))


def start_site_index(result, build_dir: Path, previous: tuple[Path, Mapping[str, str]] | None = None,
                     carry: Carried | None = None, out_dir: Path | None = None) -> Indexing:
    """`start_index` of the letters of a checked content root (`CheckResult`)."""
    if result.content is None:
        raise ValueError("no content to index")
    return start_index(result.content, Path(build_dir), machine_read_texts(result.pdf_facts), previous, carry,
                       out_dir)


def out_dir_of(site_dir: Path) -> Path:
    """Where a build of `site_dir` copies the bundles it makes: beside the site (the same file system: renamed
    in), named as a half-built site is (`.<site>.new-search-<pid>`), so that a killed build's is swept."""
    site_dir = Path(site_dir)
    return site_dir.parent / f".{site_dir.name}.new-search-{os.getpid()}"


def machine_read_texts(pdf_facts: Mapping[str, PdfFacts]) -> dict[str, list[str]]:
    """The OCR texts of scanned PDFs (PdfFacts.machine_read), by letter PDF; the check passed, so
    nothing personal was read in them."""
    texts = {}
    for rel, facts in pdf_facts.items():
        if facts.ocr_pages:
            texts[rel] = [page.text for page in machine_read(facts) if page.text]
    return texts
