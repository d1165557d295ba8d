"""Incremental builds (generator/site/reuse.py): a build that reuses the previous site's pages and search
bundles gives, byte for byte, the site a full build of the same content gives; anything it cannot trust
(no manifest, a corrupt one, another code version, a damaged site, --full) makes a full build."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from generator.build import build_site
from generator.site import page_images, reuse
from generator.site.letters import PAGE_IMAGE_CACHE
from tests.conftest import pdf_gate_ready
from tests.helpers import children, dump, make_content, pdf_bytes, write_letter

pytestmark = pytest.mark.slow

TODAY = date(2018, 6, 1)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _assert_same_site(incremental: Path, full: Path) -> None:
    a, b = _tree(incremental), _tree(full)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


class Sites:
    """One site built again and again (incremental), each time compared with a fresh full build."""

    def __init__(self, tmp: Path, root: Path) -> None:
        self.tmp, self.root, self.runs = tmp, root, 0
        self.site, self.build_dir, self.cache = tmp / "site", tmp / "build", tmp / "cache"

    def build(self, today: date = TODAY, **options):
        return build_site(self.root, self.site, today, build_dir=self.build_dir, cache_dir=self.cache,
                          run_pdf_gate=pdf_gate_ready(), **options)

    def compare(self, today: date = TODAY, *, cached: bool = True) -> None:
        """`cached`: the full build shares the incremental one's cache (else it has none: nothing kept between
        builds, the PDF facts, page images and open-data rows all made again)."""
        self.runs += 1
        fresh = self.tmp / f"full-{self.runs}"
        result = build_site(self.root, fresh / "site", today, build_dir=fresh / "build",
                            cache_dir=self.cache if cached else None, run_pdf_gate=pdf_gate_ready(), full=True)
        assert result.mode == "full"
        _assert_same_site(self.site, fresh / "site")


def _redone(result, family: str) -> list[str]:
    """The docs paths of the output groups of `family` the build rendered (site/skips.py)."""
    return sorted(g.split(":", 1)[1] for g in result.rendered.made.redone if g.startswith(family + ":"))


def _kept(result, family: str) -> list[str]:
    """Those it placed unrendered, from the previous build."""
    return sorted(g.split(":", 1)[1] for g in result.rendered.made.kept if g.startswith(family + ":"))


def _page(letter_id: str, agency: str = "so-tnmt", year: int = 2018) -> str:
    return f"letters/{year}/{agency}/{letter_id}/index.md"


LETTERS = [_page("2018-04-0001"), *(_page(f"2018-05-{i:04d}") for i in range(1, 5))]  # the fixture's


def _letter(root: Path, letter_id: str) -> Path:
    return next(root.glob(f"letters/*/*/{letter_id}.yml"))


def _edit(path: Path, **fields) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in fields.items():
        *parents, last = key.split(".")
        target = data
        for part in parents:
            target = target[part]
        target[last] = value
    path.write_text(dump(data), encoding="utf-8")


@pytest.fixture
def sites(tmp_path) -> Sites:
    root = make_content(tmp_path, 4)
    write_letter(root, "2018-04-0001", number="7/XL-STNMT", issued_on="2018-04-10", published_on="2018-04-11",
                 **{"dossier.code": "000.00.21.H17-180402-0007", "dossier.received_on": "2018-04-02",
                    "dossier.due_on": "2018-04-13", "dossier.new_due_on": "2018-04-20",
                    "dossier.returned_on": "2018-04-24", "reason.category": "workload"})
    sites = Sites(tmp_path, root)
    assert sites.build().mode == "full"
    return sites


def test_add_correct_withdraw_give_the_full_build(sites):
    """After each change the incremental site equals a fresh full build of the same content, and most
    pages were taken from the previous site."""
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    added = sites.build()
    assert added.mode == "incremental"
    assert "letters/2018/so-tnmt/2018-05-0005/index.md" not in added.reused_pages
    assert len(added.reused_pages) > 5
    assert _redone(added, "letter") == [_page("2018-05-0005")]  # the other letter pages were not rendered
    assert _kept(added, "letter") == LETTERS
    assert not (sites.build_dir / "docs" / LETTERS[0]).exists()  # no docs file: MkDocs takes the old page
    assert _redone(added, "data") and _kept(added, "data")  # the 2018 files again, not the schema
    assert "letters/2018/so-tnmt/index.md" in _redone(added, "listing")
    assert _redone(added, "report") and _kept(added, "report")  # the periods of May 2018, not April's weeks
    assert _redone(added, "agency") == ["agencies/so-tnmt.md"]  # the other agencies' pages: kept
    sites.compare()

    _edit(_letter(sites.root, "2018-05-0002"), **{"dossier.new_due_on": "2018-05-16"},
          corrections=[{"date": "2018-05-12", "note": "Sửa ngày hẹn trả mới."}])
    corrected = sites.build()
    assert corrected.mode == "incremental" and corrected.reused_pages
    assert _redone(corrected, "letter") == [_page("2018-05-0002")]
    sites.compare()

    withdrawn = _letter(sites.root, "2018-05-0003")
    _edit(withdrawn, withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm hồ sơ."})
    withdrawn.with_suffix(".pdf").unlink()  # a withdrawn letter's PDF may be deleted
    result = sites.build()
    assert result.mode == "incremental"
    assert _redone(result, "letter") == [_page("2018-05-0003")]
    sites.compare()
    sites.compare(cached=False)  # what was kept between builds (open-data rows...) is what a build without it makes

    later = TODAY + timedelta(days=3)  # figures as of another day
    result = sites.build(later)
    assert result.mode == "incremental"
    assert _redone(result, "letter") == [] and _redone(result, "listing") == []  # they do not read the date
    assert _kept(result, "report") == []  # every report is as of the new day
    sites.compare(later)


def _rename_agency(root: Path) -> None:
    path = root / "agencies.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"), encoding="utf-8")


def _relabel_reason(root: Path) -> None:
    path = root / "reasons.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Chậm phối hợp liên thông", "Chậm liên thông"),
                    encoding="utf-8")


REGISTER = "dossier_code,agency,procedure,received_on,due_on,returned_on\n"


def _register_row(root: Path) -> None:
    folder = root / "register"
    folder.mkdir(exist_ok=True)
    path = folder / "2018.csv"
    rows = path.read_text(encoding="utf-8") if path.exists() else REGISTER
    day = 10 + rows.count("\n")  # another overdue dossier each time, without a letter
    path.write_text(rows + f"000.00.21.H17-180420-09{day},so-tnmt,Đăng ký đất đai,2018-04-20,2018-05-{day},\n",
                    encoding="utf-8")


def _replace_pdf(root: Path) -> None:
    path = _letter(root, "2018-05-0002").with_suffix(".pdf")
    path.unlink()  # a new file (the site holds a hard link to the old one)
    path.write_bytes(pdf_bytes(
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 16/XL-STNMT", "Mã hồ sơ: 000.00.21.H17-180420-0002",
        "Bản quét lại, thay bản cũ"))


@pytest.mark.parametrize(("change", "letters"), [
    ("agency-renamed", LETTERS), ("reason-relabelled", LETTERS), ("register-row", []),
    ("pdf-replaced", [_page("2018-05-0002")]),
])
def test_each_input_of_a_page_renders_it_again(sites, change, letters):
    """A change of any input a page is made of renders that page again (and only the pages it is an input
    of, for the letter pages): the site is the full build's."""
    {"agency-renamed": lambda: _rename_agency(sites.root), "reason-relabelled": lambda: _relabel_reason(sites.root),
     "register-row": lambda: _register_row(sites.root), "pdf-replaced": lambda: _replace_pdf(sites.root)}[change]()
    result = sites.build()
    assert result.mode == "incremental"
    assert _redone(result, "letter") == letters
    sites.compare()
    if change == "register-row":  # a second row: reports again, the letters still not
        _register_row(sites.root)
        again = sites.build()
        assert _redone(again, "report") and _redone(again, "letter") == []
        sites.compare()


