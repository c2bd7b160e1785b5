"""Reading 10-FAKTOR results in the Import screen's wizard, as HR does it (today 01.03.2025): the
file, the preview with a unit chosen by typing, the import, the report and the history row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from competence.uow import UnitOfWork
from db.codes import TenFactorOutcome
from db.planning import TenFactorResult
from tests.planning.tenfactor_files import Group, long_rows, write_xlsx
from tests.ui.support import Register, click, retype, shown, wait_idle
from ui.context import AppContext
from ui.importing.page import ImportPage
from ui.importing.tenfactor_wizard import PREVIEW_PAGE, REPORT_PAGE, TenFactorWizard


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ImportPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = shown(qtbot, ImportPage(ctx))
    yield widget
    wait_idle(qtbot, ctx)


def stored(ctx: AppContext) -> set[tuple[int, int, int]]:
    with UnitOfWork(ctx.database) as uow:
        return {(r.unit_id, r.year, r.respondents) for r in uow.session.query(TenFactorResult)}


def test_read_the_results_choose_the_unit_the_file_names_differently_and_save(
    page: ImportPage, ctx: AppContext, register: Register, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "10-faktor 2024.xlsx",
        long_rows(
            [
                Group("Hjemmetjenesten", 2024, 9, 3.6),
                Group("Skolen vår", 2024, 14, 3.9),
                Group("Helse og omsorg", 2024, 3, 3.0),
            ]
        ),
    )
    click(page.tenfactor_button)
    wizard = page.wizard
    assert isinstance(wizard, TenFactorWizard)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    click(wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE, timeout=10_000)
    preview = wizard.preview_page
    outcomes = {g.unit_text: g.outcome for g in preview.view.model.rows}
    assert outcomes == {
        "Hjemmetjenesten": TenFactorOutcome.NEW,
        "Skolen vår": TenFactorOutcome.UNMAPPED,
        "Helse og omsorg": TenFactorOutcome.BELOW_MINIMUM,
    }
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # a group still has no unit
    assert "Velg en enhet (eller «hopp over») for: Skolen vår" in preview.view.summary.text()
    # the group under the minimum gets no choice: it is never read
    assert set(preview.pickers) == {"Hjemmetjenesten", "Skolen vår"}

    picker = preview.pickers["Skolen vår"]
    retype(picker.lineEdit(), "Fjordvik sk")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(commit.isEnabled, timeout=10_000)
    assert {g.unit_text: g.outcome for g in preview.view.model.rows}["Skolen vår"] is TenFactorOutcome.NEW
    assert stored(ctx) == set()  # nothing yet

    click(commit)
    qtbot.waitUntil(lambda: wizard.currentId() == REPORT_PAGE, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert stored(ctx) == {(register.units["home"], 2024, 9), (register.units["school"], 2024, 14)}
    assert "lagres: 2" in wizard.report_page.view.summary.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click(wizard.button(QWizard.WizardButton.FinishButton))
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert row[1:] == [
        "10-FAKTOR",
        "10-faktor 2024.xlsx",
        "testleder",
        "Fullført",
        "nye grupper: 2 · erstattet: 0 · under minstegrensen: 1",
    ]

    # the next file from the survey finds "Skolen vår" by itself
    click(page.tenfactor_button)
    again = page.wizard
    assert isinstance(again, TenFactorWizard)
    qtbot.keyClicks(again.file_page.path_edit, str(path))
    click(again.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: again.currentId() == PREVIEW_PAGE, timeout=10_000)
    assert {g.unit_text: g.outcome for g in again.preview_page.view.model.rows}[
        "Skolen vår"
    ] is TenFactorOutcome.UNCHANGED
