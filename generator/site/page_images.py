"""Each page of a letter as an image a phone can read, and its text layer, rendered at build.

A PDF page is rendered with pypdfium2 straight into an 8-bit grey bitmap about `TARGET_WIDTH` pixels
wide (the letter page shows it at most 900 CSS px wide; text stays readable on a 360 px screen at 2x),
encoded to WebP, re-encoded smaller until it is within `MAX_IMAGE_BYTES`. Each page also carries its
text layer, which the letter page shows under the image (the build publishes only letters whose text
passed the privacy gate). Scans have no text: `PageView.text` is where OCR text goes later.

Made once per PDF: `render_all` renders every PDF not yet in the cache (`<cache>/v1/<sha[:2]>/<sha>/`,
keyed by SHA-256, whatever the file's name), each once, on every core (generator/parallel.py), before
the letter pages are written. The letter pages read only the index (sizes and texts); the images are
never copied into the docs folder: the build hard-links them from the cache into the finished site
(`assets`, like the PDFs), so each image is written once. Cache files are replaced atomically, never
rewritten in place, since a published site may share their inode.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.parallel import MAX_TASKS, run_tasks

CACHE_VERSION = 1
TARGET_WIDTH = 900
MIN_WIDTH = 560
MAX_IMAGE_BYTES = 150_000
QUALITIES = (55, 40, 28)
MAX_PAGES = 30
IMAGE_STEM = "trang"
INDEX = "pages.json"
PDFS_PER_TASK = 8  # PDFs rendered per task (tasks are handed out one at a time: the cores stay busy)


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
    """What `render_all` did: PDFs rendered now, found in the cache, or that could not be rendered."""

    rendered: int = 0
    cached: int = 0
    failed: int = 0


def _encode(image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=quality, method=4)
    return out.getvalue()


def _grey(page, scale: float):
    """The page rendered in grey straight into an 8-bit bitmap: the same pixels as a grey render in BGR
    converted to "L", without the 4-byte bitmap and the conversion."""
    import pypdfium2.raw as pdfium_c

    return page.render(scale=scale, grayscale=True, force_bitmap_format=pdfium_c.FPDFBitmap_Gray).to_pil()


def _fit(page) -> tuple[bytes, int, int]:
    """The page as WebP within MAX_IMAGE_BYTES: lower quality first, then fewer pixels."""
    width, _ = page.get_size()
    target = TARGET_WIDTH
    while True:
        image = _grey(page, target / width)
        for quality in QUALITIES:
            data = _encode(image, quality)
            if len(data) <= MAX_IMAGE_BYTES:
                return data, image.size[0], image.size[1]
        if target <= MIN_WIDTH:
            return data, image.size[0], image.size[1]  # still too large: the smallest we make
        target = max(MIN_WIDTH, int(target * 0.8))


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
    """The cached pages of the PDF `sha256`; None when not rendered yet or damaged (an image missing)."""
    folder = cache_folder(cache_dir, sha256)
    try:
        meta = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        pages = [CachedPage(folder / p["file"], int(p["width"]), int(p["height"]), str(p["text"])) for p in meta]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(meta, list) or not all(p.path.parent == folder and p.path.is_file() for p in pages):
        return None
    return pages


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
                image, width, height = _fit(page)
                out.append((image, width, height, _page_text(page)))
            finally:
                page.close()
    finally:
        doc.close()
    folder = cache_folder(cache_dir, sha256)
    folder.mkdir(parents=True, exist_ok=True)
    meta = []
    for i, (image, width, height, text) in enumerate(out, start=1):
        _replace_bytes(folder / f"{i}.webp", image)
        meta.append({"file": f"{i}.webp", "width": width, "height": height, "text": text})
    _replace_bytes(folder / INDEX, json.dumps(meta, ensure_ascii=False).encode("utf-8"))  # last: complete
    return [CachedPage(folder / m["file"], m["width"], m["height"], m["text"]) for m in meta]


def _render_some(items: list[tuple[str, Path]], cache_dir: Path) -> RenderStats:
    rendered = cached = failed = 0
    for sha, pdf in items:
        if cached_pages(cache_dir, sha) is not None:
            cached += 1
            continue
        try:
            render_pdf(pdf, cache_dir, sha)
            rendered += 1
        except Exception:  # a PDF that renders in the gate but not here: its page keeps the download link
            failed += 1
    return RenderStats(rendered, cached, failed)


def render_all(pdfs: dict[str, Path], cache_dir: Path) -> RenderStats:
    """Make sure every PDF of `pdfs` ({sha256: file}) has its page images in the cache: each PDF not there
    is rendered once, the PDFs shared out over every core."""
    items = sorted(pdfs.items())
    size = max(PDFS_PER_TASK, -(-len(items) // MAX_TASKS))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    done = run_tasks([lambda chunk=chunk: _render_some(chunk, cache_dir) for chunk in chunks])
    return RenderStats(*(sum(getattr(s, name) for s in done) for name in ("rendered", "cached", "failed")))


def page_views(cache_dir: Path, sha256: str, folder: str, with_text: bool = True
               ) -> tuple[list[PageView], list[tuple[Path, str]]]:
    """The views of the cached pages of `sha256` and the files to place in the site ((cache file, site path
    under `folder`)); nothing when they are not in the cache. `with_text`: keep the text layer (only for a
    letter whose text passed the privacy gate)."""
    views, assets = [], []
    for i, page in enumerate(cached_pages(cache_dir, sha256) or (), start=1):
        name = f"{IMAGE_STEM}-{i}.webp"
        views.append(PageView(name, page.width, page.height, page.text if with_text else ""))
        assets.append((page.path, folder + name))
    return views, assets
