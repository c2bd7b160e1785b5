"""The app in English, as a person uses it: every page, the employee card's tabs, the heatmap's
drill-down, the menus, and every dialog a button of those screens opens, on a demo municipality
(its frameworks have English names). A visible text holding a bokmål word of the app's own texts
or of a framework name that has an English one fails the test (tests/ui/english.py).

Buttons are pressed for real (``click``): each dialog or menu they open is read and closed by a
timer running inside its event loop, so nothing is saved or deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from competence.demo import generate_demo
from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.ui.english import NorwegianWords, visible_texts
from tests.ui.support import wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.units.page import UnitsPage

TODAY = dt.date(2026, 3, 1)
#: buttons not pressed: they only move between screens, or quit
NOT_PRESSED = ("&Quit", "Quit")


class DialogReader:
    """While active: every modal dialog or popup menu that opens is read, then closed."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []
        self.opened: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._close_what_opened)

    def __enter__(self) -> DialogReader:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()

    def _close_what_opened(self) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            self.opened.append(f"menu {popup.title()}")
            self.texts += [(f"menu {popup.title()}", a.text()) for a in popup.actions() if a.text()]
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        name = type(modal).__name__
        self.opened.append(name)
        self.texts += [(f"{name} › {where}", text) for where, text in visible_texts(modal)]
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()


def _menu_texts(actions: list[QAction], where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.text():
            yield where, action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield where, action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_texts(menu.actions(), f"{where} › {menu.title()}")


def _press_every_button(screen: QWidget, qtbot: QtBot, reader: DialogReader, ctx: AppContext) -> None:
    buttons = [
        b
        for b in screen.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and b.text() and b.text() not in NOT_PRESSED
    ]
    for button in buttons:
        if not button.isVisible() or not button.isEnabled():
            continue
        button.click()
        wait_idle(qtbot, ctx, timeout=20_000)
        qtbot.wait(120)  # the reader closes a dialog that opened when the work was done


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    database = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    generate_demo(database, employees=40)
    yield database
    database.dispose()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "nb")


def test_no_norwegian_in_the_english_app(
    demo: Database, prefs: Preferences, english: None, qtbot: QtBot
) -> None:
    prefs.language = "en"
    ctx = AppContext(demo, prefs, actor="testleder")
    norwegian = NorwegianWords.of(UnitOfWork(demo))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    texts: list[tuple[str, str]] = list(_menu_texts(window.menuBar().actions(), "menu"))
    with DialogReader() as reader:
        for spec in window.specs:
            window.show_page(spec.key)
            wait_idle(qtbot, ctx, timeout=20_000)
            page = window.page(spec.key)
            texts += [(f"{spec.key} › {w}", t) for w, t in visible_texts(window)]
            if isinstance(page, EmployeesPage):
                with qtbot.waitSignal(page.card.loaded, timeout=20_000):
                    page.open_employee(_someone_with_everything(demo))
                wait_idle(qtbot, ctx)
                card = page.card
                for tab in range(card.tabs.count()):
                    card.tabs.setCurrentIndex(tab)
                    current = card.tabs.currentWidget()
                    view = getattr(current, "view", None)
                    if view is not None and view.model() is not None and view.model().rowCount():
                        view.selectRow(0)
                    wait_idle(qtbot, ctx)
                    texts += [(f"card tab {tab} › {w}", t) for w, t in visible_texts(window)]
                    _press_every_button(current, qtbot, reader, ctx)
                _press_every_button(card, qtbot, reader, ctx)
            elif isinstance(page, UnitsPage):
                index = page.model.index(0, 0)
                page.heatmap.setCurrentIndex(index)
                page.load_cell()
                wait_idle(qtbot, ctx)
                for tab in range(page.tabs.count()):
                    page.tabs.setCurrentIndex(tab)
                    texts += [(f"units tab {tab} › {w}", t) for w, t in visible_texts(window)]
                _press_every_button(page, qtbot, reader, ctx)
            else:
                _press_every_button(page, qtbot, reader, ctx)
    wait_idle(qtbot, ctx)
    texts += reader.texts
    assert len(reader.opened) >= 10, reader.opened  # the walk did open the dialogs
    found = norwegian.found_in(texts)
    assert not found, "Norwegian in the English app:\n" + "\n".join(sorted(set(found)))
    ctx.tasks.shutdown()


def _someone_with_everything(database: Database) -> int:
    """A person with goals, certificates and appraisals, so every tab has rows."""
    from sqlalchemy import func, select

    from db.models import Appraisal, Certificate, LearningGoal

    uow = UnitOfWork(database)
    with uow:
        s = uow.session
        appraised = select(Appraisal.employee_id)
        with_goals = select(LearningGoal.employee_id)
        certified = select(Certificate.employee_id)
        return int(
            s.scalar(
                select(func.min(Appraisal.employee_id)).where(
                    Appraisal.employee_id.in_(with_goals), Appraisal.employee_id.in_(certified)
                )
            )
            or s.scalar(select(func.min(appraised.subquery().c.employee_id)))
        )
