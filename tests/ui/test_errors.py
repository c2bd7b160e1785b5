"""User errors get a plain message in the UI language; bugs get a logged, copyable report."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.errors import DatabaseTooNewError, DiskFullError
from tests.ui.support import message_boxes, visible
from ui.errors import BugDialog, attempt, install_excepthook, show_error
from ui.i18n import install_language


def _close_all() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


def test_localized_error_shows_its_norwegian_message(qtbot: QtBot) -> None:
    show_error(None, DiskFullError())
    (box,) = message_boxes()
    assert box.text() == "Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen."
    _close_all()


def test_localized_error_in_english_when_the_ui_is_english(qtbot: QtBot, qapp: QApplication) -> None:
    install_language(qapp, "en")
    try:
        show_error(None, DatabaseTooNewError("0099"))
        (box,) = message_boxes()
        assert box.text().startswith("The database was created by a newer version")
    finally:
        install_language(qapp, "nb")
        _close_all()


def test_a_bug_is_logged_and_shown_with_a_copyable_report(qtbot: QtBot, tmp_path: Path) -> None:
    def broken() -> None:
        raise RuntimeError("noe gikk galt i koden")

    assert attempt(None, broken) is False
    (dialog,) = visible(BugDialog)
    assert isinstance(dialog, BugDialog)
    assert "RuntimeError: noe gikk galt i koden" in dialog.report
    assert "Traceback" in dialog.report
    assert dialog.text.isReadOnly()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.report
    log_file = next((Path(os.environ["KOMPETANSE_DATA_DIR"]) / "logs").glob("*.log"))
    assert "noe gikk galt i koden" in log_file.read_text(encoding="utf-8")
    _close_all()


def test_attempt_returns_true_and_shows_nothing_on_success(qtbot: QtBot) -> None:
    calls: list[int] = []
    assert attempt(None, lambda: calls.append(1)) is True
    assert calls == [1]
    assert not message_boxes()


def test_excepthook_routes_uncaught_exceptions_to_a_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook()
    try:
        raise ValueError("ubehandlet")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # what Python does for an exception nobody caught
    (dialog,) = visible(BugDialog)
    assert "ValueError: ubehandlet" in dialog.report  # type: ignore[attr-defined]
    _close_all()
    sys.excepthook(DiskFullError, DiskFullError(), None)
    assert [b.text() for b in message_boxes()] == [DiskFullError().message_nb]
    _close_all()
