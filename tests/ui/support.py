"""What the UI tests share: a small register built through the services, and helpers to wait for
background work, show a screen, find open dialogs and fields, and act inside a modal dialog while
its own event loop runs (as a user does: typing and clicking, not calling ``accept()``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from competence.assessments import NewAssessment, record_assessment
from competence.employees import PositionInput, add_position, create_employee, mark_left
from competence.roles import create_role, set_requirement
from competence.units import create_unit
from competence.uow import UnitOfWork
from tests.support.factories import MiniFramework, make_mini_framework
from ui.card.card import SHOWN as CARD_SHOWS
from ui.context import AppContext
from ui.pages.base import Page

if TYPE_CHECKING:
    from ui.card.card import EmployeeCard

PageT = TypeVar("PageT", bound=Page)


@dataclass
class Register:
    fw: MiniFramework
    units: dict[str, int]
    roles: dict[str, int]
    people: dict[str, int]


def build_register(uow: UnitOfWork) -> Register:
    """Two units under a sector, two roles, five people (one has left), a few assessments."""
    fw = make_mini_framework(uow)
    sector = create_unit(uow, "100", "Helse og omsorg").id
    home = create_unit(uow, "110", "Hjemmetjenesten", parent_id=sector).id
    school = create_unit(uow, "200", "Fjordvik skole").id
    nurse = create_role(uow, "Sykepleier").id
    teacher = create_role(uow, "Lærer").id
    set_requirement(uow, nurse, fw.competence_ids["dig-1"], 3)
    set_requirement(uow, nurse, fw.competence_ids["dig-2"], 5)
    set_requirement(uow, teacher, fw.competence_ids["dig-1"], 2)
    specs = [
        ("aase", 1001, "Åse", "Ødegård", home, nurse, 80.0),
        ("bjorn", 1002, "Bjørn", "Sæther", home, nurse, 100.0),
        ("kari", 1003, "Kari", "Andersen", school, teacher, 100.0),
        ("zed", 1004, "Zacharias", "Berg", school, teacher, 50.0),
        ("left", 1005, "Lise", "Aas", home, nurse, 100.0),
    ]
    people: dict[str, int] = {}
    for key, number, first, last, unit, role, fte in specs:
        emp = create_employee(uow, number, first, last, email=f"{key}@fjordvik.kommune.no")
        add_position(
            uow, emp.id, PositionInput(unit_id=unit, title=f"Stilling {key}", role_id=role, fte_percent=fte)
        )
        people[key] = emp.id
    mark_left(uow, people["left"], dt.date(2024, 1, 31), expected_version=None)
    dig2 = fw.competence_ids["dig-2"]
    record_assessment(uow, NewAssessment(people["aase"], dig2, 6, assessed_on=dt.date(2024, 3, 1)))
    record_assessment(uow, NewAssessment(people["bjorn"], dig2, 4, assessed_on=dt.date(2024, 3, 1)))
    record_assessment(uow, NewAssessment(people["kari"], dig2, 7, assessed_on=dt.date(2024, 3, 1)))
    return Register(
        fw, {"sector": sector, "home": home, "school": school}, {"nurse": nurse, "teacher": teacher}, people
    )


def wait_idle(qtbot: QtBot, ctx: AppContext, timeout: int = 10_000) -> None:
    """Wait until every background task has finished and its callbacks have run."""
    qtbot.waitUntil(lambda: ctx.tasks.running == 0, timeout=timeout)


def shown(qtbot: QtBot, page: PageT, size: tuple[int, int] = (1100, 700)) -> PageT:
    """Show a screen as the main window would, and wait until it has loaded its data."""
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.activate()
    return page


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[QDialog], None]) -> None:
    """Make ``cls.exec`` fill the dialog like a user and press Lagre."""

    def fake_exec(dialog: QDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)


DialogT = TypeVar("DialogT", bound=QWidget)


@dataclass
class Opened(Generic[DialogT]):
    """What :func:`when_open` saw: the dialog, and what went wrong inside it, if anything."""

    dialog: DialogT | None = None
    error: BaseException | None = None

    def __bool__(self) -> bool:
        return self.dialog is not None

    def get(self) -> DialogT:
        """The dialog; an assertion that failed inside it is raised here, in the test."""
        if self.error is not None:
            raise self.error
        assert self.dialog is not None, "the dialog never opened"
        return self.dialog


def close_modal_dialogs() -> None:
    """Close whatever modal dialogs are open (without asking), so their ``exec()`` returns."""
    for _ in range(10):
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if isinstance(widget, QDialog):
            QDialog.done(widget, 0)
        else:
            widget.close()


def when_open(
    kind: type[DialogT], act: Callable[[DialogT], None], timeout_ms: int = 10_000
) -> Opened[DialogT]:
    """Run ``act`` inside the next modal ``kind`` to open (call this before the click that opens it:
    ``exec()`` then blocks in the dialog's own event loop, where this timer fires). When ``act``
    fails, every modal dialog is closed so the test goes on and :meth:`Opened.get` raises."""
    opened: Opened[DialogT] = Opened()
    clock = QElapsedTimer()
    clock.start()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            opened.dialog = dialog
            try:
                act(dialog)
            except BaseException as exc:
                opened.error = exc
                close_modal_dialogs()
        elif clock.elapsed() < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return opened


_INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit)


def field_named(root: QWidget, name: str) -> QWidget:
    """The input under ``root`` a screen reader announces as ``name`` (as a user finds it by its label)."""
    found = [w for w in root.findChildren(QWidget) if isinstance(w, _INPUTS) and w.accessibleName() == name]
    assert found, f"no input named {name!r}"
    return found[0]


def retype(field: QWidget, text: str) -> None:
    """Click into the field, select everything (Ctrl+A) and type ``text``, key by key."""
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)


def click(button: QAbstractButton) -> None:
    """A real mouse click on a button (it must be visible and enabled, as for a user)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def button_named(root: QWidget, text: str) -> QAbstractButton:
    """The visible button under ``root`` whose text (without its &) is ``text``."""
    for button in root.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text and button.isVisible():
            return button
    raise AssertionError(f"no button {text!r}")


def click_tab(tabs: QTabWidget, page: QWidget) -> None:
    """Click the tab of ``page`` in ``tabs``."""
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def show_card(
    qtbot: QtBot, ctx: AppContext, employee_id: int, size: tuple[int, int] = (1100, 700)
) -> EmployeeCard:
    """An employee card on its own, shown and loaded; it reloads after every change that concerns it
    (published by the task runner), as on the employee screen."""
    from ui.card.card import EmployeeCard

    card = EmployeeCard(ctx)
    qtbot.addWidget(card)
    card.resize(*size)
    card.show()
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        card.show_employee(employee_id)
    ctx.changed.connect(lambda changes: changes.touches(CARD_SHOWS) and card.reload())
    return card


def uow_of(ctx: AppContext) -> UnitOfWork:
    """A unit of work on the app's register, for a test to arrange or check data (the app itself
    gets its units of work from the task runner)."""
    return UnitOfWork(ctx.database, ctx.actor)
