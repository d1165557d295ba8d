"""Page images: made once per PDF (SHA-256) into their cache, placed in the site by hard link, never
through the docs folder; the same pixels as a grey render converted to "L"; a text page as a 16-level
PNG (each pixel the nearest level of the render), a scan as WebP."""

from __future__ import annotations

import io
import os
from datetime import date

import pypdfium2
from PIL import Image

from generator.cachekeys import bytes_digest
from generator.checks.orchestrator import check_content
from generator.site import page_images as PI
from generator.site.docs import render_docs
from generator.site.letters import page_image_cache
from tests.helpers import make_content, pdf_bytes, write_shard

TODAY = date(2018, 6, 30)


def _two_letters_one_pdf(tmp_path):
    """Two letters whose PDFs are the same bytes (two names), checked without the gate (which would refuse
    the duplicate: this is the case of a file renamed or re-published between builds)."""
    root = make_content(tmp_path, 2)
    first, second = sorted(root.glob("letters/*/*/*.pdf"))
    second.write_bytes(first.read_bytes())
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.valid
    return result


def test_a_pdf_is_rendered_once_per_sha256(tmp_path):
    result = _two_letters_one_pdf(tmp_path)
    docs = tmp_path / "build" / "docs"
    out = render_docs(result.content, result.pdf_facts, TODAY, docs)
    assert out.page_images == PI.RenderStats(rendered=1, cached=0, failed=0)
    images = sorted((src, rel) for src, rel in out.assets if rel.endswith(".png"))  # text PDFs: PNG
    letters = sorted(letter.url for letter in result.content.letters)
    assert [rel for _, rel in images] == [url + "trang-1.png" for url in letters]
    assert images[0][0] == images[1][0] and images[0][0].parents[2] == page_image_cache(docs) / f"v{PI.CACHE_VERSION}"
    for url in letters:  # each page shows the image beside it
        assert 'src="trang-1.png"' in (docs / url / "index.md").read_text(encoding="utf-8")
    again = render_docs(result.content, result.pdf_facts, TODAY, docs)  # the next build: from the cache
    assert again.page_images == PI.RenderStats(rendered=0, cached=1, failed=0)
    assert sorted(again.assets) == sorted(out.assets)


def test_letter_images_and_pdfs_are_placed_in_the_site_not_copied_by_mkdocs(site_build):
    docs = site_build.root.parent / "build" / "docs"
    assert sorted({p.suffix for p in (docs / "letters").rglob("*") if p.is_file()}) == [".md"]
    cache = site_build.result.rendered.site.image_cache
    assert cache == site_build.root.parent / "cache" / "page-images"  # kept with the check's cache
    published = [letter for letter in site_build.content.letters if letter.withdrawn is None]
    assert published
    for letter in published:
        folder = site_build.site / letter.url
        assert (folder / f"{letter.id}.pdf").is_file()
        page = (folder / "index.html").read_text(encoding="utf-8")
        names = sorted(p.name for p in folder.glob("trang-*"))
        assert names and all(f'src="{name}"' in page for name in names)
        sha = site_build.result.rendered.site.pdf_meta(letter)[1]
        cached = PI.cached_pages(cache, sha)
        shown = [folder / f"trang-{i}{p.path.suffix}" for i, p in enumerate(cached, start=1)]
        assert sorted(p.name for p in shown) == names
        assert [p.path.read_bytes() for p in cached] == [p.read_bytes() for p in shown]
        if os.stat(cache).st_dev == os.stat(folder).st_dev:  # one file system: a hard link, written once
            assert shown[0].stat().st_ino == cached[0].path.stat().st_ino


def test_a_damaged_cache_entry_is_rendered_again_without_touching_a_published_copy(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes("Số: 1/XL", "Trang một"))
    cache, sha = tmp_path / "cache", "ab" * 32
    assert PI.ensure_pages(cache, sha, pdf)[1] == "rendered"
    (first,) = PI.cached_pages(cache, sha)
    published = tmp_path / "site-trang-1.png"
    os.link(first.path, published)  # what the build does
    before = published.read_bytes()
    folder = PI.cache_folder(cache, sha)
    first.path.unlink()  # damaged: an image gone
    assert PI.cached_pages(cache, sha) is None
    assert PI.ensure_pages(cache, sha, pdf)[1] == "rendered"
    (folder / "1.png").write_bytes(b"junk")  # the site's copy is another inode: unchanged
    assert published.read_bytes() == before
    assert PI.cached_pages(cache, sha) is None  # an image that is not the bytes its index names
    assert PI.ensure_pages(cache, sha, pdf)[1] == "rendered"
    good = (folder / PI.INDEX).read_bytes()
    (folder / PI.INDEX).write_bytes(good.partition(b"\n")[2])  # its index unsigned (anyone could write it)
    assert PI.cached_pages(cache, sha) is None
    (folder / PI.INDEX).write_bytes(good)
    assert PI.cached_pages(cache, sha) is not None
    digest = bytes_digest(b"x")  # signed below (as a bug, or the key's holder, could): the other checks hold
    write_shard(folder / PI.INDEX, [{"file": "../../x.webp", "width": 1, "height": 1, "text": "", "sha256": digest}])
    assert PI.cached_pages(cache, sha) is None  # an index naming a file outside its folder is not read
    (folder / "1.html").write_text("<script>alert(1)</script>")
    for name in ("1.html", "1.svg", "1", "1.PNG"):  # the site would publish it as trang-1<suffix>
        write_shard(folder / PI.INDEX, [{"file": name, "width": 1, "height": 1, "text": "", "sha256": digest}])
        (folder / name).write_bytes(b"x")
        assert PI.cached_pages(cache, sha) is None, name
    (folder / "2.png").symlink_to(pdf)  # a link, even to bytes it names: not ours
    write_shard(folder / PI.INDEX, [{"file": "2.png", "width": 1, "height": 1, "text": "",
                                     "sha256": bytes_digest(pdf.read_bytes())}])
    assert PI.cached_pages(cache, sha) is None
    (folder / PI.INDEX).write_text("{")
    assert PI.ensure_pages(cache, sha, pdf)[1] == "rendered"
    pages, how = PI.ensure_pages(cache, sha, pdf)
    assert how == "cached" and pages == PI.cached_pages(cache, sha)


