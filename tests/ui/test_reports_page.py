"""Rapporter: each export through the real form, with the file dialog answered and the "open"
buttons caught; the files are read back to check what they hold."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from competence.audit import list_events
from competence.progress import Cancelled, CancelToken
from competence.uow import UnitOfWork
from tests.ui.support import Register, message_boxes, shown, uow_of, visible, wait_idle
from ui.context import AppContext
from ui.reports.files import FOLDER_KEY, dated_file_name, safe_file_name, write_into_place
from ui.reports.kinds import PLAN, Choice, Written
from ui.reports.page import ReportsPage

ROOT = Path(__file__).resolve().parents[2]


class Dialogs:
    """Answers the file dialogs like a user and records what the app opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        self.answer: Path | None = None
        self.suggested: str = ""
        self.opened: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)
        monkeypatch.setattr(QDesktopServices, "openUrl", self._open)

    def _save(self, parent: object, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        self.suggested = suggested
        return (str(self.answer) if self.answer else "", file_filter)

    def _folder(self, parent: object, title: str, start: str) -> str:
        self.suggested = start
        return str(self.answer) if self.answer else ""

    def _open(self, url: QUrl) -> bool:
        self.opened.append(Path(url.toLocalFile()))
        return True


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    return Dialogs(monkeypatch, tmp_path)


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ReportsPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    yield shown(qtbot, ReportsPage(ctx), (1100, 700))
    wait_idle(qtbot, ctx)


def export(page: ReportsPage, qtbot: QtBot) -> Written:
    with qtbot.waitSignal(page.exported, timeout=30_000) as done:
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    written = done.args[0]
    assert isinstance(written, Written)
    return written


def choose(page: ReportsPage, key: str) -> None:
    page.select_kind(key)


def type_and_pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Type part of a name and take the first suggestion, as a user does (Down, Enter)."""
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), text)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_matrix_of_the_whole_municipality(
    page: ReportsPage, ctx: AppContext, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "matrix")
    assert page.unit.currentText() == "Hele kommunen"
    assert not page.subunits.isEnabled()
    dialogs.answer = tmp_path / "ut" / "matrise"  # typed without the suffix
    (tmp_path / "ut").mkdir()
    written = export(page, qtbot)
    assert dialogs.suggested.endswith("Kompetansematrise hele kommunen 2025-03-01.xlsx")
    target = tmp_path / "ut" / "matrise.xlsx"
    assert written.path == target and target.exists()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temporary left
    sheet = load_workbook(target, read_only=True).worksheets[0]
    names = {row[0] for row in sheet.iter_rows(values_only=True)}
    assert {"Ødegård, Åse", "Andersen, Kari"} <= names
    assert "4 ansatte × 2 kompetanser (4 ikke vurdert)." in page.result.text()
    assert page.result_box.isVisible()
    # the folder is remembered for the next export
    assert ctx.preferences.settings.value(FOLDER_KEY) == str(tmp_path / "ut")
    qtbot.mouseClick(page.open_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.open_folder, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [target, target.parent]
    exports = list_events(UnitOfWork(ctx.database), action="export", limit=5)
    assert [(e.entity, e.actor) for e in exports] == [("matrix", "testleder")]


def test_gap_report_for_one_unit_with_its_sub_units(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "gap")
    page.unit.setCurrentIndex(page.unit.findData(register.units["sector"]))
    assert page.subunits.isEnabled() and page.subunits.isChecked()
    dialogs.answer = tmp_path / "avvik.xlsx"
    export(page, qtbot)
    assert dialogs.suggested.endswith("Avviksrapport Helse og omsorg 2025-03-01.xlsx")
    book = load_workbook(tmp_path / "avvik.xlsx", read_only=True)
    assert len(book.sheetnames) >= 3
    assert "Enheter: 1 · sårbare kompetanser: 1 ·" in page.result.text()  # Hjemmetjenesten


def test_a_unit_is_required_where_the_export_needs_one(
    page: ReportsPage, dialogs: Dialogs, qtbot: QtBot
) -> None:
    choose(page, "template")
    assert page.unit.currentIndex() == -1  # no "whole municipality" for a template
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible() and page.error.text() == "Velg en enhet."
    assert page.unit.hasFocus()
    assert dialogs.suggested == ""  # no file dialog was shown


def test_assessment_template_for_a_unit(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "template")
    type_and_pick(qtbot, page.unit, "fjordvik")
    assert page.unit.selected_id() == register.units["school"]
    dialogs.answer = tmp_path / "mal.xlsx"
    export(page, qtbot)
    assert "2 ansatte × 1 kompetanser." in page.result.text()
    assert load_workbook(tmp_path / "mal.xlsx").worksheets[0].title


def test_development_plan_for_a_person_typed_in(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "plan")
    assert page.person.isVisible() and not page.unit.isVisible()
    # Lise has left: she is not offered
    assert not any("Aas" in page.person.itemText(i) for i in range(page.person.count()))
    type_and_pick(qtbot, page.person, "ødegård")
    assert page.person.selected_id() == register.people["aase"]
    dialogs.answer = tmp_path / "plan.pdf"
    export(page, qtbot)
    assert dialogs.suggested.endswith("Utviklingsplan 1001 Ødegård Åse.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "plan.pdf").pages)
    assert "Åse Ødegård" in text
    assert "Utviklingsplan for ansatt 1001" in page.result.text()


def test_half_typed_person_is_refused(page: ReportsPage, dialogs: Dialogs, qtbot: QtBot) -> None:
    choose(page, "plan")
    qtbot.keyClicks(page.person.lineEdit(), "Ødeg")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.error.text().startswith("Velg en person fra listen")
    assert dialogs.suggested == ""


def test_plans_for_a_unit_as_files_and_one_combined_pdf(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "plans")
    assert page.combined.isVisible() and page.combined.isChecked()
    page.unit.setCurrentIndex(page.unit.findData(register.units["home"]))
    dialogs.answer = tmp_path / "planer"
    dialogs.answer.mkdir()
    written = export(page, qtbot)
    files = sorted(p.name for p in (tmp_path / "planer").iterdir())
    assert files == [
        "Utviklingsplan 1001 Ødegård Åse.pdf",
        "Utviklingsplan 1002 Sæther Bjørn.pdf",
        "Utviklingsplaner Hjemmetjenesten 2025-03-01.pdf",
    ]
    assert written.main_file == tmp_path / "planer" / "Utviklingsplaner Hjemmetjenesten 2025-03-01.pdf"
    assert len(PdfReader(written.main_file).outline) == 2  # a bookmark per person
    assert "2 utviklingsplaner" in page.result.text()
    qtbot.mouseClick(page.open_folder, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [tmp_path / "planer"]


def test_unit_competence_plan(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "unit_plan")
    page.unit.setCurrentIndex(page.unit.findData(register.units["home"]))
    dialogs.answer = tmp_path / "kompetanseplan.pdf"
    export(page, qtbot)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "kompetanseplan.pdf").pages)
    assert "Hjemmetjenesten" in text
    assert "2 ansatte" in page.result.text()


def test_cancelling_the_file_dialog_does_nothing(
    page: ReportsPage, ctx: AppContext, dialogs: Dialogs, qtbot: QtBot
) -> None:
    choose(page, "matrix")
    dialogs.answer = None
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert ctx.tasks.running == 0
    assert not page.result_box.isVisible()


def test_a_file_that_cannot_be_written_gets_a_clear_message(
    page: ReportsPage, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    choose(page, "matrix")
    dialogs.answer = blocker / "matrise.xlsx"
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    box = message_boxes()[0]
    assert box.text() == (
        f"Kan ikke skrive {blocker / 'matrise.xlsx'}: mappen {blocker} finnes ikke, eller er ikke en mappe. "
        "Ingenting ble lagret."
    )
    box.close()
    assert page.create_button.isEnabled()


def test_cancel_in_the_progress_dialog_says_so_and_saves_nothing(
    page: ReportsPage, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, proceed = threading.Event(), threading.Event()

    def export_matrix(uow: object, path: Path, **options: object) -> None:
        path.write_text("half a matrix")
        started.set()
        proceed.wait(10)  # a long export: the progress dialog shows meanwhile

    monkeypatch.setattr("competence.export.excel.matrix.export_matrix", export_matrix)
    choose(page, "matrix")
    (tmp_path / "ut").mkdir()
    dialogs.answer = tmp_path / "ut" / "matrise.xlsx"
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert not page.create_button.isEnabled()  # one export at a time
    qtbot.waitUntil(started.is_set, timeout=5_000)
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    progress = visible(QProgressDialog)[0]
    assert isinstance(progress, QProgressDialog)
    assert "Lager Kompetansematrise (Excel)…" in progress.labelText()
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    proceed.set()
    qtbot.waitUntil(page.result_box.isVisible, timeout=10_000)
    assert page.result_box.title() == "Avbrutt"
    assert page.result.text() == "Eksporten ble avbrutt. Ingen fil ble lagret."
    assert list((tmp_path / "ut").iterdir()) == []
    assert page.open_file.isHidden() and page.open_folder.isHidden()
    assert not message_boxes()
    assert page.create_button.isEnabled()


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    target.write_text("the old report")
    cancel = CancelToken()

    def write(path: Path) -> str:
        path.write_text("half a new report")
        cancel.cancel()  # the user pressed Avbryt meanwhile
        return "done"

    with pytest.raises(Cancelled):
        write_into_place(target, write, cancel)
    assert target.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.xlsx"]


def test_default_names() -> None:
    import datetime as dt

    assert dated_file_name("Avviksrapport", "Helse/omsorg: sør", dt.date(2025, 3, 1), ".xlsx") == (
        "Avviksrapport Helse omsorg sør 2025-03-01.xlsx"
    )
    assert safe_file_name("  ", ".pdf") == "eksport.pdf"
    choice = Choice(PLAN, employee_no="1001", person_name="Ødegård Åse")
    assert choice.default_name(dt.date(2025, 3, 1)) == "Utviklingsplan 1001 Ødegård Åse.pdf"


def test_the_screens_do_not_load_the_export_libraries_at_start() -> None:
    """The start-up benchmark counts: openpyxl and reportlab are imported when an export runs."""
    code = (
        "import sys; from ui.pages import discover_pages; discover_pages(); "
        "import ui.card.card; "
        "sys.exit(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules) != [])"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_cancelling_a_batch_of_plans_shows_at_once_and_stops_the_workers_within_a_second(
    ctx: AppContext, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole municipality's plans are drawn in worker processes; Avbryt says "Avbryter…" at once
    and the workers are stopped mid-chunk (they used to finish their chunks first: ~10 s)."""
    from competence.demo import generate_demo
    from competence.frameworks import ensure_builtin_frameworks

    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    ensure_builtin_frameworks(uow_of(ctx))
    generate_demo(ctx.database, employees=300, seed=7)
    page = shown(qtbot, ReportsPage(ctx), (1000, 700))
    choose(page, "plans")
    top = next(u for u in page.choices.units if u.depth == 0)
    page.unit.select_id(top.id)
    page.subunits.setChecked(True)
    dialogs.answer = tmp_path / "planer"
    dialogs.answer.mkdir()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(visible(QProgressDialog)) and bool(multiprocessing.active_children()), timeout=20_000
    )
    progress = visible(QProgressDialog)[0]
    assert isinstance(progress, QProgressDialog)
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=20_000)  # the workers are mid-batch
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    clicked = time.monotonic()
    assert progress.isVisible() and progress.labelText() == "Avbryter…"  # at once, not a vanished dialog
    qtbot.waitUntil(page.result_box.isVisible, timeout=5_000)
    assert time.monotonic() - clicked < 1.0, f"stopped after {time.monotonic() - clicked:.1f} s"
    assert page.result_box.title() == "Avbrutt"
    assert multiprocessing.active_children() == []  # the worker processes were stopped
    assert list((tmp_path / "planer").iterdir()) == []
    assert page.create_button.isEnabled()
    wait_idle(qtbot, ctx)