def _images(site: Path, letter_id: str) -> list[str]:
    return sorted(p.name for p in next(site.glob(f"letters/*/*/{letter_id}")).glob("trang-*"))


def test_kept_pages_carry_their_images_without_the_page_image_cache(sites):
    """The page images are a function of the PDF's bytes and the code: a kept letter page carries its images
    from the previous site, so a lost page-image cache (CI's was evicted) renders nothing again."""
    shutil.rmtree(sites.cache / PAGE_IMAGE_CACHE)
    _register_row(sites.root)  # something changes, no letter does
    result = sites.build()
    assert result.mode == "incremental" and _redone(result, "letter") == []
    assert result.rendered.page_images == page_images.RenderStats()  # the cache was not even looked at
    assert not (sites.cache / PAGE_IMAGE_CACHE).exists()
    assert _images(sites.site, "2018-05-0004") == ["trang-1.png"]
    sites.compare()


def test_a_page_whose_images_failed_gets_them_when_they_can_be_made(sites, monkeypatch):
    """A letter page published without images (their render failed: a full disk, a crash of the renderer) is
    not kept as it is: the next build renders it again with its images."""
    shutil.rmtree(sites.cache / PAGE_IMAGE_CACHE)

    def fails(*_args):
        raise OSError("no space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(page_images, "render_pdf", fails)
        failed = sites.build(full=True)
    assert failed.rendered.page_images.failed == len(LETTERS) and _images(sites.site, "2018-05-0004") == []
    _register_row(sites.root)
    again = sites.build()
    assert again.mode == "incremental" and _redone(again, "letter") == LETTERS
    assert again.rendered.page_images == page_images.RenderStats(rendered=len(LETTERS))
    assert _images(sites.site, "2018-05-0004") == ["trang-1.png"]
    sites.compare()


def test_nothing_changed_keeps_the_site(sites, monkeypatch):
    before = _tree(sites.site)
    import generator.build as build_module

    def no_check(*args, **kwargs):
        raise AssertionError("nothing changed: the site stands without a check")

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "check_content", no_check)
        result = sites.build()
    assert result.mode == "unchanged"
    assert _tree(sites.site) == before


