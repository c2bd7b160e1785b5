"""Learning goals (utviklingsmål) on the employee card."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QWidget

from competence.certificates import CertificateInput
from competence.clock import today
from competence.goals import (
    Completion,
    GoalInput,
    GoalView,
    add_goal,
    complete_goal,
    delete_goal,
    set_goal_status,
    update_goal,
)
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from db.codes import ActivityType, GoalStatus
from ui import status_colours as tone
from ui.card.common import RecordTable, level_text
from ui.errors import attempt
from ui.i18n import current_language, fmt_date, fmt_int, fmt_number
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import CompetencePicker
from ui.widgets.tables import Column
from ui.worker import TaskRunner


def areas_of(options: Sequence[CompetenceOption], lang: str) -> list[tuple[int, str]]:
    """The strategy areas the competences belong to, as (id, "framework › area") in ``lang``."""
    seen: dict[int, str] = {}
    for option in options:
        seen.setdefault(option.area_id, f"{option.framework_display(lang)} › {option.area_display(lang)}")
    return list(seen.items())


class GoalDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        competences: Sequence[CompetenceOption],
        goal: GoalView | None = None,
        *,
        competence_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Endre utviklingsmål") if goal else self.tr("Nytt utviklingsmål"), parent)
        self.tasks, self.employee_id, self.goal = tasks, employee_id, goal
        lang = current_language()
        self.description = QPlainTextEdit(goal.description if goal else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(72)
        self.activity = QComboBox()
        for activity in ActivityType.choices():
            self.activity.addItem(activity.label(lang), activity.value)
        # a competence assessed by level, or a course proven by a certificate (docs/compliance.md)
        self.competence = CompetencePicker(competences, none_text=self.tr("(ingen)"))
        self.area = QComboBox()
        self.area.addItem(self.tr("(ingen)"), None)
        for area_id, label in areas_of(competences, lang):
            self.area.addItem(label, area_id)
        self.target = QComboBox()
        self.start = DateEdit(goal.start_on if goal else None, optional=True)
        self.due = DateEdit(goal.due_on if goal else None, optional=True)
        self.status = QComboBox()
        for status in GoalStatus.choices():
            self.status.addItem(status.label(lang), status.value)
        self.hours = NumberField(
            goal.hours if goal else None, maximum=10_000, decimals=1, unit=self.tr("timer"), optional=True
        )
        self.cost = NumberField(
            goal.cost_nok if goal else None, maximum=100_000_000, unit="kr", optional=True, step=500
        )
        self.result_text = QPlainTextEdit(goal.result or "" if goal else "")
        self.result_text.setTabChangesFocus(True)
        self.result_text.setFixedHeight(56)
        self.add_row(self.tr("Beskrivelse:"), self.description, "description")
        self.add_row(self.tr("Aktivitet:"), self.activity, "activity_type")
        self.add_row(self.tr("Kompetanse:"), self.competence, "competence_id")
        self.add_row(self.tr("Strategiområde:"), self.area, "area_id")
        self.add_row(self.tr("Målnivå:"), self.target, "target_level")
        self.add_row(self.tr("Start:"), self.start, "start_on")
        self.add_row(self.tr("Frist:"), self.due, "due_on")
        self.add_row(self.tr("Status:"), self.status, "status")
        self.add_row(self.tr("Timer:"), self.hours, "hours")
        self.add_row(self.tr("Kostnad:"), self.cost, "cost_nok")
        self.add_row(self.tr("Resultat:"), self.result_text, "result")
        self.competence.currentIndexChanged.connect(self._competence_changed)
        if goal is not None:
            self.activity.setCurrentIndex(max(self.activity.findData(goal.activity_type), 0))
            self.status.setCurrentIndex(max(self.status.findData(goal.status), 0))
            self.competence.select_id(goal.competence_id)
            self.area.setCurrentIndex(max(self.area.findData(goal.area_id), 0))
        elif competence_id is not None:
            self.competence.select_id(competence_id)
        self._competence_changed()
        if goal is not None and goal.target_level is not None:
            self.target.setCurrentIndex(max(self.target.findData(goal.target_level), 0))
        self.resize(520, self.sizeHint().height())

    def _competence_changed(self) -> None:
        option = self.competence.selected()
        lang = current_language()
        self.target.clear()
        self.target.addItem(self.tr("(ikke angitt)"), None)
        skill = option is not None and option.kind == "skill"
        if option is not None:
            if skill:
                for level in option.levels:
                    self.target.addItem(level.label(lang), level.ordinal)
            self.area.setCurrentIndex(max(self.area.findData(option.area_id), 0))
        # a competence fixes the area; without one the user may link the goal to an area alone
        self.area.setEnabled(option is None)
        self.target.setEnabled(skill)

    def goal_input(self) -> GoalInput:
        return GoalInput(
            description=self.description.toPlainText(),
            activity_type=str(self.activity.currentData()),
            competence_id=self.competence.selected_id(),
            area_id=self.area.currentData(),
            target_level=self.target.currentData(),
            start_on=self.start.value(),
            due_on=self.due.value(),
            status=str(self.status.currentData()),
            hours=self.hours.value(),
            cost_nok=self.cost.whole_value(),
            result=self.result_text.toPlainText() or None,
            appraisal_id=self.goal.appraisal_id if self.goal else None,
        )

    def submit(self) -> GoalView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> GoalView:
        if self.goal is None:
            return add_goal(uow, self.employee_id, self.goal_input())
        return update_goal(uow, self.goal.id, self.goal_input(), expected_version=self.goal.version)


class CompleteGoalDialog(FormDialog):
    """Mark a goal completed and, in the same save, record what it reached (docs/compliance.md):
    the level it aimed at in its competence, and the course's certificate."""

    def __init__(
        self,
        tasks: TaskRunner,
        goal: GoalView,
        competence: CompetenceOption | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Fullfør utviklingsmålet"), parent)
        self.tasks, self.goal, self.competence = tasks, goal, competence
        lang = current_language()
        intro = QLabel(
            self.tr("«{goal}» er nådd. Registrer hva det førte til, så er profilen oppdatert.").format(
                goal=goal.description.splitlines()[0][:120] if goal.description else ""
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        skill = competence is not None and competence.kind == "skill"
        course = competence is not None and competence.kind == "certificate"
        self.level = QComboBox()
        self.level.addItem(self.tr("(ikke registrer nytt nivå)"), None)
        if skill and competence is not None:
            for level in competence.levels:
                self.level.addItem(level.label(lang), level.ordinal)
            wanted = self.level.findData(goal.target_level) if goal.target_level is not None else -1
            self.level.setCurrentIndex(wanted if wanted > 0 else 0)
            self.add_row(
                self.tr("Nytt nivå i {name}:").format(name=competence.label(lang)), self.level, "level"
            )
        self.result_text = QPlainTextEdit(goal.result or "")
        self.result_text.setTabChangesFocus(True)
        self.result_text.setFixedHeight(56)
        self.add_row(self.tr("Resultat:"), self.result_text, "result")
        self.record_certificate = QCheckBox(
            self.tr("Registrer &kursbevis for {name}").format(name=competence.label(lang))
            if course and competence is not None
            else self.tr("Registrer &kursbevis (nivået regnes da som gitt av kurset)")
        )
        self.record_certificate.setChecked(course)
        first_line = goal.description.splitlines()[0][:300] if goal.description else ""
        self.certificate_name = QLineEdit("" if course else first_line)
        self.certificate_name.setMaxLength(300)
        self.certificate_name.setPlaceholderText(self.tr("Tomt: navnet på kurset"))
        self.issuer = QLineEdit()
        self.issuer.setMaxLength(200)
        self.completed = DateEdit(today(), latest=today())
        self.valid_until = DateEdit(None, optional=True)
        self.valid_until.setToolTip(self.tr("Tomt: regnes ut fra kursets gyldighet, eller gyldig uten utløp"))
        if skill or course:
            self.form.addRow(self.record_certificate)
            self.add_row(self.tr("Kursbevis:"), self.certificate_name, "name")
            self.add_row(self.tr("Utsteder:"), self.issuer, "issuer")
            self.add_row(self.tr("Fullført:"), self.completed, "completed_on")
            self.add_row(self.tr("Gyldig til:"), self.valid_until, "valid_until")
            self.record_certificate.toggled.connect(self._certificate_toggled)
            self._certificate_toggled(self.record_certificate.isChecked())
        self.resize(540, self.sizeHint().height())

    def _certificate_toggled(self, on: bool) -> None:
        for widget in (self.certificate_name, self.issuer, self.completed, self.valid_until):
            widget.setEnabled(on)

    def completion(self) -> Completion:
        chosen = self.level.currentData()
        level = int(chosen) if chosen is not None else None
        certificate = None
        if self.record_certificate.isChecked():
            certificate = CertificateInput(
                name=self.certificate_name.text(),
                completed_on=self.completed.required_date(),
                valid_until=self.valid_until.value(),
                issuer=self.issuer.text() or None,
            )
        return Completion(level, certificate)

    def submit(self) -> GoalView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> GoalView:
        return complete_goal(
            uow,
            self.goal.id,
            self.completion(),
            expected_version=self.goal.version,
            result=self.result_text.toPlainText() or None,
        )


class GoalsTab(RecordTable[GoalView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        lang = current_language()

        def overdue(g: GoalView) -> QColor | None:
            return tone.GAP.fill if g.overdue() else None

        columns: list[Column[GoalView]] = [
            Column(self.tr("Beskrivelse"), lambda g: g.description.splitlines()[0] if g.description else ""),
            Column(
                self.tr("Aktivitet"),
                lambda g: ActivityType.label_of(g.activity_type, lang),
            ),
            Column(self.tr("Kompetanse / område"), lambda g: g.aim(lang)),
            Column(self.tr("Målnivå"), self._target_text, lambda g: g.target_level),
            Column(
                self.tr("Frist"),
                lambda g: fmt_date(g.due_on),
                lambda g: g.due_on,
                background=overdue,
                tooltip=lambda g: self.tr("Fristen er passert") if g.overdue() else None,
            ),
            Column(self.tr("Status"), lambda g: GoalStatus.label_of(g.status, lang)),
            Column(self.tr("Timer"), lambda g: fmt_number(g.hours), lambda g: g.hours, align_right=True),
            Column(
                self.tr("Kostnad"),
                lambda g: fmt_int(g.cost_nok) if g.cost_nok is not None else "",
                lambda g: g.cost_nok,
                align_right=True,
            ),
        ]
        self.set_columns(columns, self.tr("Utviklingsmål"), stretch=0)
        if self.fitter is not None:  # hours, cost and the kind of activity give way on a narrow screen
            self.fitter.cap = 170
            self.fitter.optional = [6, 7, 1]
        self.employee_id = 0
        self.competences: Sequence[CompetenceOption] = ()
        self.new_button = self.add_button(self.tr("Nytt mål…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.status_button = self.add_button(self.tr("Sett status"), None, needs_row=True)
        menu = QMenu(self.status_button)
        for status in GoalStatus.choices():
            action = menu.addAction(status.label(lang))
            action.setData(status.value)
            action.triggered.connect(lambda _checked=False, k=status.value: self.set_status(k))
        self.status_button.setMenu(menu)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)

    def _target_text(self, goal: GoalView) -> str:
        if goal.target_level is None:
            return ""
        option = next((c for c in self.competences if c.id == goal.competence_id), None)
        return level_text(option.levels if option else (), goal.target_level, goal.target_level_name)

    def load(
        self, employee_id: int, goals: Sequence[GoalView], competences: Sequence[CompetenceOption]
    ) -> None:
        self.employee_id, self.competences = employee_id, competences
        self.set_rows(goals)

    def add(self) -> None:
        self.add_for(None)

    def add_for(self, competence_id: int | None) -> None:
        """A new goal, with the competence chosen already (from the profile's "Nytt mål")."""
        self.run_dialog(
            GoalDialog(
                self.tasks,
                self.employee_id,
                self.competences,
                competence_id=competence_id,
                parent=self,
            )
        )

    def edit(self) -> None:
        goal = self.selected()
        if goal is not None:
            self.run_dialog(GoalDialog(self.tasks, self.employee_id, self.competences, goal, parent=self))

    def set_status(self, status: str) -> None:
        goal = self.selected()
        if goal is None or goal.status == status:
            return
        if status == GoalStatus.COMPLETED:  # closing the loop: record what the goal reached, in one save
            option = next((c for c in self.competences if c.id == goal.competence_id), None)
            self.run_dialog(CompleteGoalDialog(self.tasks, goal, option, parent=self))
            return
        attempt(
            self,
            lambda: self.tasks.now(
                lambda uow: set_goal_status(uow, goal.id, status, expected_version=goal.version)
            ),
        )

    def delete(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        self.delete_after_asking(
            self.tr("Slett utviklingsmål"),
            self.tr("Slette målet «{text}»?").format(text=goal.description[:80]),
            lambda uow: delete_goal(uow, goal.id, expected_version=goal.version),
        )
