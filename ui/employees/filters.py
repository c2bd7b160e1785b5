"""The filter panel of the employee list: unit tree, role, competence at a minimum level."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from competence.roles import RoleView
from competence.search import CompetenceOption
from competence.units import UnitView
from ui.i18n import current_language
from ui.widgets.pickers import CompetencePicker
from ui.widgets.qt import children, line_edit, top_items

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def subtree(units: Sequence[UnitView], unit_id: int) -> frozenset[int]:
    """``unit_id`` and every unit below it, from the loaded tree (no query)."""
    children: dict[int | None, list[int]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit.id)
    found: set[int] = set()
    stack = [unit_id]
    while stack:
        uid = stack.pop()
        if uid in found:
            continue
        found.add(uid)
        stack.extend(children.get(uid, []))
    return frozenset(found)


class UnitTree(QTreeWidget):
    """The unit tree with "Alle enheter" on top; choosing a unit includes its sub-units."""

    #: The chosen unit's subtree, or None for all units.
    selection_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Enheter"))
        self.setUniformRowHeights(True)
        self._units: list[UnitView] = []
        self.currentItemChanged.connect(self._emit)

    def set_units(self, units: Sequence[UnitView]) -> None:
        previous = self.current_unit_id()
        self._units = list(units)
        with QSignalBlocker(self):
            self.clear()
            root = QTreeWidgetItem([self.tr("Alle enheter")])
            root.setData(0, UNIT_ID_ROLE, None)
            self.addTopLevelItem(root)
            items: dict[int, QTreeWidgetItem] = {}
            for unit in self._units:  # tree order: parents come before children
                parent = items.get(unit.parent_id) if unit.parent_id is not None else None
                item = QTreeWidgetItem([unit.label])
                item.setData(0, UNIT_ID_ROLE, unit.id)
                item.setToolTip(0, unit.label)
                (parent or root).addChild(item)
                items[unit.id] = item
            root.setExpanded(True)
            for unit in self._units:  # the top two levels open: sectors and their units show
                if unit.depth == 0 and unit.id in items:
                    items[unit.id].setExpanded(True)
            current = items.get(previous) if previous is not None else None
            self.setCurrentItem(current or root)
            if current is not None:
                parent_item = current.parent()
                while parent_item is not None:
                    parent_item.setExpanded(True)
                    parent_item = parent_item.parent()

    def current_unit_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(0, UNIT_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def select_unit(self, unit_id: int | None) -> None:
        for item in self._all_items():
            if item.data(0, UNIT_ID_ROLE) == unit_id:
                self.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = top_items(self)
        while stack:
            item = stack.pop()
            items.append(item)
            stack.extend(children(item))
        return items

    def selected_subtree(self) -> frozenset[int] | None:
        unit_id = self.current_unit_id()
        return None if unit_id is None else subtree(self._units, unit_id)

    def _emit(self) -> None:
        self.selection_changed.emit(self.selected_subtree())


class RoleFilter(QComboBox):
    """All roles, or one."""

    role_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rolle"))
        self.currentIndexChanged.connect(lambda _i: self.role_changed.emit(self.role_id()))

    def set_roles(self, roles: Sequence[RoleView]) -> None:
        previous = self.role_id()
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("Alle roller"), None)
            for role in roles:
                self.addItem(role.name, role.id)
            index = self.findData(previous) if previous is not None else 0
            self.setCurrentIndex(max(index, 0))

    def role_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None


class CompetenceFilter(QWidget):
    """ "Who has DigComp 4.2 at level 5 or more?": a competence (type to search) and a minimum level."""

    #: (competence id, minimum level ordinal), or (None, 0) when cleared.
    changed = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.competence = CompetencePicker(none_text=self.tr("Alle (ingen kompetansefilter)"))
        self.competence.setAccessibleName(self.tr("Kompetanse"))
        line_edit(self.competence).setPlaceholderText(self.tr("Kompetanse, f.eks. digcomp 4.2"))
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Minste nivå"))
        level_row = QHBoxLayout()
        level_label = QLabel(self.tr("Nivå minst:"))
        level_label.setBuddy(self.level)
        level_row.addWidget(level_label)
        level_row.addWidget(self.level, 1)
        layout.addWidget(self.competence)
        layout.addLayout(level_row)
        self.competence.currentIndexChanged.connect(self._competence_chosen)
        self.level.currentIndexChanged.connect(lambda _i: self._emit())
        self._fill_levels()

    def set_options(self, options: Sequence[CompetenceOption]) -> None:
        self.competence.set_options(options)
        self._fill_levels()

    def competence_id(self) -> int | None:
        return self.competence.selected_id()

    def min_level(self) -> int:
        value = self.level.currentData()
        return int(value) if value is not None else 0

    def choose(self, competence_id: int | None, min_level: int | None = None) -> None:
        index = self.competence.findData(competence_id) if competence_id is not None else 0
        self.competence.setCurrentIndex(max(index, 0))
        if min_level is not None:
            level_index = self.level.findData(min_level)
            if level_index >= 0:
                self.level.setCurrentIndex(level_index)

    def clear(self) -> None:
        self.choose(None)

    def _competence_chosen(self) -> None:
        self._fill_levels()
        self._emit()

    def _fill_levels(self) -> None:
        option = self.competence.selected()
        lang = current_language()
        with QSignalBlocker(self.level):
            self.level.clear()
            self.level.setEnabled(option is not None)
            if option is None:
                return
            for level in option.levels:
                if option.kind == "certificate" and level.ordinal <= 0:
                    continue
                self.level.addItem(level.label(lang), level.ordinal)
            self.level.setCurrentIndex(0)

    def _emit(self) -> None:
        competence_id = self.competence_id()
        self.changed.emit(competence_id, self.min_level() if competence_id is not None else 0)
