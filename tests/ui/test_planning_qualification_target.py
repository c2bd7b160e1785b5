"""A leader sets a target for a formal qualification on the Planlegging screen, as a person does:
the unit chosen by typing, Nytt mål, "Målet gjelder" by Shift+Tab and the arrow down to
Kvalifikasjon, the qualification typed into its picker, Lagre clicked; once refused in place for a
missing choice. In bokmål and English, on the 1024x768 test screen (today 01.03.2025).

Autorisasjon som sykepleier: Åse holds it (valid), Bjørn's expired on 31.12.2024, Lise holds it
but has left. Hjemmetjenesten's target of 2 therefore has 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from competence.planning.targets import targets_in
from competence.qualifications import (
    HeldInput,
    QualificationInput,
    add_held_qualification,
    create_qualification,
)
from competence.uow import UnitOfWork
from tests.ui.catalogue import duplicates, inputs_without_a_name, mnemonics_of
from tests.ui.support import Register, click, retype, shown, uow_of, wait_idle, when_open
from tests.ui.test_planning_page import choose_unit
from ui.context import AppContext
from ui.planning.page import PlanningPage
from ui.planning.targets import TargetDialog

WORDS = {
    "nb": {
        "typed": "sykepl",
        "missing": "Velg kvalifikasjonen målet gjelder.",
        "subject": "Autorisasjon som sykepleier",
        "level": "gyldig",
        "state": "Under målet (1)",
        "holders": "Har kvalifikasjonen (1): Åse Ødegård",
    },
    "en": {
        "typed": "nurse",
        "missing": "Choose the qualification the target is about.",
        "subject": "Authorisation as a nurse",
        "level": "valid",
        "state": "Short (1)",
        "holders": "Hold the qualification (1): Åse Ødegård",
    },
}


def choose_qualification(dialog: TargetDialog, qtbot: QtBot) -> None:
    """Shift+Tab up to "Målet gjelder", the arrow down to Kvalifikasjon, Tab on to its picker."""
    # offscreen, the unit picker's popup may still count as the active window: a dialog a person
    # sees is the active one
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2_000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.kind.hasFocus()
    QTest.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.for_qualification
    QTest.keyClick(dialog.kind, Qt.Key.Key_Tab)  # the competence's rows are hidden: on to the qualification
    assert dialog.qualification.hasFocus()


def type_qualification(dialog: TargetDialog, qtbot: QtBot, text: str) -> None:
    """Type part of the qualification's name into its picker and take the first match, by keyboard."""
    QTest.keyClicks(dialog.qualification, text)
    popup = dialog.qualification.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


@pytest.fixture
def page(
    lang: str, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PlanningPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    uow = uow_of(ctx)
    nurse = create_qualification(
        uow, QualificationInput("authorisation", "Autorisasjon som sykepleier", "Authorisation as a nurse")
    ).id
    create_qualification(uow, QualificationInput("licence", "Førerkort klasse B", "Driving licence B"))
    people = register.people
    add_held_qualification(uow, people["aase"], HeldInput(nurse, dt.date(2012, 6, 1)))
    add_held_qualification(uow, people["bjorn"], HeldInput(nurse, dt.date(2014, 6, 1), dt.date(2024, 12, 31)))
    add_held_qualification(uow, people["left"], HeldInput(nurse, dt.date(2010, 6, 1)))
    widget = shown(qtbot, PlanningPage(ctx), size=(1024, 768))
    yield widget
    wait_idle(qtbot, ctx)


def test_a_leader_sets_a_qualification_target_with_the_keyboard(
    page: PlanningPage, lang: str, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    words = WORDS[lang]
    choose_unit(page, qtbot, "Hjemme")
    seen: dict[str, object] = {}

    def fill(dialog: TargetDialog) -> None:
        # it opens in the competence, as before; the choice of kind is the row above
        assert not dialog.for_qualification and dialog.focusWidget() is dialog.competence
        assert not dialog.qualification.isVisible()
        choose_qualification(dialog, qtbot)
        # the rows of a competence give way to the qualification's
        assert dialog.qualification.isVisible() and not dialog.competence.isVisible()
        assert not dialog.level.isVisible()
        seen["nameless"] = inputs_without_a_name(dialog)
        seen["clashes"] = duplicates(mnemonics_of(dialog))
        screen = QGuiApplication.primaryScreen().availableGeometry()
        seen["fits"] = screen.contains(dialog.frameGeometry())
        retype(dialog.people.line, "2")
        dialog.reason.setFocus()
        QTest.keyClicks(dialog.reason, "Sykepleier på hver vakt")
        click(dialog.save_button)  # no qualification chosen yet: refused in place
        seen["error"] = dialog.error_text
        assert dialog.isVisible() and dialog.qualification.hasFocus()
        type_qualification(dialog, qtbot, WORDS[lang]["typed"])
        click(dialog.save_button)

    opened = when_open(TargetDialog, fill)
    click(page.targets.new_button)  # exec() returns when the dialog closes, saved or failed
    dialog = opened.get()
    wait_idle(qtbot, ctx)
    assert not dialog.isVisible()
    assert seen == {"nameless": [], "clashes": {}, "fits": True, "error": words["missing"]}
    with UnitOfWork(ctx.database) as uow:
        (target,) = targets_in(uow.session, unit_id=register.units["home"], at=dt.date(2025, 3, 1))
    assert target.qualification is not None and target.competence is None
    assert (target.people_needed, target.have, target.reason) == (2, 1, "Sykepleier på hver vakt")
    model = page.targets.model
    keys = [c.key for c in model.columns]
    row = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert row[keys.index("competence")] == words["subject"]
    assert row[keys.index("state")] == words["state"]
    assert words["level"] in row
    page.targets.select_row(0)
    assert page.targets.holders.text() == words["holders"]


def test_changing_a_qualification_target_opens_on_the_qualification(
    page: PlanningPage, lang: str, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """Endre… shows the target as it is; Lagre with a new number keeps its qualification."""
    choose_unit(page, qtbot, "Hjemme")

    def first(dialog: TargetDialog) -> None:
        choose_qualification(dialog, qtbot)
        type_qualification(dialog, qtbot, WORDS[lang]["typed"])
        retype(dialog.people.line, "3")
        click(dialog.save_button)

    opened = when_open(TargetDialog, first)
    click(page.targets.new_button)
    opened.get()
    wait_idle(qtbot, ctx)
    page.targets.select_row(0)
    seen: dict[str, object] = {}

    def change(dialog: TargetDialog) -> None:
        seen["kind"] = dialog.for_qualification and dialog.focusWidget() is dialog.qualification
        seen["chosen"] = dialog.qualification.currentText()
        retype(dialog.people.line, "1")
        click(dialog.save_button)

    opened_again = when_open(TargetDialog, change)
    click(page.targets.edit_button)
    opened_again.get()
    wait_idle(qtbot, ctx)
    assert seen["kind"] is True
    assert str(seen["chosen"]).startswith(WORDS[lang]["subject"])
    with UnitOfWork(ctx.database) as uow:
        (target,) = targets_in(uow.session, unit_id=register.units["home"], at=dt.date(2025, 3, 1))
    assert (target.people_needed, target.have, target.short) == (1, 1, 0)
    assert target.qualification is not None
