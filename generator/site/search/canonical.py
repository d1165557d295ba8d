"""Make a Pagefind bundle byte-reproducible: sort what Pagefind 1.5.2 writes in hash-map order.

Pagefind writes each filter's values, and the meta file's list of filters, in Rust hash-map order,
which changes from run to run (page numbers, index chunks and fragments do not). Two builds of
the same content must give the same site, so this rewrites the filter files and the meta file
in sorted order and renames them after their content. The files are gzip of `pagefind_dcd` +
CBOR, read and written with `cbor2` (definite lengths, shortest integer heads: what Pagefind writes).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def read(path: Path) -> object:
    """The CBOR value of a Pagefind data file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    raw = gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)
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
