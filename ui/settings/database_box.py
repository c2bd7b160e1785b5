"""Which database to use: the local file (default) or a shared PostgreSQL server.

The choice is a per-user preference applied at the next start (``--db`` and
``KOMPETANSE_DB_URL`` still take precedence). "Test" opens the database without migrating it and
checks that this version of the program can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from competence.progress import CancelToken, Progress
from db.engine import default_url, describe_url, is_sqlite, normalise_url, sqlite_path
from db.errors import AccessDeniedError, LocalizedError, LoginNotRegisteredError, translate_db_error
from db.migrate import check_not_newer, head_revision
from db.server_url import SSL_MODES, is_server, password_in, sslmode_of, with_sslmode, without_password
from db.session import open_database
from ui.context import AppContext
from ui.errors import error_message
from ui.login import ssl_label
from ui.widgets.fields import ERROR_STYLE


@dataclass(frozen=True)
class ConnectionCheck:
    location: str
    revision: str | None
    needs_upgrade: bool


def check_connection(url: str, password: str | None = None) -> ConnectionCheck:
    """Open ``url`` without changing it and report what was found (runs on a worker)."""
    database = open_database(url, migrate_schema=False, password=password)
    try:
        revision = check_not_newer(database.engine)
        return ConnectionCheck(database.location, revision, revision != head_revision())
    except DBAPIError as exc:
        if isinstance(translate_db_error(exc), AccessDeniedError):
            raise LoginNotRegisteredError(database.login or "?", database.location) from exc
        raise
    finally:
        database.dispose()


class DatabaseBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Database"), parent)
        self.ctx = ctx
        self.login_dialog: QDialog | None = None
        self.in_use = QLabel(self.tr("I bruk nå: {location}").format(location=ctx.database.location))
        self.in_use.setWordWrap(True)
        self.local = QRadioButton(self.tr("&Lokal fil på denne maskinen"))
        self.server = QRadioButton(self.tr("Delt &PostgreSQL-server"))
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Databasefil"))
        self.browse = QPushButton(self.tr("Velg fil…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Adresse til PostgreSQL-serveren"))
        self.url.setPlaceholderText(self.tr("postgresql://server/kompetanse"))
        self.ssl = QComboBox()
        self.ssl.setAccessibleName(self.tr("Kryptering"))
        for mode in SSL_MODES:
            self.ssl.addItem(ssl_label(mode), mode)
        self.test_button = QPushButton(self.tr("&Test tilkoblingen"))
        self.use_button = QPushButton(self.tr("Bruk ved neste oppstart"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Resultat av testen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.in_use)
        form.addRow(self.local)
        form.addRow(self.tr("Fil:"), path_row)
        form.addRow(self.server)
        form.addRow(self.tr("Adresse:"), self.url)
        form.addRow(self.tr("Kr&yptering:"), self.ssl)
        form.addRow(buttons)
        form.addRow(self.result)
        chosen = ctx.preferences.database_url or ctx.database.url
        if is_sqlite(chosen):
            self.local.setChecked(True)
            self.path.setText(str(sqlite_path(chosen) or ""))
        else:
            self.server.setChecked(True)
            self.url.setText(with_sslmode(without_password(chosen), "prefer"))
            self.ssl.setCurrentIndex(max(self.ssl.findData(sslmode_of(chosen)), 0))
        self.local.toggled.connect(self._update_enabled)
        self.browse.clicked.connect(self.pick_file)
        self.test_button.clicked.connect(self.test)
        self.use_button.clicked.connect(self.use)
        self._update_enabled()

    def _update_enabled(self) -> None:
        local = self.local.isChecked()
        self.path.setEnabled(local)
        self.browse.setEnabled(local)
        self.url.setEnabled(not local)
        self.ssl.setEnabled(not local)

    def pick_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Velg databasefil"),
            self.path.text(),
            self.tr("Databasefiler (*.db *.sqlite);;Alle filer (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.path.setText(name)

    def chosen_url(self) -> str | None:
        if self.local.isChecked():
            text = self.path.text().strip()
            return normalise_url(text) if text else None
        text = self.url.text().strip()
        if not text:
            return None
        url = normalise_url(text)
        return with_sslmode(url, str(self.ssl.currentData())) if is_server(url) else url

    def _say(self, text: str, ok: bool) -> None:
        self.result.setStyleSheet("" if ok else ERROR_STYLE)
        self.result.setText(text)

    def test(self) -> None:
        """Open the chosen register without changing it; a server asks for the login first."""
        url = self.chosen_url()
        if url is None:
            self._say(self.tr("Skriv inn en fil eller en serveradresse først."), False)
            return
        if is_server(url):
            self._log_in_and_check(url)
            return
        self._say(self.tr("Tester…"), True)

        def job(progress: Progress, cancel: CancelToken) -> ConnectionCheck:
            return check_connection(url)

        self.ctx.tasks.run_detached(
            job,
            on_done=self._tested,
            on_error=self._test_failed,
            parent=self,
            label=self.tr("Tester tilkoblingen…"),
        )

    def _log_in_and_check(self, url: str) -> None:
        from ui.login import LoggedIn, LoginDialog

        password = password_in(url)
        url = without_password(url)
        dialog = LoginDialog(url, check_connection, self.ctx.tasks, parent=self)
        if password:
            dialog.password.setText(password)

        def logged_in(outcome: LoggedIn) -> None:
            self.url.setText(with_sslmode(outcome.url, "prefer"))  # the login goes with the address
            self._tested(outcome.result)
            if outcome.warning is not None:
                self._say(self.result.text() + " " + error_message(outcome.warning), True)

        dialog.logged_in.connect(logged_in)
        dialog.open()
        self.login_dialog = dialog

    def _tested(self, check: ConnectionCheck) -> None:
        if check.revision is None:
            text = self.tr("Tilkoblingen virker. Databasen er tom og gjøres klar ved neste oppstart.")
        elif check.needs_upgrade:
            text = self.tr(
                "Tilkoblingen virker. Databasen oppgraderes ved neste oppstart (det tas kopi først)."
            )
        else:
            text = self.tr("Tilkoblingen virker: {location}").format(location=check.location)
        self._say(text, True)

    def _test_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LocalizedError):
            self._say(error_message(exc), False)
        else:
            self._say(
                self.tr("Tilkoblingen virker ikke: {error}").format(error=str(exc).splitlines()[0]), False
            )

    def use(self) -> None:
        url = self.chosen_url()
        default = default_url()
        dropped = url is not None and is_server(url) and password_in(url) is not None
        if url is not None and is_server(url):
            url = without_password(url)  # a password is never kept in the preferences
            self.url.setText(with_sslmode(url, "prefer"))
        self.ctx.preferences.database_url = None if url in (None, default) else url
        shown = describe_url(url or default)
        text = self.tr("Programmet bruker {location} fra neste oppstart.").format(location=shown)
        if dropped:
            text += " " + self.tr(
                "Passordet i adressen ble ikke lagret: du blir spurt om det når du logger inn."
            )
        self._say(text, True)
