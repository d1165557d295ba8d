"""The MkDocs adapter: the one place that knows how MkDocs and Material work inside.

`build(overrides, docs_dir, out_dir, today)` runs `mkdocs build --strict` on the generated docs, in a
forked child (MkDocs holds every page while it builds, 100,000 at scale: that memory must not stay with
the build while Pagefind runs). `config_overrides(site)` gives the values set on top of mkdocs.yml. Nothing
else in generator/ imports mkdocs or material (tests/test_layers.py). Two ways to build, same bytes
(tests/test_build.py::test_fast_and_public_mkdocs_builds_are_byte_identical):

- public (`fast=False`, or CONGKHAI_MKDOCS_PUBLIC=1): `load_config(mkdocs.yml)` + `build(config)`, MkDocs'
  public API only. mkdocs.yml names no hooks and overrides/main.html falls back to `super()`.
- fast (the default): the same with three hooks, one per shortcut, which rely on internals of the pinned
  versions. Seconds each saves in the mkdocs stage, switched off alone (the others on), `scripts/bench.py
  --step mkdocs`, min of 2 runs back to back. Measured at 1,000 letters (3,651 pages; docs built without
  the PDF gate) on the shared 2-core machine under load (load average 8-11: other builds running), ×10
  estimated for 10,000 letters (pages scale with letters); every shortcut on: 36.4 s (runs 36.4, 70.2):

  | shortcut | hook | what it saves | internals used | without it (1,000) | saves at 1,000 | at 10,000 (×10, estimated) |
  | --- | --- | --- | --- | ---: | ---: | ---: |
  | `markdown` | markdown.py | Python-Markdown over every generated page (one raw HTML block each) and a Markdown instance per page | `Page.render`'s attributes, `toc.get_toc` | 356.3 s | 320 s | ~3,200 s |
  | `chrome` | chrome.py | Material's nav drawer, tabs and `__config` rendered per page: once per page shape instead | Material's block names and what they read | 42.5 s | 6 s | ~60 s |
  | `fork` | fork.py | one process: pages rendered on every core | `commands.build._build_page`, empty output not written | 39.0 s | 2.6 s | ~26 s |

  `fork` gains only what idle cores give: on a loaded machine little (BENCHMARKS.md step 5, less loaded:
  17.7 → 12.3 s at 1,000, 61.4 → 42.2 s at 10,000); `chrome` saved 7.9 s of CPU at 1,000 on 2026-11-27.

The version guard: the fast path runs only when the installed mkdocs and mkdocs-material are the versions
the shortcuts were checked against (PINNED, which tests/test_layers.py keeps equal to requirements.txt);
otherwise `build` takes the public path and says so in its result (`Outcome.mismatched`, reported by the
CLI): an upgrade makes the build slower, never wrong.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape

from generator import parallel
from generator.site import search
from generator.site.mkdocs import reuse as reuse_hooks
from generator.site.mkdocs import warm
from generator.site.mkdocs.reuse import Plan as ReusePlan
from generator.site.mkdocs.reuse import nav_pages, reusable_text, reuse_plan
from generator.strings.cli import BUILD_MKDOCS_ABORTED, BUILD_MKDOCS_ERROR
from generator.strings import reports as R
from generator.strings import search as search_strings
from generator.strings import site as S

__all__ = ["MkdocsFailed", "Outcome", "ReusePlan", "Running", "build", "choose", "config_overrides", "nav_pages",
           "prepare", "reusable_text", "reuse_plan", "start"]

if TYPE_CHECKING:
    from generator.site.common import Site

HERE = Path(__file__).resolve().parent
MKDOCS_YML = HERE.parents[2] / "mkdocs.yml"
PINNED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2"}  # the versions whose internals the hooks use
SHORTCUTS = ("chrome", "markdown", "fork")  # hook order: chrome's on_env defines chrome_keep before fork's forks
PUBLIC_ENV = "CONGKHAI_MKDOCS_PUBLIC"


class MkdocsFailed(Exception):
    """MkDocs stopped (a strict-mode warning, a configuration error); the message (strings.cli) names MkDocs."""


@dataclass(frozen=True)
class Outcome:
    """How the site was built: `fast` (the hooks ran) and, when the fast path was refused, why:
    (package, installed version or None, pinned version) for each version that differs."""

    fast: bool
    mismatched: tuple[tuple[str, str | None, str], ...] = ()
    reuse_offered: int = 0  # pages offered from the previous site (taken when their HTML is there)
    carried: tuple[str, ...] = ()  # site files of the pages taken: not written, the build carries them


def installed_versions() -> dict[str, str | None]:
    """The installed version of each pinned package (None when it is not installed)."""
    found: dict[str, str | None] = {}
    for package in PINNED:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def mismatches(installed: Mapping[str, str | None]) -> tuple[tuple[str, str | None, str], ...]:
    """(package, installed, pinned) for each package whose installed version is not the pinned one."""
    return tuple((package, installed.get(package), pinned) for package, pinned in PINNED.items()
                 if installed.get(package) != pinned)


MISMATCHED = mismatches(installed_versions())  # checked once, at import


def choose(fast: bool | None, mismatched: tuple | None = None) -> Outcome:
    """The path to take: `fast` None means fast unless CONGKHAI_MKDOCS_PUBLIC=1; never fast on other versions
    (`mismatched`: MISMATCHED, the installed ones)."""
    wanted = os.environ.get(PUBLIC_ENV) != "1" if fast is None else fast
    mismatched = MISMATCHED if mismatched is None else mismatched
    if wanted and mismatched:
        return Outcome(False, mismatched)
    return Outcome(wanted)


def config_overrides(site: Site) -> dict:
    """Config values the generator sets on top of mkdocs.yml (portal identity, nav, footer, 404 texts)."""
    portal = site.content.portal
    footer = [S.FOOTER_LICENCE.format(licence=portal.data_licence)]
    if portal.contact:
        footer.append(S.FOOTER_CONTACT.format(contact=portal.contact))
    values = {
        "site_name": str(escape(portal.name or "congkhai")),  # Material prints site_name raw
        "site_url": site.base_url if "://" in site.base_url else None,
        "copyright": str(escape(" ".join(footer))),
        "nav": [{S.NAV_HOME: "index.md"}, {S.NAV_AGENCIES: "agencies/index.md"}, {S.NAV_LETTERS: "letters/index.md"},
                {search_strings.NAV_SEARCH: search.PAGE_PATH},
                {S.NAV_DATA: "data/index.md"}, {R.NAV_TITLE: "reports/index.md"}, {S.NAV_ABOUT: "about.md"}],
        "extra": {"generator": False,
                  "feed": {"href": "feeds/atom.xml", "title": str(escape(S.FEED_TITLE.format(portal=portal.name)))},
                  "not_found": {key: str(escape(text)) for key, text in {  # overrides/404.html
                      "title": S.NOT_FOUND_TITLE, "text": S.NOT_FOUND_TEXT, "search": S.NOT_FOUND_SEARCH,
                      "agencies": S.NAV_AGENCIES, "letters": S.NAV_LETTERS, "home": S.NAV_HOME}.items()}},
    }
    return {key: value for key, value in values.items() if value is not None}


def build(overrides: Mapping, docs_dir: Path, out_dir: Path, today: date, *, fast: bool | None = None,
          without: Collection[str] = (), reuse: reuse_hooks.Plan | None = None) -> Outcome:
    """`mkdocs build --strict` of `docs_dir` into `out_dir` with `overrides` (config_overrides), in a forked
    child; raises MkdocsFailed. `without`: shortcuts of the fast path left out (for measuring them).
    `reuse`: pages taken from the previous site instead of being rendered (reuse.py; fast path only)."""
    return start(overrides, docs_dir, out_dir, today, fast=fast, without=without, reuse=reuse).result()


class Running:
    """A MkDocs build under way in a forked child (`start`): `result()` waits for its Outcome (raises
    MkdocsFailed), `cancel()` stops it."""

    def __init__(self, outcome: Outcome, plan: reuse_hooks.Plan | None, pending: parallel.Pending) -> None:
        self.outcome, self.plan, self.pending = outcome, plan, pending

    def result(self) -> Outcome:
        carried = self.pending.result()
        return Outcome(self.outcome.fast, self.outcome.mismatched, len(self.plan.pages) if self.plan else 0,
                       tuple(carried))

    def cancel(self) -> None:
        self.pending.cancel()


def prepare() -> warm.Warm | None:
    """The MkDocs child of the build to come, started now (warm.py: imports and templates ready by the time the
    docs are); None on the public path or without a child to start. `start(..., warmed=)` uses it."""
    return warm.prepare(MKDOCS_YML) if choose(None).fast else None


def start(overrides: Mapping, docs_dir: Path, out_dir: Path, today: date, *, fast: bool | None = None,
          without: Collection[str] = (), reuse: reuse_hooks.Plan | None = None,
          warmed: warm.Warm | None = None) -> Running:
    """`build` without waiting: MkDocs runs in a forked child while this process goes on (`Running`); in the
    child `prepare` started (`warmed`) when there is one and the fast path is taken (it is ended otherwise)."""
    outcome = choose(fast)
    unknown = set(without) - set(SHORTCUTS)
    if unknown:
        raise ValueError(f"unknown shortcuts {sorted(unknown)}")
    hooks = [str(HERE / f"{name}.py") for name in SHORTCUTS if name not in without] if outcome.fast else []
    plan = reuse if outcome.fast and reuse is not None and reuse.pages else None
    if plan is not None:
        hooks.insert(0, str(HERE / "reuse_hook.py"))  # first: its on_env runs before fork.py's
    job = partial(_build, dict(overrides), hooks, Path(docs_dir), Path(out_dir), today, plan)
    if warmed is not None and outcome.fast:
        return Running(outcome, plan, warmed.send(job))
    if warmed is not None:
        warmed.cancel()
    return Running(outcome, plan, parallel.start_child(job))


def _build(overrides: dict, hooks: list[str], docs_dir: Path, out_dir: Path, today: date,
           plan: reuse_hooks.Plan | None = None) -> list[str]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with source_date(today), reuse_hooks.planned(plan) as carried:
        try:
            config = load_config(str(MKDOCS_YML), docs_dir=str(docs_dir), site_dir=str(out_dir), strict=True,
                                 hooks=hooks, **overrides)
            if hooks:  # the fast path: the theme's templates compiled by this child (warm.py), if it was warm
                make_env = config.theme.get_env
                config.theme.get_env = lambda: warm.attach(make_env())
            mkdocs_build(config)
            return sorted(carried)
        except MkDocsException as exc:
            raise MkdocsFailed(BUILD_MKDOCS_ERROR.format(detail=exc)) from exc
        except SystemExit as exc:  # mkdocs' Abort derives from SystemExit in some paths
            raise MkdocsFailed(BUILD_MKDOCS_ABORTED.format(detail=exc)) from exc


@contextmanager
def source_date(today: date) -> Iterator[None]:
    """SOURCE_DATE_EPOCH = `today` (midnight UTC) while mkdocs runs: dates in sitemap/gzip are reproducible."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
