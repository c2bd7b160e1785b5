"""10-FAKTOR in Innstillinger: the minimum group size of the survey results (docs/planning.md). A
group with fewer answers is never stored or shown; raising the minimum removes what is now under it,
in the same transaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from competence.progress import CancelToken, Progress
from competence.tenfactor.minimum import HIGHEST_MINIMUM, LOWEST_MINIMUM, get_minimum_group, set_minimum_group
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fmt_int


class SurveyBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("10-FAKTOR"), parent)
        self.ctx = ctx
        self.minimum = QSpinBox()
        self.minimum.setRange(LOWEST_MINIMUM, HIGHEST_MINIMUM)
        self.minimum.setSuffix(self.tr(" svar"))
        self.minimum.setAccessibleName(self.tr("Minste gruppestørrelse"))
        self.saved_minimum = LOWEST_MINIMUM
        label = QLabel(self.tr("&Minste gruppestørrelse:"))
        label.setBuddy(self.minimum)
        self.save_button = QPushButton(self.tr("Lagre minst&egrensen"))
        self.save_button.setEnabled(False)
        note = QLabel(
            self.tr(
                "Resultater for grupper med færre svar enn dette leses aldri inn og vises aldri. KS viser "
                "ikke grupper under {lowest} svar, så grensen kan bare heves. Hever du den, fjernes "
                "resultater som nå er under den."
            ).format(lowest=LOWEST_MINIMUM)
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.minimum)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        self.minimum.valueChanged.connect(
            lambda value: self.save_button.setEnabled(value != self.saved_minimum)
        )
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> int:
            return get_minimum_group(uow)

        self.ctx.tasks.run(job, on_done=self.show_minimum, parent=self, latest="minimum")

    def show_minimum(self, minimum: int) -> None:
        self.saved_minimum = minimum
        self.minimum.setValue(minimum)
        self.save_button.setEnabled(False)

    def save(self) -> None:
        value = self.minimum.value()
        if value > self.saved_minimum:
            answer = QMessageBox.question(
                self,
                self.tr("Heve minstegrensen?"),
                self.tr(
                    "Resultater fra grupper med færre enn {minimum} svar blir fjernet. Fortsette?"
                ).format(minimum=value),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctx = self.ctx

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> int:
            return set_minimum_group(uow, value)

        def done(removed: int) -> None:
            self.show_minimum(value)
            ctx.status_message.emit(
                self.tr("Minstegrensen er {minimum} svar; {removed} snitt under den er fjernet.").format(
                    minimum=value, removed=fmt_int(removed)
                )
            )

        ctx.tasks.run(job, on_done=done, on_error=lambda exc: show_error(self, exc), parent=self)
