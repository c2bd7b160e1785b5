"""The main window: discovered screens, keyboard navigation, status bar, remembered layout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from competence.changes import Changes
from tests.ui.support import Register, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.main_window import MainWindow
from ui.pages import PageSpec, discover_pages
from ui.pages.base import Page


@pytest.fixture
def window(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    wait_idle(qtbot, ctx)


def test_pages_are_discovered_in_order() -> None:
    keys = [spec.key for spec in discover_pages()]
    assert keys[0] in ("overview", "employees")
    assert keys[-1] == "settings"
    assert "employees" in keys
    assert len(keys) == len(set(keys))


def test_status_bar_shows_database_and_role(window: MainWindow, ctx: AppContext) -> None:
    assert ctx.database.location in window.db_label.text()
    assert "(fil)" in window.db_label.text()
    assert window.role_label.text() == "Rolle: Enhetsleder"
    ctx.preferences.user_role = "admin"
    ctx.preferences_changed.emit()
    assert window.role_label.text() == "Rolle: Administrator"


def test_ctrl_number_switches_pages_and_ctrl_f_searches(
    window: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    keys = [spec.key for spec in window.specs]
    settings_pos = keys.index("settings") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + settings_pos), Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "settings"
    employees_pos = keys.index("employees") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + employees_pos), Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "employees"
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 4, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_open_employee_request_shows_the_card(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    window.show_page("settings")
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        ctx.employee_requested.emit(register.people["bjorn"])
    assert window.current_key == "employees"
    assert page.card.name.text() == "Bjørn Sæther"


def test_size_and_page_are_remembered(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.show_page("settings")
    first.close()
    wait_idle(qtbot, ctx)
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key == "settings"
    assert (second.width(), second.height()) == (720, 520)


def test_controls_have_accessible_names(window: MainWindow) -> None:
    assert window.nav.accessibleName() == "Navigasjon"
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    for widget in (page.search, page.table, page.units, page.roles, page.competence.competence):
        assert widget.accessibleName(), widget


def test_a_new_screen_plugs_in_by_registering_it(ctx: AppContext, qtbot: QtBot) -> None:
    class Hello(Page):
        def __init__(self, context: AppContext) -> None:
            super().__init__(context)
            self.label = QLabel("Hei", self)
            self.loads = 0

        def reload(self) -> None:
            self.loads += 1
            self.loaded.emit()

    spec = PageSpec("hello", 55, lambda: QCoreApplication.translate("Navigasjon", "Hei"), Hello)
    specs = sorted([*discover_pages(), spec], key=lambda s: s.order)
    win = MainWindow(ctx, specs)
    qtbot.addWidget(win)
    win.show()
    win.show_page("hello")
    page = win.page("hello")
    assert isinstance(page, Hello)
    assert page.loads == 1
    assert win.nav.currentItem().text() == "Hei"
    ctx.tasks.publish(Changes(people=True))  # visible: reloads now
    assert page.loads == 2
    win.show_page("settings")
    ctx.tasks.publish(Changes(people=True))  # hidden: reloads when shown again
    assert page.loads == 2
    win.show_page("hello")
    assert page.loads == 3
    wait_idle(qtbot, ctx)


def test_screens_are_made_when_first_shown(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    ctx.preferences.last_page = "settings"
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert set(win.pages) == {"settings"}
    win.show_page("employees")
    assert set(win.pages) == {"settings", "employees"}
    wait_idle(qtbot, ctx)


def test_preload_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from ui.preload import preload; preload(); "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_file_menu_opens_the_audit_log(window: MainWindow, ctx: AppContext, qtbot: QtBot) -> None:
    from ui.privacy.auditlog import AuditLogDialog

    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Revisjonslogg…")
    action.trigger()
    dialog = window.findChild(AuditLogDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    dialog.close()
