"""The sharded static dossier-code lookup: `lookup/<hex prefix>.json`, one small file per query.

Each shard maps a normalised dossier code to the letters that carry it, under three keys: the code,
the code without its numeric agency prefix, and its date-sequence alone (`codes.code_aliases`), so
a code pasted in any of these forms is one request too. The prefix length is the
smallest (at least 2 hex digits) that keeps every shard within `SHARD_BUDGET` bytes; the browser
learns it from `lookup/config.js`, loaded with the search page, so a lookup is one request.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator import jsonout
from generator.content.model import Content
from generator.site.search.codes import agency_part, code_aliases, fnv1a
from generator.site.search.contacts import agency_contacts, contact_parts
from generator.site.search.records import LetterView
from generator.strings import search as s
from generator.content.vtext import fold

SHARD_BUDGET = 9_000  # bytes; the target is one request <= 10 KB
MIN_PREFIX = 2
MAX_PREFIX = 6


def _entry(view: LetterView) -> dict:
    entry = {"id": view.id, "url": view.url, "agency": view.agency, "issued_on": view.issued_on,
             "title": view.title, "number": view.number, "code": view.code}
    if view.withdrawn:
        entry["withdrawn"] = True
    return entry


def _dump(data: object) -> bytes:
    return jsonout.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")


def build_shards(views: Iterable[LetterView]) -> tuple[int, dict[str, bytes]]:
    """(prefix length, {shard name: JSON bytes}) for every letter's code.

    A shard is `_dump({code: [entry, ...]})`, composed from each code's encoded item (JSON is
    concatenation: the same bytes), so each entry is encoded once, not once per prefix tried."""
    by_code: dict[str, list[bytes]] = defaultdict(list)
    for view in views:
        entry = _dump(_entry(view))
        for key in dict.fromkeys(code_aliases(view.code)):
            by_code[key].append(entry)
    items = {code: _dump(code) + b":[" + b",".join(entries) + b"]" for code, entries in sorted(by_code.items())}
    hashes = {code: f"{fnv1a(code):08x}" for code in items}  # = shard_key(code, 8): the codes are normalised
    for prefix in range(MIN_PREFIX, MAX_PREFIX + 1):  # a shard's bytes: "{" + its items joined by "," + "}"
        sizes: dict[str, int] = defaultdict(lambda: 1)
        for code, item in items.items():
            sizes[hashes[code][:prefix]] += len(item) + 1
        if max(sizes.values(), default=0) <= SHARD_BUDGET or prefix == MAX_PREFIX:
            break
    shards: dict[str, list[bytes]] = defaultdict(list)
    for code, item in items.items():
        shards[hashes[code][:prefix]].append(item)
    return prefix, {name: b"{" + b",".join(group) + b"}" for name, group in shards.items()}


def contacts(content: Content) -> list[dict[str, str]]:
    """Whom a citizen contacts when a code is not found: the tracking units, then the portal."""
    units = {a.tracked_by for a in content.agencies.values() if a.tracked_by}
    found = {content.agencies[c].name: content.agencies[c].contact for c in sorted(units) if c in content.agencies}
    portal = content.portal
    if portal.owner and len(portal.contact) >= len(found.get(portal.owner, "")):
        found[portal.owner] = portal.contact
    return [{"name": name, "contact": contact, "parts": contact_parts(contact)} for name, contact in found.items()]


def code_prefixes(content: Content) -> dict[str, str]:
    """Agency part of the dossier codes ("000.00.29.H17", "H56.14") -> the one agency whose letters
    carry it; a part seen with several agencies names none."""
    seen: dict[str, set[str]] = defaultdict(set)
    for letter in content.letters:
        part = agency_part(letter.dossier.code)
        if part:
            seen[part].add(letter.agency)
    return {part: next(iter(codes)) for part, codes in sorted(seen.items()) if len(codes) == 1}


def config_js(
    prefix: int, content: Content, recent_years: list[str], older_years: list[str], *,
    text_bundles: list[list[str]], code_bundles: list[str], older_words: str = "",
) -> str:
    """`lookup/config.js`: settings and messages the search script reads from `window.congkhaiSearch`.

    `bundles.text` is [recent years' bundles, older years' bundles] (the second absent when every year
    is recent): the page merges each list into one Pagefind instance; the default scope is the first,
    "all years" searches both; `bundles.year` maps a year to its own bundle (a chosen year searches it
    alone); `bundles.codes` (every year's code bundle, merged) answers partial dossier codes;
    `olderWords` is the folder of the older years' word shards (words.py), "" when there are none.
    """
    years = [name for group in text_bundles for name in group]
    data = {"prefix": prefix, "contacts": contacts(content), "recent": recent_years, "older": older_years,
            "bundles": {"text": [[b + "/" for b in group] for group in text_bundles],
                        "year": {year: name + "/" for year, name in zip(recent_years + older_years, years, strict=True)},
                        "codes": [b + "/" for b in code_bundles]},
            "messages": s.MESSAGES, "stop": [fold(p) for p in s.STOP_PHRASES],
            "prefixes": code_prefixes(content), "agencies": agency_contacts(content),
            "olderWords": older_words}
    return "window.congkhaiSearch = " + jsonout.dumps(data, sort_keys=True) + ";\n"


def write_lookup(out_dir: Path, views: list[LetterView], previous: Path | None = None,
                 carry: set[str] | None = None, known: Mapping[str, str] | None = None,
                 digests: dict[str, str] | None = None) -> tuple[int, int, int]:
    """Write the shards into `out_dir`; returns (prefix, number of shards, largest shard bytes). A shard
    with the bytes of the one in `previous` (the previous site's lookup folder) is taken from there: named in
    `carry` (site paths, `lookup/<shard>.json`: the build moves them in) or else hard-linked; a letter added
    changes a few shards, and taking a file is much cheaper than writing it. `known`: the SHA-256 of the
    previous site's shards by site path (its trusted manifest): with `carry`, a shard of a known digest is
    taken without reading the previous file (4,090 reads at 10,000 letters); `digests` receives this build's."""
    prefix, shards = build_shards(views)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in shards.items():
        target = out_dir / f"{name}.json"
        rel = f"{out_dir.name}/{target.name}"
        sha = hashlib.sha256(data).hexdigest()
        if digests is not None:
            digests[rel] = sha
        if previous is None:
            same = False
        elif carry is not None and known is not None and rel in known:
            same = known[rel] == sha
        else:
            same = _same_bytes(previous / target.name, data)
        if same:
            if carry is not None:
                carry.add(rel)
            else:
                os.link(previous / target.name, target)
        else:
            target.write_bytes(data)
    return prefix, len(shards), max(map(len, shards.values()), default=0)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
