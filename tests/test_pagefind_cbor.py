"""The Pagefind bundle's CBOR, read and written with cbor2 (generator/site/search/canonical.py)."""

from __future__ import annotations

import gzip

import cbor2
import pytest

from generator.site.search.canonical import SIGNATURE, read


def _text_bundle(site):
    """The newest year's text bundle (records with filters)."""
    return sorted(site.glob("pagefind-[0-9]*"))[-1]


def _bundle_files(site):
    bundle = _text_bundle(site)
    return sorted([*bundle.glob("*.pf_meta"), *(bundle / "filter").glob("*.pf_filter"),
                   *(bundle / "index").glob("*.pf_index")])


def test_every_pagefind_data_file_round_trips_byte_for_byte(site_build):
    """Re-encoding what Pagefind wrote gives Pagefind's bytes: the rewrite changes the order only."""
    files = _bundle_files(site_build.site)
    assert {p.suffix for p in files} == {".pf_meta", ".pf_filter", ".pf_index"}
    for path in files:
        raw = gzip.decompress(path.read_bytes())[len(SIGNATURE):]
        assert cbor2.dumps(cbor2.loads(raw)) == raw, path.name


def test_filters_are_written_sorted(site_build):
    bundle = _text_bundle(site_build.site)
    meta = read(next(bundle.glob("*.pf_meta")))
    assert meta[3] == sorted(meta[3]) and meta[3]
    for _, name in meta[3]:
        _, values = read(bundle / "filter" / f"{name}.pf_filter")
        assert [v[0] for v in values] == sorted(v[0] for v in values)


@pytest.mark.parametrize(("raw", "value"), [
    (b"\x9f\x01\x02\xff", [1, 2]),  # indefinite-length array
    (b"\x7f\x61a\x61b\xff", "ab"),  # indefinite-length text
    (b"\xf9\x3c\x00", 1.0),  # half-precision float
])
def test_read_takes_valid_cbor_forms_the_old_decoder_refused(tmp_path, raw, value):
    path = tmp_path / "x.pf_meta"
    path.write_bytes(gzip.compress(SIGNATURE + raw))
    assert read(path) == value
