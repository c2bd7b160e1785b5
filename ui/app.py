"""Application start-up: arguments, language, logging, error hook, then the database is opened
off the UI thread (migrations may take a backup first) behind a splash, and the main window shown.

    python main.py [--db URL] [--demo] [--smoke-test]

``--smoke-test`` is for IT and the bundle's test (scripts/smoke-bundle.sh): the app opens the
register, shows the window with its first screen filled, prints (and logs) what it opened and quits
by itself, with exit code 0; 1 when the register could not be opened.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from competence import __version__
from competence.actions.register import Opened, open_register
from competence.backups import backup_if_due, with_backup_advice
from competence.changes import Changes
from competence.collector import settle_for_a_long_run
from competence.logs import configure_logging
from competence.progress import CancelToken, Progress
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db import keychain
from db.engine import data_dir, is_sqlite, resolve_url
from db.errors import (
    DatabaseCorruptError,
    LocalizedError,
    LoginFailedError,
    LoginNotRegisteredError,
)
from db.server_url import (
    is_server,
    libpq_may_know_the_password,
    login_of,
    password_in,
    with_login,
    without_password,
)
from ui.context import AppContext
from ui.errors import error_message, install_excepthook, set_damage_handler, show_bug, show_error
from ui.first_start import IMPORT_PAGE, FirstStartDialog, open_roster_import
from ui.i18n import TRANSLATIONS_DIR, fmt_percent, install_language, qt_qm_path
from ui.main_window import MainWindow
from ui.preferences import APPLICATION, ORGANISATION, Preferences
from ui.privacy.notices import check_at_start
from ui.splash import Splash
from ui.style import install_style
from ui.worker import TaskRunner

log = logging.getLogger("kompetanseregister.ui")

DEMO_DB_FILENAME = "demo.db"
#: Set by the benchmark to the time the process was started (``time.time()``).
ENV_STARTED_AT = "KOMPETANSE_STARTED_AT"
ICON = TRANSLATIONS_DIR.parent / "icons" / "kompetanseregister.png"
#: How long ``--smoke-test`` waits for the first screen before it gives up (exit code 3).
SMOKE_TEST_TIMEOUT_MS = 120_000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kompetanseregister", description="Kompetanseregister")
    parser.add_argument(
        "--db", metavar="URL", help="database URL or SQLite file (default: the user's data folder)"
    )
    parser.add_argument("--demo", action="store_true", help="open a demo municipality (a separate database)")
    parser.add_argument("--report-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
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
        self.login_dialog: QDialog | None = None

    def start(self, url: str | None) -> None:
        self.requested_url = url
        target = resolve_url(url)
        if is_server(target):
            self._start_shared(target)
            return
        self._open_in_background(url, None)

    def _open_in_background(
        self, url: str | None, password: str | None, on_error: Callable[[BaseException], None] | None = None
    ) -> None:
        self.splash = self.splash or Splash()
        self.splash.message(self.tr("Åpner databasen…"))
        self.splash.show()
        demo = self.demo

        def job(progress: Progress, cancel: CancelToken) -> Opened:
            return open_register(url, password, demo=demo, progress=progress, cancel=cancel)

        task = self.tasks.run_detached(job, on_done=self._opened, on_error=on_error or self._failed)
        task.progressed.connect(self._progress)

    def _start_shared(self, url: str) -> None:
        """A register on a server: log in. A password kept in the keychain, one in the address
        (``--db``), or libpq's own (pgpass, service file) is tried first; else the dialog asks."""
        login = login_of(url)
        password = password_in(url) or (keychain.stored_password(url, login) if login else None)
        url = without_password(url)
        if password is not None or (login and libpq_may_know_the_password(url)):

            def refused(exc: BaseException) -> None:
                if isinstance(exc, LoginFailedError | LoginNotRegisteredError):
                    self._close_splash()
                    self._ask_login(url, error_message(exc))
                else:
                    self._failed(exc)

            self._open_in_background(url, password, on_error=refused)
            return
        self._ask_login(url)

    def _ask_login(self, url: str, message: str = "") -> None:
        from ui.login import LoggedIn, LoginDialog

        demo = self.demo

        def connect(address: str, password: str | None) -> Opened:
            return open_register(address, password, demo=demo)

        dialog = LoginDialog(url, connect, self.tasks, message=message)
        self.login_dialog = dialog

        def logged_in(outcome: LoggedIn) -> None:
            self.requested_url = outcome.url
            saved = self.preferences.database_url
            if saved and is_server(saved) and with_login(saved, "") == with_login(outcome.url, ""):
                self.preferences.database_url = outcome.url  # the login is offered next time
            self._opened(outcome.result)
            if outcome.warning is not None and self.ctx is not None:
                self.ctx.status_message.emit(error_message(outcome.warning))

        dialog.logged_in.connect(logged_in)
        dialog.rejected.connect(self.failed)
        dialog.finished.connect(lambda _r: QTimer.singleShot(0, lambda: setattr(self, "login_dialog", None)))
        dialog.show()

    def _close_splash(self) -> None:
        if self.splash is not None:
            self.splash.close()
            self.splash = None

    def _progress(self, done: int, total: int, message: str) -> None:
        if self.splash is None:
            return
        text = self.tr("Lager demokommunen…") if self.demo else self.tr("Åpner databasen…")
        if message:
            text = f"{text} {message}"
        if total > 0:
            text += f" ({fmt_percent(done * 100 // total, 0)})"
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
        if self.args.smoke_test:
            self._smoke_test_when_ready(self.window, opened)
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
        set_damage_handler(self._suspect_damage)
        self._watch_damage_check(self.ctx)
        check_at_start(self.window, self.ctx)
        if (
            opened.empty
            and not self.demo
            and not self.args.smoke_test
            and not self.preferences.started_empty(database.url)
        ):
            QTimer.singleShot(0, self._first_start)

    def _watch_damage_check(self, ctx: AppContext) -> None:
        """The scheduled backup waits for the damage check of the file (a backup of a damaged file
        would push a good one out of the rotation); a damage found closes the register."""
        check = ctx.database.damage_check
        if check is None:
            self._scheduled_backup(ctx)
            return

        def job(progress: Progress, cancel: CancelToken) -> None:
            check.wait()

        def failed(exc: BaseException) -> None:
            if ctx is not self.ctx:
                return
            if isinstance(exc, DatabaseCorruptError):
                self._damaged_while_open(exc)
            else:
                show_error(self.window, exc)  # the disk failed while the file was read

        self.tasks.run_detached(job, on_done=lambda _none: self._scheduled_backup(ctx), on_error=failed)

    def _suspect_damage(self, exc: BaseException, otherwise: Callable[[], None]) -> None:
        """An error that may come from a damaged file (ui.errors.show_error): a damaged file closes
        the register and offers its newest backup; otherwise the error is shown as it would be."""
        ctx = self.ctx
        if ctx is None:
            otherwise()
            return
        database = ctx.database
        if isinstance(exc, DatabaseCorruptError):
            if exc.details.get("location") in ("", str(database.path)):
                self._damaged_while_open(exc)
            else:
                otherwise()  # another file (a backup chosen for a restore) is damaged, not the register
            return

        def job(progress: Progress, cancel: CancelToken) -> DatabaseCorruptError | None:
            return database.find_damage()

        def done(found: DatabaseCorruptError | None) -> None:
            if found is not None and ctx is self.ctx:
                self._damaged_while_open(found)
            else:
                otherwise()

        self.tasks.run_detached(job, on_done=done, on_error=lambda _exc: otherwise())

    def _damaged_while_open(self, exc: DatabaseCorruptError) -> None:
        """The open register's file turned out to be damaged: close it without writing to it (no
        backup, no clean-close stamp) and offer its newest backup, as at start-up."""
        window, ctx = self.window, self.ctx
        if ctx is None:
            return
        self.window, self.ctx = None, None
        set_damage_handler(None)
        log.warning("Databasefilen er skadet (oppdaget mens den var åpen): %s", exc.details.get("detail", ""))
        self._damaged(with_backup_advice(exc, ctx.database.url))  # up before the window goes
        if window is not None:
            window.close()
            window.deleteLater()
        ctx.tasks.shutdown()
        ctx.database.dispose()
        ctx.deleteLater()

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

    def _smoke_test_when_ready(self, window: MainWindow, opened: Opened) -> None:
        """``--smoke-test``: once the first screen has its data, say what was opened, and quit."""
        page = window.current_page()
        timer = QTimer(self)
        timer.setSingleShot(True)

        def report(ok: bool) -> None:
            timer.stop()
            from competence.licences import components

            language = self.preferences.language
            qt_words = qt_qm_path(language)
            with_texts = sum(1 for component in components() if component.texts)
            line = (
                f"SMOKE-TEST {'OK' if ok else 'FEIL: første skjermbilde ble ikke vist'}: "
                f"register={opened.database.location}; ansatte={opened.people}; "
                f"versjon={__version__}; språk={language}; "
                f"qt-oversettelse={qt_words.name if qt_words else 'ingen'}; "
                f"lisenstekster={with_texts}; side={window.current_key}; "
                f"pakket={'ja' if getattr(sys, 'frozen', False) else 'nei'}"
            )
            log.info("%s", line)
            if sys.stdout is not None:  # the Windows app has no console: the log has the line
                print(line, flush=True)
            if not ok:
                QCoreApplication.exit(3)
                return
            QTimer.singleShot(0, window.close)

        timer.timeout.connect(lambda: report(False))
        timer.start(SMOKE_TEST_TIMEOUT_MS)
        if page is None:
            QTimer.singleShot(0, lambda: report(True))
            return
        page.loaded.connect(lambda: report(True), Qt.ConnectionType.QueuedConnection)

    def _scheduled_backup(self, ctx: AppContext) -> None:
        """The register file's scheduled backup. A shared PostgreSQL register is backed up on its
        server (by HR, or the DBA's own routines), not onto each leader's PC."""
        database = ctx.database
        if not is_sqlite(database.url):
            return

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> str | None:
            settings = get_settings(uow)
            path = backup_if_due(
                database, interval_hours=settings.backup_interval_hours, keep=settings.backups_to_keep
            )
            return str(path) if path else None

        def done(path: str | None) -> None:
            if path:
                ctx.tasks.publish(Changes(audit=True))  # the backup is noted in the audit log
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


