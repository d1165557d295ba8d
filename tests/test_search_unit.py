"""Search building blocks: code normalisation and pieces, lookup shards, records, year split, bundles."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import jsonout
from generator.content.model import Withdrawal
from generator.site.search import index_content
from generator.site.search.canonical import read
from generator.site.search.codes import agency_part, code_aliases, find_code, fnv1a, normalize_code, shard_key
from generator.site.search.contacts import contact_parts
from generator.site.search.lookup import SHARD_BUDGET, build_shards, code_prefixes, contacts
from generator.site.search.page import filter_options, search_page_markdown
from generator.site.search.pagefind_run import OPTIONS_ALL, OPTIONS_PRIMARY
from generator.site.search.records import (
    LetterView,
    code_record_html,
    dd_folds,
    letter_view,
    record_html,
    record_inputs,
    searchable_text,
)
from generator.strings import search as s
from tests.search_fixtures import make_search_content


@pytest.mark.parametrize(("typed", "code"), [
    ("000.00.21.H17-180420-0012", "000.00.21.H17-180420-0012"),
    (" h56.14-240823-0001. ", "H56.14-240823-0001"),
    ("(H56.14-240823-0001)", "H56.14-240823-0001"),
    ("«H56.14 - 240823 - 0001»", "H56.14-240823-0001"),
    ("\tH56.14-240823-0001\n", "H56.14-240823-0001"),
    ("...", ""),
])
def test_normalize_code(typed, code):
    assert normalize_code(typed) == code


def test_fnv1a_known_values():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a 32-bit test vector


def test_shard_key_ignores_case_and_punctuation():
    assert shard_key(" h56.14-240823-0001.", 3) == shard_key("H56.14-240823-0001", 3)
    assert len(shard_key("H56.14-240823-0001", 4)) == 4


def _views(n: int) -> list[LetterView]:
    return [LetterView(id=f"l-{i}", url=f"letters/2026/so-tnmt/l-{i}/", code=f"H56.14-260101-{i:05d}",
                       number=f"{i}/XL-STNMT", title="Cấp giấy chứng nhận quyền sử dụng đất",
                       agency="Sở Tài nguyên và Môi trường tỉnh Đắk Nông", level="Cấp tỉnh", year="2026",
                       reason="Khối lượng hồ sơ lớn", issued_on="2026-01-05", withdrawn=False) for i in range(n)]


@pytest.mark.parametrize("n", [1, 300, 20_000])
def test_shards_stay_within_budget_and_hold_every_code(n):
    prefix, shards = build_shards(_views(n))
    assert prefix >= 2
    assert max(len(b) for b in shards.values()) <= SHARD_BUDGET
    merged = {}
    for name, raw in shards.items():
        data = json.loads(raw)
        assert all(shard_key(code, prefix) == name for code in data)
        assert raw == jsonout.dumps(data, separators=(",", ":"), sort_keys=True).encode()  # as one dump writes it
        merged.update(data)
    views = _views(n)
    assert set(merged) == {key for v in views for key in code_aliases(v.code)}  # code and its tail (no prefix)
    entry = {"id": "l-0", "url": "letters/2026/so-tnmt/l-0/", "agency": "Sở Tài nguyên và Môi trường tỉnh Đắk Nông",
             "issued_on": "2026-01-05", "title": "Cấp giấy chứng nhận quyền sử dụng đất", "number": "0/XL-STNMT",
             "code": "H56.14-260101-00000"}
    assert merged["H56.14-260101-00000"] == merged["260101-00000"] == [entry]


@pytest.mark.parametrize(("code", "aliases", "agency"), [
    ("000.00.29.H17-250908-0054", ("000.00.29.H17-250908-0054", "H17-250908-0054", "250908-0054"), "000.00.29.H17"),
    ("H56.14-240823-0001", ("H56.14-240823-0001", "H56.14-240823-0001", "240823-0001"), "H56.14"),
])
def test_code_aliases_and_agency_part(code, aliases, agency):
    assert code_aliases(code) == aliases and agency_part(code) == agency


@pytest.mark.parametrize(("typed", "found"), [
    ("Mã hồ sơ: 000.00.29.H17 – 250908 – 0054", "000.00.29.H17-250908-0054"),
    ("Số hồ sơ: h17‐250908—0054.", "H17-250908-0054"),
    ("250908－0054", "250908-0054"),
    ("(H56.14-240823-0001)", "H56.14-240823-0001"),
    ("đăng ký 2024", None),
])
def test_find_code_in_what_people_paste(typed, found):
    assert find_code(typed) == found


def test_contact_parts_make_phone_and_email_links():
    assert contact_parts("Trung tâm X, 0261 3 999 111, tthcc@example.gov.vn") == [
        {"text": "Trung tâm X"}, {"text": "0261 3 999 111", "href": "tel:02613999111"},
        {"text": "tthcc@example.gov.vn", "href": "mailto:tthcc@example.gov.vn"}]


def test_two_letters_with_one_code_share_an_entry():
    views = _views(2)
    views[1] = replace(views[1], code=views[0].code, withdrawn=True)
    _, shards = build_shards(views)
    entries = [e for raw in shards.values() for e in json.loads(raw).get(views[0].code, [])]
    assert [(e["id"], e.get("withdrawn", False)) for e in entries] == [("l-0", False), ("l-1", True)]


def test_contacts_are_tracking_units_then_portal():
    content = make_search_content()
    assert [(c["name"], c["contact"]) for c in contacts(content)] == [
        ("Trung tâm Hành chính công tỉnh", "0261 1234 567, tthcc@example.gov.vn")]


def test_code_prefixes_name_the_one_agency_of_a_prefix():
    content = make_search_content()
    agencies: dict[str, set[str]] = {}
    for x in content.letters:
        agencies.setdefault(agency_part(x.dossier.code), set()).add(x.agency)
    assert len(agencies["H56.14"]) == 2  # the fixture has a prefix two agencies share: it names none
    assert code_prefixes(content) == {p: a.pop() for p, a in agencies.items() if len(a) == 1}


def test_dd_folds_only_words_with_d_stroke():
    assert dd_folds("UBND xã Đức Minh, Đắk Nông, Đắk Mil, hòa") == ["duc", "dak"]


class _Record(HTMLParser):
    """Collects a record's indexed text, filters and metadata."""

    def __init__(self) -> None:
        super().__init__()
        self.filters: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self._attr: tuple[str, str] | None = None
        self._ignored = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-pagefind-ignore" in a:
            self._ignored += 1
        for kind in ("filter", "meta"):
            if f"data-pagefind-{kind}" in a:
                self._attr = (kind, a[f"data-pagefind-{kind}"])

    def handle_endtag(self, tag):
        if tag == "div" and self._ignored:
            self._ignored -= 1

    def handle_data(self, data):
        if self._attr:
            kind, name = self._attr
            (self.filters if kind == "filter" else self.meta)[name] = data
            self._attr = None
        elif not self._ignored:
            self.text.append(data)


