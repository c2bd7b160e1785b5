"""Typed fields that say what is wrong with what was typed, next to the field.

A field here never changes what the user typed behind their back: text that is not a valid value
keeps standing and gets a message under the field (and as the field's accessible description, so a
screen reader reads it too). A dialog asks :func:`first_invalid` before it saves and refuses while a
field is invalid. The date field (:mod:`ui.widgets.date_edit`) and the number fields here share this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import fmt_number

#: The red of a refusal or an error a user must act on (not a status: see ui/status_colours.py).
ERROR_COLOUR = "#b00020"
ERROR_STYLE = f"color: {ERROR_COLOUR};"


class InlineField(QWidget):
    """A line edit with room for a message under it. Subclasses implement :meth:`problem`.

    ``committed`` is emitted when the user finished editing (Enter, leaving the field, a choice in a
    pop-up) and the text holds a valid value that differs from the one committed before.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.row.addWidget(self.line)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(self.row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.line)
        self._description = ""
        self._last_committed: Any = None
        self.line.editingFinished.connect(self._editing_finished)
        self.line.textEdited.connect(self._text_edited)
        self.line.installEventFilter(self)

    # --- what subclasses provide -----------------------------------------------------------------
    def problem(self) -> str | None:
        """What is wrong with the text, in the UI language; None when it is a valid value."""
        raise NotImplementedError

    def current(self) -> Any:
        """The value the text stands for (None when empty or invalid)."""
        raise NotImplementedError

    def normalised_text(self) -> str | None:
        """The text to show for a valid value (e.g. ``20.11.26`` → ``20.11.2026``); None: leave it."""
        return None

    def step(self, steps: int, big: bool) -> bool:
        """Up/Down (``big``: Page Up/Down) pressed in the field; True when handled."""
        return False

    # --- behaviour --------------------------------------------------------------------------------
    def setAccessibleName(self, name: str) -> None:
        """The name belongs on the line edit, which is what gets focus and what a screen reader reads."""
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.line.setToolTip(text)

    def setAccessibleDescription(self, description: str) -> None:
        self._description = description
        super().setAccessibleDescription(description)
        self.line.setAccessibleDescription(description)

    def text(self) -> str:
        return self.line.text()

    def is_valid(self) -> bool:
        return self.problem() is None

    def check(self) -> bool:
        """Show the message for the text as it is now (or take it away); True when valid."""
        problem = self.problem()
        self._show_problem(problem)
        return problem is None

    def _show_problem(self, problem: str | None) -> None:
        if problem is None:
            self.message.clear()
            self.message.hide()
            self.line.setAccessibleDescription(self._description)
            self.line.setStyleSheet("")
            return
        self.message.setText(problem)
        self.message.show()
        self.line.setAccessibleDescription(problem)
        self.line.setStyleSheet(f"QLineEdit {{ border: 2px solid {ERROR_COLOUR}; }}")

    def set_text_quietly(self, text: str) -> None:
        """Set the text from code: no message, nothing emitted; it becomes the committed value."""
        self.line.setText(text)
        self._show_problem(None)
        self._last_committed = self.current()

    def commit(self) -> None:
        """The user is done with the field: show what is wrong, tidy a valid text, tell listeners."""
        if not self.check():
            return
        tidy = self.normalised_text()
        if tidy is not None and tidy != self.line.text():
            self.line.setText(tidy)
        value = self.current()
        if value != self._last_committed:
            self._last_committed = value
            self.committed.emit()

    def _editing_finished(self) -> None:
        self.commit()

    def _text_edited(self) -> None:
        # once a message shows, it follows the typing (and goes as soon as the text is right);
        # before that, half-typed text is not scolded
        if not self.message.isHidden():
            self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                up = key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp)
                big = key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
                if self.step(1 if up else -1, big):
                    self.commit()
                    return True
        return super().eventFilter(watched, event)


def first_invalid(fields: Iterable[InlineField]) -> InlineField | None:
    """Check every enabled field (showing each one's message) and return the first that is invalid."""
    first = None
    for field in fields:
        if field.isEnabled() and not field.check() and first is None:
            first = field
    return first


