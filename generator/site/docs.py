"""Render the site's documents: from the validated model to the folder of Markdown/HTML pages and data
files that MkDocs builds (`docs_dir`), every writer run on every core.

`render_docs(content, pdf_facts, today, docs_dir)` writes everything mkdocs needs into `docs_dir`
(a fresh folder: the previous one is set aside and removed in the background, generator/trash.py)
and returns a `Rendered` with the pages written and the files to place into the finished site
(`assets`: (source path, site-relative destination)): the letters' PDFs and their page images, which
never go through the docs folder (MkDocs would copy each again); the build hard-links them after MkDocs.
A letter page's images are rendered with it, once per PDF not yet in their cache (site/page_images.py).
"""


from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from generator.site.feeds import write_feeds
from generator.content.model import Content
from generator.site.opendata import write_open_data
from generator.parallel import run_tasks
from generator.checks.pdfgate.facts import PdfFacts
from generator.site.agencies import render_agencies
from generator.site.common import Site, make_env
from generator.site.home import render_home
from generator.site.reports.pages import report_plan
from generator.site.letters import page_image_cache, render_listings, write_letters
from generator.site.page_images import RenderStats, count, note
from generator.site.skips import Made, Skips
from generator.site.skips import render_all as render_everything
from generator.trash import set_aside, sweep

STATIC = Path(__file__).with_name("static")
LETTERS_PER_TASK = 250  # letter pages are written in tasks of this many (balanced across the cores)
PARALLEL_LETTERS = 400  # below this many letters everything is written in this process


@dataclass
class Rendered:
    """What `render_docs` wrote."""

    site: Site
    pages: list[str] = field(default_factory=list)  # docs-relative .md paths
    files: list[str] = field(default_factory=list)  # docs-relative data/feed/asset files
    assets: list[tuple[Path, str]] = field(default_factory=list)  # PDFs, page images: (source, site path)
    page_images: RenderStats = RenderStats()  # PDFs whose page images were rendered, found in the cache
    made: Made = field(default_factory=Made)  # the output groups rendered or placed unchanged (site/skips.py)


def render_docs(content: Content, pdf_facts: Mapping[str, PdfFacts], today: date, docs_dir: Path, *,
                image_cache: Path | None = None, site: Site | None = None, skips: Skips | None = None,
                memo_dir: Path | None = None) -> Rendered:
    """Write every generated page and file into `docs_dir` (emptied first); the letters' page images are
    cached in `image_cache` (default: beside `docs_dir`). `site`: the Site of these inputs when the caller
    made it; `skips`: the previous build's outputs, placed instead of rendered where their inputs are unchanged
    (default: render everything); `memo_dir`: the build's cache folder, where the open-data rows are kept
    between builds (opendata.RowTexts; default: made every build)."""
    sweep(docs_dir)
    set_aside(docs_dir)  # the previous build's docs: removed in the background (~30,000 files at 10,000 letters)
    docs_dir.mkdir(parents=True)
    site = site or Site.create(content, pdf_facts, today)
    skips = skips or render_everything(docs_dir)
    site.image_cache = Path(image_cache) if image_cache else page_image_cache(docs_dir)
    site.memo_dir = Path(memo_dir) if memo_dir else None
    # Made before the fork, once, for every writer (children inherit them): where each PDF is published (one
    # stat a letter) and every letter's facts digest (open data here, report input digests in this process).
    # The compliance figures and the report input digests are made by this process, first, while the
    # children start on the other writers: they feed the agency pages here and the report pages later.
    letters = content.letters
    for letter in letters:
        if letter.withdrawn is None:
            site.pdf_present(letter)
    for facts in site.facts.values():
        site.facts_digest(facts)
    env = make_env()
    out = Rendered(site)
    chunks = [letters[i : i + LETTERS_PER_TASK] for i in range(0, len(letters), LETTERS_PER_TASK)]
    tasks = {  # independent writers, run on every core (generator/parallel.py); the longest first
        "open-data": lambda: write_open_data(site, env, docs_dir, skips),
        "agencies": lambda: _agencies_and_report_plan(site, env, docs_dir, skips),  # here, first (below)
        "listings": lambda: render_listings(site, env, docs_dir, skips),
        **{f"letters-{i}": partial(write_letters, site, env, docs_dir, chunk, skips) for i, chunk in enumerate(chunks)},
        "feeds": lambda: write_feeds(site, docs_dir, skips),
        "home": lambda: render_home(site, env, docs_dir),
    }
    results = run_tasks([skips.collecting(task) for task in tasks.values()],
                        count=None if len(letters) >= PARALLEL_LETTERS else 1, here_first=[list(tasks).index("agencies")])
    done = {}
    for name, (value, made) in zip(tasks, results):
        done[name] = value
        skips.absorb(made)
    out.made = skips.made
    out.pages += done["home"] + done["agencies"]
    images: dict[str, str] = {}  # SHA-256 -> how its page images were got ("rendered" wins: once per PDF)
    for i in range(len(chunks)):
        pages, assets, made = done[f"letters-{i}"]
        out.pages += pages
        out.assets += assets
        for sha, how in made.items():
            note(images, sha, how)
    out.page_images = count(images)
    out.pages += done["listings"]
    for path in done["open-data"]:
        (out.pages if path.endswith(".md") else out.files).append(path)
    out.files += done["feeds"]
    for item in sorted(STATIC.iterdir()):
        target = docs_dir / "assets" / item.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item, target)
        out.files.append(f"assets/{item.name}")
    return out


def _agencies_and_report_plan(site: Site, env, docs_dir: Path, skips: Skips) -> list[str]:
    """The agency pages and the report pages' input keys (`report_plan`, kept on the Site for the report stage;
    the report pages kept from the previous build are named by that stage): what reads the compliance
    figures and the report input digests, made by the parent while the children write the other pages."""
    written = render_agencies(site, env, docs_dir, skips)
    report_plan(site, skips)
    return written