def _parse(html: str) -> _Record:
    parser = _Record()
    parser.feed(html)
    return parser


def test_record_holds_metadata_filters_and_folded_words_but_no_boilerplate():
    content = make_search_content()
    letter = next(x for x in content.letters if x.id == "l-duc")
    rec = _parse(record_html(letter, letter_view(letter, content)))
    assert rec.filters == {"agency": "UBND xã Đức Minh", "year": "2026", "reason": "Khối lượng hồ sơ lớn",
                           "level": "Cấp xã"}
    assert rec.meta == {"title": "Chứng thực bản sao từ bản chính", "agency": "UBND xã Đức Minh",
                        "number": "duc/XL", "issued": "2026-03-10", "code": "H56.22-260201-0007"}
    words = " ".join(rec.text).split()
    assert words[0] == "H56.22-260201-0007"
    assert {"duc", "Đức", "Trần", "Chứng"} <= set(words)
    assert not {"xin", "lỗi", "Kính", "gửi"} & set(words)
    assert "Ông" not in words  # a masked individual recipient is not indexed


def test_code_record_holds_only_the_code_and_display_metadata():
    content = make_search_content()
    letter = next(x for x in content.letters if x.id == "l-duc")
    rec = _parse(code_record_html(letter_view(letter, content)))
    assert " ".join(rec.text).split() == ["H56.22-260201-0007"]
    assert rec.filters == {}
    assert rec.meta["code"] == "H56.22-260201-0007" and rec.meta["title"] == "Chứng thực bản sao từ bản chính"


def test_reason_label_and_signer_title_are_not_indexed():
    content = make_search_content()
    letter = next(x for x in content.letters if x.id == "l-dak-mil")
    words = searchable_text(letter, letter_view(letter, content)).text.split()
    assert "Tuấn" in words and "lượng" in words  # signer name, the reason's detail
    assert not {"Giám", "đốc", "Khối"} & set(words)  # signer title, the reason's label (a filter)