def test_the_checked_content_is_kept_out_of_the_collector_while_the_site_is_built(sites, monkeypatch):
    """The check's letters, facts and caches live until the build ends: the collector does not walk them while
    the site is rendered (`gc.freeze`, as before a fork), and the build leaves it as it found it."""
    import gc

    import generator.build as build_module

    frozen = []
    real = build_module.render_docs

    def render(*args, **kwargs):
        frozen.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "render_docs", render)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert sites.build().mode == "incremental"
    assert frozen and frozen[0] > 1000  # the letters and their facts at least
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_fresh_clone_of_the_same_content_reads_no_letter_and_no_pdf_again(sites, monkeypatch):
    """CI's publish checks out the content afresh (new inodes and mtimes) over a restored cache and site: each
    memo finds its entries by the files' SHA-256 (cachekeys.same_content), so no letter is parsed and no PDF
    inspected or judged again, and the site stays byte for byte what it was (nothing rendered)."""
    import generator.checks.pdfgate as pdfgate
    import generator.content.load as load

    before = _tree(sites.site)
    fresh = sites.root.with_name("fresh")
    shutil.copytree(sites.root, fresh)
    shutil.rmtree(sites.root)
    fresh.rename(sites.root)  # the same place, every file another inode and mtime
    parsed, inspected = [], []
    real_load, real_inspect = load.load_letter, pdfgate.inspect_pdfs
    monkeypatch.setattr(load, "load_letter", lambda root, rel, raw=None: parsed.append(rel) or real_load(
        root, rel, raw))
    monkeypatch.setattr(pdfgate, "inspect_pdfs", lambda paths, *a, **k: inspected.extend(paths) or real_inspect(
        paths, *a, **k))
    result = sites.build()
    assert (parsed, inspected) == ([], [])
    assert result.mode == "incremental" and _redone(result, "letter") == []
    assert _tree(sites.site) == before
    monkeypatch.undo()
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert _redone(sites.build(), "letter") == [_page("2018-05-0005")]  # and the next change builds as ever
    sites.compare()


