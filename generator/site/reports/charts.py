"""Inline SVG bar charts for the report pages (no JavaScript; the numbers are also in the tables).

Horizontal bars, one group per label, one bar per series; styled like generator/site/charts.py
(same colours and `nice_max` axis), accessible (`role="img"`, `<title>`), printable in black and white
(series are told apart by fill pattern as well as colour).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.site.charts import AXIS_COLOUR, BAR_COLOUR, nice_max
from generator.site.common import fmt_number

WIDTH = 320  # a phone screen wide (360 px less the margins): drawn at about 1:1 there, so 14-unit text is >= 12 px
FONT = 14  # every text of the chart (labels, legend, values, axis)
LABEL_H = 20  # each group's label sits on its own line above its bars, using the full width
BAR_H = 18
GAP = 10
TOP = 30
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
    height = TOP + len(groups) * group_h + 24
    plot_w = WIDTH - 40
    cid = escape(chart_id)
    parts = [f'<svg class="ck-chart ck-hbar" id="{cid}" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="{cid}-t" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{cid}-t">{escape(title)}</title>']
    for i, name in enumerate(legend):
        x = i * 150
        parts.append(f'<rect x="{x}" y="4" width="14" height="14" fill="{COLOURS[i % 2]}"/>'
                     f'<text x="{x + 18}" y="16" font-size="{FONT}" fill="{AXIS_COLOUR}">'
                     f'{escape(_short(name, 18))}</text>')
    for tick in (0, top / 2, top):
        x = 4 + plot_w * tick / top
        anchor = "start" if tick == 0 else "middle"
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" y2="{height - 18}" stroke="{AXIS_COLOUR}" '
                     f'stroke-width="0.5"/><text x="{x:.1f}" y="{height - 4}" text-anchor="{anchor}" '
                     f'font-size="{FONT}" fill="{AXIS_COLOUR}">{fmt_number(tick)}{"%" if percent else ""}</text>')
    for g, (label, vals) in enumerate(groups):
        y0 = TOP + g * group_h + LABEL_H
        parts.append(f'<text x="4" y="{y0 - 5}" font-size="{FONT}" fill="#222">{escape(_short(label, 40))}</text>')
        for s, value in enumerate(vals):
            if value is None:
                continue
            w = plot_w * min(value, top) / top
            shown = f"{fmt_number(value)}{'%' if percent else ''}"
            parts.append(f'<rect x="4" y="{y0 + s * BAR_H}" width="{w:.1f}" height="{BAR_H - 2}" '
                         f'fill="{COLOURS[s % 2]}"><title>{escape(label)} — {escape(legend[s])}: {shown}</title>'
                         f'</rect><text x="{min(w + 8, plot_w - 30):.1f}" y="{y0 + s * BAR_H + 13}" '
                         f'font-size="{FONT}" fill="#222">{shown}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
