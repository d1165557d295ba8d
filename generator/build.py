"""Build the public site, all or nothing: check → render → mkdocs (strict) → search hook → swap.

`build_site()` is one straight-line function. The new site is built in a temporary folder beside
`site_dir` and swapped in only when complete (rename old away, rename new in), so a failed build —
invalid content, a strict-mode warning, a crash — leaves the previous site untouched. An incremental
build writes there only what changed; the previous site's unchanged files and folders are moved into it
just before the swap (site/carry.py: journalled, put back if anything fails before the swap). The build is done
once the new site is renamed in: the old one (`.<site>.old-*`, ~60,000 files at 10,000 letters, ~20 s to
delete) is deleted by a detached background process, and any such leftover is swept (again in the
background) when the next build starts.
The library never prints or exits: failures raise `BuildFailed`; `generator/commands/build.py` reports.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator import parallel
from generator.buildlock import hold_all
from generator.cachedata import gc_frozen
from generator.checks.orchestrator import CheckResult, check_content
from generator.checks.pdfgate.ocr import engine_key
from generator.checks.record import LOCK_NAME
from generator.site import carry, reuse, search
from generator.site import mkdocs as site_mkdocs
from generator.site import skips as skips_mod
from generator.site.carry import Carried
from generator.site.common import Site
from generator.site.docs import Rendered, render_docs
from generator.site.letters import PAGE_IMAGE_CACHE
from generator.site.procedures import write_procedure_pages
from generator.site.reports.pages import write_report_pages
from generator.site.sitemap import split_sitemap
from generator.stopwatch import Stopwatch
from generator.strings.cli import BUILD_PAGES_MISSING
from generator.trash import aside_name, discard, sweep, sweep_unfinished
from generator.trash import remove as _remove

ROOT = Path(__file__).resolve().parent.parent


class BuildFailed(Exception):
    """The build stopped; the previous site (if any) is untouched. `check` holds the problems when invalid."""

    def __init__(self, message: str, check=None) -> None:
        super().__init__(message)
        self.check = check


@dataclass
class BuildResult:
    """A finished build: the check result, what was rendered, where the site is, how MkDocs ran (`mkdocs.fast`;
    `mkdocs.mismatched`: the fast path was refused, other mkdocs/Material versions than the pinned ones)."""

    check: CheckResult
    rendered: Rendered
    site_dir: Path
    mkdocs: site_mkdocs.Outcome | None  # None when nothing was built (mode "unchanged")
    mode: str = "full"  # "full", "incremental" (unchanged pages and bundles reused) or "unchanged" (nothing done)
    reused_pages: frozenset[str] = frozenset()  # docs pages offered from the previous site (when its HTML is there)
    reused_bundles: tuple[str, ...] = ()  # search bundles linked from the previous site
    seconds: dict[str, float] = field(default_factory=dict)  # wall seconds per stage, in order (stopwatch.py)


def build_site(content_root: Path, site_dir: Path, today: date, *, build_dir: Path | None = None,
               cache_dir: Path | None = None, run_pdf_gate: bool = True, progress=None, full: bool = False,
               **check_options) -> BuildResult:
    """Validate `content_root`, render, run mkdocs, swap the result into `site_dir` (`check_options`: e.g.
    `publish=True`, passed to `check_content`). What the previous build of `site_dir` made from the same
    inputs is reused (generator/site/reuse.py) unless `full`."""
    site_dir = Path(site_dir).resolve()
    build_dir = Path(build_dir or ROOT / "build").resolve()
    watch = Stopwatch()
    with hold_all(site_dir, build_dir):  # one build at a time per site and build folder (BuildBusy)
        with watch.stage("previous"):
            inputs = reuse.inputs_fingerprint(Path(content_root), today, check_inputs(run_pdf_gate, check_options))
            pending = None
            if full or reuse.inputs_hint(reuse.manifest_path(site_dir)) == inputs:  # the site may stand: see
                previous, previous_files = previous_build(site_dir, full)
                if previous is not None and previous.inputs == inputs and previous.settled:  # it does: no check
                    return BuildResult(CheckResult(None, []), Rendered(site=None, pages=list(previous.pages)),
                                       site_dir, None, "unchanged", seconds=watch.seconds)
            else:  # the inputs changed: the previous site is read in a child while the content is checked here
                pending = parallel.start_child(lambda: previous_build(site_dir, full))
            warmed = site_mkdocs.prepare()  # MkDocs' child, getting ready meanwhile (site/mkdocs/warm.py)
        try:
            try:
                with watch.stage("check"):
                    result = check_content(Path(content_root), today, cache_dir=cache_dir,
                                           run_pdf_gate=run_pdf_gate, progress=progress, **check_options)
            finally:
                if pending is not None:
                    with watch.stage("previous"):
                        previous, previous_files = pending.result()  # waited for, even when the check failed
            if not result.valid or result.content is None:
                raise BuildFailed("content has errors", check=result)
            with gc_frozen():  # the checked content, never freed before the build ends (cachedata.gc_frozen)
                return _build_checked(result, site_dir, today, build_dir, previous, previous_files,
                                      cache_dir=cache_dir, inputs=inputs, watch=watch, warmed=warmed)
        finally:
            if warmed is not None:
                warmed.cancel()  # ended unused (a build that stopped before MkDocs); nothing once it ran


def check_inputs(run_pdf_gate: bool, check_options: dict) -> str:
    """What the check reads besides the content files, today and the code: its options (publish mode, the
    last published lock) and the OCR engine (version and models) that reads scans."""
    engine = engine_key() if run_pdf_gate else "no PDF gate"
    return repr((engine, sorted((name, repr(value)) for name, value in check_options.items())))


def build_checked(result, site_dir: Path, today: date, *, build_dir: Path | None = None,
                  full: bool = False, cache_dir: Path | None = None) -> BuildResult:
    """Build from a valid CheckResult (render → mkdocs → search → swap); `build_site` without the check."""
    site_dir = Path(site_dir).resolve()
    build_dir = Path(build_dir or ROOT / "build").resolve()
    watch = Stopwatch()
    with hold_all(site_dir, build_dir):  # one build at a time (build_site holds it across the check too)
        with watch.stage("previous"):
            previous, previous_files = previous_build(site_dir, full)
        with gc_frozen():
            return _build_checked(result, site_dir, today, build_dir, previous, previous_files, cache_dir=cache_dir,
                                  watch=watch)


def previous_build(site_dir: Path, full: bool) -> tuple[reuse.Manifest | None, dict[str, int]]:
    """The trusted manifest of the site now in `site_dir` (None: a full build) and the site's file list;
    first, what a killed build moved out of that site is put back (site/carry.py)."""
    carry.recover(site_dir)
    files: dict[str, int] = {}
    previous = None if full else reuse.load(reuse.manifest_path(site_dir), site_dir, files)
    return previous, files


def _build_checked(result, site_dir: Path, today: date, build_dir: Path, previous: reuse.Manifest | None,
                   previous_files: dict[str, int], *, cache_dir: Path | None = None, inputs: str = "",
                   watch: Stopwatch | None = None, warmed=None) -> BuildResult:
    """Search started (Pagefind in the background) → render → reports → mkdocs → search finished → carry → swap
    over `previous` (the trusted manifest of the site now there,
    None: a full build; `previous_files`: that site's file list, from which unchanged files are carried into
    the new one); `inputs`: what the manifest records the site was built from ("": never taken as unchanged);
    `watch`: where each stage's time is added up; `warmed`: MkDocs' child, started early (site_mkdocs.prepare)."""
    watch = watch or Stopwatch()
    stage = watch.stage
    sweep(site_dir)  # a previous build's old site, if its removal did not finish
    sweep_unfinished(site_dir)  # a killed build's half-built site (we hold the lock: no build is running)
    manifest_file = reuse.manifest_path(site_dir)
    images = Path(cache_dir) / PAGE_IMAGE_CACHE if cache_dir else None  # kept with the check's cache (CI keeps it)
    carried = Carried()
    with stage("search"):  # Pagefind indexes in the background while the site is rendered (its records come
        indexing = search.start_site_index(  # from the content): `finish` below waits and places it
            result, build_dir, previous=(site_dir, previous.bundles) if previous else None, carry=carried,
            out_dir=search.out_dir_of(site_dir))
    tmp_site = site_dir.parent / f".{site_dir.name}.new-{os.getpid()}"
    moves = None
    try:
        with stage("keys"):
            site = Site.create(result.content, result.pdf_facts, today)
            overrides = site_mkdocs.config_overrides(site)
            chrome = reuse.chrome_fingerprint(overrides)
            skips = unchanged_outputs(site, build_dir / "docs", site_dir, previous, chrome, overrides, previous_files)
        with stage("render"):
            rendered = render_docs(result.content, result.pdf_facts, today, build_dir / "docs", image_cache=images,
                                   site=site, skips=skips, memo_dir=cache_dir)
        indexing.advance()
        with stage("reports"):
            for path in write_report_pages(result, build_dir / "docs", today, site=site, skips=skips):
                (rendered.pages if path.endswith(".md") else rendered.files).append(path)  # compliance reports
            rendered.pages.append(search.write_search_page(build_dir / "docs", result.content))  # tim-kiem/
            rendered.pages.extend(write_procedure_pages(build_dir / "docs", result.content))  # thu-tuc/ (A–Z)
        indexing.advance()
        with stage("plan"):
            digests = reuse.page_digests(build_dir / "docs", rendered.pages, site_mkdocs.reusable_text,
                                         skips.made.carried)
            plan = site_mkdocs.reuse_plan(site_dir, reuse.reusable(previous, chrome, digests), overrides,
                                          previous_files) if previous else None
        carried.files.update(skips.made.carried_files)
        _remove(tmp_site)
        with stage("mkdocs"):
            outcome = run_mkdocs(rendered, build_dir / "docs", tmp_site, today, reuse=plan, warmed=warmed,
                                 meanwhile=indexing.write_code_lookup)  # the lookup is made while MkDocs runs
            carried.files.update(outcome.carried)
            split_sitemap(tmp_site, rendered.site.base_url)  # sitemap index past 50,000 URLs
            copy_assets(rendered.assets, tmp_site)
            publish_record(result.content.root, tmp_site)  # published.lock beside the site: the next publish's base
        with stage("search"):
            stats = indexing.finish(tmp_site)  # Pagefind + code lookup; raises on failure
        with stage("swap"):
            taken = carry.carried_listing(previous_files, carried)  # the previous site's files that stay as they are
            files = {**carry.site_files(tmp_site), **taken}  # the new site: what this build wrote, and those
            missing = [src for src in skips.made.carried  # looked up in that list (not ~14,000 stats), before
                       if skips_mod.page_html_path(src) not in files]  # anything of the previous site moves
            if missing:  # a page placed without a docs file that MkDocs did not take from the previous site
                raise BuildFailed(BUILD_PAGES_MISSING.format(pages=", ".join(sorted(missing)[:5])))
            reuse.forget(manifest_file)  # from here the site changes: a cut build leaves no manifest to trust
            moves = carry.carry_in(site_dir, tmp_site, previous_files, taken) if taken else None
            swap_in(tmp_site, site_dir)
    except carry.CarryFailed as exc:
        indexing.cancel()
        _undo(moves, tmp_site)
        raise BuildFailed(BUILD_PAGES_MISSING.format(pages=", ".join(exc.paths[:5]))) from exc
    except BaseException:
        indexing.cancel()
        _undo(moves, tmp_site)
        raise
    with stage("manifest"):
        if moves is not None:
            moves.done()
        reuse.save(manifest_file, reuse.Manifest(reuse.VERSION, reuse.code_fingerprint(), str(site_dir),
                                                 reuse.tree_digest(files), inputs, chrome, digests,
                                                 stats.fingerprints, skips.made.outputs,
                                                 reuse.settled(result.pdf_facts)))
    return BuildResult(result, rendered, site_dir, outcome, "incremental" if previous else "full",
                       plan.pages if plan and outcome.reuse_offered else frozenset(), tuple(stats.reused),
                       watch.seconds)


def _undo(moves: carry.Moves | None, tmp_site: Path) -> None:
    """A build that failed: the previous site gets back what was moved out of it, the new one goes."""
    if moves is not None:
        moves.put_back()
    _remove(tmp_site)


def unchanged_outputs(site: Site, docs_dir: Path, site_dir: Path, previous: reuse.Manifest | None, chrome: str,
                      overrides, site_files: dict[str, int] | None = None) -> skips_mod.Skips:
    """What the render and report stages may leave unrendered (site/skips.py): nothing without a trusted
    previous build of the same chrome, or when MkDocs will not take pages from the previous site (the public
    path renders every page from its source: placeholders would be published)."""
    base, undated = skips_mod.site_keys(site, chrome)
    if previous is None or previous.chrome != chrome or not site_mkdocs.choose(None).fast:
        return skips_mod.Skips(docs_dir, base, undated)
    return skips_mod.Skips(docs_dir, base, undated, site_dir, previous.outputs, previous.pages,
                           site_mkdocs.nav_pages(overrides), site_files=site_files)


def run_mkdocs(rendered: Rendered, docs_dir: Path, out_dir: Path, today: date,
               reuse: site_mkdocs.ReusePlan | None = None, meanwhile=None, warmed=None) -> site_mkdocs.Outcome:
    """The MkDocs stage (generator/site/mkdocs: `mkdocs build --strict`, in a child, `warmed` when the build
    started one; `reuse`: pages taken from the previous site instead of being rendered; `meanwhile()`: work
    done here while the child runs, MkDocs stopped if it fails). Raises BuildFailed."""
    try:
        running = site_mkdocs.start(site_mkdocs.config_overrides(rendered.site), docs_dir, out_dir, today,
                                    reuse=reuse, warmed=warmed)
        if meanwhile is not None:
            try:
                meanwhile()
            except BaseException:
                running.cancel()
                raise
        return running.result()
    except site_mkdocs.MkdocsFailed as exc:
        raise BuildFailed(str(exc)) from exc


def copy_assets(assets: list[tuple[Path, str]], out_dir: Path) -> None:
    """Place the letters' PDFs (from the content) and page images (from their cache) into the built site:
    hard links when possible (same bytes, no extra disk, each file written once), else copies."""
    made: set[Path] = set()
    for src, rel in sorted(assets, key=lambda a: a[1]):
        target = out_dir / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            os.link(src, target)
        except OSError:
            shutil.copyfile(src, target)


def publish_record(content_root: Path, out_dir: Path) -> None:
    """Copy the public record (published.lock) to the site's root, so that the next publish can verify
    its lock against the last published one (publish.yml downloads it)."""
    lock = Path(content_root) / LOCK_NAME
    if lock.is_file():
        shutil.copyfile(lock, out_dir / LOCK_NAME)


def swap_in(new: Path, site_dir: Path, *, background: bool = True) -> Path | None:
    """Replace `site_dir` by `new`: rename the old site away, rename the new one in, then delete the old one
    (in a detached background process unless `background` is false). Returns the old site's temporary path."""
    old = aside_name(site_dir)
    had_old = site_dir.exists()
    if had_old:
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:
        if had_old:
            old.rename(site_dir)  # put the previous site back
        raise
    if not had_old:
        return None
    discard(old, background=background)
    return old
