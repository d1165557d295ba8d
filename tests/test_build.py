"""The built site end to end: pages, figures, withdrawn letters, open data, feeds, sitemap, swap, determinism."""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import BuildFailed, build_site, swap_in
from generator.commands.build import mkdocs_notes
from generator.figures.workdays import WorkCalendar
from generator.site import mkdocs as site_mkdocs
from generator.strings.cli import BUILD_MKDOCS_PUBLIC
from tests.conftest import write_site_content
from tests.helpers import write_letter

ATOM = "{http://www.w3.org/2005/Atom}"


class Cells(HTMLParser):
    """Collects the text of elements carrying a given attribute, keyed by that attribute's value."""

    def __init__(self, attr: str) -> None:
        super().__init__()
        self.attr, self.found, self._stack = attr, [], []

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get(self.attr)
        self._stack.append([value, ""] if value is not None else None)

    def handle_endtag(self, tag):
        if self._stack:
            item = self._stack.pop()
            if item is not None:
                self.found.append((item[0], item[1].strip()))
                if self._stack and self._stack[-1] is not None:
                    self._stack[-1][1] += item[1]
            elif self._stack and self._stack[-1] is not None:
                pass

    def handle_data(self, data):
        for item in self._stack:
            if item is not None:
                item[1] += data


def cells(html: str, attr: str) -> list[tuple[str, str]]:
    """(attribute value, text) of every element with `attr`, in document order of closing."""
    parser = Cells(attr)
    parser.feed(html.split('<article', 1)[1].split('</article>', 1)[0])
    return parser.found


def number(text: str) -> float | None:
    """Parse a Vietnamese-formatted figure ('2,5', '66,7%', '—')."""
    text = text.strip().rstrip("%")
    return None if text == "—" else float(text.replace(".", "").replace(",", "."))


def test_every_letter_and_agency_has_its_page(site_build):
    for letter in site_build.content.letters:
        html = site_build.page(letter.url)
        assert f'data-letter-id="{letter.id}"' in html
    for code in site_build.content.agencies:
        assert f'data-agency="{code}"' in site_build.page(f"agencies/{code}/")
    for url in ("", "agencies/", "letters/", "letters/2018/", "letters/2018/so-tnmt/", "data/", "about/"):
        assert "<article" in site_build.page(url)


