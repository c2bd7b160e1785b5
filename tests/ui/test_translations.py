"""Bokmål by default, English from the compiled translation; Norwegian dates and decimal commas."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from competence.identifiers import collation_key
from ui.i18n import fmt_date, fmt_int, fmt_number, fmt_percent, install_language, qm_path
from ui.preferences import role_label

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


def test_the_committed_qt_bokmal_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    script = _script()
    rebuilt = tmp_path / "qtbase_nb.qm"
    script.lrelease(script.QT_TS, rebuilt)
    assert rebuilt.read_bytes() == script.QT_QM.read_bytes(), "run scripts/build_translations.py"


def _question_buttons(qapp: QApplication) -> list[str]:
    """The buttons of a real question box, read while it is open, then answered with Escape."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []

    def read_and_close() -> None:
        box = next(w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        texts.extend(b.text() for b in box.buttons())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    QMessageBox.question(None, "Spørsmål", "Slette?")
    return sorted(texts)


def test_qts_own_buttons_follow_the_language(qapp: QApplication) -> None:
    """Standard buttons are Qt's words: bokmål from the app's qtbase_nb, English from Qt's."""
    assert _question_buttons(qapp) == ["&Ja", "&Nei"]
    install_language(qapp, "en")
    try:
        assert _question_buttons(qapp) == ["&No", "&Yes"]
    finally:
        install_language(qapp, "nb")
    assert _question_buttons(qapp) == ["&Ja", "&Nei"]


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
