"""Every screen and every dialog of the app, for the tests that walk them all: that each fits a
1024x768 screen, that no window has two shortcuts on one letter, that every input has a name a
screen reader can read out (test_small_screens.py, test_keyboard.py); and what a window offers the
keyboard (its Alt+letters) and a screen reader (the names of its inputs).

:func:`screens` shows each screen of a real main window in turn (and the employee card with each of
its tabs); :func:`dialogs` makes each dialog with data from the small test register.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from competence.employees import EmployeeRow, get_employee, list_employees
from competence.frameworks.queries import framework_tree, list_frameworks
from competence.gap import employee_profile
from competence.goals import GoalInput, add_goal, goals_of
from competence.qualifications import QualificationInput, create_qualification, list_qualifications
from competence.roles import list_roles, requirements_of
from competence.search import CompetenceOption, competence_options
from competence.units import list_units
from db.errors import DatabaseCorruptError
from tests.ui.support import Register, uow_of, wait_idle
from ui.context import AppContext
from ui.employees.page import EmployeesPage
from ui.main_window import MainWindow
from ui.reports.page import ReportsPage
from ui.widgets.forms import inner_part


@dataclass(frozen=True)
class Shown:
    """One state of the main window: a screen (or the card with one of its tabs) in front."""

    name: str
    window: MainWindow


def screens(window: MainWindow, qtbot: QtBot, register: Register) -> Iterator[Shown]:
    """Show each screen of ``window`` in turn, each tab of its tabs and each report of Rapporter;
    the employee card with each of its tabs after Ansatte."""
    ctx = window.ctx
    for spec in window.specs:
        page = window.page(spec.key)
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            window.show_page(spec.key)
        wait_idle(qtbot, ctx)
        yield Shown(spec.key, window)
        for tabs in page.findChildren(QTabWidget):
            if tabs.isVisibleTo(page) and not isinstance(page, EmployeesPage):
                for index in range(1, tabs.count()):
                    tabs.setCurrentIndex(index)
                    wait_idle(qtbot, ctx)
                    yield Shown(f"{spec.key}/{index}", window)
                tabs.setCurrentIndex(0)
        if isinstance(page, ReportsPage):
            for row in range(1, page.kinds.count()):
                page.kinds.setCurrentRow(row)
                yield Shown(f"{spec.key}/{row}", window)
            page.kinds.setCurrentRow(0)
        if isinstance(page, EmployeesPage):
            with qtbot.waitSignal(page.card.loaded, timeout=10_000):
                page.open_employee(register.people["aase"])
            wait_idle(qtbot, ctx)
            card = page.card
            for index in range(card.tabs.count()):
                card.tabs.setCurrentIndex(index)
                yield Shown(f"card/{index}", window)
            page.show_list()
            wait_idle(qtbot, ctx)


def help_at(window: QWidget, topic: str) -> QWidget:
    window.show_topic(topic)  # type: ignore[attr-defined]
    return window


def dialogs(
    ctx: AppContext, register: Register, parent: QWidget
) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """(name, make) for every dialog of the app, filled from the test register."""
    from ui.card.appraisals import AppraisalDialog
    from ui.card.card import MarkLeftDialog
    from ui.card.certificates import CertificateDialog
    from ui.card.goals import CompleteGoalDialog, GoalDialog
    from ui.card.positions import EndPositionDialog, PositionDialog
    from ui.card.profile import AssessDialog
    from ui.card.qualifications import DispensationDialog, HeldQualificationDialog
    from ui.employees.dialogs import EditEmployeeDialog, NewEmployeeDialog
    from ui.errors import BugDialog, bug_report
    from ui.first_start import FirstStartDialog
    from ui.frameworks.dialogs import (
        AreaDialog,
        CompetenceDialog,
        CopyDialog,
        EditFrameworkDialog,
        ScaleDialog,
    )
    from ui.frameworks.qualifications import QualificationDialog
    from ui.frameworks.roles import QualificationRequirementDialog, RequirementDialog, RoleDialog
    from ui.help import HelpWindow
    from ui.importing.roster_wizard import RosterWizard
    from ui.importing.self_assessment_wizard import SelfAssessmentWizard
    from ui.importing.template_wizard import TemplateWizard
    from ui.privacy.auditlog import AuditLogDialog
    from ui.privacy.damaged import DamagedDatabaseDialog
    from ui.privacy.erasure import ErasureDialog, preview_erasure
    from ui.privacy.retention import RetentionDialog

    tasks = ctx.tasks
    aase = register.people["aase"]
    employee = get_employee(uow_of(ctx), aase)
    units = tuple(list_units(uow_of(ctx)))
    roles = tuple(list_roles(uow_of(ctx)))
    options = tuple(competence_options(uow_of(ctx)))
    skills = tuple(o for o in options if o.kind == "skill")
    courses = tuple(o for o in options if o.kind == "certificate")
    people = tuple(list_employees(uow_of(ctx), include_left=True))
    profile = employee_profile(uow_of(ctx), aase)
    item = next(i for i in profile.items if i.competence.kind == "skill")
    levels = next(o.levels for o in options if o.id == item.competence.id)
    nurse = next(r for r in roles if r.id == register.roles["nurse"])
    summary = next(f for f in list_frameworks(uow_of(ctx)) if f.key == "test-fw")
    tree = framework_tree(uow_of(ctx), "test-fw")
    for text in ("Kurs i personvern", "Hospitering i HMS-arbeid", "Veiledning i nye rutiner"):
        add_goal(uow_of(ctx), aase, GoalInput(text, "course"))
    goals = tuple(goals_of(uow_of(ctx), aase))
    area = tree.areas[0]
    catalogue = tuple(list_qualifications(uow_of(ctx)))
    if not catalogue:
        create_qualification(uow_of(ctx), QualificationInput("authorisation", "Autorisasjon som sykepleier"))
        catalogue = tuple(list_qualifications(uow_of(ctx)))
    dig1 = next(o for o in skills if o.id == register.fw.competence_ids["dig-1"])
    skill_goal = add_goal(uow_of(ctx), aase, GoalInput("Kurs i Teams", "course", dig1.id, target_level=3))

    def bug() -> QWidget:
        try:
            raise ValueError("en feil i testen")
        except ValueError as exc:
            return BugDialog(bug_report(type(exc), exc, exc.__traceback__), "/tmp/logg", parent)

    yield "Ny ansatt", lambda: NewEmployeeDialog(tasks, units, roles, parent)
    yield "Endre ansatt", lambda: EditEmployeeDialog(tasks, employee, parent, people=people)
    yield "Ny stilling", lambda: PositionDialog(tasks, aase, units, roles, None, parent, people=people)
    yield "Avslutt stilling", lambda: EndPositionDialog(tasks, employee.positions[0], parent)
    yield "Registrer som sluttet", lambda: MarkLeftDialog(tasks, employee, parent)
    yield "Nytt utviklingsmål", lambda: GoalDialog(tasks, aase, skills, parent=parent)
    yield (
        "Nytt kurs/sertifikat",
        lambda: CertificateDialog(tasks, aase, courses, parent=parent, skills=skills),
    )
    yield "Fullfør utviklingsmålet", lambda: CompleteGoalDialog(tasks, skill_goal, dig1, parent)
    yield (
        "Registrer kvalifikasjon",
        lambda: HeldQualificationDialog(tasks, aase, catalogue, parent=parent),
    )
    yield "Ny dispensasjon", lambda: DispensationDialog(tasks, aase, catalogue, parent=parent)
    yield (
        "Ny medarbeidersamtale",
        lambda: AppraisalDialog(tasks, aase, goals, leader_name="Nina Leder", parent=parent),
    )
    yield "Vurder", lambda: AssessDialog(tasks, aase, item, levels, parent=parent)
    yield "Ny rolle", lambda: RoleDialog(tasks, None, parent)
    yield (
        "Nytt krav",
        lambda: RequirementDialog(
            tasks, nurse, options, requirements_of(uow_of(ctx), nurse.id), parent=parent
        ),
    )
    yield (
        "Nytt kvalifikasjonskrav",
        lambda: QualificationRequirementDialog(tasks, nurse, catalogue, None, parent),
    )
    yield "Ny kvalifikasjon i katalogen", lambda: QualificationDialog(tasks, None, parent)
    yield "Kopi av rammeverk", lambda: CopyDialog(tasks, summary, parent)
    yield "Endre rammeverket", lambda: EditFrameworkDialog(tasks, summary, parent)
    yield "Nytt område", lambda: AreaDialog(tasks, summary, None, parent)
    yield "Ny kompetanse", lambda: CompetenceDialog(tasks, tree, area, None, parent)
    yield "Endre nivånavn", lambda: ScaleDialog(tasks, tree.scales[-1], parent)
    yield from planning_dialogs(ctx, register, parent, options, people)
    yield "Importer personalliste", lambda: RosterWizard(ctx, parent)
    yield "Les inn vurderingsmal", lambda: TemplateWizard(ctx, parent)
    yield "Les inn egenvurderinger", lambda: SelfAssessmentWizard(ctx, parent)
    yield "Revisjonslogg", lambda: AuditLogDialog(ctx, parent)
    yield "Oppbevaringstiden er ute", lambda: RetentionDialog(ctx, parent)
    yield (
        "Slett personen",
        lambda: ErasureDialog(preview_erasure(uow_of(ctx), employee.employee_no, employee.full_name), parent),
    )
    yield (
        "Databasefilen er skadet",
        lambda: DamagedDatabaseDialog(
            DatabaseCorruptError(str(ctx.database.url)), ctx.database.url, ctx.tasks
        ),
    )
    yield "Velkommen", lambda: FirstStartDialog(can_import=True, parent=parent)
    yield "Feilrapport", bug
    yield "Brukerveiledning", lambda: help_at(HelpWindow(parent), "gap")


def planning_dialogs(
    ctx: AppContext,
    register: Register,
    parent: QWidget,
    options: tuple[CompetenceOption, ...],
    people: tuple[EmployeeRow, ...],
) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """The dialogs of the Planlegging screen."""
    from competence.planning.budget import BudgetFigures
    from ui.planning.measures import BudgetDialog, MeasureDialog
    from ui.planning.targets import TargetDialog

    tasks, home = ctx.tasks, register.units["home"]
    yield "Nytt mål", lambda: TargetDialog(tasks, home, options, parent=parent)
    yield "Nytt tiltak", lambda: MeasureDialog(tasks, home, 2025, (), options, people, parent=parent)
    budget = BudgetFigures(2025, None, 0, 0, 0, 0, 0)
    yield "Kompetansebudsjett", lambda: BudgetDialog(tasks, home, budget, parent=parent)
    from ui.importing.tenfactor_wizard import TenFactorWizard

    yield "Les inn 10-FAKTOR", lambda: TenFactorWizard(ctx, parent)


# --- what a window offers the keyboard and a screen reader ----------------------------------------
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single & (Alt+letter), lower case; None without one."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shown_in(window: QWidget) -> list[QWidget]:
    """The widgets of ``window`` a user can see now (not on a hidden page, tab or row)."""
    return [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and w.window() is window]


def mnemonics_of(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) for every Alt+letter a user can press in ``window`` as it shows now: buttons,
    labels with a buddy, group boxes, tabs, the menu bar's menus."""
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found.append((letter, text))

    for widget in shown_in(window):
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text())
    return found


def menus_of(window: QWidget) -> list[QMenu]:
    """The menus ``window`` opens: the menu bar's and those of its buttons (shown or not)."""
    menus = []
    for bar in window.findChildren(QMenuBar):
        menus += [a.menu() for a in bar.actions() if a.menu() is not None]
    for button in window.findChildren(QPushButton):
        if button.menu() is not None:
            menus.append(button.menu())
    return menus


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


_NAMED_BY_TEXT = (QAbstractButton,)
_INPUTS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
)


def inputs_without_a_name(window: QWidget) -> list[str]:
    """The inputs in ``window`` a screen reader could not name: no accessible name, no label that
    is their buddy (a button's or check box's own text names it)."""
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    nameless = []
    for widget in shown_in(window):
        if not isinstance(widget, _INPUTS + _NAMED_BY_TEXT) or isinstance(widget, QScrollBar):
            continue
        if inner_part(widget, window):
            continue
        if isinstance(widget, _NAMED_BY_TEXT) and widget.text().replace("&", "").strip():
            continue
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        kind = type(widget).__name__
        nameless.append(
            f"{kind} {widget.objectName() or ''} {getattr(widget, 'text', lambda: '')()!r}".strip()
        )
    return nameless
