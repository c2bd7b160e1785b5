"""Combo boxes for choosing a unit, a role or a competence from lists the caller has loaded."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from competence.roles import RoleView
from competence.search import CompetenceOption
from competence.units import UnitView
from ui.i18n import current_language


def _searchable(combo: QComboBox) -> None:
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


class _IdCombo(QComboBox):
    def selected_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def select_id(self, ident: int | None) -> None:
        index = self.findData(ident)
        if index >= 0:
            self.setCurrentIndex(index)


class UnitPicker(_IdCombo):
    """Units in tree order, indented; type to search by number or name."""

    def __init__(self, units: Sequence[UnitView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _searchable(self)
        for unit in units:
            if unit.closed_on is None:
                self.addItem("\u2003" * unit.depth + unit.label, unit.id)
                self.setItemData(self.count() - 1, unit.label, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(-1 if self.count() else 0)


class RolePicker(_IdCombo):
    """A role, or none."""

    def __init__(self, roles: Sequence[RoleView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _searchable(self)
        self.addItem(self.tr("(ingen rolle)"), None)
        for role in roles:
            self.addItem(role.name, role.id)


class CompetencePicker(_IdCombo):
    """A competence (type its code or name), optionally with "none" first."""

    def __init__(
        self, options: Sequence[CompetenceOption], *, allow_none: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        _searchable(self)
        self.options = {o.id: o for o in options}
        lang = current_language()
        if allow_none:
            self.addItem(self.tr("(ingen)"), None)
        for option in options:
            self.addItem(option.label(lang), option.id)
            self.setItemData(
                self.count() - 1, f"{option.framework_name} › {option.area_name}", Qt.ItemDataRole.ToolTipRole
            )

    def selected(self) -> CompetenceOption | None:
        ident = self.selected_id()
        return self.options.get(ident) if ident is not None else None
