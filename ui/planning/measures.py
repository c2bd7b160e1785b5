"""The unit's measures (tiltak) and competence budget on the Planlegging screen: the year's budget
planned against used at the top, the measures of the year below, and last year's with their
evaluation a year back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from competence.employees import EmployeeRow
from competence.planning.budget import BudgetFigures, set_budget
from competence.planning.measures import (
    MeasureInput,
    MeasureView,
    add_measure,
    delete_measure,
    update_measure,
)
from competence.planning.targets import TargetStatus
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from db.codes import Funding, MeasureKind, MeasureStatus
from db.planning import FIRST_YEAR, LAST_YEAR
from ui import status_colours as tone
from ui.card.common import RecordTable
from ui.card.goals import areas_of
from ui.i18n import current_language, fmt_date, fmt_int
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import CompetencePicker, PersonPicker
from ui.widgets.tables import Column
from ui.worker import TaskRunner


def kroner(value: int | None) -> str:
    return "" if value is None else f"{fmt_int(value)} kr"


class MeasureDialog(FormDialog):
    """A new measure of a unit, or a change to one (its evaluation included)."""

    def __init__(
        self,
        tasks: TaskRunner,
        unit_id: int,
        year: int,
        targets: Sequence[TargetStatus],
        competences: Sequence[CompetenceOption],
        people: Sequence[EmployeeRow],
        measure: MeasureView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Endre tiltak") if measure else self.tr("Nytt tiltak"), parent)
        self.tasks, self.unit_id, self.measure = tasks, unit_id, measure
        lang = current_language()
        self.title = QLineEdit(measure.title if measure else "")
        self.kind = QComboBox()
        for kind in MeasureKind:
            self.kind.addItem(kind.label(lang), kind.value)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(measure.year if measure else year)
        self.target = QComboBox()
        self.target.addItem(self.tr("(ingen)"), None)
        for target in targets:
            if target.unit_id == unit_id and target.level is not None:
                self.target.addItem(
                    self.tr("{competence}, nivå {level}: {have}/{need}").format(
                        competence=target.subject_label(lang),
                        level=target.level,
                        have=fmt_int(target.have),
                        need=fmt_int(target.people_needed),
                    ),
                    target.id,
                )
            elif target.unit_id == unit_id:
                self.target.addItem(
                    self.tr("{qualification}: {have}/{need}").format(
                        qualification=target.subject_label(lang),
                        have=fmt_int(target.have),
                        need=fmt_int(target.people_needed),
                    ),
                    target.id,
                )
        self.competence = CompetencePicker(competences, none_text=self.tr("(ingen)"))
        self.area = QComboBox()
        self.area.addItem(self.tr("(ingen)"), None)
        for area_id, label in areas_of(competences, lang):
            self.area.addItem(label, area_id)
        self.description = QPlainTextEdit(measure.description or "" if measure else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(52)
        self.responsible = PersonPicker(none_text=self.tr("(ingen)"))
        self.responsible.set_people(people, keep=measure.responsible_id if measure else None)
        self.due = DateEdit(measure.due_on if measure else None, optional=True)
        self.status = QComboBox()
        for status in MeasureStatus:
            self.status.addItem(status.label(lang), status.value)
        self.cost = NumberField(measure.cost_nok if measure else None, unit="kr", optional=True, step=1000)
        self.spent = NumberField(measure.spent_nok if measure else None, unit="kr", optional=True, step=1000)
        self.funding = QComboBox()
        self.funding.addItem(self.tr("(ikke oppgitt: enhetens budsjett)"), None)
        for funding in Funding:
            self.funding.addItem(funding.label(lang), funding.value)
        self.evaluation = QPlainTextEdit(measure.evaluation or "" if measure else "")
        self.evaluation.setTabChangesFocus(True)
        self.evaluation.setFixedHeight(52)
        self.add_row(self.tr("Tiltak:"), self.title, "title")
        self.add_row(self.tr("Type:"), self.kind, "kind")
        self.add_row(self.tr("År:"), self.year, "year")
        self.add_row(self.tr("Rettet mot mål:"), self.target, "target_id")
        self.add_row(self.tr("eller kompetanse (avvik):"), self.competence, "competence_id")
        self.add_row(self.tr("eller strategiområde:"), self.area, "area_id")
        self.add_row(self.tr("Beskrivelse:"), self.description, "description")
        self.add_row(self.tr("Ansvarlig:"), self.responsible, "responsible_id")
        self.add_row(self.tr("Frist:"), self.due, "due_on")
        self.add_row(self.tr("Status:"), self.status, "status")
        self.add_row(self.tr("Kostnad:"), self.cost, "cost_nok")
        self.add_row(self.tr("Brukt hittil:"), self.spent, "spent_nok")
        self.add_row(self.tr("Finansiering:"), self.funding, "funding")
        self.add_row(self.tr("Evaluering:"), self.evaluation, "evaluation")
        if measure is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(measure.kind.value), 0))
            self.status.setCurrentIndex(max(self.status.findData(measure.status.value), 0))
            self.target.setCurrentIndex(max(self.target.findData(measure.target_id), 0))
            self.competence.select_id(measure.competence_id)
            self.area.setCurrentIndex(max(self.area.findData(measure.area_id), 0))
            self.funding.setCurrentIndex(
                max(self.funding.findData(measure.funding.value if measure.funding else None), 0)
            )
        self.resize(600, self.sizeHint().height())

    def measure_input(self) -> MeasureInput:
        funding = self.funding.currentData()
        cost, spent = self.cost.value(), self.spent.value()
        return MeasureInput(
            year=self.year.value(),
            kind=MeasureKind(self.kind.currentData()),
            title=self.title.text(),
            description=self.description.toPlainText() or None,
            target_id=self.target.currentData(),
            competence_id=self.competence.selected_id(),
            area_id=self.area.currentData(),
            cost_nok=None if cost is None else int(cost),
            spent_nok=None if spent is None else int(spent),
            funding=None if funding is None else Funding(funding),
            responsible_id=self.responsible.checked_id("responsible_id"),
            due_on=self.due.value(),
            status=MeasureStatus(self.status.currentData()),
            evaluation=self.evaluation.toPlainText() or None,
        )

    def submit(self) -> int:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> int:
        if self.measure is None:
            return add_measure(uow, self.unit_id, self.measure_input())
        update_measure(uow, self.measure.id, self.measure_input(), expected_version=self.measure.version)
        return self.measure.id


class BudgetDialog(FormDialog):
    """The unit's competence budget for a year (empty removes it)."""

    def __init__(
        self,
        tasks: TaskRunner,
        unit_id: int,
        figures: BudgetFigures,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Kompetansebudsjett {year}").format(year=figures.year), parent)
        self.tasks, self.unit_id, self.figures = tasks, unit_id, figures
        own = figures.budget if figures.budget_id is not None else None
        self.amount = NumberField(own, unit="kr", optional=True, step=5000)
        self.note = QPlainTextEdit(figures.note or "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.add_row(self.tr("Budsjett:"), self.amount, "amount_nok")
        self.add_row(self.tr("Merknad:"), self.note, "note")
        hint = QLabel(self.tr("Tomt felt fjerner budsjettet for året."))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.resize(440, self.sizeHint().height())

    def submit(self) -> None:
        self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> None:
        amount = self.amount.value()
        set_budget(
            uow,
            self.unit_id,
            self.figures.year,
            None if amount is None else int(amount),
            note=self.note.toPlainText() or None,
            expected_version=self.figures.budget_version,
        )


class BudgetBox(QGroupBox):
    """The year's budget: planned (measures + learning goals) against used, and what is left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Kompetansebudsjett"))
        self.edit_button = QPushButton(self.tr("Sett bud&sjett…"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.edit_button)

    def show_figures(self, figures: BudgetFigures, has_unit: bool) -> None:
        self.setTitle(self.tr("Kompetansebudsjett {year}").format(year=figures.year))
        budget = kroner(figures.budget) if figures.budget is not None else self.tr("ikke satt")
        lines = [
            self.tr(
                "Budsjett: {budget} · planlagt: {planned} (tiltak {measures} + utviklingsmål {goals})"
            ).format(
                budget=budget,
                planned=kroner(figures.planned),
                measures=kroner(figures.planned_measures),
                goals=kroner(figures.planned_goals),
            ),
            self.tr("Brukt: {spent} (tiltak {measures} + fullførte utviklingsmål {goals})").format(
                spent=kroner(figures.spent),
                measures=kroner(figures.spent_measures),
                goals=kroner(figures.spent_goals),
            ),
        ]
        remaining = figures.remaining
        if remaining is not None:
            left = (
                self.tr("Igjen å planlegge: {left}").format(left=kroner(remaining))
                if remaining >= 0
                else self.tr("Planlagt over budsjettet: {over}").format(over=kroner(-remaining))
            )
            lines.append(f"<b>{left}</b>" if figures.over_budget else left)
        if figures.external:
            lines.append(
                self.tr("Finansiert utenfor enhetens budsjett: {amount}").format(
                    amount=kroner(figures.external)
                )
            )
        self.text.setText("<br>".join(lines))
        self.text.setStyleSheet(tone.WARNING_STYLE if figures.over_budget else "")
        self.edit_button.setEnabled(has_unit)


class MeasuresTab(QWidget):
    """The budget over the table of the year's measures."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.budget = BudgetBox()
        self.table = MeasureTable(tasks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.budget)
        layout.addWidget(self.table, 1)
        self.figures: BudgetFigures | None = None
        self.unit_id: int | None = None
        self.budget.edit_button.clicked.connect(self.edit_budget)

    def edit_budget(self) -> None:
        if self.unit_id is not None and self.figures is not None:
            self.table.run_dialog(BudgetDialog(self.tasks, self.unit_id, self.figures, parent=self))


class MeasureTable(RecordTable[MeasureView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        lang = current_language()
        self.at: dt.date | None = None
        columns: list[Column[MeasureView]] = [
            Column(
                self.tr("Tiltak"),
                lambda m: m.title,
                tooltip=lambda m: "\n\n".join(t for t in (m.title, m.description, m.evaluation) if t),
                key="title",
            ),
            Column(self.tr("Type"), lambda m: m.kind.label(lang)),
            Column(self.tr("Rettet mot"), lambda m: m.aim(lang) or self.tr("(ingen kobling)"), key="aim"),
            Column(self.tr("Ansvarlig"), lambda m: m.responsible_name or ""),
            Column(
                self.tr("Frist"),
                lambda m: fmt_date(m.due_on),
                lambda m: m.due_on,
                background=lambda m: tone.GAP.fill if self.at is not None and m.overdue(self.at) else None,
            ),
            Column(self.tr("Status"), lambda m: m.status.label(lang)),
            Column(
                self.tr("Kostnad"), lambda m: kroner(m.cost_nok), lambda m: m.cost_nok or 0, align_right=True
            ),
            Column(
                self.tr("Brukt"), lambda m: kroner(m.spent_nok), lambda m: m.spent_nok or 0, align_right=True
            ),
            Column(
                self.tr("Finansiering"),
                lambda m: (m.funding or Funding.UNIT_BUDGET).label(lang),
            ),
            Column(
                self.tr("Evaluering"), lambda m: (m.evaluation or "").splitlines()[0] if m.evaluation else ""
            ),
        ]
        self.set_columns(columns, self.tr("Tiltak"), stretch=0)
        if self.fitter is not None:  # evaluation, funding, spent and who give way on a narrow screen
            self.fitter.cap = 170
            self.fitter.optional = [9, 8, 7, 3, 1]
        self.unit_id: int | None = None
        self.year = 0
        self.targets: Sequence[TargetStatus] = ()
        self.competences: Sequence[CompetenceOption] = ()
        self.people: Sequence[EmployeeRow] = ()
        self.new_button = self.add_button(self.tr("Nytt t&iltak…"), self.add)
        self.edit_button = self.add_button(self.tr("En&dre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slet&t"), self.delete, needs_row=True)

    def add(self) -> None:
        if self.unit_id is None:
            return
        self.run_dialog(
            MeasureDialog(
                self.tasks,
                self.unit_id,
                self.year,
                self.targets,
                self.competences,
                self.people,
                parent=self,
            )
        )

    def edit(self) -> None:
        measure = self.selected()
        if measure is not None:
            self.run_dialog(
                MeasureDialog(
                    self.tasks,
                    measure.unit_id,
                    self.year,
                    self.targets,
                    self.competences,
                    self.people,
                    measure,
                    parent=self,
                )
            )

    def delete(self) -> None:
        measure = self.selected()
        if measure is None:
            return
        self.delete_after_asking(
            self.tr("Slett tiltak"),
            self.tr("Slette tiltaket «{title}»?").format(title=measure.title[:80]),
            lambda uow: delete_measure(uow, measure.id, expected_version=measure.version),
        )
