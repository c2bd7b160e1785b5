"""The user guide: F1 on each screen opens the part about it (the employee card its own part), in
the UI language; every topic is there in bokmål and English, and its links lead to topics."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.support import Register, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.help import KEYS, TOPICS, HelpWindow
from ui.main_window import MainWindow


def back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The user goes back to the main window (the guide had the focus)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def help_windows() -> list[HelpWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()]


def test_f1_on_each_screen_opens_its_part_of_the_guide(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    titles = {"nb": "Slik regnes avviket", "en": "How the gap is computed"}
    for spec in window.specs:
        page = window.page(spec.key)
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            window.show_page(spec.key)
        back_to(window, qtbot)
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
        (guide,) = help_windows()
        assert guide.current_topic == spec.key
        assert guide.page.toPlainText().startswith(
            TOPICS[[t.key for t in TOPICS].index(spec.key)].title(lang)
        )
        if isinstance(page, EmployeesPage):  # the card has a part of its own
            with qtbot.waitSignal(page.card.loaded, timeout=10_000):
                page.open_employee(register.people["aase"])
            back_to(window, qtbot)
            QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
            assert help_windows()[0].current_topic == "card"
            page.show_list()
    # the table of contents and the links lead on: the gap, in the language of the UI
    guide = help_windows()[0]
    guide.show_topic("units")
    link = guide.page.document().find(titles[lang])  # "Hvordan tallene regnes: [Slik regnes avviket](gap)"
    assert not link.isNull()
    link.setPosition(link.selectionStart() + 3)
    where = guide.page.cursorRect(link).center()
    QTest.mouseClick(guide.page.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert guide.current_topic == "gap"
    assert guide.page.toPlainText().startswith(titles[lang])
    wait_idle(qtbot, ctx)


def test_every_topic_is_there_in_both_languages_and_its_links_lead_somewhere() -> None:
    for topic in TOPICS:
        for lang in ("nb", "en"):
            text = topic.text(lang)
            assert text.startswith("# "), (topic.key, lang)
            for target in re.findall(r"\]\(([^)]+)\)", text):
                assert target in KEYS, f"{topic.key}.{lang}.md links to {target!r}"
