"""The app's look where the platform style falls short: a keyboard focus one can see.

Qt's styles mark the focused table cell, check box or tab with a faint dotted line or not at all,
so a person working by keyboard lost track of where they were. :class:`FocusFrameStyle` wraps the
platform's own style and draws every focus frame as a solid 2-pixel line in the text colour (in
the selection's text colour on a selected row, so it shows against the highlight too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

#: Width of the focus frame in pixels.
FOCUS_WIDTH = 2


class FocusFrameStyle(QProxyStyle):
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
            pen = QPen(option.palette.color(role), FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.save()
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)


def install_style(app: QApplication) -> None:
    """Wrap the application's style (once) so focus frames are drawn plainly."""
    if isinstance(app.style(), FocusFrameStyle):
        return
    app.setStyle(FocusFrameStyle(app.style().name()))
