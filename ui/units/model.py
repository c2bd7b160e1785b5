"""The heatmap's table model: rows are the total and the units (indented in the row header),
columns the competences (or strategy areas) under their group; each cell carries its
:class:`ui.units.data.Figures`, which the delegate paints."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from competence.gap import UnitRef
from ui.i18n import fmt_int, fmt_points, fmt_share
from ui.units.colours import colours_of
from ui.units.data import TOTAL_ROW, Figures, HeatColumn, HeatTable, row_keys

Index = QModelIndex | QPersistentModelIndex

# The :class:`Figures` of a cell (None for a unit where nobody has the requirement).
FIGURES_ROLE = Qt.ItemDataRole.UserRole + 10
# Horizontal header: the column's group (its strategy area, or its framework).
GROUP_ROLE = Qt.ItemDataRole.UserRole + 11
# Horizontal header: True for a critical competence.
CRITICAL_ROLE = Qt.ItemDataRole.UserRole + 12

_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


translate = QCoreApplication.translate


class Mode(Enum):
    """What the text of a cell says (the colour is always the share met)."""

    SHARE = "share"
    GAP = "gap"
    NOT_ASSESSED = "not_assessed"


def cell_text(figures: Figures | None, mode: Mode) -> str:
    if figures is None:
        return ""
    if mode is Mode.NOT_ASSESSED:
        return fmt_int(figures.not_assessed)
    if figures.none_assessed:
        return translate("Varmekart", "i.v.")
    if mode is Mode.GAP:
        return fmt_points(figures.mean_gap)
    return fmt_share(figures.share_met)


def figures_text(figures: Figures) -> str:
    """The figures in words, for tooltips and screen readers."""
    lines = [
        translate("Varmekart", "{met} av {people} oppfyller kravet ({share})").format(
            met=fmt_int(figures.met),
            people=fmt_int(figures.people),
            share=fmt_share(figures.share_met),
        ),
        translate("Varmekart", "Snittavvik: {gap} prosentpoeng").format(gap=fmt_points(figures.mean_gap)),
    ]
    if figures.missing:
        lines.append(
            translate("Varmekart", "Mangler lovpålagt kurs: {count}").format(count=fmt_int(figures.missing))
        )
    if figures.not_assessed:
        lines.append(
            translate("Varmekart", "Ikke vurdert: {count} ({share})").format(
                count=fmt_int(figures.not_assessed), share=fmt_share(figures.share_not_assessed)
            )
        )
    return "\n".join(lines)


class HeatmapModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = HeatTable((), (), {})
        self.mode = Mode.SHARE
        self.total_label = translate("Varmekart", "Hele utvalget")
        self._keys: list[int] = []
        self._units: dict[int, UnitRef] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: HeatTable, total_label: str | None = None) -> None:
        self.beginResetModel()
        self.table = table
        if total_label is not None:
            self.total_label = total_label
        self._keys = row_keys(table.units)
        self._units = {u.id: u for u in table.units}
        self.endResetModel()

    def set_mode(self, mode: Mode) -> None:
        if mode is self.mode:
            return
        self.mode = mode
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole],
            )

    # --- lookups ------------------------------------------------------------------------------
    def row_key(self, row: int) -> int | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def unit_at(self, row: int) -> UnitRef | None:
        """The unit of a row; None for the total row."""
        key = self.row_key(row)
        return self._units.get(key) if key is not None else None

    def row_of_unit(self, unit_id: int) -> int | None:
        try:
            return self._keys.index(unit_id)
        except ValueError:
            return None

    def column_at(self, column: int) -> HeatColumn | None:
        columns = self.table.columns
        return columns[column] if 0 <= column < len(columns) else None

    def column_of(self, column_id: int) -> int | None:
        return next((i for i, c in enumerate(self.table.columns) if c.id == column_id), None)

    def figures(self, row: int, column: int) -> Figures | None:
        key, col = self.row_key(row), self.column_at(column)
        if key is None or col is None:
            return None
        return self.table.cell(key, col.id)

    def row_label(self, row: int) -> str:
        unit = self.unit_at(row)
        return unit.name if unit is not None else self.total_label

    # --- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.table.columns else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        figures = self.figures(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figures, self.mode)
        if role == FIGURES_ROLE:
            return figures
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(index.row(), index.column(), figures, role)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and figures is not None:
            fill, text = colours_of(figures)
            return QBrush(fill if role == Qt.ItemDataRole.BackgroundRole else text)
        return None

    def _describe(self, row: int, column: int, figures: Figures | None, role: int) -> str:
        col = self.column_at(column)
        where = f"{self.row_label(row)} – {col.label if col else ''}"
        if figures is None:
            nobody = translate("Varmekart", "Ingen her har krav om dette.")
            return f"{where}\n{nobody}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{where}: {figures_text(figures)}".replace("\n", "; ")
        return f"{where}\n{figures_text(figures)}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            col = self.column_at(section)
            if col is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return col.label
            if role == Qt.ItemDataRole.ToolTipRole:
                critical = "\n" + translate("Varmekart", "Kritisk kompetanse") if col.critical else ""
                return f"{col.label}\n{col.tooltip}{critical}"
            if role == GROUP_ROLE:
                return col.group
            if role == CRITICAL_ROLE:
                return col.critical
            return None
        key = self.row_key(section)
        if key is None:
            return None
        unit = self._units.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if unit is None:
                return self.total_label
            return "\u2003" * unit.depth + f"{unit.number} {unit.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.number} {unit.name}" if unit is not None else self.total_label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == Qt.ItemDataRole.FontRole and key == TOTAL_ROW:
            return self._bold
        return None
