"""Radar (spider) chart of required against current level per strategy area, drawn with reportlab
graphics shapes (lighter than the SpiderChart widget: a plan is drawn in a few milliseconds).

With fewer than three areas a radar has no shape, so the same figures are drawn as paired bars.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from competence.export import palette
from competence.export.pdf.fonts import REGULAR

REQUIRED = colors.HexColor(f"#{palette.REQUIRED_LINE}")
CURRENT = colors.HexColor(f"#{palette.CURRENT_LINE}")
GRID = colors.HexColor("#BFBFBF")
TEXT = colors.HexColor("#333333")
LABEL_SIZE = 7


def area_chart(
    labels: Sequence[str], required: Sequence[float], current: Sequence[float], *, width: float, height: float
) -> Drawing:
    """Required and current (0-100 %) per area, as a radar chart or, below three areas, as bars."""
    if len(labels) >= 3:
        return _radar(labels, required, current, width, height)
    return _bars(labels, required, current, width)


def _legend(d: Drawing, x: float, y: float) -> None:
    for i, (colour, text) in enumerate(((REQUIRED, "Krav"), (CURRENT, "Nåværende nivå"))):
        left = x + i * 32 * mm
        d.add(Rect(left, y, 8, 8, fillColor=colour, strokeColor=None, fillOpacity=0.6))
        d.add(String(left + 11, y + 1, text, fontName=REGULAR, fontSize=LABEL_SIZE + 0.5, fillColor=TEXT))


def _radar(
    labels: Sequence[str], required: Sequence[float], current: Sequence[float], width: float, height: float
) -> Drawing:
    d = Drawing(width, height)
    n = len(labels)
    legend_h = 14
    radius = min(width * 0.26, (height - legend_h) * 0.34)
    cx, cy = width / 2, legend_h + (height - legend_h) / 2

    # half a step off the vertical: no label sits at the very top, where the first and the last
    # would crowd each other
    start = math.pi / 2 - math.pi / n

    def point(i: int, value: float) -> tuple[float, float]:
        angle = start - 2 * math.pi * i / n
        r = radius * max(min(value, 100.0), 0.0) / 100.0
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in (25, 50, 75, 100):
        pts = [c for i in range(n) for c in point(i, ring)]
        d.add(Polygon(pts, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
    for i in range(n):
        x, y = point(i, 100)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
    for ring in (50, 100):
        x, y = point(0, ring)
        d.add(String(x + 2, y - 7, f"{ring} %", fontName=REGULAR, fontSize=5.5, fillColor=GRID))
    for values, colour, opacity in ((required, REQUIRED, 0.12), (current, CURRENT, 0.22)):
        pts = [c for i, v in enumerate(values) for c in point(i, v)]
        d.add(Polygon(pts, strokeColor=colour, strokeWidth=1.4, fillColor=colour, fillOpacity=opacity))
    label_width = max(width / 2 - radius - 10, 40)
    for i, label in enumerate(labels):
        x, y = point(i, 114)
        anchor = "middle" if abs(x - cx) < 3 else ("start" if x > cx else "end")
        lines = simpleSplit(label, REGULAR, LABEL_SIZE, label_width)[:3]
        top = y + (len(lines) - 1) * (LABEL_SIZE + 1) / 2 - 2
        if y > cy + radius * 0.9:
            top = y + (len(lines) - 1) * (LABEL_SIZE + 1)
        for k, line in enumerate(lines):
            d.add(
                String(
                    x,
                    top - k * (LABEL_SIZE + 1),
                    line,
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE,
                    fillColor=TEXT,
                    textAnchor=anchor,
                )
            )
    _legend(d, width / 2 - 28 * mm, 0)
    return d


def _bars(
    labels: Sequence[str], required: Sequence[float], current: Sequence[float], width: float
) -> Drawing:
    row_h, label_w = 26, width * 0.38
    bar_w = width - label_w - 30
    height = row_h * max(len(labels), 1) + 20
    d = Drawing(width, height)
    for i, label in enumerate(labels):
        y = height - (i + 1) * row_h
        for k, line in enumerate(simpleSplit(label, REGULAR, LABEL_SIZE + 1, label_w - 6)[:2]):
            d.add(String(0, y + 12 - k * 9, line, fontName=REGULAR, fontSize=LABEL_SIZE + 1, fillColor=TEXT))
        for k, (value, colour) in enumerate(((required[i], REQUIRED), (current[i], CURRENT))):
            top = y + 13 - k * 10
            d.add(Rect(label_w, top, bar_w, 8, fillColor=colors.HexColor("#F2F2F2"), strokeColor=None))
            d.add(
                Rect(
                    label_w, top, bar_w * min(max(value, 0), 100) / 100, 8, fillColor=colour, strokeColor=None
                )
            )
            d.add(
                String(label_w + bar_w + 3, top + 1, f"{value:.0f} %", fontName=REGULAR, fontSize=LABEL_SIZE)
            )
    _legend(d, label_w, 0)
    return d
