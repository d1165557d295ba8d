"""SVG charts generated at build time (no chart JavaScript): letters per month as bars.

The SVG is inline, accessible (`role="img"`, `<title>`), scales with its container (viewBox), and
the same numbers are always printed in a table beside it by the page template.
"""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 320  # a phone screen wide (360 px less the margins): 14-unit text stays >= 12 px there; CSS caps the desktop
HEIGHT = 200
FONT = 14
MARGIN_LEFT = 38
MARGIN_BOTTOM = 30
MARGIN_TOP = 12
BAR_COLOUR = "#1a5fa8"  # contrast >= 4.5:1 on white
AXIS_COLOUR = "#555"


def nice_max(value: int) -> int:
    """A round upper bound for the y axis (1, 2, 5, 10, 20, 50, ...)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor:
                return step * factor
        step *= 10


def month_label(key: str) -> str:
    """'2025-03' -> '3/2025' (Vietnamese month/year)."""
    return f"{int(key[5:7])}/{key[:4]}"


def bar_chart(series: list[tuple[str, int]] | tuple[tuple[str, int], ...], title: str, chart_id: str) -> Markup:
    """An SVG bar chart of (month key, count); empty markup when there is no data."""
    series = list(series)
    if not series:
        return Markup("")
    top = nice_max(max(count for _, count in series) or 1)
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_w / len(series)
    bar = max(slot * 0.7, 1.0)
    label_every = max(1, -(-len(series) // 4))  # at most 4 month labels: 14-unit text side by side
    parts = [
        f'<svg class="ck-chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
    ]
    base = MARGIN_TOP + plot_h
    for tick in (0, top // 2, top) if top >= 2 else (0, top):
        y = base - plot_h * tick / top
        parts.append(f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{AXIS_COLOUR}" stroke-width="0.5"/>')
        parts.append(f'<text x="{MARGIN_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="{FONT}" '
                     f'fill="{AXIS_COLOUR}">{tick}</text>')
    for i, (key, count) in enumerate(series):
        x = MARGIN_LEFT + i * slot + (slot - bar) / 2
        h = plot_h * count / top
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                     f'fill="{BAR_COLOUR}"><title>{escape(month_label(key))}: {count}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="{FONT}" '
                         f'fill="{AXIS_COLOUR}">{escape(month_label(key))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
