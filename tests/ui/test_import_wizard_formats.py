"""The roster wizard as an HR adviser meets it with the files HR systems export: a CSV file chosen in
the file dialog, an HTML table saved as .xls, a file that kills the spreadsheet reader, and a roster
that would mark many people as left (the wizard asks, naming how many). Typed and clicked like a
person, on the real event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from competence.roster import ImportOptions, isolation, run_import
from competence.uow import UnitOfWork
from db.models import Employee, Position
from tests.roster.builders import RosterSpec, simple_rows, write_roster
from tests.ui.support import message_boxes, wait_idle
from ui.context import AppContext
from ui.importing.page import ImportPage
from ui.importing.roster_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    REPORT_PAGE,
    SHEET_PAGE,
    RosterWizard,
)


@pytest.fixture
def page(import_page: ImportPage) -> ImportPage:
    return import_page


def click(button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press_next(qtbot: QtBot, wizard: QWizard, expected: int) -> None:
    """Neste (or Importer), clicked with the mouse, then wait for the page the wizard moves to."""
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    click(button)
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=15_000)


def type_path(qtbot: QtBot, wizard: RosterWizard, path: Path) -> None:
    edit = wizard.file_page.path_edit
    edit.setFocus()
    qtbot.keyClicks(edit, str(path))


def numbers(ctx: AppContext) -> dict[str, Any]:
    with UnitOfWork(ctx.database) as uow:
        return {e.employee_no: e.left_on for e in uow.session.scalars(select(Employee))}


CSV = (
    "Fjordvik kommune;ansatte per 01.03.2025\r\n"
    "\r\n"
    "Ansattnr;Navn;Ansvar;Enhet;Stilling;Stillingsprosent;Telefon\r\n"
    "1001;Ødegård, Åse;110;Hjemmetjenesten;Stilling aase;80;11111111\r\n"
    ";;;;;;\r\n"
    "1002;Sæther, Bjørn;110;Hjemmetjenesten;Stilling bjorn;62,5;22222222\r\n"
    ";;;;;;\r\n"
    ";;;;;;\r\n"
    "1003;Andersen, Kari;200;Fjordvik skole;Stilling kari;100;33333333\r\n"
    '1006;Nilsen, Nora;110;Hjemmetjenesten;Sykepleier;"50 %";44444444\r\n'
    ";;;;;;\r\n"
    "Sum;;;;;292,5;\r\n"
)


def test_a_csv_export_is_chosen_read_and_imported_like_any_spreadsheet(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "personal mars.csv"
    path.write_bytes(CSV.encode("cp1252"))
    offered: list[str] = []

    def dialog(_parent: Any, _title: str, _folder: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    wizard = page.start_roster_import()
    click(wizard.file_page.browse)
    assert all(
        f"*.{kind}" in offered[0].split(";;")[0] for kind in ("xlsx", "xls", "ods", "csv", "html", "xml")
    )
    assert wizard.file_page.path_edit.text() == str(path)
    press_next(qtbot, wizard, MAPPING_PAGE)  # one sheet: no sheet page
    assert isolation._ready is not None  # the wizard reads again at the preview: its child waits started
    grid = wizard.mapping_page.grid
    assert grid.combos["employee_no"].currentText() == "A: Ansattnr"
    assert grid.combos["fte"].currentText() == "F: Stillingsprosent"
    assert grid.samples["name"].text().startswith("Ødegård, Åse")  # Windows-1252 read right
    unit_no = grid.combos["unit_no"]
    unit_no.setFocus()
    unit_no.setCurrentIndex(unit_no.findData("C"))
    press_next(qtbot, wizard, PREVIEW_PAGE)
    view = wizard.preview_page.view
    lines = view.summary.text().splitlines()
    assert lines[1].endswith("tomme rader og summer hoppet over: 5"), lines  # four blank rows and a sum
    assert view.ignored.isVisibleTo(wizard) and "G «Telefon»" in view.ignored.text()
    assert "11111111" not in view.ignored.text()
    press_next(qtbot, wizard, REPORT_PAGE)
    wait_idle(qtbot, ctx)
    with UnitOfWork(ctx.database) as uow:
        nora = uow.session.scalar(select(Employee).where(Employee.employee_no == "1006"))
        assert nora is not None and (nora.first_name, nora.last_name) == ("Nora", "Nilsen")
        ftes = sorted(uow.session.scalars(select(Position.fte_percent).where(Position.end_date.is_(None))))
    assert 62.5 in ftes and 50.0 in ftes


def test_an_html_table_saved_as_xls_lists_its_tables_as_sheets(
    page: ImportPage, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "eksport.xls"
    path.write_text(
        "<html><body><table><caption>Info</caption><tr><td>Eksportert 01.03.2025</td></tr></table>"
        "<table><caption>Ansatte</caption><tr><th>Ansattnr</th><th>Navn</th><th>Enhet</th></tr>"
        "<tr><td>1001</td><td>&Oslash;deg&aring;rd, &Aring;se</td><td>Hjemmetjenesten</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    wizard = page.start_roster_import()
    type_path(qtbot, wizard, path)
    press_next(qtbot, wizard, SHEET_PAGE)
    sheets = wizard.sheet_page
    assert [s.name for s in sheets.model.rows] == ["Info", "Ansatte"]
    assert sheets.chosen() == "Ansatte"
    press_next(qtbot, wizard, MAPPING_PAGE)
    assert wizard.mapping_page.grid.samples["name"].text().startswith("Ødegård, Åse")


def test_a_file_that_kills_the_reader_is_refused_and_the_window_stays(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's child process aborts (as python-calamine does on a crafted .xls): the wizard says
    why, stays open on the file page, and reads the next file as usual."""
    from competence.roster import isolation

    real = isolation.child_command
    monkeypatch.setattr(isolation, "child_command", lambda: [sys.executable, "-c", "import os; os.abort()"])
    roster = write_roster(tmp_path / "ansatte.xlsx", RosterSpec(rows=simple_rows(3), cover=False))
    wizard = page.start_roster_import()
    type_path(qtbot, wizard, roster)
    click(wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=15_000)
    (box,) = message_boxes()
    assert box.text().startswith("Regnearkleseren stoppet på filen ansatte.xlsx"), box.text()
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not message_boxes(), timeout=5_000)
    assert wizard.isVisible() and wizard.currentId() == FILE_PAGE and page.isVisible()
    monkeypatch.setattr(isolation, "child_command", real)
    press_next(qtbot, wizard, MAPPING_PAGE)


