"""Safe YAML reading that keeps the line of every value.

PyYAML's composer (C-accelerated when available) gives a node tree with positions; we turn it
into `Node`s whose scalars stay the text as written (identifiers are never read as numbers or
booleans: `1.004220` stays `1.004220`). Duplicate keys, aliases and oversized files are
problems, not silent surprises. Nothing is ever constructed from tags.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import fieldchars
from generator.content.yamldepth import too_deep
from generator.problems import Problem, make
from generator.strings.problems_content import YAML_SYNTAX_DETAILS as DETAILS
from generator.strings.problems_fields import FORBIDDEN_WHERE

try:  # the libyaml-backed loader is ~10x faster; fall back to pure Python
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_YAML_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_TEXT_DEPTH = 2 * MAX_DEPTH  # the estimate before parsing (yamldepth): generous, it may overcount
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                  ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge", "value")}
# `key: "text` (or 'text) with no closing quote on the same line: the commonest editor slip
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s#"'][^:#]*:\s+(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)\s*$""")
_ODD_CHARS = ("\u00a0", "\u2007", "\u202f", "\u3000", "\uff1a", "\ufeff")


@dataclass
class Node:
    """A YAML value with its 1-based line: `value` is str | None | dict[str, Node] | list[Node]."""

    value: object
    line: int
    plain: bool = True  # an unquoted scalar (only plain scalars may be booleans, numbers, null)
    reported: bool = False  # unusable and already reported (an alias): no further problem for it

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not self.is_map and not self.is_list