def test_the_manifest_is_written_as_the_cache_encoder_writes_it(sites):
    """reuse.save writes the manifest's fields without a copy (`plain`): the JSON `cachedata.encode` gives."""
    from generator import cachedata

    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    sites.build()
    path = reuse.manifest_path(sites.site)
    manifest = reuse.load(path, sites.site.resolve())
    assert manifest is not None and manifest.outputs and manifest.pages and manifest.bundles
    assert json.loads(path.read_text(encoding="utf-8")) == cachedata.encode(manifest)
    assert json.dumps(reuse.plain(manifest)) == json.dumps(cachedata.encode(manifest))


def test_the_inputs_hint_is_never_trusted_alone(sites, monkeypatch):
    """Beside the manifest, a small file names the inputs the site was built from, so that a build of other
    inputs reads the previous site in a child while it checks: a hint that lies either way (it names the new
    inputs while the manifest does not, or it is gone or wrong while the site stands) changes no result."""
    hint = reuse.manifest_path(sites.site).with_suffix(".inputs")
    standing = json.loads(hint.read_text(encoding="utf-8"))
    hint.write_text(json.dumps("other inputs"), encoding="utf-8")
    assert _checked(sites, monkeypatch) == ("incremental", 1)  # checked (as the hint says), every output kept
    assert json.loads(hint.read_text(encoding="utf-8")) == standing
    hint.unlink()
    assert _checked(sites, monkeypatch)[1] == 1
    assert _checked(sites, monkeypatch) == ("unchanged", 0)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    from generator.build import check_inputs

    new = reuse.inputs_fingerprint(sites.root, TODAY, check_inputs(pdf_gate_ready(), {}))  # as the build makes it
    hint.write_text(json.dumps(new), encoding="utf-8")  # a hint naming the new inputs: the manifest decides
    assert _checked(sites, monkeypatch) == ("incremental", 1)
    sites.compare()


def test_invalid_content_while_the_previous_site_is_read_leaves_no_child(sites):
    """Other inputs: the previous site is read in a child during the check; content with errors fails the
    build after that child is done (none left), the last good site stays, the next build is right."""
    from generator.build import BuildFailed

    before = _tree(sites.site)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "not a code"})
    with pytest.raises(BuildFailed) as failed:
        sites.build()
    assert failed.value.check is not None and not failed.value.check.valid
    assert children() == [] and _tree(sites.site) == before
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert sites.build().mode == "incremental"
    sites.compare()


def test_the_content_root_named_another_way_is_the_same_input(sites, monkeypatch):
    """`--content content` after `--content /abs/content`: the same content, nothing rendered again."""
    monkeypatch.chdir(sites.root.parent)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    result = build_site(Path(sites.root.name), sites.site, TODAY, build_dir=sites.build_dir, cache_dir=sites.cache,
                        run_pdf_gate=pdf_gate_ready())
    assert result.mode == "incremental"
    assert _redone(result, "letter") == ["letters/2018/so-tnmt/2018-05-0005/index.md"]
    sites.compare()


def _checked(sites, monkeypatch, **options) -> tuple[str, int]:
    """(mode, checks run) of one more build."""
    import generator.build as build_module

    calls = []
    real = build_module.check_content

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "check_content", counted)
        result = sites.build(**options)
    return result.mode, len(calls)


