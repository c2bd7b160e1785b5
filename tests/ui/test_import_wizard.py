"""The roster import wizard end to end on a roster built here with openpyxl: file → sheet → mapping
(one column chosen by hand) → preview (full and partial) → import → report, then the database."""

from __future__ import annotations

import datetime as dt
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from competence.changes import Changes
from competence.employees import list_employees
from competence.import_history import list_import_runs
from competence.uow import UnitOfWork
from db.models import Employee, ImportMapping, OrgUnit, Position
from tests.ui.support import button_named, click, message_boxes, wait_idle, when_open
from ui.context import AppContext
from ui.importing import roster_wizard
from ui.importing.page import ImportPage
from ui.importing.roster_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    REPORT_PAGE,
    SHEET_PAGE,
    RosterWizard,
)

#: A valid fødselsnummer (fictional), so that the column is refused by its values as well as its name.
NATIONAL_ID = "01017040007"

HEADER = ["Ansatt nr.", "Navn", "Fødselsnr", "Ansvar", "Enhet", "Stilling", "Stilling %", "Leder ansattnr"]


def write_roster(path: Path, rows: list[list[Any]]) -> Path:
    """An HR export: a cover sheet first, then the roster under a title row."""
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Forside"
    cover["A1"] = "Ansattliste fra HR-systemet"
    sheet = book.create_sheet("Ansatte")
    sheet["A1"] = "Fjordvik kommune – ansatte per 01.03.2025"
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ROWS: list[list[Any]] = [
    [1001, "Ødegård, Åse", NATIONAL_ID, 110, "Hjemmetjenesten", "Stilling aase", 80, None],
    [1002, "Sæther, Bjørn", None, 110, "Hjemmetjenesten", "Stilling bjorn", 60, 1001],  # FTE and manager
    [1003, "Andersen, Kari", None, 200, "Fjordvik skole", "Stilling kari", 100, None],
    [1006, "Nilsen, Nora", None, 110, "Hjemmetjenesten", "Sykepleier", 100, 1001],  # new
    [1006, "Nilsen, Nora", None, 300, "Nattjenesten", "Nattevakt", 20, 1001],  # second post, new unit
    [1007, "Holm, Per", None, 200, "Fjordvik skole", "Lærer", 150, None],  # FTE out of range
]


@pytest.fixture
def page(import_page: ImportPage) -> ImportPage:
    return import_page


def next_page(qtbot: QtBot, wizard: QWizard, expected: int) -> None:
    """Press Neste (or Importer) like the user, and wait until the wizard shows ``expected``."""
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=10_000)


def wait_preview(qtbot: QtBot, wizard: RosterWizard, action: Callable[[], None]) -> None:
    page = wizard.preview_page
    action()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def uow(ctx: AppContext) -> UnitOfWork:
    return UnitOfWork(ctx.database)


#: The employee numbers of the test register before any import.
BEFORE = {"1001", "1002", "1003", "1004", "1005"}


def numbers(ctx: AppContext) -> set[str]:
    return {e.employee_no for e in list_employees(uow(ctx), include_left=True)}


