"""A bound on a YAML text's nesting depth, found before the C parser sees it.

libyaml's composer recurses once per nesting level on the C stack: 240 KB of `[` crash the process
(a segfault, no exception). `too_deep(text, limit)` returns the first line where the nesting may
exceed `limit`, estimated without parsing: block levels (indentation and compact `- ` / `? `
indicators) plus open flow collections (`[`, `{` outside quoted scalars and comments). The estimate
never undercounts a level libyaml would open; it may overcount (a `[` inside a block scalar), so the
limit is generous (the converter then applies the exact bound).
"""

from __future__ import annotations

import re

_TOKEN_START = " \t[{,:-?"


def too_deep(text: str, limit: int) -> int | None:
    """The 1-based line where nesting may exceed `limit`, or None (fast when the text is shallow)."""
    room = limit - text.count("[") - text.count("{")  # each level needs a bracket or a character of line prefix
    if room >= 0 and not re.search("^[ \t?-]{" + str(room + 1) + "}", text, re.MULTILINE):
        return None
    return _scan(text, limit)


def _scan(text: str, limit: int) -> int | None:
    flow = 0
    quote = ""
    stack: list[int] = []  # indentation of the open block levels
    block = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not quote and flow == 0 and stripped and not stripped.startswith("#"):
            indent = len(line) - len(stripped)
            while stack and stack[-1] >= indent:
                stack.pop()
            stack.append(indent)
            block = len(stack) + len(re.match(r"^(?:[-?](?:[ \t]+|$))*", stripped).group().split())
            if block > limit:
                return number
        previous = "\n"  # last significant character before this one on the line
        index = 0
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\" and quote == '"':
                    index += 2
                    continue
                if char == quote:
                    quote = ""
                index += 1
                previous = "x"
                continue
            if char == "#" and previous in "\n \t":
                break
            starts = previous == "\n" or previous in _TOKEN_START
            if char in "\"'" and starts:
                quote = char
            elif char in "[{" and (flow or starts):
                flow += 1
                if block + flow > limit:
                    return number
            elif char in "]}" and flow:
                flow -= 1
            if char not in " \t":
                previous = char
            elif previous != "\n":
                previous = " "
            index += 1
    return None
