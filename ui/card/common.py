"""What the tabs of the employee card share: level texts, the gap explained, a table with its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from competence.scales import LevelView
from competence.uow import UnitOfWork
from ui.errors import attempt
from ui.i18n import current_language, fmt_percent
from ui.widgets.tables import Column, ColumnFitter, DataTable, RowTableModel
from ui.worker import TaskRunner

R = TypeVar("R")


def level_text(levels: Sequence[LevelView], ordinal: int, name: str | None) -> str:
    """ "3 Kan selvstendig", in English when the UI is (the services give the bokmål name)."""
    level = next((lv for lv in levels if lv.ordinal == ordinal), None)
    return level.label(current_language()) if level is not None else f"{ordinal} {name or ''}".strip()


def gap_explanation() -> str:
    """What the number in the "Avvik" column means (the same words as under the plan's table)."""
    return QCoreApplication.translate(
        "Kompetanseprofil",
        "Avvik i prosentpoeng av skalaen: krav minus nåværende nivå, når nivået er lavere enn kravet. "
        "Ikke vurdert teller som {zero} i avviket.",
    ).format(zero=fmt_percent(0, 0))


class RecordTable(QWidget, Generic[R]):
    """A table of one kind of record with action buttons underneath; buttons that need a selected
    row are enabled only when one is selected, and Enter / double-click runs the first of them."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.model: RowTableModel[R] = RowTableModel([], parent=self)
        self.fitter: ColumnFitter | None = None
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setWordWrap(False)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self.buttons)
        self._row_buttons: list[QPushButton] = []
        self._default_action: Callable[[], None] | None = None
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.activated.connect(lambda _index: self._default_action and self._default_action())

    def set_columns(
        self,
        columns: Sequence[Column[R]],
        accessible_name: str,
        *,
        stretch: int | None = None,
        sort: tuple[int, Qt.SortOrder] | None = None,
        optional: Sequence[int] = (),
    ) -> None:
        """The table's columns; ``stretch`` names the one that takes the spare width (a description);
        ``sort`` the order the rows come in from the service (shown by the header), else none;
        ``optional`` the columns that give way on a narrow screen, first listed first (with
        ``stretch``; their text is in a tooltip too)."""
        self.model.beginResetModel()
        self.model.columns = list(columns)
        self.model.endResetModel()
        self.view.setAccessibleName(accessible_name)
        column, order = sort if sort is not None else (-1, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSortIndicator(column, order)
        if stretch is not None:
            self.fitter = ColumnFitter(self.view, stretch)
            self.fitter.optional = list(optional)

    def add_detail(self, widget: QWidget) -> None:
        """A panel under the table showing more of the selected row."""
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

    def add_button(
        self, text: str, action: Callable[[], None] | None, *, needs_row: bool = False
    ) -> QPushButton:
        """A button under the table; ``action`` None for a button that opens a menu."""
        button = QPushButton(text)
        if action is not None:
            button.clicked.connect(action)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if needs_row:
            self._row_buttons.append(button)
            button.setEnabled(False)
            if self._default_action is None and action is not None:
                self._default_action = action
        return button

    def set_rows(self, rows: Sequence[R]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            # the rows come in the service's order: keep the order the user chose (a new appraisal
            # among the others by its date, not first)
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if self.view.horizontalHeader().stretchLastSection():
            self.view.resizeColumnsToContents()
        if selected is not None:
            key = getattr(selected, "id", None)
            for i, row in enumerate(self.model.rows):
                if getattr(row, "id", None) == key:
                    self.view.selectRow(i)
                    break
        self._update_buttons()

    def selected(self) -> R | None:
        indexes = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(indexes[0].row()) if indexes else None

    def run_dialog(self, dialog: QDialog) -> None:
        """Open an edit dialog (what it saves is published by the task runner: the card reloads)."""
        dialog.exec()

    def delete_after_asking(self, title: str, question: str, delete: Callable[[UnitOfWork], object]) -> None:
        """Ask, then delete in a unit of work of its own; errors are shown, nothing half-done."""
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        attempt(self, lambda: self.tasks.now(delete))

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        has_row = self.selected() is not None
        for button in self._row_buttons:
            button.setEnabled(has_row)
