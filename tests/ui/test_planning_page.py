"""The Planlegging screen as a unit leader uses it, on the small test register (today 01.03.2025):
choose the unit by typing, set a target, add a measure aimed at it, set the budget, see a refusal
in place; the 10-FAKTOR and heltid tabs show what the register holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from competence.planning.budget import budget_in
from competence.planning.measures import measures_in
from competence.planning.targets import targets_in
from competence.uow import UnitOfWork
from db.planning import TenFactorResult
from tests.ui.support import (
    Register,
    click,
    click_tab,
    close_modal_dialogs,
    retype,
    shown,
    wait_idle,
    when_open,
)
from ui.context import AppContext
from ui.planning.measures import BudgetDialog, MeasureDialog
from ui.planning.page import PlanningPage
from ui.planning.targets import TargetDialog

TODAY = "2025-03-01"


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PlanningPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY)
    with UnitOfWork(ctx.database) as uow:  # two years of 10-FAKTOR for Hjemmetjenesten
        for year, base in ((2023, 3.4), (2024, 3.7)):
            for factor in range(1, 11):
                uow.session.add(
                    TenFactorResult(
                        unit_id=register.units["home"],
                        year=year,
                        factor=factor,
                        mean=base + factor / 100,
                        respondents=8,
                    )
                )
        uow.commit()
    widget = shown(qtbot, PlanningPage(ctx), size=(1000, 700))
    yield widget
    wait_idle(qtbot, ctx)


def choose_unit(page: PlanningPage, qtbot: QtBot, text: str) -> None:
    """Type part of the unit's name in the picker and press Enter, as a leader does."""
    retype(page.unit.lineEdit(), text)
    popup = page.unit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        QTest.keyClick(popup, Qt.Key.Key_Down)
        QTest.keyClick(popup, Qt.Key.Key_Return)


def test_set_a_target_aim_a_measure_at_it_and_plan_the_budget(
    page: PlanningPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    choose_unit(page, qtbot, "Hjemme")
    assert page.data is not None and page.data.unit_id == register.units["home"]
    assert page.targets.new_button.isEnabled()

    def fill_target(dialog: TargetDialog) -> None:
        retype(dialog.competence.lineEdit(), "informasjonssik")
        popup = dialog.competence.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=2_000)
        QTest.keyClick(popup, Qt.Key.Key_Down)
        QTest.keyClick(popup, Qt.Key.Key_Return)
        dialog.level.setFocus()
        while dialog.level.currentData() != 5:  # the arrow keys, as without a mouse
            QTest.keyClick(dialog.level, Qt.Key.Key_Down)
        retype(dialog.people.line, "2")
        dialog.reason.setFocus()
        QTest.keyClicks(dialog.reason, "Alle på vakt skal kunne håndtere taushetsbelagt informasjon")
        click(dialog.save_button)

    opened = when_open(TargetDialog, fill_target)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click(page.targets.new_button)
    opened.get()
    with UnitOfWork(ctx.database) as uow:
        (target,) = targets_in(uow.session, unit_id=register.units["home"], at=page.data.at)
    # Åse holds it at level 6, Bjørn at 4: one of the two needed
    assert (target.people_needed, target.have, target.short) == (2, 1, 1)
    model = page.targets.model
    assert model.rowCount() == 1
    status = [c.key for c in model.columns].index("state")
    assert model.data(model.index(0, status)) == "Under målet (1)"
    page.targets.select_row(0)
    assert "Åse Ødegård" in page.targets.holders.text()

    click_tab(page.tabs, page.measures)

    def fill_measure(dialog: MeasureDialog) -> None:
        retype(dialog.title, "Kurs i informasjonssikkerhet for hele staben")
        dialog.target.setFocus()
        QTest.keyClick(dialog.target, Qt.Key.Key_Down)  # the unit's one target
        retype(dialog.cost.line, "12 500")
        click(dialog.save_button)

    opened_measure = when_open(MeasureDialog, fill_measure)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click(page.measures.table.new_button)
    opened_measure.get()
    with UnitOfWork(ctx.database) as uow:
        (measure,) = measures_in(uow.session, unit_id=register.units["home"], years=(2025,))
    assert (measure.title, measure.target_id, measure.cost_nok) == (
        "Kurs i informasjonssikkerhet for hele staben",
        target.id,
        12_500,
    )
    assert "planlagt: 12\u00a0500 kr" in page.measures.budget.text.text()

    def fill_budget(dialog: BudgetDialog) -> None:
        retype(dialog.amount.line, "10000")
        click(dialog.save_button)

    opened_budget = when_open(BudgetDialog, fill_budget)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click(page.measures.budget.edit_button)
    opened_budget.get()
    with UnitOfWork(ctx.database) as uow:
        figures = budget_in(uow.session, unit_id=register.units["home"], year=2025, at=page.data.at)
    assert (figures.budget, figures.planned, figures.over_budget) == (10_000, 12_500, True)
    assert "Planlagt over budsjettet: 2\u00a0500 kr" in page.measures.budget.text.text()


def test_a_measure_without_an_aim_is_refused_in_place_and_nothing_saved(
    page: PlanningPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    choose_unit(page, qtbot, "Hjemme")
    click_tab(page.tabs, page.measures)
    seen: dict[str, str] = {}

    def fill(dialog: MeasureDialog) -> None:
        retype(dialog.title, "Noe uten mål")
        click(dialog.save_button)
        seen["error"] = dialog.error_text
        seen["focus"] = type(dialog.focusWidget()).__name__
        close_modal_dialogs()

    opened = when_open(MeasureDialog, fill)
    click(page.measures.table.new_button)
    qtbot.waitUntil(lambda: bool(opened) and "error" in seen, timeout=10_000)
    opened.get()
    assert seen["error"].startswith("Knytt tiltaket til et mål")
    with UnitOfWork(ctx.database) as uow:
        assert measures_in(uow.session, unit_id=None, years=(2025,)) == []


def test_the_whole_municipality_can_be_read_but_not_planned(page: PlanningPage, qtbot: QtBot) -> None:
    assert page.data is not None and page.data.unit_id is None  # the first start: no unit chosen yet
    assert page.unit.currentText() == "Hele kommunen"
    assert not page.targets.new_button.isEnabled()
    assert not page.measures.table.new_button.isEnabled()
    assert not page.measures.budget.edit_button.isEnabled()


def test_tenfactor_and_heltid_show_the_register(page: PlanningPage, register: Register, qtbot: QtBot) -> None:
    choose_unit(page, qtbot, "Hjemme")
    click_tab(page.tabs, page.tabs.widget(2))
    survey = page.survey
    assert survey.heading.text() == "110 Hjemmetjenesten: 2024, 8 svar"
    headers = [
        survey.model.headerData(i, Qt.Orientation.Horizontal) for i in range(survey.model.columnCount())
    ]
    assert headers == ["Faktor", "2023", "2024", "Endring", "Kommunen 2024", "Forskjell"]
    assert survey.model.data(survey.model.index(3, 0)) == "4 Bruk av kompetanse"
    assert survey.model.data(survey.model.index(3, 2)) == "3,74"
    assert survey.model.data(survey.model.index(3, 3)) == "▲ 0,30"
    click_tab(page.tabs, page.fulltime)
    # Åse 80 % and Bjørn 100 % (Lise has left)
    assert "2 personer · 1 i heltid (50\u00a0%)" in page.fulltime.figures.text()
    assert page.fulltime.unit_model.rowCount() == 1
