"""Incremental builds: what the previous site was built from, so that the next build redoes only what changed.

After every successful build a manifest is written beside the site folder (`manifest_path`): the code
fingerprint (every file of generator/, mkdocs.yml, overrides/, the versions of MkDocs, Material, Pagefind,
Jinja2, Markdown and Python), the fingerprint of the inputs (every content file, today), the chrome
(the config values the build sets on top of mkdocs.yml), the SHA-256 of every generated Markdown page,
the fingerprint of every search bundle's records, the input key of every rendered output group (site/skips.py)
and the list of the site's files with their sizes.
The next build trusts it only when all of these hold: same version, same code, same site folder, the
site's files as listed (nothing deleted, added or truncated since). Then
- same inputs (taken before the check) over a settled site: nothing to do, not even the check;
- else each output group (a letter page, a report page and its CSVs...) whose input key is unchanged is not
  rendered (site/skips.py); each page whose Markdown and chrome are unchanged is taken from the previous site
  (`site/mkdocs/reuse.py`), each search bundle whose records are unchanged too (`site/search/index.py`).
Anything else (no manifest, a corrupt one, a code change, `full=True`) is a full build. Reused files
are the previous build's output for the same inputs, so the site is the one a full build writes
(tests/test_incremental.py compares both, byte for byte).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

from generator import cachedata, jsonout
from generator.cachekeys import stat_key, update_with_files
from generator.site.carry import site_files

VERSION = 5  # 3: inputs taken before the check (stat keys, check options), `settled`; 4: tree digest of sorted paths;
# 5: a letter group's outputs hold its PDF and page images (carried with the page, the image cache not read)
PACKAGE = Path(__file__).resolve().parents[1]  # generator/
ROOT = PACKAGE.parent
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "pagefind", "pagefind_bin", "Jinja2", "Markdown", "MarkupSafe",
                 "pymdown-extensions", "PyYAML", "holidays",  # holidays: the working days every figure counts
                 "pypdf", "pypdfium2", "pyHanko", "Pillow", "google-re2")  # what the check reads PDFs and text with


@dataclass
class Manifest:
    """What the site in `site` was built from."""

    version: int
    code: str
    site: str
    tree: str  # digest of the site's sorted (path, size) list (`tree_digest`)
    inputs: str  # content files (stat keys) + today + the check's options and OCR engine (`inputs_fingerprint`)
    chrome: str  # config overrides (site name, footer, nav)
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative .md -> SHA-256 ("" for a Markdown page)
    bundles: dict[str, str] = field(default_factory=dict)  # search bundle folder -> records fingerprint;
    # lookup/<shard>.json -> its SHA-256 (site/search/lookup.py: an unchanged shard is carried unread)
    outputs: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # group -> (input key, docs paths)
    settled: bool = False  # every PDF read to the end (no OCR read failed, nothing timed out): a rerun gives the same


def _update_tree(digest, root: Path) -> None:
    update_with_files(digest, (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts), ROOT)


@cache
def code_fingerprint() -> str:
    """SHA-256 over everything of the code that can change an output file."""
    digest = hashlib.sha256(f"v{VERSION} {sys.version}".encode())
    for name in DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\n".encode())
    _update_tree(digest, PACKAGE)
    _update_tree(digest, ROOT / "overrides")
    digest.update((ROOT / "mkdocs.yml").read_bytes())
    return digest.hexdigest()


def manifest_path(site_dir: Path) -> Path:
    """Where the manifest of `site_dir` is kept: beside it (`.<site>-build.json`, like its build lock),
    whatever build or cache folder built it, so that another build's site never passes for the one it
    describes."""
    site_dir = Path(site_dir)
    return site_dir.parent / f".{site_dir.name}-build.json"


def tree_digest(files: Mapping[str, int]) -> str:
    """Digest of a site's file list (`carry.site_files`: path -> size): a restored or damaged site is seen."""
    return hashlib.sha256("".join([f"{path}\0{files[path]}\n" for path in sorted(files)]).encode()).hexdigest()


def load(path: Path, site_dir: Path, files: dict[str, int] | None = None) -> Manifest | None:
    """The manifest of the site now in `site_dir`, or None when it cannot be trusted (a full build follows).
    `files`, when given, receives the site's file list (path -> size) the manifest was checked against."""
    data = cachedata.read_json(path)
    try:
        manifest = cachedata.decode(data, Manifest)
    except (cachedata.CacheInvalid, TypeError, ValueError):
        return None
    if (manifest.version != VERSION or manifest.code != code_fingerprint() or manifest.site != str(site_dir)
            or not site_dir.is_dir()):
        return None
    found = site_files(site_dir)
    if manifest.tree != tree_digest(found):
        return None
    if files is not None:
        files.update(found)
    return manifest