def test_letters_stay_out_of_the_navigation(site_build):
    home = site_build.page("")
    nav = home.split('<nav class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert "letters/2018/so-tnmt/" not in nav and "agencies/so-tnmt/" not in nav
    assert "agencies/" in nav and "data/" in nav


def test_agency_page_figures_equal_figures_computed_from_the_content(site_build):
    cal, lead = WorkCalendar(site_build.content.portal.calendar), 1
    letters = [x for x in site_build.content.letters if x.agency == "so-tnmt" and x.withdrawn is None]
    late = [cal.count(x.dossier.due_on, x.dossier.returned_on or x.dossier.new_due_on) for x in letters]
    in_time = [cal.count_from(x.issued_on, x.dossier.due_on) >= lead for x in letters]
    missed = [bool(x.dossier.returned_on and x.dossier.returned_on > x.dossier.new_due_on) for x in letters]
    expected = {"count": len(letters), "mean_days_late": round(sum(late) / len(late), 1), "max_days_late": max(late),
                "share_in_time": round(100 * sum(in_time) / len(letters), 1), "new_dates_missed": sum(missed),
                "withdrawn": 1}
    shown: dict[str, list] = {}
    for key, text in cells(site_build.page("agencies/so-tnmt/"), "data-figure"):
        shown.setdefault(key, []).append(number(text))
    for key, value in expected.items():
        assert shown[key] == [value, value], key  # this year (2018) == all time here
    html = site_build.page("agencies/so-tnmt/")
    months = dict(re.findall(r'<tr data-month="([\d-]+)"><td>[^<]*</td><td class="ck-num">(\d+)</td>', html))
    assert (months["2018-03"], months["2018-04"], months["2018-05"]) == ("0", "1", str(len(letters) - 1))
    assert len(months) == 12 and max(months) == "2018-06"
    reasons = dict(re.findall(r'<tr data-reason="([a-z-]+)"><td>[^<]*</td><td class="ck-num">(\d+)</td>', html))
    assert reasons == {"workload": "1", "inter-agency": str(len(letters) - 1)}


def test_agency_links_and_historical_agency(site_build):
    links = dict((k, v) for k, v in cells(site_build.page("agencies/ubnd-cu-jut/"), "data-link"))
    assert links["successor"] == "UBND xã Cư Jút" and links["tracked_by"] == "Trung tâm Hành chính công tỉnh"
    assert links["child"] == "UBND xã Ea Pô"
    assert dict(cells(site_build.page("agencies/ubnd-xa-ea-po/"), "data-link"))["parent"] == "UBND huyện Cư Jút"


def test_letter_page_record_and_pdf(site_build):
    letter = next(x for x in site_build.content.letters if x.id == "2018-05-0010")
    fields = dict(cells(site_build.page(letter.url), "data-field"))
    assert fields["number"] == "20/XL-STNMT" and fields["issued_on"] == "09/05/2018"
    assert fields["days_late"].startswith("6 ") and fields["in_time"].startswith("Không")
    assert "Sửa ngày hẹn trả mới." in fields["correction"]
    pdf = site_build.site / letter.url / f"{letter.id}.pdf"
    assert pdf.read_bytes() == (site_build.root / letter.pdf_source).read_bytes()
    assert fields["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert f'href="{letter.id}.pdf"' in site_build.page(letter.url)


def test_withdrawn_letter_keeps_its_page_without_its_pdf(site_build):
    letter = next(x for x in site_build.content.letters if x.withdrawn)
    html = site_build.page(letter.url)
    assert 'data-status="withdrawn"' in html and "20/05/2018" in html and "Đăng nhầm hồ sơ." in html
    assert ".pdf" not in html.split("<article", 1)[1]
    assert sorted(p.name for p in (site_build.site / letter.url).iterdir()) == ["index.html"]


def test_open_data_validates_against_its_schema(site_build):
    jsonschema = pytest.importorskip("jsonschema")
    data_dir = site_build.site / "data"
    schema = json.loads((data_dir / "letters.schema.json").read_text(encoding="utf-8"))
    doc = json.loads((data_dir / "letters.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    jsonschema.Draft202012Validator(schema).validate(json.loads((data_dir / "2018/letters.json").read_text()))
    assert len(doc["letters"]) == len(site_build.content.letters)
    rows = list(csv.DictReader(io.StringIO((data_dir / "letters.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [x.id for x in site_build.content.letters]
    withdrawn = [r for r in rows if r["status"] == "withdrawn"]
    assert len(withdrawn) == 1 and withdrawn[0]["pdf_url"] == "" and withdrawn[0]["withdrawn_on"] == "2018-05-20"
    published = next(r for r in rows if r["id"] == "2018-05-0001")
    assert published["pdf_url"] == "https://xinloi.example.gov.vn/letters/2018/so-tnmt/2018-05-0001/2018-05-0001.pdf"
    agency_rows = list(csv.DictReader(io.StringIO((data_dir / "agencies/ubnd-cu-jut.csv").read_text())))
    assert sorted(r["id"] for r in agency_rows) == ["cj-1", "cj-2"]
    assert (data_dir / "agencies/ubnd-xa-cu-jut.csv").read_text().count("\n") == 1  # header only


def test_feeds_are_atom_with_absolute_links(site_build):
    feed = ET.parse(site_build.site / "feeds/atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(site_build.content.letters)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert all(link.startswith("https://xinloi.example.gov.vn/letters/2018/") for link in links)
    agency = ET.parse(site_build.site / "feeds/agencies/ubnd-cu-jut.xml").getroot()
    assert len(agency.findall(f"{ATOM}entry")) == 2


def test_sitemap_lists_every_page(site_build):
    tree = ET.parse(site_build.site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = {loc.text for loc in tree.iter(f"{ns}loc")}
    pages = {"https://xinloi.example.gov.vn/" + str(p.parent.relative_to(site_build.site)).replace(".", "") + "/"
             for p in site_build.site.rglob("index.html") if "assets" not in p.parts and "search" not in p.parts}
    pages = {p.replace("gov.vn//", "gov.vn/") for p in pages}
    assert pages <= listed


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_tree(first: Path, second: Path) -> None:
    """The two trees hold the same files with the same bytes; on failure, the first differing file's diff."""
    one, two = _files(first), _files(second)
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    if differing:
        name = differing[0]
        diff = difflib.unified_diff(one[name].decode(errors="replace").splitlines(),
                                    two[name].decode(errors="replace").splitlines(),
                                    f"{first.name}/{name}", f"{second.name}/{name}", lineterm="", n=2)
        pytest.fail(f"{len(differing)} files differ, first {name}:\n" + "\n".join(list(diff)[:80]))


@pytest.mark.slow
def test_two_builds_are_byte_identical(site_build, tmp_path, monkeypatch):
    """The session site again in one process, as if another Material were installed: the version guard takes
    MkDocs' public path (no hooks), the build command says so, and the site has the same bytes."""
    newer = (("mkdocs-material", "9.99.0", site_mkdocs.PINNED["mkdocs-material"]),)
    monkeypatch.setattr(site_mkdocs, "MISMATCHED", newer)
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "1")
    second = tmp_path / "site"
    again = build_site(site_build.root, second, site_build.today, build_dir=tmp_path / "build",
                       cache_dir=tmp_path / "c", run_pdf_gate=site_build.result.check.pdf_facts != {})
    assert site_build.result.mkdocs == site_mkdocs.Outcome(fast=True)
    assert again.mkdocs == site_mkdocs.Outcome(fast=False, mismatched=newer)
    assert mkdocs_notes(again.mkdocs) == [BUILD_MKDOCS_PUBLIC.format(
        package="mkdocs-material", installed="9.99.0", pinned=site_mkdocs.PINNED["mkdocs-material"])]
    assert mkdocs_notes(site_build.result.mkdocs) == []
    assert_same_tree(site_build.site, second)


@pytest.mark.slow
def test_fast_and_public_mkdocs_builds_are_byte_identical(site_build, tmp_path, monkeypatch):
    """The adapter alone on the session site's docs: every shortcut (pages on 2 processes) vs the public path."""
    docs = site_build.site.parent / "build" / "docs"  # conftest's build_dir
    overrides = site_mkdocs.config_overrides(site_build.result.rendered.site)
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "2")  # fork.py forks even a small site
    fast = site_mkdocs.build(overrides, docs, tmp_path / "fast", site_build.today, fast=True)
    public = site_mkdocs.build(overrides, docs, tmp_path / "public", site_build.today, fast=False)
    assert (fast, public) == (site_mkdocs.Outcome(fast=True), site_mkdocs.Outcome(fast=False))
    assert_same_tree(tmp_path / "fast", tmp_path / "public")
    assert len(list((tmp_path / "fast" / "letters").rglob("index.html"))) > len(site_build.content.letters)


def test_invalid_content_leaves_the_previous_site_untouched(tmp_path):
    root = write_site_content(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("previous site")
    write_letter(root, "bad", number="99/XL", **{"dossier.due_on": "2018-03-01"})  # due before received
    with pytest.raises(BuildFailed) as failed:
        build_site(root, site, date_today(), build_dir=tmp_path / "build", run_pdf_gate=False)
    assert failed.value.check is not None and not failed.value.check.valid
    assert [p.name for p in site.iterdir()] == ["old.html"]
    assert not any(p.name.startswith(".site.") for p in tmp_path.iterdir())  # no temporary site left


def test_swap_keeps_old_site_when_the_new_one_cannot_move_in(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    with pytest.raises(OSError):
        swap_in(tmp_path / "missing-new-site", site)
    assert (site / "index.html").read_text() == "old"
    new = tmp_path / "new"
    new.mkdir()
    (new / "index.html").write_text("new")
    old = swap_in(new, site)
    assert (site / "index.html").read_text() == "new" and not new.exists()
    assert old is not None and old.name.startswith(".site.old-")
    wait_gone(old)  # deleted by a detached background process
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    again = tmp_path / "again"
    again.mkdir()
    assert swap_in(again, site, background=False) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_previous_old_site_left_behind_is_swept_by_the_next_build(tmp_path):
    root = write_site_content(tmp_path)
    site = tmp_path / "site"
    leftover = tmp_path / ".site.old-1-2"
    (leftover / "a" / "b").mkdir(parents=True)
    (leftover / "a" / "b" / "index.html").write_text("old")
    build_site(root, site, date_today(), build_dir=tmp_path / "build", run_pdf_gate=False)
    assert (site / "index.html").is_file()
    wait_gone(leftover)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == []


def wait_gone(path: Path, seconds: float = 20) -> None:
    import time

    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not path.exists()


def date_today():
    from tests.conftest import SITE_TODAY

    return SITE_TODAY


def test_what_a_build_keeps_beside_the_default_site_is_git_ignored():
    """`make site` builds into ./site: the manifest, its inputs hint, the locks, a carry journal, the new and old
    site folders beside it never show in an editor's `git status`."""
    import shutil
    import subprocess

    from generator.build import ROOT
    from generator.buildlock import lock_path
    from generator.site import carry, reuse
    from generator.trash import aside_name

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (or no git): nothing to ignore files for")
    site = ROOT / "site"
    manifest = reuse.manifest_path(site)
    beside = [manifest, manifest.with_suffix(".inputs"), lock_path(site), lock_path(ROOT / "build"),
              carry.journal_path(site, 12345), aside_name(site) / "index.html", site.parent / ".site.new-12345" / "x"]
    shown = [str(path.relative_to(ROOT)) for path in beside
             if subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT).returncode != 0]
    assert shown == []
