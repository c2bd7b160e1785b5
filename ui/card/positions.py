"""Positions (stillingsforhold) on the employee card: add, edit, end, delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from competence.clock import today
from competence.employees import (
    EmployeeRow,
    PositionInput,
    PositionView,
    add_position,
    delete_position,
    update_position,
)
from competence.errors import ValidationError
from competence.roles import RoleView
from competence.units import UnitView
from competence.uow import UnitOfWork
from ui.card.common import RecordTable
from ui.employees.dialogs import fte_field
from ui.i18n import fmt_date, fmt_number
from ui.widgets.date_edit import DateEdit
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import RolePicker, UnitPicker, manager_picker
from ui.widgets.tables import Column
from ui.worker import TaskRunner


class PositionDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        units: Sequence[UnitView],
        roles: Sequence[RoleView],
        position: PositionView | None = None,
        parent: QWidget | None = None,
        *,
        people: Sequence[EmployeeRow] = (),
    ) -> None:
        super().__init__(self.tr("Endre stilling") if position else self.tr("Ny stilling"), parent)
        self.tasks, self.employee_id, self.position = tasks, employee_id, position
        self.unit = UnitPicker(units)
        self.title = QLineEdit(position.title if position else "")
        self.title.setMaxLength(200)
        self.role = RolePicker(roles)
        self.fte = fte_field(position.fte_percent if position else 100.0)
        self.start = DateEdit(position.start_date if position else None, optional=True)
        self.end = DateEdit(position.end_date if position else None, optional=True)
        if position is not None:
            self.unit.select_id(position.unit_id)
            self.role.select_id(position.role_id)
        self.add_row(self.tr("Enhet:"), self.unit, "unit_id")
        self.add_row(self.tr("Stillingstittel:"), self.title, "title")
        self.add_row(self.tr("Rolle:"), self.role, "role_id")
        self.add_row(self.tr("Stillingsprosent:"), self.fte, "fte_percent")
        self.add_row(self.tr("Startdato:"), self.start, "start_date")
        self.add_row(self.tr("Sluttdato:"), self.end, "end_date")
        self.manager = manager_picker(people, position.manager_id if position else None, employee_id)
        self.manager.setToolTip(
            self.tr("Nærmeste leder i denne stillingen, når det er en annen enn personens leder")
        )
        self.add_row(self.tr("Leder i stillingen:"), self.manager, "manager_id")
        self.resize(460, self.sizeHint().height())

    def position_input(self) -> PositionInput:
        unit_id = self.unit.selected_id() if self.unit.currentIndex() >= 0 else None
        if unit_id is None:
            raise ValidationError("Velg en enhet.", "Choose a unit.", field="unit_id")
        return PositionInput(
            unit_id=unit_id,
            title=self.title.text(),
            role_id=self.role.selected_id(),
            fte_percent=float(self.fte.value() or 0),
            start_date=self.start.value(),
            end_date=self.end.value(),
            manager_id=self.manager.checked_id("manager_id"),
        )

    def submit(self) -> PositionView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> PositionView:
        if self.position is None:
            return add_position(uow, self.employee_id, self.position_input())
        return update_position(
            uow, self.position.id, self.position_input(), expected_version=self.position.version
        )


class EndPositionDialog(FormDialog):
    """End a position on a date (the position is kept, with its history)."""

    def __init__(self, tasks: TaskRunner, position: PositionView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Avslutt stilling"), parent)
        self.tasks, self.position = tasks, position
        self.end = DateEdit(today())
        self.add_row(self.tr("Siste dag:"), self.end, "end_date")

    def submit(self) -> PositionView:
        p = self.position
        data = PositionInput(
            unit_id=p.unit_id,
            title=p.title,
            role_id=p.role_id,
            fte_percent=p.fte_percent,
            start_date=p.start_date,
            end_date=self.end.required_date(),
            manager_id=p.manager_id,
        )
        return self.tasks.now(lambda uow: update_position(uow, p.id, data, expected_version=p.version))


class PositionsTab(RecordTable[PositionView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        columns: list[Column[PositionView]] = [
            Column(self.tr("Enhet"), lambda p: f"{p.unit_number} {p.unit_name}"),
            Column(self.tr("Stillingstittel"), lambda p: p.title),
            Column(self.tr("Rolle"), lambda p: p.role_name or ""),
            Column(
                self.tr("Prosent"),
                lambda p: fmt_number(p.fte_percent),
                lambda p: p.fte_percent,
                align_right=True,
            ),
            Column(self.tr("Fra"), lambda p: fmt_date(p.start_date), lambda p: p.start_date),
            Column(self.tr("Til"), lambda p: fmt_date(p.end_date), lambda p: p.end_date),
            Column(self.tr("Status"), lambda p: self.tr("Aktiv") if p.active else self.tr("Avsluttet")),
        ]
        self.set_columns(columns, self.tr("Stillinger"), stretch=1)
        self.employee_id = 0
        self.units: Sequence[UnitView] = ()
        self.roles: Sequence[RoleView] = ()
        self.people: Sequence[EmployeeRow] = ()
        self.new_button = self.add_button(self.tr("Ny stilling…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.end_button = self.add_button(self.tr("Avslutt…"), self.end, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)

    def load(
        self,
        employee_id: int,
        positions: Sequence[PositionView],
        units: Sequence[UnitView],
        roles: Sequence[RoleView],
        people: Sequence[EmployeeRow] = (),
    ) -> None:
        self.employee_id, self.units, self.roles, self.people = employee_id, units, roles, people
        self.set_rows(positions)

    def add(self) -> None:
        self.run_dialog(self._dialog(None))

    def edit(self) -> None:
        position = self.selected()
        if position is not None:
            self.run_dialog(self._dialog(position))

    def _dialog(self, position: PositionView | None) -> PositionDialog:
        return PositionDialog(
            self.tasks,
            self.employee_id,
            self.units,
            self.roles,
            position,
            self,
            people=self.people,
        )

    def end(self) -> None:
        position = self.selected()
        if position is not None:
            self.run_dialog(EndPositionDialog(self.tasks, position, self))

    def delete(self) -> None:
        position = self.selected()
        if position is None:
            return
        self.delete_after_asking(
            self.tr("Slett stilling"),
            self.tr(
                "Slette stillingen «{title}» i {unit}? Bruk heller «Avslutt» når stillingen har vært reell, "
                "så historikken beholdes."
            ).format(title=position.title or "-", unit=position.unit_name),
            lambda uow: delete_position(uow, position.id, expected_version=position.version),
        )