def test_roster_import_end_to_end(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_roster(tmp_path / "ansatte mars.xlsx", ROWS)
    changed: list[Changes] = []
    ctx.changed.connect(changed.append)
    wizard = page.start_roster_import()
    assert wizard.isVisible() and wizard.currentId() == FILE_PAGE

    # file: typed, the folder button works too
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard.file_page.browse.click()
    assert wizard.file_page.path_edit.text() == str(path)
    next_page(qtbot, wizard, SHEET_PAGE)

    # sheet: the roster, not the cover, is chosen
    sheets = wizard.sheet_page
    assert [s.name for s in sheets.model.rows] == ["Forside", "Ansatte"]
    assert sheets.chosen() == "Ansatte"
    next_page(qtbot, wizard, MAPPING_PAGE)

    # mapping: detected, the identity-number column refused, the unit number chosen by hand
    mapping = wizard.mapping_page
    grid = mapping.grid
    assert grid.combos["employee_no"].currentText() == "A: Ansatt nr."
    assert grid.sure["employee_no"].text() == "sikker"
    assert grid.combos["fte"].currentText() == "G: Stilling %"
    assert "Fødselsnr" in mapping.refused.text() and mapping.refused.isVisibleTo(wizard)
    assert all(
        grid.combos["employee_no"].itemText(i)[0] != "C" for i in range(grid.combos["employee_no"].count())
    )
    assert grid.chosen("unit_no") is None
    unit_no = grid.combos["unit_no"]
    unit_no.setCurrentIndex(unit_no.findData("D"))
    assert grid.sure["unit_no"].text() == "valgt av deg"
    assert grid.samples["unit_no"].text().startswith("110")
    next_page(qtbot, wizard, PREVIEW_PAGE)

    # preview: nothing written yet; what happens to each person, the rejected row and the leaver
    preview = wizard.preview_page
    report = wizard.state.preview
    assert report is not None and report.dry_run
    assert (report.created, report.updated, report.unchanged, report.left) == (1, 1, 2, 1)
    assert [(r.row, r.reason) for r in report.rejected] == [(9, "fte_range")]
    people = preview.view.people_model
    assert [people.data(people.index(r, 3)) for r in range(people.rowCount())] == [
        "Uendret",
        "Endres",
        "Uendret",
        "Ny",
    ]
    assert people.data(people.index(1, 4)) == "leder, stillinger"
    assert people.data(people.index(3, 0)) == "7, 8"
    assert preview.view.rejected_model.data(preview.view.rejected_model.index(0, 0)) == "9"
    assert [p.employee_no for p in preview.view.leavers_model.rows] == ["1004"]
    assert preview.view.tabs.tabText(3) == "Slutter (1)"
    assert preview.view.summary.text().splitlines() == [
        "Personer i filen: 4 · nye: 1 · endres: 1 · uendret: 2 · markeres som sluttet: 1",
        "Avviste rader: 1 · advarsler: 1 · tomme rader og summer hoppet over: 0",
        "Stillinger – nye: 2 · endres: 1 · avsluttes: 1",  # the leaver's post ends too
        "Enheter – nye: 1 · nytt navn: 0",
    ]
    assert numbers(ctx) == BEFORE
    preview.view.outcome_filter.setCurrentIndex(preview.view.outcome_filter.findData("created"))
    assert [p.employee_no for p in people.rows] == ["1006"]

    # a partial roster leaves Zacharias alone; back to the full roster
    wait_preview(qtbot, wizard, preview.partial.click)
    assert wizard.state.preview is not None and wizard.state.preview.left == 0
    assert preview.view.tabs.isTabVisible(3) is False
    wait_preview(qtbot, wizard, preview.full.click)
    assert wizard.state.preview is not None and wizard.state.preview.left == 1

    # import
    next_page(qtbot, wizard, REPORT_PAGE)
    wait_idle(qtbot, ctx)
    final = wizard.state.report
    assert final is not None and not final.dry_run
    assert (final.created, final.updated, final.left, final.units_created) == (1, 1, 1, 1)
    assert changed, "the other screens are told to reload"
    assert wizard.report_page.view.summary.text().startswith(
        "Personer i filen: 4 · nye: 1 · endret: 1 · uendret: 2 · markert som sluttet: 1\n"
    )
    assert wizard.report_page.view.tabs.tabText(3) == "Markert som sluttet (1)"

    # the database
    with uow(ctx) as u:
        s = u.session
        nora = s.scalar(select(Employee).where(Employee.employee_no == "1006"))
        assert nora is not None and (nora.first_name, nora.last_name) == ("Nora", "Nilsen")
        units = {
            number
            for (number,) in s.execute(
                select(OrgUnit.number)
                .join(Position, Position.unit_id == OrgUnit.id)
                .where(Position.employee_id == nora.id)
            )
        }
        assert units == {"110", "300"}
        zed = s.scalar(select(Employee).where(Employee.employee_no == "1004"))
        assert zed is not None and zed.left_on == dt.date(2025, 3, 1)
        assert s.scalar(select(Employee).where(Employee.employee_no == "1007")) is None
        saved = s.scalars(select(ImportMapping)).one()
        assert saved.mapping["fields"]["unit_no"] == "ansvar"
    assert NATIONAL_ID not in Path(ctx.database.location).read_bytes().decode("latin-1")

    # the report: to the clipboard, and as a text file
    wizard.report_page.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert "Import av personalliste" in text and "Fil: ansatte mars.xlsx" in text
    assert "Rad 9: " in text and "1004 Zacharias Berg" in text
    assert "Rad 7, 8: 1006 Nora Nilsen: Ny" in text
    saved_text = tmp_path / "rapport.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved_text), ""))
    wizard.report_page.save_button.click()
    assert saved_text.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(saved_text.stat().st_mode) == 0o600  # it names people: owner-only
    assert "rapport.txt" in wizard.report_page.status.text()

    # finish: the history shows the import
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert page.model.rowCount() == 1
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert row[1:6] == [
        "Personalliste",
        "ansatte mars.xlsx",
        "testleder",
        "Fullført",
        "nye: 1 · endret: 1 · sluttet: 1 · avviste rader: 1",
    ]
    assert list_import_runs(uow(ctx))[0].count("rejected") == 1


def test_the_mapping_is_remembered_for_the_same_layout_and_can_be_forgotten(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "ansatte.xlsx", ROWS[:3])
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, SHEET_PAGE)
    next_page(qtbot, wizard, MAPPING_PAGE)
    grid = wizard.mapping_page.grid
    grid.combos["unit_no"].setCurrentIndex(grid.combos["unit_no"].findData("D"))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    wizard.preview_page.partial.click()
    qtbot.waitUntil(lambda: not wizard.preview_page.busy, timeout=10_000)
    next_page(qtbot, wizard, REPORT_PAGE)
    wizard.accept()

    second = page.start_roster_import()
    qtbot.keyClicks(second.file_page.path_edit, str(write_roster(tmp_path / "april.xlsx", ROWS[:2])))
    next_page(qtbot, second, SHEET_PAGE)
    next_page(qtbot, second, MAPPING_PAGE)
    mapping = second.mapping_page
    assert mapping.grid.chosen("unit_no") == "D"
    assert mapping.grid.sure["unit_no"].text() == "lagret fra forrige import"
    assert "forrige import" in mapping.about.text()
    assert mapping.forget.isVisibleTo(second)
    mapping.forget.click()
    qtbot.waitUntil(lambda: not mapping.busy, timeout=10_000)
    assert mapping.grid.chosen("unit_no") is None
    assert not mapping.forget.isVisibleTo(second)
    with uow(ctx) as u:
        assert u.session.scalars(select(ImportMapping)).all() == []


