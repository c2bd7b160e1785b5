"""The drill-down under the heatmap: the people behind one cell (one unit, one competence), largest
gap first, with their level, the requirement and the gap; Enter or a double-click opens the card."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.actions.figures import CellPeople
from competence.gap import PersonCell
from competence.scales import LevelView
from ui.card.common import gap_explanation, level_text
from ui.i18n import current_language, fmt_date, fmt_number, fmt_points
from ui.units.colours import GAP, MET, MISSING, NOT_ASSESSED
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel

GAP_COLUMN = 4


def closest_level(levels: Sequence[LevelView], percent: float) -> LevelView | None:
    """The level a requirement in percent stands for (the services give the percentage)."""
    return min(levels, key=lambda lv: abs(lv.percent - percent), default=None)


class DrillPanel(QGroupBox):
    """A table of the people behind the chosen cell, or a hint when no cell is chosen."""

    # Open this employee's card.
    employee_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Personene bak cellen"), parent)
        self.cell: CellPeople | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RowTableModel[PersonCell] = RowTableModel(self._columns(), parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Personene bak cellen"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSortIndicator(GAP_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)  # largest gap first, as the service orders them
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.fitter = ColumnFitter(self.view, 0, cap=200)
        self.fitter.optional = [1]  # the employee number is on the card Enter opens
        self.open_button = QPushButton(self.tr("Åpne &ansattkortet"))
        self.open_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._open)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.open_button.setEnabled(current.isValid())
        )
        self.clear(self.tr("Velg en celle i kartet for å se hvem som står bak tallene."))

    def _columns(self) -> list[Column[PersonCell]]:
        fills = {"met": MET, "gap": GAP, "not_assessed": NOT_ASSESSED, "missing": MISSING}
        status = {
            "met": self.tr("Oppfylt"),
            "gap": self.tr("Avvik"),
            "not_assessed": self.tr("Ikke vurdert"),
            "missing": self.tr("Mangler"),
        }
        return [
            Column(self.tr("Navn"), lambda p: p.name, key="name"),
            Column(self.tr("Ansattnr."), lambda p: p.employee_no, key="employee_no"),
            Column(self.tr("Nåværende nivå"), self._current, key="current"),
            Column(self.tr("Krav"), self._required, lambda p: p.required_percent, key="required"),
            Column(
                self.tr("Avvik"),
                lambda p: fmt_points(p.gap) if p.gap else "",
                lambda p: p.gap,
                align_right=True,
                key="gap",
                tooltip=lambda p: gap_explanation(),
                header_tooltip=gap_explanation(),
            ),
            Column(
                self.tr("Status"),
                lambda p: status[p.status],
                background=lambda p: fills[p.status],
                key="status",
            ),
            Column(
                self.tr("Vurdert"), lambda p: fmt_date(p.assessed_on), lambda p: p.assessed_on, key="assessed"
            ),
        ]

    def _current(self, person: PersonCell) -> str:
        cell = self.cell
        if cell is not None and cell.certificate:
            if person.current_percent is None:
                return self.tr("ikke registrert")
            return self.tr("gyldig") if person.current_percent >= 100 else self.tr("utløpt")
        if person.current_level is None:
            return self.tr("ikke vurdert")
        return level_text(cell.levels if cell else (), person.current_level, person.current_level_name)

    def _required(self, person: PersonCell) -> str:
        cell = self.cell
        level = closest_level(cell.levels, person.required_percent) if cell is not None else None
        if cell is not None and cell.certificate:
            return self.tr("gyldig")
        return level.label(current_language()) if level is not None else fmt_number(person.required_percent)

    def clear(self, hint: str) -> None:
        self.cell = None
        self.model.set_rows(())
        self.heading.setText(hint)
        self.open_button.setEnabled(False)

    def show_cell(self, cell: CellPeople, heading: str) -> None:
        self.cell = cell
        self.heading.setText(heading)
        self.model.set_rows(cell.people)
        self.open_button.setEnabled(False)

    def _open(self, index: QModelIndex) -> None:
        person = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if isinstance(person, PersonCell):
            self.employee_requested.emit(person.employee_id)
