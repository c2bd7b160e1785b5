"""Bokmål by default, English from the compiled translation; Norwegian dates and decimal commas."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from competence.identifiers import collation_key
from ui.i18n import fmt_date, fmt_int, fmt_number, fmt_percent, install_language, qm_path
from ui.preferences import Preferences, role_label

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_translations.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_an_english_translation(capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().check() == 0, capsys.readouterr().out


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    script = _script()
    rebuilt = tmp_path / "en.qm"
    script.lrelease(script.TS, rebuilt)
    assert rebuilt.read_bytes() == qm_path("en").read_bytes(), "run scripts/build_translations.py"


def test_english_is_loaded_from_the_qm(qapp: QApplication) -> None:
    translator = install_language(qapp, "en")
    try:
        assert translator is not None
        assert role_label("hr") == "HR adviser"
        assert fmt_date(dt.date(2025, 3, 7)) == "07/03/2025"
        assert fmt_number(62.5) == "62.5"
    finally:
        install_language(qapp, "nb")  # replaces the English translator
    assert role_label("hr") == "HR-rådgiver"


def test_norwegian_formats() -> None:
    assert fmt_date(dt.date(2025, 3, 7)) == "07.03.2025"
    assert fmt_date(None) == ""
    assert fmt_number(62.5) == "62,5"
    assert fmt_number(100.0) == "100"
    assert fmt_percent(62.5) == "62,5\u00a0%"
    assert fmt_percent(51, 0) == "51\u00a0%"
    assert fmt_int(50000).replace("\u00a0", " ") == "50 000"


def test_norwegian_alphabetical_order() -> None:
    names = ["Åsheim", "Ødegård", "Zahl", "Ærø", "aas", "Berg"]
    assert sorted(names, key=collation_key) == ["aas", "Berg", "Zahl", "Ærø", "Ødegård", "Åsheim"]


def test_widget_text_in_english(qapp: QApplication, qtbot: QtBot) -> None:
    from ui.first_start import FirstStartDialog

    install_language(qapp, "en")
    try:
        dialog = FirstStartDialog(can_import=False)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Welcome to Kompetanseregister"
        assert dialog.empty_button.text() == "&Start with an empty register"
    finally:
        install_language(qapp, "nb")


def _read_modal_then(act: Callable[[QWidget], None]) -> QTimer:
    """A timer that, once a modal dialog is up, hands it to ``act`` (inside its event loop)."""
    timer = QTimer()
    timer.setInterval(30)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            timer.stop()
            act(dialog)

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_qt_file_dialog_and_standard_buttons_speak_bokmal(qapp: QApplication, prefs: Preferences) -> None:
    """Qt ships no bokmål for its own widgets; the app brings it (resources/translations/qtbase_nb)."""
    from ui.reports.files import ask_save_path

    seen: dict[str, list[str]] = {}

    def read_and_cancel(dialog: QWidget) -> None:
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["buttons"] = [button.text() for button in dialog.findChildren(QPushButton)]
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    timer = _read_modal_then(read_and_cancel)
    assert ask_save_path(None, prefs, "Lagre rapporten", "rapport.xlsx", "Excel (*.xlsx)") is None
    timer.stop()
    assert "Fil&navn:" in seen["labels"] and "Fil&type:" in seen["labels"]
    assert "&Lagre" in seen["buttons"] and "Avbryt" in seen["buttons"]

    def answer_no(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["question"] = sorted(b.text() for b in dialog.buttons())
        QTest.mouseClick(dialog.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)

    timer = _read_modal_then(answer_no)
    assert QMessageBox.question(None, "Slette?", "Slette samtalen?") == QMessageBox.StandardButton.No
    timer.stop()
    assert seen["question"] == ["&Ja", "&Nei"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Avbryt", "OK"]


def test_english_gets_qts_own_english(qapp: QApplication) -> None:
    install_language(qapp, "en")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
        assert sorted(b.text() for b in box.buttons()) == ["Cancel", "Save"]
    finally:
        install_language(qapp, "nb")


def test_qt_translations_are_looked_for_where_qt_says_then_in_the_apps_resources(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A packaged app reports its own translations folder; when it holds no bokmål, the app's
    copy is used; when neither is there, Qt's English buttons and no failure."""
    from PySide6.QtCore import QLibraryInfo

    from ui import i18n

    reported = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert i18n.qt_translation_dirs()[0] == Path(reported)
    assert i18n.qt_translation_dirs()[-1] == i18n.TRANSLATIONS_DIR
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path / "not-there"))
    install_language(qapp, "nb")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Avbryt"
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    install_language(qapp, "nb")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"


def test_the_committed_qtbase_qm_is_built_from_its_ts(tmp_path: Path) -> None:
    script = _script()
    rebuilt = tmp_path / "qtbase_nb.qm"
    script.lrelease(script.QT_TS, rebuilt)
    assert rebuilt.read_bytes() == script.QT_QM.read_bytes(), "run scripts/build_translations.py"


def test_context_menu_of_a_text_field_in_bokmal(qapp: QApplication, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit("tekst")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    labels = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert {"&Angre", "Klipp &ut", "&Kopier", "&Lim inn", "Merk alt"} <= set(labels)


def test_qt_translations_are_found(qapp: QApplication) -> None:
    from ui.i18n import TRANSLATIONS_DIR, qt_qm_path

    assert qt_qm_path("nb") == TRANSLATIONS_DIR / "qtbase_nb.qm"
    english = qt_qm_path("en")
    assert english is not None and english.name == "qtbase_en.qm" and english.is_file()
