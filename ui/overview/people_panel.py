"""An Oversikt panel that lists people: a summary line over a table, one row per person (or per
person and requirement); Enter or a double click opens the person's card. The panels of mandatory
requirements (compliance_panel.py) and of talks (talks_panel.py) are made of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui import status_colours as tone
from ui.context import AppContext
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel


class _OfAPerson(Protocol):
    @property
    def employee_id(self) -> int: ...


R = TypeVar("R", bound=_OfAPerson)


class PeoplePanel(QGroupBox, Generic[R]):
    #: The figures for the unit asked for have arrived.
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        columns: list[Column[R]],
        *,
        table_name: str,
        open_hint: str,
        cap: int,
        optional: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``title``, ``table_name`` (what a screen reader calls the table) and ``open_hint`` come
        translated by the panel itself (its own translation context). ``optional``: the columns
        that give way on a narrow screen, first listed first (their text is in a tooltip too)."""
        super().__init__(title, parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: RowTableModel[R] = RowTableModel(columns, parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(table_name)
        self.view.setToolTip(open_hint)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAlternatingRowColors(True)
        self.view.setMinimumHeight(160)
        self.view.setWordWrap(False)
        self.fitter = ColumnFitter(self.view, 1, cap=cap, stretch_min=120)
        self.fitter.optional = list(optional)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.view.activated.connect(self._open)

    def show_rows(self, rows: Sequence[R], summary: str, *, warn: bool) -> None:
        """The rows and the line above them (in the warning red when ``warn``); then :attr:`loaded`."""
        self.model.set_rows(rows)
        self.summary.setText(summary)
        self.summary.setStyleSheet(tone.WARNING_STYLE if warn else "")
        self.loaded.emit()

    def _open(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.ctx.employee_requested.emit(row.employee_id)
