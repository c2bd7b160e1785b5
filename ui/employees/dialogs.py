"""Dialogs to create an employee and to edit one's name and e-mail."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from competence.employees import (
    EmployeeDetail,
    EmployeeRow,
    PositionInput,
    add_position,
    create_employee,
    update_employee,
)
from competence.errors import ValidationError
from competence.roles import RoleView
from competence.units import UnitView
from competence.uow import UnitOfWork
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import RolePicker, UnitPicker, manager_picker
from ui.worker import TaskRunner


def fte_field(value: float = 100.0) -> NumberField:
    """Stillingsprosent: 0 to 100, one decimal (62,5)."""
    return NumberField(value, minimum=0, maximum=100, decimals=1, unit="%", step=5)


class NewEmployeeDialog(FormDialog):
    """A new person, and (optionally) their first position."""

    def __init__(
        self,
        tasks: TaskRunner,
        units: Sequence[UnitView],
        roles: Sequence[RoleView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Ny ansatt"), parent)
        self.tasks = tasks
        self.created: EmployeeDetail | None = None
        self.number = QLineEdit()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.unit = UnitPicker(units)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.role = RolePicker(roles)
        self.fte = fte_field()
        self.start = DateEdit(optional=True)
        self.add_row(self.tr("Ansattnummer:"), self.number, "employee_no")
        self.add_row(self.tr("Fornavn:"), self.first_name, "first_name")
        self.add_row(self.tr("Etternavn:"), self.last_name, "last_name")
        self.add_row(self.tr("E-post:"), self.email, "email")
        self.add_row(self.tr("Enhet:"), self.unit, "unit_id")
        self.add_row(self.tr("Stillingstittel:"), self.title, "title")
        self.add_row(self.tr("Rolle:"), self.role, "role_id")
        self.add_row(self.tr("Stillingsprosent:"), self.fte, "fte_percent")
        self.add_row(self.tr("Startdato:"), self.start, "start_date")
        self.unit.setToolTip(self.tr("La stå tom for å registrere stillingen senere"))
        self.resize(460, self.sizeHint().height())

    def submit(self) -> EmployeeDetail:
        unit_id = self.unit.selected_id() if self.unit.currentIndex() >= 0 else None
        if unit_id is None and (self.title.text().strip() or self.role.selected_id() is not None):
            raise ValidationError(
                "Velg enheten stillingen hører til.",
                "Choose the unit the position belongs to.",
                field="unit_id",
            )
        position = (
            None
            if unit_id is None
            else PositionInput(
                unit_id=unit_id,
                title=self.title.text(),
                role_id=self.role.selected_id(),
                fte_percent=float(self.fte.value() or 0),
                start_date=self.start.value(),
            )
        )
        self.created = self.tasks.now(lambda uow: self._create(uow, position))
        return self.created

    def _create(self, uow: UnitOfWork, position: PositionInput | None) -> EmployeeDetail:
        """The person and their first position in one unit of work: a refused position leaves no
        person behind, and the form as it was."""
        with uow:
            detail = create_employee(
                uow,
                self.number.text(),
                self.first_name.text(),
                self.last_name.text(),
                email=self.email.text() or None,
            )
            if position is not None:
                add_position(uow, detail.id, position)
            uow.commit()
            return detail


class EditEmployeeDialog(FormDialog):
    """Name, e-mail and manager; the employee number is the key from the HR system and is not
    edited here."""

    def __init__(
        self,
        tasks: TaskRunner,
        employee: EmployeeDetail,
        parent: QWidget | None = None,
        *,
        people: Sequence[EmployeeRow] = (),
    ) -> None:
        super().__init__(self.tr("Endre ansatt"), parent)
        self.tasks, self.employee = tasks, employee
        number = QLineEdit(employee.employee_no)
        number.setReadOnly(True)
        self.first_name = QLineEdit(employee.first_name)
        self.last_name = QLineEdit(employee.last_name)
        self.email = QLineEdit(employee.email or "")
        self.add_row(self.tr("Ansattnummer:"), number)
        self.add_row(self.tr("Fornavn:"), self.first_name, "first_name")
        self.add_row(self.tr("Etternavn:"), self.last_name, "last_name")
        self.add_row(self.tr("E-post:"), self.email, "email")
        self.manager = manager_picker(people, employee.manager_id, employee.id)
        self.add_row(self.tr("Leder:"), self.manager, "manager_id")
        self.resize(460, self.sizeHint().height())

    def submit(self) -> EmployeeDetail:
        manager_id = self.manager.checked_id("manager_id")
        return self.tasks.now(
            lambda uow: update_employee(
                uow,
                self.employee.id,
                expected_version=self.employee.version,
                first_name=self.first_name.text(),
                last_name=self.last_name.text(),
                email=self.email.text() or None,
                manager_id=manager_id,
            )
        )
