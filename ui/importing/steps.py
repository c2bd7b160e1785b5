"""Wizard pages whose "Neste" first runs a background job (read the file, preview, import).

QWizard asks a page synchronously whether it may move on (``validatePage``). A :class:`StepPage`
answers "not yet", starts its job on the app's task runner (own unit of work, progress dialog after
a short delay) and, when the job succeeds, hands the result to the page and moves the wizard on. An
error is shown the usual way (a user error as a message, a bug as a report) and the wizard stays
where it is, so the user can correct the choice and try again. The window never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from competence.errors import ValidationError
from competence.files import write_private_text
from competence.progress import Cancelled
from ui.context import AppContext
from ui.errors import show_error
from ui.importing.files import choose_open_file, choose_save_file
from ui.widgets.fields import ERROR_STYLE
from ui.widgets.forms import confirm_discard
from ui.widgets.screen import fit_when_shown
from ui.worker import Job, Task


@dataclass(frozen=True)
class Step:
    """The job a page runs before the wizard moves on, and what to do with its result."""

    job: Job[Any]
    done: Callable[[Any], None]
    label: str
    cancellable: bool = False


class StepPage(QWizardPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task[Any] | None = None
        self._cancellable = False
        self._passed = False
        #: What the page is doing, or why the last attempt did not succeed.
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # --- for subclasses -----------------------------------------------------------------------
    def next_step(self) -> Step | None:
        """The job to run before moving on; None to move on at once."""
        return None

    def ready(self) -> bool:
        """Whether the page's input is complete (Neste is enabled)."""
        return True

    # --- QWizardPage --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def isComplete(self) -> bool:
        return not self.busy and self.ready()

    def validatePage(self) -> bool:
        if self._passed:
            self._passed = False
            return True
        if self.busy:
            return False
        step = self.next_step()
        if step is None:
            return True
        self.run(step, advance=True)
        return False

    def run(self, step: Step, *, advance: bool = False, latest: str | None = None) -> Task[Any]:
        """Run ``step`` in the background; with ``advance`` the wizard moves on when it succeeds;
        with ``latest`` it replaces the step last run under that name (its result is dropped)."""
        self.status.setStyleSheet("")
        self.status.setText(step.label)

        def done(result: Any) -> None:
            self.status.clear()
            step.done(result)
            self.completeChanged.emit()
            wizard = self.wizard()
            if advance and wizard is not None and wizard.isVisible() and wizard.currentPage() is self:
                self._passed = True
                wizard.next()
                self._passed = False

        def failed(exc: BaseException) -> None:
            self.completeChanged.emit()
            if isinstance(exc, Cancelled):
                self.show_problem(self.tr("Avbrutt. Ingenting ble endret."))
                return
            self.status.clear()
            show_error(self, exc)

        self._cancellable = step.cancellable
        self.task = self.ctx.tasks.run(
            step.job,
            on_done=done,
            on_error=failed,
            parent=self,
            label=step.label,
            cancellable=step.cancellable,
            latest=latest,
        )
        self.completeChanged.emit()
        return self.task

    def show_problem(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def cancel_running(self) -> bool:
        """Ask a running cancellable job to stop (it writes nothing); True when there was one.

        A job that only reads (the file, a preview) is not waited for: the wizard simply closes and
        its result is dropped."""
        if self.busy and self.task is not None and self._cancellable:
            self.task.cancel()
            return True
        return False


class StepWizard(QWizard):
    """A wizard of :class:`StepPage`\\ s. Cancel while a job runs asks the job to stop first."""

    #: Something was written to the register (the service's result is the argument).
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tilbake"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Neste >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Ferdig"))
        self.resize(900, 640)
        fit_when_shown(self)  # inside the screen, also a small one

    def add_pages(self, *pages: QWizardPage) -> None:
        """The pages in order; their ids are their positions (the modules' ``*_PAGE`` constants)."""
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        self.setStartId(0)

    def written(self, result: object) -> None:
        """A page wrote to the register (the task runner tells the screens what changed)."""
        self.imported.emit(result)

    def reject(self) -> None:
        page = self.currentPage()
        if isinstance(page, StepPage) and page.cancel_running():
            return  # the job stops (nothing is written); the user may then close the wizard
        midway = self.currentId() != self.startId() and self.nextId() != -1
        if midway and not confirm_discard(self):
            return  # Escape halfway through (a file read, columns chosen) asks first
        super().reject()


class FilePage(StepPage):
    """Choose a spreadsheet: type the path, or Bla gjennom… (the folder is remembered)."""

    def __init__(self, ctx: AppContext, *, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        #: Which folder the file dialog remembers; its title and filters are set by the subclass.
        self.purpose = purpose
        self.dialog_title = ""
        self.filters = ""
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Filen som skal leses inn"))
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.browse = QPushButton(self.tr("&Bla gjennom…"))
        self.browse.clicked.connect(self.choose)
        label = QLabel(self.tr("&Fil:"))
        label.setBuddy(self.path_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        box = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        box.addWidget(self.intro)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addStretch(1)

    def choose(self) -> None:
        path = choose_open_file(self, self.ctx.preferences, self.purpose, self.dialog_title, self.filters)
        if path is not None:
            self.path_edit.setText(str(path))

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def ready(self) -> bool:
        return bool(self.path_edit.text().strip())


class ReportPage(StepPage):
    """The last page: what was done, with the report to copy or save as a text file."""

    def __init__(self, ctx: AppContext, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.copy_button = QPushButton(self.tr("&Kopier rapporten"))
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button = QPushButton(self.tr("&Lagre som tekst…"))
        self.save_button.clicked.connect(self.choose_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(content, 1)
        box.addLayout(buttons)
        box.addWidget(self.status)

    def text(self) -> str:
        """The report as plain text."""
        raise NotImplementedError

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Rapporten er kopiert."))

    def choose_file(self) -> None:
        path = choose_save_file(
            self,
            self.ctx.preferences,
            "reports",
            self.tr("Lagre rapporten"),
            self.tr("importrapport.txt"),
            self.tr("Tekstfiler (*.txt);;Alle filer (*)"),
        )
        if path is not None:
            self.save(path)

    def save(self, path: Path) -> bool:
        try:
            write_private_text(path, self.text())  # names people: owner-only, like every export
        except OSError as exc:
            show_error(
                self,
                ValidationError(
                    f"Kan ikke lagre {path}: {exc.strerror}.", f"Cannot save {path}: {exc.strerror}."
                ),
            )
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Rapporten er lagret i {path}.").format(path=path))
        return True
