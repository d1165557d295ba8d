"""The one reporter: renders problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby

from generator.fieldchars import visible
from generator.problems import Problem
from generator.strings.cli import SUMMARY, SUMMARY_OK, WARNING_TAG

FORMATS = ("text", "json", "github")


def _path(content_label: str, file: str, *, shown: bool = True) -> str:
    """The path printed for a problem's file (invisible characters of a file name shown as ⟨U+XXXX⟩)."""
    path = f"{content_label.rstrip('/')}/{file}" if content_label else file
    return visible(path) if shown else path


def render(problems: Sequence[Problem], fmt: str, content_label: str, letters: int) -> str:
    """Render `problems` (already sorted) in `fmt`; paths are prefixed with `content_label`."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if fmt == "json":
        payload = {
            "letters": letters,
            "errors": errors,
            "warnings": warnings,
            "problems": [{**p.as_dict(), "file": _path(content_label, p.file, shown=False)} for p in problems],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(_annotation(p, content_label) for p in problems) + _summary(letters, errors, warnings) + "\n"
    lines: list[str] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        path = _path(content_label, file)
        lines.append(path)
        for p in group:
            where = f"{path}:{p.line}" if p.line else path
            level = "" if p.severity == "error" else WARNING_TAG
            lines.append(f"  {where}: {p.code}{level} {p.message}")
        lines.append("")
    lines.append(_summary(letters, errors, warnings))
    return "\n".join(lines) + "\n"


def _summary(letters: int, errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return SUMMARY_OK.format(letters=letters)
    return SUMMARY.format(letters=letters, errors=errors, warnings=warnings)


def _escape(value: str, is_property: bool = False) -> str:
    """Escape per GitHub's workflow-command rules."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _annotation(p: Problem, content_label: str) -> str:
    props = [f"file={_escape(_path(content_label, p.file), True)}"]
    if p.line:
        props.append(f"line={p.line}")
    props.append(f"title={_escape(p.code, True)}")
    return f"::{p.severity} {','.join(props)}::{_escape(p.message)}\n"