def display_missing(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """On Linux without a graphical session (no DISPLAY or WAYLAND_DISPLAY, as over ssh or in a
    service), Qt would abort with a misleading message about xcb libraries; QT_QPA_PLATFORM set by
    the user (offscreen, vnc...) means they know what they are doing."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or env.get("QT_QPA_PLATFORM"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def no_display_message(lang: str) -> str:
    if lang == "en":
        return (
            "Found no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set, as over "
            "ssh). Start Kompetanseregister in a desktop session, or use the command line "
            "`kompetanse` (see `kompetanse --help`)."
        )
    return (
        "Fant ingen skjerm å vise vinduet på (verken DISPLAY eller WAYLAND_DISPLAY er satt, som over "
        "ssh). Start Kompetanseregister i en skrivebordsøkt, eller bruk kommandolinjen `kompetanse` "
        "(se `kompetanse --help`)."
    )


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    if display_missing():
        message = no_display_message(Preferences().language)
        if sys.stderr is not None:
            print(message, file=sys.stderr)
        return 1
    # crisp at 125 % and 150 % display scaling (Windows laptops): no rounding of the scale factor
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv))
    app.setWindowIcon(QIcon(str(ICON)))
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
    settle_for_a_long_run()  # after the start-up's imports and objects, before the data arrives
    code = app.exec()
    set_damage_handler(None)
    if startup.ctx is not None:
        startup.ctx.tasks.shutdown()
        startup.ctx.database.dispose()
    return int(code)
