"""Radar (spider) chart of required against current level per strategy area.

The chart is a short list of marks (polygons, lines, texts, boxes) drawn straight onto the page
(:meth:`AreaChart.flowable`): a batch draws a thousand of them, and reportlab's graphics shapes
cost several times more to build and render than the marks themselves (validated attributes, a
graphics state worked out per shape). :attr:`AreaChart.drawing` gives the same marks as a
reportlab ``Drawing``, for whoever wants the shapes.

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
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

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


@dataclass(frozen=True, slots=True)
class _Polygon:
    points: tuple[float, ...]
    stroke: colors.Color
    stroke_width: float
    fill: colors.Color | None = None
    opacity: float | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: colors.Color
    stroke_width: float


@dataclass(frozen=True, slots=True)
class _Text:
    x: float
    y: float
    text: str
    size: float
    colour: colors.Color
    anchor: str = "start"


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    width: float
    height: float
    fill: colors.Color
    opacity: float | None = None


_Mark = _Polygon | _Line | _Text | _Box


@dataclass(frozen=True)
class AreaChart:
    """The chart, and the key each area got on it ("A", "B", …) when its axes are lettered
    instead of named (empty when the names are on the chart)."""

    width: float
    height: float
    marks: tuple[_Mark, ...]
    keys: tuple[str, ...] = ()

    def key_label(self, index: int, label: str) -> str:
        """A table row's label with the chart's key in front, when the chart uses keys."""
        return f"{self.keys[index]} · {label}" if self.keys else label

    def flowable(self) -> Flowable:
        """The chart as a flowable that draws its marks straight onto the page."""
        return _ChartFlowable(self)

    @property
    def drawing(self) -> Drawing:
        """The same chart as reportlab graphics shapes."""
        d = Drawing(self.width, self.height)
        for mark in self.marks:
            if isinstance(mark, _Polygon):
                d.add(
                    Polygon(
                        list(mark.points),
                        strokeColor=mark.stroke,
                        strokeWidth=mark.stroke_width,
                        fillColor=mark.fill,
                        fillOpacity=mark.opacity,
                    )
                )
            elif isinstance(mark, _Line):
                d.add(
                    Line(
                        mark.x1,
                        mark.y1,
                        mark.x2,
                        mark.y2,
                        strokeColor=mark.stroke,
                        strokeWidth=mark.stroke_width,
                    )
                )
            elif isinstance(mark, _Text):
                d.add(
                    String(
                        mark.x,
                        mark.y,
                        mark.text,
                        fontName=REGULAR,
                        fontSize=mark.size,
                        fillColor=mark.colour,
                        textAnchor=mark.anchor,
                    )
                )
            else:
                d.add(
                    Rect(
                        mark.x,
                        mark.y,
                        mark.width,
                        mark.height,
                        fillColor=mark.fill,
                        strokeColor=None,
                        fillOpacity=mark.opacity,
                    )
                )
        return d


class _ChartFlowable(Flowable):  # type: ignore[misc]
    """Draws a chart's marks with the canvas's own operators, each in its own graphics state."""

    def __init__(self, chart: AreaChart) -> None:
        super().__init__()
        self.chart = chart
        self.width = chart.width
        self.height = chart.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for mark in self.chart.marks:
            canvas.saveState()
            if isinstance(mark, _Text):
                _draw_text(canvas, mark)
            elif isinstance(mark, _Line):
                canvas.setStrokeColor(mark.stroke)
                canvas.setLineWidth(mark.stroke_width)
                canvas.line(mark.x1, mark.y1, mark.x2, mark.y2)
            elif isinstance(mark, _Polygon):
                _draw_polygon(canvas, mark)
            else:
                canvas.setFillColor(mark.fill)
                if mark.opacity is not None:
                    canvas.setFillAlpha(mark.opacity)
                canvas.rect(mark.x, mark.y, mark.width, mark.height, stroke=0, fill=1)
            canvas.restoreState()


def _draw_text(canvas: Any, mark: _Text) -> None:
    canvas.setFont(REGULAR, mark.size)
    canvas.setFillColor(mark.colour)
    x = mark.x
    if mark.anchor != "start":
        width = stringWidth(mark.text, REGULAR, mark.size)
        x -= width if mark.anchor == "end" else width / 2
    canvas.drawString(x, mark.y, mark.text)


def _draw_polygon(canvas: Any, mark: _Polygon) -> None:
    canvas.setStrokeColor(mark.stroke)
    canvas.setLineWidth(mark.stroke_width)
    if mark.fill is not None:
        canvas.setFillColor(mark.fill)
        if mark.opacity is not None:
            canvas.setFillAlpha(mark.opacity)
    path = canvas.beginPath()
    points = mark.points
    path.moveTo(points[0], points[1])
    for i in range(2, len(points), 2):
        path.lineTo(points[i], points[i + 1])
    path.close()
    canvas.drawPath(path, stroke=1, fill=1 if mark.fill is not None else 0)


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
    return _bars(labels, required, current, width, lang)


def _legend(d: list[_Mark], x: float, y: float, lang: str) -> None:
    entries = (
        (REQUIRED, pick(lang, "Krav", "Required")),
        (CURRENT, pick(lang, "Nåværende nivå", "Current level")),
    )
    for i, (colour, text) in enumerate(entries):
        left = x + i * 32 * mm
        d.append(_Box(left, y, 8, 8, colour, 0.6))
        d.append(_Text(left + 11, y + 1, text, LABEL_SIZE + 0.5, TEXT))


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
        return AreaChart(width, height, named)
    # letters on the axes take little room beside the chart: it can be larger
    keys = tuple(axis_key(i) for i in range(len(labels)))
    numbered = _radar_drawing(keys, required, current, width, height, lang, legend_h, keys=True)
    assert numbered is not None
    return AreaChart(width, height, numbered, keys)


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
) -> tuple[_Mark, ...] | None:
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
    d: list[_Mark] = []
    for ring in (25, 50, 75, 100):
        d.append(_Polygon(tuple(c for i in range(n) for c in point(i, ring)), GRID, 0.5))
    for i in range(n):
        x, y = point(i, 100)
        d.append(_Line(cx, cy, x, y, GRID, 0.5))
    for ring in (50, 100):
        # on the vertical, between the first and the last axis, just inside the ring: clear of the
        # axes' labels, which stand outside it
        top = cy + radius * ring / 100 * math.cos(math.pi / n)
        d.append(
            _Text(cx, top - LABEL_SIZE - 1, format_percent(ring, 0, lang), LABEL_SIZE, RING_TEXT, "middle")
        )
    for values, colour, opacity in ((required, REQUIRED, 0.15), (current, CURRENT, 0.22)):
        pts = tuple(c for i, v in enumerate(values) for c in point(i, v))
        d.append(_Polygon(pts, colour, 1.4, colour, opacity))
    for label in placed:
        for k, line in enumerate(label.lines):
            y = label.top - k * (LABEL_SIZE + LINE_GAP)
            d.append(_Text(label.x, y, line, LABEL_SIZE, TEXT, label.anchor))
    _legend(d, width / 2 - 28 * mm, 0, lang)
    return tuple(d)


def _bars(
    labels: Sequence[str], required: Sequence[float], current: Sequence[float], width: float, lang: str
) -> AreaChart:
    row_h, label_w = 26, width * 0.38
    bar_w = width - label_w - 34
    height = row_h * max(len(labels), 1) + 20
    d: list[_Mark] = []
    for i, label in enumerate(labels):
        y = height - (i + 1) * row_h
        for k, line in enumerate(simpleSplit(label, REGULAR, LABEL_SIZE + 1, label_w - 6)[:2]):
            d.append(_Text(0, y + 12 - k * 9, line, LABEL_SIZE + 1, TEXT))
        for k, (value, colour) in enumerate(((required[i], REQUIRED), (current[i], CURRENT))):
            top = y + 13 - k * 10
            d.append(_Box(label_w, top, bar_w, 8, colors.HexColor("#F2F2F2")))
            d.append(_Box(label_w, top, bar_w * min(max(value, 0), 100) / 100, 8, colour))
            d.append(
                _Text(label_w + bar_w + 3, top + 1, format_percent(value, 0, lang), LABEL_SIZE, colors.black)
            )
    _legend(d, label_w, 0, lang)
    return AreaChart(width, height, tuple(d))
