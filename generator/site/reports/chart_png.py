"""Horizontal bar charts as PNG images for the Word report (Pillow; DejaVu Sans for Vietnamese text).

Same data as the page's SVG charts (generator/site/reports/pages.py `charts`); a chart without a usable font is
skipped (the Word report keeps the chart's data table).
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.site.common import fmt_number

FONT_PATHS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)
SCALE = 2  # pixels per layout unit: sharp when printed at 16 cm wide
WIDTH = 800
COLOURS = ((21, 101, 192), (179, 89, 0))


def _font(size: int):
    from PIL import ImageFont

    for path in FONT_PATHS:
        if path.is_file():
            return ImageFont.truetype(str(path), size * SCALE)
    return None


def bar_png(title: str, groups: list[tuple[str, list[float | None]]], legend: list[str], *,
            percent: bool = False) -> bytes | None:
    """A PNG of grouped horizontal bars with its title and legend; None without data or font."""
    from PIL import Image, ImageDraw

    values = [v for _, vs in groups for v in vs if v is not None]
    font, small = _font(16), _font(14)
    if not groups or not values or max(values) <= 0 or font is None:
        return None
    top = 100.0 if percent else float(max(values))
    line, bar = 22, 18
    group_h = line + bar * len(legend) + 10
    height = 40 + 26 + len(groups) * group_h + 10
    image = Image.new("RGB", (WIDTH * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    draw.text((10 * SCALE, 8 * SCALE), title, fill="black", font=font)
    for i, name in enumerate(legend):
        x = (10 + i * 300) * SCALE
        draw.rectangle([x, 44 * SCALE, x + 14 * SCALE, 58 * SCALE], fill=COLOURS[i % 2])
        draw.text((x + 20 * SCALE, 42 * SCALE), name, fill="black", font=small)
    plot_w = WIDTH - 120
    y = 40 + 26
    for label, vals in groups:
        draw.text((10 * SCALE, y * SCALE), label[:90], fill="black", font=small)
        for s, value in enumerate(vals):
            if value is None:
                continue
            y0 = y + line + s * bar
            w = max(1, int(plot_w * min(value, top) / top))
            draw.rectangle([10 * SCALE, y0 * SCALE, (10 + w) * SCALE, (y0 + bar - 4) * SCALE], fill=COLOURS[s % 2])
            text = fmt_number(value) + ("%" if percent else "")
            draw.text(((16 + w) * SCALE, (y0 - 1) * SCALE), text, fill="black", font=small)
        y += group_h
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
