"""A small line chart of the share of requirements met over the last two years (one point per
quarter and today), drawn with QPainter. Clicking a point (or choosing it with the arrow keys and
Enter) asks the screen to show the figures at that date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from competence.gap import TrendPoint
from ui.i18n import fmt_date, fmt_int, fmt_percent

LINE = QColor(31, 119, 180)
CHOSEN = QColor(166, 27, 27)


class TrendChart(QWidget):
    # The user picked a point: show the figures at this date.
    date_chosen = Signal(object)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[TrendPoint, ...] = ()
        self.chosen: dt.date | None = None
        self.current = -1
        self.message = ""
        self.setAccessibleName(accessible_name)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(360, round(self.fontMetrics().height() * 4.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def set_message(self, text: str) -> None:
        """Show a text instead of the line (while it is computed, or when there is nothing)."""
        self.points, self.message, self.current = (), text, -1
        self.setAccessibleDescription(text)
        self.update()

    def set_points(self, points: Sequence[TrendPoint], chosen: dt.date | None) -> None:
        self.points = tuple(p for p in points if p.requirements)
        self.message = "" if self.points else self.tr("Ingen krav i perioden.")
        self.chosen = chosen
        self.current = len(self.points) - 1
        self.setAccessibleDescription("; ".join(self.point_text(p) for p in self.points) or self.message)
        self.update()

    def set_chosen(self, chosen: dt.date | None) -> None:
        self.chosen = chosen
        self.update()

    def point_text(self, point: TrendPoint) -> str:
        return self.tr("{date}: {share} oppfylt ({met} av {total} krav, {na} ikke vurdert)").format(
            date=fmt_date(point.at),
            share=fmt_percent(point.share_met * 100, 0),
            met=fmt_int(point.met),
            total=fmt_int(point.requirements),
            na=fmt_int(point.not_assessed),
        )

    # --- geometry -----------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(fmt_percent(100, 0)) + 8
        return QRectF(
            left, metrics.height() / 2 + 2, self.width() - left - 10, self.height() - metrics.height() * 2
        )

    def _positions(self) -> list[QPointF]:
        plot = self._plot()
        n = len(self.points)
        if n == 0:
            return []
        first, last = self.points[0].at, self.points[-1].at
        days = max((last - first).days, 1)
        return [
            QPointF(
                plot.left() + (plot.width() * (p.at - first).days / days if n > 1 else plot.width() / 2),
                plot.bottom() - plot.height() * p.share_met,
            )
            for p in self.points
        ]

    def _nearest(self, x: float) -> int:
        positions = self._positions()
        if not positions:
            return -1
        return min(range(len(positions)), key=lambda i: abs(positions[i].x() - x))

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().windowText().color()
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), self.message)
            painter.end()
            return
        plot = self._plot()
        grid = self.palette().mid().color()
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * share
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - 10, plot.left() - 6, 20),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                fmt_percent(share * 100, 0),
            )
        positions = self._positions()
        path = QPainterPath(positions[0])
        for pos in positions[1:]:
            path.lineTo(pos)
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        for i, (point, where) in enumerate(zip(self.points, positions, strict=True)):
            chosen = point.at == self.chosen
            painter.setPen(QPen(CHOSEN if chosen else LINE, 2))
            painter.setBrush(CHOSEN if chosen else self.palette().base().color())
            radius = 5.0 if chosen or (i == self.current and self.hasFocus()) else 3.5
            painter.drawEllipse(where, radius, radius)
        painter.setPen(text_colour)
        below = QRectF(plot.left(), plot.bottom() + 2, plot.width(), self.height() - plot.bottom() - 2)
        painter.drawText(
            below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), fmt_date(self.points[0].at)
        )
        painter.drawText(
            below, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), fmt_date(self.points[-1].at)
        )
        painter.end()

    # --- interaction --------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._nearest(event.position().x())
        if index >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.point_text(self.points[index]), self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._nearest(event.position().x())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.current = index
            self.date_chosen.emit(self.points[index].at)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.points and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.current = max(0, min(len(self.points) - 1, self.current + step))
            self.setToolTip(self.point_text(self.points[self.current]))
            self.setAccessibleDescription(self.point_text(self.points[self.current]))
            self.update()
            return
        if (
            self.points
            and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
            and self.current >= 0
        ):
            self.date_chosen.emit(self.points[self.current].at)
            return
        super().keyPressEvent(event)