def test_many_leavers_must_be_confirmed_with_their_number(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    others = simple_rows(30, start=2000)
    more = write_roster(tmp_path / "flere.xlsx", RosterSpec(rows=others))
    run_import(UnitOfWork(ctx.database, "hr"), more, ImportOptions(partial=True))
    active = {no for no, left in numbers(ctx).items() if left is None}
    assert len(active) == 34  # the register's four active people and thirty more
    short = write_roster(tmp_path / "kort.xlsx", RosterSpec(rows=others[:4], cover=False))
    wizard = page.start_roster_import()
    type_path(qtbot, wizard, short)
    press_next(qtbot, wizard, MAPPING_PAGE)
    press_next(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    confirm = preview.confirm_leavers
    assert confirm.isVisibleTo(wizard) and not confirm.isChecked()
    assert "30 av 34 aktive ansatte skal markeres som sluttet" in confirm.text()
    importer = wizard.button(QWizard.WizardButton.CommitButton)
    assert not importer.isEnabled()  # nothing can be imported before the user says yes
    click(confirm)
    assert confirm.isChecked() and importer.isEnabled()
    press_next(qtbot, wizard, REPORT_PAGE)
    wait_idle(qtbot, ctx)
    report = wizard.state.report
    assert report is not None and report.left == 30
    assert len([no for no, left in numbers(ctx).items() if left is None]) == 4
