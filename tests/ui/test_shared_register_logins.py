"""Logging in to a shared register and managing its accounts, as a person: real PostgreSQL logins
that must give a password, typed with the keyboard into the real dialogs, real buttons clicked,
the real event loop running (``docs/security.md``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from competence.access import list_accounts
from competence.audit import list_events
from db import keychain
from db.server_url import login_of, with_login
from db.session import Database, open_database
from tests.reliability.pg_register import SharedRegister, shared_register
from tests.support.pg_logins import url_as
from tests.ui.support import shown, uow_of, wait_idle
from ui.app import Startup, parse_args
from ui.context import AppContext
from ui.login import LoginDialog
from ui.preferences import Preferences
from ui.settings.accounts_box import GrantDialog
from ui.settings.page import SettingsPage

PASSWORD = "riktig-passord-123"
pytestmark = pytest.mark.postgres


class MemoryKeyring(KeyringBackend):
    """A keychain for the tests: the app talks to it through the ``keyring`` package as to any."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def shared(pg_admin_url: str, pg_database: Database) -> Iterator[SharedRegister]:
    with shared_register(pg_admin_url, pg_database, password=PASSWORD) as register:
        yield register


def _startup(qapp: QApplication, prefs: Preferences) -> Startup:
    return Startup(qapp, parse_args(["main.py"]), prefs)


def _close(qtbot: QtBot, startup: Startup) -> None:
    qtbot.waitUntil(lambda: startup.tasks.running == 0, timeout=10_000)
    if startup.ctx is not None:
        wait_idle(qtbot, startup.ctx)
    if startup.window is not None:
        startup.window.close()
    if startup.ctx is not None:
        startup.ctx.database.dispose()


def _type_over(qtbot: QtBot, widget: object, text: str) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[call-overload]
    QTest.keyClick(widget, Qt.Key.Key_Delete)  # type: ignore[call-overload]
    QTest.keyClicks(widget, text)  # type: ignore[call-overload]


def test_a_leader_logs_in_at_start_and_sees_what_the_login_reaches(
    shared: SharedRegister,
    qapp: QApplication,
    prefs: Preferences,
    qtbot: QtBot,
    memory_keyring: MemoryKeyring,
) -> None:
    server = with_login(shared.database.url, "")
    prefs.database_url = server
    startup = _startup(qapp, prefs)
    try:
        startup.start(prefs.database_url)
        qtbot.waitUntil(lambda: startup.login_dialog is not None and startup.login_dialog.isVisible())
        dialog = startup.login_dialog
        assert isinstance(dialog, LoginDialog)
        assert dialog.remember.isVisible() and not dialog.no_keychain.isVisible()
        QTest.keyClicks(dialog.login, shared.leader)
        QTest.keyClicks(dialog.password, "feil")
        QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "godtok ikke innloggingen" in dialog.error.text(), timeout=10_000)
        assert dialog.isVisible() and startup.window is None
        _type_over(qtbot, dialog.password, PASSWORD)
        QTest.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
        assert dialog.remember.isChecked()
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in, also after a refusal
        qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=20_000)
        window = startup.window
        assert window is not None
        expected = f"{shared.leader} – Leder for 100 Helse: 4 personer"
        qtbot.waitUntil(lambda: window.role_label.text() == expected, timeout=10_000)
        assert startup.ctx is not None and uow_of(startup.ctx).actor == shared.leader  # not the PC's user
        # the password went to the keychain, never into the preferences
        stored = keychain.stored_password(with_login(server, shared.leader), shared.leader)
        assert stored == PASSWORD
        assert prefs.database_url is not None and login_of(prefs.database_url) == shared.leader
        prefs.sync()
        assert PASSWORD not in Path(prefs.settings.fileName()).read_text(encoding="utf-8")
    finally:
        _close(qtbot, startup)

    again = _startup(qapp, prefs)  # the next start logs in with the kept password, no questions
    try:
        again.start(prefs.database_url)
        qtbot.waitUntil(lambda: again.window is not None and again.window.isVisible(), timeout=20_000)
        assert again.login_dialog is None
    finally:
        _close(qtbot, again)


def test_a_machine_without_a_keychain_is_not_offered_to_remember(
    shared: SharedRegister, qapp: QApplication, prefs: Preferences, qtbot: QtBot
) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    startup = _startup(qapp, prefs)
    try:
        startup.start(url_as(shared.database.url, shared.hr))
        qtbot.waitUntil(lambda: startup.login_dialog is not None and startup.login_dialog.isVisible())
        dialog = startup.login_dialog
        assert isinstance(dialog, LoginDialog)
        assert not dialog.remember.isVisible() and dialog.no_keychain.isVisible()
        assert "ingen nøkkelring" in dialog.no_keychain.text()
        assert dialog.login.text() == shared.hr and dialog.focusWidget() is dialog.password
        QTest.keyClicks(dialog.password, PASSWORD)
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: startup.window is not None, timeout=20_000)
        window = startup.window
        assert window is not None
        qtbot.waitUntil(
            lambda: window.role_label.text() == f"{shared.hr} – HR: hele kommunen", timeout=10_000
        )
    finally:
        keyring.set_keyring(previous)
        _close(qtbot, startup)


