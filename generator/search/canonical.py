"""Make a Pagefind bundle byte-reproducible: sort what Pagefind 1.5.2 writes in hash-map order.

Pagefind writes each filter's values, and the meta file's list of filters, in Rust hash-map order,
which changes from run to run (page numbers, index chunks and fragments do not). Two builds of
the same content must give the same site, so this rewrites the filter files and the meta file
in sorted order and renames them after their content. The files are gzip of `pagefind_dcd` +
CBOR; only the CBOR subset Pagefind uses here (unsigned ints, text, bytes, arrays, maps) is read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def _decode(data: bytes, pos: int = 0) -> tuple[object, int]:
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item 0x{head:02x}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        raw = data[pos:pos + arg]
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = {}
        for _ in range(arg):
            key, pos = _decode(data, pos)
            pairs[key], pos = _decode(data, pos)
        return pairs, pos
    if major == 7 and info == 26:
        return struct.unpack(">f", arg.to_bytes(4, "big"))[0], pos
    if major == 7 and info == 27:
        return struct.unpack(">d", arg.to_bytes(8, "big"))[0], pos
    if major == 7:
        return {20: False, 21: True, 22: None}[info], pos
    raise ValueError(f"unsupported CBOR major type {major}")


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large")


def _encode(item: object) -> bytes:
    if item is False or item is True or item is None:
        return bytes([0xF4 if item is False else 0xF5 if item is True else 0xF6])
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, float):
        return b"\xfb" + struct.pack(">d", item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(_encode(x) for x in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(_encode(k) + _encode(v) for k, v in item.items())
    raise TypeError(type(item))


def read(path: Path) -> object:
    """The CBOR value of a Pagefind data file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    value, _ = _decode(data, len(SIGNATURE))
    return value


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    raw = gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(raw)
    return name


def canonicalize_bundle(bundle: Path) -> None:
    """Rewrite the filter files and meta files of `bundle` in sorted, content-named form."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang in entry["languages"].values():
        meta_path = bundle / f"pagefind.{lang['hash']}.pf_meta"
        meta = read(meta_path)
        prefix = lang["hash"].split("_", 1)[0] + "_"
        filters = []
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            fname, values = read(old_path)
            old_path.unlink()
            new = _write(bundle / "filter", prefix, ".pf_filter", [fname, sorted(values, key=lambda v: v[0])], 7)
            filters.append([name, new])
        meta[3] = sorted(filters)
        meta_path.unlink()
        lang["hash"] = _write(bundle, "pagefind." + prefix, ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
