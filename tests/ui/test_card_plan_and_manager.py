"""Ansattkort: "Skriv ut utviklingsplan" (Ctrl+P) and the manager pickers of the person and of a
position, through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from competence.employees import get_employee
from competence.uow import UnitOfWork
from tests.ui.support import Register
from ui.card.card import EmployeeCard
from ui.card.positions import PositionDialog
from ui.context import AppContext
from ui.employees.dialogs import EditEmployeeDialog
from ui.employees.page import EmployeesPage


@pytest.fixture
def card(card_page: EmployeesPage) -> EmployeeCard:
    """Åse's card, opened from the employee list as a user does (its pickers get the list's people)."""
    return card_page.card


def test_ctrl_p_saves_the_plan_where_asked_and_opens_it(
    card: EmployeeCard, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []
    opened: list[str] = []

    def save_as(parent: object, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "samtale.pdf"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toLocalFile()) or True
    )
    card.activateWindow()
    card.tabs.setFocus()
    qtbot.keyClick(card.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert Path(asked[0]).name == "Utviklingsplan 1001 Ødegård Åse.pdf"
    assert opened == [str(tmp_path / "samtale.pdf")]
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "samtale.pdf").pages)
    assert "Åse Ødegård" in text and "Informasjonssikkerhet" in text


def test_the_print_button_does_nothing_when_the_dialog_is_cancelled(
    card: EmployeeCard, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    card.print_button.click()
    assert ctx.tasks.running == 0


def test_choose_the_manager_of_an_employee(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: EditEmployeeDialog) -> int:
        picker = dialog.manager
        offered = [picker.itemText(i) for i in range(picker.count())]
        # nobody first (an empty field); the person herself and those who have left are not offered
        assert picker.currentText() == "" and picker.lineEdit().placeholderText() == "(ingen leder)"
        assert offered == [
            "(ingen leder)",
            "Andersen, Kari (1003) – Fjordvik skole",
            "Berg, Zacharias (1004) – Fjordvik skole",
            "Sæther, Bjørn (1002) – Hjemmetjenesten",
        ]
        dialog.show()
        picker.setFocus()
        qtbot.keyClicks(picker.lineEdit(), "sæth")
        popup = picker.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=2_000)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(EditEmployeeDialog, "exec", fill)
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        card.edit_button.click()
    assert (
        get_employee(UnitOfWork(ctx.database), register.people["aase"]).manager_id == register.people["bjorn"]
    )
    assert "Leder: Bjørn Sæther" in card.info.text()


def test_half_typed_manager_is_refused_and_nothing_saved(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    assert card.data is not None
    dialog = EditEmployeeDialog(ctx.tasks, card.data.employee, people=card.data.lookups.people)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Åsa")
    dialog.manager.lineEdit().setText("Sæt")
    dialog.accept()
    assert dialog.error_text.startswith("Velg en person fra listen")
    assert dialog.result() == 0  # still open: nothing was saved
    saved = get_employee(UnitOfWork(ctx.database), register.people["aase"])
    assert saved.first_name == "Åse" and saved.manager_id is None
    # an empty field means no manager
    dialog.manager.lineEdit().clear()
    dialog.accept()
    assert dialog.result() == 1
    assert get_employee(UnitOfWork(ctx.database), register.people["aase"]).first_name == "Åsa"


def test_choose_the_manager_of_a_position(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card.positions.select_row(0)

    def fill(dialog: PositionDialog) -> int:
        dialog.manager.select_id(register.people["kari"])
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PositionDialog, "exec", fill)
    card.positions.edit_button.click()
    position = get_employee(UnitOfWork(ctx.database), register.people["aase"]).positions[0]
    assert position.manager_id == register.people["kari"]
    assert position.title == "Stilling aase"  # the rest as it was

    # the dialog opens with the manager chosen, and keeps it when saved unchanged
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        card.reload()
    card.positions.select_row(0)
    dialog = card.positions._dialog(card.positions.selected())
    qtbot.addWidget(dialog)
    assert dialog.manager.selected_id() == register.people["kari"]
    assert dialog.manager.currentText() == "Andersen, Kari (1003) – Fjordvik skole"
    dialog.manager.select_id(None)  # "(ingen leder)" chosen from the list empties the field
    assert dialog.manager.currentText() == "" and dialog.manager.is_valid()
