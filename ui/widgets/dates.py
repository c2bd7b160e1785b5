"""Date fields that follow the UI locale (dd.mm.yyyy in Norwegian)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from competence.clock import today
from ui.i18n import current_language, date_format, from_qdate, to_qdate


def date_edit(value: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, in the UI's date format."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format(current_language()))
    edit.setMinimumDate(QDate(1950, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(to_qdate(value or today()))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    return from_qdate(edit.date())


class OptionalDate(QWidget):
    """A date that may be left empty: a check box switches the date field on and off."""

    changed = Signal()

    def __init__(self, label: str, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.edit = date_edit(value)
        self.edit.setAccessibleName(label)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.set_value(value)
        self.setFocusProxy(self.check)

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None
