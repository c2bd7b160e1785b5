"""A damaged register at start: say so, name the newest backup, and restore it on request.

Opening refused the file without writing to it (:func:`db.session.open_database`). This dialog
keeps it that way: it only looks in the backup folder, and "Gjenopprett fra sikkerhetskopi" runs
:func:`competence.backups.restore_over_damaged`, which moves the damaged file aside (renamed, never
written to or deleted) and puts the backup in its place. Start-up then opens the restored register.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.backups import BackupFile, list_backups, restore_over_damaged
from competence.progress import CancelToken, Progress
from db.engine import backup_dir_for
from db.errors import DatabaseCorruptError
from ui.errors import show_error
from ui.i18n import fmt_date
from ui.widgets.screen import fit_when_shown
from ui.worker import TaskRunner

log = logging.getLogger("kompetanseregister.ui")


class DamagedDatabaseDialog(QDialog):
    """Emits :attr:`restored` (backup used, where the damaged file went) before it closes accepted;
    closes rejected when the user chooses to quit."""

    restored = Signal(Path, Path)

    def __init__(
        self, error: DatabaseCorruptError, url: str, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        fit_when_shown(self)  # inside the screen, also a small one
        self.url = url
        self.tasks = tasks
        self.folder = backup_dir_for(url, create=False)
        backups = list_backups(self.folder)
        self.newest: BackupFile | None = backups[0] if backups else None
        location = str(error.details.get("location", ""))
        log.warning("Skadet databasefil ved oppstart: %s", error.details.get("detail", ""))
        self.setWindowTitle(self.tr("Databasefilen er skadet"))
        text = self.tr(
            "<h3>Registeret kan ikke åpnes</h3><p>Databasefilen {location} er skadet og kan ikke brukes. "
            "Ingenting er skrevet til den.</p>"
        ).format(location=location)
        if self.newest is not None:
            taken = self.newest.taken_at
            text += self.tr(
                "<p>Nyeste sikkerhetskopi er <b>{name}</b>, tatt {date} kl. {time}.</p><p>Gjenoppretter du "
                "den, flyttes den skadede filen til side (den slettes ikke), og kopien tas i bruk. Det som "
                "ble lagt inn etter at kopien ble tatt, må legges inn på nytt.</p>"
            ).format(name=self.newest.path.name, date=fmt_date(taken.date()), time=f"{taken:%H:%M}")
        else:
            text += self.tr(
                "<p>Det finnes ingen sikkerhetskopi i {folder}. Velg en sikkerhetskopi du har lagret et "
                "annet sted, eller avslutt og kontakt IT.</p>"
            ).format(folder=self.folder)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Melding om skadet database"))
        self.restore_button = QPushButton(self.tr("&Gjenopprett fra sikkerhetskopi"))
        self.choose_button = QPushButton(self.tr("&Velg en annen sikkerhetskopi…"))
        self.quit_button = QPushButton(self.tr("&Avslutt"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setVisible(self.newest is not None)  # after addButton, which shows it
        self.restore_button.clicked.connect(self.restore_newest)
        self.choose_button.clicked.connect(self.choose_backup)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.restore_button if self.newest is not None else self.choose_button).setDefault(True)
        self.setMinimumWidth(560)

    def restore_newest(self) -> None:
        if self.newest is not None:
            self.restore(self.newest.path)

    def choose_backup(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Velg sikkerhetskopi"),
            str(self.folder if self.folder.is_dir() else Path.home()),
            self.tr("Sikkerhetskopier (*.db);;Alle filer (*)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, source: Path) -> None:
        """Put ``source`` in place of the damaged file (on a worker); errors leave the dialog open."""
        url = self.url
        self._set_busy(True)

        def job(progress: Progress, cancel: CancelToken) -> Path:
            return restore_over_damaged(url, source)

        def done(damaged: Path) -> None:
            log.info("Skadet database flyttet til %s; gjenopprettet fra %s", damaged.name, source.name)
            self.restored.emit(source, damaged)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, exc)

        self.tasks.run_detached(
            job, on_done=done, on_error=failed, parent=self, label=self.tr("Gjenoppretter…")
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.choose_button, self.quit_button):
            button.setEnabled(not busy)
