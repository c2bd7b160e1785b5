"""Ansattkort: positions, goals, certificates, appraisals and leaving, through the real widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.appraisals import appraisals_of
from competence.certificates import certificates_of
from competence.employees import get_employee
from competence.goals import goals_of
from competence.uow import UnitOfWork
from tests.ui.support import Register, run_dialog, show_card, wait_idle
from ui.card.appraisals import AppraisalDialog
from ui.card.card import EmployeeCard, MarkLeftDialog
from ui.card.certificates import CertificateDialog
from ui.card.goals import GoalDialog
from ui.card.positions import EndPositionDialog, PositionDialog
from ui.context import AppContext
from ui.employees.dialogs import EditEmployeeDialog


@pytest.fixture
def card(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmployeeCard]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = show_card(qtbot, ctx, register.people["aase"])
    yield widget
    wait_idle(qtbot, ctx)


def uow(ctx: AppContext) -> UnitOfWork:
    return UnitOfWork(ctx.database)


def reloaded(qtbot: QtBot, card: EmployeeCard, action: Callable[[], None]) -> None:
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        action()


def test_header_shows_the_person(card: EmployeeCard) -> None:
    assert card.name.text() == "Åse Ødegård"
    assert "Ansattnr. 1001" in card.info.text()
    assert "aase@fjordvik.kommune.no" in card.info.text()
    assert card.positions.model.rowCount() == 1


def test_add_edit_end_and_delete_a_position(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, PositionDialog)
        dialog.unit.setCurrentIndex(dialog.unit.findData(register.units["school"]))
        qtbot.keyClicks(dialog.title, "Assistent")
        dialog.fte.setValue(20.0)

    run_dialog(monkeypatch, PositionDialog, add)
    reloaded(qtbot, card, card.positions.new_button.click)
    positions = get_employee(uow(ctx), register.people["aase"]).positions
    assert sorted((p.title, p.fte_percent) for p in positions) == [
        ("Assistent", 20.0),
        ("Stilling aase", 80.0),
    ]
    assert "Stillingsprosent i alt: 100\u00a0%" in card.info.text()

    row = next(i for i, p in enumerate(card.positions.model.rows) if p.title == "Assistent")
    card.positions.select_row(row)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, PositionDialog)
        dialog.title.setText("Miljøarbeider")
        dialog.fte.setValue(25.0)

    run_dialog(monkeypatch, PositionDialog, edit)
    reloaded(qtbot, card, card.positions.edit_button.click)
    titles = {p.title: p for p in get_employee(uow(ctx), register.people["aase"]).positions}
    assert titles["Miljøarbeider"].fte_percent == 25.0

    row = next(i for i, p in enumerate(card.positions.model.rows) if p.title == "Miljøarbeider")
    card.positions.select_row(row)

    def end(dialog: QDialog) -> None:
        assert isinstance(dialog, EndPositionDialog)
        dialog.end.set_date(dt.date(2025, 2, 28))

    run_dialog(monkeypatch, EndPositionDialog, end)
    reloaded(qtbot, card, card.positions.end_button.click)
    ended = {p.title: p for p in get_employee(uow(ctx), register.people["aase"]).positions}["Miljøarbeider"]
    assert ended.end_date == dt.date(2025, 2, 28)
    assert not ended.active

    row = next(i for i, p in enumerate(card.positions.model.rows) if p.title == "Miljøarbeider")
    card.positions.select_row(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    reloaded(qtbot, card, card.positions.delete_button.click)
    assert [p.title for p in get_employee(uow(ctx), register.people["aase"]).positions] == ["Stilling aase"]


def test_position_without_unit_is_refused_in_the_dialog(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    dialog = PositionDialog(ctx.tasks, register.people["aase"], (), ())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error_text == "Velg en enhet."
    assert len(get_employee(uow(ctx), register.people["aase"]).positions) == 1


def test_learning_goal_linked_to_a_competence_then_status_changed(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dig2 = register.fw.competence_ids["dig-2"]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        qtbot.keyClicks(dialog.description, "Kurs i informasjonssikkerhet")
        dialog.activity.setCurrentIndex(dialog.activity.findData("e_learning"))
        dialog.competence.setCurrentIndex(dialog.competence.findData(dig2))
        assert not dialog.area.isEnabled()  # the competence decides the area
        dialog.target.setCurrentIndex(dialog.target.findData(7))
        dialog.due.set_date(dt.date(2025, 6, 30))
        dialog.hours.setValue(7.5)
        dialog.cost.setValue(2500)

    run_dialog(monkeypatch, GoalDialog, fill)
    reloaded(qtbot, card, card.goals.new_button.click)
    (goal,) = goals_of(uow(ctx), register.people["aase"])
    assert (goal.description, goal.activity_type, goal.competence_id, goal.target_level) == (
        "Kurs i informasjonssikkerhet",
        "e_learning",
        dig2,
        7,
    )
    assert (goal.due_on, goal.hours, goal.cost_nok, goal.status) == (
        dt.date(2025, 6, 30),
        7.5,
        2500,
        "planned",
    )
    assert goal.area_id == register.fw.area_ids["digital"]

    card.goals.select_row(0)
    menu = card.goals.status_button.menu()
    action = next(a for a in menu.actions() if a.data() == "in_progress")
    reloaded(qtbot, card, action.trigger)
    assert goals_of(uow(ctx), register.people["aase"])[0].status == "in_progress"

    card.goals.select_row(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    reloaded(qtbot, card, card.goals.delete_button.click)
    assert goals_of(uow(ctx), register.people["aase"]) == []


def test_goal_linked_to_an_area_only(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        qtbot.keyClicks(dialog.description, "Hospitering i HMS-arbeid")
        dialog.area.setCurrentIndex(dialog.area.findData(register.fw.area_ids["hms"]))

    run_dialog(monkeypatch, GoalDialog, fill)
    reloaded(qtbot, card, card.goals.new_button.click)
    (goal,) = goals_of(uow(ctx), register.people["aase"])
    assert (goal.competence_id, goal.area_id, goal.hours, goal.cost_nok) == (
        None,
        register.fw.area_ids["hms"],
        None,
        None,
    )


def test_empty_goal_is_refused(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    dialog = GoalDialog(ctx.tasks, register.people["aase"], ())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error_text == "Beskrivelse må fylles ut."


def test_certificate_expiry_follows_the_course_validity(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CertificateDialog)
        dialog.course.setCurrentIndex(dialog.course.findData(register.fw.competence_ids["hms-cert"]))
        dialog.completed.set_date(dt.date(2022, 4, 1))
        qtbot.keyClicks(dialog.issuer, "Bedriftshelsetjenesten")

    run_dialog(monkeypatch, CertificateDialog, fill)
    reloaded(qtbot, card, card.certificates.new_button.click)
    (cert,) = certificates_of(uow(ctx), register.people["aase"])
    assert (cert.name, cert.valid_until, cert.issuer) == (
        "HMS-opplæring for ledere",
        dt.date(2025, 4, 1),
        "Bedriftshelsetjenesten",
    )
    status = card.certificates.model.index(0, 4)
    assert card.certificates.model.data(status) == "Utløper snart"


def test_appraisal_records_the_agreed_goals(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from competence.goals import GoalInput, add_goal

    goal = add_goal(uow(ctx), register.people["aase"], GoalInput("Veiledning i nye rutiner", "mentoring"))
    reloaded(qtbot, card, card.reload)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AppraisalDialog)
        dialog.held_on.set_date(dt.date(2025, 2, 10))
        qtbot.keyClicks(dialog.leader, "Nina Leder")
        qtbot.keyClicks(dialog.summary, "God samtale.")
        qtbot.keyClicks(dialog.agreed, "Veiledning i vår.")
        dialog.goals.item(0).setCheckState(Qt.CheckState.Checked)

    run_dialog(monkeypatch, AppraisalDialog, fill)
    reloaded(qtbot, card, card.appraisals.new_button.click)
    (appraisal,) = appraisals_of(uow(ctx), register.people["aase"])
    assert (appraisal.held_on, appraisal.leader_name, appraisal.summary, appraisal.agreed) == (
        dt.date(2025, 2, 10),
        "Nina Leder",
        "God samtale.",
        "Veiledning i vår.",
    )
    assert appraisal.goal_ids == (goal.id,)
    assert "Veiledning i nye rutiner" in card.appraisals.details.toPlainText()


def test_mark_left_and_active_again(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MarkLeftDialog)
        dialog.left_on.set_date(dt.date(2025, 2, 28))

    run_dialog(monkeypatch, MarkLeftDialog, fill)
    reloaded(qtbot, card, card.left_button.click)
    assert get_employee(uow(ctx), register.people["aase"]).left_on == dt.date(2025, 2, 28)
    assert card.status.text() == "Sluttet 28.02.2025"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    reloaded(qtbot, card, card.left_button.click)
    assert get_employee(uow(ctx), register.people["aase"]).left_on is None
    assert card.status.text() == ""


def test_edit_name_and_a_stale_copy_is_refused(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from competence.employees import update_employee

    stale = get_employee(uow(ctx), register.people["aase"])
    update_employee(uow(ctx), stale.id, expected_version=stale.version, email="ny@fjordvik.kommune.no")
    dialog = EditEmployeeDialog(ctx.tasks, stale)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Åsa")
    dialog.accept()
    assert "endret av noen andre" in dialog.error_text
    assert get_employee(uow(ctx), stale.id).first_name == "Åse"

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EditEmployeeDialog)
        dialog.first_name.setText("Åsa")

    reloaded(qtbot, card, card.reload)
    run_dialog(monkeypatch, EditEmployeeDialog, fill)
    reloaded(qtbot, card, card.edit_button.click)
    assert card.name.text() == "Åsa Ødegård"


def _profile_row(card: EmployeeCard, competence_id: int) -> int:
    return next(i for i, item in enumerate(card.profile.model.rows) if item.competence.id == competence_id)


def test_profile_shows_current_required_gap_and_not_assessed(card: EmployeeCard, register: Register) -> None:
    model = card.profile.model
    texts = {
        item.competence.id: [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r, item in enumerate(model.rows)
    }
    dig1, dig2 = register.fw.competence_ids["dig-1"], register.fw.competence_ids["dig-2"]
    assert set(texts) == {dig1, dig2}
    # dig-1: required 3 of 4 = 75 %, never assessed: shown as such, not as a silent gap
    assert texts[dig1][2:7] == ["3 Nivå 3", "ikke vurdert", "", "75", "Ikke vurdert"]
    # dig-2: required 5 of 8, current 6 of 8: met
    assert texts[dig2][2:7] == ["5 Nivå 5", "6 Nivå 6", "", "", "Oppfylt"]
    assert card.profile.summary.text() == "1 av 2 krav oppfylt · 0 med avvik · 1 ikke vurdert"
    assert [p.label for p in card.profile.radar.points] == ["§15 Digital transformasjon"]


def test_level_edited_in_place_is_a_new_leader_assessment(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QComboBox

    from competence.assessments import history

    dig1 = register.fw.competence_ids["dig-1"]
    view = card.profile.view
    index = card.profile.model.index(_profile_row(card, dig1), 3)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    assert isinstance(editor, QComboBox)
    assert [editor.itemData(i) for i in range(editor.count())] == [1, 2, 3, 4]
    editor.setCurrentIndex(editor.findData(2))
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    (assessment,) = history(uow(ctx), register.people["aase"], dig1)
    assert (assessment.level_ordinal, assessment.source, assessment.assessed_on) == (
        2,
        "leader",
        dt.date(2025, 3, 1),
    )
    row = _profile_row(card, dig1)
    assert card.profile.model.data(card.profile.model.index(row, 6)) == "Avvik"


def test_self_assessment_with_date_and_note_and_history(
    card: EmployeeCard, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from competence.assessments import history
    from ui.card.profile import AssessDialog

    dig2 = register.fw.competence_ids["dig-2"]
    card.profile.as_self.setChecked(True)
    card.profile.view.selectRow(_profile_row(card, dig2))
    assert card.profile.history_model.rowCount() == 1  # the assessment from the register

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssessDialog)
        assert dialog.source.currentData() == "self"
        dialog.level.setCurrentIndex(dialog.level.findData(8))
        dialog.assessed_on.set_date(dt.date(2025, 2, 1))
        qtbot.keyClicks(dialog.note, "Etter kurs i personvern")

    run_dialog(monkeypatch, AssessDialog, fill)
    reloaded(qtbot, card, card.profile.assess_button.click)
    newest = history(uow(ctx), register.people["aase"], dig2)[0]
    assert (newest.level_ordinal, newest.source, newest.note) == (8, "self", "Etter kurs i personvern")
    assert card.profile.history_model.rowCount() == 2
    assert card.profile.history_model.data(card.profile.history_model.index(0, 0)) == "01.02.2025"


def test_assessment_needs_a_level_and_cannot_be_dated_ahead(
    ctx: AppContext, register: Register, card: EmployeeCard, qtbot: QtBot
) -> None:
    from competence.assessments import history
    from ui.card.profile import AssessDialog

    item = card.profile.model.rows[0]
    dialog = AssessDialog(ctx.tasks, register.people["aase"], item, [])
    qtbot.addWidget(dialog)
    dialog.assessed_on.line.selectAll()
    qtbot.keyClicks(dialog.assessed_on.line, "24.12.2025")
    dialog.accept()  # a date after today is refused with a message at the field, never moved to today
    assert dialog.assessed_on.message.text() == "Datoen kan ikke være etter i dag (01.03.2025)."
    assert dialog.assessed_on.text() == "24.12.2025"
    dialog.assessed_on.set_date(dt.date(2025, 3, 1))
    dialog.accept()
    assert dialog.error_text == "Velg et nivå."
    assert history(uow(ctx), register.people["aase"], item.competence.id) == []


def test_new_goal_from_the_profile_has_the_competence_chosen(
    card: EmployeeCard, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dig1 = register.fw.competence_ids["dig-1"]
    card.profile.view.selectRow(_profile_row(card, dig1))
    seen: list[int | None] = []

    def fake_exec(dialog: GoalDialog) -> int:
        seen.append(dialog.competence.selected_id())
        return 0

    monkeypatch.setattr(GoalDialog, "exec", fake_exec)
    card.profile.goal_button.click()
    assert seen == [dig1]
    assert card.tabs.currentWidget() is card.goals


def test_card_models_follow_the_qt_model_contract(card: EmployeeCard, qtmodeltester: ModelTester) -> None:
    card.profile.view.selectRow(0)
    for model in (
        card.profile.model,
        card.profile.history_model,
        card.positions.model,
        card.goals.model,
        card.certificates.model,
        card.appraisals.model,
    ):
        qtmodeltester.check(model)


def test_level_names_follow_the_ui_language(
    card: EmployeeCard, register: Register, qapp: QApplication
) -> None:
    from ui.i18n import install_language

    row = _profile_row(card, register.fw.competence_ids["dig-1"])
    model = card.profile.model
    assert model.data(model.index(row, 2)) == "3 Nivå 3"
    install_language(qapp, "en")
    try:
        assert model.data(model.index(row, 2)) == "3 Level 3"
    finally:
        install_language(qapp, "nb")
