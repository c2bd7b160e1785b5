"""A dialog for entering one record: fields in a form, OK/Cancel, and errors shown in place.

A :class:`competence.errors.ValidationError` names the field to correct; the dialog shows the
message under the form and puts the cursor in that field. A typed field whose text is not a valid
value (:class:`ui.widgets.fields.InlineField`) has its own message, and Lagre is refused while one
is wrong. The dialog stays open until the service accepts the input, so nothing is half-applied and
nothing typed is lost: Escape or Avbryt on a changed dialog asks before throwing it away.

For the keyboard: the dialog opens with the cursor in its first field (never on Lagre, so the first
word typed is not lost and Space does not save), Tab goes through the fields in the order shown and
then to the buttons. The form scrolls when the screen is too small for it; Lagre and Avbryt stay in
view.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import LocalizedError
from ui.errors import error_message, show_bug
from ui.widgets.fields import ERROR_STYLE, refuse_if_invalid
from ui.widgets.screen import FittingScrollArea, fit_when_shown

W = TypeVar("W", bound=QWidget)
log = logging.getLogger("kompetanseregister.ui")

#: Widgets whose inner parts (a combo box's line edit, a view's viewport) are not fields of their own.
_COMPOUND = (QComboBox, QAbstractSpinBox, QAbstractItemView, QCalendarWidget)


def inner_part(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` is part of a compound widget under ``root`` (a combo box's line edit, a
    table's viewport or corner button), not a field of its own."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def focusable_fields(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that take focus by Tab, in creation order, without the inner
    parts of compound widgets."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and not inner_part(widget, root)
    ]


def form_state(root: QWidget) -> tuple[Any, ...]:
    """What the inputs under ``root`` hold, to tell whether the user changed anything."""
    values: list[Any] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit) or (
            isinstance(widget, QTextEdit) and not widget.isReadOnly()
        ):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            values.append(tuple(widget.item(i).checkState() for i in range(widget.count())))
    return tuple(values)


class FormDialog(QDialog):
    """Subclasses add rows to ``self.form``, map service field names in ``self.fields`` and
    implement :meth:`submit`, which calls the service and stores what it returns in ``self.result``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.fields: dict[str, QWidget] = {}
        self._initial_state: tuple[Any, ...] | None = None
        outer = QVBoxLayout(self)
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = FittingScrollArea()
        self.scroll_area.setWidget(self.form_widget)
        outer.addWidget(self.scroll_area, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
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
        fit_when_shown(self)

    @property
    def save_button(self) -> QAbstractButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self) -> QAbstractButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def add_row(self, label: str, widget: W, field: str | None = None) -> W:
        self.form.addRow(label, widget)
        widget.setAccessibleName(label.rstrip(":"))
        if field is not None:
            self.fields[field] = widget
        return widget

    def submit(self) -> Any:
        raise NotImplementedError

    # --- opening -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._initial_state is None:
            self._set_tab_order()
            self.focus_first_field()
            self._initial_state = form_state(self.form_widget)
        super().showEvent(event)

    def _set_tab_order(self) -> None:
        """Fields in the order the form shows them, then the buttons (the button box is made
        before the subclass adds its fields, so creation order would put Lagre first)."""
        chain = [*focusable_fields(self.form_widget), *focusable_fields(self.buttons)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first_field(self) -> None:
        for widget in focusable_fields(self.form_widget):
            read_only = isinstance(widget, QLineEdit | QPlainTextEdit) and widget.isReadOnly()
            if widget.isEnabled() and widget.isVisibleTo(self) and not read_only:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- errors --------------------------------------------------------------------------------
    @property
    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(widget)

    # --- closing -------------------------------------------------------------------------------
    def is_changed(self) -> bool:
        return self._initial_state is not None and form_state(self.form_widget) != self._initial_state

    def accept(self) -> None:
        if refuse_if_invalid(self.form_widget):
            self.show_error(self.tr("Rett opp feltet som er merket med rødt, så kan du lagre."))
            focused = self.focusWidget()
            if focused is not None:
                self.scroll_area.ensureWidgetVisible(focused)
            return
        try:
            self.result_value = self.submit()
        except LocalizedError as exc:
            self.show_error(error_message(exc), exc.details.get("field") or getattr(exc, "field", None))
            return
        except Exception as exc:
            show_bug(type(exc), exc, exc.__traceback__, self)
            return
        super().accept()

    def reject(self) -> None:
        """Escape, Avbryt or the window's close button: a changed dialog asks first."""
        if self.is_changed() and not confirm_discard(self):
            return
        super().reject()


def confirm_discard(parent: QWidget) -> bool:
    """Ask before what the user filled in is thrown away; True to throw it away. Enter and Escape
    keep it (the safe answer is the default)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FormDialog", "Forkaste endringene?"),
        QCoreApplication.translate(
            "FormDialog", "Du har fylt inn noe som ikke er lagret. Vil du forkaste det?"
        ),
        parent=parent,
    )
    discard = box.addButton(
        QCoreApplication.translate("FormDialog", "For&kast"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("FormDialog", "Fortsett å &redigere"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
