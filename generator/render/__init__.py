"""Render the site's documents: from the validated model to a folder of Markdown/HTML pages and data files.

`render_docs(content, pdf_facts, today, docs_dir)` writes everything mkdocs needs into `docs_dir`
(a fresh folder: the previous one is set aside and removed in the background, generator/trash.py)
and returns a `Rendered` with the pages written and the PDF files to copy into the finished site
(`assets`: (source path, site-relative destination)).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model import Content
from generator.render.agencies import render_agencies
from generator.render.common import Site, make_env
from generator.render.home import render_home
from generator.render.letters import render_letters, render_listings
from generator.trash import set_aside, sweep

STATIC = Path(__file__).parent / "static"


@dataclass
class Rendered:
    """What `render_docs` wrote."""

    site: Site
    pages: list[str] = field(default_factory=list)  # docs-relative .md paths
    files: list[str] = field(default_factory=list)  # docs-relative data/feed/asset files
    assets: list[tuple[Path, str]] = field(default_factory=list)  # PDFs: (source, site-relative path)


def render_docs(content: Content, pdf_facts: Mapping[str, object], today: date, docs_dir: Path) -> Rendered:
    """Write every generated page and file into `docs_dir` (emptied first)."""
    from generator.feeds import write_feeds
    from generator.opendata import write_open_data

    sweep(docs_dir)
    set_aside(docs_dir)  # the previous build's docs: removed in the background (~30,000 files at 10,000 letters)
    docs_dir.mkdir(parents=True)
    site = Site.create(content, pdf_facts, today)
    env = make_env()
    out = Rendered(site)
    out.pages += render_home(site, env, docs_dir)
    out.pages += render_agencies(site, env, docs_dir)
    out.pages += render_letters(site, env, docs_dir, out.assets)
    out.pages += render_listings(site, env, docs_dir)
    for path in write_open_data(site, env, docs_dir):
        (out.pages if path.endswith(".md") else out.files).append(path)
    out.files += write_feeds(site, docs_dir)
    for item in sorted(STATIC.iterdir()):
        target = docs_dir / "assets" / item.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item, target)
        out.files.append(f"assets/{item.name}")
    return out
