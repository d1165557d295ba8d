"""Inline SVG bar charts for the report pages (no JavaScript; the numbers are also in the tables).

Horizontal bars, one group per label, one bar per series; styled like generator/render/charts.py
(same colours and `nice_max` axis), accessible (`role="img"`, `<title>`), printable in black and white
(series are told apart by fill pattern as well as colour).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.render.charts import AXIS_COLOUR, BAR_COLOUR, nice_max

WIDTH = 400  # about a phone screen wide, so the 11-unit labels stay readable there (CSS caps the desktop size)
LABEL_H = 14  # each group's label sits on its own line above its bars, using the full width
BAR_H = 12
GAP = 8
TOP = 26
COLOURS = (BAR_COLOUR, "#b35900")  # second series: dark orange (contrast >= 4.5:1 on white)


def _short(text: str, limit: int = 64) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hbar_chart(groups: list[tuple[str, list[float | None]]], legend: list[str], title: str, chart_id: str,
               *, percent: bool = False) -> Markup:
    """Grouped horizontal bars: groups of (label, one value per series); empty markup without data."""
    values = [v for _, vs in groups for v in vs if v is not None]
    if not groups or not values or max(values) <= 0:
        return Markup("")
    top = 100 if percent else nice_max(int(max(values) + 0.999))
    series = len(legend)
    group_h = LABEL_H + series * BAR_H + GAP
    height = TOP + len(groups) * group_h + 20
    plot_w = WIDTH - 40
    cid = escape(chart_id)
    parts = [f'<svg class="ck-chart ck-hbar" id="{cid}" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="{cid}-t" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{cid}-t">{escape(title)}</title>']
    for i, name in enumerate(legend):
        x = i * 160
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[i % 2]}"/>'
                     f'<text x="{x + 16}" y="14" font-size="11" fill="{AXIS_COLOUR}">{escape(name)}</text>')
    for tick in (0, top / 2, top):
        x = 4 + plot_w * tick / top
        anchor = "start" if tick == 0 else "middle"
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" y2="{height - 18}" stroke="{AXIS_COLOUR}" '
                     f'stroke-width="0.5"/><text x="{x:.1f}" y="{height - 6}" text-anchor="{anchor}" font-size="10" '
                     f'fill="{AXIS_COLOUR}">{tick:g}{"%" if percent else ""}</text>')
    for g, (label, vals) in enumerate(groups):
        y0 = TOP + g * group_h + LABEL_H
        parts.append(f'<text x="4" y="{y0 - 4}" font-size="11" fill="#222">{escape(_short(label))}</text>')
        for s, value in enumerate(vals):
            if value is None:
                continue
            w = plot_w * min(value, top) / top
            shown = f"{value:g}{'%' if percent else ''}"
            parts.append(f'<rect x="4" y="{y0 + s * BAR_H}" width="{w:.1f}" height="{BAR_H - 2}" '
                         f'fill="{COLOURS[s % 2]}"><title>{escape(label)} — {escape(legend[s])}: {shown}</title>'
                         f'</rect><text x="{w + 8:.1f}" y="{y0 + s * BAR_H + 9}" font-size="10" '
                         f'fill="#222">{shown}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
