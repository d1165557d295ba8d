"""Synthetic scans of letters, as an office scanner makes them: for the demo, the tests and bench_ocr.

`scan_pdf(fields, ...)` draws the "Mẫu số 04" letter of `fields` (letterkit.layout) on paper with its red
seal, optionally a second red stamp over the body text, then scans it: resolution, a slight skew, a
page turned by 90/180/270, noise, JPEG compression; the PDF holds only the image (no text layer).
`truth(fields)` is the text a perfect reader sees: every dark text run, top to bottom (red print,
which the OCR's red-channel rendering drops on purpose, is left out). Output is deterministic.
"""

from __future__ import annotations

import io
import random
from datetime import datetime

import letterkit as lk


def items_of(fields: dict, stamp_over_text: bool = False) -> list:
    """The layout of `fields`, plus a red stamp over the dossier paragraph when asked."""
    items = lk.layout(fields)
    if stamp_over_text:
        code_line = next(i for i in items if isinstance(i, lk.Text) and i.text.startswith("Mã hồ sơ"))
        items.append(lk.Seal(code_line.x + 75, code_line.y - 4, 15, "ĐÃ TIẾP NHẬN"))
    return items


def truth(fields: dict) -> str:
    """The dark text of the letter, a line per text run, in reading order (top to bottom, left to right)."""
    runs = [i for i in lk.layout(fields) if isinstance(i, lk.Text) and i.color != lk.SEAL_RED]
    return "\n".join(i.text for i in sorted(runs, key=lambda i: (round(i.y), i.x)))


def scan_image(fields: dict, *, dpi: int = 300, skew: float = 0.0, turn: int = 0, noise: float = 0.0,
               stamp_over_text: bool = False, seed: int = 0):
    """The scanned page as a Pillow RGB image."""
    from PIL import Image

    page = Image.open(io.BytesIO(lk.scan_jpeg(items_of(fields, stamp_over_text), seed=seed, dpi=dpi,
                                              quality=95))).convert("RGB")
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(236, 234, 228))
    if noise:  # salt and pepper: `noise` of the pixels turned dark, as many turned white
        rng = random.Random(seed)
        grain = Image.frombytes("L", page.size, rng.randbytes(page.size[0] * page.size[1]))
        cut = round(noise * 255)
        page.paste((40, 40, 40), mask=grain.point(lambda v: 255 if v < cut else 0))
        page.paste((255, 255, 255), mask=grain.point(lambda v: 255 if v > 255 - cut else 0))
    if turn:
        page = page.rotate(-turn, expand=True)  # turned clockwise, as fed the wrong way into the scanner
    return page


def image_only_pdf(images: list, dpi: int, quality: int = 60) -> bytes:
    """A PDF of JPEG page images only (no text layer), each page sized to its image at `dpi`."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_creation_date(datetime(2025, 1, 1))
    for image in images:
        width, height = image.size[0] * 72 / dpi, image.size[1] * 72 / dpi
        pdf.add_page(format=(width, height))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        pdf.image(buffer, x=0, y=0, w=width, h=height)
    return bytes(pdf.output())


def scan_pdf(fields: dict, *, dpi: int = 300, skew: float = 0.0, turn: int = 0, noise: float = 0.0,
             quality: int = 60, stamp_over_text: bool = False, seed: int = 0) -> bytes:
    """A one-page image-only PDF of the scanned letter."""
    image = scan_image(fields, dpi=dpi, skew=skew, turn=turn, noise=noise, stamp_over_text=stamp_over_text,
                       seed=seed)
    return image_only_pdf([image], dpi, quality)
