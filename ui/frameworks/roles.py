"""The Roller tab: roles (kompetanseprofiler), the competence levels and the formal qualifications
each requires.

A requirement is a competence (picked by code or name from any framework) at a level of that
competence's own scale, or a qualification; mandatory or not; a mandatory course or qualification
may have a deadline after a person takes up a post carrying it. Requirements have a history
(docs/compliance.md): a change holds from a date, so figures for earlier dates keep the old
requirement; "rett opp" corrects the requirement as it stands instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from competence.clock import today
from competence.errors import ValidationError
from competence.progress import CancelToken, Progress
from competence.qualifications import QualificationView, list_qualifications
from competence.roles import (
    QualificationRequirementView,
    RequirementView,
    RoleRequirements,
    RoleView,
    create_role,
    delete_role,
    remove_qualification_requirement,
    remove_requirement,
    requirement_history,
    role_profile,
    set_qualification_requirement,
    set_requirement,
    update_role,
)
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from db.codes import QualificationKind
from ui.card.common import RecordTable, level_text
from ui.context import AppContext
from ui.frameworks.browser import remember_splitter
from ui.frameworks.dialogs import paragraph
from ui.i18n import current_language, fmt_date, fmt_int, fmt_percent
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import CompetencePicker, short_framework_name
from ui.widgets.qt import line_edit
from ui.widgets.tables import Column
from ui.worker import TaskRunner


class RoleDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        role: RoleView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Endre rolle") if role else self.tr("Ny rolle"), parent)
        self.tasks, self.role = tasks, role
        self.name = QLineEdit(role.name if role else "")
        self.name.setMaxLength(200)
        self.add_row(self.tr("Navn:"), self.name, "name")
        self.description = paragraph(role.description if role else None)
        self.add_row(self.tr("Beskrivelse:"), self.description, "description")
        note = QLabel(
            self.tr(
                "En rolle samler kravene til en stillingstype, f.eks. «Sykepleier» eller «Enhetsleder». "
                "Stillinger med samme tittel som rollen får den automatisk ved import."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.resize(500, self.sizeHint().height())

    def submit(self) -> RoleView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> RoleView:
        description = self.description.toPlainText() or None
        if self.role is None:
            return create_role(uow, self.name.text(), description)
        return update_role(
            uow,
            self.role.id,
            expected_version=self.role.version,
            name=self.name.text(),
            description=description,
        )


class RequirementDialog(FormDialog):
    """Require a competence at a level of its own scale; mandatory or desirable."""

    def __init__(
        self,
        tasks: TaskRunner,
        role: RoleView,
        options: Sequence[CompetenceOption],
        existing: Sequence[RequirementView],
        requirement: RequirementView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Endre krav for {role}") if requirement else self.tr("Nytt krav for {role}")
        super().__init__(title.format(role=role.name), parent)
        self.tasks, self.role, self.requirement = tasks, role, requirement
        self.existing = {r.competence_id: r for r in existing}
        self.competence = CompetencePicker(options, none_text=self.tr("(velg kompetanse)"))
        line_edit(self.competence).setPlaceholderText(
            self.tr("Skriv kode eller navn, f.eks. «4.2» eller «HMS»")
        )
        self.add_row(self.tr("Kompetanse:"), self.competence, "competence_id")
        self.level = QComboBox()
        self.add_row(self.tr("Nivå som kreves:"), self.level, "level")
        self.mandatory = QCheckBox(self.tr("Obligatorisk (ellers ønsket)"))
        self.mandatory.setChecked(True)
        self.add_row(self.tr("Obligatorisk:"), self.mandatory, "mandatory")
        self.period = PeriodRows(
            self, requirement.valid_from if requirement else None, requirement is not None
        )
        self.deadline = deadline_field(requirement.deadline_months if requirement else None)
        self.add_row(self.tr("Frist etter tiltredelse:"), self.deadline, "deadline_months")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form.addRow(self.note)
        self.competence.currentIndexChanged.connect(self._competence_changed)
        self.mandatory.toggled.connect(lambda _on: self._deadline_allowed())
        if requirement is not None:
            self.competence.select_id(requirement.competence_id)
            self.competence.setEnabled(False)
            self.mandatory.setChecked(requirement.mandatory)
        self._competence_changed()
        if requirement is not None:
            self.level.setCurrentIndex(max(self.level.findData(requirement.level_ordinal), 0))
        self.resize(560, self.sizeHint().height())

    def _competence_changed(self) -> None:
        option = self.competence.selected()
        previous = self.level.currentData()
        lang = current_language()
        with QSignalBlocker(self.level):
            self.level.clear()
            for level in option.levels if option is not None else ():
                self.level.addItem(f"{level.label(lang)} ({fmt_percent(level.percent)})", level.ordinal)
            index = self.level.findData(previous)
            self.level.setCurrentIndex(index if index >= 0 else min(self.level.count() - 1, 2))
        self._deadline_allowed()
        already = self.existing.get(option.id) if option is not None else None
        if already is not None and option is not None and self.requirement is None:
            self.note.setText(
                self.tr("Rollen krever allerede nivå {level}; det nye nivået erstatter det.").format(
                    level=level_text(option.levels, already.level_ordinal, already.level_name)
                )
            )
            self.note.show()
        else:
            self.note.hide()

    def _deadline_allowed(self) -> None:
        """A deadline belongs to a mandatory course (a skill is assessed, not documented)."""
        option = self.competence.selected()
        allowed = option is not None and option.kind == "certificate" and self.mandatory.isChecked()
        self.deadline.setEnabled(allowed)

    def submit(self) -> RequirementView:
        option = self.competence.selected()
        if option is None:
            raise ValidationError("Velg en kompetanse.", "Choose a competence.", field="competence_id")
        if self.level.currentData() is None:
            raise ValidationError("Velg et nivå.", "Choose a level.", field="level")
        months = self.deadline.value() if self.deadline.isEnabled() else None
        level, mandatory = int(self.level.currentData()), self.mandatory.isChecked()
        deadline = int(months) if months is not None else None
        valid_from = self.period.valid_from()
        return self.tasks.now(
            lambda uow: set_requirement(
                uow,
                self.role.id,
                option.id,
                level,
                mandatory=mandatory,
                deadline_months=deadline,
                valid_from=valid_from,
            )
        )


def deadline_field(months: int | None) -> NumberField:
    field = NumberField(
        months, minimum=1, maximum=120, unit=QCoreApplication.translate("Roller", "måneder"), optional=True
    )
    field.setToolTip(
        QCoreApplication.translate(
            "Roller",
            "Hvor lenge en person har på seg etter å ha fått en stilling med kravet, f.eks. 6 måneder for "
            "HMS-opplæring. Tomt: ingen frist (kravet gjelder straks).",
        )
    )
    return field


class PeriodRows:
    """When a requirement holds from: a date (today by default), or, for a requirement that exists,
    a correction of it as it stands (no new period)."""

    def __init__(self, dialog: FormDialog, current_from: dt.date | None, existing: bool) -> None:
        self.date = DateEdit(today(), optional=True)
        self.date.setToolTip(
            QCoreApplication.translate(
                "Roller", "Tomt: fra starten, så også tall for tidligere datoer regner med kravet"
            )
        )
        self.correct = QCheckBox(
            QCoreApplication.translate("Roller", "Rett &opp kravet slik det står (ingen ny periode)")
        )
        self.correct.toggled.connect(lambda on: self.date.setEnabled(not on))
        if existing:
            since = (
                fmt_date(current_from) if current_from else QCoreApplication.translate("Roller", "starten")
            )
            dialog.add_row(
                QCoreApplication.translate("Roller", "Endringen gjelder fra:"), self.date, "valid_from"
            )
            dialog.form.addRow("", self.correct)
            self.correct.setToolTip(
                QCoreApplication.translate("Roller", "Kravet gjelder nå fra {since}").format(since=since)
            )
        else:
            dialog.add_row(QCoreApplication.translate("Roller", "Gjelder fra:"), self.date, "valid_from")

    def valid_from(self) -> dt.date | None:
        return None if self.correct.isChecked() else self.date.value()


class QualificationRequirementDialog(FormDialog):
    """Require that people in the role hold a formal qualification; mandatory or desirable."""

    def __init__(
        self,
        tasks: TaskRunner,
        role: RoleView,
        catalogue: Sequence[QualificationView],
        requirement: QualificationRequirementView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Endre kvalifikasjonskrav for {role}")
            if requirement
            else self.tr("Nytt kvalifikasjonskrav for {role}")
        )
        super().__init__(title.format(role=role.name), parent)
        self.tasks, self.role, self.requirement = tasks, role, requirement
        lang = current_language()
        self.qualification = QComboBox()
        for q in catalogue:
            self.qualification.addItem(f"{q.display_name(lang)} ({q.kind_label(lang)})", q.id)
        self.qualification.setCurrentIndex(
            max(self.qualification.findData(requirement.qualification_id), 0) if requirement else -1
        )
        self.qualification.setEnabled(requirement is None)
        self.add_row(self.tr("Kvalifikasjon:"), self.qualification, "qualification_id")
        self.mandatory = QCheckBox(self.tr("Obligatorisk (ellers ønsket)"))
        self.mandatory.setChecked(requirement.mandatory if requirement else True)
        self.add_row(self.tr("Obligatorisk:"), self.mandatory, "mandatory")
        self.period = PeriodRows(
            self, requirement.valid_from if requirement else None, requirement is not None
        )
        self.deadline = deadline_field(requirement.deadline_months if requirement else None)
        self.add_row(self.tr("Frist etter tiltredelse:"), self.deadline, "deadline_months")
        self.mandatory.toggled.connect(self.deadline.setEnabled)
        self.deadline.setEnabled(self.mandatory.isChecked())
        self.resize(560, self.sizeHint().height())

    def submit(self) -> QualificationRequirementView:
        chosen = self.qualification.currentData()
        if chosen is None:
            raise ValidationError(
                "Velg en kvalifikasjon.", "Choose a qualification.", field="qualification_id"
            )
        months = self.deadline.value() if self.deadline.isEnabled() else None
        mandatory, valid_from = self.mandatory.isChecked(), self.period.valid_from()
        return self.tasks.now(
            lambda uow: set_qualification_requirement(
                uow,
                self.role.id,
                int(chosen),
                mandatory=mandatory,
                deadline_months=int(months) if months is not None else None,
                valid_from=valid_from,
            )
        )


def period_text(valid_from: dt.date | None) -> str:
    return (
        fmt_date(valid_from)
        if valid_from is not None
        else QCoreApplication.translate("Roller", "fra starten")
    )


def deadline_text(months: int | None) -> str:
    return (
        QCoreApplication.translate("Roller", "{months} mnd.").format(months=fmt_int(months)) if months else ""
    )


class RolesTab(QWidget):
    #: The requirements of the selected role are shown (used by tests and the screenshots).
    requirements_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.options: dict[int, CompetenceOption] = {}
        self.option_list: tuple[CompetenceOption, ...] = ()
        #: Select this role after the next reload (one just made).
        self.select_after_reload: int | None = None
        self._filling = False

        self.roles: RecordTable[RoleView] = RecordTable(ctx.tasks)
        self.roles.set_columns(
            [
                Column(self.tr("Rolle"), lambda r: r.name, tooltip=self._role_tooltip),
                Column(
                    self.tr("Krav"),
                    lambda r: fmt_int(r.requirement_count),
                    lambda r: r.requirement_count,
                    align_right=True,
                ),
                Column(
                    self.tr("Stillinger"),
                    lambda r: fmt_int(r.position_count),
                    lambda r: r.position_count,
                    align_right=True,
                ),
            ],
            self.tr("Roller"),
            stretch=0,
            optional=(2, 1),  # the counts: in the role's tooltip
        )
        self.new_role_button = self.roles.add_button(self.tr("N&y rolle…"), self.new_role)
        self.edit_role_button = self.roles.add_button(self.tr("Endre…"), self.edit_role, needs_row=True)
        self.delete_role_button = self.roles.add_button(self.tr("Slett"), self.delete_role, needs_row=True)
        self.roles.view.selectionModel().selectionChanged.connect(self._role_changed)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Valgt rolle"))
        self.requirements: RecordTable[RequirementView] = RecordTable(ctx.tasks)
        self.requirements.set_columns(
            [
                Column(self.tr("Kompetanse"), self._competence_text, tooltip=self._where_text),
                Column(self.tr("Rammeverk"), lambda r: short_framework_name(self._framework_text(r))),
                Column(self.tr("Krav"), self._level_text, lambda r: r.percent, tooltip=self._terms_text),
                Column(
                    self.tr("Prosent"),
                    lambda r: fmt_percent(r.percent),
                    lambda r: r.percent,
                    align_right=True,
                ),
                Column(
                    self.tr("Obligatorisk"), lambda r: self.tr("Ja") if r.mandatory else self.tr("Ønsket")
                ),
                Column(self.tr("Kritisk"), lambda r: self.tr("Ja") if r.critical else ""),
                Column(
                    self.tr("Frist"), lambda r: deadline_text(r.deadline_months), lambda r: r.deadline_months
                ),
                Column(
                    self.tr("Gjelder fra"),
                    lambda r: period_text(r.valid_from),
                    lambda r: r.valid_from or dt.date.min,
                ),
            ],
            self.tr("Krav til rollen"),
            stretch=0,
            optional=(7, 6, 3, 1),  # in the requirement's tooltip, the framework in the competence's
        )
        self.add_requirement_button = self.requirements.add_button(
            self.tr("&Legg til krav…"), self.add_requirement
        )
        self.edit_requirement_button = self.requirements.add_button(
            self.tr("Endre krav…"), self.edit_requirement, needs_row=True
        )
        self.remove_requirement_button = self.requirements.add_button(
            self.tr("Fjern krav"), self.remove_requirement, needs_row=True
        )
        self.history_button = self.requirements.add_button(
            self.tr("His&torikk…"), self.show_history, needs_row=True
        )
        self.add_requirement_button.setEnabled(False)
        self.catalogue: tuple[QualificationView, ...] = ()
        self.qualification_requirements: RecordTable[QualificationRequirementView] = RecordTable(ctx.tasks)
        lang = current_language()
        self.qualification_requirements.set_columns(
            [
                Column(self.tr("Kvalifikasjon"), lambda q: q.display_name(lang)),
                Column(self.tr("Type"), lambda q: QualificationKind.label_of(q.kind, lang)),
                Column(
                    self.tr("Obligatorisk"), lambda q: self.tr("Ja") if q.mandatory else self.tr("Ønsket")
                ),
                Column(
                    self.tr("Frist"), lambda q: deadline_text(q.deadline_months), lambda q: q.deadline_months
                ),
                Column(
                    self.tr("Gjelder fra"),
                    lambda q: period_text(q.valid_from),
                    lambda q: q.valid_from or dt.date.min,
                ),
            ],
            self.tr("Kvalifikasjoner rollen krever"),
            stretch=0,
        )
        self.add_qualification_button = self.qualification_requirements.add_button(
            self.tr("Krav om &kvalifikasjon…"), self.add_qualification_requirement
        )
        self.edit_qualification_button = self.qualification_requirements.add_button(
            self.tr("Endre…"), self.edit_qualification_requirement, needs_row=True
        )
        self.remove_qualification_button = self.qualification_requirements.add_button(
            self.tr("Fjern"), self.remove_qualification_requirement, needs_row=True
        )
        self.add_qualification_button.setEnabled(False)
        right = QWidget()
        r = QVBoxLayout(right)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.heading)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setChildrenCollapsible(False)
        lists.addWidget(self.requirements)
        lists.addWidget(self.qualification_requirements)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 1)
        r.addWidget(lists, 1)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.roles)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        remember_splitter(ctx, self.splitter, "roles", (26, 74))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._show_heading(None)

    # --- columns ------------------------------------------------------------------------------
    def _competence_text(self, r: RequirementView) -> str:
        option = self.options.get(r.competence_id)
        if option is not None:
            return option.label(current_language())
        return f"{r.competence_code} {r.competence_name}" if r.competence_code else r.competence_name

    def _framework_text(self, r: RequirementView) -> str:
        option = self.options.get(r.competence_id)
        return option.framework_display(current_language()) if option is not None else r.framework_name

    def _where_text(self, r: RequirementView) -> str:
        """ "framework › area", in the UI language where the option is loaded."""
        option = self.options.get(r.competence_id)
        if option is None:
            return f"{r.framework_name} › {r.area_name}"
        lang = current_language()
        return f"{option.framework_display(lang)} › {option.area_display(lang)}"

    def _level_text(self, r: RequirementView) -> str:
        option = self.options.get(r.competence_id)
        return level_text(option.levels if option else (), r.level_ordinal, r.level_name)

    def _terms_text(self, r: RequirementView) -> str:
        """What the columns a narrow screen leaves out say: the percentage, the deadline, since when."""
        parts = [fmt_percent(r.percent)]
        if r.deadline_months:
            parts.append(self.tr("frist {deadline}").format(deadline=deadline_text(r.deadline_months)))
        if r.valid_from is None:
            parts.append(self.tr("gjelder fra starten"))
        else:
            parts.append(self.tr("gjelder fra {since}").format(since=fmt_date(r.valid_from)))
        return "; ".join(parts)

    def _role_tooltip(self, r: RoleView) -> str:
        counts = self.tr("{requirements} krav, {posts} stillinger").format(
            requirements=fmt_int(r.requirement_count), posts=fmt_int(r.position_count)
        )
        return f"{r.description}\n{counts}" if r.description else counts

    # --- data ---------------------------------------------------------------------------------
    def show_roles(self, roles: Sequence[RoleView], options: Sequence[CompetenceOption]) -> None:
        self.options = {o.id: o for o in options}
        self.option_list = tuple(options)
        self._filling = True  # one load of the requirements once the list is filled, not one per step
        try:
            self.roles.set_rows(roles)
            wanted, self.select_after_reload = self.select_after_reload, None
            row = next((i for i, r in enumerate(self.roles.model.rows) if r.id == wanted), None)
            if row is not None:
                self.roles.select_row(row)
            elif self.roles.selected() is None and roles:
                self.roles.view.selectRow(0)
        finally:
            self._filling = False
        self._role_changed()

    def _show_heading(self, role: RoleView | None) -> None:
        if role is None:
            self.heading.setText(self.tr("Velg en rolle for å se og endre kravene til den."))
            return
        text = self.tr("<b>{name}</b> – {count} stillinger har rollen").format(
            name=role.name, count=fmt_int(role.position_count)
        )
        if role.description:
            text += f"<br>{role.description}"
        self.heading.setText(text)

    def _role_changed(self) -> None:
        if self._filling:
            return
        role = self.roles.selected()
        self._show_heading(role)
        self.add_requirement_button.setEnabled(role is not None)
        self.add_qualification_button.setEnabled(role is not None)
        if role is None:
            self.ctx.tasks.forget(self, "requirements")
            self.requirements.set_rows([])
            self.qualification_requirements.set_rows([])
            self.requirements_loaded.emit()
            return

        def job(
            uow: UnitOfWork, progress: Progress, cancel: CancelToken
        ) -> tuple[RoleRequirements, list[QualificationView]]:
            with uow.reading():
                return role_profile(uow, role.id), list_qualifications(uow)

        def done(result: tuple[RoleRequirements, list[QualificationView]]) -> None:
            profile, self.catalogue = result[0], tuple(result[1])
            self.requirements.set_rows(profile.competences)
            self.qualification_requirements.set_rows(profile.qualifications)
            self.requirements_loaded.emit()

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="requirements")

    # --- roles --------------------------------------------------------------------------------
    def new_role(self) -> None:
        dialog = RoleDialog(self.ctx.tasks, parent=self)
        with self.ctx.tasks.holding():
            if dialog.exec():
                self.select_after_reload = dialog.result_value.id

    def edit_role(self) -> None:
        role = self.roles.selected()
        if role is not None:
            self.roles.run_dialog(RoleDialog(self.ctx.tasks, role, self))

    def delete_role(self) -> None:
        role = self.roles.selected()
        if role is None:
            return
        question = self.tr("Slette rollen «{name}» med alle kravene?").format(name=role.name)
        if role.position_count:
            question += " " + self.tr(
                "{count} stillinger har rollen; de beholder tittelen, men mister kravene."
            ).format(count=fmt_int(role.position_count))
        self.roles.delete_after_asking(
            self.tr("Slett rolle"),
            question,
            lambda uow: delete_role(uow, role.id, expected_version=role.version),
        )

    # --- requirements -------------------------------------------------------------------------
    def add_requirement(self) -> None:
        self._requirement_dialog(None)

    def edit_requirement(self) -> None:
        requirement = self.requirements.selected()
        if requirement is not None:
            self._requirement_dialog(requirement)

    def _requirement_dialog(self, requirement: RequirementView | None) -> None:
        role = self.roles.selected()
        if role is None:
            return
        rows = self.requirements.model.rows
        dialog = RequirementDialog(self.ctx.tasks, role, self.option_list, rows, requirement, self)
        self.requirements.run_dialog(dialog)

    def remove_requirement(self) -> None:
        role, requirement = self.roles.selected(), self.requirements.selected()
        if role is None or requirement is None:
            return
        self.requirements.delete_after_asking(
            self.tr("Fjern krav"),
            self.tr(
                "Fjerne kravet til «{competence}» fra rollen «{role}»? Det gjelder ikke lenger fra i dag; "
                "tall for tidligere datoer regner fortsatt med det."
            ).format(competence=self._competence_text(requirement), role=role.name),
            lambda uow: remove_requirement(uow, role.id, requirement.competence_id),
        )

    def show_history(self) -> None:
        """Every period of the selected requirement, the earliest first."""
        role, requirement = self.roles.selected(), self.requirements.selected()
        if role is None or requirement is None:
            return
        periods = self.ctx.tasks.now(
            lambda uow: requirement_history(uow, role.id, competence_id=requirement.competence_id)
        )
        lines = []
        for period in periods:
            if not isinstance(period, RequirementView):
                continue
            until = fmt_date(period.valid_to) if period.valid_to else self.tr("nå")
            lines.append(
                self.tr("{start} – {end}: {level}{mandatory}").format(
                    start=period_text(period.valid_from),
                    end=until,
                    level=self._level_text(period),
                    mandatory="" if period.mandatory else " " + self.tr("(ønsket)"),
                )
            )
        QMessageBox.information(
            self,
            self.tr("Historikk"),
            self.tr("Kravet til «{competence}» i rollen «{role}»:").format(
                competence=self._competence_text(requirement), role=role.name
            )
            + "\n\n"
            + "\n".join(lines),
        )

    # --- qualification requirements -------------------------------------------------------------
    def add_qualification_requirement(self) -> None:
        self._qualification_dialog(None)

    def edit_qualification_requirement(self) -> None:
        requirement = self.qualification_requirements.selected()
        if requirement is not None:
            self._qualification_dialog(requirement)

    def _qualification_dialog(self, requirement: QualificationRequirementView | None) -> None:
        role = self.roles.selected()
        if role is None:
            return
        dialog = QualificationRequirementDialog(self.ctx.tasks, role, self.catalogue, requirement, self)
        self.qualification_requirements.run_dialog(dialog)

    def remove_qualification_requirement(self) -> None:
        role, requirement = self.roles.selected(), self.qualification_requirements.selected()
        if role is None or requirement is None:
            return
        self.qualification_requirements.delete_after_asking(
            self.tr("Fjern krav"),
            self.tr(
                "Fjerne kravet om «{qualification}» fra rollen «{role}»? Det gjelder ikke lenger fra i dag."
            ).format(qualification=requirement.display_name(current_language()), role=role.name),
            lambda uow: remove_qualification_requirement(uow, role.id, requirement.qualification_id),
        )
