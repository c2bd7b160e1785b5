"""A horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor(31, 119, 180)
TRACK_COLOUR = QColor(230, 233, 237)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float = 0.0
    text: str = ""
    tooltip: str = ""
    colour: QColor | None = None
    #: A group heading (bold, no bar), e.g. the framework the following areas belong to.
    heading: bool = False


class BarChart(QWidget):
    """Labels on the left, bars scaled to ``maximum`` (or the largest value), value text on the right."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[Bar, ...] = ()
        self.maximum: float | None = None
        self.empty_text = ""
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: Sequence[Bar], *, maximum: float | None = None, empty_text: str = "") -> None:
        self.bars = tuple(bars)
        self.maximum = maximum
        self.empty_text = empty_text
        self.setAccessibleDescription(
            "; ".join(b.label if b.heading else f"{b.label}: {b.text}" for b in self.bars) or empty_text
        )
        self.setToolTip(
            "\n".join(b.label if b.heading else b.tooltip or f"{b.label}: {b.text}" for b in self.bars)
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(420, max(1, len(self.bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(painter.font())
        text_colour = self.palette().text().color()
        if not self.bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            painter.end()
            return
        width = float(self.width())
        plain = [b for b in self.bars if not b.heading] or list(self.bars)
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in plain) + 12, width * 0.45)
        value_width = max(metrics.horizontalAdvance(b.text) for b in plain) + 12
        bar_space = max(width - label_width - value_width - 8, 20.0)
        top_value = self.maximum or max((b.value for b in plain), default=1.0) or 1.0
        row = self._row_height()
        bold = painter.font()
        bold.setBold(True)
        normal = painter.font()
        for i, bar in enumerate(self.bars):
            y = 4 + i * row
            if bar.heading:
                painter.setFont(bold)
                painter.setPen(text_colour)
                heading = QFontMetrics(bold).elidedText(
                    bar.label, Qt.TextElideMode.ElideRight, int(width - 8)
                )
                painter.drawText(QRectF(4, y, width - 8, row), int(Qt.AlignmentFlag.AlignBottom), heading)
                painter.setFont(normal)
                continue
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                label,
            )
            track = QRectF(label_width, y + 4, bar_space, row - 8)
            painter.fillRect(track, TRACK_COLOUR)
            share = max(0.0, min(bar.value / top_value, 1.0))
            painter.fillRect(
                QRectF(track.x(), track.y(), track.width() * share, track.height()), bar.colour or BAR_COLOUR
            )
            painter.drawText(
                QRectF(label_width + bar_space + 8, y, value_width, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                bar.text,
            )
        painter.end()