def save(path: Path, manifest: Manifest) -> bool:
    """Write the manifest atomically, then its inputs hint (`inputs_hint`); False when it could not be written
    (the next build is full)."""
    if not cachedata.write_json(path, plain(manifest)):
        return False
    return cachedata.write_json(_hint_path(path), manifest.inputs)


def plain(manifest: Manifest) -> dict[str, object]:
    """The manifest as JSON data: its fields as they are, since each is text, a number, a flag or text in dicts
    and tuples, which the JSON encoder writes as `cachedata.encode` would (tuples as lists) without a copy of
    the ~150,000 entries of a 10,000-letter site (~0.15 s; tested against `encode`)."""
    return {f.name: getattr(manifest, f.name) for f in fields(manifest)}


def forget(path: Path) -> None:
    """Remove the manifest and its hint (before the site changes, so that a cut build is never trusted)."""
    _hint_path(path).unlink(missing_ok=True)
    Path(path).unlink(missing_ok=True)


def _hint_path(path: Path) -> Path:
    return Path(path).with_suffix(".inputs")


def inputs_hint(path: Path) -> str | None:
    """The inputs the manifest at `path` says its site was built from, read from a small file beside it: a hint
    only (the build trusts nothing but the whole manifest, `load`), so that a build whose inputs changed need
    not wait for the manifest and the site's file list before it starts the check."""
    hint = cachedata.read_json(_hint_path(path))
    return hint if isinstance(hint, str) else None


def inputs_fingerprint(content_root: Path, today: date, check: str) -> str:
    """SHA-256 over every file of the content root by its stat key (size, mtime, inode, device:
    `cachekeys.stat_key`, the key the check's caches already trust a file unchanged by; nothing is read),
    `today` and `check` (the check's options and OCR engine, `build.check_inputs`). Computed before the
    check: with the code fingerprint it is everything the check and the site are made from, so a build of
    the same inputs over a settled previous site does nothing, not even the check. On a fresh clone every
    key differs and the build goes on, comparing each output's own inputs."""
    digest = hashlib.sha256(f"{today.isoformat()}\n{check}\n".encode())
    root = Path(content_root)
    base = len(str(root)) + 1
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            digest.update(f"{path[base:].replace(os.sep, '/')}\0{stat_key(path)!r}\n".encode())
    return digest.hexdigest()


def settled(pdf_facts: Mapping[str, object]) -> bool:
    """Whether every PDF was read to the end: a failed OCR read or a timeout is tried again by the next check,
    so a site built from such facts is not taken as standing for the same inputs."""
    return not any(getattr(f, "ocr_failed", False) or getattr(f, "timed_out", False) or getattr(f, "crashed", False)
                   for f in pdf_facts.values())


def chrome_fingerprint(overrides: Mapping[str, object]) -> str:
    """The config values set on top of mkdocs.yml, which land in every page."""
    return hashlib.sha256(jsonout.dumps(overrides, sort_keys=True).encode()).hexdigest()


def page_digests(docs_dir: Path, pages: Iterable[str], is_raw, carried: Mapping[str, str] | None = None
                 ) -> dict[str, str]:
    """SHA-256 of each generated page that MkDocs renders without Markdown (`is_raw(text)`): only those may
    be reused (a Markdown page's anchors are checked by MkDocs against the pages it links to). A page placed
    unrendered (site/skips.py) keeps the digest it had (`carried`)."""
    digests = {}
    carried = carried or {}
    for src in pages:
        if src in carried:
            digests[src] = carried[src]
            continue
        data = (docs_dir / src).read_bytes()
        digests[src] = hashlib.sha256(data).hexdigest() if is_raw(data.decode("utf-8")) else ""
    return digests


def reusable(previous: Manifest | None, chrome: str, digests: Mapping[str, str]) -> frozenset[str]:
    """The pages whose Markdown and chrome are those of the previous build."""
    if previous is None or previous.chrome != chrome:
        return frozenset()
    return frozenset(src for src, sha in digests.items() if sha and previous.pages.get(src) == sha)
