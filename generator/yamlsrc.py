"""Safe YAML reading that keeps the line of every value.

PyYAML's composer (C-accelerated when available) gives a node tree with positions; we turn it
into `Node`s whose scalars stay the text as written (identifiers are never read as numbers or
booleans: `1.004220` stays `1.004220`). Duplicate keys, aliases and oversized files are
problems, not silent surprises. Nothing is ever constructed from tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.problems import Problem, make

try:  # the libyaml-backed loader is ~10x faster; fall back to pure Python
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_YAML_BYTES = 256 * 1024
MAX_DEPTH = 32
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


@dataclass
class Node:
    """A YAML value with its 1-based line: `value` is str | None | dict[str, Node] | list[Node]."""

    value: object
    line: int
    plain: bool = True  # an unquoted scalar (only plain scalars may be booleans, numbers, null)

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

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node, path: str = "", depth: int = 0, at: int | None = None) -> Node:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            self.problems.append(make("yaml-alias", self.rel, at or line, path or None))
            return Node(None, line)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problems.append(make("yaml-syntax", self.rel, line, path or None, detail="lồng nhau quá sâu"))
            return Node(None, line)
        if isinstance(node, yaml.ScalarNode):
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
                self.problems.append(make("yaml-syntax", self.rel, key_line, detail="khóa phải là chữ"))
                continue
            key = key_node.value
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


def parse_yaml(text: str, rel: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text of file `rel`; returns the root node (None on failure) and problems."""
    try:
        composed = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = exc.problem or exc.context or "không đọc được"
        return None, [make("yaml-syntax", rel, line, detail=detail)]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, [make("yaml-syntax", rel, None, detail=type(exc).__name__)]
    if composed is None:
        return Node({}, 1), []
    converter = _Converter(rel)
    try:
        root = converter.convert(composed)
    except RecursionError:
        return None, [make("yaml-syntax", rel, None, detail="lồng nhau quá sâu")]
    return root, converter.problems


def read_yaml(path: Path, rel: str, limit: int = MAX_YAML_BYTES) -> tuple[Node | None, list[Problem]]:
    """Read and parse one YAML file with a size bound and strict UTF-8."""
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [make("yaml-too-large", rel, None, size=size, limit=limit)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [make("yaml-syntax", rel, None, detail=exc.strerror or "không đọc được tệp")]
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
