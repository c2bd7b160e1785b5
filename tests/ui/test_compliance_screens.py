"""The screens of docs/compliance.md as a leader or HR meets them: a requirement changed from a date
and a qualification required in Roller, the level that counts and the talk cycle in Innstillinger,
the filter on an overdue talk in Ansatte, the talks panel on Oversikt, and the self-assessment form
read back in Import. Real clicks and typing in the real event loop (today is 01.03.2025)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QWizard
from pytestqt.qtbot import QtBot

from competence import appraisals, qualifications
from competence.assessments import NewAssessment, history, record_assessment
from competence.export.excel import self_assessment_layout as sl
from competence.export.excel.self_assessment import export_self_assessment
from competence.roles import requirement_history
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.codes import LevelSource
from tests.ui.support import (
    Register,
    button_named,
    click,
    field_named,
    retype,
    show_card,
    shown,
    wait_idle,
    when_open,
)
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.frameworks.page import FrameworksPage
from ui.importing.page import ImportPage
from ui.importing.self_assessment_wizard import PREVIEW_PAGE, REPORT_PAGE
from ui.overview.page import OverviewPage
from ui.settings.page import SettingsPage

TODAY = dt.date(2025, 3, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())


def _pick(combo: QComboBox, text: str) -> None:
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def test_roller_a_change_from_a_date_keeps_the_old_period(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    page = shown(qtbot, FrameworksPage(ctx), (1300, 800))
    page.tabs.setCurrentWidget(page.roles)
    wait_idle(qtbot, ctx)
    tab = page.roles
    row = next(i for i, r in enumerate(tab.roles.model.rows) if r.name == "Sykepleier")
    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):
        tab.roles.view.selectRow(row)
    tab.requirements.select_row(0)  # dig-1, level 3, from the start

    def change(dialog: QDialog) -> None:
        _pick(field_named(dialog, "Nivå som kreves"), "4")  # type: ignore[arg-type]
        retype(field_named(dialog, "Endringen gjelder fra"), "01.01.2025")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):
        opened = when_open(QDialog, change)
        click(tab.edit_requirement_button)
    opened.get()
    wait_idle(qtbot, ctx)
    model = tab.requirements.model
    assert [model.data(model.index(0, c)) for c in (2, 7)] == ["4 Nivå 4", "01.01.2025"]
    periods = requirement_history(
        UnitOfWork(ctx.database), register.roles["nurse"], competence_id=register.fw.competence_ids["dig-1"]
    )
    assert [(p.valid_from, p.valid_to) for p in periods] == [
        (None, dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), None),
    ]

    # a qualification the role requires, mandatory, within 6 months
    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):  # the screen is told and reloads
        q = ctx.tasks.now(
            lambda u: qualifications.create_qualification(
                u, qualifications.QualificationInput("authorisation", "Autorisasjon som sykepleier")
            )
        )
    wait_idle(qtbot, ctx)

    def require(dialog: QDialog) -> None:
        _pick(field_named(dialog, "Kvalifikasjon"), "Autorisasjon")  # type: ignore[arg-type]
        retype(field_named(dialog, "Frist etter tiltredelse"), "6")
        click(button_named(dialog, "Lagre"))

    with qtbot.waitSignal(tab.requirements_loaded, timeout=10_000):
        opened = when_open(QDialog, require)
        click(tab.add_qualification_button)
    opened.get()
    qmodel = tab.qualification_requirements.model
    assert [qmodel.data(qmodel.index(0, c)) for c in range(qmodel.columnCount())] == [
        "Autorisasjon som sykepleier",
        "Autorisasjon",
        "Ja",
        "6 mnd.",
        "01.03.2025",
    ]
    assert qmodel.rows[0].qualification_id == q.id


def test_innstillinger_the_level_that_counts_and_the_talk_interval(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    aase, dig2 = register.people["aase"], register.fw.competence_ids["dig-2"]
    record_assessment(UnitOfWork(ctx.database), NewAssessment(aase, dig2, 2, TODAY, "self"))
    page = shown(qtbot, SettingsPage(ctx), (900, 1200))
    box = page.register
    assert box.level_source.currentText() == "Leders vurdering"
    _pick(box.level_source, "Nyeste")
    retype(box.talk_interval.line, "24")
    with qtbot.waitSignal(ctx.changed, timeout=5_000) as told:  # the screens showing figures reload
        click(box.save_button)
    assert {"settings", "assessments"} <= told.args[0].kinds
    stored = get_settings(UnitOfWork(ctx.database))
    assert (stored.level_source, stored.appraisal_interval_months) == (LevelSource.NEWEST.value, 24)
    newest = [a for a in history(UnitOfWork(ctx.database), aase, dig2) if a.is_current]
    assert [(a.source, a.level_ordinal) for a in newest] == [("self", 2)]  # the newest now counts


def test_ansatte_only_those_whose_talk_is_overdue(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    uow = UnitOfWork(ctx.database, "testleder")
    for key in ("aase", "kari"):
        appraisals.record_appraisal(
            uow, register.people[key], appraisals.AppraisalInput(dt.date(2024, 11, 1))
        )
    page = shown(qtbot, EmployeesPage(ctx))
    assert page.proxy.rowCount() == 4
    QTest.mouseClick(page.talk_overdue, Qt.MouseButton.LeftButton, pos=page.talk_overdue.rect().center())
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=10_000)
    shown_names = {page.proxy.employee_at(r).full_name for r in range(page.proxy.rowCount())}  # type: ignore[union-attr]
    assert shown_names == {"Bjørn Sæther", "Zacharias Berg"}  # no talk, no known start: due now
    assert page.count.text() == "Viser 2 av 5"
    click(page.reset_filters)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 4, timeout=10_000)
    assert not page.talk_overdue.isChecked()


def test_oversikt_the_talks_panel(ctx: AppContext, register: Register, qtbot: QtBot) -> None:
    uow = UnitOfWork(ctx.database, "testleder")
    appraisals.record_appraisal(uow, register.people["aase"], appraisals.AppraisalInput(dt.date(2024, 3, 20)))
    appraisals.record_appraisal(uow, register.people["kari"], appraisals.AppraisalInput(dt.date(2024, 11, 1)))
    page = OverviewPage(ctx)
    with qtbot.waitSignal(page.talks.loaded, timeout=20_000):
        shown(qtbot, page, (1200, 900))
    panel = page.talks
    assert (
        panel.summary.text()
        == "2 forfalt, 1 forfaller innen 30 dager, av 4 ansatte (samtale hver 12. måned)."
    )
    names = [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
    # overdue first (by last name when neither has a due date), then due soon
    assert names == ["Zacharias Berg", "Bjørn Sæther", "Åse Ødegård"]
    assert panel.model.data(panel.model.index(2, 2)) == "20.03.2025"
    with qtbot.waitSignal(ctx.employee_requested, timeout=5_000) as asked:
        panel.view.setFocus()
        panel.view.setCurrentIndex(panel.model.index(0, 0))
        QTest.keyClick(panel.view, Qt.Key.Key_Return)
    assert asked.args == [register.people["zed"]]


def test_import_self_assessments_all_or_nothing(
    ctx: AppContext, register: Register, qtbot: QtBot, tmp_path: Path
) -> None:
    form = tmp_path / "egenvurdering.xlsx"
    export_self_assessment(UnitOfWork(ctx.database, "testleder"), form, unit_number="110")
    wb = load_workbook(form)
    sheet = "Ødegård, Åse (1001)"
    ws = wb[sheet]
    ws.cell(row=sl.FIRST_ROW, column=sl.LEVEL_COL).value = "3 – Nivå 3"
    ws.cell(row=sl.FIRST_ROW + 1, column=sl.LEVEL_COL).value = "nivå 99"
    wb.save(form)
    page = shown(qtbot, ImportPage(ctx))
    wizard = page.start_self_assessment_import()
    QTest.keyClicks(wizard.file_page.path_edit, str(form))
    click(wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE, timeout=10_000)
    preview = wizard.preview_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # a refused cell: nothing can be saved
    refused = preview.view.refused_model
    assert refused.data(refused.index(0, 0)) == "Åse Ødegård (1001)"
    assert refused.data(refused.index(0, 1)) == f"{sheet}!F{sl.FIRST_ROW + 1}"
    assert preview.view.tabs.currentIndex() == 1
    assert preview.refusal_note.text().startswith("1 celler kan ikke leses inn")
    # the leader corrects the file and reads it again
    click(wizard.button(QWizard.WizardButton.BackButton))
    wb = load_workbook(form)
    wb[sheet].cell(row=sl.FIRST_ROW + 1, column=sl.LEVEL_COL).value = "5"
    wb.save(form)
    click(wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE and commit.isEnabled(), timeout=10_000)
    click(commit)
    qtbot.waitUntil(lambda: wizard.currentId() == REPORT_PAGE, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert wizard.report_page.view.summary.text().startswith(
        "Enhet 110, 2 ansatte – egenvurderinger lagret: 2"
    )
    dig1 = register.fw.competence_ids["dig-1"]
    newest = history(UnitOfWork(ctx.database), register.people["aase"], dig1)[0]
    assert (newest.source, newest.level_ordinal, newest.assessor) == ("self", 3, "Åse Ødegård")


def test_oversikt_mandatory_requirements_and_the_cards_status(
    ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    """The nurses must have the HMS course within 6 months of the requirement (from 01.10.2024):
    missing, deadline 01.04.2025. The teachers had 3 months from 01.06.2024: Kari has the course,
    Zacharias is overdue. A never-taken course is never "ikke vurdert"."""
    from competence.certificates import CertificateInput, add_certificate
    from competence.roles import set_requirement
    from ui.card.profile import status_text

    uow = UnitOfWork(ctx.database, "testleder")
    hms = register.fw.competence_ids["hms-cert"]
    set_requirement(uow, register.roles["nurse"], hms, 1, deadline_months=6, valid_from=dt.date(2024, 10, 1))
    set_requirement(uow, register.roles["teacher"], hms, 1, deadline_months=3, valid_from=dt.date(2024, 6, 1))
    add_certificate(
        uow, register.people["kari"], CertificateInput("HMS", dt.date(2024, 8, 1), competence_id=hms)
    )
    page = OverviewPage(ctx)
    with qtbot.waitSignal(page.compliance.loaded, timeout=20_000):
        shown(qtbot, page, (1024, 768))
    panel = page.compliance
    assert (
        panel.summary.text()
        == "3 av 4 ansatte mangler minst ett lovpålagt krav (1 forfalt); 1 oppfyller alle."
    )
    rows = [
        tuple(panel.model.data(panel.model.index(r, c)) for c in (0, 2))
        for r in range(panel.model.rowCount())
    ]
    assert rows == [
        ("Bjørn Sæther", "Mangler, frist 01.04.2025"),
        ("Åse Ødegård", "Mangler, frist 01.04.2025"),
        ("Zacharias Berg", "Forfalt"),
    ]  # by unit (110 before 200), then the overdue first
    with qtbot.waitSignal(ctx.employee_requested, timeout=5_000) as asked:
        panel.view.setFocus()
        panel.view.setCurrentIndex(panel.model.index(2, 0))
        QTest.keyClick(panel.view, Qt.Key.Key_Return)
    assert asked.args == [register.people["zed"]]

    card = show_card(qtbot, ctx, register.people["zed"], (1024, 768))
    course = next(i for i in card.profile.model.rows if i.competence.id == hms)
    assert status_text(course) == "Forfalt"
    # the course is registered: the panel, told by the task runner, drops Zacharias
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        ctx.tasks.now(
            lambda u: add_certificate(
                u, register.people["zed"], CertificateInput("HMS", dt.date(2025, 2, 1), competence_id=hms)
            )
        )
    names = [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
    assert names == ["Bjørn Sæther", "Åse Ødegård"]
    wait_idle(qtbot, ctx)
