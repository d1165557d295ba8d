"""Each page of a letter as an image a phone can read, and its text layer, rendered at build.

A PDF page is rendered with pypdfium2 straight into an 8-bit grey bitmap about `TARGET_WIDTH` pixels
wide (the letter page shows it at most 900 CSS px wide; text stays readable on a 360 px screen at 2x),
then encoded by what the page is drawn from:
- text and vector paths (a letter typed and exported to PDF): **PNG of 16 grey levels** (4-bit palette,
  zlib level 4: 27 % less encode time than level 6 for 1.6 % more bytes on 60 bench pages; Z_RLE would save
  half but costs 12 % more bytes, which every reader pays). Such a page is white paper, black glyphs and
  their anti-aliased edges; 16 levels keep every edge (PSNR 47.0 dB against the 256-level render on corpus
  letters, where WebP at quality 55 gives 41.1 dB), the file is a quarter smaller than that WebP (44 vs 58 KB
  a page) and the encode is ~6x cheaper (18 vs 110 ms CPU a page): at 10,000 letters the difference is ~15
  minutes of CPU in a cold build (BENCHMARKS.md, "Page images");
- a raster image over at least `SCAN_SHARE` of the page (a scan, a photograph of paper): **WebP**, lossy,
  quality 55, re-encoded smaller until it is within `MAX_IMAGE_BYTES` (grey levels alone would band it).
A text page whose PNG exceeds `MAX_IMAGE_BYTES` takes the WebP path too. Each page also carries its
text layer, which the letter page shows under the image (the build publishes only letters whose text
passed the privacy gate). Scans have no text: `PageView.text` is where OCR text goes later.

Made once per PDF: `ensure_pages` renders a PDF not yet in the cache (`<cache>/v4/<sha[:2]>/<sha>/`, keyed by
SHA-256, whatever the file's name) when a letter page that shows it is written (site/letters.py: on every
core, as the letter pages are); a page kept from the previous build reads nothing here, its images are
carried with it. The letter pages read the index (sizes, texts and each image's SHA-256, signed like the
check's memos: `cachedata.write_signed`) and check each image's bytes against it, since both are published as
they are; the images are never copied into the docs folder: the build hard-links them from the cache into
the finished site (`assets`, like the PDFs), so each image is written once. Cache files are replaced
atomically, never rewritten in place, since a published site may share their inode.
"""

from __future__ import annotations

import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.cachedata import read_signed, write_signed
from generator.cachekeys import bytes_digest

CACHE_VERSION = 4  # 2: text pages as 16-level PNG; 3: a signed index naming each image's SHA-256; 4: PNG zlib level 4
PNG_LEVEL = 4
TARGET_WIDTH = 900
MIN_WIDTH = 560
MAX_IMAGE_BYTES = 150_000
QUALITIES = (55, 40, 28)
SCAN_SHARE = 0.5  # share of the page under raster images from which a page is encoded as a scan (WebP)
GREY_LEVELS = 16
MAX_PAGES = 30
IMAGE_STEM = "trang"
IMAGE_SUFFIXES = (".png", ".webp")  # what a cached page may be (the site publishes it under this suffix)
INDEX = "pages.json"


@dataclass(frozen=True)
class PageView:
    """One rendered page: image file name (beside the letter page), its pixel size, its text."""

    name: str
    width: int
    height: int
    text: str


@dataclass(frozen=True)
class CachedPage:
    """One page image in the cache: its file, pixel size and text layer."""

    path: Path
    width: int
    height: int
    text: str


@dataclass(frozen=True)
class RenderStats:
    """What the letter pages did with their page images (`count`): PDFs rendered, found in the cache, failed."""

    rendered: int = 0
    cached: int = 0
    failed: int = 0


def _webp(image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=quality, method=4)
    return out.getvalue()


