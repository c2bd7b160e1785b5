"""Innsyn and erasure from the employee card, through the real widgets: the card's Personvern menu,
the save dialog, the confirmation typed by the user, and what the database and the files hold."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from competence import audit
from competence.employees import find_employee, list_employees
from competence.errors import NotFoundError
from competence.uow import UnitOfWork
from tests.ui.support import Register, wait_idle
from ui.card.card import EmployeeCard
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.privacy.erasure import ErasureDialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the app asked the desktop to open."""
    files: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: files.append(Path(QUrl(url).toLocalFile())) or True
    )
    return files


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str, asked: list[str]) -> None:
    def answer(parent: object, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(suggested)
        assert "(*.pdf)" in file_filter and "(*.json)" in file_filter
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_innsyn_as_json_holds_everything_on_the_person(
    card_page: EmployeesPage,
    ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    asked: list[str] = []
    save_as(monkeypatch, tmp_path / "innsyn-aase.json", "JSON-fil (*.json)", asked)
    card_page.card.innsyn_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert Path(asked[0]).name == "Innsyn 1001 Ødegård Åse 2025-03-01.pdf"
    path = opened[0]
    assert path == tmp_path / "innsyn-aase.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["person"]["employee_no"] == "1001"
    assert (data["person"]["first_name"], data["person"]["last_name"]) == ("Åse", "Ødegård")
    assert [p["title"] for p in data["records"]["position"]] == ["Stilling aase"]
    assert [a["assessed_on"] for a in data["records"]["assessment"]] == ["2024-03-01"]
    assert data["records"]["assessment"][0]["level_label"] == "Nivå 6"
    assert not list(tmp_path.glob(".*.part"))
    exports = audit.list_events(UnitOfWork(ctx.database), action="export", employee_no="1001")
    assert [e.details.get("what") for e in exports] == ["innsyn"]


def test_innsyn_as_pdf_when_the_pdf_filter_is_chosen(
    card_page: EmployeesPage,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    save_as(monkeypatch, tmp_path / "til-aase", "PDF-dokument (*.pdf)", [])  # typed without a suffix
    card_page.card.innsyn_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [tmp_path / "til-aase.pdf"]
    text = "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    assert "Ødegård" in text and "Stilling aase" in text
    assert stat.S_IMODE(opened[0].stat().st_mode) == 0o600


def type_confirmation(qtbot: QtBot, dialog: ErasureDialog, text: str) -> None:
    dialog.confirmation.clear()
    qtbot.keyClicks(dialog.confirmation, text)


def test_erasure_lists_what_goes_asks_for_the_number_and_removes_every_trace(
    card_page: EmployeesPage,
    ctx: AppContext,
    register: Register,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, object] = {}

    def confirm_like_a_user(dialog: ErasureDialog) -> int:
        seen["summary"] = dialog.summary.text()
        seen["note"] = dialog.note.text()
        assert not dialog.erase_button.isEnabled()
        type_confirmation(qtbot, dialog, "1002")  # a colleague's number does not do
        assert not dialog.erase_button.isEnabled()
        qtbot.keyClick(dialog.confirmation, Qt.Key.Key_Return)
        assert dialog.result() != QDialog.DialogCode.Accepted
        type_confirmation(qtbot, dialog, "1001")
        assert dialog.erase_button.isEnabled()
        dialog.erase_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ErasureDialog, "exec", confirm_like_a_user)
    card = card_page.card
    with qtbot.waitSignal(card_page.loaded, timeout=20_000):  # back in the list, reloaded
        card.erase_action.trigger()
    summary = str(seen["summary"])
    assert "Stillinger: 1" in summary
    assert "Kompetansevurderinger (med historikk): 1" in summary
    assert "Personen selv (navn, e-post, ansattnummer): 1" in summary
    assert "sikkerhetskopier" in str(seen["note"]).lower() and "roteres bort" in str(seen["note"])
    assert card_page.stack.currentWidget() is card_page.splitter
    assert card.employee_id is None
    assert "1001" not in [row.employee_no for row in card_page.model.rows]

    uow = UnitOfWork(ctx.database)
    with pytest.raises(NotFoundError):
        find_employee(uow, "1001")
    assert len(list_employees(uow, include_left=True)) == 4
    assert audit.list_events(uow, employee_no="1001") == []
    erasures = audit.list_events(uow, action="erase")
    assert len(erasures) == 1 and erasures[0].employee_no is None
    path = ctx.database.path
    assert path is not None
    stored = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    assert "Ødegård".encode() not in stored  # compacted: not even in the file's free pages


def test_erasure_cancelled_or_unconfirmed_changes_nothing(
    card_page: EmployeesPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[ErasureDialog] = []

    def give_up(dialog: ErasureDialog) -> int:
        asked.append(dialog)
        type_confirmation(qtbot, dialog, "100")
        dialog.accept()  # Enter without the right number
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(ErasureDialog, "exec", give_up)
    card_page.card.erase_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert find_employee(UnitOfWork(ctx.database), "1001").last_name == "Ødegård"
    assert card_page.stack.currentWidget() is card_page.card
    assert audit.list_events(UnitOfWork(ctx.database), action="erase") == []


def test_the_card_offers_both_actions_in_its_privacy_menu(card_page: EmployeesPage) -> None:
    card: EmployeeCard = card_page.card
    menu = card.privacy_button.menu()
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Eksporter alt om personen (innsyn)…", "Slett pe&rsonen (personvern)…"]
    assert card.privacy_button.accessibleName() == "Personvern: innsyn og sletting"
