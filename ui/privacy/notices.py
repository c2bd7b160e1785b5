"""Notices at the top of the main window after start: a message bar that does not block the work.

Two checks run on a worker once the register is open:

* the register is a SQLite file on a network drive (:func:`db.location.network_location_warning`):
  a warning that shared use belongs on a PostgreSQL server;
* people who left are past the retention period (:func:`ui.privacy.retention.due_summary`):
  "N personer som sluttet for mer enn 12 måneder siden skal anonymiseres" with "Vis og utfør…".

A bar is a toolbar of the main window (so the window's own layout is left alone) that the user can
close; the retention bar goes away by itself once nobody is due.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSizePolicy, QStyle, QToolBar, QWidget

from competence.changes import Changes
from competence.uow import UnitOfWork
from db.errors import LocalizedError
from db.location import network_location_warning
from ui.context import AppContext
from ui.errors import error_message
from ui.privacy.retention import RetentionDue, due_summary, open_retention_dialog

log = logging.getLogger("kompetanseregister.ui")

# Object names of the bars (QMainWindow saves its toolbars' state by name).
NETWORK_NOTICE = "notice_network"
RETENTION_NOTICE = "notice_retention"

_STYLE = (
    "QToolBar#{name} {{ background: {background}; border: 1px solid {border}; padding: 4px; }}"
    "QToolBar#{name} QLabel {{ color: #1f1f1f; }}"
)
_WARNING_COLOURS = {"background": "#fff4ce", "border": "#e0c36a"}
_INFO_COLOURS = {"background": "#e8f1fb", "border": "#9dbfe3"}


class _NoticeText(QLabel):
    """Word-wrapped text that asks for a full line's width (up to :data:`WIDEST` pixels) rather than
    the narrow column a wrapping label asks for by default, so a short notice takes one line."""

    WIDEST = 900

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().horizontalAdvance(self.text()) + 8, self.WIDEST)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class NoticeBar(QToolBar):
    """A message across the top of the window, with optional action buttons and a close button."""

    def __init__(self, name: str, text: str, *, warning: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(self.tr("Melding"))
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not offered in the window's toolbar menu
        colours = _WARNING_COLOURS if warning else _INFO_COLOURS
        self.setStyleSheet(_STYLE.format(name=name, **colours))
        icon = QLabel()
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if warning
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(kind).pixmap(size, size))
        self.addWidget(icon)
        self.label = _NoticeText(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(text)
        self.addWidget(self.label)
        self.buttons: list[QPushButton] = []
        self.close_button = QPushButton(self.tr("Lukk"))
        self.close_button.setAccessibleName(self.tr("Lukk meldingen"))
        self.close_button.clicked.connect(self.dismiss)
        self._trailing = self.addWidget(self.close_button)

    def add_button(self, text: str, action: Callable[[], object]) -> QPushButton:
        """A button before the close button."""
        button = QPushButton(text)
        button.clicked.connect(action)
        self.insertWidget(self._trailing, button)
        self.buttons.append(button)
        return button

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


class RetentionNotice(NoticeBar):
    """People are past the retention period: "Vis og utfør…" opens the list and the run. After any
    change in the register (the run itself, or one from Innstillinger) the count is checked again,
    and the bar goes away once nobody is due."""

    def __init__(self, window: QMainWindow, ctx: AppContext, due: RetentionDue) -> None:
        super().__init__(RETENTION_NOTICE, due.text, warning=False, parent=window)
        self.ctx = ctx
        self.show_button = self.add_button(
            # no mnemonic: the bar is over every screen, whose own Alt+letters it must not take
            self.tr("Vis og utfør…"),
            lambda: open_retention_dialog(ctx, window),
        )
        self.show_button.setAccessibleName(self.tr("Vis og utfør oppbevaringsregelen"))
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(RETENTION_INPUTS):
            self.recheck()

    def recheck(self) -> None:
        if self.isHidden():
            return
        self.ctx.tasks.run(
            lambda uow, progress, cancel: due_summary(uow),
            on_done=self.update_due,
            on_error=lambda exc: log.warning("Oppbevaringstiden kunne ikke sjekkes: %s", exc),
            parent=self,
            latest="due",
        )

    def update_due(self, due: RetentionDue) -> None:
        if due.count == 0:
            self.dismiss()
        else:
            self.set_text(due.text)


def show_bar(window: QMainWindow, bar: NoticeBar) -> NoticeBar:
    """Put ``bar`` at the top of ``window``, in place of an earlier bar of the same kind."""
    for old in window.findChildren(NoticeBar, bar.objectName()):
        if old is not bar:
            window.removeToolBar(old)
            old.deleteLater()
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # each notice on a line of its own
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.show()
    return bar


#: Who is due under the retention rule depends on who left when, and on the retention setting.
RETENTION_INPUTS = Changes(people=True, settings=True)


@dataclass(frozen=True)
class StartChecks:
    network: LocalizedError | None
    retention: RetentionDue


def start_checks(uow: UnitOfWork) -> StartChecks:
    """What the start-up checks find (runs on a worker: /proc/mounts and a database query)."""
    return StartChecks(network_location_warning(uow.database.url), due_summary(uow))


def check_at_start(window: QMainWindow, ctx: AppContext) -> None:
    """Run the start-up checks on a worker and show a bar for each that finds something."""

    def done(found: StartChecks) -> None:
        if found.network is not None:
            text = QCoreApplication.translate("Personvern", "Advarsel: {message}").format(
                message=error_message(found.network)
            )
            show_bar(window, NoticeBar(NETWORK_NOTICE, text, warning=True, parent=window))
        if found.retention.count:
            show_bar(window, RetentionNotice(window, ctx, found.retention))

    ctx.tasks.run(lambda uow, progress, cancel: start_checks(uow), on_done=done, parent=window)
