"""Typed dates and numbers, as a person enters them: click into the field of the open dialog, select
all, type, click Lagre, and look at what the register stored (in bokmål and in English).

Text that is not a date or a valid number gets a message next to the field and the dialog will not
save; nothing is changed behind the user's back (today is 01.03.2025)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from competence.appraisals import appraisals_of
from competence.goals import goals_of
from competence.uow import UnitOfWork
from tests.ui.support import (
    Opened,
    Register,
    button_named,
    click,
    click_tab,
    field_named,
    retype,
    show_card,
    shown,
    wait_idle,
    when_open,
)
from ui.card.card import EmployeeCard
from ui.context import AppContext
from ui.units.page import UnitsPage

#: What the user reads on the screen, in each language.
WORDS = {
    "nb": {
        "date": "Dato",
        "due": "Frist",
        "description": "Beskrivelse",
        "cost": "Kostnad",
        "at": "Per dato",
        "save": "Lagre",
        "cancel": "Avbryt",
        "discard": "Forkast",
    },
    "en": {
        "date": "Date",
        "due": "Due",
        "description": "Description",
        "cost": "Cost",
        "at": "As of date",
        "save": "Save",
        "cancel": "Cancel",
        "discard": "Discard",
    },
}


@pytest.fixture
def card(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmployeeCard]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = show_card(qtbot, ctx, register.people["aase"], (1000, 700))
    yield widget
    wait_idle(qtbot, ctx)


def message_next_to(field: QWidget) -> str:
    """The message showing right by the field (a wrapped text in the same box as the input), or ""."""
    box = field.parentWidget()
    labels = box.findChildren(QLabel) if box is not None else []
    texts = [w.text() for w in labels if w.isVisible() and w.wordWrap() and w.text()]
    return " ".join(texts)


def new_appraisal(card: EmployeeCard, act: Callable[[QDialog], None]) -> Opened[QDialog]:
    """Click "Ny samtale…" on the card and run ``act`` inside the dialog that opens."""
    click_tab(card.tabs, card.appraisals)
    opened = when_open(QDialog, act)
    click(card.appraisals.new_button)
    return opened


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("20.11.2026", dt.date(2026, 11, 20)),
        ("5.3.2025", dt.date(2025, 3, 5)),
        ("20.11.26", dt.date(2026, 11, 20)),
        ("20/11/2026", dt.date(2026, 11, 20)),
    ],
)
def test_a_typed_appraisal_date_is_stored_as_typed(
    card: EmployeeCard,
    lang: str,
    ctx: AppContext,
    register: Register,
    qtbot: QtBot,
    typed: str,
    stored: dt.date,
) -> None:
    words = WORDS[lang]

    def fill(dialog: QDialog) -> None:
        retype(field_named(dialog, words["date"]), typed)
        click(button_named(dialog, words["save"]))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = new_appraisal(card, fill)
    opened.get()
    (appraisal,) = appraisals_of(UnitOfWork(ctx.database), register.people["aase"])
    assert appraisal.held_on == stored


def test_text_that_is_not_a_date_gets_a_message_and_nothing_is_saved(
    card: EmployeeCard, lang: str, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    words = WORDS[lang]
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        field = field_named(dialog, words["date"])
        retype(field, "neste vår")
        click(button_named(dialog, words["save"]))
        seen["open after save"] = dialog.isVisible()
        seen["message"] = message_next_to(field)
        seen["text"] = field.text() if isinstance(field, QLineEdit) else None
        seen["focus"] = dialog.focusWidget() is field
        # the user gives up: Avbryt asks before throwing away what was typed, and they discard it
        asked = when_open(QMessageBox, lambda box: click(button_named(box, words["discard"])))
        click(button_named(dialog, words["cancel"]))
        asked.get()

    opened = new_appraisal(card, fill)
    qtbot.waitUntil(lambda: opened.dialog is not None and not opened.dialog.isVisible(), timeout=10_000)
    opened.get()
    assert seen["open after save"] is True
    assert seen["text"] == "neste vår"  # left as typed, never replaced by some date
    assert seen["focus"] is True
    assert "neste vår" in str(seen["message"])
    assert appraisals_of(UnitOfWork(ctx.database), register.people["aase"]) == []


def test_a_typed_deadline_and_cost_on_a_new_goal(
    card: EmployeeCard, lang: str, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    words = WORDS[lang]
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        QTest.keyClicks(field_named(dialog, words["description"]), "Kurs i personvern")
        retype(field_named(dialog, words["due"]), "20.11.2026")
        cost = field_named(dialog, words["cost"])
        retype(cost, "-5000")
        click(button_named(dialog, words["save"]))
        # a negative cost is not turned into 0 (or "-000 kr"): it is refused, next to the field
        seen["open after save"] = dialog.isVisible()
        seen["message"] = message_next_to(cost)
        seen["cost text"] = cost.text() if isinstance(cost, QLineEdit) else None
        seen["stored meanwhile"] = len(goals_of(UnitOfWork(ctx.database), register.people["aase"]))
        retype(cost, "5000")
        click(button_named(dialog, words["save"]))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        click_tab(card.tabs, card.goals)
        opened = when_open(QDialog, fill)
        click(card.goals.new_button)
    opened.get()
    assert seen["open after save"] is True
    assert seen["cost text"] == "-5000"
    assert seen["message"] == {"nb": "Kan ikke være negativt.", "en": "Cannot be negative."}[lang]
    assert seen["stored meanwhile"] == 0
    (goal,) = goals_of(UnitOfWork(ctx.database), register.people["aase"])
    assert (goal.description, goal.due_on, goal.cost_nok) == (
        "Kurs i personvern",
        dt.date(2026, 11, 20),
        5000,
    )


def test_a_typed_date_on_enheter(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    page = shown(qtbot, UnitsPage(ctx), (1000, 700))
    wait_idle(qtbot, ctx)
    field = field_named(page, WORDS[lang]["at"])
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        retype(field, "20.11.2024")
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert page.data is not None and page.data.at == dt.date(2024, 11, 20)
    # a date after today is refused with a message; the figures stay those of 20.11.2024
    retype(field, "20.11.2026")
    QTest.keyClick(field, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.data.at == dt.date(2024, 11, 20)
    assert message_next_to(field).startswith(
        {"nb": "Datoen kan ikke være etter i dag", "en": "The date"}[lang]
    )
    wait_idle(qtbot, ctx)