def test_searchable_text_uses_one_tone_placement():
    content = make_search_content()
    letter = next(x for x in content.letters if x.id == "l-thuy")
    assert "Thủy" in searchable_text(letter, letter_view(letter, content)).text  # agency written "Thuỷ"


def test_search_page_lists_filter_values_as_records_carry_them():
    content = make_search_content()
    opts = filter_options(content)
    assert opts["year"] == ["2026", "2025", "2019"]
    assert opts["level"] == ["Cấp tỉnh", "Cấp huyện", "Cấp xã"]
    assert "UBND huyện Đắk Mil" in opts["agency"]
    page = search_page_markdown(content)
    assert page.startswith("---\ntitle: ") and "template: congkhai-search.html" in page
    assert s.YEAR_RECENT.format(years="2026, 2025") in page


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[Path, object]:
    site = tmp_path_factory.mktemp("idx")
    stats = index_content(make_search_content(), site, tmp_path_factory.mktemp("work"))
    return site, stats


def test_one_text_and_one_code_bundle_per_year(indexed):
    site, stats = indexed
    assert stats.bundles == {"pagefind-2026": 4, "pagefind-2025": 3, "pagefind-2019": 1,
                             "pagefind-codes-2026": 4, "pagefind-codes-2025": 3, "pagefind-codes-2019": 1}
    assert sorted(stats.indexed) == sorted(stats.bundles) and stats.reused == []
    assert stats.recent_years == ["2026", "2025"]
    for name, pages in stats.bundles.items():
        entry = json.loads((site / name / "pagefind-entry.json").read_text())
        assert entry["languages"]["vi"]["page_count"] == pages
        assert not (site / name / "pagefind-ui.js").exists()  # unused UI kits pruned
        script = (site / name / "pagefind.js").read_text(encoding="utf-8")
        assert OPTIONS_ALL in script and OPTIONS_PRIMARY not in script  # options reach merged indexes


def test_filter_files_are_sorted(indexed):
    site, _ = indexed
    files = list((site / "pagefind-2026" / "filter").glob("*.pf_filter"))
    assert files
    for path in files:
        name, values = read(path)
        assert [v[0] for v in values] == sorted(v[0] for v in values), name


def test_config_script(indexed):
    site, stats = indexed
    text = (site / "lookup" / "config.js").read_text(encoding="utf-8")
    assert text.startswith("window.congkhaiSearch = ")
    cfg = json.loads(text.removeprefix("window.congkhaiSearch = ").rstrip().rstrip(";"))
    assert cfg["prefix"] == stats.lookup_prefix
    assert cfg["bundles"] == {
        "text": [["pagefind-2026/", "pagefind-2025/"], ["pagefind-2019/"]],
        "year": {"2026": "pagefind-2026/", "2025": "pagefind-2025/", "2019": "pagefind-2019/"},
        "codes": ["pagefind-codes-2026/", "pagefind-codes-2025/", "pagefind-codes-2019/"]}
    assert cfg["recent"] == ["2026", "2025"] and cfg["older"] == ["2019"]
    assert cfg["olderWords"] == "older-words/"
    assert "xin loi" in cfg["stop"]


def test_single_year_content_has_one_pair_of_bundles(tmp_path):
    content = make_search_content()
    content.letters = [x for x in content.letters if x.year == 2026]
    stats = index_content(content, tmp_path / "site", tmp_path / "work")
    assert stats.bundles == {"pagefind-2026": 4, "pagefind-codes-2026": 4}
    cfg = (tmp_path / "site" / "lookup" / "config.js").read_text(encoding="utf-8")
    assert '"text": [["pagefind-2026/"]]' in cfg and '"olderWords": ""' in cfg
    assert not (tmp_path / "site" / "older-words").exists()


