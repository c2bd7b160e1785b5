"""Personvern in Innstillinger: who is past the retention period (with "Vis og utfør…") and the
audit log. The retention period itself is set with the register's settings above."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import fmt_date
from ui.privacy.labels import months_text
from ui.privacy.retention import RetentionDue, due_summary, open_retention_dialog


class PrivacyBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Personvern"), parent)
        self.ctx = ctx
        self.due: RetentionDue | None = None
        self.retention_status = QLabel(self.tr("Sjekker oppbevaringstiden…"))
        self.retention_status.setWordWrap(True)
        self.retention_status.setAccessibleName(self.tr("Oppbevaringstid"))
        self.retention_button = QPushButton(self.tr("Vis og &utfør…"))
        self.retention_button.setAccessibleName(self.tr("Vis og utfør oppbevaringsregelen"))
        self.retention_button.setEnabled(False)
        self.audit_button = QPushButton(self.tr("Vis rev&isjonsloggen…"))
        note = QLabel(
            self.tr(
                "Innsyn i og sletting av én person gjøres fra ansattkortet (knappen Personvern). "
                "Revisjonsloggen viser hvem som har importert, endret, eksportert, gjenopprettet, "
                "anonymisert og slettet, og kan eksporteres til kommunens personvernombud."
            )
        )
        note.setWordWrap(True)
        retention_row = QHBoxLayout()
        retention_row.addWidget(self.retention_status, 1)
        retention_row.addWidget(self.retention_button)
        audit_row = QHBoxLayout()
        audit_row.addWidget(self.audit_button)
        audit_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(retention_row)
        layout.addWidget(note)
        layout.addLayout(audit_row)
        self.retention_button.clicked.connect(self.open_retention)
        self.audit_button.clicked.connect(self.open_audit_log)

    def refresh(self) -> None:
        """Count who is due under the saved settings (on a worker)."""

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RetentionDue:
            return due_summary(uow)

        self.ctx.tasks.run(job, on_done=self.show_due, parent=self, latest="due")

    def show_due(self, due: RetentionDue) -> None:
        self.due = due
        if due.count:
            self.retention_status.setText(
                self.tr("{text} (sluttet {date} eller før).").format(text=due.text, date=fmt_date(due.cutoff))
            )
        else:
            self.retention_status.setText(
                self.tr("Ingen har passert oppbevaringstiden ({months} etter sluttdato).").format(
                    months=months_text(due.months)
                )
            )
        self.retention_button.setEnabled(due.count > 0)

    def open_retention(self) -> None:
        open_retention_dialog(self.ctx, self.window())

    def open_audit_log(self) -> None:
        from ui.privacy.auditlog import open_audit_log  # not needed until asked for

        open_audit_log(self.ctx, self.window())
