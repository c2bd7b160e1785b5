"""Number fields that may be left empty ("ikke oppgitt")."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget


class OptionalHours(QDoubleSpinBox):
    """Hours (decimal comma in Norwegian); the lowest step shows "ikke oppgitt" and means None."""

    def __init__(self, value: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1.0, 10_000.0)
        self.setDecimals(1)
        self.setSpecialValueText(self.tr("ikke oppgitt"))
        self.set_optional(value)

    def set_optional(self, value: float | None) -> None:
        self.setValue(-1.0 if value is None else value)

    def optional_value(self) -> float | None:
        return None if self.value() < 0 else self.value()


class OptionalAmount(QSpinBox):
    """Whole kroner; the lowest step shows "ikke oppgitt" and means None."""

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 100_000_000)
        self.setSingleStep(500)
        self.setGroupSeparatorShown(True)
        self.setSuffix(self.tr(" kr"))
        self.setSpecialValueText(self.tr("ikke oppgitt"))
        self.set_optional(value)

    def set_optional(self, value: int | None) -> None:
        self.setValue(-1 if value is None else value)

    def optional_value(self) -> int | None:
        return None if self.value() < 0 else self.value()
