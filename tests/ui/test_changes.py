"""Screens reload only what an action changed (ui/worker.py publishes the unit of work's
:class:`competence.changes.Changes`; each screen says what it shows): a level edited on the card
reloads the card and patches Enheter and Oversikt (only the cells the level touches are computed
again, competence/gap/patch.py), but not the frameworks screen or the import history; a
requirement changed on the frameworks screen reloads it and the unit views, not the import history."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from competence import gap
from competence.actions import figures
from competence.uow import UnitOfWork
from tests.ui.support import Register, run_dialog, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.frameworks.roles import RequirementDialog
from ui.main_window import MainWindow
from ui.overview.page import OverviewPage
from ui.pages import discover_pages
from ui.pages.base import Page
from ui.units.page import UnitsPage


class Reloads:
    """How often each screen loaded its data."""

    def __init__(self, window: MainWindow) -> None:
        self.count: dict[str, int] = {}
        for spec in window.specs:
            page = window.page(spec.key)
            assert page is not None
            page.loaded.connect(lambda key=spec.key: self._loaded(key))

    def _loaded(self, key: str) -> None:
        self.count[key] = self.count.get(key, 0) + 1

    def reset(self) -> None:
        self.count.clear()


@pytest.fixture
def window(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(ctx, discover_pages())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    for key in ("overview", "units", "frameworks", "import", "employees"):  # each loaded once
        page = win.page(key)
        assert page is not None
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            win.show_page(key)
    wait_idle(qtbot, ctx)
    yield win
    wait_idle(qtbot, ctx)


def _page(window: MainWindow, key: str) -> Page:
    page = window.page(key)
    assert page is not None
    return page


def test_a_level_edited_on_the_card_updates_the_card_and_the_unit_views_only(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """The card reloads; Enheter and Oversikt, hidden, bring their figures up to date at once by
    recomputing the cells the level touches (docs/decisions/0015), so showing them loads nothing."""
    employees = _page(window, "employees")
    assert isinstance(employees, EmployeesPage)
    employees.open_employee(register.people["aase"])
    card = employees.card
    qtbot.waitUntil(lambda: card.data is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    reloads = Reloads(window)

    dig1 = register.fw.competence_ids["dig-1"]
    row = next(r for r, item in enumerate(card.profile.model.rows) if item.competence.id == dig1)
    index = card.profile.model.index(row, 3)
    card.profile.view.setCurrentIndex(index)
    card.profile.view.edit(index)
    editor = card.profile.view.indexWidget(index) or card.profile.view.focusWidget()
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(4))
    with qtbot.waitSignal(card.loaded, timeout=10_000):  # the card on the screen: at once
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert reloads.count == {"units": 1, "overview": 1}  # patched at once, though hidden

    for key in ("units", "overview", "frameworks", "import"):
        window.show_page(key)
        wait_idle(qtbot, ctx)
    assert reloads.count == {"units": 1, "overview": 1}  # not the frameworks, not the imports


def test_a_requirement_changed_reloads_the_frameworks_screen_and_the_unit_views(
    window: MainWindow,
    ctx: AppContext,
    register: Register,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frameworks = _page(window, "frameworks")
    window.show_page("frameworks")  # loaded already
    roles = frameworks.roles  # type: ignore[attr-defined]
    frameworks.tabs.setCurrentWidget(roles)  # type: ignore[attr-defined]
    nurse = next(i for i, r in enumerate(roles.roles.model.rows) if r.name == "Sykepleier")
    roles.roles.view.selectRow(nurse)
    wait_idle(qtbot, ctx)
    reloads = Reloads(window)

    def require_dig2(dialog: QDialog) -> None:
        assert isinstance(dialog, RequirementDialog)
        dialog.competence.select_id(register.fw.competence_ids["hms-1"])

    run_dialog(monkeypatch, RequirementDialog, require_dig2)
    with qtbot.waitSignal(frameworks.loaded, timeout=10_000):  # on the screen: at once
        roles.add_requirement_button.click()
    wait_idle(qtbot, ctx)
    for key in ("units", "overview", "import", "employees"):
        window.show_page(key)
        wait_idle(qtbot, ctx)
    assert reloads.count == {"frameworks": 1, "units": 1, "overview": 1, "employees": 1}


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
