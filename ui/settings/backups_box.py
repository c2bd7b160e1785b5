"""Backups: the list of copies, "back up now" and restore (with a safety copy first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.backups import (
    AUTO_PREFIX,
    BackupFile,
    default_backup_dir,
    list_backups,
    restore_backup,
    take_backup,
)
from competence.changes import Changes
from competence.progress import CancelToken, Progress
from ui.context import AppContext
from ui.i18n import fmt_date, fmt_number
from ui.widgets.tables import Column, DataTable, RowTableModel


def _when(b: BackupFile) -> str:
    return f"{fmt_date(b.taken_at.date())} {b.taken_at:%H:%M}"


class BackupsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sikkerhetskopier"), parent)
        self.ctx = ctx
        self.folder = default_backup_dir(ctx.database)
        columns: list[Column[BackupFile]] = [
            Column(self.tr("Tatt"), _when, lambda b: b.taken_at),
            Column(
                self.tr("Type"),
                lambda b: (
                    self.tr("automatisk") if b.path.name.startswith(AUTO_PREFIX) else self.tr("manuell")
                ),
            ),
            Column(
                self.tr("Størrelse"),
                lambda b: self.tr("{size} MB").format(size=fmt_number(b.size / 1e6, 1)),
                lambda b: b.size,
                align_right=True,
            ),
            Column(self.tr("Fil"), lambda b: b.path.name),
        ]
        self.model: RowTableModel[BackupFile] = RowTableModel(columns, parent=self)
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Sikkerhetskopier"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(140)
        self.folder_label = QLabel(self.tr("Mappe: {folder}").format(folder=self.folder))
        self.folder_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Ta sikkerhetskopi &nå"))
        self.restore_button = QPushButton(self.tr("&Gjenopprett valgt kopi…"))
        self.restore_file_button = QPushButton(self.tr("Gjenopprett fr&a fil…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        self.model.set_rows(list_backups(self.folder))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def backup_now(self) -> None:
        database, actor = self.ctx.database, self.ctx.actor

        def job(progress: Progress, cancel: CancelToken) -> Path:
            return take_backup(database, actor=actor)

        def done(path: Path) -> None:
            self.ctx.tasks.publish(Changes(audit=True))  # the backup is noted in the audit log
            self.refresh()
            self.ctx.status_message.emit(self.tr("Sikkerhetskopi lagret: {path}").format(path=path))

        self.ctx.tasks.run_detached(job, on_done=done, parent=self, label=self.tr("Tar sikkerhetskopi…"))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.restore(backup.path)

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Velg sikkerhetskopi"),
            str(self.folder),
            self.tr("Sikkerhetskopier (*.db);;Alle filer (*)"),
        )
        if name:
            self.restore(Path(name))

    def confirm_restore(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Gjenopprett"),
            self.tr(
                "Erstatte hele registeret med innholdet i {name}?\n\nDet som ligger i registeret nå, "
                "lagres først i en egen sikkerhetskopi, så du kan angre."
            ).format(name=path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, path: Path) -> None:
        if not self.confirm_restore(path):
            return
        database, actor = self.ctx.database, self.ctx.actor

        def job(progress: Progress, cancel: CancelToken) -> Path:
            return restore_backup(database, path, actor=actor)

        def done(safety: Path) -> None:
            self.refresh()
            QMessageBox.information(
                self,
                self.tr("Gjenopprettet"),
                self.tr(
                    "Registeret er gjenopprettet fra {name}.\nDet forrige innholdet ligger i {safety}."
                ).format(name=path.name, safety=safety),
            )
            self.ctx.tasks.publish(Changes.everything())  # a whole register in place of the old

        self.ctx.tasks.run_detached(job, on_done=done, parent=self, label=self.tr("Gjenoppretter…"))