def test_what_the_check_reads_is_an_input_of_an_unchanged_build(sites, monkeypatch):
    """Without a check, a build stands only on the same files (stat keys), day, check options, OCR engine
    and a settled previous build (no OCR read to try again)."""
    assert _checked(sites, monkeypatch) == ("unchanged", 0)
    letter = _letter(sites.root, "2018-05-0001")
    letter.write_text(letter.read_text(encoding="utf-8"), encoding="utf-8")  # same bytes, a new write
    assert _checked(sites, monkeypatch)[1] == 1  # checked again (then every output kept)
    assert _checked(sites, monkeypatch) == ("unchanged", 0)
    from generator.build import BuildFailed

    with pytest.raises(BuildFailed):  # another check option (publish: no lock yet): checked, not "unchanged"
        sites.build(publish=True)
    manifest = reuse.manifest_path(sites.site)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["settled"] is True
    data["settled"] = False  # as if an OCR read had failed under load: the next build checks again
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert _checked(sites, monkeypatch) == ("incremental", 1)
    assert _checked(sites, monkeypatch) == ("unchanged", 0)
    sites.compare()


def test_a_search_bundle_of_the_same_records_is_reused(sites):
    """A letter added re-indexes the two bundles of its year only; the other years' are linked."""
    for year in ("2016", "2017"):
        write_letter(sites.root, f"{year}-05-0001", number=f"1/XL-{year}", issued_on=f"{year}-05-09",
                     published_on=f"{year}-05-10",
                     **{"dossier.code": f"000.00.21.H17-{year[2:]}0420-0001", "dossier.received_on": f"{year}-04-20",
                        "dossier.due_on": f"{year}-05-04", "dossier.new_due_on": f"{year}-05-15",
                        "dossier.returned_on": f"{year}-05-14"})
    sites.build()
    write_letter(sites.root, "2018-05-0006", number="20/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0006"})
    result = sites.build()
    bundles = {p.name for p in sites.site.glob("pagefind*")}
    assert bundles == {f"pagefind{kind}-{year}" for kind in ("", "-codes") for year in ("2016", "2017", "2018")}
    assert bundles - set(result.reused_bundles) == {"pagefind-2018", "pagefind-codes-2018"}  # only its year's
    assert "older-words" in result.reused_bundles  # 2016's words: its bundle is unchanged
    sites.compare()


