"""Changes that need a second pair of eyes: what a pull request changes in privacy, publishing or the site's shape.

`review_changes(repo, base, content)` compares the working tree's commit (HEAD) with `base` (a git ref)
and returns warnings (problems, reported through the one reporter: GitHub annotations in CI):
- `review-setting-changed`: a setting of portal.yml that governs privacy or publishing (every `policy`
  value, `site_url`, `pdf_base_url`, `data_licence`, the calendar overrides);
- `review-pdf-host-changed`: the host of `pdf_base_url` (where citizens' PDFs are served from);
- `review-file-changed`: the theme (`overrides/`), `mkdocs.yml`, the workflows, CODEOWNERS, trust roots.
.github/CODEOWNERS names the reviewers of the same paths. Settings are read with the content's own safe
loader (generator/content/load.py) from a scratch copy of each side's registries.
"""

from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.load import Loaded, load_settings
from generator.problems import Problem, make
from generator.strings.cli_process import CHANGE_KINDS, REVIEWED_WHAT, SAME_SITE

REVIEWED_PATHS = tuple((path, REVIEWED_WHAT[path]) for path in (  # (path or folder prefix, what it is)
    "overrides/", "mkdocs.yml", ".github/workflows/", ".github/CODEOWNERS", "{content}/trust/"))
SETTINGS = ("site_url", "pdf_base_url", "data_licence", "policy", "calendar")  # identity (name, owner...) is not
_SETTING_FILES = ("portal.yml", "agencies.yml", "reasons.yml")


class ReviewError(Exception):
    """The base ref cannot be read (not fetched, not a commit)."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=120)


def changed_files(repo: Path, base: str) -> list[tuple[str, str]]:
    """(status letter, path) of every file that differs between `base` (its merge base) and HEAD."""
    done = _git(repo, "diff", "--name-status", "-z", "--no-renames", f"{base}...HEAD")
    if done.returncode != 0:
        raise ReviewError(done.stderr.decode("utf-8", "replace").strip())
    fields = done.stdout.decode("utf-8", "replace").split("\0")
    return [(fields[i][:1], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def file_problems(changes: list[tuple[str, str]], content: str) -> list[Problem]:
    """A `review-file-changed` warning for each change under a reviewed path."""
    out = []
    for status, path in changes:
        for prefix, what in REVIEWED_PATHS:
            prefix = prefix.format(content=content.strip("/"))
            if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
                out.append(make("review-file-changed", path, None, None, path=path, what=what,
                                change=CHANGE_KINDS.get(status, status)))
                break
    return out


def _portal_at(repo: Path, ref: str | None, content: str):
    """The Portal of `content` at `ref` (None: the working tree), read by the content loader; None if unusable."""
    out = Loaded()
    if ref is None:
        load_settings(repo / content, out)
        return out.portal
    with tempfile.TemporaryDirectory(prefix="congkhai-review-") as scratch:
        for name in _SETTING_FILES:
            shown = _git(repo, "show", f"{ref}:{content.strip('/')}/{name}")
            if shown.returncode == 0:
                (Path(scratch) / name).write_bytes(shown.stdout)
        load_settings(Path(scratch), out)
    return out.portal


def _flat(value: object, name: str) -> dict[str, object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, object] = {}
        for f in dataclasses.fields(value):
            out.update(_flat(getattr(value, f.name), f"{name}.{f.name}"))
        return out
    return {name: value}


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return url


def setting_problems(old, new, portal_file: str) -> list[Problem]:
    """Warnings for each reviewed portal setting that differs between `old` and `new` (Portal or None)."""
    if old is None or new is None:
        return []
    out = []
    for setting in SETTINGS:
        before, after = _flat(getattr(old, setting), setting), _flat(getattr(new, setting), setting)
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                out.append(make("review-setting-changed", portal_file, None, name, old=_shown(before.get(name)),
                                new=_shown(after.get(name))))
    if _host(old.pdf_base_url) != _host(new.pdf_base_url):
        out.append(make("review-pdf-host-changed", portal_file, None, "pdf_base_url",
                        old=_host(old.pdf_base_url) or SAME_SITE, new=_host(new.pdf_base_url) or SAME_SITE))
    return out


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        value = list(value)
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 80 else text[:77] + "…"


def review_changes(repo: Path, base: str, content: str = "content") -> list[Problem]:
    """Every change between `base` and HEAD that needs a second reviewer (paths relative to `repo`)."""
    changes = changed_files(repo, base)
    problems = file_problems(changes, content)
    portal_file = f"{content.strip('/')}/portal.yml"
    if any(path == portal_file for _, path in changes):
        fork = _git(repo, "merge-base", base, "HEAD").stdout.decode().strip() or base  # where the branch began
        problems += setting_problems(_portal_at(repo, fork, content), _portal_at(repo, None, content), portal_file)
    return problems
