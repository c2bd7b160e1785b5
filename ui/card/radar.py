"""A radar (spider) chart of required vs current level per strategy area, drawn with QPainter
(PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from competence.export import palette
from ui.i18n import fmt_percent

# the colours of the printed plan's radar (competence.export.palette), so screen and paper agree
REQUIRED_COLOUR = QColor(f"#{palette.REQUIRED_LINE}")
CURRENT_COLOUR = QColor(f"#{palette.CURRENT_LINE}")
GRID_COLOUR = QColor(200, 200, 200)


@dataclass(frozen=True)
class RadarPoint:
    label: str
    required: float  # percent 0-100
    current: float  # percent 0-100


class RadarChart(QWidget):
    """Axes for each area (at least three are needed for a polygon; fewer show as a short list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[RadarPoint, ...] = ()
        self.setMinimumSize(200, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Radardiagram: krav og nivå per strategiområde"))

    def sizeHint(self) -> QSize:
        return QSize(380, 340)

    def set_points(self, points: Sequence[RadarPoint]) -> None:
        self.points = tuple(points)
        self.setAccessibleDescription(
            "; ".join(
                self.tr("{area}: krav {required}, nå {current}").format(
                    area=p.label, required=fmt_percent(p.required, 0), current=fmt_percent(p.current, 0)
                )
                for p in self.points
            )
        )
        self.setToolTip(self.accessibleDescription().replace("; ", "\n"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if len(self.points) < 3:
            self._paint_few(painter)
        else:
            self._paint_radar(painter)
        painter.end()

    def _legend(self, painter: QPainter, top: float) -> float:
        metrics = QFontMetrics(painter.font())
        x = 8.0
        for colour, text in ((REQUIRED_COLOUR, self.tr("Krav")), (CURRENT_COLOUR, self.tr("Nåværende nivå"))):
            painter.setPen(QPen(colour, 3))
            painter.drawLine(
                QPointF(x, top + metrics.height() / 2), QPointF(x + 18, top + metrics.height() / 2)
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 24, top + metrics.ascent()), text)
            x += 24 + metrics.horizontalAdvance(text) + 18
        return top + metrics.height() + 6

    def _paint_few(self, painter: QPainter) -> None:
        """One or two areas: bars instead of a polygon that cannot be drawn."""
        top = self._legend(painter, 8)
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                QRectF(self.rect()).adjusted(8, top, -8, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("Ingen krav å vise for rollen."),
            )
            return
        metrics = QFontMetrics(painter.font())
        width = self.width() - 16.0
        for point in self.points:
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(8, top + metrics.ascent()), point.label)
            top += metrics.height() + 2
            for value, colour in ((point.required, REQUIRED_COLOUR), (point.current, CURRENT_COLOUR)):
                painter.fillRect(QRectF(8, top, width * max(0.0, min(value, 100.0)) / 100.0, 8), colour)
                top += 11
            top += 8

    def _paint_radar(self, painter: QPainter) -> None:
        legend_bottom = self._legend(painter, 6)
        metrics = QFontMetrics(painter.font())
        margin = max(metrics.horizontalAdvance("M" * 6), 60)
        area = QRectF(self.rect()).adjusted(
            margin, legend_bottom + metrics.height() + 4, -margin, -metrics.height() - 8
        )
        radius = max(20.0, min(area.width(), area.height()) / 2)
        centre = area.center()
        n = len(self.points)

        def at(i: int, value: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * i / n
            r = radius * max(0.0, min(value, 100.0)) / 100.0
            return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

        painter.setPen(QPen(GRID_COLOUR, 1))
        for ring in (25, 50, 75, 100):
            painter.drawPolygon(QPolygonF([at(i, ring) for i in range(n)]))
        for i in range(n):
            painter.drawLine(centre, at(i, 100))
        small = QFont(painter.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        painter.setPen(self.palette().placeholderText().color())
        # the outer ring is 100 %; the top axis label sits there, so only the middle ring is labelled
        painter.drawText(at(0, 50) + QPointF(4, -2), fmt_percent(50, 0))
        for values, colour in (
            ([p.required for p in self.points], REQUIRED_COLOUR),
            ([p.current for p in self.points], CURRENT_COLOUR),
        ):
            fill = QColor(colour)
            fill.setAlpha(50)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QBrush(fill))
            painter.drawPolygon(QPolygonF([at(i, v) for i, v in enumerate(values)]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.palette().text().color())
        label_metrics = QFontMetrics(small)
        for i, point in enumerate(self.points):
            anchor = at(i, 112)
            dx = anchor.x() - centre.x()
            if abs(dx) < radius * 0.2:  # top or bottom: centred on the axis
                room = self.width() - 8.0
            elif dx > 0:
                room = self.width() - anchor.x() - 4
            else:
                room = anchor.x() - 4
            text = label_metrics.elidedText(point.label, Qt.TextElideMode.ElideRight, int(max(room, 20)))
            w = label_metrics.horizontalAdvance(text)
            x = anchor.x() - w / 2 if abs(dx) < radius * 0.2 else (anchor.x() if dx > 0 else anchor.x() - w)
            y = anchor.y() + label_metrics.ascent() / 2
            painter.drawText(QPointF(max(x, 2.0), y), text)
