"""Erasure (GDPR art. 17) from the employee card.

First a dry run of :func:`competence.privacy.erasure.erase_person` counts what would go (on a
worker, nothing changed); the confirmation dialog lists it, says that backups still hold the person
until they are rotated out, and asks for the employee number to be typed. Only then is the person
erased, on a worker, in one transaction; the service then compacts the database file so the name
is gone from its bytes too.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from competence.actions.privacy import ErasurePreview, preview_erasure
from competence.identifiers import canonical_number
from competence.privacy.compaction import Compaction
from competence.privacy.erasure import ErasureResult, erase_person
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.privacy.labels import role_label, table_label
from ui.widgets.screen import fit_when_shown


def preview_lines(counts: ErasureResult) -> list[str]:
    """One line per kind of data that goes, with its count; kinds with nothing are left out."""
    lines = [f"{table_label(table)}: {n}" for table, n in counts.rows_deleted.items() if n]
    lines += [
        QCoreApplication.translate("Personvern", "{role}: fjernes fra {n} rader").format(
            role=role_label(key), n=n
        )
        for key, n in counts.references_cleared.items()
        if n
    ]
    if counts.mentions_removed:
        lines.append(
            QCoreApplication.translate(
                "Personvern", "Navn, e-post og ansattnummer fjernes fra andres tekst: {n} felt"
            ).format(n=counts.mentions_removed)
        )
    if counts.audit_events_removed:
        lines.append(
            QCoreApplication.translate(
                "Personvern", "Hendelser i revisjonsloggen med ansattnummeret: {n}"
            ).format(n=counts.audit_events_removed)
        )
    return lines


class ErasureDialog(QDialog):
    """Says what goes and asks for the employee number; accepted only when it is typed right."""

    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Slett personen (personvern)"))
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("<h3>Slette {name} (ansattnr. {number}) for godt?</h3>").format(
                name=escape(preview.name), number=escape(preview.employee_no)
            )
        )
        layout.addWidget(heading)
        items = "".join(f"<li>{escape(line)}</li>" for line in preview_lines(preview.counts))
        self.summary = QLabel(self.tr("<p>Dette slettes:</p><ul>{items}</ul>").format(items=items))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Dette slettes"))
        layout.addWidget(self.summary)
        self.note = QLabel(
            self.tr(
                "Revisjonsloggen beholder bare at en sletting fant sted, uten ansattnummer eller navn. "
                "Slettingen kan ikke angres.\n\nSikkerhetskopier tatt før slettingen inneholder fortsatt "
                "personen til de roteres bort (de {keep} nyeste automatiske kopiene beholdes). Manuelle "
                "kopier må du slette selv. Gjenoppretter du en eldre kopi, må slettingen gjøres på nytt."
            ).format(keep=preview.backups_kept)
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        prompt = QLabel(
            self.tr("S&kriv ansattnummeret {number} for å bekrefte:").format(number=preview.employee_no)
        )
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName(self.tr("Ansattnummer som bekreftelse"))
        prompt.setBuddy(self.confirmation)
        layout.addWidget(prompt)
        layout.addWidget(self.confirmation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.erase_button = QPushButton(self.tr("Slett pers&onen"))
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.confirmation.textChanged.connect(self._update)
        self.confirmation.setFocus()
        self.setMinimumWidth(520)
        fit_when_shown(self)  # inside the screen, also a small one

    def confirmed(self) -> bool:
        typed = canonical_number(self.confirmation.text())
        return typed is not None and typed == canonical_number(self.preview.employee_no)

    def _update(self) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def accept(self) -> None:
        if self.confirmed():  # Enter in the field must not get past the check either
            super().accept()


def start_erasure(
    ctx: AppContext, parent: QWidget, employee_no: str, name: str, on_erased: Callable[[], None]
) -> None:
    """Preview, ask, erase; ``on_erased`` runs once the person is gone."""

    def preview_job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> ErasurePreview:
        return preview_erasure(uow, employee_no, name)

    def ask(preview: ErasurePreview) -> None:
        dialog = ErasureDialog(preview, parent)
        confirmed = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not confirmed:
            return
        ctx.tasks.run(
            lambda uow, progress, cancel: erase_person(uow, employee_no),
            on_done=erased,
            parent=parent,
            label=QCoreApplication.translate("Personvern", "Sletter personen…"),
        )

    def erased(result: ErasureResult) -> None:
        ctx.status_message.emit(
            QCoreApplication.translate("Personvern", "{name} er slettet ({rows} rader).").format(
                name=name, rows=result.total_rows
            )
        )
        on_erased()
        if result.compaction == Compaction.NEEDS_OWNER:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("Personvern", "Slettet"),
                QCoreApplication.translate(
                    "Personvern",
                    "Personen er slettet. Bare eieren av det felles registeret kan bygge tabellene om "
                    "(VACUUM FULL), så rester av de slettede dataene kan ligge i databasefilenes ledige "
                    "plass til serveren bruker den igjen. Be databaseansvarlig kjøre VACUUM FULL "
                    "(docs/privacy.md).",
                ),
            )
        elif not result.compacted:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("Personvern", "Slettet"),
                QCoreApplication.translate(
                    "Personvern",
                    "Personen er slettet, men databasen var i bruk av noen andre, så filen kunne ikke "
                    "ryddes helt nå. Rester av de slettede dataene kan ligge igjen i filen til neste "
                    "sletting eller anonymisering.",
                ),
            )

    ctx.tasks.run(
        preview_job,
        on_done=ask,
        parent=parent,
        label=QCoreApplication.translate("Personvern", "Teller det som slettes…"),
    )
