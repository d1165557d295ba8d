"""Cached results as data, never code: dataclasses to JSON and back, every value checked against its type.

The check's caches (parsed letters, the PDF gate's memo and facts) live in files anyone can write: a
committed `.cache/`, a shared runner. So nothing is unpickled: a cache is JSON, and `decode` rebuilds
only the dataclasses it is asked for, guided by their type hints (str, int, float, bool, None, date,
bytes as base64, tuples, lists, dicts with str keys, `X | None`, nested dataclasses). Anything else
— a wrong type, a missing or unknown field, a foreign shape — raises `CacheInvalid`, and the caller
drops the cache and runs cold. `write_json` writes atomically (temporary file, then rename).
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path


class CacheInvalid(ValueError):
    """A cached value does not have the shape its type declares: the cache is not used."""


def encode(value: object) -> object:
    """A JSON-ready copy of `value` (dataclasses as dicts, dates as ISO text, bytes as base64 text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(x) for x in value]
    if isinstance(value, dict):
        return {str(k): encode(x) for k, x in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def decode(data: object, kind: object) -> object:
    """The value of type `kind` that `encode` turned into `data`; raises CacheInvalid on any mismatch."""
    return decoder(kind)(data)


def _invalid(message: str) -> CacheInvalid:
    return CacheInvalid(message)


@cache
def decoder(kind: object) -> Callable[[object], object]:
    """A function checking and rebuilding values of type `kind` (built once per type: warm checks decode
    every cached letter and verdict)."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _union([decoder(a) for a in args if a is not type(None)], type(None) in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = decoder(args[0])
        return lambda data: tuple(item(x) for x in _list(data))
    if origin is tuple:
        items = [decoder(a) for a in args]
        return lambda data: tuple(f(x) for f, x in zip(items, _list(data, len(items)), strict=True))
    if origin is list:
        item = decoder(args[0])
        return lambda data: [item(x) for x in _list(data)]
    if origin is dict:
        if args[0] is not str:
            raise TypeError(f"cache dicts have text keys, not {args[0]}")
        value = decoder(args[1])
        return lambda data: {k: value(x) for k, x in _dict(data).items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    return _leaf(kind)


def _list(data: object, length: int | None = None) -> list:
    if type(data) is not list or (length is not None and len(data) != length):
        raise _invalid("not a list of the right length")
    return data


def _dict(data: object) -> dict:
    if type(data) is not dict or not all(type(k) is str for k in data):
        raise _invalid("not an object")
    return data


def _union(options: list[Callable[[object], object]], nullable: bool) -> Callable[[object], object]:
    def decode_union(data: object) -> object:
        if data is None and nullable:
            return None
        for option in options:
            try:
                return option(data)
            except CacheInvalid:
                continue
        raise _invalid(f"{data!r:.40} fits no option")

    return decode_union


def _dataclass(cls: type) -> Callable[[object], object]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: decoder(hints[f.name]) for f in dataclasses.fields(cls)}

    def decode_dataclass(data: object) -> object:
        if type(data) is not dict or not data.keys() <= fields.keys():
            raise _invalid(f"{cls.__name__}: not an object of its fields")
        try:
            return cls(**{name: fields[name](value) for name, value in data.items()})
        except TypeError as exc:  # a required field is missing
            raise _invalid(str(exc)) from None

    return decode_dataclass


def _exact(kind: type) -> Callable[[object], object]:
    def decode_exact(data: object) -> object:
        if type(data) is not kind:
            raise _invalid(f"{data!r:.40} is not a {kind.__name__}")
        return data

    return decode_exact


def _leaf(kind: object) -> Callable[[object], object]:
    if kind in (str, int, bool):
        return _exact(kind)  # type: ignore[arg-type]
    if kind is type(None):
        return _exact(type(None))
    if kind is float:
        def decode_float(data: object) -> object:
            if type(data) not in (int, float):
                raise _invalid(f"{data!r:.40} is not a number")
            return float(data)  # type: ignore[arg-type]
        return decode_float
    if kind is date:
        def decode_date(data: object) -> object:
            try:
                return date.fromisoformat(data)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise _invalid(f"{data!r:.40} is not a date") from None
        return decode_date
    if kind is bytes:
        def decode_bytes(data: object) -> object:
            try:
                return base64.b64decode(data, validate=True)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise _invalid("not base64 bytes") from None
        return decode_bytes
    if kind is object:
        return lambda data: data  # free-form JSON data
    raise TypeError(f"no cache decoder for {kind!r}")


def read_json(path: Path) -> object | None:
    """The JSON in `path`, or None when it is absent, unreadable or not JSON (a cold run follows)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None


def write_json(path: Path, data: object) -> bool:
    """Write `data` as JSON atomically (temporary file beside it, then rename); False when it could not.
    Encoded in one `json.dumps` call (C encoder) before writing: `json.dump` to a file encodes in Python,
    ~5x slower (the 10,000-letter caches took ~2 s each to rewrite when one letter was added)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.stem}-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