def test_choosing_another_report_clears_the_last_ones_result(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "unit_plan")
    page.unit.setCurrentIndex(page.unit.findData(register.units["home"]))
    dialogs.answer = tmp_path / "kompetanseplan.pdf"
    export(page, qtbot)
    assert page.result_box.isVisible() and page.result_box.title() == "Ferdig"
    row = next(
        i for i in range(page.kinds.count()) if page.kinds.item(i).text() == "Kompetansematrise (Excel)"
    )
    where = page.kinds.visualItemRect(page.kinds.item(row)).center()
    qtbot.mouseClick(page.kinds.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.title.text() == "Kompetansematrise (Excel)"
    assert not page.result_box.isVisible()  # "Ferdig" with the plan's file was the other report's


def test_a_talk_date_that_is_not_a_date_is_refused_at_the_field(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "plan")
    page.person.setFocus()
    qtbot.keyClicks(page.person.lineEdit(), "Ødegård")
    page.person.select_id(register.people["aase"])
    page.talk_on.line.selectAll()
    qtbot.keyClicks(page.talk_on.line, "31.02.2025")
    dialogs.answer = tmp_path / "plan.pdf"
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.talk_on.message.isVisible() and "31.02.2025" in page.talk_on.message.text()
    assert page.error.text() == "Rett opp feltet som er merket med rødt."
    assert dialogs.suggested == ""  # the file dialog never opened
    assert not (tmp_path / "plan.pdf").exists()
