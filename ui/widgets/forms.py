"""A dialog for entering one record: fields in a form, OK/Cancel, and errors shown in place.

A :class:`competence.errors.ValidationError` names the field to correct; the dialog shows the
message under the form and puts the cursor in that field. The dialog stays open until the service
accepts the input, so nothing is half-applied and nothing typed is lost.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.errors import LocalizedError
from ui.errors import error_message, show_bug

log = logging.getLogger("kompetanseregister.ui")


class FormDialog(QDialog):
    """Subclasses add rows to ``self.form``, map service field names in ``self.fields`` and
    implement :meth:`submit`, which calls the service and stores what it returns in ``self.result``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(self.tr("Feilmelding"))
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Lagre"))
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        self.form.addRow(label, widget)
        widget.setAccessibleName(label.rstrip(":"))
        if field is not None:
            self.fields[field] = widget
        return widget

    def submit(self) -> Any:
        raise NotImplementedError

    @property
    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            self.result_value = self.submit()
        except LocalizedError as exc:
            self.show_error(error_message(exc), exc.details.get("field") or getattr(exc, "field", None))
            return
        except Exception as exc:
            show_bug(type(exc), exc, exc.__traceback__, self)
            return
        super().accept()