def test_grey_bitmap_gives_the_same_pixels_as_a_converted_render(tmp_path):
    doc = pypdfium2.PdfDocument(pdf_bytes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 15/XL-STNMT"))
    page = doc[0]
    scale = PI.TARGET_WIDTH / page.get_size()[0]
    grey = PI._grey(page, scale)
    converted = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    assert grey.mode == "L" and grey.size == converted.size and grey.tobytes() == converted.tobytes()
    assert len(set(grey.tobytes())) > 2  # a page with text on it, anti-aliased
    page.close()
    doc.close()


def _decoded(path):
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        image.load()
        return image.format, image.convert("L")


def test_a_text_page_is_a_16_level_png_of_the_render_and_a_scan_is_webp(tmp_path):
    cache = tmp_path / "cache"
    pdfs = {"a" * 64: tmp_path / "text.pdf", "b" * 64: tmp_path / "scan.pdf"}
    pdfs["a" * 64].write_bytes(pdf_bytes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 15/XL-STNMT"))
    pdfs["b" * 64].write_bytes(pdf_bytes("PHIẾU XIN LỖI", "Số: 16/XL-STNMT", scan=True))
    assert [PI.ensure_pages(cache, sha, pdf)[1] for sha, pdf in pdfs.items()] == ["rendered", "rendered"]
    (text,) = PI.cached_pages(cache, "a" * 64)
    (scan,) = PI.cached_pages(cache, "b" * 64)
    assert (text.path.suffix, scan.path.suffix) == (".png", ".webp")
    for sha, pdf in pdfs.items():
        doc = pypdfium2.PdfDocument(pdf.read_bytes())
        page = doc[0]
        render = PI._grey(page, PI.TARGET_WIDTH / page.get_size()[0])
        assert PI.is_scan(page) == (sha == "b" * 64)
        page.close()
        doc.close()
        kind, decoded = _decoded(PI.cached_pages(cache, sha)[0].path)
        assert decoded.size == render.size
        if sha == "a" * 64:  # every pixel the nearest of 16 levels: within half a step of the render
            assert kind == "PNG" and len(set(decoded.tobytes())) <= PI.GREY_LEVELS
            step = 255 / (PI.GREY_LEVELS - 1)
            assert max(abs(a - b) for a, b in zip(decoded.tobytes(), render.tobytes())) <= step / 2 + 0.5
            assert len(set(render.tobytes())) > PI.GREY_LEVELS  # the render had more: they were reduced
        else:
            assert kind == "WEBP"


def test_the_published_file_keeps_the_cached_suffix(tmp_path):
    cache = tmp_path / "cache"
    pdf = tmp_path / "text.pdf"
    pdf.write_bytes(pdf_bytes("Số: 1/XL", "Trang một"))
    PI.ensure_pages(cache, "c" * 64, pdf)
    views, assets = PI.page_views(cache, "c" * 64, "letters/x/")
    assert [v.name for v in views] == ["trang-1.png"]
    assert [rel for _, rel in assets] == ["letters/x/trang-1.png"]


def test_ensure_pages_says_how_it_got_them_and_a_broken_pdf_fails(tmp_path):
    cache = tmp_path / "cache"
    pdfs = {"d" * 64: tmp_path / "a.pdf", "e" * 64: tmp_path / "b.pdf", "f" * 64: tmp_path / "broken.pdf"}
    pdfs["d" * 64].write_bytes(pdf_bytes("Số: 1/XL", "Trang một"))
    pdfs["e" * 64].write_bytes(pdf_bytes("Số: 2/XL", scan=True))
    pdfs["f" * 64].write_bytes(b"%PDF-1.4 not a pdf")
    for expected in (["rendered", "rendered", "failed"], ["cached", "cached", "failed"]):
        got = {sha: PI.ensure_pages(cache, sha, pdf) for sha, pdf in pdfs.items()}
        assert [how for _, how in got.values()] == expected
        assert {sha: pages for sha, (pages, _) in got.items()} == {
            "d" * 64: PI.cached_pages(cache, "d" * 64), "e" * 64: PI.cached_pages(cache, "e" * 64), "f" * 64: None}
        made: dict[str, str] = {}
        for sha, (_, how) in got.items():
            PI.note(made, sha, how)
        PI.note(made, "d" * 64, "cached")  # a second letter of the same PDF: still rendered once
        assert PI.count(made) == PI.RenderStats(*(expected.count(k) for k in ("rendered", "cached", "failed")))
        views, _ = PI.page_views(cache, "d" * 64, "x/", pages=got["d" * 64][0])
        assert views == PI.page_views(cache, "d" * 64, "x/")[0]
