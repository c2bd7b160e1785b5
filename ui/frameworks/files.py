"""Framework files (docs/frameworks.md): import one into the register, export one, on a worker.

A refused file gets the service's message (which names the place in the file); the register is left
as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from competence.frameworks.queries import FrameworkSummary
from competence.frameworks.results import LoadResult
from competence.frameworks.transfer import ExportResult, export_framework, import_framework_file
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import current_language
from ui.importing.files import choose_open_file, choose_save_file
from ui.worker import Task

PURPOSE = "frameworks"


class FrameworkFiles(QObject):
    #: A file was imported; the id of the framework it added or updated.
    imported = Signal(int)
    #: A framework was written to a file.
    exported = Signal(object)

    def __init__(self, ctx: AppContext, widget: QWidget) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.widget = widget

    def _filters(self) -> str:
        return self.tr("Rammeverksfiler (*.json);;Alle filer (*)")

    # --- import -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path = choose_open_file(
            self.widget, self.ctx.preferences, PURPOSE, self.tr("Importer rammeverk"), self._filters()
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> Task[LoadResult]:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> LoadResult:
            return import_framework_file(uow, path)

        return self.ctx.tasks.run(
            job, on_done=self._imported, parent=self.widget, label=self.tr("Leser inn rammeverket…")
        )

    def _imported(self, result: LoadResult) -> None:
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Rammeverket er lest inn"))
        box.setText(result.message(current_language()))
        box.open()
        self.ctx.status_message.emit(result.message(current_language()))
        if result.framework_id is not None:
            self.imported.emit(result.framework_id)

    # --- export -------------------------------------------------------------------------------
    def choose_export(self, framework: FrameworkSummary) -> None:
        suggested = re.sub(r"[^\w.-]+", "-", framework.key).strip("-") + ".json"
        path = choose_save_file(
            self.widget,
            self.ctx.preferences,
            PURPOSE,
            self.tr("Eksporter rammeverk"),
            suggested,
            self._filters(),
        )
        if path is not None:
            self.export_to(framework, path)

    def export_to(self, framework: FrameworkSummary, path: Path) -> Task[ExportResult]:
        if not path.suffix:
            path = path.with_suffix(".json")

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> ExportResult:
            return export_framework(uow, framework.id, path)

        return self.ctx.tasks.run(
            job, on_done=self._exported, parent=self.widget, label=self.tr("Lagrer rammeverket…")
        )

    def _exported(self, result: ExportResult) -> None:
        self.ctx.status_message.emit(
            self.tr("«{name}» (versjon {version}) er lagret i {path}").format(
                name=result.name, version=result.version, path=result.path
            )
        )
        self.exported.emit(result)
