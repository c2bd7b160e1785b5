"""One vocabulary, one number: the same gap of one person reads the same on the card, in the
heatmap's drill-down, in the printed plan and in the gap report workbook (it read 13 in the app
and 12 in the PDF), and the unit is explained in the app as in the PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from competence import assessments
from competence.actions.figures import people_behind_cell
from competence.export.excel.gap_report import export_gap_report
from competence.export.pdf.plan import export_plan
from competence.gap import employee_profile
from competence.progress import CancelToken, Progress
from competence.search import competence_levels
from competence.uow import UnitOfWork
from tests.export.conftest import TODAY, ExportRegister, build_register
from ui.card.profile import ProfileTab
from ui.units.drill import DrillPanel
from ui.worker import TaskRunner

#: Per's information security: required 6 of 8 (75 %), assessed 5 of 8 (62.5 %): 12.5 points
GAP_TEXT = "12,5"


@pytest.fixture
def per_with_a_half_point_gap(sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> ExportRegister:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    register = build_register(sqlite_uow)
    assessments.record_assessment(
        sqlite_uow,
        assessments.NewAssessment(register.per, register.comp("dig-2"), 5, dt.date(2026, 10, 1), "leader"),
    )
    return register


def _column(model: object, title: str) -> int:
    return next(c for c, column in enumerate(model.columns) if column.title == title)  # type: ignore[attr-defined]


def test_the_same_gap_reads_the_same_everywhere(
    sqlite_uow: UnitOfWork, per_with_a_half_point_gap: ExportRegister, qtbot: QtBot, tmp_path: Path
) -> None:
    register = per_with_a_half_point_gap
    dig2 = register.comp("dig-2")

    # the card
    tab = ProfileTab(TaskRunner(database=sqlite_uow.database, actor="testleder"))
    qtbot.addWidget(tab)
    profile = employee_profile(sqlite_uow, register.per)
    tab.load(
        register.per,
        profile,
        {i.competence.id: competence_levels(sqlite_uow, i.competence.id) for i in profile.items},
    )
    row = next(r for r, item in enumerate(tab.model.rows) if item.competence.id == dig2)
    assert tab.model.data(tab.model.index(row, _column(tab.model, "Avvik"))) == GAP_TEXT

    # the heatmap's drill-down: the people behind unit 10 × information security
    drill = DrillPanel()
    qtbot.addWidget(drill)
    drill.show_cell(people_behind_cell(sqlite_uow, register.helse, dig2, TODAY, certificate=False), "")
    row = next(r for r, person in enumerate(drill.model.rows) if person.employee_id == register.per)
    assert drill.model.data(drill.model.index(row, _column(drill.model, "Avvik"))) == GAP_TEXT

    # the printed plan
    plan = tmp_path / "plan.pdf"
    export_plan(sqlite_uow, "1002", plan)
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        [tool, "-layout", str(plan), "-"], check=True, capture_output=True, text=True
    ).stdout
    line = next(line for line in text.splitlines() if "dig-2" in line)
    assert f" {GAP_TEXT} " in f"{line} ", line

    # the gap report: the cell holds the number rounded the same way, shown as it is
    workbook = tmp_path / "avvik.xlsx"
    export_gap_report(sqlite_uow, workbook, unit_number="10")
    sheet = load_workbook(workbook)["Avvik per ansatt"]
    cells = next(
        r
        for r in sheet.iter_rows(min_row=5)
        if r[1].value == "Ærlig, Per" and str(r[3].value).startswith("dig-2")
    )
    assert (cells[7].value, cells[7].number_format) == (12.5, "General")  # a spreadsheet shows "12,5"


def test_the_unit_of_the_gap_is_explained_on_the_card(
    sqlite_uow: UnitOfWork, per_with_a_half_point_gap: ExportRegister, qtbot: QtBot
) -> None:
    tab = ProfileTab(TaskRunner(database=sqlite_uow.database, actor="testleder"))
    qtbot.addWidget(tab)
    column = _column(tab.model, "Avvik")
    explained = tab.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "prosentpoeng" in explained
    assert "prosentpoeng" in tab.unit_note.text()
    assert not tab.unit_note.isHidden()


def test_the_progress_dialog_writes_its_percentage_as_every_other(qtbot: QtBot) -> None:
    """Qt's progress bar writes "40%" whatever the language; the app's reads "40 %" in Norwegian."""
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        progress(40, 100, "")
        release.wait(5)

    task = TaskRunner().run_detached(job, parent=parent, label="Arbeider", delay_ms=10)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000)
    bar = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible()).findChild(QProgressBar)
    qtbot.waitUntil(lambda: bar.value() == 40, timeout=5000)
    assert bar.text() == "40\u00a0%"
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
