"""Innstillinger: role, language, register settings, backups and the database choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from competence.backups import list_backups
from competence.changes import Changes
from competence.employees import create_employee, list_employees
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.engine import describe_url
from tests.ui.support import message_boxes, shown, wait_idle
from ui.context import AppContext
from ui.settings.page import SettingsPage


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> Iterator[SettingsPage]:
    yield shown(qtbot, SettingsPage(ctx), (900, 1200))
    wait_idle(qtbot, ctx)


def test_role_is_a_per_user_preference(page: SettingsPage, ctx: AppContext, qtbot: QtBot) -> None:
    with qtbot.waitSignal(ctx.preferences_changed):
        page.user.role.setCurrentIndex(page.user.role.findData("hr"))
    assert ctx.preferences.user_role == "hr"
    assert page.user.role.currentText() == "HR-rådgiver"


def test_language_applies_at_next_start(page: SettingsPage, ctx: AppContext) -> None:
    page.user.language.setCurrentIndex(page.user.language.findData("en"))
    assert ctx.preferences.language == "en"
    assert "neste gang" in page.user.language_note.text()


def test_register_settings_are_saved_in_the_database(
    page: SettingsPage, ctx: AppContext, qtbot: QtBot
) -> None:
    box = page.register
    box.municipality.clear()
    qtbot.keyClicks(box.municipality, "Fjordvik kommune")
    box.retention.setValue(24)
    box.retention_action.setCurrentIndex(box.retention_action.findData("erase"))
    box.expiry.setValue(60)
    box.keep.setValue(5)
    box.save_button.click()
    stored = get_settings(UnitOfWork(ctx.database))
    assert (stored.municipality, stored.retention_months, stored.retention_action) == (
        "Fjordvik kommune",
        24,
        "erase",
    )
    assert (stored.expiry_window_days, stored.backups_to_keep) == (60, 5)
    assert box.status.text() == "Lagret."


def test_empty_municipality_is_refused_with_a_message(page: SettingsPage, ctx: AppContext) -> None:
    page.register.municipality.clear()
    page.register.save_button.click()
    assert page.register.status.text() == "Kommunenavn må fylles ut."
    assert get_settings(UnitOfWork(ctx.database)).municipality == "Kommune"


def _png(tmp_path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("darkblue"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path = tmp_path / "logo.png"
    path.write_bytes(bytes(data.data()))
    return path


def test_logo_is_stored_and_can_be_removed(page: SettingsPage, ctx: AppContext, tmp_path: Path) -> None:
    logo = _png(tmp_path)
    assert page.register.load_logo(logo)
    page.register.save_button.click()
    assert get_settings(UnitOfWork(ctx.database)).logo_bytes == logo.read_bytes()
    page.register.remove_logo.click()
    page.register.save_button.click()
    assert get_settings(UnitOfWork(ctx.database)).logo_bytes is None


def test_a_file_that_is_not_an_image_is_refused(page: SettingsPage, tmp_path: Path) -> None:
    bogus = tmp_path / "logo.png"
    bogus.write_text("ikke et bilde")
    assert not page.register.load_logo(bogus)
    assert [b.text() for b in message_boxes()] == ["Filen er ikke et bilde i PNG- eller JPEG-format."]
    for box in message_boxes():
        box.close()


def test_backup_now_and_restore_the_selected_copy(
    page: SettingsPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    uow = UnitOfWork(ctx.database)
    create_employee(uow, 1, "Før", "Kopien")
    page.backups.backup_button.click()
    wait_idle(qtbot, ctx)
    backups = list_backups(page.backups.folder)
    assert len(backups) == 1
    assert page.backups.model.rowCount() == 1
    create_employee(uow, 2, "Etter", "Kopien")
    page.backups.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(ctx.changed, timeout=10_000, check_params_cb=lambda c: c == Changes.everything()):
        page.backups.restore_button.click()
    assert [e.first_name for e in list_employees(uow)] == ["Før"]
    assert page.backups.model.rowCount() == 2  # plus the safety copy taken before restoring


def test_restore_can_be_declined(
    page: SettingsPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.backups.backup_button.click()
    wait_idle(qtbot, ctx)
    create_employee(UnitOfWork(ctx.database), 2, "Etter", "Kopien")
    page.backups.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.backups.restore_button.click()
    wait_idle(qtbot, ctx)
    assert len(list_employees(UnitOfWork(ctx.database))) == 1


def test_database_test_and_choice_for_next_start(
    page: SettingsPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    box = page.database_box
    assert box.local.isChecked()
    other = tmp_path / "annen.db"
    box.path.setText(str(other))
    box.test_button.click()
    wait_idle(qtbot, ctx)
    assert box.result.text().startswith("Tilkoblingen virker")
    box.use_button.click()
    assert ctx.preferences.database_url == f"sqlite:///{other}"
    assert describe_url(ctx.preferences.database_url) in box.result.text()


def test_unreachable_server_is_reported(page: SettingsPage, ctx: AppContext, qtbot: QtBot) -> None:
    """A server asks for the login first; the reason it could not connect stays in the dialog."""
    box = page.database_box
    box.server.setChecked(True)
    box.url.setText("postgresql://ingen@127.0.0.1:1/finnes_ikke")
    box.test_button.click()
    dialog = box.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.login.text() == "ingen"
    QTest.keyClicks(dialog.password, "hemmelig")
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx, timeout=30_000)
    assert dialog.isVisible() and dialog.error.text().startswith("Kan ikke åpne databasen")
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ctx.preferences.database_url is None
