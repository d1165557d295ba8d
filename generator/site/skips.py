"""Incremental render: an output whose inputs did not change since the previous build is not rendered again.

Every writer of the render and report stages names its outputs by group (a letter page; a report page with
its CSVs; one open-data file; one listing page...) and gives each group an input key: a digest of exactly
what the writer makes it from (the values its template receives, the rows of a CSV), computed without
rendering, over the site-wide key (`Skips.base`: today, portal, agencies, levels, reasons, the chrome).
The manifest keeps {group: (key, outputs)} (reuse.Manifest.outputs). When a group's key is the previous
build's, `Skips.take` puts its previous outputs in place instead of rendering them:
- a page (`.md`) gets no docs file at all (a folder and a file each cost ~0.3 ms on a slow disk, 14,000 of
  them at 10,000 letters): its previous digest is carried over (`carried`), so it is in the reuse plan as
  if it had been written again, and MkDocs' reuse hook keeps it out of MkDocs, its HTML carried from the
  previous site (site/mkdocs/reuse.py); the build fails if such a page is missing from the new site;
- a data file (CSV, JSON, feed) gets no docs file either: MkDocs copies a data file's bytes unchanged, so
  the previous site's file is the one the writer would write; it is carried (`carried_files`: moved or
  linked from the previous site into the new one just before the swap, site/carry.py), as are the files
  placed beside a kept page (a kept letter's PDF and page images: `take(..., files=...)`).
Anything in doubt renders the group: no previous build, another key, a page of the navigation (always
rendered by MkDocs), a page that was not reusable (a Markdown page), an output missing from the previous
site. Writers run in forked processes: each task returns what it recorded (`drain`), the parent `absorb`s it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

Outputs = tuple[str, ...]


def page_html_path(src: str) -> str:
    """The site file MkDocs makes of docs page `src` (directory URLs): 'a/b.md' -> 'a/b/index.html'."""
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len(".md")] + ".html"
    return src[: -len(".md")] + "/index.html"


@dataclass
class Made:
    """What the writers of one process recorded since the last `drain`."""

    outputs: dict[str, tuple[str, Outputs]] = field(default_factory=dict)  # group -> (key, outputs)
    carried: dict[str, str] = field(default_factory=dict)  # placed page -> its previous digest
    carried_files: list[str] = field(default_factory=list)  # site files taken from the previous site as they are
    redone: list[str] = field(default_factory=list)  # groups rendered
    kept: list[str] = field(default_factory=list)  # groups placed from the previous build


@dataclass
class Skips:
    """The previous build's keys and where its outputs are; what this build rendered or placed (`made`).
    Without a previous site every group is rendered (its key still recorded, for the next build)."""

    docs_dir: Path
    base: str = ""  # the site-wide key, part of every group's key (`key`)
    undated: str = ""  # the same without today, for the pages that never read it (`undated_key`)
    previous_site: Path | None = None
    previous: Mapping[str, tuple[str, Outputs]] = field(default_factory=dict)
    digests: Mapping[str, str] = field(default_factory=dict)  # the previous build's page digests
    never: frozenset[str] = frozenset()  # pages always rendered (the navigation's)
    made: Made = field(default_factory=Made)
    site_files: Mapping[str, int] | None = None  # the previous site's file list, when the build has it

    def _has(self, path: str) -> bool:
        """Whether the previous site has the file `path` (site-relative)."""
        if self.site_files is not None:
            return path in self.site_files
        return os.path.isfile(f"{self.previous_site}/{path}")

    def key(self, *values: object) -> str:
        """The input key of `values` (dataclasses, text, numbers, dates, lists, dicts: their repr is their value)."""
        return hashlib.sha256(f"{self.base}\n{values!r}".encode()).hexdigest()

    def undated_key(self, *values: object) -> str:
        """`key` for a page that does not read the build date (a letter page, a listing): a new day keeps it."""
        return hashlib.sha256(f"{self.undated}\n{values!r}".encode()).hexdigest()

    def output(self, group: str, key: str, render: Callable[[], Iterable[str]]) -> list[str]:
        """The docs paths of `group`: its previous outputs put in place when `key` is unchanged, else `render()`."""
        kept = self.take(group, key)
        if kept is not None:
            return list(kept)
        return self.record(group, key, render())

    def record(self, group: str, key: str, outputs: Iterable[str]) -> list[str]:
        """Note that `group` was rendered (into `outputs`) from inputs of `key`."""
        outputs = tuple(outputs)
        self.made.outputs[group] = (key, outputs)
        self.made.redone.append(group)
        return list(outputs)

    def previous_outputs(self, group: str) -> Outputs | None:
        """What the previous build made for `group` (None: nothing, or no previous site to take it from)."""
        before = self.previous.get(group) if self.previous_site is not None else None
        return tuple(before[1]) if before is not None else None

    def take(self, group: str, key: str, files: Iterable[str] = ()) -> Outputs | None:
        """Place the previous outputs of `group` when its key is unchanged and each output can be taken;
        None when it must be rendered. `files`: site files that go with the group's page (its letter's PDF
        and page images), carried with it when it is kept."""
        before = self.previous.get(group)
        if self.previous_site is None or before is None or before[0] != key:
            return None
        outputs = tuple(before[1])
        for path in outputs:
            if path.endswith(".md"):
                if path in self.never or not self.digests.get(path) or not self._has(page_html_path(path)):
                    return None
            elif not self._has(path):
                return None
        files = tuple(files)
        if not all(map(self._has, files)):
            return None
        for path in outputs:
            if path.endswith(".md"):  # no docs file: MkDocs' reuse hook adds the page (site/mkdocs/reuse.py)
                self.made.carried[path] = self.digests[path]
            else:  # a data file: carried from the previous site into the new one (site/carry.py)
                self.made.carried_files.append(path)
        self.made.carried_files += files
        self.made.outputs[group] = (key, outputs)
        self.made.kept.append(group)
        return outputs

    def drain(self) -> Made:
        """What was recorded since the last drain (a task's part, sent back to the parent)."""
        made, self.made = self.made, Made()
        return made

    def absorb(self, made: Made) -> None:
        """Add what a task recorded (in this process or a child) to this process's record."""
        self.made.outputs.update(made.outputs)
        self.made.carried.update(made.carried)
        self.made.carried_files += made.carried_files
        self.made.redone += made.redone
        self.made.kept += made.kept

    def collecting(self, task: Callable[[], object]) -> Callable[[], tuple[object, Made]]:
        """`task` returning its result and what it recorded (run where it may, the record comes back)."""
        def run() -> tuple[object, Made]:
            saved, self.made = self.made, Made()  # (a forked child starts with a copy of the parent's record)
            try:
                return task(), self.made
            finally:
                self.made = saved
        return run


def render_all(docs_dir: Path) -> Skips:
    """Skips of a build without a previous one: every group rendered."""
    return Skips(Path(docs_dir))


def site_keys(site, chrome: str) -> tuple[str, str]:
    """The site-wide keys, with and without today: what any page may read besides its own inputs (the
    portal, the registries, the chrome, the content root its assets come from: as an absolute path, so that
    `--content content` and `--content /abs/content` are the same inputs)."""
    content = site.content
    undated = hashlib.sha256(repr((content.portal, content.agencies, content.levels, content.reasons, chrome,
                                   os.path.abspath(content.root))).encode()).hexdigest()
    return hashlib.sha256(f"{site.today.isoformat()} {undated}".encode()).hexdigest(), undated


__all__ = ["Made", "Skips", "page_html_path", "render_all", "site_keys"]
