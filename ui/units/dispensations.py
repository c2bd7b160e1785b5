"""Enheter → *Dispensasjoner*: the posts of the units shown that meet a qualification requirement
only by a dispensation, and when it ends (docs/compliance.md). Enter or a double click opens the
person's card."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from competence.compliance.report import DispensationInUse
from ui.i18n import current_language, fmt_date
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel


class DispensationsTab(QWidget):
    #: a person's card is asked for (their employee id)
    employee_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        columns: list[Column[DispensationInUse]] = [
            Column(self.tr("Enhet"), lambda d: f"{d.unit_number} {d.unit_name}"),
            Column(self.tr("Navn"), lambda d: d.name),
            Column(self.tr("Fra kravet om"), lambda d: d.qualification_display(lang)),
            Column(self.tr("Gjelder til"), lambda d: fmt_date(d.ends_on), lambda d: d.ends_on),
            Column(self.tr("Innvilget av"), lambda d: d.granted_by or ""),
        ]
        self.model: RowTableModel[DispensationInUse] = RowTableModel(columns, parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Stillinger som hviler på en dispensasjon"))
        self.view.setToolTip(self.tr("Enter eller dobbeltklikk åpner ansattkortet"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.fitter = ColumnFitter(self.view, 4, cap=220, stretch_min=120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._open)

    def set_rows(self, rows: Sequence[DispensationInUse]) -> None:
        self.model.set_rows(rows)
        self.hint.setText(
            self.tr(
                "Stillinger som bare oppfyller et kvalifikasjonskrav rollen stiller fordi personen har "
                "dispensasjon. Når dispensasjonen utløper, mangler kravet."
            )
            if rows
            else self.tr("Ingen stilling i utvalget hviler på en dispensasjon.")
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.data(index, ROW_ROLE)
            if isinstance(row, DispensationInUse):
                self.employee_requested.emit(row.employee_id)
