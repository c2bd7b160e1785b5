"""Ansattkort: one employee, with tabs for the competence profile, positions, learning goals,
certificates and appraisal talks. Everything on it is loaded by one background job
(:func:`competence.actions.card.load_card`); each edit is its own unit of work, after which the
card reloads (the task runner publishes what changed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence.actions.card import CardData, Lookups, load_card
from competence.changes import GAP_INPUTS, Changes
from competence.clock import today
from competence.employees import EmployeeDetail, mark_left
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui import status_colours as tone
from ui.card.appraisals import AppraisalsTab
from ui.card.certificates import CertificatesTab
from ui.card.goals import GoalsTab
from ui.card.positions import PositionsTab
from ui.card.profile import ProfileTab
from ui.card.qualifications import QualificationsTab
from ui.context import AppContext
from ui.employees.dialogs import EditEmployeeDialog
from ui.errors import attempt
from ui.i18n import fmt_date, fmt_percent
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow import ElidedLabel, FlowLayout
from ui.widgets.forms import FormDialog
from ui.worker import TaskRunner

#: What the card shows (the employee screen reloads it when one of these changed): the gap
#: analysis's inputs, the person's talks and their formal qualifications.
SHOWN = GAP_INPUTS | Changes(appraisals=True, qualifications=True)


class MarkLeftDialog(FormDialog):
    def __init__(self, tasks: TaskRunner, employee: EmployeeDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Registrer at {name} har sluttet").format(name=employee.full_name), parent)
        self.tasks, self.employee = tasks, employee
        self.left_on = DateEdit(today())
        self.add_row(self.tr("Sluttdato:"), self.left_on, "left_on")
        note = QLabel(
            self.tr(
                "Personen skjules i ansattlisten, men opplysningene beholdes til oppbevaringstiden er ute "
                "(se Innstillinger)."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)

    def submit(self) -> EmployeeDetail:
        left_on = self.left_on.required_date()
        return self.tasks.now(
            lambda uow: mark_left(uow, self.employee.id, left_on, expected_version=self.employee.version)
        )


class EmployeeCard(QWidget):
    back_requested = Signal()
    #: The card finished loading (used by tests and the screenshot script).
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        lookups: Callable[[], Lookups | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lookups = lookups or (lambda: None)
        self.employee_id: int | None = None
        self.data: CardData | None = None
        tasks = ctx.tasks

        self.back = QPushButton(self.tr("← Ansattlisten"))
        self.back.setToolTip(self.tr("Tilbake til ansattlisten (Alt+Venstre)"))
        self.back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self).activated.connect(self.back_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.back_requested)
        self.name = ElidedLabel()
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.edit_button = QPushButton(self.tr("Endre…"))
        self.edit_button.clicked.connect(self.edit_employee)
        self.left_button = QPushButton()
        self.left_button.clicked.connect(self.toggle_left)
        self.print_button = QPushButton(self.tr("Skriv ut utviklings&plan…"))
        self.print_button.setToolTip(self.tr("Lag utviklingsplanen som PDF til medarbeidersamtalen (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_plan)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self).activated.connect(self.print_plan)
        self.innsyn_action = QAction(self.tr("&Eksporter alt om personen (innsyn)…"), self)
        self.innsyn_action.setToolTip(self.tr("Alt registeret har om personen, som PDF eller JSON"))
        self.innsyn_action.triggered.connect(self.export_everything)
        self.erase_action = QAction(self.tr("Slett pe&rsonen (personvern)…"), self)
        self.erase_action.setToolTip(self.tr("Slett personen og alle spor etter vedkommende"))
        self.erase_action.triggered.connect(self.erase_person)
        privacy_menu = QMenu(self)
        privacy_menu.addAction(self.innsyn_action)
        privacy_menu.addSeparator()
        privacy_menu.addAction(self.erase_action)
        self.privacy_button = QPushButton(self.tr("Perso&nvern"))
        self.privacy_button.setAccessibleName(self.tr("Personvern: innsyn og sletting"))
        self.privacy_button.setMenu(privacy_menu)

        # the name (cut with "…" when long) and the status on a line of their own, the actions on a
        # line that wraps: a long name or a "Sluttet" status never widens the window
        header = QHBoxLayout()
        header.addWidget(self.back)
        header.addSpacing(12)
        header.addWidget(self.name, 1)
        header.addWidget(self.status)
        actions_bar = QWidget()
        actions = FlowLayout(actions_bar, spacing=6)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (self.print_button, self.edit_button, self.left_button, self.privacy_button):
            actions.addWidget(button)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Ansattkort"))
        self.profile = ProfileTab(tasks)
        self.positions = PositionsTab(tasks)
        self.goals = GoalsTab(tasks)
        self.certificates = CertificatesTab(tasks)
        self.appraisals = AppraisalsTab(tasks)
        self.qualifications = QualificationsTab(tasks)
        self.tabs.addTab(self.profile, self.tr("K&ompetanse"))
        self.tabs.addTab(self.positions, self.tr("&Stillinger"))
        self.tabs.addTab(self.goals, self.tr("&Utviklingsmål"))
        self.tabs.addTab(self.certificates, self.tr("&Kurs og sertifikater"))
        self.tabs.addTab(self.qualifications, self.tr("Kv&alifikasjoner"))
        self.tabs.addTab(self.appraisals, self.tr("&Medarbeidersamtaler"))
        self.profile.goal_requested.connect(self.new_goal_for)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(actions_bar)
        layout.addWidget(self.info)
        layout.addWidget(self.tabs, 1)

    # --- loading ---------------------------------------------------------------------------
    def show_employee(self, employee_id: int) -> None:
        if employee_id != self.employee_id:
            self.data = None
            self.name.setText(self.tr("Laster…"))
            self.info.clear()
            self.status.clear()
        self.employee_id = employee_id
        self.reload()

    def reload(self) -> None:
        if self.employee_id is None:
            return
        employee_id, lookups = self.employee_id, self.lookups()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> CardData:
            return load_card(uow, employee_id, lookups)

        self.ctx.tasks.run(job, on_done=self._loaded, parent=self, latest="card")

    def _loaded(self, data: CardData) -> None:
        window_days = data.expiry_window_days
        self.data = data
        e = data.employee
        self.name.setText(e.full_name or e.employee_no)
        parts = [self.tr("Ansattnr. {no}").format(no=e.employee_no)]
        if e.email:
            parts.append(e.email)
        if e.manager_name:
            parts.append(self.tr("Leder: {name}").format(name=e.manager_name))
        if e.active_positions:
            parts.append(self.tr("Stillingsprosent i alt: {pct}").format(pct=fmt_percent(e.fte_total)))
        self.info.setText(" · ".join(parts))
        if e.left_on is not None:
            self.status.setText(self.tr("Sluttet {date}").format(date=fmt_date(e.left_on)))
            self.status.setStyleSheet(f"{tone.WARNING_STYLE} font-weight: bold;")
            self.left_button.setText(self.tr("Registrer som aktiv igjen"))
        else:
            self.status.clear()
            self.left_button.setText(self.tr("Registrer som sluttet…"))
        lookups = data.lookups
        self.profile.load(e.id, data.profile, {c.id: c.levels for c in lookups.competences})
        self.positions.load(e.id, e.positions, lookups.units, lookups.roles, lookups.people)
        courses = tuple(c for c in lookups.competences if c.kind == "certificate")
        self.goals.load(e.id, data.goals, lookups.competences)
        skills = tuple(c for c in lookups.competences if c.kind == "skill")
        self.certificates.load(e.id, data.certificates, courses, window_days, skills)
        leader = e.manager_name
        compliance = data.compliance
        self.appraisals.load(
            e.id, data.appraisals, data.goals, leader, compliance.talk if compliance else None
        )
        if compliance is not None:
            self.qualifications.load(e.id, compliance)
        self.setAccessibleName(self.tr("Ansattkort for {name}").format(name=e.full_name))
        self.loaded.emit()

    # --- actions -----------------------------------------------------------------------------
    def new_goal_for(self, competence_id: int) -> None:
        self.tabs.setCurrentWidget(self.goals)
        self.goals.add_for(competence_id)

    def edit_employee(self) -> None:
        if self.data is None:
            return
        EditEmployeeDialog(self.ctx.tasks, self.data.employee, self, people=self.data.lookups.people).exec()

    def toggle_left(self) -> None:
        if self.data is None:
            return
        employee = self.data.employee
        if employee.left_on is None:
            MarkLeftDialog(self.ctx.tasks, employee, self).exec()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Aktiv igjen"),
            self.tr("Registrere {name} som aktiv igjen?").format(name=employee.full_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        attempt(
            self,
            lambda: self.ctx.tasks.now(
                lambda uow: mark_left(uow, employee.id, None, expected_version=employee.version)
            ),
        )

    def print_plan(self) -> None:
        """Ctrl+P: the development plan as a PDF, saved where the user says, then opened."""
        from ui.reports.files import ask_save_path, open_path, pdf_filter  # not needed at start
        from ui.reports.kinds import PLAN, Choice, Written
        from ui.reports.run import run_export

        if self.data is None:
            return
        e = self.data.employee
        choice = Choice(
            PLAN,
            employee_no=e.employee_no,
            person_name=f"{e.last_name} {e.first_name}".strip(),
            talk_on=today(),
        )
        target = ask_save_path(
            self,
            self.ctx.preferences,
            self.tr("Lagre utviklingsplanen for {name}").format(name=e.full_name),
            choice.default_name(today()),
            pdf_filter(),
        )
        if target is None:
            return

        def done(written: Written) -> None:
            self.ctx.status_message.emit(
                self.tr("Utviklingsplanen er lagret: {path}").format(path=written.path)
            )
            open_path(written.path)

        run_export(self.ctx, self, choice, target, on_done=done)

    def export_everything(self) -> None:
        """Innsyn: everything held on the person, saved as PDF or JSON, then opened."""
        from ui.privacy.innsyn import export_innsyn  # not needed at start

        if self.data is None:
            return
        e = self.data.employee
        export_innsyn(self.ctx, self, e.employee_no, f"{e.last_name} {e.first_name}".strip())

    def erase_person(self) -> None:
        """Erasure on request: confirmed by typing the employee number; then back to the list."""
        from ui.privacy.erasure import start_erasure  # not needed at start

        if self.data is None:
            return
        e = self.data.employee
        start_erasure(self.ctx, self, e.employee_no, e.full_name, self._erased)

    def _erased(self) -> None:
        self.employee_id, self.data = None, None
        self.ctx.tasks.forget(self, "card")  # a load still on its way is for someone who is gone
        self.back_requested.emit()
