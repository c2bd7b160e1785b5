"""The targets of a unit on the Planlegging screen: "we need N people at level L or above in
competence C", or "N people holding qualification Q", with have / need / short, who holds it, the
reason and the date."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from competence.errors import ValidationError
from competence.planning.targets import (
    TargetInput,
    TargetStatus,
    add_target,
    delete_target,
    update_target,
)
from competence.qualifications import QualificationView
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from db.codes import TargetState
from ui import status_colours as tone
from ui.card.common import RecordTable
from ui.i18n import current_language, fmt_date, fmt_int
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import CompetencePicker, QualificationPicker
from ui.widgets.tables import Column
from ui.worker import TaskRunner

#: as in the printed unit plan (competence/export/pdf/unit_plan_planning.py)
STATE_COLOURS = {
    TargetState.MET: tone.MET.fill,
    TargetState.SHORT: tone.NEAR.fill,
    TargetState.OVERDUE: tone.GAP.fill,
}

translate = QCoreApplication.translate


def state_text(target: TargetStatus, lang: str) -> str:
    if target.state is TargetState.MET:
        return target.state.label(lang)
    return f"{target.state.label(lang)} ({fmt_int(target.short)})"


def target_columns(lang: str) -> list[Column[TargetStatus]]:
    """A target as Planlegging and Enheter show it: unit, competence or qualification, level (a
    qualification: "gyldig"), need, have, status, date."""
    return [
        Column(translate("TargetColumns", "Enhet"), lambda t: t.unit_label, key="unit"),
        Column(
            translate("TargetColumns", "Kompetanse / kvalifikasjon"),
            lambda t: t.subject_label(lang),
            tooltip=lambda t: t.subject_detail(lang),
            key="competence",
        ),
        Column(
            translate("TargetColumns", "Minst nivå"),
            lambda t: t.level_label(lang),
            lambda t: t.level_sort,
        ),
        Column(
            translate("TargetColumns", "Trenger"),
            lambda t: fmt_int(t.people_needed),
            lambda t: t.people_needed,
            align_right=True,
        ),
        Column(
            translate("TargetColumns", "Har"),
            lambda t: fmt_int(t.have),
            lambda t: t.have,
            align_right=True,
            tooltip=lambda t: ", ".join(t.holders) or None,
        ),
        Column(
            translate("TargetColumns", "Status"),
            lambda t: state_text(t, lang),
            lambda t: (t.state is TargetState.MET, -t.short),
            background=lambda t: STATE_COLOURS[t.state],
            key="state",
        ),
        Column(translate("TargetColumns", "Innen"), lambda t: fmt_date(t.due_on), lambda t: t.due_on),
    ]


class TargetDialog(FormDialog):
    """A new target for a unit, or a change to one: a competence with the lowest level that counts,
    or a formal qualification (chosen in the first row, "Målet gjelder"; the rows that do not apply
    are hidden). It opens in the competence (or qualification) field, the usual start; Shift+Tab
    reaches the choice. A choice, not two radio buttons: Tab reaches a field, while an exclusive
    group leaves its unchecked button out of the Tab chain."""

    def __init__(
        self,
        tasks: TaskRunner,
        unit_id: int,
        competences: Sequence[CompetenceOption],
        target: TargetStatus | None = None,
        parent: QWidget | None = None,
        *,
        qualifications: Sequence[QualificationView] = (),
    ) -> None:
        super().__init__(self.tr("Endre mål") if target else self.tr("Nytt mål for enheten"), parent)
        self.tasks, self.unit_id, self.target = tasks, unit_id, target
        qualification_target = target is not None and target.qualification is not None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Kompetanse og nivå"), "competence")
        if qualifications or qualification_target:
            self.kind.addItem(self.tr("Kvalifikasjon"), "qualification")
        else:
            self.kind.setToolTip(self.tr("Kvalifikasjonskatalogen er tom (Rammeverk → Kvalifikasjoner)"))
        self.competence = CompetencePicker(competences)
        self.level = QComboBox()
        self.qualification = QualificationPicker(qualifications)
        self.people = NumberField(
            target.people_needed if target else None, minimum=1, maximum=10_000, unit=self.tr("personer")
        )
        self.reason = QPlainTextEdit(target.reason or "" if target else "")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(64)
        self.due = DateEdit(target.due_on if target else None, optional=True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_row(self.tr("Målet gjelder:"), self.kind, "kind")
        self.add_row(self.tr("Kompetanse:"), self.competence, "competence_id")
        self.add_row(self.tr("Minst nivå:"), self.level, "level")
        self.add_row(self.tr("Kvalifikasjon:"), self.qualification, "qualification_id")
        self.add_row(self.tr("Antall som trengs:"), self.people, "people_needed")
        self.add_row(self.tr("Begrunnelse:"), self.reason, "reason")
        self.add_row(self.tr("Innen:"), self.due, "due_on")
        self.form.addRow(self.hint)
        self.competence.currentIndexChanged.connect(self._competence_changed)
        if target is not None and target.competence is not None:
            self.competence.select_id(target.competence.id)
        self._competence_changed()
        if target is not None and target.level is not None:
            self.level.setCurrentIndex(max(self.level.findData(target.level), 0))
        if target is not None and target.qualification is not None:
            self.qualification.select_id(target.qualification.id)
        self.kind.setCurrentIndex(max(self.kind.findData("qualification"), 0) if qualification_target else 0)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(540, self.sizeHint().height())

    @property
    def for_qualification(self) -> bool:
        return bool(self.kind.currentData() == "qualification")

    def focus_first_field(self) -> None:
        """The competence or the qualification: what a leader sets first (the kind above it is
        chosen less often)."""
        (self.qualification if self.for_qualification else self.competence).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _kind_changed(self) -> None:
        qualification = self.for_qualification
        self.form.setRowVisible(self.competence, not qualification)
        self.form.setRowVisible(self.level, not qualification)
        self.form.setRowVisible(self.qualification, qualification)
        if qualification:
            self.hint.setText(
                self.tr(
                    "Målet teller personene i enheten og enhetene under den som har kvalifikasjonen, "
                    "gyldig på datoen. En dispensasjon teller ikke: den vises under Enheter → "
                    "Dispensasjoner."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Målet teller personene i enheten og enhetene under den som har kompetansen på dette "
                    "nivået eller høyere."
                )
            )

    def _competence_changed(self) -> None:
        option = self.competence.selected()
        lang = current_language()
        self.level.clear()
        if option is not None:
            for level in option.levels:
                self.level.addItem(level.label(lang), level.ordinal)
            # a sensible start: the middle of the scale for a skill, the only level of a certificate
            self.level.setCurrentIndex(
                len(option.levels) // 2 if option.kind == "skill" else len(option.levels) - 1
            )

    def target_input(self) -> TargetInput:
        people = self.people.value()
        competence: int | None = None
        level: int | None = None
        qualification: int | None = None
        if self.for_qualification:
            qualification = self.qualification.chosen_id()
            if qualification is None:
                raise ValidationError(
                    "Velg kvalifikasjonen målet gjelder.",
                    "Choose the qualification the target is about.",
                    field="qualification_id",
                )
        else:
            competence = self.competence.selected_id()
            if competence is None:
                raise ValidationError("Velg en kompetanse.", "Choose a competence.", field="competence_id")
            level = int(self.level.currentData())
        if people is None:
            raise ValidationError(
                "Skriv hvor mange som trengs.", "Enter how many are needed.", field="people_needed"
            )
        return TargetInput(
            competence,
            level,
            int(people),
            self.reason.toPlainText() or None,
            self.due.value(),
            qualification_id=qualification,
        )

    def submit(self) -> int:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> int:
        if self.target is None:
            return add_target(uow, self.unit_id, self.target_input())
        update_target(uow, self.target.id, self.target_input(), expected_version=self.target.version)
        return self.target.id


class TargetsTab(RecordTable[TargetStatus]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        lang = current_language()
        columns: list[Column[TargetStatus]] = [
            *target_columns(lang),
            Column(
                self.tr("Begrunnelse"),
                lambda t: (t.reason or "").splitlines()[0] if t.reason else "",
                key="reason",
            ),
        ]
        self.set_columns(columns, self.tr("Mål for enheten"), stretch=1)
        if self.fitter is not None:  # the reason, the unit and the date give way on a narrow screen
            self.fitter.cap = 170
            self.fitter.optional = [7, 0, 6]
        self.unit_id: int | None = None
        self.competences: Sequence[CompetenceOption] = ()
        self.qualifications: Sequence[QualificationView] = ()
        self.holders = QLabel()
        self.holders.setWordWrap(True)
        self.holders.setAccessibleName(self.tr("Hvem har kompetansen"))
        self.add_detail(self.holders)
        self.new_button = self.add_button(self.tr("&Nytt mål…"), self.add)
        self.edit_button = self.add_button(self.tr("En&dre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slet&t"), self.delete, needs_row=True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_holders())

    def load(
        self,
        unit_id: int | None,
        targets: Sequence[TargetStatus],
        competences: Sequence[CompetenceOption],
        qualifications: Sequence[QualificationView] = (),
    ) -> None:
        self.unit_id, self.competences, self.qualifications = unit_id, competences, qualifications
        self.set_rows(targets)
        self.new_button.setEnabled(unit_id is not None)
        self.new_button.setToolTip("" if unit_id is not None else self.tr("Velg en enhet for å sette mål"))
        self._show_holders()

    def _show_holders(self) -> None:
        target = self.selected()
        if target is None:
            self.holders.setText(self.tr("Velg et mål for å se hvem som har kompetansen."))
        elif not target.holders and target.qualification is not None:
            self.holders.setText(self.tr("Ingen i enheten har en gyldig kvalifikasjon ennå."))
        elif not target.holders:
            self.holders.setText(self.tr("Ingen i enheten har kompetansen på dette nivået ennå."))
        elif target.qualification is not None:
            self.holders.setText(
                self.tr("Har kvalifikasjonen ({count}): {names}").format(
                    count=fmt_int(len(target.holders)), names=", ".join(target.holders)
                )
            )
        else:
            self.holders.setText(
                self.tr("Har kompetansen ({count}): {names}").format(
                    count=fmt_int(len(target.holders)), names=", ".join(target.holders)
                )
            )

    def add(self) -> None:
        if self.unit_id is not None:
            self.run_dialog(
                TargetDialog(
                    self.tasks,
                    self.unit_id,
                    self.competences,
                    parent=self,
                    qualifications=self.qualifications,
                )
            )

    def edit(self) -> None:
        target = self.selected()
        if target is not None:
            self.run_dialog(
                TargetDialog(
                    self.tasks,
                    target.unit_id,
                    self.competences,
                    target,
                    parent=self,
                    qualifications=self.qualifications,
                )
            )

    def delete(self) -> None:
        target = self.selected()
        if target is None:
            return
        self.delete_after_asking(
            self.tr("Slett mål"),
            self.tr("Slette målet for «{competence}»? Tiltak rettet mot det beholdes.").format(
                competence=target.subject_label(current_language())
            ),
            lambda uow: delete_target(uow, target.id, expected_version=target.version),
        )
