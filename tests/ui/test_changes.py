"""Screens reload only what an action changed (ui/worker.py publishes the unit of work's
:class:`competence.changes.Changes`; each screen says what it shows): a level edited on the card
reloads the card, Enheter and Oversikt, but not the frameworks screen or the import history; a
requirement changed on the frameworks screen reloads it and the unit views, not the import history."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from tests.ui.support import Register, run_dialog, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.frameworks.roles import RequirementDialog
from ui.main_window import MainWindow
from ui.pages import discover_pages
from ui.pages.base import Page


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