class _Converter:
    """Turns a composed PyYAML node tree into `Node`s, collecting problems."""

    def __init__(self, rel: str, chars: ForbiddenChars | None = None) -> None:
        self.rel = rel
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.chars = chars

    def convert(self, node: yaml.Node, path: str = "", depth: int = 0, at: int | None = None) -> Node:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            self.problems.append(make("yaml-alias", self.rel, at or line, path or None))
            return Node(None, line, reported=True)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problems.append(make("yaml-syntax", self.rel, line, path or None, detail=DETAILS["too-deep"]))
            return Node(None, line, reported=True)
        if node.tag not in _STANDARD_TAGS:  # a tag (!x, !!binary, !!python/...): never constructed, always reported
            self.problems.append(make("yaml-alias", self.rel, line, path or None))
        if isinstance(node, yaml.ScalarNode):
            if self.chars is not None and (self.chars.indexes or node.style == '"'):
                self.chars.in_scalar(node, path, self.problems)
            plain = node.style is None or node.style == ""
            if plain and _NULL.match(node.value):
                return Node(None, line, True)
            return Node(node.value, line, plain)
        if isinstance(node, yaml.SequenceNode):
            items = [self.convert(item, _join(path, str(i)), depth + 1) for i, item in enumerate(node.value)]
            return Node(items, line)
        mapping: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(make("yaml-syntax", self.rel, key_line, detail=DETAILS["key-not-text"]))
                continue
            key = key_node.value
            if self.chars is not None and (self.chars.indexes or key_node.style == '"'):
                self.chars.in_scalar(key_node, _join(path, key), self.problems)
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *base` copies another mapping: an alias
                self.problems.append(make("yaml-alias", self.rel, key_line, _join(path, key)))
                continue
            if key in mapping:
                first = mapping[key].line
                self.problems.append(
                    make("yaml-duplicate-key", self.rel, key_line, _join(path, key), key=key, first_line=first)
                )
                continue
            value = self.convert(value_node, _join(path, key), depth + 1, key_line)
            value.line = key_line if value.value is None or not value.is_scalar else value.line
            mapping[key] = value
        return Node(mapping, line)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class ForbiddenChars:
    """Forbidden characters of one file (`fieldchars`): found in the raw text, then placed in the field whose
    scalar holds them; double-quoted values are also scanned once decoded (escapes like "\\u200b")."""

    def __init__(self, text: str, rel: str) -> None:
        self.rel = rel
        self.text = text
        self.found = [(i, c) for i, c in fieldchars.scan(text) if c != "\r"]  # \r: a line break to YAML
        self.indexes = [i for i, _ in self.found]
        self.used: set[int] = set()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.reported: set[tuple[str | None, str]] = set()

    def line_of(self, index: int) -> int:
        return bisect_right(self.line_starts, index)

    def _line_text(self, index: int) -> tuple[int, str, int]:
        """(line number, text of that line, index within it) of a position in the raw text."""
        line = self.line_of(index)
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return line, self.text[start:end], index - start

    def _report(self, problems: list[Problem], field: str | None, line: int, text: str, at: int, char: str) -> None:
        if (field, char) in self.reported:
            return
        self.reported.add((field, char))
        problems.append(make("text-forbidden-char", self.rel, line, field, char=fieldchars.char_name(char),
                             where=FORBIDDEN_WHERE["field"].format(field=field) if field else FORBIDDEN_WHERE["file"],
                             excerpt=fieldchars.excerpt(text, at)))

    def in_scalar(self, node: yaml.ScalarNode, field: str, problems: list[Problem]) -> None:
        """Report the forbidden characters inside `node` (raw, and decoded for double-quoted values)."""
        start, end = node.start_mark.index, node.end_mark.index
        first = bisect_left(self.indexes, start)
        for position in range(first, bisect_left(self.indexes, end)):
            index, char = self.found[position]
            self.used.add(index)
            self._report(problems, field or None, *self._line_text(index), char)
        if node.style == '"' and "\\" in self.text[start:end]:
            for at, char in fieldchars.scan(node.value):
                self._report(problems, field or None, node.start_mark.line + 1, node.value, at, char)

    def outside(self, refused: list[int]) -> list[Problem]:
        """Characters the YAML reader refuses found in no value (a comment, between tokens): by line."""
        problems: list[Problem] = []
        for index in refused:
            if index not in self.used:
                self._report(problems, None, *self._line_text(index), self.text[index])
        return problems


def forbidden_char_problems(text: str, file: str, line: int | None, field: str | None) -> list[Problem]:
    """One text-forbidden-char problem per distinct forbidden character of a value read outside YAML (a CSV cell)."""
    seen: dict[str, int] = {}
    for index, char in fieldchars.scan(text):
        seen.setdefault(char, index)
    where = FORBIDDEN_WHERE["field"].format(field=field) if field else FORBIDDEN_WHERE["file"]
    return [make("text-forbidden-char", file, line, field, char=fieldchars.char_name(char), where=where,
                 excerpt=fieldchars.excerpt(text, index)) for char, index in seen.items()]


def parse_yaml(text: str, rel: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text of file `rel`; returns the root node (None on failure) and problems."""
    deep = too_deep(text, MAX_TEXT_DEPTH)
    if deep is not None:  # before libyaml: its composer recurses on the C stack (a crash, not an exception)
        return None, [make("yaml-syntax", rel, deep, detail=DETAILS["too-deep"])]
    chars = ForbiddenChars(text, rel) if fieldchars.has_forbidden(text) else None
    safe, refused = fieldchars.yaml_safe(text)
    try:
        composed = yaml.compose(safe, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, key = _explain(exc, safe.splitlines())
        detail = DETAILS[key].replace("{problem}", exc.problem or exc.context or "?")
        return None, [*(chars.outside(refused) if chars else ()), make("yaml-syntax", rel, line, detail=detail)]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, [make("yaml-syntax", rel, None, detail=DETAILS["other"].replace("{problem}", type(exc).__name__))]
    if composed is None:
        return None, [make("yaml-empty", rel, None)]
    converter = _Converter(rel, chars or _QuotedOnly(safe, rel))
    try:
        root = converter.convert(composed)
    except RecursionError:
        return None, [make("yaml-syntax", rel, None, detail=DETAILS["too-deep"])]
    if chars is not None:
        converter.problems += chars.outside(refused)
    return root, converter.problems


class _QuotedOnly(ForbiddenChars):
    """A raw text without forbidden characters: only double-quoted values with escapes can hold them."""

    def __init__(self, text: str, rel: str) -> None:  # no scan of the text: nothing to find in it
        self.rel, self.text, self.found, self.indexes, self.used, self.reported = rel, text, [], [], set(), set()
        self.line_starts = [0]


def _explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int | None, str]:
    """The line an editor must fix and the key of its explanation in `DETAILS`."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark.line + 1 if exc.problem_mark else None
    ctx = exc.context_mark.line + 1 if exc.context_mark else at
    for number, text in enumerate(lines[: at or len(lines)], 1):  # an unclosed quote explains most errors after it
        if _OPEN_QUOTE.match(text):
            return number, "unclosed-quote"
    if "quoted scalar" in context and "escape" not in problem:
        return ctx, "unclosed-quote"
    for number in dict.fromkeys(n for n in (ctx, at) if n):  # odd spaces or a full-width colon on the line
        if number <= len(lines) and any(char in lines[number - 1] for char in _ODD_CHARS):
            return number, "odd-space"
    source = lines[at - 1] if at and at <= len(lines) else ""
    if "tab" in problem or (source.lstrip(" ").startswith("\t") and "cannot start any token" in problem):
        return at, "tab"
    rules = (("escape", "escape", at), ("mapping values are not allowed", "colon-in-value", at),
             ("could not find expected ':'", "missing-colon", ctx), ("expected '-' indicator", "list-dash", at),
             ("sequence entries are not allowed", "list-dash", at), ("expected ',' or", "flow", ctx),
             ("expected key", "indent", at), ("expected <block end>", "indent", at),
             ("cannot start any token", "bad-start", at), ("undefined alias", "bad-start", at),
             ("another document", "document", at))
    for needle, key, line in rules:
        if needle in problem:
            return line, key
    return at or ctx, "other"


def read_yaml(path: Path, rel: str, limit: int = MAX_YAML_BYTES, raw: bytes | None = None
              ) -> tuple[Node | None, list[Problem]]:
    """Read and parse one YAML file with a size bound and strict UTF-8 (`raw`: its bytes, already read)."""
    if raw is not None and len(raw) > limit:
        return None, [make("yaml-too-large", rel, None, size=len(raw), limit=limit)]
    if raw is None:
        try:
            size = path.stat().st_size
            if size > limit:
                return None, [make("yaml-too-large", rel, None, size=size, limit=limit)]
            raw = path.read_bytes()
        except OSError:
            return None, [make("yaml-syntax", rel, None, detail=DETAILS["unreadable"])]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [make("yaml-encoding", rel, line)]
    return parse_yaml(text, rel)


def walk_scalars(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Yield (dotted path, node) for every string scalar below `node`."""
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            yield from walk_scalars(child, _join(path, key))
    elif isinstance(node.value, list):
        for index, child in enumerate(node.value):
            yield from walk_scalars(child, _join(path, str(index)))
    elif isinstance(node.value, str):
        yield path, node
