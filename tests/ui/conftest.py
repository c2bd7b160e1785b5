"""Fixtures for the desktop app's tests: isolated Qt preferences, an app context on a fresh SQLite
register, and the start-up controller. Helpers the tests share are in :mod:`tests.ui.support`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from competence.uow import UnitOfWork
from db.session import Database
from tests.ui.support import Register, build_register, message_boxes, shown, wait_idle
from ui.app import Startup, parse_args
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.errors import set_damage_handler
from ui.i18n import install_language
from ui.importing.page import ImportPage
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.style import install_style

#: Qt warnings of the headless "offscreen" platform itself, not of the app.
OFFSCREEN_NOISE = ("This plugin does not support",)
#: The screen the UI tests run on: 1024x768, the smallest a municipal laptop has.
SCREEN_CONFIG = Path(__file__).with_name("screen-1024x768.json")


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """On the headless platform, the test application gets a 1024x768 screen (the platform's
    default is 800x800), so windows and dialogs are tested against the screen a small laptop has."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform == "offscreen":
        return [sys.argv[0], "-platform", f"offscreen:configfile={SCREEN_CONFIG}"]
    return [sys.argv[0]]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every UI test still fails on a Qt warning (qt_log_level_fail), except the platform's own."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings of every test live in its own folder; the bokmål locale is the default; the
    application has the style the app gives it (ui/app.py)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    install_language(qapp, "nb")
    install_style(qapp)
    yield


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(sqlite_database: Database, prefs: Preferences, qtbot: QtBot) -> Iterator[AppContext]:
    context = AppContext(sqlite_database, prefs, actor="testleder")
    yield context
    context.tasks.shutdown()


@pytest.fixture
def register(sqlite_database: Database) -> Register:
    return build_register(UnitOfWork(sqlite_database, actor="testleder"))


@pytest.fixture
def startup(qapp: QApplication, prefs: Preferences, qtbot: QtBot) -> Iterator[Startup]:
    """The start-up controller of ``python main.py``; whatever it opened is closed afterwards."""
    controller = Startup(qapp, parse_args(["main.py"]), prefs)
    yield controller
    set_damage_handler(None)
    qtbot.waitUntil(lambda: controller.tasks.running == 0, timeout=10_000)
    if controller.ctx is not None:
        qtbot.waitUntil(lambda: controller.ctx is None or controller.ctx.tasks.running == 0, timeout=10_000)
    if controller.window is not None:
        controller.window.close()
    if controller.ctx is not None:
        controller.ctx.database.dispose()


@pytest.fixture(params=["nb", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Each test that asks for ``lang`` runs in bokmål and in English."""
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "nb")


@pytest.fixture
def window(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window on the test register, in ``lang``, shown (today is 01.03.2025)."""
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    wait_idle(qtbot, ctx)


@pytest.fixture
def card_page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmployeesPage]:
    """The employee list with Åse's card open, as a user gets there (the card's pickers get the
    list's people); today is 01.03.2025."""
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    page = shown(qtbot, EmployeesPage(ctx))
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        page.open_employee(register.people["aase"])
    yield page
    wait_idle(qtbot, ctx)


@pytest.fixture
def import_page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ImportPage]:
    """The Import screen on the test register (the wizards are its children); today is 01.03.2025.
    Message boxes left open by a test are closed afterwards."""
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = shown(qtbot, ImportPage(ctx))
    yield widget
    wait_idle(qtbot, ctx)  # the wizard is the page's child: it goes with the page
    for box in message_boxes():
        box.close()
