"""Rendering units without mkdocs: generated Markdown, URLs, formatting, the SVG chart, open data, feeds."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import yaml

from generator import csvout, jsonout
from generator.content.model import (
    Agency,
    Content,
    DelayReason,
    Dossier,
    Letter,
    Person,
    Portal,
    Reason,
    Recipient,
    Withdrawal,
)
from generator.site import opendata
from generator.site.charts import bar_chart, nice_max
from generator.site.common import Site, fmt_number, fmt_share, fmt_size, rel, url_of
from generator.site.docs import render_docs
from generator.site.letters import listing_src
from generator.site.opendata import COLUMNS, json_schema, rows, to_csv, to_json
from tests.helpers import read_shard, write_shard

TODAY = date(2025, 6, 2)


def letter(lid: str, agency: str = "so-a", issued: date = date(2025, 5, 6), **extra) -> Letter:
    return Letter(id=lid, source=f"letters/{issued.year}/{agency}/{lid}.yml", number=f"{lid}/XL", issued_on=issued,
                  agency=agency, signer=Person("Nguyễn Văn B", "Giám đốc"), recipient=Recipient("individual", "Ông A."),
                  dossier=Dossier("H17-250502-0001", "Thủ tục", date(2025, 5, 2), date(2025, 5, 9), date(2025, 5, 20)),
                  reason=DelayReason("workload", "Chi tiết"), published_on=issued, **extra)


@pytest.fixture
def content(tmp_path) -> Content:
    agencies = {"so-a": Agency("so-a", "Sở A", "province"), "xa-b": Agency("xa-b", "Xã B", "commune", parent="so-a")}
    letters = [letter("a-1"), letter("a-2", issued=date(2024, 3, 4)), letter("b-1", "xa-b"),
               letter("b-2", "xa-b", withdrawn=Withdrawal(date(2025, 5, 30), "Nhầm."))]
    return Content(tmp_path, Portal("Cổng <thử>", "Chủ", "https://x.example/sub/"), agencies, ("province", "commune"),
                   {"workload": Reason("workload", "Khối lượng")}, sorted(letters, key=lambda x: (x.issued_on, x.id)))


def test_urls_and_relative_links():
    assert url_of("index.md") == "" and url_of("agencies/index.md") == "agencies/"
    assert url_of("agencies/so-a.md") == "agencies/so-a/" and url_of("letters/2025/a/x/index.md") == "letters/2025/a/x/"
    assert rel("", "agencies/") == "agencies/" and rel("", "") == "./"
    assert rel("letters/2025/a/x/", "agencies/a/") == "../../../../agencies/a/"
    assert listing_src(2025, "so-a", 1) == "letters/2025/so-a/index.md"
    assert listing_src(2025, "so-a", 2) == "letters/2025/so-a/trang_2.md"  # '_' never occurs in letter ids


def test_vietnamese_number_formats():
    assert (fmt_number(2.5), fmt_number(6), fmt_number(12000), fmt_number(None)) == ("2,5", "6", "12.000", "—")
    assert (fmt_share(2 / 3), fmt_share(1.0), fmt_share(None)) == ("66,7%", "100%", "—")
    assert (fmt_size(12_390), fmt_size(3 * 1024 * 1024)) == ("12,1 KB", "3 MB")


def test_chart_has_one_bar_per_month_and_a_title():
    svg = bar_chart([("2025-01", 0), ("2025-02", 3), ("2025-03", 7)], "Tiêu đề <x>", "c1")
    tree = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    assert tree.get("role") == "img" and tree.find(f"{ns}title").text == "Tiêu đề <x>"
    bars = tree.findall(f"{ns}rect")
    assert [b.find(f"{ns}title").text for b in bars] == ["1/2025: 0", "2/2025: 3", "3/2025: 7"]
    heights = [float(b.get("height")) for b in bars]
    assert heights[0] == 0 and heights[2] > heights[1] > 0
    assert (nice_max(7), nice_max(11), nice_max(1)) == (10, 20, 1) and str(bar_chart([], "t", "c")) == ""


def test_generated_pages_front_matter_and_layout(content, tmp_path):
    out = render_docs(content, {}, TODAY, tmp_path / "docs")
    docs = tmp_path / "docs"
    assert {"index.md", "about.md", "agencies/index.md", "agencies/so-a.md", "agencies/xa-b.md",
            "letters/2025/so-a/a-1/index.md", "letters/2024/so-a/index.md", "data/index.md"} <= set(out.pages)
    text = (docs / "letters/2025/so-a/a-1/index.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta == {"title": "Văn bản a-1/XL — Sở A", "template": "letter.html", "hide": ["navigation", "toc"]}
    body = text.split("---\n", 2)[2].strip()
    assert body.startswith("<div") and body.endswith("</div>") and "\n\n" not in body  # one raw HTML block
    home = yaml.safe_load((docs / "index.md").read_text(encoding="utf-8").split("---\n")[1])
    assert home["title"] == "Cổng &lt;thử&gt;"  # Material prints page.meta.title raw: escaped here
    assert (docs / "feeds/atom.xml").is_file() and (docs / "feeds/agencies/xa-b.xml").is_file()
    assert (docs / "data/2024/letters.csv").is_file() and (docs / "data/letters.json").is_file()


def test_agency_index_ranks_within_levels(content):
    from generator.site.agencies import ranked_groups

    groups = ranked_groups(Site.create(content, {}, TODAY))
    assert [(label, [(rank, a.code, fig.count) for rank, a, fig, _ in items]) for label, items in groups] == [
        ("Cấp tỉnh", [(1, "so-a", 2)]), ("Cấp xã", [(1, "xa-b", 1)])]


def test_open_data_rows_schema_and_csv(content):
    jsonschema = pytest.importorskip("jsonschema")
    site = Site.create(content, {}, TODAY)
    data = rows(site, list(site.facts.values()))
    assert [list(r) for r in data] == [[c.name for c in COLUMNS]] * 4
    withdrawn = next(r for r in data if r["id"] == "b-2")
    assert (withdrawn["status"], withdrawn["pdf_url"], withdrawn["withdrawn_on"]) == ("withdrawn", None, "2025-05-30")
    assert data[0]["page_url"].startswith("https://x.example/sub/letters/")
    doc = {"portal": "p", "licence": "CC-BY-4.0", "generated_on": "2025-06-02", "letters": data}
    jsonschema.Draft202012Validator(json_schema()).validate(json.loads(json.dumps(doc)))
    bad = dict(doc, letters=[dict(data[0], status="deleted")])
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(bad)
    lines = to_csv(data).splitlines()
    assert lines[0].startswith("id,page_url,status,") and len(lines) == 5 and ",false," in lines[1]


HOSTILE_VALUES = ("", "a\nb\r\nc", "tab\there", 'say "hi" \\ back', "</script><script>ckx(1)</script>",
                  "a\u2028b\u2029c", "Đắk Lắk 😀", "\x00\x1f\x7f", "&amp; <b>", None, True, False, 0, -3, 2.5, 1e300)


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
def test_letters_json_is_laid_out_as_the_indented_encoder_does(content, value):
    """to_json builds letters.json from per-row C-encoded text; its bytes must be those of
    `jsonout.dumps(doc, indent=1)` for every value in every column (and with no rows at all)."""
    site = Site.create(content, {}, TODAY)
    data = rows(site, list(site.facts.values()))
    hostile = [{**row, column.name: value} for row in data[:1] for column in COLUMNS]
    for letters in ([], data, data + hostile):
        doc = {"portal": site.content.portal.name, "licence": site.content.portal.data_licence,
               "generated_on": TODAY.isoformat(), "letters": letters}
        assert to_json(site, letters) == jsonout.dumps(doc, indent=1) + "\n"


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
def test_csv_lines_make_the_file_one_csv_writer_makes(content, value):
    """A CSV file is its header and each row's line (kept between builds): the bytes of one csv.writer writing
    the whole file, for every value in every column."""
    site = Site.create(content, {}, TODAY)
    data = rows(site, list(site.facts.values()))
    hostile = [{**row, column.name: value} for row in data[:1] for column in COLUMNS]
    numeric = {c.name for c in COLUMNS if c.type == "integer"}
    for letters in ([], data, data + hostile):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.name for c in COLUMNS])
        for row in letters:
            writer.writerow([csvout.cell(v, name in numeric) for name, v in row.items()])
        assert to_csv(letters) == out.getvalue()


def _row_texts(content, tmp_path, monkeypatch):
    """The open-data rows of `content` through a RowTexts kept in `tmp_path`: (texts, letters whose row was made)."""
    made: list[str] = []
    real = opendata.rows

    def counted(site, facts):
        made.extend(f.letter.id for f in facts)
        return real(site, facts)

    monkeypatch.setattr(opendata, "rows", counted)
    site = Site.create(content, {}, TODAY)
    site.memo_dir = tmp_path / "cache"
    memo = opendata.RowTexts(site)
    facts = list(site.facts.values())
    texts = memo.texts(facts)
    memo.save()
    return {f.letter.id: entry[1:] for f, entry in zip(facts, texts)}, sorted(made)


def test_rows_are_made_once_and_kept_between_builds(content, tmp_path, monkeypatch):
    site = Site.create(content, {}, TODAY)
    data = rows(site, list(site.facts.values()))
    fresh = {row["id"]: [line, opendata.json_members(row)] for line, row in zip(opendata.csv_lines(data), data)}
    texts, made = _row_texts(content, tmp_path, monkeypatch)
    assert texts == fresh and made == ["a-1", "a-2", "b-1", "b-2"]
    assert _row_texts(content, tmp_path, monkeypatch) == (fresh, [])  # the next build: every row kept
    changed = dataclasses.replace(content, letters=[
        dataclasses.replace(x, reason=dataclasses.replace(x.reason, detail="Khác <b>")) if x.id == "a-2" else x
        for x in content.letters])
    texts, made = _row_texts(changed, tmp_path, monkeypatch)
    assert made == ["a-2"] and "Khác <b>" in texts["a-2"][0] and texts["a-1"] == fresh["a-1"]
    renamed = dataclasses.replace(changed, portal=dataclasses.replace(changed.portal, site_url="https://y.example/"))
    texts, made = _row_texts(renamed, tmp_path, monkeypatch)  # what every row reads: every row made again
    assert made == ["a-1", "a-2", "b-1", "b-2"] and all("https://y.example/" in line for line, _ in texts.values())


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed-stale-key"])
def test_row_texts_not_made_here_for_these_inputs_are_never_published(content, tmp_path, monkeypatch, signed):
    """The texts are published as they are: a shard not signed with this machine's key, or an entry whose row
    key is not its letter's, is made again (what a poisoned cache would put into letters.csv is not)."""
    fresh, _ = _row_texts(content, tmp_path, monkeypatch)
    for shard in (tmp_path / "cache" / opendata.RowTexts.NAME).glob("*.json"):
        data = read_shard(shard)
        for entry in data["entries"].values():
            entry[1:] = ["=HYPERLINK(\"https://evil.example\")\n", '"id": "<script>"']
            if signed:
                entry[0] = "0" * 64
        if signed:
            write_shard(shard, data)
        else:
            shard.write_text(json.dumps(data), encoding="utf-8")
    texts, made = _row_texts(content, tmp_path, monkeypatch)
    assert texts == fresh and made == ["a-1", "a-2", "b-1", "b-2"]


def test_every_column_is_documented():
    from generator.strings.site import D_COLUMNS

    assert [c.name for c in COLUMNS] == list(D_COLUMNS)
