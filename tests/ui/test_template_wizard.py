"""The assessment-template import in the wizard: preview by cell reference, save, report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.assessments import current_levels
from competence.export.excel import template_layout as tl
from competence.export.excel.template import export_template
from competence.uow import UnitOfWork
from tests.ui.support import Register, message_boxes, shown, wait_idle
from ui.context import AppContext
from ui.importing.page import ImportPage
from ui.importing.template_wizard import FILE_PAGE, PREVIEW_PAGE, REPORT_PAGE, TemplateWizard


@pytest.fixture
def page(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[ImportPage]:
    widget = shown(qtbot, ImportPage(ctx))
    yield widget
    wait_idle(qtbot, ctx)  # the wizard is the page's child: it goes with the page
    for box in message_boxes():
        box.close()


def filled_template(ctx: AppContext, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The template of Hjemmetjenesten, with Bjørn's dig-1 set to 3 and a nonsense level for Åse."""
    path = tmp_path / "mal.xlsx"
    export_template(UnitOfWork(ctx.database, "testleder"), path, unit_number="110")
    book = load_workbook(path)
    sheet = book[tl.SHEET]
    headers = [c.value for c in sheet[tl.HEADER_ROW]]
    cells: dict[str, str] = {}
    for row in sheet.iter_rows(min_row=tl.FIRST_ROW):
        number = row[2].value
        for competence, who, value in (
            ("dig-1 Digitale verktøy", 1002, "3"),
            ("dig-2 Informasjonssikkerhet", 1001, "Nivå 99"),
        ):
            if number == who:
                cell = row[headers.index(competence)]
                cell.value = value
                cells[competence] = cell.coordinate
    book.save(path)
    return path, cells


def next_page(qtbot: QtBot, wizard: QWizard, expected: int) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=10_000)


def test_template_import_previews_by_cell_then_saves(
    page: ImportPage, ctx: AppContext, register: Register, qtbot: QtBot, tmp_path: Path
) -> None:
    path, cells = filled_template(ctx, tmp_path)
    wizard = page.start_template_import()
    assert isinstance(wizard, TemplateWizard) and wizard.currentId() == FILE_PAGE
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, PREVIEW_PAGE)

    view = wizard.preview_page.view
    changed = view.changed_model
    assert [changed.data(changed.index(0, c)) for c in range(changed.columnCount())] == [
        f"Vurdering!{cells['dig-1 Digitale verktøy']}",
        "1002",
        "Bjørn Sæther",
        "Digitale verktøy",
        "ikke vurdert",
        "3 – Nivå 3",
    ]
    refused = view.refused_model
    assert refused.data(refused.index(0, 0)) == f"Vurdering!{cells['dig-2 Informasjonssikkerhet']}"
    assert refused.data(refused.index(0, 1)) == "Åse Ødegård (1001)"
    assert "«Nivå 99» er ikke et nivå" in refused.data(refused.index(0, 2))
    assert "gyldige nivåer: 1 Nivå 1, 2 Nivå 2" in refused.data(refused.index(0, 2))
    assert view.tabs.tabText(0) == "Nye nivåer (1)" and view.tabs.tabText(1) == "Avvist (1)"
    assert view.summary.text() == "Enhet 110 – nye vurderinger: 1 · avviste celler: 1 · uendret: 2"
    dig1 = register.fw.competence_ids["dig-1"]
    assert dig1 not in current_levels(UnitOfWork(ctx.database), register.people["bjorn"])
    # all or nothing: a refused cell stops the save until the user asks for the rest
    preview = wizard.preview_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    assert preview.refusal_note.text().startswith("1 celler kan ikke leses inn")
    preview.partial.setFocus()
    QTest.keyClick(preview.partial, Qt.Key.Key_Space)
    assert preview.partial.isChecked() and commit.isEnabled()

    next_page(qtbot, wizard, REPORT_PAGE)
    wait_idle(qtbot, ctx)
    level = current_levels(UnitOfWork(ctx.database), register.people["bjorn"])[dig1]
    assert (level.level_ordinal, level.source) == (3, "leader")
    report = wizard.report_page
    assert report.view.summary.text().startswith("Enhet 110 – nye vurderinger lagret: 1 · avviste celler: 1")
    report.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Innlesing av vurderingsmal\nFil: mal.xlsx")
    cell = cells["dig-1 Digitale verktøy"]
    assert f"Vurdering!{cell}: Bjørn Sæther (1002), Digitale verktøy: ikke vurdert → 3" in text
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert row[1:] == [
        "Vurderingsmal",
        "mal.xlsx",
        "testleder",
        "Fullført",
        "vurderinger: 1 · avviste celler: 1",
    ]


def test_a_file_that_is_not_a_template_is_refused(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    path = tmp_path / "vanlig.xlsx"
    Workbook().save(path)
    wizard = page.start_template_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    (box,) = message_boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("Filen vanlig.xlsx er ikke en vurderingsmal fra Kompetanseregister.")
    assert wizard.currentId() == FILE_PAGE


def test_template_models_follow_the_qt_model_contract(
    page: ImportPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    path, _cells = filled_template(ctx, tmp_path)
    wizard = page.start_template_import()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    qtmodeltester.check(wizard.preview_page.view.changed_model)
    qtmodeltester.check(wizard.preview_page.view.refused_model)
