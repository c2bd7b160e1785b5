"""The audit log: who did what when, filtered by action, employee number and date,
and exported to CSV (for Excel) or JSON for the data controller.

The list shows the newest :data:`SHOWN` events that match; the export writes every event that
matches, through :func:`competence.privacy.auditlog.export_audit_log` (owner-only, audited).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence import audit
from competence.actions.privacy import export_audit_events
from competence.audit import AuditEntry
from competence.clock import today
from competence.files import file_error
from competence.identifiers import canonical_number
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import fmt_date, fmt_int
from ui.privacy.labels import action_label, entity_label
from ui.reports.files import ask_save_path, open_path, safe_file_name
from ui.widgets.date_edit import DateEdit
from ui.widgets.screen import fit_when_shown
from ui.widgets.tables import Column, DataTable, RowTableModel

# How many events the list shows at most (the newest); the export has no such limit.
SHOWN = 1000
# The export's limit: in practice every event that matches.
EXPORT_LIMIT = 10_000_000


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    employee_no: str | None = None
    since: dt.date | None = None

    @property
    def since_utc(self) -> dt.datetime | None:
        """The first day's local midnight, in the log's naive UTC."""
        if self.since is None:
            return None
        return dt.datetime.combine(self.since, dt.time()).astimezone(dt.UTC).replace(tzinfo=None)

    def events(self, uow: UnitOfWork, limit: int) -> list[AuditEntry]:
        return audit.list_events(
            uow, limit=limit, action=self.action, employee_no=self.employee_no, since=self.since_utc
        )


def export_events(uow: UnitOfWork, chosen: AuditFilter, target: Path, cancel: CancelToken) -> int:
    """Write every matching event to ``target`` (``.json`` or CSV); returns how many (on a worker)."""
    try:  # the service writes owner-only and all or nothing, choosing the format by the suffix
        return export_audit_events(
            uow,
            target,
            limit=EXPORT_LIMIT,
            action=chosen.action,
            employee_no=chosen.employee_no,
            since=chosen.since_utc,
            cancel=cancel,
        )
    except OSError as exc:
        raise file_error(exc, target) from exc


def details_text(details: dict[str, Any]) -> str:
    """ "rows: 3, format: csv": the details as short pairs (they hold counts and codes only)."""
    return ", ".join(
        f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)}"
        for key, value in details.items()
    )


def _when(entry: AuditEntry) -> str:
    """The event's time on this computer's clock (the log stores UTC)."""
    local = entry.at.replace(tzinfo=dt.UTC).astimezone()
    return f"{fmt_date(local.date())} {local:%H:%M:%S}"


class AuditLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Revisjonslogg"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Handling"))
        self.action.addItem(self.tr("Alle handlinger"), None)
        for code in sorted(audit.ACTIONS, key=action_label):
            self.action.addItem(action_label(code), code)
        self.employee = QLineEdit()
        self.employee.setAccessibleName(self.tr("Ansattnummer"))
        self.employee.setPlaceholderText(self.tr("alle"))
        self.employee.setClearButtonEnabled(True)
        self.employee.setMaximumWidth(160)
        self.since = DateEdit(None, optional=True)
        self.show_button = QPushButton(self.tr("&Vis"))
        self.show_button.setDefault(True)
        filters = QHBoxLayout()
        action_label_widget = QLabel(self.tr("&Handling:"))
        action_label_widget.setBuddy(self.action)
        employee_label = QLabel(self.tr("&Ansattnr.:"))
        employee_label.setBuddy(self.employee)
        filters.addWidget(action_label_widget)
        filters.addWidget(self.action)
        filters.addWidget(employee_label)
        filters.addWidget(self.employee)
        since_label = QLabel(self.tr("&Fra og med:"))
        since_label.setBuddy(self.since)
        self.since.setAccessibleName(self.tr("Fra og med dato"))
        filters.addWidget(since_label)
        filters.addWidget(self.since)
        filters.addWidget(self.show_button)
        filters.addStretch(1)

        columns: list[Column[AuditEntry]] = [
            Column(self.tr("Tidspunkt"), _when, lambda e: e.at),
            Column(self.tr("Bruker"), lambda e: e.actor),
            Column(self.tr("Handling"), lambda e: action_label(e.action)),
            Column(self.tr("Gjelder"), lambda e: entity_label(e.entity)),
            Column(self.tr("Ansattnr."), lambda e: e.employee_no or ""),
            Column(
                self.tr("Detaljer"),
                lambda e: details_text(e.details),
                tooltip=lambda e: details_text(e.details),
            ),
        ]
        self.model: RowTableModel[AuditEntry] = RowTableModel(columns, parent=self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Hendelser i revisjonsloggen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Antall hendelser"))
        note = QLabel(
            self.tr(
                "Loggen viser hvem som gjorde hva og når. Den inneholder aldri navn, e-post eller fritekst, "
                "bare ansattnummeret. Etter en sletting står bare at en sletting fant sted."
            )
        )
        note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Eksporter…"))
        self.export_button.setToolTip(
            self.tr("Alle hendelser som passer til filteret, som CSV (Excel) eller JSON")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(980, 560)
        fit_when_shown(self)  # inside the screen, also a small one

        self.show_button.clicked.connect(self.load)
        self.action.currentIndexChanged.connect(self.load)
        self.employee.returnPressed.connect(self.load)
        self.since.committed.connect(self.load)
        self.export_button.clicked.connect(self.export)

    def current_filter(self) -> AuditFilter:
        action = self.action.currentData()
        return AuditFilter(
            action=str(action) if action else None,
            employee_no=canonical_number(self.employee.text()),
            since=self.since.value(),
        )

    def load(self) -> None:
        """Fetch the newest matching events on a worker (a later request wins over an earlier one)."""
        if not self.since.check():
            return  # the message is under the date; nothing is fetched for a date that is not one
        chosen = self.current_filter()
        self.count.setText(self.tr("Laster…"))
        self.ctx.tasks.run(
            lambda uow, progress, cancel: chosen.events(uow, SHOWN),
            on_done=self._show,
            parent=self,
            latest="events",
        )

    def _show(self, entries: list[AuditEntry]) -> None:
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        if len(entries) >= SHOWN:
            text = self.tr("Viser de {n} nyeste hendelsene. Eksporter for å få alle.").format(
                n=fmt_int(SHOWN)
            )
        else:
            text = self.tr("{n} hendelser").format(n=fmt_int(len(entries)))
        self.count.setText(text)

    def export(self) -> None:
        if not self.since.check():
            self.since.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        target = ask_save_path(
            self,
            self.ctx.preferences,
            self.tr("Eksporter revisjonsloggen"),
            safe_file_name(self.tr("Revisjonslogg {date}").format(date=today().isoformat()), ".csv"),
            self.tr("CSV for Excel (*.csv);;JSON-fil (*.json)"),
        )
        if target is None:
            return
        chosen = self.current_filter()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> int:
            return export_events(uow, chosen, target, cancel)

        def done(count: int) -> None:
            self.ctx.status_message.emit(
                QCoreApplication.translate("Personvern", "{n} hendelser eksportert til {path}").format(
                    n=fmt_int(count), path=target
                )
            )
            self.load()  # the export is itself in the log now
            open_path(target)

        self.ctx.tasks.run(
            job, on_done=done, parent=self, label=self.tr("Eksporterer revisjonsloggen…"), cancellable=True
        )


def open_audit_log(ctx: AppContext, parent: QWidget | None) -> AuditLogDialog:
    """Show the log (non-blocking) and load the newest events."""
    dialog = AuditLogDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.load()
    return dialog