_LEVEL_OF = [(v * (GREY_LEVELS - 1) + 127) // 255 for v in range(256)]  # grey value -> nearest level
_PALETTE = [round(i * 255 / (GREY_LEVELS - 1)) for i in range(GREY_LEVELS) for _ in range(3)]


def _png16(image) -> bytes:
    """The grey image as a PNG of GREY_LEVELS grey levels (each pixel to the nearest level; no dithering).
    The levels are mapped in Pillow (`point`, then the palette makes it "P"): no copy of the pixels in Python."""
    indexed = image.point(_LEVEL_OF)
    indexed.putpalette(_PALETTE)
    out = io.BytesIO()
    indexed.save(out, "PNG", bits=4, compress_level=PNG_LEVEL)
    return out.getvalue()


def _grey(page, scale: float):
    """The page rendered in grey straight into an 8-bit bitmap: the same pixels as a grey render in BGR
    converted to "L", without the 4-byte bitmap and the conversion."""
    import pypdfium2.raw as pdfium_c

    return page.render(scale=scale, grayscale=True, force_bitmap_format=pdfium_c.FPDFBitmap_Gray).to_pil()


def is_scan(page) -> bool:
    """Whether raster images cover at least SCAN_SHARE of the page (clipped to it; overlaps counted twice)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return False
    covered = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return covered >= SCAN_SHARE * width * height


def _fit(page) -> tuple[bytes, str, int, int]:
    """The page encoded (see the module docstring) within MAX_IMAGE_BYTES: (bytes, file suffix, width,
    height); a scan or a too large PNG as WebP, lower quality first, then fewer pixels."""
    width, _ = page.get_size()
    target = TARGET_WIDTH
    image = _grey(page, target / width)
    if not is_scan(page):
        data = _png16(image)
        if len(data) <= MAX_IMAGE_BYTES:
            return data, ".png", image.size[0], image.size[1]
    while True:
        for quality in QUALITIES:
            data = _webp(image, quality)
            if len(data) <= MAX_IMAGE_BYTES:
                return data, ".webp", image.size[0], image.size[1]
        if target <= MIN_WIDTH:
            return data, ".webp", image.size[0], image.size[1]  # still too large: the smallest we make
        target = max(MIN_WIDTH, int(target * 0.8))
        image = _grey(page, target / width)


def _page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
    finally:
        textpage.close()
    text = unicodedata.normalize("NFC", text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip() if any(ch.isalnum() for ch in text) else ""


def cache_folder(cache_dir: Path, sha256: str) -> Path:
    return Path(cache_dir) / f"v{CACHE_VERSION}" / sha256[:2] / sha256


def cached_pages(cache_dir: Path, sha256: str) -> list[CachedPage] | None:
    """The cached pages of the PDF `sha256`; None when not rendered yet or damaged (an image missing or not
    the bytes its index names, a file that is not one of ours: another folder, a link, another kind than
    IMAGE_SUFFIXES) or when the index is not signed with this machine's or runner's key: the images and
    their texts are published as they are, so a cache written by anyone else is never used."""
    folder = cache_folder(cache_dir, sha256)
    meta = read_signed(folder / INDEX)
    try:
        pages = [(CachedPage(folder / p["file"], int(p["width"]), int(p["height"]), str(p["text"])), p["sha256"])
                 for p in meta]  # type: ignore[union-attr]
    except (ValueError, KeyError, TypeError):
        return None
    for page, digest in pages:
        path = page.path
        if path.parent != folder or path.suffix not in IMAGE_SUFFIXES or path.is_symlink() or not path.is_file():
            return None
        try:
            if bytes_digest(path.read_bytes()) != digest:
                return None
        except OSError:
            return None
    return [page for page, _ in pages]


def _replace_bytes(path: Path, data: bytes) -> None:
    """Write `path` as a new file (temporary name, then rename): a hard link to the old one keeps its bytes."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(data)
    tmp.replace(path)


def render_pdf(pdf: Path, cache_dir: Path, sha256: str) -> list[CachedPage]:
    """Render every page of `pdf` (at most MAX_PAGES) into the cache; its cached pages."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(Path(pdf).read_bytes())
    out = []
    try:
        for i in range(min(len(doc), MAX_PAGES)):
            page = doc[i]
            try:
                out.append((*_fit(page), _page_text(page)))
            finally:
                page.close()
    finally:
        doc.close()
    folder = cache_folder(cache_dir, sha256)
    folder.mkdir(parents=True, exist_ok=True)
    meta = []
    for i, (image, suffix, width, height, text) in enumerate(out, start=1):
        _replace_bytes(folder / f"{i}{suffix}", image)
        meta.append({"file": f"{i}{suffix}", "width": width, "height": height, "text": text,
                     "sha256": bytes_digest(image)})
    write_signed(folder / INDEX, meta)  # last (a new file, renamed in): complete; signed (`cached_pages`)
    return [CachedPage(folder / m["file"], m["width"], m["height"], m["text"]) for m in meta]


def ensure_pages(cache_dir: Path, sha256: str, pdf: Path) -> tuple[list[CachedPage] | None, str]:
    """The cached pages of the PDF `sha256` (file `pdf`), rendered into the cache first when not there or
    damaged; how they were got: "cached", "rendered", or "failed" (None: a PDF that renders in the gate but
    not here; its page keeps the download link, and the next build tries again)."""
    pages = cached_pages(cache_dir, sha256)
    if pages is not None:
        return pages, "cached"
    try:
        return render_pdf(pdf, cache_dir, sha256), "rendered"
    except Exception:  # noqa: BLE001 - any failure of pdfium or the encoder leaves the page without images
        return None, "failed"


def note(made: dict[str, str], sha256: str, how: str) -> None:
    """Record in `made` how the pages of `sha256` were got ("rendered" stays: a PDF is rendered once)."""
    if made.get(sha256) != "rendered":
        made[sha256] = how


def count(made: dict[str, str]) -> RenderStats:
    """RenderStats of {SHA-256: how its pages were got} (write_letters)."""
    values = list(made.values())
    return RenderStats(values.count("rendered"), values.count("cached"), values.count("failed"))


def page_views(cache_dir: Path, sha256: str, folder: str, with_text: bool = True,
               pages: list[CachedPage] | None = None) -> tuple[list[PageView], list[tuple[Path, str]]]:
    """The views of the cached pages of `sha256` and the files to place in the site ((cache file, site path
    under `folder`)); nothing when they are not in the cache. `with_text`: keep the text layer (only for a
    letter whose text passed the privacy gate). `pages`: the cached pages already read (`ensure_pages`)."""
    views, assets = [], []
    for i, page in enumerate(pages if pages is not None else cached_pages(cache_dir, sha256) or (), start=1):
        name = f"{IMAGE_STEM}-{i}{page.path.suffix}"
        views.append(PageView(name, page.width, page.height, page.text if with_text else ""))
        assets.append((page.path, folder + name))
    return views, assets
