"""Radar (spider) chart of required against current level per strategy area, drawn with reportlab
graphics shapes (lighter than the SpiderChart widget: a plan is drawn in a few milliseconds).

The colours are the card's (:mod:`competence.export.palette`): the requirement orange, the current
level blue. With fewer than three areas a radar has no shape, so the same figures are drawn as
paired bars. When the areas' names would run into each other round the chart (a unit requiring
competences from many strategy areas), the axes carry letters instead, and the table beside the
chart gives each letter its name (:attr:`AreaChart.keys`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from competence.export import palette
from competence.export.pdf.fonts import REGULAR, register_fonts
from competence.language import pick
from competence.numbers import format_percent

REQUIRED = colors.HexColor(f"#{palette.REQUIRED_LINE}")
CURRENT = colors.HexColor(f"#{palette.CURRENT_LINE}")
GRID = colors.HexColor("#BFBFBF")
RING_TEXT = colors.HexColor("#7F7F7F")
TEXT = colors.HexColor("#333333")
#: the smallest text on the chart: printed reports keep to 7 pt or more
LABEL_SIZE = 7
LINE_GAP = 1
MAX_LINES = 3
#: room kept free between two labels
LABEL_MARGIN = 2


@dataclass(frozen=True)
class AreaChart:
    """The chart, and the key each area got on it ("A", "B", …) when its axes are lettered
    instead of named (empty when the names are on the chart)."""

    drawing: Drawing
    keys: tuple[str, ...] = ()

    def key_label(self, index: int, label: str) -> str:
        """A table row's label with the chart's key in front, when the chart uses keys."""
        return f"{self.keys[index]} · {label}" if self.keys else label


def area_chart(
    labels: Sequence[str],
    required: Sequence[float],
    current: Sequence[float],
    *,
    width: float,
    height: float,
    lang: str = "nb",
) -> AreaChart:
    """Required and current (0-100 %) per area, as a radar chart or, below three areas, as bars."""
    register_fonts()  # the labels are measured in the report's font
    if len(labels) >= 3:
        return _radar(labels, required, current, width, height, lang)
    return AreaChart(_bars(labels, required, current, width, lang))


def _legend(d: Drawing, x: float, y: float, lang: str) -> None:
    entries = (
        (REQUIRED, pick(lang, "Krav", "Required")),
        (CURRENT, pick(lang, "Nåværende nivå", "Current level")),
    )
    for i, (colour, text) in enumerate(entries):
        left = x + i * 32 * mm
        d.add(Rect(left, y, 8, 8, fillColor=colour, strokeColor=None, fillOpacity=0.6))
        d.add(String(left + 11, y + 1, text, fontName=REGULAR, fontSize=LABEL_SIZE + 0.5, fillColor=TEXT))


@dataclass(frozen=True)
class _Label:
    x: float
    top: float
    anchor: str
    lines: tuple[str, ...]

    def box(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the label's text."""
        w = max(stringWidth(line, REGULAR, LABEL_SIZE) for line in self.lines)
        left = self.x - w / 2 if self.anchor == "middle" else self.x if self.anchor == "start" else self.x - w
        bottom = self.top - (len(self.lines) - 1) * (LABEL_SIZE + LINE_GAP) - 2
        return left, bottom, left + w, self.top + LABEL_SIZE


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    m = LABEL_MARGIN
    return a[0] < b[2] + m and b[0] < a[2] + m and a[1] < b[3] + m and b[1] < a[3] + m


def _place(
    texts: Sequence[str],
    point: Callable[[int, float], tuple[float, float]],
    cx: float,
    cy: float,
    radius: float,
    label_width: float,
) -> list[_Label]:
    labels = []
    for i, text in enumerate(texts):
        x, y = point(i, 114)
        anchor = "middle" if abs(x - cx) < 3 else ("start" if x > cx else "end")
        lines = tuple(simpleSplit(text, REGULAR, LABEL_SIZE, label_width)) or ("",)
        top = y + (len(lines) - 1) * (LABEL_SIZE + LINE_GAP) / 2 - 2
        if y > cy + radius * 0.9:
            top = y + (len(lines) - 1) * (LABEL_SIZE + LINE_GAP)
        labels.append(_Label(x, top, anchor, lines))
    return labels


