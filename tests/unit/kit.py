"""Inputs for the unit tests, built cheaply and by the real code (no mocks).

`world(tmp_path)` writes the settings of tests/helpers.py into a content root and loads them with the
real loader; `World.letter(...)` writes one letter (dotted overrides as in `write_letter`) and reads it
back with `load_letter`, so every field's line is the one of the file. `found(problems)` is what a test
compares: (code, field, line) of each problem, in order; `lines_point_at_fields` checks that each line
named by a problem is the line of its field in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator.checks.letters import Context
from generator.content.load import Loaded, load_letter, load_settings
from generator.content.model import Letter
from generator.problems import Problem
from tests.helpers import AGENCIES, LETTER, PORTAL, REASONS, apply_overrides, pdf_bytes

TODAY = date(2018, 6, 1)
PDF = pdf_bytes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "unit")


@dataclass
class World:
    """A content root with loaded settings; letters are added one by one."""

    root: Path
    loaded: Loaded

    @property
    def portal(self):
        return self.loaded.portal

    @property
    def agencies(self):
        return self.loaded.agencies

    @property
    def reasons(self):
        return self.loaded.reasons

    def letter(self, letter_id: str = "2018-05-0001", **overrides: object) -> Letter:
        """Write one letter and load it back (its schema must pass: these tests are about the rules after it)."""
        path = write_letter(self.root, letter_id, **overrides)
        letter, problems = load_letter(self.root, path.relative_to(self.root).as_posix())
        assert letter is not None and problems == [], problems
        return letter

    def context(self, today: date = TODAY, **kwargs) -> Context:
        """The per-letter checks' context over this world's settings."""
        return Context.create(self.root, self.portal, self.agencies, self.reasons, today,
                              self.loaded.registries_ok, **kwargs)


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # a value used twice is written twice (content files refuse YAML aliases)


def _dump(data: dict) -> str:
    """`tests.helpers.dump` through libyaml (the same text, faster: these tests write hundreds of files)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def write_letter(root: Path, letter_id: str, **overrides: object) -> Path:
    """`tests.helpers.write_letter` with one shared PDF: the YAML under letters/<year>/<agency>/."""
    data = apply_overrides(LETTER, overrides)
    folder = root / "letters" / str(data["issued_on"])[:4] / str(data["agency"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{letter_id}.yml"
    path.write_text(_dump(data), encoding="utf-8")
    (folder / f"{letter_id}.pdf").write_bytes(PDF)
    return path


_SETTINGS: dict[str, tuple[dict[str, str], Loaded]] = {}  # settings -> (file texts, loaded): read once


def world(tmp_path: Path, *, portal: dict | None = None, agencies: dict | None = None,
          reasons: dict | None = None, fresh: bool = False) -> World:
    """A content root without letters (settings as in `make_content`), its settings loaded (once per settings:
    the letter checks only read them; `fresh`: loaded anew, problems allowed, for checks of the settings)."""
    data = {"portal.yml": portal or PORTAL, "agencies.yml": agencies or AGENCIES, "reasons.yml": reasons or REASONS}
    key = json.dumps(data, sort_keys=True, default=str)
    root = tmp_path / "content"
    root.mkdir()
    if fresh or key not in _SETTINGS:
        texts = {name: _dump(value) for name, value in data.items()}
        for name, text in texts.items():
            (root / name).write_text(text, encoding="utf-8")
        loaded = Loaded()
        load_settings(root, loaded)
        if fresh:
            return World(root, loaded)
        assert loaded.problems == [], loaded.problems
        _SETTINGS[key] = texts, loaded
    texts, loaded = _SETTINGS[key]
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return World(root, loaded)


def found(problems) -> list[tuple[str, str | None, int | None]]:
    """(code, field, line) of each problem, in the order the check gave them."""
    return [(p.code, p.field, p.line) for p in problems]


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def lines_point_at_fields(root: Path, problems: list[Problem]) -> None:
    """Each problem with a field and a line points at that field's key in its file."""
    for p in problems:
        if p.field is None or p.line is None:
            continue
        text = (root / p.file).read_text(encoding="utf-8").splitlines()[p.line - 1]
        key = p.field.split(".")[-1]
        key = text.strip().lstrip("- ").split(":")[0] if key.isdigit() else key  # a list item: its first key
        assert text.strip().lstrip("- ").startswith(f"{key}:"), (p.code, p.field, p.line, text)