def test_an_unregistered_login_is_told_whom_to_ask(
    shared: SharedRegister, qapp: QApplication, prefs: Preferences, qtbot: QtBot
) -> None:
    startup = _startup(qapp, prefs)
    try:
        startup.start(url_as(shared.database.url, shared.unregistered))
        qtbot.waitUntil(lambda: startup.login_dialog is not None and startup.login_dialog.isVisible())
        dialog = startup.login_dialog
        assert isinstance(dialog, LoginDialog)
        QTest.keyClicks(dialog.password, PASSWORD)
        QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "har ikke tilgang" in dialog.error.text(), timeout=10_000)
        assert (
            f"«{shared.unregistered}»" in dialog.error.text()
            and "Be HR gi deg tilgang" in dialog.error.text()
        )
        with qtbot.waitSignal(startup.failed):
            QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        _close(qtbot, startup)


@pytest.fixture
def hr_ctx(shared: SharedRegister, prefs: Preferences, qtbot: QtBot) -> Iterator[AppContext]:
    database = open_database(url_as(shared.database.url, shared.hr), password=PASSWORD)
    ctx = AppContext(database, prefs)
    yield ctx
    ctx.tasks.shutdown()
    database.dispose()


def _grant_dialog() -> GrantDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, GrantDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_hr_gives_a_leader_access_and_takes_it_back_in_innstillinger(
    shared: SharedRegister, hr_ctx: AppContext, qtbot: QtBot
) -> None:
    newcomer = shared.logins.make("kr_new", password=PASSWORD)
    page = shown(qtbot, SettingsPage(hr_ctx), size=(1024, 768))
    box = page.accounts
    assert box is not None
    wait_idle(qtbot, hr_ctx)
    assert {a.login for a in box.model.rows} == {shared.hr, shared.leader}
    assert box.grant_button.isEnabled() and "Du er logget inn som" in box.me_label.text()

    QTest.mouseClick(box.grant_button, Qt.MouseButton.LeftButton)
    dialog = _grant_dialog()
    assert newcomer in [dialog.login.itemText(i) for i in range(dialog.login.count())]
    assert shared.hr not in [dialog.login.itemText(i) for i in range(dialog.login.count())]
    QTest.keyClicks(dialog.login.lineEdit(), newcomer)
    assert dialog.as_leader.isChecked()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no person chosen yet
    assert "Velg personen" in dialog.error.text() or "Velg en person" in dialog.error.text()
    dialog.person.setFocus()
    QTest.keyClicks(dialog.person.lineEdit(), "Sven")
    popup = dialog.person.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, hr_ctx)
    accounts = {a.login: a for a in list_accounts(shared.owner)}
    assert (accounts[newcomer].kind, accounts[newcomer].employee_no) == ("leader", "4")
    granted = [e for e in list_events(shared.owner, action="access") if e.details.get("login") == newcomer]
    assert [e.actor for e in granted] == [shared.hr]  # audited, in the HR login's name
    # the new login reaches Sven's people, at once, with plain SQL
    with shared.logins.connect(newcomer, password=PASSWORD) as conn:
        assert {r[0] for r in conn.execute("SELECT first_name FROM employee")} == {"Sven", "Siri", "Tor"}

    row = next(i for i, a in enumerate(box.model.rows) if a.login == newcomer)
    box.table.selectRow(row)
    assert box.revoke_button.isEnabled()

    def confirm() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and newcomer in boxes[0].text()
        QTest.mouseClick(boxes[0].button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, confirm)  # the question is modal: answer it from the event loop
    QTest.mouseClick(box.revoke_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, hr_ctx)
    qtbot.waitUntil(lambda: newcomer not in {a.login for a in box.model.rows}, timeout=10_000)
    with (
        shared.logins.connect(newcomer, password=PASSWORD) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("SELECT first_name FROM employee")


def test_a_leader_sees_their_own_access_and_cannot_change_any(
    shared: SharedRegister, prefs: Preferences, qtbot: QtBot
) -> None:
    database = open_database(url_as(shared.database.url, shared.leader), password=PASSWORD)
    ctx = AppContext(database, prefs)
    try:
        page = shown(qtbot, SettingsPage(ctx), size=(1024, 768))
        box = page.accounts
        assert box is not None
        wait_idle(qtbot, ctx)
        assert [a.login for a in box.model.rows] == [shared.leader]
        assert not box.grant_button.isEnabled() and not box.revoke_button.isEnabled()
        assert "Bare HR kan endre tilganger" in box.me_label.text()
        assert "Leder for 100 Helse: 4 personer" in box.me_label.text()
    finally:
        ctx.tasks.shutdown()
        database.dispose()
