"""Application start-up: arguments, language, logging, error hook, then the database is opened
off the UI thread (migrations may take a backup first) behind a splash, and the main window shown.

    python main.py [--db URL] [--demo]
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from competence.backups import backup_if_due
from competence.frameworks import ensure_builtin_frameworks
from competence.logs import configure_logging
from competence.progress import CancelToken, Progress
from competence.search import count_employees
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.engine import data_dir, is_sqlite, resolve_url
from db.errors import DatabaseCorruptError, LocalizedError
from db.session import Database, open_database
from ui.context import AppContext
from ui.errors import error_message, install_excepthook, show_bug
from ui.first_start import IMPORT_PAGE, FirstStartDialog, open_roster_import
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.preferences import APPLICATION, ORGANISATION, Preferences
from ui.privacy.notices import check_at_start
from ui.splash import Splash
from ui.style import install_style
from ui.worker import TaskRunner

log = logging.getLogger("kompetanseregister.ui")

DEMO_DB_FILENAME = "demo.db"
#: How many people the demo municipality of ``--demo`` has.
DEMO_EMPLOYEES = 300
#: Set by the benchmark to the time the process was started (``time.time()``).
ENV_STARTED_AT = "KOMPETANSE_STARTED_AT"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kompetanseregister", description="Kompetanseregister")
    parser.add_argument(
        "--db", metavar="URL", help="database URL or SQLite file (default: the user's data folder)"
    )
    parser.add_argument("--demo", action="store_true", help="open a demo municipality (a separate database)")
    parser.add_argument("--report-ready", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(list(argv[1:]))
    return args


def demo_url() -> str:
    return f"sqlite:///{data_dir() / DEMO_DB_FILENAME}"


def startup_url(args: argparse.Namespace, preferences: Preferences) -> str | None:
    """``--demo``, then ``--db``, then ``KOMPETANSE_DB_URL``, then the database chosen in
    Innstillinger; None means the default file in the data folder."""
    if args.demo:
        return demo_url()
    if args.db:
        return str(args.db)
    if os.environ.get("KOMPETANSE_DB_URL"):
        return None
    return preferences.database_url


def fill_demo(database: Database, progress: Progress, cancel: CancelToken) -> None:
    """Fill the demo database the first time it is opened."""
    if count_employees(UnitOfWork(database)) == 0:
        from competence.demo import generate_demo  # only here: not needed for an ordinary start

        generate_demo(database, employees=DEMO_EMPLOYEES, progress=progress, cancel=cancel)


@dataclass(frozen=True)
class Opened:
    database: Database
    empty: bool


class Startup(QObject):
    """Opens the database, shows the window, and handles the first start and demo switch."""

    #: The database could not be opened; the user has been told why. ``main`` exits with 1.
    failed = Signal()

    def __init__(self, app: QApplication, args: argparse.Namespace, preferences: Preferences) -> None:
        super().__init__(app)
        self.args = args
        self.preferences = preferences
        self.tasks = TaskRunner(self)
        self.splash: Splash | None = None
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        self.demo = bool(args.demo)
        # the database asked for (None: the default), kept for the damaged-file path
        self.requested_url: str | None = None
        # the backup put in place of a damaged file, and the damaged file's new name
        self.restored_from: tuple[Path, Path] | None = None
        self.damaged_dialog: QDialog | None = None

    def start(self, url: str | None) -> None:
        self.requested_url = url
        self.splash = Splash()
        self.splash.message(self.tr("Åpner databasen…"))
        self.splash.show()
        demo = self.demo

        def job(progress: Progress, cancel: CancelToken) -> Opened:
            database = open_database(url)
            try:
                ensure_builtin_frameworks(UnitOfWork(database))  # cheap when they are current
                if demo:
                    fill_demo(database, progress, cancel)
                empty = count_employees(UnitOfWork(database)) == 0
            except BaseException:
                database.dispose()
                raise
            return Opened(database, empty)

        task = self.tasks.run(job, on_done=self._opened, on_error=self._failed)
        task.progressed.connect(self._progress)

    def _progress(self, done: int, total: int, message: str) -> None:
        if self.splash is None:
            return
        text = self.tr("Lager demokommunen…") if self.demo else self.tr("Åpner databasen…")
        if message:
            text = f"{text} {message}"
        if total > 0:
            text += f" ({done * 100 // total} %)"
        self.splash.message(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseCorruptError) and is_sqlite(resolve_url(self.requested_url)):
            self._damaged(exc)
            return
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        if isinstance(exc, LocalizedError):
            log.warning("Kunne ikke åpne databasen: %s", exc.code)
            QMessageBox.critical(None, self.tr("Kompetanseregister"), error_message(exc))
        else:
            dialog = show_bug(type(exc), exc, exc.__traceback__)
            if dialog is not None:
                dialog.exec()
        self.failed.emit()

    def _damaged(self, exc: DatabaseCorruptError) -> None:
        """A damaged register file: offer its newest backup (the dialog is up before the splash goes,
        so the app stays alive); a restore opens the register again, "Avslutt" ends the app."""
        from ui.privacy.damaged import DamagedDatabaseDialog

        url = resolve_url(self.requested_url)
        log.warning("Databasefilen er skadet: %s", exc.code)
        dialog = DamagedDatabaseDialog(exc, url, self.tasks)
        self.damaged_dialog = dialog
        dialog.restored.connect(lambda source, damaged: self._restored(url, source, damaged))
        dialog.rejected.connect(self.failed)
        # let go of it on the next turn of the event loop, never inside its own signal
        dialog.finished.connect(
            lambda _result: QTimer.singleShot(0, lambda: setattr(self, "damaged_dialog", None))
        )
        dialog.show()
        if self.splash is not None:
            self.splash.close()
            self.splash = None

    def _restored(self, url: str, source: Path, damaged: Path) -> None:
        self.restored_from = (source, damaged)
        self.start(url)

    def _opened(self, opened: Opened) -> None:
        database = opened.database
        self.ctx = AppContext(database, self.preferences, demo=self.demo, parent=self)
        window = self.window = MainWindow(self.ctx)
        window.closed.connect(lambda: self._window_closed(window))
        if self.args.report_ready:
            self._report_when_ready(self.window)
        self.window.show()
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        migration = database.migration
        if migration is not None and migration.backup is not None:
            log.info("Databasen ble oppgradert; kopi tatt først: %s", migration.backup.name)
            self.ctx.status_message.emit(
                self.tr("Databasen ble oppgradert. Den gamle ligger i {path}").format(path=migration.backup)
            )
        if self.restored_from is not None:
            source, damaged = self.restored_from
            self.restored_from = None
            self.ctx.status_message.emit(
                self.tr(
                    "Registeret er gjenopprettet fra {backup}. Den skadede filen ligger i {damaged}."
                ).format(backup=source.name, damaged=damaged)
            )
        self._scheduled_backup(self.ctx)
        check_at_start(self.window, self.ctx)
        if opened.empty and not self.demo and not self.preferences.started_empty(database.url):
            QTimer.singleShot(0, self._first_start)

    def _report_when_ready(self, window: MainWindow) -> None:
        """For the start-up benchmark: print the seconds since the process started, then quit."""
        page = window.current_page()
        if page is None:
            return

        def ready() -> None:
            started = float(os.environ.get(ENV_STARTED_AT, "0") or 0)
            print(f"READY {time.time() - started:.3f}" if started else "READY", flush=True)
            QTimer.singleShot(0, window.close)

        page.loaded.connect(ready, Qt.ConnectionType.QueuedConnection)

    def _scheduled_backup(self, ctx: AppContext) -> None:
        """The register file's scheduled backup. A shared PostgreSQL register is backed up on its
        server (by HR, or the DBA's own routines), not onto each leader's PC."""
        database = ctx.database
        if not is_sqlite(database.url):
            return

        def job(progress: Progress, cancel: CancelToken) -> str | None:
            settings = get_settings(UnitOfWork(database))
            path = backup_if_due(
                database, interval_hours=settings.backup_interval_hours, keep=settings.backups_to_keep
            )
            return str(path) if path else None

        def done(path: str | None) -> None:
            if path:
                ctx.status_message.emit(self.tr("Automatisk sikkerhetskopi tatt: {path}").format(path=path))

        ctx.tasks.run(job, on_done=done, parent=self.window)

    def _first_start(self) -> None:
        window, ctx = self.window, self.ctx
        if window is None or ctx is None:
            return
        can_import = any(spec.key == IMPORT_PAGE for spec in window.specs)
        dialog = FirstStartDialog(can_import=can_import, parent=window)
        dialog.exec()
        if dialog.choice == "import":
            open_roster_import(window)
        elif dialog.choice == "demo":
            self.switch_to_demo()
        else:
            self.preferences.remember_started_empty(ctx.database.url)

    def _window_closed(self, window: MainWindow) -> None:
        """The user closed the main window: the app ends. (Not when the window was closed to make
        way for another register: the app does not end on its last window closing, since between
        the two there is only the splash, which Qt does not count as a window.)"""
        if window is self.window:
            QApplication.quit()

    def switch_to_demo(self) -> None:
        """Open the demo database in place of the (empty) register, which stays as it is."""
        window, ctx = self.window, self.ctx
        self.window, self.ctx = None, None
        self.demo = True
        self.start(demo_url())  # the splash is up before the old window closes, so the app stays alive
        if window is not None:
            window.close()
            window.deleteLater()
        if ctx is not None:
            ctx.database.dispose()
            ctx.deleteLater()


def qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not only to a terminal nobody sees."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("kompetanseregister.qt").log(level, "%s", message)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    # crisp at 125 % and 150 % display scaling (Windows laptops): no rounding of the scale factor
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv))
    # the app ends when its main window is closed (Startup._window_closed), not when the last
    # window closes: switching to the demo closes the window before the next one is open
    app.setQuitOnLastWindowClosed(False)
    install_style(app)  # a focus frame one can see
    preferences = Preferences()
    install_language(app, preferences.language)
    try:
        configure_logging()
    except OSError as exc:  # a read-only home folder must not stop the app; errors still get dialogs
        logging.basicConfig(level=logging.INFO)
        log.warning("Kan ikke skrive loggfil: %s", exc)
    install_excepthook()
    qInstallMessageHandler(qt_message_to_log)
    startup = Startup(app, args, preferences)
    startup.failed.connect(lambda: app.exit(1))
    startup.start(startup_url(args, preferences))
    code = app.exec()
    if startup.ctx is not None:
        startup.ctx.tasks.shutdown()
        startup.ctx.database.dispose()
    return int(code)
