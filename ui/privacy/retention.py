"""Retention: the people whose retention period has run out, shown before they are anonymised (or
erased, as the register is set up), and the run itself on confirmation.

:func:`due_summary` is the cheap check made at start and by Innstillinger (a dry run of
:func:`competence.privacy.retention.apply_retention`); :func:`load_due` adds their names for
the dialog's list. The run is one transaction; the dialog then says what was done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.actions.privacy import preview_retention
from competence.privacy.retention import RetentionResult, apply_retention
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fmt_date
from ui.privacy.labels import people_text, retention_action_text, retention_due_text
from ui.widgets.screen import fit_when_shown
from ui.widgets.tables import Column, DataTable, RowTableModel


@dataclass(frozen=True)
class RetentionDue:
    """How many people are due, under which setting."""

    count: int
    months: int
    action: str
    cutoff: dt.date

    @property
    def text(self) -> str:
        return retention_due_text(self.count, self.months, self.action)


@dataclass(frozen=True)
class DuePerson:
    employee_no: str
    name: str
    left_on: dt.date


@dataclass(frozen=True)
class DueList:
    summary: RetentionDue
    people: tuple[DuePerson, ...]


def _summary(result: RetentionResult) -> RetentionDue:
    return RetentionDue(len(result.items), result.retention_months, result.action, result.cutoff)


def due_summary(uow: UnitOfWork) -> RetentionDue:
    """Who is due now, counted without changing anything (runs on a worker)."""
    return _summary(preview_retention(uow).result)


def load_due(uow: UnitOfWork) -> DueList:
    """The people due, with their names as the register has them now (runs on a worker)."""
    preview = preview_retention(uow, with_names=True)
    people = tuple(
        DuePerson(i.employee_no, preview.names.get(i.employee_no, ""), i.left_on)
        for i in preview.result.items
    )
    return DueList(_summary(preview.result), people)


class RetentionDialog(QDialog):
    """Lists the people due and applies the retention rule to them on confirmation."""

    # The run went through (the register changed).
    applied = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.due: DueList | None = None
        self.setWindowTitle(self.tr("Oppbevaringstiden er ute"))
        self.heading = QLabel(self.tr("Laster…"))
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Hvem det gjelder"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        columns: list[Column[DuePerson]] = [
            Column(self.tr("Ansattnr."), lambda p: p.employee_no),
            Column(self.tr("Navn"), lambda p: p.name),
            Column(self.tr("Sluttet"), lambda p: fmt_date(p.left_on), lambda p: p.left_on),
        ]
        self.model: RowTableModel[DuePerson] = RowTableModel(columns, parent=self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Personer som har passert oppbevaringstiden"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(
            self.tr(
                "Oppbevaringstiden og om personene anonymiseres eller slettes, stilles inn under "
                "Innstillinger. Sikkerhetskopier tatt før kjøringen inneholder fortsatt personene til "
                "de roteres bort."
            )
        )
        self.note.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Utfør"))  # named for what it does once loaded
        self.apply_button.setEnabled(False)
        self.apply_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        fit_when_shown(self)  # inside the screen, also a small one

    def load(self) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> DueList:
            return load_due(uow)

        self.ctx.tasks.run(job, on_done=self._loaded, parent=self)

    def _loaded(self, due: DueList) -> None:
        self.due = due
        summary = due.summary
        self.model.set_rows(due.people)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        if summary.count == 0:
            self.heading.setText(
                self.tr("Ingen som sluttet {date} eller før, venter på behandling.").format(
                    date=fmt_date(summary.cutoff)
                )
            )
        else:
            self.heading.setText(
                self.tr("<b>{text}</b> (sluttet {date} eller før).").format(
                    text=summary.text, date=fmt_date(summary.cutoff)
                )
            )
        self.explanation.setText(retention_action_text(summary.action))
        if summary.action == "erase":
            self.apply_button.setText(self.tr("Slett {people} &nå").format(people=people_text(summary.count)))
        else:
            self.apply_button.setText(
                self.tr("Anonymiser {people} &nå").format(people=people_text(summary.count))
            )
        self.apply_button.setEnabled(summary.count > 0)

    def confirm(self, summary: RetentionDue) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("{text}.\n\nVil du gjøre det nå? Det kan ikke angres.").format(text=summary.text),
        )
        return answer == QMessageBox.StandardButton.Yes

    def apply(self) -> None:
        if self.due is None or self.due.summary.count == 0 or not self.confirm(self.due.summary):
            return
        self.apply_button.setEnabled(False)

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RetentionResult:
            return apply_retention(uow)

        def failed(exc: BaseException) -> None:
            self.apply_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.tasks.run(
            job,
            on_done=self._applied,
            on_error=failed,
            parent=self,
            label=self.tr("Behandler personene som har passert oppbevaringstiden…"),
        )

    def _applied(self, result: RetentionResult) -> None:
        done = people_text(len(result.items))
        if result.action == "erase":
            text = self.tr("{people} er slettet.").format(people=done)
        else:
            text = self.tr("{people} er anonymisert.").format(people=done)
        self.ctx.status_message.emit(text)
        self.applied.emit(result)
        self.accept()


def open_retention_dialog(ctx: AppContext, parent: QWidget | None) -> RetentionDialog:
    """Show the dialog (non-blocking) and load its list."""
    dialog = RetentionDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    dialog.load()
    return dialog
