"""Each page of a letter as an image a phone can read, and its text layer, rendered at build.

A PDF page is rendered with pypdfium2 to a WebP about `TARGET_WIDTH` pixels wide (text stays
readable on a 360 px screen at 2x), re-encoded smaller until it is within `MAX_IMAGE_BYTES`.
Results are cached by the PDF's SHA-256 (`<cache>/<sha>/`): a PDF is rendered once, whatever
its name. Each page also carries its text layer, which the letter page shows under the image
(the build publishes only letters whose text passed the privacy gate). Scans have no text:
`PageView.text` is where OCR text goes later (the same texts feed the search record).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CACHE_VERSION = 1
TARGET_WIDTH = 900
MIN_WIDTH = 560
MAX_IMAGE_BYTES = 150_000
QUALITIES = (55, 40, 28)
MAX_PAGES = 30
IMAGE_STEM = "trang"


@dataclass(frozen=True)
class PageView:
    """One rendered page: image file name (beside the letter page), its pixel size, its text."""

    name: str
    width: int
    height: int
    text: str


def _encode(image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=quality, method=4)
    return out.getvalue()


def _fit(page) -> tuple[bytes, int, int]:
    """The page as WebP within MAX_IMAGE_BYTES: lower quality first, then fewer pixels."""
    width, _ = page.get_size()
    target = TARGET_WIDTH
    while True:
        scale = target / width
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
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


def render_pages(pdf: Path, cache_dir: Path, sha256: str | None = None) -> list[tuple[bytes, int, int, str]]:
    """(WebP bytes, width, height, text) of each page of `pdf`, from the cache when rendered before."""
    import pypdfium2

    data = pdf.read_bytes()
    sha = sha256 or hashlib.sha256(data).hexdigest()
    folder = cache_dir / f"v{CACHE_VERSION}" / sha[:2] / sha
    index = folder / "pages.json"
    if index.is_file():
        try:
            pages = json.loads(index.read_text(encoding="utf-8"))
            return [((folder / p["file"]).read_bytes(), p["width"], p["height"], p["text"]) for p in pages]
        except (OSError, ValueError, KeyError):
            pass  # damaged: render again
    doc = pypdfium2.PdfDocument(data)
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
    folder.mkdir(parents=True, exist_ok=True)
    meta = []
    for i, (image, width, height, text) in enumerate(out, start=1):
        (folder / f"{i}.webp").write_bytes(image)
        meta.append({"file": f"{i}.webp", "width": width, "height": height, "text": text})
    tmp = folder / f"pages.json.{os.getpid()}"
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    tmp.replace(index)
    return out


def write_page_images(pdf: Path, folder: Path, cache_dir: Path, sha256: str | None = None,
                      with_text: bool = True) -> list[PageView]:
    """Write the page images of `pdf` into `folder` (the letter page's folder); their views.
    `with_text`: keep the text layer (only for a letter whose text passed the privacy gate)."""
    views = []
    folder.mkdir(parents=True, exist_ok=True)
    for i, (image, width, height, text) in enumerate(render_pages(pdf, cache_dir, sha256), start=1):
        name = f"{IMAGE_STEM}-{i}.webp"
        (folder / name).write_bytes(image)
        views.append(PageView(name, width, height, text if with_text else ""))
    return views