def test_a_bundle_indexed_again_takes_the_files_pagefind_wrote_again_from_the_previous_site(sites):
    """A letter added re-indexes its year's bundles; their files Pagefind wrote again byte for byte are linked
    from the previous site (same inode), not copied; a file the previous site has with other bytes (here one
    damaged there, same size) is not: the site is the full build's."""
    bundle = sites.site / "pagefind-2018"
    before = {p.relative_to(bundle).as_posix(): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    damaged = sorted(bundle.glob("fragment/*"))[0]
    damaged.write_bytes(bytes(len(damaged.read_bytes())))  # a new inode, the same size: the manifest trusts it
    before.pop(damaged.relative_to(bundle).as_posix())
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    result = sites.build()
    assert "pagefind-2018" not in result.reused_bundles
    after = {p.relative_to(bundle).as_posix(): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    fragments = [rel for rel in before if rel.startswith("fragment/")]  # the other letters' records
    assert fragments and [rel for rel in fragments if after.get(rel) != before[rel]] == []
    assert set(after) - set(before)  # the new letter's fragment (and the changed index), written
    assert (bundle / damaged.relative_to(bundle)).read_bytes() != bytes(damaged.stat().st_size)
    sites.compare()


def test_a_portal_name_change_renders_every_page_again(sites):
    portal = sites.root / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace("(thử nghiệm)", "(thử nghiệm 2)"), encoding="utf-8")
    result = sites.build()
    assert result.mode == "incremental" and result.reused_pages == frozenset()
    sites.compare()


@pytest.mark.parametrize("damage", ["corrupt", "other-code", "page-deleted", "full"])
def test_an_untrusted_previous_build_gives_a_full_build(sites, damage):
    manifest = reuse.manifest_path(sites.site)
    options = {}
    if damage == "corrupt":
        manifest.write_text("{not json", encoding="utf-8")
    elif damage == "other-code":
        data = json.loads(manifest.read_text(encoding="utf-8"))
        manifest.write_text(json.dumps({**data, "code": "0" * 64}), encoding="utf-8")
    elif damage == "page-deleted":
        (sites.site / "letters" / "2018" / "so-tnmt" / "2018-05-0001" / "index.html").unlink()
    else:
        options["full"] = True
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert sites.build(**options).mode == "full"
    sites.compare()


def test_the_cli_says_what_was_reused_in_vietnamese(tmp_path):
    """`build` run again: nothing changed says so; after an addition, how many pages were taken over."""
    import subprocess
    import sys

    from generator.strings import cli as S

    root = make_content(tmp_path, 2)

    def build() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "generator", "build", "--today", TODAY.isoformat(), "--content",
                               str(root), "--site-dir", str(tmp_path / "site"), "--build-dir", str(tmp_path / "build"),
                               "--cache-dir", str(tmp_path / "cache")], cwd=tmp_path, capture_output=True, text=True,
                              env={"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"},
                              timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stderr.strip().splitlines()

    build()
    site = (tmp_path / "site").resolve()
    pages = len(json.loads(reuse.manifest_path(site).read_text(encoding="utf-8"))["pages"])
    assert build()[-1] == S.BUILD_UNCHANGED.format(pages=pages, site=site)
    write_letter(root, "2018-05-0003", number="17/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0003"})
    *_, reused, done, seconds = build()
    assert reused.startswith(S.BUILD_REUSED.split("{")[0]) and done.startswith(S.BUILD_DONE.split("{")[0])
    stages = re.fullmatch(r"Thời gian: (.*); tổng (\d+,\d) s", seconds)  # where the time went, every stage named
    assert stages, seconds
    named = dict(part.rsplit(" ", 2)[:2] for part in stages[1].split(", "))
    assert list(named) == [S.BUILD_STAGES[key] for key in ("previous", "check", "search", "keys", "render", "reports",
                                                            "plan", "mkdocs", "swap", "manifest")]
    assert all(re.fullmatch(r"\d+,\d", value) for value in named.values())


@pytest.mark.skipif(not pdf_gate_ready(), reason="the PDF gate is not installed")
def test_facts_of_the_same_pdfs_are_new_inputs(tmp_path):
    """The same PDF bytes with other facts (here: none, then the gate's) are not 'nothing changed'."""
    sites = Sites(tmp_path, make_content(tmp_path, 2))
    build_site(sites.root, sites.site, TODAY, build_dir=sites.build_dir, cache_dir=sites.cache, run_pdf_gate=False)
    assert sites.build().mode == "incremental"
    sites.compare()


def test_a_letter_covering_an_older_register_row_renders_that_period_again(sites):
    """A report reads the letters of its overdue dossiers wherever they were issued: a May letter for a dossier
    due in April turns April's missing letter into a covered one (the April pages are rendered again)."""
    folder = sites.root / "register"
    folder.mkdir()
    (folder / "2018.csv").write_text(REGISTER + "000.00.21.H17-180402-0099,tthcc,Đăng ký đất đai,2018-04-02,"
                                     "2018-04-13,\n", encoding="utf-8")  # received by the centre
    sites.build()
    write_letter(sites.root, "2018-05-0009", number="29/XL-STNMT",
                 **{"dossier.code": "000.00.21.H17-180402-0099", "dossier.received_on": "2018-04-02",
                    "dossier.due_on": "2018-04-13"})
    result = sites.build()
    assert "reports/2018-04/index.md" in _redone(result, "report")
    assert "agencies/tthcc.md" in _redone(result, "agency")  # its dossier is covered now
    sites.compare()


