"""The vulnerability list of the Enheter screen (competence/gap/__init__.py, "Vulnerability"):
targets a unit is short of, and, where no target speaks, critical competences required of more than
one person that nobody or only one holds. Enter or a double-click leads to the cell in the heatmap."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from competence.gap import Vulnerability
from ui.i18n import current_language, fmt_int
from ui.units.colours import GAP, NEAR
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel


class VulnerabilityTab(QWidget):
    # (unit id, competence id) of the row chosen
    cell_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        columns: list[Column[Vulnerability]] = [
            Column(self.tr("Enhet"), lambda v: f"{v.unit.number} {v.unit.name}", key="unit"),
            Column(
                self.tr("Kompetanse"),
                lambda v: v.display_label(lang),
                tooltip=lambda v: v.area_label(lang),
                key="competence",
            ),
            Column(
                # a qualification target's row: the kind of qualification, which has no area
                self.tr("Strategiområde"),
                lambda v: v.area_label(lang),
                tooltip=lambda v: v.competence.framework_display(lang) if v.competence is not None else None,
                key="area",
            ),
            Column(
                self.tr("Hvorfor"),
                lambda v: v.reason(lang),
                lambda v: -v.short,
                tooltip=lambda v: self.tr("Mangler {short}").format(short=fmt_int(v.short)),
                key="required",
            ),
            Column(
                self.tr("Har kompetansen"),
                lambda v: ", ".join(v.holders) or self.tr("ingen"),
                lambda v: v.holder_count,
                background=lambda v: GAP if not v.holders else NEAR,
                key="holders",
            ),
        ]
        self.model: RowTableModel[Vulnerability] = RowTableModel(columns, parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Sårbare kompetanser"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSortIndicator(len(columns) - 1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # nobody holding it first, as the service orders them
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # the holders take the room left; the rest as wide as their text up to a limit
        self.fitter = ColumnFitter(self.view, len(columns) - 1, cap=240, stretch_min=120)
        self.fitter.optional = [2]  # the strategy area: in the competence's tooltip
        hint = QLabel(
            self.tr(
                "Kompetanser enheten har for få av: under et mål enheten har satt, eller, der det ikke "
                "finnes et mål, kritiske kompetanser som kreves av flere enn én og som bare én eller "
                "ingen har på kravnivået. Enter eller dobbeltklikk viser personene i kartet."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._activated)

    def set_rows(self, rows: Sequence[Vulnerability]) -> None:
        self.model.set_rows(rows)

    def _activated(self, index: QModelIndex) -> None:
        vulnerability = self.model.data(index, ROW_ROLE)
        # a qualification has no heatmap cell to open: its holders are in the Mål tab
        if isinstance(vulnerability, Vulnerability) and vulnerability.competence is not None:
            self.cell_requested.emit(vulnerability.unit.id, vulnerability.competence.id)
