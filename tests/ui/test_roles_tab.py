"""Rammeverk og roller, the role side: roles and their required levels, through the real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.queries import find_competence
from competence.roles import list_roles, requirements_of
from competence.uow import UnitOfWork
from tests.ui.support import Register, run_dialog, shown, wait_idle
from ui.context import AppContext
from ui.frameworks.page import FrameworksPage
from ui.frameworks.roles import RequirementDialog, RoleDialog, RolesTab


@pytest.fixture
def page(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[FrameworksPage]:
    ensure_builtin_frameworks(UnitOfWork(ctx.database))
    widget = shown(qtbot, FrameworksPage(ctx), (1300, 800))
    widget.tabs.setCurrentWidget(widget.roles)
    wait_idle(qtbot, ctx)
    yield widget
    wait_idle(qtbot, ctx)


def uow(ctx: AppContext) -> UnitOfWork:
    return UnitOfWork(ctx.database)


def reloaded(qtbot: QtBot, tab: RolesTab, action: Callable[[], None]) -> None:
    """Run ``action`` and wait until the page has reloaded and the requirements are shown again."""
    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):
        action()
    wait_idle(qtbot, tab.ctx)


def select_role(qtbot: QtBot, tab: RolesTab, name: str) -> None:
    row = next(i for i, r in enumerate(tab.roles.model.rows) if r.name == name)
    selected = tab.roles.selected()
    if selected is not None and selected.name == name:
        return
    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):
        tab.roles.view.selectRow(row)


def cells(tab: RolesTab) -> list[list[str]]:
    model = tab.requirements.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_roles_and_their_requirements_are_shown(page: FrameworksPage, qtbot: QtBot) -> None:
    tab = page.roles
    assert [r.name for r in tab.roles.model.rows] == ["Lærer", "Sykepleier"]
    select_role(qtbot, tab, "Sykepleier")
    assert cells(tab) == [
        ["dig-1 Digitale verktøy", "Testrammeverk", "3 Nivå 3", "75\u00a0%", "Ja", "", "", "fra starten"],
        [
            "dig-2 Informasjonssikkerhet",
            "Testrammeverk",
            "5 Nivå 5",
            "62,5\u00a0%",
            "Ja",
            "Ja",
            "",
            "fra starten",
        ],
    ]
    assert "3 stillinger har rollen" in tab.heading.text()


def test_create_a_role_and_require_a_digcomp_level(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.roles

    def new_role(dialog: QDialog) -> None:
        assert isinstance(dialog, RoleDialog)
        qtbot.keyClicks(dialog.name, "Saksbehandler")
        qtbot.keyClicks(dialog.description, "Behandler søknader i servicetorget")

    run_dialog(monkeypatch, RoleDialog, new_role)
    reloaded(qtbot, tab, tab.new_role_button.click)
    role = tab.roles.selected()
    assert role is not None and role.name == "Saksbehandler"
    assert tab.add_requirement_button.isEnabled()

    digcomp = find_competence(uow(ctx), "digcomp-2.2", "digcomp-4.2")

    def require(dialog: QDialog) -> None:
        assert isinstance(dialog, RequirementDialog)
        dialog.competence.select_id(digcomp.id)
        # the levels offered are the competence's own scale: DigComp's eight
        assert dialog.level.count() == 8
        assert dialog.level.itemText(4) == "5 Veileder andre (62,5\u00a0%)"
        dialog.level.setCurrentIndex(dialog.level.findData(5))
        dialog.mandatory.setChecked(False)

    run_dialog(monkeypatch, RequirementDialog, require)
    reloaded(qtbot, tab, tab.add_requirement_button.click)
    (stored,) = requirements_of(uow(ctx), role.id)
    assert (stored.competence_id, stored.level_ordinal, stored.mandatory) == (digcomp.id, 5, False)
    assert cells(tab)[0][2:5] == ["5 Veileder andre", "62,5\u00a0%", "Ønsket"]
    assert next(r for r in list_roles(uow(ctx)) if r.name == "Saksbehandler").requirement_count == 1


def test_edit_and_remove_a_requirement(
    page: FrameworksPage, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.roles
    select_role(qtbot, tab, "Sykepleier")
    tab.requirements.select_row(1)

    def lower(dialog: QDialog) -> None:
        assert isinstance(dialog, RequirementDialog)
        assert not dialog.competence.isEnabled()  # the competence of a requirement stays
        assert dialog.level.currentData() == 5
        dialog.level.setCurrentIndex(dialog.level.findData(4))

    run_dialog(monkeypatch, RequirementDialog, lower)
    reloaded(qtbot, tab, tab.edit_requirement_button.click)
    nurse = register.roles["nurse"]
    levels = {r.competence_id: r.level_ordinal for r in requirements_of(uow(ctx), nurse)}
    assert levels[register.fw.competence_ids["dig-2"]] == 4

    tab.requirements.select_row(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    reloaded(qtbot, tab, tab.remove_requirement_button.click)
    assert [r.competence_id for r in requirements_of(uow(ctx), nurse)] == [
        register.fw.competence_ids["dig-2"]
    ]


def test_a_second_requirement_for_the_same_competence_says_it_replaces(
    page: FrameworksPage, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.roles
    select_role(qtbot, tab, "Sykepleier")
    notes: list[str] = []

    def same_again(dialog: QDialog) -> None:
        assert isinstance(dialog, RequirementDialog)
        assert dialog.note.isHidden()
        dialog.competence.select_id(register.fw.competence_ids["dig-1"])
        notes.append(dialog.note.text() if not dialog.note.isHidden() else "")

    run_dialog(monkeypatch, RequirementDialog, same_again)
    tab.add_requirement_button.click()  # the same level again: nothing changed, nothing to reload
    wait_idle(qtbot, tab.ctx)
    assert notes == ["Rollen krever allerede nivå 3 Nivå 3; det nye nivået erstatter det."]
    assert len(tab.requirements.model.rows) == 2


def test_refusals_are_shown_in_the_dialog(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.roles
    errors: list[str] = []

    def duplicate(dialog: QDialog) -> int:
        assert isinstance(dialog, RoleDialog)
        qtbot.keyClicks(dialog.name, "sykepleier")
        dialog.accept()
        errors.append(dialog.error_text)
        dialog.name.clear()
        dialog.accept()
        errors.append(dialog.error_text)
        return int(dialog.result())

    monkeypatch.setattr(RoleDialog, "exec", duplicate)
    tab.new_role_button.click()
    assert errors == ["Rollen «sykepleier» finnes allerede.", "Rollenavn må fylles ut."]
    assert len(list_roles(uow(ctx))) == 2

    def no_competence(dialog: QDialog) -> int:
        assert isinstance(dialog, RequirementDialog)
        dialog.accept()
        errors.append(dialog.error_text)
        return int(dialog.result())

    monkeypatch.setattr(RequirementDialog, "exec", no_competence)
    tab.add_requirement_button.click()
    assert errors[-1] == "Velg en kompetanse."


def test_delete_a_role(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.roles
    select_role(qtbot, tab, "Lærer")
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    reloaded(qtbot, tab, tab.delete_role_button.click)
    assert "2 stillinger har rollen" in asked[0]
    assert [r.name for r in list_roles(uow(ctx))] == ["Sykepleier"]
    assert [r.name for r in tab.roles.model.rows] == ["Sykepleier"]


def test_role_models_follow_the_qt_model_contract(page: FrameworksPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.roles.roles.model)
    qtmodeltester.check(page.roles.requirements.model)