def test_a_required_column_must_be_chosen(page: ImportPage, qtbot: QtBot, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nummer", "Navn", "Enhet"])
    sheet.append([1001, "Ødegård, Åse", "Hjemmetjenesten"])
    path = tmp_path / "uten-nummer.xlsx"
    book.save(path)
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)  # one sheet: no sheet page
    mapping = wizard.mapping_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert mapping.status.text() == "Velg kolonnen for Ansattnummer."
    assert mapping.grid.sure["employee_no"].text() == "ikke funnet"
    combo = mapping.grid.combos["employee_no"]
    combo.setCurrentIndex(combo.findData("A"))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # a column feeds one field: choosing the name column for the number takes it from the name
    combo.setCurrentIndex(combo.findData("B"))
    assert mapping.grid.chosen("name") is None
    assert mapping.status.text().startswith("Velg kolonnen for Navn")


@pytest.mark.parametrize(
    ("content", "message_start"),
    [
        (b"Ansattnr;Navn\n1001;Aase\n", "Filen ansatte.xlsx har feil filendelse: innholdet er en tekstfil"),
        (b"", "Filen ansatte.xlsx er tom"),
    ],
)
def test_a_refused_file_shows_the_service_message(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, content: bytes, message_start: str
) -> None:
    path = tmp_path / "ansatte.xlsx"
    path.write_bytes(content)
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    (box,) = message_boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith(message_start), box.text()
    assert wizard.currentId() == FILE_PAGE
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cancelling_the_import_writes_nothing(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_roster(tmp_path / "ansatte.xlsx", ROWS)
    real_run_import = roster_wizard.run_import

    def slow_import(*args: Any, **kwargs: Any) -> Any:
        cancel = kwargs["cancel"]
        deadline = time.monotonic() + 5
        while not cancel.cancelled and time.monotonic() < deadline:  # the user presses Avbryt meanwhile
            time.sleep(0.005)
        return real_run_import(*args, **kwargs)

    monkeypatch.setattr(roster_wizard, "run_import", slow_import)
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, SHEET_PAGE)
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.preview_page.busy
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.button(QWizard.WizardButton.CancelButton).click()  # stops the import, keeps the wizard
    qtbot.waitUntil(lambda: not wizard.preview_page.busy, timeout=10_000)
    assert wizard.isVisible() and wizard.currentId() == PREVIEW_PAGE
    assert wizard.preview_page.status.text() == "Avbrutt. Ingenting ble endret."
    assert numbers(ctx) == BEFORE
    assert list_import_runs(uow(ctx))[0].status == "cancelled"
    # halfway through, Avbryt asks before the columns chosen are thrown away
    kept = when_open(QMessageBox, lambda box: click(button_named(box, "Fortsett å redigere")))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    kept.get()
    assert wizard.isVisible() and wizard.currentId() == PREVIEW_PAGE
    discarded = when_open(QMessageBox, lambda box: click(button_named(box, "Forkast")))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    discarded.get()
    assert not wizard.isVisible()


