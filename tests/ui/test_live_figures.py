"""Live figures: a level typed on the employee card changes the open heatmap (Enheter) and
Oversikt without the whole municipality being computed again (competence/gap/patch.py,
docs/decisions/0015). The figures shown afterwards equal those computed afresh."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from competence import gap
from competence.actions import figures
from competence.uow import UnitOfWork
from tests.ui.support import Register, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.main_window import MainWindow
from ui.overview.page import OverviewPage
from ui.pages import discover_pages
from ui.units.page import UnitsPage


@pytest.fixture
def window(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(ctx, discover_pages())
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    for key in ("overview", "units", "employees"):
        page = win.page(key)
        assert page is not None
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            win.show_page(key)
    wait_idle(qtbot, ctx)
    yield win
    wait_idle(qtbot, ctx)


def test_a_level_typed_on_the_card_changes_the_open_heatmap_and_oversikt(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    units, overview, people = window.page("units"), window.page("overview"), window.page("employees")
    assert isinstance(units, UnitsPage) and isinstance(overview, OverviewPage)
    assert isinstance(people, EmployeesPage)
    home, dig1 = register.units["home"], register.fw.competence_ids["dig-1"]
    row, column = units.model.row_of_unit(home), units.model.column_of(dig1)
    assert row is not None and column is not None
    before = units.model.figures(row, column)
    assert before is not None and (before.people, before.met, before.not_assessed) == (2, 0, 2)
    assert overview.not_assessed.value.text() == "4"
    full: list[Any] = []  # every computation of a whole report, from now on
    real = figures.gap_report
    monkeypatch.setattr(figures, "gap_report", lambda *a, **k: full.append(a) or real(*a, **k))

    people.open_employee(register.people["aase"])
    card = people.card
    qtbot.waitUntil(lambda: card.data is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    profile_row = next(r for r, item in enumerate(card.profile.model.rows) if item.competence.id == dig1)
    index = card.profile.model.index(profile_row, 3)
    card.profile.view.setFocus()
    card.profile.view.setCurrentIndex(index)
    QTest.keyClick(card.profile.view, Qt.Key.Key_F2)  # edit the level, as a leader does
    editor = card.profile.view.focusWidget()
    assert isinstance(editor, QComboBox)
    QTest.keyClicks(editor, "4")  # level 4 of 4: meets the nurse's level 3
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: units.model.figures(row, column) != before, timeout=10_000)
    wait_idle(qtbot, ctx)

    after = units.model.figures(row, column)
    assert after is not None and (after.people, after.met, after.not_assessed) == (2, 1, 1)
    assert full == []  # nothing computed the municipality again
    fresh = gap.unit_heatmap(UnitOfWork(ctx.database))
    shown_total = units.model.figures(0, column)
    assert shown_total is not None
    total = fresh.totals[dig1]
    assert (shown_total.people, shown_total.met, shown_total.not_assessed) == (
        total.people,
        total.met,
        total.not_assessed,
    )
    assert shown_total.mean_gap == total.mean_gap
    assert overview.not_assessed.value.text() == "3"  # Oversikt, hidden meanwhile, follows too
    window.show_page("overview")
    wait_idle(qtbot, ctx)
    assert full == []
