"""The keyboard and screen readers: every window's Alt+letters are unique, destructive actions are
not on the letter pressed by mistake, every input has a name a screen reader reads out, Tab leaves
tables, dialogs open in their first field, Escape on a changed dialog asks, the search field leads
into the list, and the focused cell or control has a frame one can see. In bokmål and English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from competence.appraisals import appraisals_of
from competence.goals import goals_of
from tests.ui.catalogue import (
    dialogs,
    duplicates,
    inputs_without_a_name,
    menus_of,
    mnemonic,
    mnemonics_of,
    screens,
    shown_in,
)
from tests.ui.support import (
    Register,
    button_named,
    click,
    click_tab,
    field_named,
    show_card,
    uow_of,
    wait_idle,
    when_open,
)
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.main_window import MainWindow
from ui.widgets.date_edit import DateEdit
from ui.widgets.forms import FormDialog


def all_dialogs(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    for name, make in dialogs(ctx, register, parent):
        dialog = make()  # closed below, not by qtbot (a bug report deletes itself on closing)
        dialog.show()
        yield name, dialog
        if Shiboken.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
        wait_idle(qtbot, ctx)


def test_alt_letters_are_unique_in_every_window_and_menu(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    clashes = []
    for shown in screens(window, qtbot, register):
        found = duplicates(mnemonics_of(window))
        if found:
            clashes.append(f"{shown.name}: {found}")
        for menu in menus_of(window):
            found = duplicates([(m, a.text()) for a in menu.actions() if (m := mnemonic(a.text()))])
            if found:
                clashes.append(f"{shown.name} menu {menu.title()}: {found}")
    for name, dialog in all_dialogs(ctx, register, qtbot):
        found = duplicates(mnemonics_of(dialog))
        if found:
            clashes.append(f"{name}: {found}")
    assert not clashes, "\n".join(clashes)


def test_every_input_has_a_name_a_screen_reader_reads(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    nameless = []
    for shown in screens(window, qtbot, register):
        nameless += [f"{shown.name}: {what}" for what in inputs_without_a_name(window)]
    for name, dialog in all_dialogs(ctx, register, qtbot):
        nameless += [f"{name}: {what}" for what in inputs_without_a_name(dialog)]
    assert not nameless, "\n".join(sorted(set(nameless)))


#: Actions that throw something away, and the words they start with in each language.
DESTRUCTIVE = ("slett", "fjern", "forkast", "anonymiser", "erase", "delete", "remove", "discard", "anonymise")


def test_destructive_actions_are_not_on_the_likeliest_letter(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """Alt and the first letter of "Slett personen" is what a hurried hand presses: destructive
    actions have their letter further in (and most ask once more anyway)."""
    texts: list[str] = []
    for _shown in screens(window, qtbot, register):
        texts += [t for _letter, t in mnemonics_of(window)]
        texts += [a.text() for menu in menus_of(window) for a in menu.actions()]
    for _name, dialog in all_dialogs(ctx, register, qtbot):
        texts += [t for _letter, t in mnemonics_of(dialog)]
    risky = sorted(
        {
            text
            for text in texts
            if text.replace("&", "").lower().startswith(DESTRUCTIVE)
            and mnemonic(text) == text.replace("&", "")[0].lower()
        }
    )
    assert not risky


def test_tab_leaves_every_table(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """Arrow keys move inside a table; Tab goes on to the next control (checked on every table of
    every screen and dialog, then pressed in the employee list)."""
    trapping = []
    for shown in screens(window, qtbot, register):
        trapping += [
            f"{shown.name}: {v.accessibleName()}"
            for v in shown_in(window)
            if isinstance(v, QAbstractItemView) and v.tabKeyNavigation()
        ]
    for name, dialog in all_dialogs(ctx, register, qtbot):
        trapping += [
            f"{name}: {v.accessibleName()}"
            for v in shown_in(dialog)
            if isinstance(v, QAbstractItemView) and v.tabKeyNavigation()
        ]
    assert not trapping, "\n".join(trapping)
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("employees")
        page.refresh()
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 1))
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1  # arrows move within the table
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is not page.table


def test_the_search_field_leads_into_the_list(window: MainWindow, qtbot: QtBot) -> None:
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("employees")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the search
    assert window.focusWidget() is page.search
    QTest.keyClicks(page.search, "sæther")
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert window.focusWidget() is page.table
    assert page.current_employee_id() is not None
    person = page.proxy.employee_at(page.table.currentIndex().row())
    assert person is not None and person.last_name == "Sæther"
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert window.focusWidget() is page.table
    with qtbot.waitSignal(page.card.loaded, timeout=10_000):
        QTest.keyClick(page.table, Qt.Key.Key_Return)  # and Enter there opens the card
    assert page.card.name.text() == "Bjørn Sæther"


def test_the_focused_cell_has_a_frame_one_can_see(window: MainWindow, qtbot: QtBot) -> None:
    page = window.page("employees")
    assert isinstance(page, EmployeesPage)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_page("employees")
    page.table.setFocus()
    index = page.proxy.index(1, 1)
    page.table.setCurrentIndex(index)
    page.table.clearSelection()  # a plain (not highlighted) row: the frame must show against white
    image = page.table.viewport().grab().toImage()
    cell = page.table.visualRect(index)
    edge = [
        QColor(image.pixel(x, y))
        for x in range(cell.left() + 2, cell.right() - 2)
        for y in (cell.top() + 1, cell.bottom() - 1)
    ]
    dark = sum(1 for colour in edge if colour.lightness() < 100)
    assert dark / len(edge) > 0.9, f"only {dark} of {len(edge)} pixels of the cell's edge are dark"


def test_every_button_can_be_reached_by_keyboard(
    window: MainWindow, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """Tab reaches every button (the calendar's, reached by Alt+Down in its date field, aside)."""

    def unreachable(root: QWidget) -> list[str]:
        found = []
        for button in shown_in(root):
            parent = button.parentWidget()
            if not isinstance(button, QAbstractButton) or isinstance(
                parent, QTabBar | QLineEdit | QAbstractItemView
            ):
                continue  # parts of a tab bar, a line edit or a table, which have keys of their own
            if isinstance(parent, DateEdit) and button is parent.calendar_button:
                continue  # Alt+Down in the date field
            if not button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(button.text() or button.accessibleName() or type(button).__name__)
        return found

    missing = []
    for shown in screens(window, qtbot, register):
        missing += [f"{shown.name}: {what}" for what in unreachable(window)]
    for name, dialog in all_dialogs(ctx, register, qtbot):
        missing += [f"{name}: {what}" for what in unreachable(dialog)]
    assert not missing, "\n".join(sorted(set(missing)))


def test_a_dialog_opens_in_its_first_field_and_space_does_not_save(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    card = show_card(qtbot, ctx, register.people["aase"])
    click_tab(card.tabs, card.goals)
    seen: dict[str, object] = {}

    def type_at_once(dialog: QWidget) -> None:
        # the person starts typing as soon as the dialog is there: the words land in the first field
        QTest.keyClicks(dialog.focusWidget(), "Kurs i Excel")
        seen["open"] = dialog.isVisible()
        seen["focus"] = type(dialog.focusWidget()).__name__
        click(button_named(dialog, {"nb": "Lagre", "en": "Save"}[lang]))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = when_open(QDialog, type_at_once)
        click(card.goals.new_button)
    opened.get()
    assert seen["open"] is True  # the space typed did not press Lagre
    assert seen["focus"] == "QPlainTextEdit"
    assert [g.description for g in goals_of(uow_of(ctx), register.people["aase"])] == ["Kurs i Excel"]
    wait_idle(qtbot, ctx)


def test_every_form_dialog_opens_in_a_field(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    on_buttons = []
    for name, dialog in all_dialogs(ctx, register, qtbot):
        if isinstance(dialog, FormDialog):
            qtbot.waitExposed(dialog)
            focused = dialog.focusWidget()
            if focused is None or isinstance(focused, QAbstractButton):
                on_buttons.append(f"{name}: {focused.text() if focused else None}")
    assert not on_buttons


def test_escape_on_a_changed_dialog_asks_first(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    words = {
        "nb": ("Sammendrag", "Fortsett å redigere", "Forkast"),
        "en": ("Summary", "Keep editing", "Discard"),
    }
    summary, keep, discard = words[lang]
    card = show_card(qtbot, ctx, register.people["aase"])
    click_tab(card.tabs, card.appraisals)
    seen: dict[str, object] = {}

    def escape_twice(dialog: QWidget) -> None:
        field = field_named(dialog, summary)
        field.setFocus()
        QTest.keyClicks(field, "God samtale")
        asked = when_open(QMessageBox, lambda box: click(button_named(box, keep)))
        QTest.keyClick(field, Qt.Key.Key_Escape)
        asked.get()
        seen["kept"] = (
            dialog.isVisible() and isinstance(field, QPlainTextEdit) and field.toPlainText() == "God samtale"
        )
        asked = when_open(QMessageBox, lambda box: click(button_named(box, discard)))
        QTest.keyClick(field, Qt.Key.Key_Escape)
        asked.get()

    opened = when_open(QDialog, escape_twice)
    click(card.appraisals.new_button)
    qtbot.waitUntil(lambda: opened.dialog is not None and not opened.dialog.isVisible(), timeout=10_000)
    opened.get()
    assert seen["kept"] is True
    assert appraisals_of(uow_of(ctx), register.people["aase"]) == []

    # an untouched dialog closes on Escape without a question
    untouched = when_open(QDialog, lambda dialog: QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape))
    click(card.appraisals.new_button)
    qtbot.waitUntil(lambda: untouched.dialog is not None and not untouched.dialog.isVisible(), timeout=5_000)
    untouched.get()