def test_a_kept_page_missing_from_the_new_site_fails_the_build_and_keeps_the_old_one(sites, monkeypatch):
    """A page placed without a docs file must come from the previous site; if MkDocs did not take it, the
    build fails (in Vietnamese) and the last good site stays."""
    from generator.build import BuildFailed
    from generator.site.mkdocs import reuse as mkdocs_reuse
    from generator.strings.cli import BUILD_PAGES_MISSING

    before = _tree(sites.site)
    write_letter(sites.root, "2018-05-0009", number="29/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0009"})
    real = mkdocs_reuse.on_files

    def without_generated(files, config):  # as if the hook did not add the pages that have no docs file
        plan = mkdocs_reuse._state["plan"]
        if plan is None:
            return real(files, config)
        present = {file.src_uri for file in files}
        mkdocs_reuse._state["plan"] = mkdocs_reuse.Plan(plan.previous_site, frozenset(plan.pages & present))
        return real(files, config)

    monkeypatch.setattr(mkdocs_reuse, "on_files", without_generated)
    with pytest.raises(BuildFailed) as failed:
        sites.build()
    assert str(failed.value).startswith(BUILD_PAGES_MISSING.split("{")[0])
    assert _tree(sites.site) == before
    monkeypatch.undo()  # found before anything of the previous site moved: its manifest still stands
    assert sites.build().mode == "incremental"
    sites.compare()


def test_unchanged_folders_are_moved_into_the_new_site(sites):
    """An addition moves the previous site's unchanged folders into the new site (same inode: renamed, not
    made again), writes the changed ones afresh, and leaves no journal."""
    def inode(rel: str) -> int:
        return (sites.site / rel).stat().st_ino

    kept = {rel: inode(rel) for rel in ("letters/2018/so-tnmt/2018-04-0001", "letters/2018/so-tnmt/2018-05-0001")}
    listing = inode("letters/2018/so-tnmt/index.html")
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert sites.build().mode == "incremental"
    assert {rel: inode(rel) for rel in kept} == kept
    assert inode("letters/2018/so-tnmt/index.html") != listing  # re-rendered: it lists the new letter
    assert not list(sites.site.parent.glob(".site.carry-*.json"))
    sites.compare()


def test_a_failure_after_the_moves_gives_the_previous_site_back(sites, monkeypatch):
    """The swap fails after the unchanged folders were moved out of the previous site: they go back, the
    previous site is as it was, and the next build (the failure gone) is right."""
    import generator.build as build_module

    before = _tree(sites.site)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    real_swap = build_module.swap_in

    def full_disk(new, site_dir, **kwargs):
        assert (new / "letters/2018/so-tnmt/2018-04-0001/index.html").is_file()  # moved in already
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "swap_in", full_disk)
    with pytest.raises(OSError):
        sites.build()
    assert _tree(sites.site) == before
    assert not list(sites.site.parent.glob(".site.carry-*.json"))
    monkeypatch.setattr(build_module, "swap_in", real_swap)
    assert sites.build().mode == "full"  # the manifest was forgotten before the moves
    sites.compare()


def _pagefind_children() -> list[int]:
    """Pagefind processes this test process started and has not reaped (zombies included)."""
    return children("pagefind")


def _staging(build_dir: Path) -> list[Path]:
    """This process's search staging folders still there after their removal had time to end (they are removed
    in the background)."""
    import os

    from generator.site.search import index

    return [p for p in index._staging_parent(build_dir).glob(f"{index.STAGING_PREFIX}{os.getpid()}-*")
            if not _gone(p)]


def _gone(path: Path) -> bool:
    """Whether `path` is removed within 5 s (a background removal)."""
    import time

    for _ in range(100):
        if not path.exists():
            return True
        time.sleep(0.05)
    return False


def _left_as_it_was(sites, before: dict[str, bytes]) -> None:
    """After a failed build: the last good site as it was, nothing of the new one beside it or in the staging."""
    assert _tree(sites.site) == before
    assert not list(sites.tmp.glob(".site.new-*")) and not _staging(sites.build_dir)


