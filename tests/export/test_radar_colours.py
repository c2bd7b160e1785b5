"""The radar chart has the same colours on paper as on the card: the requirement in one colour,
the current level in the other, never the other way round."""

from __future__ import annotations

import io

from PySide6.QtGui import QColor
from reportlab.graphics.shapes import Polygon, Rect, String
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from competence.export.pdf.fonts import register_fonts
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


def test_the_chart_drawn_on_the_page_strokes_in_the_same_colours() -> None:
    """The plans draw the chart's marks straight onto the page (not through the shapes above):
    the requirement's and the level's outlines in the card's colours, the labels as text."""
    register_fonts()
    chart = area_chart(["Ledelse", "HMS", "Digital"], [100.0] * 3, [25.0] * 3, width=300, height=220)
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0, initialFontName="DejaVuSans")
    flowable = chart.flowable()
    assert flowable.wrapOn(canvas, 400, 400) == (300, 220)
    flowable.drawOn(canvas, 10, 10)
    canvas.showPage()
    canvas.save()
    page = out.getvalue()
    for colour in (REQUIRED_COLOUR, CURRENT_COLOUR):
        rgb = QColor(colour)
        stroke = " ".join(fp_str(c / 255) for c in (rgb.red(), rgb.green(), rgb.blue())) + " RG"
        assert stroke.encode() in page
    assert page.count(b" Tj") == len([s for s in chart.drawing.getContents() if isinstance(s, String)])
