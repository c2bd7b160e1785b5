"""Retention in the desktop app: the notice at start, the list of people due, the run on
confirmation, and the same from Innstillinger; plus the network-drive warning at start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from competence.employees import find_employee, list_employees
from competence.errors import NotFoundError
from competence.uow import UnitOfWork
from db import location
from db.session import open_database
from tests.ui.support import build_register, shown, uow_of, visible, wait_idle
from ui.app import Startup
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.privacy.notices import NETWORK_NOTICE, RETENTION_NOTICE, NoticeBar, RetentionNotice
from ui.privacy.retention import RetentionDialog
from ui.settings.page import SettingsPage

TODAY = "2025-03-01"  # Lise Aas left 31.01.2024: more than 12 months ago


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY)


@pytest.fixture
def register_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    database = open_database(url)
    build_register(UnitOfWork(database, actor="hr"))
    database.dispose()
    return url


def started(startup: Startup, url: str, qtbot: QtBot) -> MainWindow:
    startup.start(url)
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=10_000)
    ctx = startup.ctx
    assert startup.window is not None and ctx is not None
    wait_idle(qtbot, ctx)
    return startup.window


def bar(window: MainWindow, name: str) -> NoticeBar | None:
    found = window.findChild(NoticeBar, name)
    return found if found is not None and found.isVisible() else None


def anonymised(ctx: AppContext) -> list[str]:
    return [
        r.last_name
        for r in list_employees(uow_of(ctx), include_left=True)
        if r.employee_no.startswith("anon-")
    ]


def test_start_shows_who_is_due_and_the_run_anonymises_them(
    startup: Startup, register_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = started(startup, register_url, qtbot)
    notice = bar(window, RETENTION_NOTICE)
    assert isinstance(notice, RetentionNotice)
    assert notice.label.text() == "1 person som sluttet for mer enn 12 måneder siden skal anonymiseres"
    assert bar(window, NETWORK_NOTICE) is None  # a local file

    notice.show_button.click()
    dialogs = visible(RetentionDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert isinstance(dialog, RetentionDialog)
    qtbot.waitUntil(lambda: dialog.due is not None, timeout=10_000)
    rows = [(p.employee_no, p.name, p.left_on.isoformat()) for p in dialog.model.rows]
    assert rows == [("1005", "Lise Aas", "2024-01-31")]
    assert dialog.apply_button.text() == "Anonymiser 1 person &nå"
    assert "tilfeldig kode" in dialog.explanation.text()

    asked: list[str] = []

    def yes(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    ctx = startup.ctx
    assert ctx is not None
    with qtbot.waitSignal(dialog.applied, timeout=10_000):
        dialog.apply_button.click()
    assert "kan ikke angres" in asked[0]
    qtbot.waitUntil(lambda: bar(window, RETENTION_NOTICE) is None, timeout=10_000)  # nobody due now
    with pytest.raises(NotFoundError):
        find_employee(uow_of(ctx), "1005")
    assert anonymised(ctx) == ["Anonymisert"]
    assert "1 person er anonymisert." in window.statusBar().currentMessage()


def test_no_notice_when_nobody_is_due(
    startup: Startup, register_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2024-12-01")  # Lise left ten months ago
    window = started(startup, register_url, qtbot)
    assert bar(window, RETENTION_NOTICE) is None


def test_a_register_on_a_network_drive_gets_a_warning_at_start(
    startup: Startup, register_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//filserver/hr {tmp_path} cifs rw,relatime 0 0\n", encoding="utf-8")
    monkeypatch.setattr(location, "PROC_MOUNTS", mounts)
    window = started(startup, register_url, qtbot)
    notice = bar(window, NETWORK_NOTICE)
    assert notice is not None
    assert notice.label.text().startswith("Advarsel: Databasen ligger på en nettverksstasjon")
    assert "PostgreSQL-server" in notice.label.text()
    notice.close_button.click()
    assert bar(window, NETWORK_NOTICE) is None


@pytest.fixture
def settings_page(ctx: AppContext, register: object, qtbot: QtBot) -> Iterator[SettingsPage]:
    page = shown(qtbot, SettingsPage(ctx), (900, 1400))
    wait_idle(qtbot, ctx)
    yield page
    wait_idle(qtbot, ctx)


def test_innstillinger_shows_the_retention_rule_and_erases_when_so_set(
    settings_page: SettingsPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = settings_page.privacy
    assert box.retention_status.text() == (
        "1 person som sluttet for mer enn 12 måneder siden skal anonymiseres (sluttet 01.03.2024 eller før)."
    )
    assert box.retention_button.isEnabled()

    register = settings_page.register
    register.retention.setValue(24)
    register.save_button.click()
    wait_idle(qtbot, ctx)
    assert box.retention_status.text() == "Ingen har passert oppbevaringstiden (24 måneder etter sluttdato)."
    assert not box.retention_button.isEnabled()

    register.retention.setValue(12)
    register.retention_action.setCurrentIndex(register.retention_action.findData("erase"))
    register.save_button.click()
    wait_idle(qtbot, ctx)
    assert box.retention_status.text().startswith(
        "1 person som sluttet for mer enn 12 måneder siden skal slettes"
    )

    box.retention_button.click()
    dialog = next(d for d in visible(RetentionDialog) if isinstance(d, RetentionDialog))
    qtbot.waitUntil(lambda: dialog.due is not None, timeout=10_000)
    assert dialog.apply_button.text() == "Slett 1 person &nå"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.applied, timeout=10_000):
        dialog.apply_button.click()
    wait_idle(qtbot, ctx)
    assert len(list_employees(uow_of(ctx), include_left=True)) == 4
    assert anonymised(ctx) == []  # erased, not anonymised
    assert box.retention_status.text().startswith("Ingen har passert oppbevaringstiden")


def test_declining_the_confirmation_changes_nothing(
    settings_page: SettingsPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_page.privacy.retention_button.click()
    dialog = next(d for d in visible(RetentionDialog) if isinstance(d, RetentionDialog))
    qtbot.waitUntil(lambda: dialog.due is not None, timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.apply_button.click()
    wait_idle(qtbot, ctx)
    assert find_employee(uow_of(ctx), "1005").last_name == "Aas"
    assert dialog.isVisible()
    dialog.reject()
