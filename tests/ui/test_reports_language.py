"""The app passes its language to the exports: chosen English, the workbook made on Rapporter
and the plan printed from the card (Ctrl+P) are English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.export.helpers import pdf_text
from tests.ui.support import shown, wait_idle
from tests.ui.test_reports_page import Dialogs, choose, export
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.i18n import install_language
from ui.reports.page import ReportsPage


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "nb")


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    return Dialogs(monkeypatch, tmp_path)


def test_a_workbook_made_in_english_is_english(
    ctx: AppContext, register: object, english: None, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    page = shown(qtbot, ReportsPage(ctx), (1100, 700))
    choose(page, "matrix")
    dialogs.answer = tmp_path / "matrix.xlsx"
    export(page, qtbot)
    book = load_workbook(tmp_path / "matrix.xlsx")
    assert book.sheetnames == ["Competence matrix", "Legend", "Role requirements"]
    assert book.worksheets[0]["A2"].value == "Name"
    assert "Digital tools" in str(book.worksheets[0]["F2"].value)
    wait_idle(qtbot, ctx)


def test_the_plan_printed_from_the_card_in_english_is_english(
    card_page: EmployeesPage, ctx: AppContext, english: None, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    dialogs.answer = tmp_path / "plan.pdf"
    qtbot.keyClick(card_page.card, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialogs.opened == [tmp_path / "plan.pdf"], timeout=20_000)
    text = " ".join(pdf_text(tmp_path / "plan.pdf").split())
    assert "Individual development plan" in text and "Competence profile" in text
    assert "Kompetanseprofil" not in text
    wait_idle(qtbot, ctx)
