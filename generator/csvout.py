"""The one writer of every published CSV (open data, agency files, report tables and lists, `report --format csv`).

Safe to open in a spreadsheet (OWASP "CSV injection"): a text cell beginning with `=`, `+`, `-`, `@`,
a tab or a carriage return would be read as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`), so
it is written with a single quote in front (`'=HYPERLINK(...)`); a spreadsheet shows the text, a
program reading the CSV sees the quote and may strip it. Numbers stay numbers: a cell that is an int
or a float in Python, or a cell of a column declared numeric whose text is a plain number (`-3`,
`2.5`), is written as is. The JSON files carry the raw values, without any quote added.
UTF-8, a header row, `\\n` line ends; None is an empty cell, booleans are `true` / `false`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run: a single quote before a formula-starting character."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value: object, numeric: bool = False) -> str:
    """The CSV text of one value (`numeric`: its column holds numbers, a plain number passes as is)."""
    if type(value) is str:  # most cells: the checks below, in the order that gives a text cell soonest
        if not value.startswith(FORMULA_START) or (numeric and _PLAIN_NUMBER.match(value)):
            return value
        return "'" + value
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if numeric and _PLAIN_NUMBER.match(text):
        return text
    return neutralise(text)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], numeric: Iterable[str] = ()) -> str:
    """CSV text of `rows` under `header`; columns named in `numeric` keep plain numbers written as text."""
    return header_line(header) + "".join(row_lines(header, rows, numeric))


def header_line(header: Sequence[str]) -> str:
    """The CSV header row of `header`, with its line end (the first line `to_csv` writes)."""
    out = _Lines()
    csv.writer(out, lineterminator="\n").writerow([neutralise(str(name)) for name in header])
    return out[0]


class _Lines(list):
    """What a csv.writer writes, one item per row (`writerow` makes each row one `write` call)."""

    write = list.append


def row_lines(header: Sequence[str], rows: Iterable[Sequence[object]], numeric: Iterable[str] = ()) -> list[str]:
    """Each row's CSV line (its line end included) as `to_csv` writes it under `header`: a file of these rows is
    the header line and these lines joined, so a row kept from an earlier build need not be written again."""
    numbers = set(numeric)
    flags = [name in numbers for name in header]
    width = len(flags)
    out = _Lines()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([cell(value, i < width and flags[i]) for i, value in enumerate(row)])
    return out
