"""Logging in to a shared PostgreSQL register: the login and password dialog.

Asked at start when the register in use is on a server, and when one is chosen in Innstillinger.
The password is never written in plain text: "Husk passordet" keeps it in the operating system's
keychain (:mod:`db.keychain`); a machine without one is told so and not offered the box. Left
empty, libpq looks in a pgpass or service file (``docs/security.md``). The encryption asked for
(libpq ``sslmode``) is part of the register's address and shown here.

Connecting waits on the server, so it runs on a worker; the dialog stays open, with the reason in
words, until the server accepts the login or the user gives up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.progress import CancelToken, Progress
from db import keychain
from db.engine import describe_url
from db.errors import LocalizedError
from db.server_url import login_of, sslmode_of, with_login
from ui.errors import error_message
from ui.widgets.fields import ERROR_STYLE
from ui.worker import TaskRunner

# Connects to the register at the URL (which names the login) with the password (None: libpq's
# own ways); runs on a worker. Its result is what the dialog hands back.
Connect = Callable[[str, str | None], Any]


@dataclass(frozen=True)
class LoggedIn:
    url: str
    login: str
    result: Any
    # Why the password could not be remembered, when it could not.
    warning: LocalizedError | None = None


def ssl_label(mode: str) -> str:
    """What libpq's ``sslmode`` means, in words."""
    labels = {
        "disable": QCoreApplication.translate("Kryptering", "ingen (ukryptert)"),
        "prefer": QCoreApplication.translate("Kryptering", "kryptert hvis serveren tilbyr det (prefer)"),
        "require": QCoreApplication.translate("Kryptering", "alltid kryptert (require)"),
        "verify-ca": QCoreApplication.translate(
            "Kryptering", "kryptert, serverens sertifikat kontrolleres (verify-ca)"
        ),
        "verify-full": QCoreApplication.translate(
            "Kryptering", "kryptert, sertifikat og servernavn kontrolleres (verify-full)"
        ),
    }
    return labels.get(mode, mode)


class LoginDialog(QDialog):
    # The server accepted the login; carries a :class:`LoggedIn`.
    logged_in = Signal(object)

    def __init__(
        self,
        url: str,
        connect: Connect,
        tasks: TaskRunner,
        *,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.connect_fn = connect
        self.tasks = tasks
        self.outcome: LoggedIn | None = None
        self.setWindowTitle(self.tr("Logg inn på det felles registeret"))
        self.setObjectName("login_dialog")
        intro = QLabel(
            self.tr(
                "Registeret ligger på en databaseserver. Logg inn med din egen innlogging; databasen "
                "avgjør selv hva den gir deg tilgang til."
            )
        )
        intro.setWordWrap(True)
        self.server = QLabel(describe_url(with_login(url, "")))
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server.setAccessibleName(self.tr("Databaseserver"))
        self.encryption = QLabel(ssl_label(sslmode_of(url)))
        self.encryption.setAccessibleName(self.tr("Kryptering"))
        self.login = QLineEdit(login_of(url))
        self.login.setAccessibleName(self.tr("Innlogging"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Passord"))
        self.password.setPlaceholderText(self.tr("tomt: passordet i en pgpass- eller tjenestefil"))
        self.remember = QCheckBox(self.tr("&Husk passordet i nøkkelringen på denne maskinen"))
        self.no_keychain = QLabel(
            self.tr(
                "Denne maskinen har ingen nøkkelring der passordet kan lagres trygt, så det kan ikke "
                "huskes. Du kan i stedet legge det i en pgpass-fil (se docs/security.md)."
            )
        )
        self.no_keychain.setWordWrap(True)
        has_keychain = keychain.available()
        self.remember.setVisible(has_keychain)
        self.no_keychain.setVisible(not has_keychain)
        self.error = QLabel(message)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Melding"))
        self.error.setVisible(bool(message))
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Kryptering:"), self.encryption)
        form.addRow(self.tr("&Innlogging:"), self.login)
        form.addRow(self.tr("&Passord:"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.no_keychain)
        buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("&Logg inn"))
        self.login_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Avbryt"))
        self.cancel_button.setAutoDefault(False)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        (self.password if self.login.text() else self.login).setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.login, self.password, self.remember, self.login_button):
            widget.setEnabled(not busy)
        if not busy:
            # disabling the button passed "default" on to Avbryt: Enter must log in, not give up
            self.login_button.setDefault(True)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        """ "Logg inn": connect on a worker; the dialog closes only when the server said yes."""
        login = self.login.text().strip()
        if not login:
            self._say(self.tr("Skriv inn innloggingen din."))
            self.login.setFocus()
            return
        url = with_login(self.url, login)
        password = self.password.text() or None
        remember = self.remember.isVisible() and self.remember.isChecked() and password is not None
        connect = self.connect_fn
        self._busy(True)
        self._say(self.tr("Kobler til…"))

        def job(progress: Progress, cancel: CancelToken) -> LoggedIn:
            result = connect(url, password)
            warning: LocalizedError | None = None
            if remember and password is not None:
                try:
                    keychain.store_password(url, login, password)
                except LocalizedError as exc:
                    warning = exc
            return LoggedIn(url, login, result, warning)

        self.tasks.run_detached(job, on_done=self._done, on_error=self._failed, parent=self)

    def _done(self, outcome: LoggedIn) -> None:
        self.outcome = outcome
        self._say("")
        super().accept()
        self.logged_in.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, LocalizedError):
            self._say(error_message(exc))
        else:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self._say(self.tr("Kunne ikke koble til: {error}").format(error=first))
        self.password.selectAll()
        self.password.setFocus()