def test_a_failure_while_pagefind_indexes_stops_it_and_keeps_the_site(sites, monkeypatch):
    """Pagefind indexes in the background while the pages are rendered: a render that fails meanwhile stops
    it (no Pagefind process left, nothing of it beside the site), the last good site stays, the next build
    is right; a Pagefind run that fails fails the build the same way."""
    import generator.build as build_module
    from generator.site.search import pagefind_run

    before = _tree(sites.site)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    real_render = build_module.render_docs
    seen = []

    def full_disk(*args, **kwargs):
        seen.append(_pagefind_children())  # the bundle of 2018 (text and codes) is being indexed
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "render_docs", full_disk)
    with pytest.raises(OSError):
        sites.build()
    assert seen and seen[0], "Pagefind was not running during the render"
    assert _pagefind_children() == []
    _left_as_it_was(sites, before)
    monkeypatch.setattr(build_module, "render_docs", real_render)
    monkeypatch.setattr(pagefind_run, "executable", lambda: Path("/bin/false"))
    with pytest.raises(pagefind_run.PagefindError):
        sites.build()
    assert _pagefind_children() == []
    _left_as_it_was(sites, before)
    monkeypatch.undo()
    assert sites.build().mode == "incremental"
    sites.compare()


def test_a_lookup_failing_while_mkdocs_runs_stops_it_and_keeps_the_site(sites, monkeypatch):
    """The code lookup is written while MkDocs builds in its child: a lookup that fails meanwhile (a full disk)
    stops MkDocs (no child left), the last good site stays with nothing beside it, the next build is right."""
    from generator.site.search import index

    before = _tree(sites.site)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    running = []

    def full_disk(self, lookup_dir):
        running.append(children())  # MkDocs' child is running now
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index.Indexing, "_write_lookup", full_disk)
    with pytest.raises(OSError):
        sites.build()
    assert running and running[0], "MkDocs was not running while the lookup was written"
    assert children() == []
    _left_as_it_was(sites, before)
    monkeypatch.undo()
    assert sites.build().mode == "incremental"
    sites.compare()


@pytest.mark.parametrize("where", ["staging", "beside the site"])
def test_a_killed_builds_search_leftovers_are_swept(sites, monkeypatch, where):
    """A build killed with -9 leaves its search staging (records, bundles under way: in RAM or the build folder,
    `congkhai-search-<pid>-*`) and the bundles it copied beside the site (`.site.new-search-<pid>`): the next
    build removes them (their process is gone); a background copy that fails is made again from the staging."""
    from generator.site.search import index

    if where == "staging":
        leftover = index._staging_parent(sites.build_dir) / f"{index.STAGING_PREFIX}999999999-test"
        (leftover / index.BUNDLES / "pagefind-2018").mkdir(parents=True)
    else:
        leftover = sites.tmp / ".site.new-search-999999999"
        (leftover / "pagefind-2018").mkdir(parents=True)
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    assert sites.build().mode == "incremental"
    assert _gone(leftover)
    sites.compare()
    if where == "staging":
        return
    monkeypatch.setattr(index, "_copier", lambda: "/bin/false")  # every background copy fails
    write_letter(sites.root, "2018-05-0006", number="21/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0006"})
    result = sites.build()
    monkeypatch.undo()
    assert result.mode == "incremental" and not list(sites.tmp.glob(".site.new-search-*"))
    sites.compare()


def test_mkdocs_in_this_process_is_left_as_it_was(sites, monkeypatch):
    """MkDocs run in the build's own process (one worker): the reuse hook patches nothing of MkDocs (its page
    loop is its own after the run) and leaves no plan behind; the site is the full build's."""
    from mkdocs.commands import build as mkdocs_build

    from generator.site.mkdocs import reuse as mkdocs_reuse

    real = mkdocs_build._populate_page
    monkeypatch.setenv("CONGKHAI_BUILD_WORKERS", "1")
    write_letter(sites.root, "2018-05-0005", number="19/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0005"})
    result = sites.build()
    assert result.mode == "incremental" and result.reused_pages
    assert mkdocs_build._populate_page is real
    assert (mkdocs_reuse._state["plan"], mkdocs_reuse._state["taken"]) == (None, ())
    sites.compare()

