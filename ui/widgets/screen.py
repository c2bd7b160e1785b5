"""Windows that fit the screen they open on.

Municipal laptops often have 1366x768 or 1024x768 screens (less the task bar). Every window and
dialog opens inside the screen's available geometry: a filter installed on each
window (:func:`fit_when_shown`), shrinks it when it would be larger than the room there is and moves
it back inside, the first time it is shown. A window can only shrink that far because the screens and
dialogs themselves are built to fit (scroll areas, wrapping labels, splitters; the UI tests check
every screen and dialog against 1024x768).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget

#: Room kept free for the window frame and title bar, which the geometry of a widget leaves out.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The room on the screen ``widget`` is on (or would open on), less task bars and docks."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def room_for_window(widget: QWidget | None = None) -> QSize:
    """The largest size a window's contents can have on the screen (the frame takes the rest)."""
    room = available_geometry(widget).size()
    return QSize(room.width() - FRAME_ALLOWANCE.width(), room.height() - FRAME_ALLOWANCE.height())


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to the room on its screen and move it so that all of it is inside."""
    room = available_geometry(window)
    most = room_for_window(window)
    size = window.size().boundedTo(most).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    extra = frame.size() - window.size()
    left = min(max(frame.left(), room.left()), room.right() + 1 - size.width() - extra.width())
    top = min(max(frame.top(), room.top()), room.bottom() + 1 - size.height() - extra.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(QPoint(max(left, room.left()), max(top, room.top())))


class _FitOnShow(QObject):
    """Fits its window into the screen when the window is first shown, then lets go."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            watched.removeEventFilter(self)
            fit_to_screen(watched)
            self.deleteLater()
        return False


def fit_when_shown(window: QWidget) -> None:
    """Make ``window`` open inside the available geometry of its screen (called by each window and
    dialog of the app as it is built; a filter on the window alone, not on the whole application)."""
    window.installEventFilter(_FitOnShow(window))


class FittingScrollArea(QScrollArea):
    """A scroll area that asks for the whole size of what it holds (so a window opens showing all of
    it when there is room) but can shrink to a few lines (so the window fits a small screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        frame = 2 * self.frameWidth()
        return QSize(
            hint.width() + frame + self.verticalScrollBar().sizeHint().width(), hint.height() + frame
        )

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        width += 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(width, self.fontMetrics().height() * 6)


class _ShareOnShow(QObject):
    """Gives a splitter's parts their shares of its width (or height) the first time it has one."""

    def __init__(self, splitter: QSplitter, weights: tuple[int, ...]) -> None:
        super().__init__(splitter)
        self.splitter, self.weights = splitter, weights

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            splitter = self.splitter
            length = (
                splitter.width() if splitter.orientation() == Qt.Orientation.Horizontal else splitter.height()
            )
            if length > 0 and splitter.isVisible():
                splitter.removeEventFilter(self)
                total = sum(self.weights)
                splitter.setSizes([length * weight // total for weight in self.weights])
                self.deleteLater()
        return False


def share_when_shown(splitter: QSplitter, weights: tuple[int, ...]) -> None:
    """Split ``splitter`` by ``weights`` (e.g. 62:38) of the room it really has when first shown,
    rather than by fixed pixel sizes meant for a large screen (on a small one, fixed sizes squeezed
    the last part to a sliver)."""
    splitter.installEventFilter(_ShareOnShow(splitter, weights))