def _fits(labels: Sequence[_Label], width: float, height: float, bottom: float, label_width: float) -> bool:
    """No label runs into another, off the drawing, or past :data:`MAX_LINES` lines."""
    boxes = [label.box() for label in labels]
    if any(len(label.lines) > MAX_LINES for label in labels):
        return False
    if any(
        stringWidth(line, REGULAR, LABEL_SIZE) > label_width + 0.5 for label in labels for line in label.lines
    ):
        return False  # a single word wider than the room beside the chart
    if any(b[0] < 0 or b[2] > width or b[1] < bottom or b[3] > height for b in boxes):
        return False
    return not any(_overlap(boxes[i], boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


def _radar(
    labels: Sequence[str],
    required: Sequence[float],
    current: Sequence[float],
    width: float,
    height: float,
    lang: str,
) -> AreaChart:
    legend_h = 14
    named = _radar_drawing(labels, required, current, width, height, lang, legend_h, keys=False)
    if named is not None:
        return AreaChart(named)
    # letters on the axes take little room beside the chart: it can be larger
    keys = tuple(axis_key(i) for i in range(len(labels)))
    numbered = _radar_drawing(keys, required, current, width, height, lang, legend_h, keys=True)
    assert numbered is not None
    return AreaChart(numbered, keys)


def axis_key(index: int) -> str:
    """ "A", "B", … "Z", "AA", …: letters, so a key is never taken for an area's own code (1, §6)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _radar_drawing(
    labels: Sequence[str],
    required: Sequence[float],
    current: Sequence[float],
    width: float,
    height: float,
    lang: str,
    legend_h: float,
    *,
    keys: bool,
) -> Drawing | None:
    """The chart with ``labels`` on its axes; None when they do not fit (and ``keys`` is False)."""
    n = len(labels)
    room = height - legend_h
    radius = min(width * 0.36, room * 0.42) if keys else min(width * 0.26, room * 0.34)
    cx, cy = width / 2, legend_h + room / 2

    # half a step off the vertical: no label sits at the very top, where the first and the last
    # would crowd each other
    start = math.pi / 2 - math.pi / n

    def point(i: int, value: float) -> tuple[float, float]:
        angle = start - 2 * math.pi * i / n
        r = radius * max(min(value, 100.0), 0.0) / 100.0
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    label_width = max(width / 2 - radius - 14, 40)
    placed = _place(labels, point, cx, cy, radius, label_width)
    if not keys and not _fits(placed, width, height, legend_h, label_width):
        return None
    d = Drawing(width, height)
    for ring in (25, 50, 75, 100):
        pts = [c for i in range(n) for c in point(i, ring)]
        d.add(Polygon(pts, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
    for i in range(n):
        x, y = point(i, 100)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
    for ring in (50, 100):
        # on the vertical, between the first and the last axis, just inside the ring: clear of the
        # axes' labels, which stand outside it
        top = cy + radius * ring / 100 * math.cos(math.pi / n)
        d.add(
            String(
                cx,
                top - LABEL_SIZE - 1,
                format_percent(ring, 0, lang),
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                fillColor=RING_TEXT,
                textAnchor="middle",
            )
        )
    for values, colour, opacity in ((required, REQUIRED, 0.15), (current, CURRENT, 0.22)):
        pts = [c for i, v in enumerate(values) for c in point(i, v)]
        d.add(Polygon(pts, strokeColor=colour, strokeWidth=1.4, fillColor=colour, fillOpacity=opacity))
    for label in placed:
        for k, line in enumerate(label.lines):
            d.add(
                String(
                    label.x,
                    label.top - k * (LABEL_SIZE + LINE_GAP),
                    line,
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE,
                    fillColor=TEXT,
                    textAnchor=label.anchor,
                )
            )
    _legend(d, width / 2 - 28 * mm, 0, lang)
    return d


def _bars(
    labels: Sequence[str], required: Sequence[float], current: Sequence[float], width: float, lang: str
) -> Drawing:
    row_h, label_w = 26, width * 0.38
    bar_w = width - label_w - 34
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
                String(
                    label_w + bar_w + 3,
                    top + 1,
                    format_percent(value, 0, lang),
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE,
                )
            )
    _legend(d, label_w, 0, lang)
    return d
