"""The Roller tab: roles (kompetanseprofiler) and the competence levels each requires.

A requirement is a competence (picked by code or name from any framework) at a level of that
competence's own scale, mandatory or not. Setting a requirement for a competence the role already
requires replaces the level (the service keeps one requirement per role and competence).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from competence.errors import ValidationError
from competence.progress import CancelToken, Progress
from competence.roles import (
    RequirementView,
    RoleView,
    create_role,
    delete_role,
    remove_requirement,
    requirements_of,
    set_requirement,
    update_role,
)
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from ui.card.common import RecordTable, level_text
from ui.context import AppContext
from ui.frameworks.browser import remember_splitter
from ui.frameworks.dialogs import paragraph
from ui.i18n import current_language, fmt_int, fmt_percent
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
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form.addRow(self.note)
        self.competence.currentIndexChanged.connect(self._competence_changed)
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

    def submit(self) -> RequirementView:
        option = self.competence.selected()
        if option is None:
            raise ValidationError("Velg en kompetanse.", "Choose a competence.", field="competence_id")
        if self.level.currentData() is None:
            raise ValidationError("Velg et nivå.", "Choose a level.", field="level")
        level, mandatory = int(self.level.currentData()), self.mandatory.isChecked()
        return self.tasks.now(
            lambda uow: set_requirement(uow, self.role.id, option.id, level, mandatory=mandatory)
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
                Column(self.tr("Rolle"), lambda r: r.name, tooltip=lambda r: r.description),
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
                Column(self.tr("Krav"), self._level_text, lambda r: r.percent),
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
            ],
            self.tr("Krav til rollen"),
            stretch=0,
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
        self.add_requirement_button.setEnabled(False)
        right = QWidget()
        r = QVBoxLayout(right)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.heading)
        r.addWidget(self.requirements, 1)
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
        if role is None:
            self.ctx.tasks.forget(self, "requirements")
            self.requirements.set_rows([])
            self.requirements_loaded.emit()
            return

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> list[RequirementView]:
            return requirements_of(uow, role.id)

        def done(rows: list[RequirementView]) -> None:
            self.requirements.set_rows(rows)
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
            self.tr("Fjerne kravet til «{competence}» fra rollen «{role}»?").format(
                competence=self._competence_text(requirement), role=role.name
            ),
            lambda uow: remove_requirement(uow, role.id, requirement.competence_id),
        )
