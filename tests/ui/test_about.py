"""Hjelp → Om: version, register in use, data folder, the versions that wrote the register, licences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from competence import __version__
from competence.program_versions import record_program_version
from db.engine import data_dir
from tests.ui.support import Register, uow_of, wait_idle
from ui.about import AboutDialog
from ui.context import AppContext
from ui.i18n import install_language
from ui.main_window import MainWindow


@pytest.fixture
def window(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[MainWindow]:
    record_program_version(uow_of(ctx), "0.1.0")
    record_program_version(uow_of(ctx))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    yield win
    wait_idle(qtbot, ctx)


def open_about_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> AboutDialog:
    """Alt+H opens Hjelp, O chooses «Om Kompetanseregister», as a keyboard user does."""
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "about_dialog", None), AboutDialog), timeout=5000)
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def shown_value(dialog: AboutDialog, label: str) -> str:
    found = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == label]
    assert len(found) == 1, label
    return found[0].text()


def test_about_shows_version_register_folder_and_writers(
    window: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = open_about_with_the_keyboard(window, qtbot)
    assert dialog.windowTitle() == "Om Kompetanseregister"
    assert shown_value(dialog, "Versjon") == __version__
    assert shown_value(dialog, "Register i bruk (fil)") == ctx.database.location
    assert shown_value(dialog, "Datamappe") == str(data_dir())
    qtbot.waitUntil(lambda: dialog.versions_label.text() != "Henter…", timeout=10_000)
    lines = dialog.versions_label.text().splitlines()
    assert lines[0].startswith(f"versjon {__version__}, sist åpnet ")
    assert lines[1].startswith("før det: versjon 0.1.0, ")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Kompetanseregister {__version__}\n") and ctx.database.location in copied
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_licences_of_fonts_qt_and_libraries(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_about_with_the_keyboard(window, qtbot)
    table = dialog.licence_table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    for expected in (
        "Kompetanseregister",
        "Python",
        "Qt",
        "DejaVu Sans",
        "SQLAlchemy",
        "reportlab",
        "openpyxl",
    ):
        assert expected in names
    assert table.item(names.index("Qt"), 2).text() == "LGPL-3.0-only"
    table.setFocus()
    table.setCurrentCell(names.index("Qt"), 0)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    table.setCurrentCell(names.index("DejaVu Sans"), 0)
    assert "Bitstream" in dialog.licence_text.toPlainText()
    table.setCurrentCell(names.index("SQLAlchemy"), 0)
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()
    dialog.close()


def test_about_in_english(window: MainWindow, qapp: QApplication, ctx: AppContext, qtbot: QtBot) -> None:
    install_language(qapp, "en")
    try:
        dialog = AboutDialog(ctx, window)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "About Kompetanseregister"
        assert shown_value(dialog, "Data folder") == str(data_dir())
        qtbot.waitUntil(lambda: dialog.versions_label.text().startswith("version "), timeout=10_000)
    finally:
        install_language(qapp, "nb")
