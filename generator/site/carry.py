"""Unchanged files of the previous site moved into the new one just before the swap, instead of linked one by one.

An incremental build writes into its new site folder only what it rendered; every stage that would place a
file of the previous site unchanged (a page MkDocs takes from it, a kept letter's PDF and page images, a
kept report's CSVs, a search bundle or lookup shard of the same records) names it instead (`Carried`).
`carry_in` then puts them in: a folder of the previous site whose every file is carried and which the new
site does not have is renamed into it whole (a year of letters, an agency's letters, a search bundle: one
call each), any other carried file is hard-linked. At 10,000 letters with one letter added that is a few
hundred renames instead of ~14,000 folders made and ~66,000 links (the new site used to be a complete
tree of links beside the old one).

A rename takes the folder out of the previous site, so from the first one the site being served is no
longer whole until the swap. Hence: the moves come after every stage succeeded; they are written to a
journal beside the site first (`.<site>.carry-<pid>.json`); `Moves.put_back` undoes them when anything fails
before the swap; and `recover` (run by every build before it looks at the site) puts back the moves of a
build that was killed before its swap. The new site's file list is known without walking it again:
what was written (walked before the moves, a few hundred files) plus the carried files' listed sizes.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.trash import pid_alive


class CarryFailed(Exception):
    """Carried files (`paths`) not in the previous site, or that the new site has already: nothing was moved."""

    def __init__(self, reason: str, paths: list[str]) -> None:
        super().__init__(f"{reason}: {', '.join(paths[:5])}")
        self.paths = paths


@dataclass
class Carried:
    """Site-relative paths (`/`-separated) to take unchanged from the previous site: files, and folders taken
    whole with everything under them (`trees`)."""

    files: set[str] = field(default_factory=set)
    trees: set[str] = field(default_factory=set)


def site_files(site_dir: Path) -> dict[str, int]:
    """{relative path: size} of every file (and symbolic link) under `site_dir`, without following links."""
    found: dict[str, int] = {}
    pending = [("", os.fspath(site_dir))]
    while pending:
        rel, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = f"{rel}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    pending.append((path + "/", entry.path))
                else:
                    found[path] = entry.stat(follow_symlinks=False).st_size
    return found


def _folder(path: str) -> str:
    """'a/b/c.html' -> 'a/b'; '' for a file at the root."""
    cut = path.rfind("/")
    return path[:cut] if cut > 0 else ""


def carried_listing(previous: Mapping[str, int], carried: Carried) -> dict[str, int]:
    """The previous site's files (with their sizes) that `carried` takes: named files and everything under a
    carried folder. A named file the previous site does not have raises CarryFailed."""
    missing = sorted(path for path in carried.files if path not in previous)
    if missing:
        raise CarryFailed("not in the previous site", missing)
    taken = {path: previous[path] for path in carried.files}
    if carried.trees:
        prefixes = tuple(f"{tree}/" for tree in carried.trees)
        taken.update((path, size) for path, size in previous.items() if path.startswith(prefixes))
    return taken


def wholly_taken(previous: Iterable[str], taken: Mapping[str, int]) -> set[str]:
    """The folders of the previous site all of whose files are taken. Closed downwards: a folder's subfolders
    are in it when it is, so a file is under such a folder exactly when its own folder is one."""
    files_in: Counter[str] = Counter()
    taken_in: Counter[str] = Counter()
    for path in previous:
        folder = _folder(path)
        files_in[folder] += 1
        if path in taken:
            taken_in[folder] += 1
    folders = set(files_in)
    for folder in list(folders):  # and the folders that hold only folders
        while folder and (folder := _folder(folder)) not in folders:
            folders.add(folder)
    for folder in sorted(folders, key=lambda f: -f.count("/")):  # deepest first: counts go up to the parents
        if folder:
            files_in[_folder(folder)] += files_in[folder]
            taken_in[_folder(folder)] += taken_in[folder]
    return {folder for folder, count in files_in.items() if folder and taken_in[folder] == count}


@dataclass
class Moves:
    """Folders renamed from the previous site (`old`) into the new one (`new`), in order."""

    old: Path
    new: Path
    journal: Path
    folders: list[str] = field(default_factory=list)

    def put_back(self) -> None:
        """Rename every moved folder back into the previous site (last first), then drop the journal."""
        for rel in reversed(self.folders):
            if os.path.lexists(self.new / rel) and not os.path.lexists(self.old / rel):
                os.rename(self.new / rel, self.old / rel)
        self.folders.clear()
        self.journal.unlink(missing_ok=True)

    def done(self) -> None:
        """The new site is in place: the moves stay, the journal goes."""
        self.journal.unlink(missing_ok=True)


def journal_path(site_dir: Path, pid: int | None = None) -> Path:
    return site_dir.parent / f".{site_dir.name}.carry-{os.getpid() if pid is None else pid}.json"


def carry_in(old: Path, new: Path, previous: Mapping[str, int], taken: Mapping[str, int]) -> Moves:
    """Put the `taken` files (carried_listing) of the previous site `old` (the site folder) into the new
    site `new`: each
    top-most folder of `old` all of whose files are taken and that `new` lacks, renamed whole; every other
    taken file hard-linked (copied where links fail). The folders to move are journalled before the first
    rename; returns the moves (to `put_back` on failure, or `done` after the swap)."""
    whole = wholly_taken(previous, taken)
    tops = sorted(folder for folder in whole if _folder(folder) not in whole)
    folders, linked = [], []
    for folder in tops:
        _plan_folder(old, new, folder, folders, linked)
    linked += [path for path in taken if _folder(path) not in whole]
    moves = Moves(Path(old), Path(new), journal_path(Path(old)))
    made: set[str] = set()
    for path in linked:
        _ensure_parent(new, path, made)
        try:
            os.link(old / path, new / path)
        except FileExistsError:
            raise CarryFailed("written and carried", [path]) from None
        except OSError:
            shutil.copyfile(old / path, new / path)
    if folders:
        moves.journal.write_text(json.dumps({"old": str(old), "new": str(new), "folders": folders}),
                                 encoding="utf-8")
        try:
            for folder in folders:
                _ensure_parent(new, folder, made)
                os.rename(old / folder, new / folder)
                moves.folders.append(folder)
        except BaseException:
            moves.put_back()
            raise
    return moves


def _plan_folder(old: Path, new: Path, folder: str, folders: list[str], linked: list[str]) -> None:
    """A wholly taken folder: moved whole unless the new site has it already (then its entries, one by one)."""
    if not os.path.lexists(new / folder):
        folders.append(folder)
        return
    with os.scandir(old / folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            rel = f"{folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                _plan_folder(old, new, rel, folders, linked)
            elif os.path.lexists(new / rel):
                raise CarryFailed("written and carried", [rel])
            else:
                linked.append(rel)


def _ensure_parent(new: Path, path: str, made: set[str]) -> None:
    cut = path.rfind("/")
    if cut > 0 and (folder := path[:cut]) not in made:
        os.makedirs(new / folder, exist_ok=True)
        made.add(folder)


def recover(site_dir: Path) -> list[Path]:
    """Put back the folders that a build killed before its swap moved out of `site_dir` (its journal says
    which, and its new site still holds them); the journals of finished or swapped builds are dropped.
    Returns the journals handled."""
    handled = []
    for journal in sorted(site_dir.parent.glob(f".{site_dir.name}.carry-*.json")):
        pid = journal.name[len(f".{site_dir.name}.carry-"): -len(".json")]
        if pid_alive(pid) and int(pid) != os.getpid():
            continue  # a running build's (the caller holds the lock: should not happen)
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
            old, new, folders = Path(data["old"]), Path(data["new"]), list(data["folders"])
        except (OSError, ValueError, KeyError, TypeError):
            journal.unlink(missing_ok=True)
            continue
        if old == site_dir and new.parent == site_dir.parent and new.is_dir() and site_dir.is_dir():
            Moves(old, new, journal, [str(f) for f in folders if _inside(str(f))]).put_back()
        journal.unlink(missing_ok=True)
        handled.append(journal)
    return handled


def _inside(rel: str) -> bool:
    """A journalled folder names a place inside the site (never an absolute path or `..`)."""
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and all(part not in ("", ".", "..") for part in parts)


__all__ = ["Carried", "CarryFailed", "Moves", "carried_listing", "carry_in", "journal_path", "recover", "site_files",
           "wholly_taken"]
