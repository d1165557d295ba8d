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


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def decode(data: object, kind: object) -> object:
    """The value of type `kind` that `encode` turned into `data`; raises CacheInvalid on any mismatch."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        for option in options:
            if option is not type(None):
                try:
                    return decode(data, option)
                except CacheInvalid:
                    continue
        raise CacheInvalid(f"{data!r:.40} is none of {kind}")
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(data, list):
            raise CacheInvalid("a tuple must be a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(x, args[0]) for x in data)
        if len(args) != len(data):
            raise CacheInvalid("tuple of the wrong length")
        return tuple(decode(x, a) for x, a in zip(data, args, strict=True))
    if origin is list:
        if not isinstance(data, list):
            raise CacheInvalid("not a list")
        (item,) = typing.get_args(kind)
        return [decode(x, item) for x in data]
    if origin is dict:
        key, item = typing.get_args(kind)
        if not isinstance(data, dict) or key is not str:
            raise CacheInvalid("not a dict with text keys")
        return {k: decode(x, item) for k, x in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _decode_dataclass(data, kind)
    return _decode_leaf(data, kind)


def _decode_dataclass(data: object, cls: type) -> object:
    if not isinstance(data, dict):
        raise CacheInvalid(f"{cls.__name__} must be an object")
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    if not set(data) <= names:
        raise CacheInvalid(f"unknown fields in {cls.__name__}")
    values = {name: decode(data[name], hints[name]) for name in names if name in data}
    try:
        return cls(**values)
    except TypeError as exc:  # a required field is missing
        raise CacheInvalid(str(exc)) from None


def _decode_leaf(data: object, kind: object) -> object:
    if kind is type(None) or kind is None:
        if data is None:
            return None
    elif kind is bool:
        if isinstance(data, bool):
            return data
    elif kind is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
    elif kind is float:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return float(data)
    elif kind is str:
        if isinstance(data, str):
            return data
    elif kind is date:
        if isinstance(data, str):
            try:
                return date.fromisoformat(data)
            except ValueError:
                pass
    elif kind is bytes:
        if isinstance(data, str):
            try:
                return base64.b64decode(data, validate=True)
            except ValueError:
                pass
    elif kind is object:  # free-form JSON data (e.g. problem parameters)
        return data
    raise CacheInvalid(f"{data!r:.40} is not a {kind}")


def read_json(path: Path) -> object | None:
    """The JSON in `path`, or None when it is absent, unreadable or not JSON (a cold run follows)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None


def write_json(path: Path, data: object) -> bool:
    """Write `data` as JSON atomically (temporary file beside it, then rename); False when it could not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.stem}-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