def refuse_if_invalid(root: QWidget) -> bool:
    """Before saving what ``root`` holds: True (and the cursor in the first bad field) when a field
    under ``root`` is invalid, so the caller saves nothing."""
    bad = first_invalid(f for f in root.findChildren(InlineField) if f.isVisibleTo(root))
    if bad is None:
        return False
    bad.line.setFocus(Qt.FocusReason.OtherFocusReason)
    bad.line.selectAll()
    return True


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class NumberField(InlineField):
    """A number typed as text: ``5000``, ``5 000``, ``12,5`` (``12.5`` too), with its unit after the
    field. Out-of-range or malformed text gets a message instead of being clamped or dropped.
    ``optional`` fields may be left empty ("ikke oppgitt"), which means None."""

    def __init__(
        self,
        value: float | None = None,
        *,
        minimum: float = 0,
        maximum: float = 1_000_000_000,
        decimals: int = 0,
        unit: str = "",
        optional: bool = False,
        step: float = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.minimum, self.maximum, self.decimals = minimum, maximum, decimals
        self.optional, self.step_size, self.unit = optional, step, unit
        if optional:
            self.line.setPlaceholderText(self.tr("ikke oppgitt"))
        widest = fmt_number(maximum, decimals) if decimals else fmt_number(maximum, 0)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance(widest + "00") + 12)
        self.line.setMaximumWidth(max(self.line.minimumWidth(), 160))
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.unit_label = QLabel(unit.strip())
        if unit.strip():
            self.row.addWidget(self.unit_label)
        self.row.addStretch(1)
        self.setValue(value)

    # --- reading and writing -------------------------------------------------------------------
    def setValue(self, value: float | None) -> None:
        self.set_text_quietly("" if value is None else self._format(value))

    def value(self) -> float | int | None:
        """The number typed (an int when the field has no decimals); None when empty or invalid."""
        return self.current()

    def whole_value(self) -> int | None:
        """The number typed in a field without decimals, as the whole number it is."""
        value = self.current()
        return None if value is None else round(value)

    def _format(self, value: float) -> str:
        if self.decimals == 0:
            return fmt_number(round(value), 0)
        return fmt_number(value, self.decimals)

    def _parse(self) -> tuple[float | None, str | None]:
        """(number, None) or (None, what is wrong); (None, None) for an empty field."""
        text = self.line.text().strip()
        unit = self.unit.strip()
        if unit and text.lower().endswith(unit.lower()):
            text = text[: -len(unit)].strip()
        text = text.replace("\u2212", "-")  # the minus sign a word processor puts in
        if not text:
            return None, None
        if self.decimals == 0 and _GROUPED.match(_SPACES.sub("", text)):
            text = text.replace(".", "")  # 5.000 is five thousand in a whole-number field
        compact = _SPACES.sub("", text)
        if compact.count(",") + compact.count(".") > 1 or not re.fullmatch(r"-?\d*[.,]?\d*", compact):
            return None, self._not_a_number()
        if not any(ch.isdigit() for ch in compact):
            return None, self._not_a_number()
        number = float(compact.replace(",", "."))
        fraction = compact.replace(",", ".").partition(".")[2]
        if len(fraction) > self.decimals:
            if self.decimals == 0:
                return None, self.tr("Skriv et helt tall.")
            return None, self.tr("Høyst {n} desimal(er).").format(n=self.decimals)
        return number, None

    def _not_a_number(self) -> str:
        example = fmt_number(12.5, 1) if self.decimals else fmt_number(5000, 0)
        return self.tr("«{text}» er ikke et tall. Skriv for eksempel {example}.").format(
            text=self.line.text().strip(), example=example
        )

    def problem(self) -> str | None:
        number, wrong = self._parse()
        if wrong is not None:
            return wrong
        if number is None:
            return None if self.optional else self.tr("Fyll inn et tall.")
        if number < self.minimum:
            if self.minimum == 0:
                return self.tr("Kan ikke være negativt.")
            return self.tr("Kan ikke være mindre enn {minimum}.").format(minimum=self._format(self.minimum))
        if number > self.maximum:
            return self.tr("Kan ikke være mer enn {maximum}.").format(maximum=self._format(self.maximum))
        return None

    def current(self) -> float | int | None:
        number, wrong = self._parse()
        if wrong is not None or number is None or not self.minimum <= number <= self.maximum:
            return None
        return round(number) if self.decimals == 0 else number

    def normalised_text(self) -> str | None:
        value = self.current()
        return None if value is None else self._format(value)

    def step(self, steps: int, big: bool) -> bool:
        value = self.current()
        if value is None and self.line.text().strip():
            return False  # a wrong text stays as typed
        base = float(value) if value is not None else max(self.minimum, 0.0)
        new = base + steps * self.step_size * (10 if big else 1)
        new = min(max(new, self.minimum), self.maximum)
        self.line.setText(self._format(new))
        return True
