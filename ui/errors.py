"""What the user sees when something goes wrong.

Two kinds (as in qutebrowser): errors the user can act on (:class:`db.errors.LocalizedError`: file
locked, disk full, database newer than the app, changed by someone else, bad input) get a plain
dialog with the message in the UI language; anything else is a bug, which is logged with its
traceback to the log folder and shown in a dialog with a report the user can copy to support.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.logs import configure_logging
from competence.progress import Cancelled
from db.errors import DatabaseCorruptError, LocalizedError, raised_by_database
from ui.i18n import current_language
from ui.widgets.screen import fit_when_shown

log = logging.getLogger("kompetanseregister.ui")


def bug_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A plain-text report for support: versions and the traceback (no register data)."""
    from importlib import metadata

    try:
        version = metadata.version("kompetanseregister")
    except metadata.PackageNotFoundError:
        version = "?"
    lines = [
        f"Kompetanseregister {version}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class BugDialog(QDialog):
    """A dialog for a bug: a short apology, the report (selectable) and a copy button."""

    def __init__(self, report: str, log_path: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_when_shown(self)  # inside the screen, also a small one
        self.setWindowTitle(self.tr("Uventet feil"))
        self.report = report
        layout = QVBoxLayout(self)
        intro = self.tr(
            "Det oppstod en uventet feil i programmet. Arbeidet du lagret tidligere er ikke berørt, "
            "men den siste handlingen ble kanskje ikke fullført."
        )
        if log_path:
            intro += " " + self.tr("Feilen er skrevet til loggen: {path}").format(path=log_path)
        label = QLabel(intro)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Rapport til brukerstøtte:")))
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Feilrapport"))
        self.text.setMinimumSize(560, 240)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Kopier rapporten"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Kopiert"))


#: Dialogs without a parent window are owned by Python: keep a reference while they are open.
_open_dialogs: set[QDialog] = set()


def _keep_open(dialog: QDialog) -> None:
    """Keep a non-blocking dialog alive while open; Qt deletes it when closed, and the reference is
    dropped on the next turn of the event loop (never inside the dialog's own signal)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: QTimer.singleShot(0, lambda: _open_dialogs.discard(dialog)))


def _log_bug(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str | None:
    try:
        path = configure_logging()
    except OSError:
        path = None
    log.error("Uventet feil", exc_info=(exc_type, exc, tb))
    return str(path) if path else None


def show_bug(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> BugDialog | None:
    """Log a bug and, when there is a GUI, show the report dialog (non-blocking)."""
    log_path = _log_bug(exc_type, exc, tb)
    if QApplication.instance() is None:
        if sys.stderr is not None:  # the Windows app has no console: the log has the report
            sys.stderr.write(bug_report(exc_type, exc, tb) + "\n")
        return None
    dialog = BugDialog(bug_report(exc_type, exc, tb), log_path, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    _keep_open(dialog)
    dialog.show()
    return dialog


def error_message(exc: LocalizedError) -> str:
    return exc.message(current_language())


# Told about an error that may mean the open register's file is damaged (set by the start-up
# while a register is open): it checks the file, and calls ``otherwise`` when it is intact.
DamageHandler = Callable[[BaseException, Callable[[], None]], None]
_damage_handler: DamageHandler | None = None


def set_damage_handler(handler: DamageHandler | None) -> None:
    global _damage_handler
    _damage_handler = handler


def may_mean_damage(exc: BaseException) -> bool:
    """A damaged register file, or an unexpected error that came out of reading the database."""
    if isinstance(exc, DatabaseCorruptError):
        return True
    return not isinstance(exc, LocalizedError) and raised_by_database(exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` the right way: a plain message for a user error, a bug report for anything else.

    A cancellation is not an error: the user asked for it, so nothing is shown. A damaged register
    file (or an unexpected error while reading it, when the file turns out to be damaged) is handed
    to the start-up, which closes the register and offers its newest backup.
    """
    if isinstance(exc, Cancelled):
        return
    handler = _damage_handler
    if handler is not None and may_mean_damage(exc):
        handler(exc, lambda: _show_now(parent, exc))
        return
    _show_now(parent, exc)


def _show_now(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, LocalizedError):
        log.info("Feil vist til bruker: %s", exc.code)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Feil", "Kompetanseregister"))
        box.setText(error_message(exc))
        _keep_open(box)
        box.open()
        return
    show_bug(type(exc), exc, exc.__traceback__, parent)


def attempt(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """Run a quick service call on the UI thread; show any error. True when it succeeded."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        action()
    except Exception as exc:
        QApplication.restoreOverrideCursor()
        show_error(parent, exc)
        return False
    QApplication.restoreOverrideCursor()
    return True


def install_excepthook() -> None:
    """Route uncaught exceptions (in slots, event handlers and stray threads) to the log and a dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        show_error(QApplication.activeWindow(), exc.with_traceback(tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        exc = args.exc_value or args.exc_type()
        _log_bug(args.exc_type, exc, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
