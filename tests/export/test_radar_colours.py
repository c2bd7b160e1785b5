"""The radar chart has the same colours on paper as on the card: the requirement in one colour,
the current level in the other, never the other way round."""

from __future__ import annotations

from PySide6.QtGui import QColor
from reportlab.graphics.shapes import Polygon, Rect

from competence.export.pdf.radar import area_chart
from ui.card.radar import CURRENT_COLOUR, REQUIRED_COLOUR


def _hex(colour: object) -> str:
    return str(colour.hexval()).upper().replace("0X", "#")  # type: ignore[attr-defined]


def test_the_pdf_radar_draws_requirement_and_level_in_the_cards_colours() -> None:
    required, current = [100.0, 100.0, 100.0, 100.0], [25.0, 25.0, 25.0, 25.0]
    chart = area_chart(["A", "B", "C", "D"], required, current, width=300, height=220)
    filled = [s for s in chart.drawing.getContents() if isinstance(s, Polygon) and s.fillColor is not None]
    # the requirement's polygon reaches the outer ring, the level's stays at a quarter
    outer = max(filled, key=lambda s: max(s.points[1::2]))
    inner = min(filled, key=lambda s: max(s.points[1::2]))
    assert _hex(outer.strokeColor) == QColor(REQUIRED_COLOUR).name().upper()
    assert _hex(inner.strokeColor) == QColor(CURRENT_COLOUR).name().upper()


def test_the_pdf_bars_use_the_same_colours() -> None:
    """Below three areas the chart is paired bars: the requirement (80 %) the longer one."""
    chart = area_chart(["A", "B"], [80.0, 80.0], [20.0, 20.0], width=300, height=120)
    coloured = {
        _hex(s.fillColor): s.width
        for s in chart.drawing.getContents()
        if isinstance(s, Rect) and s.width > 10  # not the legend's squares
    }
    required, current = QColor(REQUIRED_COLOUR).name().upper(), QColor(CURRENT_COLOUR).name().upper()
    assert coloured[required] == 4 * coloured[current]
