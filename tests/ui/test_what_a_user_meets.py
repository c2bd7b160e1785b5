"""Smaller things a user meets, driven through the real widgets: a new appraisal takes its place by
date, the competence table stays put when a row is chosen, "Ansatte" in the navigation leads back
from a card to the list, a closed unit drop-down shows the unit without the tree's indentation, and
the heatmap's legend explains the mark of a critical competence (today is 01.03.2025)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QSplitter, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from competence.appraisals import AppraisalInput, record_appraisal
from competence.units import list_units
from tests.ui.support import (
    Register,
    button_named,
    click,
    click_tab,
    field_named,
    retype,
    show_card,
    shown,
    uow_of,
    wait_idle,
    when_open,
)
from ui.card.card import EmployeeCard
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.main_window import MainWindow
from ui.units.page import UnitsPage
from ui.widgets.pickers import UnitPicker


@pytest.fixture
def card(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmployeeCard]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = show_card(qtbot, ctx, register.people["aase"], (840, 620))  # a card's room at 1024x768
    yield widget
    wait_idle(qtbot, ctx)


def dates_shown(card: EmployeeCard) -> list[str]:
    model = card.appraisals.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_a_new_appraisal_takes_its_place_by_date(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    aase = register.people["aase"]
    for day in (dt.date(2024, 5, 1), dt.date(2025, 1, 10)):
        record_appraisal(uow_of(ctx), aase, AppraisalInput(held_on=day))
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        card.reload()
    click_tab(card.tabs, card.appraisals)
    assert dates_shown(card) == ["10.01.2025", "01.05.2024"]  # newest first
    header = card.appraisals.view.horizontalHeader()
    for _ in range(2):  # the user sorts by date, oldest first
        if dates_shown(card) == ["01.05.2024", "10.01.2025"]:
            break
        at = QPoint(header.sectionViewportPosition(0) + 10, 5)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.wait(QApplication.doubleClickInterval() + 50)  # two clicks, not a double-click
    assert dates_shown(card) == ["01.05.2024", "10.01.2025"]

    def fill(dialog: QDialog) -> None:
        retype(field_named(dialog, "Dato"), "15.09.2024")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = when_open(QDialog, fill)
        click(card.appraisals.new_button)
    opened.get()
    assert dates_shown(card) == ["01.05.2024", "15.09.2024", "10.01.2025"]


def test_choosing_a_competence_does_not_move_the_table(card: EmployeeCard, qtbot: QtBot) -> None:
    profile = card.profile
    view = profile.view
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(0) > 0, timeout=5_000)
    wait_idle(qtbot, card.ctx)
    splitter = next(
        s for s in profile.findChildren(QSplitter) if s.orientation() == Qt.Orientation.Horizontal
    )
    before = (splitter.sizes(), view.horizontalScrollBar().value(), view.viewport().width())
    for row in range(profile.model.rowCount()):
        where = view.visualRect(profile.model.index(row, 0)).center()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert profile.selected() is profile.model.rows[row]
        assert "Historikk for" in profile.history_label.text()
        after = (splitter.sizes(), view.horizontalScrollBar().value(), view.viewport().width())
        assert after == before  # the long history title no longer widens the right side
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= 150  # the names have the room, not the area code
    assert view.horizontalScrollBar().maximum() == 0 or not view.horizontalScrollBar().isVisible()


def test_ansatte_in_the_navigation_leads_from_a_card_back_to_the_list(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("employees")
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        page.open_employee(register.people["aase"])
    assert page.stack.currentWidget() is page.card
    item = next(
        window.nav.item(i) for i in range(window.nav.count()) if window.nav.item(i).text() == "Ansatte"
    )
    QTest.mouseClick(
        window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center()
    )
    assert page.stack.currentWidget() is page.splitter  # the list, not the card
    assert page.table.hasFocus() or window.focusWidget() is page.table
    wait_idle(qtbot, ctx)


def test_a_closed_unit_drop_down_shows_the_unit_without_indentation(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    picker = UnitPicker(list_units(uow_of(ctx)))
    qtbot.addWidget(picker)
    picker.show()
    picker.select_id(register.units["home"])  # a sub-unit, one level down
    assert picker.currentText() == "110 Hjemmetjenesten"
    assert picker.lineEdit().text() == "110 Hjemmetjenesten"
    # the open list still shows the tree
    picker.showPopup()
    view = picker.view()
    index = view.model().index(picker.currentIndex(), 0)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    assert option.text == "\u2003110 Hjemmetjenesten"
    picker.hidePopup()


def test_the_heatmap_legend_explains_the_critical_mark(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    page = shown(qtbot, UnitsPage(ctx), (1000, 700))
    wait_idle(qtbot, ctx)
    legend = next(
        w for w in page.findChildren(QWidget) if w.accessibleName() == "Fargeforklaring" and w.isVisible()
    )
    entry = next(label for label in legend.findChildren(QLabel) if "kritisk kompetanse" in label.text())
    swatch = next(w for w in entry.parentWidget().findChildren(QWidget) if w is not entry)
    image = swatch.grab().toImage()
    reds = [QColor(image.pixel(x, image.height() - 3)) for x in range(2, image.width() - 2)]
    assert all(c.red() > 120 and c.green() < 60 for c in reds)  # the red bar of the header
