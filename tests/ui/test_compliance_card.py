"""The employee card's parts of docs/compliance.md as a leader meets them: a qualification the role
requires (missing, then registered), a dispensation, a goal completed with the level it reached, and
the talk cycle. Real clicks and typing, in the real event loop (today is 01.03.2025)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMenu
from pytestqt.qtbot import QtBot

from competence import qualifications, roles
from competence.assessments import current_levels
from competence.goals import GoalInput, add_goal, goals_of
from competence.qualifications import held_qualifications
from competence.uow import UnitOfWork
from tests.ui.support import (
    Register,
    button_named,
    click,
    click_tab,
    field_named,
    retype,
    show_card,
    wait_idle,
    when_open,
)
from ui.card.card import EmployeeCard
from ui.context import AppContext

TODAY = dt.date(2025, 3, 1)


@pytest.fixture
def nurse_authorisation(ctx: AppContext, register: Register) -> int:
    """The nurse role requires an authorisation, within 3 months."""
    uow = UnitOfWork(ctx.database, "testleder")
    q = qualifications.create_qualification(
        uow, qualifications.QualificationInput("authorisation", "Autorisasjon som sykepleier")
    )
    roles.set_qualification_requirement(uow, register.roles["nurse"], q.id, deadline_months=3)
    return q.id


@pytest.fixture
def card(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmployeeCard]:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    widget = show_card(qtbot, ctx, register.people["aase"])
    yield widget
    wait_idle(qtbot, ctx)


def _national_id() -> str:
    from competence.roster.nationalid import is_national_id

    return next(f"0101{n:07d}" for n in range(10**6, 10**7) if is_national_id(f"0101{n:07d}"))


def _pick(combo: QComboBox, text: str) -> None:
    """Choose an entry as a keyboard user does: focus the list and type the start of its text."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def _required(card: EmployeeCard) -> list[str]:
    model = card.qualifications.required_model
    return [model.data(model.index(r, 3)) for r in range(model.rowCount())]


def test_a_missing_qualification_is_registered_and_a_national_id_is_refused(
    nurse_authorisation: int,
    ctx: AppContext,
    register: Register,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    card = show_card(qtbot, ctx, register.people["aase"])
    click_tab(card.tabs, card.qualifications)
    # the role requires it and Åse has none: missing (her post has no start date, so no deadline)
    assert _required(card) == ["Mangler"]
    assert "1 av 1" in card.qualifications.summary.text()
    number = _national_id()
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        _pick(dialog.findChild(QComboBox), "Autorisasjon")
        retype(field_named(dialog, "Oppnådd"), "15.06.2012")
        retype(field_named(dialog, "Dokumentreferanse"), f"Kopi av vitnemål {number}")
        click(button_named(dialog, "Lagre"))
        seen["refused"] = dialog.isVisible()
        seen["message"] = dialog.error_text  # type: ignore[attr-defined]
        seen["stored meanwhile"] = len(held_qualifications_of(ctx, register))
        retype(field_named(dialog, "Dokumentreferanse"), "Personalmappen, sak 2012/44")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = when_open(QDialog, fill)
        click(card.qualifications.held.new_button)
    opened.get()
    assert seen["refused"] is True and seen["stored meanwhile"] == 0
    assert "fødselsnummer" in str(seen["message"]) and number not in str(seen["message"])
    (held,) = held_qualifications_of(ctx, register)
    assert (held.obtained_on, held.document_ref) == (dt.date(2012, 6, 15), "Personalmappen, sak 2012/44")
    assert _required(card) == ["Oppfylt"]
    assert card.qualifications.held.model.rowCount() == 1


def held_qualifications_of(ctx: AppContext, register: Register) -> list[qualifications.HeldQualification]:
    uow = UnitOfWork(ctx.database)
    with uow:
        return held_qualifications(uow.session, register.people["aase"])


def test_a_dispensation_meets_the_requirement_until_it_ends(
    nurse_authorisation: int,
    ctx: AppContext,
    register: Register,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    card = show_card(qtbot, ctx, register.people["aase"])
    click_tab(card.tabs, card.qualifications)

    def fill(dialog: QDialog) -> None:
        _pick(dialog.findChild(QComboBox), "Autorisasjon")
        retype(field_named(dialog, "Gjelder til"), "31.07.2025")
        QTest.keyClicks(field_named(dialog, "Innvilget av"), "Kommunedirektøren, sak 2025/3")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = when_open(QDialog, fill)
        click(card.qualifications.dispensations.new_button)
    opened.get()
    assert _required(card) == ["Oppfylt (dispensasjon til 31.07.2025)"]


def _choose_in_menu(text: str) -> None:
    """When the button's menu pops up: move to the entry ``text`` with the keyboard and press Enter."""

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, poll)
            return
        for _ in range(len(menu.actions())):
            QTest.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and menu.activeAction().text() == text:
                break
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, poll)


def test_completing_a_goal_records_the_level_it_aimed_at(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    dig1 = register.fw.competence_ids["dig-1"]
    uow = UnitOfWork(ctx.database, "testleder")
    add_goal(
        uow,
        register.people["aase"],
        GoalInput("Kurs i Teams", "course", dig1, target_level=3, status="in_progress"),
    )
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        card.reload()  # the goal was added outside the app
    click_tab(card.tabs, card.goals)
    card.goals.select_row(0)

    def complete(dialog: QDialog) -> None:
        level = field_named(dialog, "Nytt nivå i dig-1 Digitale verktøy")
        assert isinstance(level, QComboBox) and level.currentText() == "3 Nivå 3"  # the target
        QTest.keyClicks(field_named(dialog, "Resultat"), "Bruker Teams i alle møter")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(card.loaded, timeout=10_000):
        opened = when_open(QDialog, complete)
        _choose_in_menu("Fullført")
        click(card.goals.status_button)
    opened.get()
    (goal,) = goals_of(UnitOfWork(ctx.database), register.people["aase"])
    assert (goal.status, goal.result) == ("completed", "Bruker Teams i alle møter")
    level = current_levels(UnitOfWork(ctx.database), register.people["aase"])[dig1]
    assert (level.level_ordinal, level.source, level.assessed_on) == (3, "leader", TODAY)
    # the profile shows it at once
    profile_rows = {i.competence.id: i for i in card.profile.model.rows}
    assert profile_rows[dig1].current_level == 3


def test_the_talk_cycle_on_the_card(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    click_tab(card.tabs, card.appraisals)
    assert "samtalen er forfalt" in card.appraisals.due.text()

    def talk(kind: str, date: str) -> None:
        def fill(dialog: QDialog) -> None:
            retype(field_named(dialog, "Dato"), date)
            _pick(field_named(dialog, "Type samtale"), kind)  # type: ignore[arg-type]
            click(button_named(dialog, "Lagre"))

        with qtbot.waitSignal(card.loaded, timeout=10_000):
            opened = when_open(QDialog, fill)
            click(card.appraisals.new_button)
        opened.get()

    talk("Oppfølgingssamtale", "01.02.2025")  # held beside the cycle: does not move it
    assert "samtalen er forfalt" in card.appraisals.due.text()
    talk("Medarbeidersamtale", "10.02.2025")
    assert card.appraisals.due.text() == "Neste medarbeidersamtale: 10.02.2026 (forrige 10.02.2025)"
    kinds = {card.appraisals.model.data(card.appraisals.model.index(r, 1)) for r in range(2)}
    assert kinds == {"Oppfølgingssamtale", "Medarbeidersamtale"}