def test_a_new_letter_reindexes_only_the_bundles_of_its_year(tmp_path):
    """The previous site's bundles of unchanged records are linked, not indexed: a letter added in 2025
    re-indexes pagefind-2025 and pagefind-codes-2025 only; older-words/ (2019) is linked too."""
    content = make_search_content()
    first = index_content(content, tmp_path / "one", tmp_path / "work")
    letter = next(x for x in content.letters if x.year == 2025)
    added = replace(letter, id="l-added",
                    dossier=replace(letter.dossier, code=letter.dossier.code[:-4] + "0999"))
    content.letters = [*content.letters, added]
    work = tmp_path / "work"
    second = index_content(content, tmp_path / "two", work, previous=(tmp_path / "one", first.fingerprints))
    assert sorted(second.indexed) == ["pagefind-2025", "pagefind-codes-2025"]
    assert sorted(second.reused) == sorted({*first.bundles, "older-words"} - {"pagefind-2025", "pagefind-codes-2025"})
    assert second.bundles["pagefind-2025"] == first.bundles["pagefind-2025"] + 1
    for name in second.reused:  # linked: the same files, no copy
        one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one" / name).rglob("*") if p.is_file())
        assert one and all((tmp_path / "two" / rel).samefile(tmp_path / "one" / rel) for rel in one)
    shards = {path.name: path for path in (tmp_path / "two" / "lookup").glob("*.json")}
    changed = {f"{shard_key(key, second.lookup_prefix)}.json" for key in code_aliases(added.dossier.code)}
    linked = {name for name, path in shards.items() if (tmp_path / "one" / "lookup" / name).exists()
              and path.samefile(tmp_path / "one" / "lookup" / name)}
    assert linked == set(shards) - changed  # the shards of the new code written, the others linked
    again = index_content(content, tmp_path / "three", work, previous=(tmp_path / "two", second.fingerprints))
    assert again.indexed == [] and again.pagefind_seconds == 0.0


def _changes(value, path=()):
    """(dotted path, the value with that one leaf field changed) for every leaf field of a model dataclass."""
    for f in dataclasses.fields(value):
        old = getattr(value, f.name)
        if dataclasses.is_dataclass(old):
            for sub, changed in _changes(old, (*path, f.name)):
                yield sub, replace(value, **{f.name: changed})
            continue
        if isinstance(old, bool):
            new = not old
        elif isinstance(old, str):
            new = old + "x" if f.name != "kind" else ("organization" if old == "individual" else "individual")
        elif isinstance(old, date):
            new = old + timedelta(days=400)
        elif old is None and f.name == "withdrawn":
            new = Withdrawal(date(2026, 6, 1), "Đăng nhầm.")
        elif old is None:
            new = "Đắk x"
        else:
            continue  # tuples (corrections) and dicts (lines): records never read them
        yield ".".join((*path, f.name)), replace(value, **{f.name: new})


def test_a_changed_record_has_changed_inputs():
    """The bundles are keyed by records.record_inputs, not by the records: any field of a letter that
    changes its text or code record must change its inputs (else an incremental build keeps a stale index)."""
    content = make_search_content()
    for letter in content.letters:
        view = letter_view(letter, content)
        for texts in ((), ("Trang một do máy đọc",)):
            before = (record_html(letter, view, with_code=False, page_texts=texts), code_record_html(view))
            for path, changed in _changes(letter):
                new_view = letter_view(changed, content)
                after = (record_html(changed, new_view, with_code=False, page_texts=texts), code_record_html(new_view))
                if after[0] != before[0]:
                    assert record_inputs(changed, new_view, texts) != record_inputs(letter, view, texts), path
                if after[1] != before[1]:
                    assert new_view != view, path


def test_a_lookup_shard_of_a_known_digest_is_carried_unread(tmp_path):
    """With the previous manifest's shard digests (`known`) a build carries an unchanged shard without reading
    the previous file; a shard whose digest differs is written; without `known` the bytes are compared."""
    from generator.site.search.lookup import write_lookup

    views = _views(300)
    first, digests = tmp_path / "one" / "lookup", {}
    write_lookup(first, views, digests=digests)
    assert set(digests) == {f"lookup/{p.name}" for p in first.glob("*.json")}
    changed = next(iter(sorted(digests)))
    (first / changed.split("/")[1]).write_bytes(b"{}")  # what is on disk is not read when the digest is known
    carried: set[str] = set()
    write_lookup(tmp_path / "two" / "lookup", views, first, carried, known=digests)
    assert carried == set(digests)
    carried.clear()
    write_lookup(tmp_path / "three" / "lookup", views, first, carried, known={**digests, changed: "0" * 64})
    assert carried == set(digests) - {changed} and (tmp_path / "three" / changed).is_file()
    carried.clear()
    write_lookup(tmp_path / "four" / "lookup", views, first, carried)  # no digests: the bytes decide
    assert carried == set(digests) - {changed}
