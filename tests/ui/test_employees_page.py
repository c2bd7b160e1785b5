"""Ansatte: drive the real widgets (type, click, choose) and check what the register holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from competence.employees import find_employee, list_employees
from competence.uow import UnitOfWork
from tests.ui.support import Register, shown, wait_idle
from ui.context import AppContext
from ui.employees.dialogs import NewEmployeeDialog
from ui.employees.page import EmployeesPage


@pytest.fixture
def page(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[EmployeesPage]:
    yield shown(qtbot, EmployeesPage(ctx), (1100, 700))
    wait_idle(qtbot, ctx)


def names(page: EmployeesPage) -> list[str]:
    return [page.proxy.data(page.proxy.index(r, 1)) for r in range(page.proxy.rowCount())]


def test_list_shows_active_people_sorted_with_a_count(page: EmployeesPage) -> None:
    assert names(page) == ["Andersen, Kari", "Berg, Zacharias", "Sæther, Bjørn", "Ødegård, Åse"]
    assert page.count.text() == "Viser 4 av 5"


def test_typing_filters_instantly(page: EmployeesPage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.search, "ødeg")
    assert names(page) == ["Ødegård, Åse"]
    page.search.clear()
    qtbot.keyClicks(page.search, "skole")
    assert names(page) == ["Andersen, Kari", "Berg, Zacharias"]
    assert page.count.text() == "Viser 2 av 5"


def test_choosing_a_unit_includes_its_sub_units(page: EmployeesPage, register: Register) -> None:
    page.units.select_unit(register.units["sector"])
    assert names(page) == ["Sæther, Bjørn", "Ødegård, Åse"]
    page.units.select_unit(register.units["school"])
    assert names(page) == ["Andersen, Kari", "Berg, Zacharias"]
    page.units.select_unit(None)
    assert len(names(page)) == 4


def test_role_filter(page: EmployeesPage, register: Register) -> None:
    page.roles.setCurrentIndex(page.roles.findData(register.roles["teacher"]))
    assert names(page) == ["Andersen, Kari", "Berg, Zacharias"]


def test_who_has_a_competence_at_a_level(
    page: EmployeesPage, register: Register, ctx: AppContext, qtbot: QtBot
) -> None:
    dig2 = register.fw.competence_ids["dig-2"]
    combo = page.competence.competence
    combo.setCurrentIndex(combo.findData(dig2))
    page.competence.level.setCurrentIndex(page.competence.level.findData(5))
    wait_idle(qtbot, ctx)
    # Åse has level 6, Kari 7; Bjørn only 4
    assert names(page) == ["Andersen, Kari", "Ødegård, Åse"]
    page.competence.level.setCurrentIndex(page.competence.level.findData(7))
    wait_idle(qtbot, ctx)
    assert names(page) == ["Andersen, Kari"]
    page.reset_filters.click()
    wait_idle(qtbot, ctx)
    assert len(names(page)) == 4


def test_competence_is_found_by_any_words(page: EmployeesPage, register: Register, qtbot: QtBot) -> None:
    picker = page.competence.competence
    picker.setFocus()
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "testrammeverk sikkerhet")  # framework and part of the name
    completer = picker.word_completer
    assert completer.matches.stringList() == ["dig-2 Informasjonssikkerhet · Testrammeverk"]
    completer.activated.emit(completer.matches.stringList()[0])
    assert page.competence.competence_id() == register.fw.competence_ids["dig-2"]
    assert page.competence.level.count() == 8


def test_show_left_people_on_request(page: EmployeesPage) -> None:
    page.include_left.setChecked(True)
    assert "Aas, Lise" in names(page)


def test_enter_opens_the_employee_card(page: EmployeesPage, register: Register, qtbot: QtBot) -> None:
    page.select_employee(register.people["kari"])
    page.table.setFocus()
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.card
    assert page.card.name.text() == "Kari Andersen"
    qtbot.keyClick(page.card, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.splitter
    assert page.current_employee_id() == register.people["kari"]


def _fill_new_employee(dialog: NewEmployeeDialog, qtbot: QtBot, number: str) -> None:
    qtbot.keyClicks(dialog.number, number)
    qtbot.keyClicks(dialog.first_name, "Øystein")
    qtbot.keyClicks(dialog.last_name, "Ødegård")
    qtbot.keyClicks(dialog.email, "oystein@fjordvik.kommune.no")


def test_new_employee_with_a_first_position(
    page: EmployeesPage, register: Register, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_save(dialog: NewEmployeeDialog) -> int:
        _fill_new_employee(dialog, qtbot, "004711")
        dialog.unit.setCurrentIndex(dialog.unit.findData(register.units["home"]))
        qtbot.keyClicks(dialog.title, "Helsefagarbeider")
        dialog.role.setCurrentIndex(dialog.role.findData(register.roles["nurse"]))
        dialog.fte.setValue(62.5)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted) if dialog.result_value else 0

    monkeypatch.setattr(NewEmployeeDialog, "exec", fill_and_save)
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        page.new_button.click()
    person = find_employee(UnitOfWork(ctx.database), "4711")
    assert person.full_name == "Øystein Ødegård"
    assert person.email == "oystein@fjordvik.kommune.no"
    (position,) = person.positions
    assert (position.unit_id, position.title, position.role_id, position.fte_percent) == (
        register.units["home"],
        "Helsefagarbeider",
        register.roles["nurse"],
        62.5,
    )
    assert page.card.name.text() == "Øystein Ødegård"


def test_new_employee_refused_input_keeps_the_dialog_open(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    dialog = NewEmployeeDialog(ctx.tasks, (), ())
    qtbot.addWidget(dialog)
    _fill_new_employee(dialog, qtbot, "1001")  # Åse's number
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.error_text == "Ansattnummer 1001 er allerede i bruk."
    assert len(list_employees(UnitOfWork(ctx.database), include_left=True)) == 5
    dialog.number.setText("")
    dialog.accept()
    assert dialog.error_text == "Ansattnummer må fylles ut."
    assert QApplication.focusWidget() in (dialog.number, None)