def test_cancel_while_reading_closes_at_once(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_inspect = roster_wizard.inspect_roster

    def slow_inspect(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return real_inspect(*args, **kwargs)

    monkeypatch.setattr(roster_wizard, "inspect_roster", slow_inspect)
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(write_roster(tmp_path / "a.xlsx", ROWS)))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.file_page.busy
    wizard.button(QWizard.WizardButton.CancelButton).click()  # reading writes nothing: no need to wait
    assert not wizard.isVisible()
    wait_idle(qtbot, ctx)
    assert not wizard.isVisible()
    assert wizard.currentId() not in (SHEET_PAGE, MAPPING_PAGE)  # the late result did not move it on


def test_report_models_follow_the_qt_model_contract(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(write_roster(tmp_path / "a.xlsx", ROWS)))
    next_page(qtbot, wizard, SHEET_PAGE)
    qtmodeltester.check(wizard.sheet_page.model)
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    view = wizard.preview_page.view
    for model in (
        view.people_model,
        view.rejected_model,
        view.warnings_model,
        view.leavers_model,
        page.model,
    ):
        qtmodeltester.check(model)


def test_a_workbook_with_unknown_headers_is_mapped_by_hand(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """No sheet has headers the program knows: the wizard does not refuse the file but lets the
    user choose the sheet and every column, then imports."""
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notater"
    notes["A1"] = "Eksportert fra lønnssystemet"
    sheet = book.create_sheet("Liste")
    sheet["A1"] = "Fjordvik kommune"
    sheet.append(["Løpenr", "Hvem", "Sted"])
    sheet.append([2001, "Lie, Siri", "Hjemmetjenesten"])
    sheet.append([2002, "Moe, Tor", "Fjordvik skole"])
    path = tmp_path / "ukjente-overskrifter.xlsx"
    book.save(path)
    wizard = page.start_roster_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, SHEET_PAGE)
    assert wizard.sheet_page.subTitle().startswith("Ingen ark har kolonneoverskrifter")
    assert wizard.sheet_page.chosen() == "Liste"
    next_page(qtbot, wizard, MAPPING_PAGE)
    mapping = wizard.mapping_page
    assert "Ingen overskrifter ble kjent igjen" in mapping.about.text()
    assert "rad 2" in mapping.about.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    for field, letter in (("employee_no", "A"), ("name", "B"), ("unit_name", "C")):
        combo = mapping.grid.combos[field]
        combo.setCurrentIndex(combo.findData(letter))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    qtbot.waitUntil(lambda: not wizard.preview_page.busy, timeout=10_000)
    wait_preview(qtbot, wizard, wizard.preview_page.partial.click)
    assert wizard.state.preview is not None and wizard.state.preview.created == 2
    next_page(qtbot, wizard, REPORT_PAGE)
    qtbot.waitUntil(lambda: {"2001", "2002"} <= numbers(ctx), timeout=10_000)
    assert numbers(ctx) >= BEFORE  # a partial roster leaves everyone else alone
