"""Cached results as data, never code: dataclasses to JSON and back, every value checked against its type.

The check's caches (parsed letters, the PDF gate's memo and facts) live in files anyone can write: a
committed `.cache/`, a shared runner. So nothing is unpickled: a cache is JSON, and `decode` rebuilds
only the dataclasses it is asked for, guided by their type hints (str, int, float, bool, None, date,
bytes as base64, tuples, lists, dicts with str keys, `X | None`, nested dataclasses). Anything else
— a wrong type, a missing or unknown field, a foreign shape — raises `CacheInvalid`, and the caller
drops the cache and runs cold. `write_json` writes atomically (temporary file, then rename).
The per-file memos (`MemoShards`, `StatMemo`) reuse a result for a file of the same bytes (`cachekeys`:
the same stat, or the same SHA-256 on a fresh clone), so their shards are signed with a key the cache
does not hold (`write_signed`, `cachekeys.cache_secret`): a shard copied from another checkout or written
by anyone without the key is not read.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import gc
import hmac
import json
import operator
import os
import tempfile
import types
import typing
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

from generator.cachekeys import cache_secret, same_content


class CacheInvalid(ValueError):
    """A cached value does not have the shape its type declares: the cache is not used."""


def encode(value: object, *, compact: bool = False) -> object:
    """A JSON-ready copy of `value` (dataclasses as dicts, dates as ISO text, bytes as base64 text).

    `compact`: a dataclass field holding its declared default (same type, equal) is left out; `decode` puts
    the default back, so the value is the same (the gate memo's facts are mostly defaults: a third the size)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if compact:
            return {name: encode(x, compact=True) for name, default in _defaults(type(value))
                    if not _is_default(x := getattr(value, name), default)}
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(x, compact=compact) for x in value]
    if isinstance(value, dict):
        return {str(k): encode(x, compact=compact) for k, x in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


_NO_DEFAULT = object()


@cache
def _defaults(cls: type) -> tuple[tuple[str, object], ...]:
    """(field, its plain default or _NO_DEFAULT) of a dataclass (a default factory's value is never left out)."""
    return tuple((f.name, _NO_DEFAULT if f.default is dataclasses.MISSING else f.default)
                 for f in dataclasses.fields(cls))


def _is_default(value: object, default: object) -> bool:
    return default is not _NO_DEFAULT and type(value) is type(default) and value == default


def decode(data: object, kind: object) -> object:
    """The value of type `kind` that `encode` turned into `data`; raises CacheInvalid on any mismatch."""
    return decoder(kind)(data)


def _invalid(message: str) -> CacheInvalid:
    return CacheInvalid(message)


@cache
def decoder(kind: object) -> Callable[[object], object]:
    """A function checking and rebuilding values of type `kind` (built once per type: warm checks decode
    every cached letter and verdict). Text, integers, booleans and None inside a container or a dataclass
    are checked in place (`type(x) is kind`, no call per value): a warm check of 10,000 letters decodes
    ~70,000 dataclasses and ~1,000,000 such values."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if type(None) in args and len(options) == 1:
            return _optional(options[0])
        return _union([decoder(a) for a in options], type(None) in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in _EXACT:
            return _exact_items(args[0], tuple)
        item = decoder(args[0])
        return lambda data: tuple([item(x) for x in _list(data)])
    if origin is tuple and all(a in _EXACT for a in args):
        return _exact_tuple(args)
    if origin is tuple:
        items = [decoder(a) for a in args]
        return lambda data: tuple([f(x) for f, x in zip(items, _list(data, len(items)))])  # (length checked)
    if origin is list:
        if args[0] in _EXACT:
            return _exact_items(args[0], list)
        item = decoder(args[0])
        return lambda data: [item(x) for x in _list(data)]
    if origin is dict:
        if args[0] is not str:
            raise TypeError(f"cache dicts have text keys, not {args[0]}")
        if args[1] in _EXACT:
            return _exact_values(args[1])
        value = decoder(args[1])
        return lambda data: {k: value(x) for k, x in _dict(data).items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    return _leaf(kind)


_EXACT = (str, int, bool, type(None))  # JSON gives exactly these types (an int is never a bool here)


def _list(data: object, length: int | None = None) -> list:
    if type(data) is not list or (length is not None and len(data) != length):
        raise _invalid("not a list of the right length")
    return data


def _dict(data: object) -> dict:
    if type(data) is not dict or not all(type(k) is str for k in data):
        raise _invalid("not an object")
    return data


def _exact_items(kind: type, build: type) -> Callable[[object], object]:
    allowed = {kind}

    def decode_items(data: object) -> object:
        if type(data) is not list or not set(map(type, data)) <= allowed:  # (map, set: no Python call per item)
            raise _invalid(f"not a list of {kind.__name__}")
        return build(data)

    return decode_items


def _exact_tuple(kinds: tuple[type, ...]) -> Callable[[object], object]:
    def decode_tuple(data: object) -> object:
        if type(data) is not list or tuple(map(type, data)) != kinds:
            raise _invalid(f"not a list of {len(kinds)} items of their types")
        return tuple(data)

    return decode_tuple


def _exact_values(kind: type) -> Callable[[object], object]:
    keys, allowed = {str}, {kind}

    def decode_values(data: object) -> object:
        if type(data) is not dict or not set(map(type, data)) <= keys or not set(map(type, data.values())) <= allowed:
            raise _invalid(f"not an object of {kind.__name__}")
        return dict(data)

    return decode_values


def _optional(kind: object) -> Callable[[object], object]:
    """`kind | None`."""
    if kind in _EXACT:
        def decode_exact_or_none(data: object) -> object:
            if data is None or type(data) is kind:
                return data
            raise _invalid(f"{data!r:.40} fits no option")

        return decode_exact_or_none
    option = decoder(kind)

    def decode_optional(data: object) -> object:
        if data is None:
            return None
        try:
            return option(data)
        except CacheInvalid:
            raise _invalid(f"{data!r:.40} fits no option") from None

    return decode_optional


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
    exact = {f.name: hints[f.name] for f in dataclasses.fields(cls) if hints[f.name] in _EXACT}
    nested = {f.name: decoder(hints[f.name]) for f in dataclasses.fields(cls) if f.name not in exact}
    names = exact.keys() | nested.keys()
    exact_types = tuple(exact.values())
    exact_of = _values_of(tuple(exact))
    build = _builder(cls)

    def decode_dataclass(data: object) -> object:
        if type(data) is not dict or not data.keys() <= names:
            raise _invalid(f"{cls.__name__}: not an object of its fields")
        try:  # every exact field there with its type (what `encode` writes): checked in one comparison
            at_once = tuple(map(type, exact_of(data))) == exact_types
        except KeyError:
            at_once = False
        if at_once:
            values = dict(data)
            for name, field_decoder in nested.items():
                if name in data:
                    values[name] = field_decoder(data[name])
            return build(values)
        values = {}
        for name, value in data.items():
            kind = exact.get(name)
            if kind is None:
                values[name] = nested[name](value)
            elif type(value) is kind:
                values[name] = value
            else:
                raise _invalid(f"{cls.__name__}.{name}: {value!r:.40} is not a {kind.__name__}")
        return build(values)

    return decode_dataclass


def _values_of(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """A function giving the values of `names` in a dict as a tuple (KeyError when one is missing)."""
    if len(names) == 1:
        name = names[0]
        return lambda data: (data[name],)
    return operator.itemgetter(*names) if names else lambda data: ()


def _builder(cls: type) -> Callable[[dict], object]:
    """How a dataclass is made from its checked field values: `cls(**values)`, or — when that `__init__`
    is the one `dataclasses` wrote and nothing else runs (no `__post_init__`, no `__new__`, no slots, every
    field an init field) — the instance dictionary filled in field order, as that `__init__` would (a
    frozen class's `__init__` costs ~0.4 µs per field: PdfFacts has 45)."""
    fields = dataclasses.fields(cls)
    init = getattr(cls.__init__, "__code__", None)

    def call(values: dict) -> object:
        try:
            return cls(**values)
        except TypeError as exc:  # a required field is missing
            raise _invalid(str(exc)) from None

    if (init is None or init.co_filename != "<string>"  # dataclasses' generated code, not a hand-written one
            or hasattr(cls, "__post_init__") or cls.__new__ is not object.__new__
            or any(hasattr(c, "__slots__") for c in cls.__mro__[:-1])
            or len(cls.__dataclass_fields__) != len(fields)  # an InitVar or ClassVar
            or not all(f.init for f in fields)):
        return call
    missing = dataclasses.MISSING
    factories = tuple((f.name, f.default_factory) for f in fields if f.default_factory is not missing)
    required = frozenset(f.name for f in fields if f.default is missing and f.default_factory is missing)
    template = {f.name: f.default for f in fields}  # field order; a required or factory field's slot is set below
    new = object.__new__

    def fill(values: dict) -> object:
        if not required <= values.keys():
            raise _invalid(f"{cls.__name__}: missing {sorted(required - values.keys())}")
        state = template.copy()
        state.update(values)
        for name, factory in factories:
            if name not in values:
                state[name] = factory()
        obj = new(cls)
        obj.__dict__.update(state)
        return obj

    return fill


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (as it was after it).

    A warm check holds millions of objects decoded from its caches (letters, PDF facts, the register), all
    acyclic (freed by reference counting). Building them made the collector walk every live object about
    ten times per check, finding almost nothing (~1.5 s of ~5 s CPU at 10,000 letters; a cold check of
    10,000 letters leaves 37 objects in cycles). PDF inspection runs outside such a block."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def gc_frozen() -> Iterator[None]:
    """The objects alive now left out of the cyclic collector's walks for the block (`gc.freeze`): for work
    that runs with the collector (PDF inspection, imports of the PDF libraries) beside the caches' millions
    of objects. Reference counting still frees them; a caller's own freeze is left as it is."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def read_json(path: Path) -> object | None:
    """The JSON in `path`, or None when it is absent, unreadable or not JSON (a cold run follows)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None


def signature(data: bytes) -> bytes:
    """The signature of a memo shard's bytes under this machine's (or this runner's) key (`cache_secret`)."""
    return hmac.new(cache_secret(), data, "sha256").hexdigest().encode()


def read_signed(path: Path) -> object | None:
    """The JSON in `path` when it carries its signature (`write_signed`), else None (a cold run follows)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    mac, _, body = data.partition(b"\n")
    if not hmac.compare_digest(mac, signature(body)):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def write_signed(path: Path, data: object) -> bool:
    """`write_json`, the first line the signature of the rest (`read_signed`)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return _write_bytes(path, signature(body) + b"\n" + body)


def write_json(path: Path, data: object) -> bool:
    """Write `data` as JSON atomically (temporary file beside it, then rename); False when it could not.
    Encoded in one `json.dumps` call (C encoder) before writing: `json.dump` to a file encodes in Python,
    ~5x slower (the 10,000-letter caches took ~2 s each to rewrite when one letter was added)."""
    return _write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def _write_bytes(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically (temporary file beside it, then rename); False when it could not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.stem}-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


MEMO_SHARDS = 64  # a memo's files: one letter added to 10,000 rewrites ~190 KB of letters, not 12 MB


def memo_shard(name: str) -> str:
    """The shard file (in a memo's folder) that keeps the entry `name`: a stable hash of the name."""
    return f"{zlib.crc32(name.encode()) % MEMO_SHARDS:02x}.json"


class MemoShards:
    """A memo's `{name: entry}` in MEMO_SHARDS files `<folder>/<nn>.json` (`memo_shard`), each
    `{"version": version, "entries": {...}}`, signed (`write_signed`). Everything is read at once (`entries`:
    what every shard of this version holds; a shard of another version, unsigned or signed with another key,
    damaged, tampered with or missing holds nothing). `save` writes again only the shards whose entries
    changed: an entry put anew, one gone, one that was in another shard.
    The previous single-file memo (`<folder>.json`), if any, is removed. Off without a folder."""

    def __init__(self, folder: Path | None, version: object) -> None:
        self.folder, self.version = (Path(folder) if folder is not None else None), version
        self.entries: dict[str, object] = {}
        self._shards: dict[str, set[str]] = {}  # shard file -> the names read from it
        if self.folder is None:
            return
        expected = json.loads(json.dumps(version))  # as it reads back (tuples are lists)
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            names = []
        for shard in names:
            if not shard.endswith(".json") or shard.startswith("."):
                continue
            data = read_signed(self.folder / shard)
            if isinstance(data, dict) and data.get("version") == expected and isinstance(data.get("entries"), dict):
                own = {name: entry for name, entry in data["entries"].items() if memo_shard(name) == shard}
                self.entries.update(own)
                self._shards[shard] = set(own)

    def save(self, entries: dict[str, object], changed: set[str] | frozenset[str] = frozenset()) -> None:
        """Keep `entries` (this run's, whole): the shards holding a name of `changed` (entries put anew) or
        whose names are not those read are written again, the others left as they are; errors ignored."""
        if self.folder is None:
            return
        grouped: dict[str, dict[str, object]] = {}
        for name, entry in entries.items():
            grouped.setdefault(memo_shard(name), {})[name] = entry
        dirty = {memo_shard(name) for name in changed}
        dirty |= {shard for shard in grouped.keys() | self._shards.keys()
                  if grouped.get(shard, {}).keys() != self._shards.get(shard, set())}
        for shard in sorted(dirty):
            own = grouped.get(shard, {})
            if own:
                write_signed(self.folder / shard, {"version": self.version, "entries": own})
            else:
                with contextlib.suppress(OSError):
                    (self.folder / shard).unlink()
            self._shards[shard] = set(own)
        with contextlib.suppress(OSError):
            self.folder.with_name(self.folder.name + ".json").unlink()  # the memo as one file, before shards


class StatMemo:
    """A memo folder of `{name: [content key, value...]}` entries under a version and a key (what the values are
    made from besides the file, `MemoShards`): the shape every per-file memo of the warm check shares. `get`
    gives an entry whose file still has the bytes it was made from (`cachekeys.same_content`: the stat
    unchanged, or the same SHA-256 on a fresh clone, the entry then carrying the new stat); the caller decodes
    and vets the values, then `keep`s it or `put`s a new one. `save` keeps the entries of this run only (the
    others' files are gone), writing the shards that changed. Off (nothing read or written) without a cache
    folder."""

    VERSION = 1
    NAME = ""

    def __init__(self, cache_dir: Path | None, key: str) -> None:
        self.memo = MemoShards(Path(cache_dir) / self.NAME if cache_dir is not None else None, [self.VERSION, key])
        self.file = self.memo.folder
        self.entries: dict[str, object] = self.memo.entries
        self.seen: dict[str, object] = {}
        self.added: set[str] = set()
        self._restamped: set[str] = set()  # entries found by their bytes under another stat (written again)

    def get(self, name: str, path: str | os.PathLike, st: os.stat_result, length: int) -> list | None:
        """The remembered entry of `name` (a list of `length` items) when the file at `path` (stat `st`) still
        has the bytes it was made from."""
        raw = self.entries.get(name)
        if type(raw) is not list or len(raw) != length:
            return None
        return self.restamped(name, raw, raw[0], same_content(raw[0], path, st))

    def restamped(self, name: str, raw, stored: object, key: list | None):
        """`raw` when its file's key `stored` stands as `key` (None: it does not); with the new key in its place
        (`stamp`) when the file has the same bytes under another stat."""
        if key is None:
            return None
        if key is stored:
            return raw
        self._restamped.add(name)
        return self.stamp(raw, key)

    @staticmethod
    def stamp(raw, key: list):
        """`raw` with `key` as its file's key (a list entry: its first item)."""
        return [key, *raw[1:]]

    def keep(self, name: str, raw: object) -> None:
        self.seen[name] = raw
        if name in self._restamped:
            self.added.add(name)

    def put(self, name: str, entry: object) -> None:
        self.seen[name] = entry
        self.added.add(name)

    def save(self) -> None:
        """Keep the entries seen in this run (the shards that changed written again); errors ignored."""
        self.memo.save(self.seen, self.added)
