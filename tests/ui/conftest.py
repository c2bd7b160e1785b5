"""Fixtures for the desktop app's tests: isolated Qt preferences, an app context on a fresh SQLite
register, and a way to wait for background tasks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from competence.uow import UnitOfWork
from db.session import Database
from tests.ui.support import Register, build_register
from ui.context import AppContext
from ui.i18n import install_language
from ui.pages.base import Page
from ui.preferences import Preferences

PageT = TypeVar("PageT", bound=Page)

#: Qt warnings of the headless "offscreen" platform itself, not of the app.
OFFSCREEN_NOISE = ("This plugin does not support",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every UI test still fails on a Qt warning (qt_log_level_fail), except the platform's own."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings of every test live in its own folder; the bokmål locale is the default."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    install_language(qapp, "nb")
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


def wait_idle(qtbot: QtBot, ctx: AppContext, timeout: int = 10_000) -> None:
    """Wait until every background task has finished and its callbacks have run."""
    qtbot.waitUntil(lambda: ctx.tasks.running == 0, timeout=timeout)


def shown(qtbot: QtBot, page: PageT, size: tuple[int, int] = (1100, 700)) -> PageT:
    """Show a screen as the main window would, and wait until it has loaded its data."""
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.activate()
    return page


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
