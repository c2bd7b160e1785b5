"""Small screens: every screen and every dialog fits 1024x768 (the tests run on such a screen, see
conftest.py), in bokmål and English, and windows open inside the screen's available geometry.

The checks are on sizes Qt computes from the layouts (``minimumSizeHint``, the size a dialog opens
at), so they hold for any screen at least this large (1366x768, the commonest municipal laptop, is
as high and wider)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableView, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.ui.catalogue import dialogs, screens
from tests.ui.support import Register, wait_idle
from ui.context import AppContext
from ui.main_window import MainWindow

SMALL = QSize(1024, 768)
#: What the window frame and title bar take (the window manager's, not counted in a widget's size).
FRAME = QSize(16, 40)


def available_geometry() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def room_for_window() -> QSize:
    return available_geometry().size() - FRAME


@pytest.fixture(autouse=True)
def _desktop_text(qapp: QApplication) -> Iterator[None]:
    """The 10 pt text of a typical desktop (the headless platform's is 9 pt)."""
    font = qapp.font()
    larger = QFont(font)
    larger.setPointSizeF(10)
    qapp.setFont(larger)
    yield
    qapp.setFont(font)


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def inside(rect: QRect, room: QRect) -> bool:
    return room.contains(rect.topLeft()) and room.contains(rect.bottomRight())


def test_the_test_screen_is_1024x768(qapp: QApplication) -> None:
    assert available_geometry().size() == SMALL


def test_every_screen_fits_a_1024x768_screen(window: MainWindow, qtbot: QtBot, register: Register) -> None:
    room = room_for_window()
    assert inside(window.frameGeometry(), available_geometry())
    too_big = []
    for shown in screens(window, qtbot, register):
        needed = window.minimumSizeHint()
        if not fits(needed, room):
            too_big.append(f"{shown.name}: {needed.width()}x{needed.height()}")
    assert not too_big, f"wider or taller than {room.width()}x{room.height()}: {too_big}"
    # the window can be made as small as the screen, and everything still shows
    window.resize(room)
    assert window.size() == room


def test_every_dialog_fits_and_opens_on_the_screen(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1000, 700)
    parent.show()
    room = available_geometry()
    problems = []
    for name, make in dialogs(ctx, register, parent):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        needed = dialog.minimumSizeHint()
        if not fits(needed, room_for_window()):
            problems.append(f"{name}: needs {needed.width()}x{needed.height()}")
        if not fits(dialog.size(), room_for_window()):
            problems.append(f"{name}: opens {dialog.width()}x{dialog.height()}")
        if not inside(dialog.frameGeometry(), room):
            geometry = dialog.frameGeometry()
            problems.append(
                f"{name}: opens at {geometry.x()},{geometry.y()} {geometry.width()}x{geometry.height()}"
            )
        buttons = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons() if b.isVisible()]
        if isinstance(dialog, QWizard):
            buttons = [dialog.button(QWizard.WizardButton.CancelButton)]
        for button in buttons:
            corner = button.mapToGlobal(button.rect().bottomRight())
            if not room.contains(corner):
                problems.append(f"{name}: {button.text()} off the screen")
        dialog.hide()
        dialog.deleteLater()
        wait_idle(qtbot, ctx)
    assert not problems, "\n".join(problems)


def test_a_window_remembered_from_a_larger_screen_opens_inside_this_one(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    big = MainWindow(ctx)
    qtbot.addWidget(big)
    big.setGeometry(300, 200, 1600, 1000)  # as it was on the office's large screen
    ctx.preferences.save_window(big.saveGeometry(), big.saveState())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert inside(window.frameGeometry(), available_geometry())
    wait_idle(qtbot, ctx)


#: Tables that are a full data grid, where scrolling sideways is what a user expects.
GRIDS = {"Ansatte", "Employees"}


def test_no_table_scrolls_sideways_on_a_1024x768_screen(
    window: MainWindow, qtbot: QtBot, register: Register
) -> None:
    """A screen's tables share a small screen's width: the columns also shown elsewhere (in a
    tooltip) give way, so none scrolls sideways (the employee list, a full grid, aside)."""
    window.resize(room_for_window())
    sideways = set()
    for shown in screens(window, qtbot, register):
        qtbot.wait(30)  # the fitters run on the next turn of the event loop
        sideways.update(
            f"{shown.name}: {view.accessibleName()}"
            for view in window.findChildren(QTableView)
            if view.isVisible()
            and view.horizontalScrollBar().isVisible()
            and view.accessibleName() not in GRIDS
        )
    assert not sideways, f"scroll sideways at {room_for_window().width()} px: {sorted(sideways)}"
