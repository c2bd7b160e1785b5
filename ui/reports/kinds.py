"""The exports as the Rapporter screen offers them: the registry's exports
(:data:`competence.export.registry.EXPORTS`, the same the command line offers, with the same
defaults) with what the screen adds: the default file name, where the file is written, and the
sentence that tells the user what was written.

The export libraries (openpyxl, reportlab) are imported by the registry when an export runs, never
when the app starts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from competence.clock import today
from competence.export.registry import EXPORTS, PLAN, Export, ExportRequest, Output, UnitNeed, find_export
from competence.export.results import BatchResult, ExportResult
from competence.files import file_error
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.i18n import current_language
from ui.reports.files import dated_file_name, safe_file_name, write_into_place

__all__ = ["EXPORTS", "PLAN", "Choice", "Export", "UnitNeed", "Written", "find_export", "run"]


@dataclass(frozen=True)
class Choice:
    """What the user chose on the form, with the names its default file name is made of."""

    export: Export[ExportResult]
    unit_number: str | None = None
    # the unit's name for file names ("Hjemmetjenesten"), or the whole municipality's
    scope_name: str = ""
    subunits: bool = True
    employee_no: str | None = None
    # "Etternavn Fornavn" for the file name of one person's plan
    person_name: str = ""
    talk_on: dt.date | None = None
    # a batch: also all the plans in one file, beside them
    combined: bool = False
    #: the language the export is written in: the UI's
    lang: str = field(default_factory=current_language)

    @property
    def title(self) -> str:
        return self.export.label_in(current_language())

    def default_name(self, on: dt.date) -> str:
        export = self.export
        words = export.file_words[1 if current_language() == "en" else 0]
        suffix = export.output.suffix
        if export.person:
            return safe_file_name(f"{words} {self.employee_no or ''} {self.person_name}", suffix)
        return dated_file_name(words, self.scope_name, on, suffix)

    def request(self, target: Path) -> ExportRequest:
        """The registry's request; a batch's combined file goes beside the plans in ``target``."""
        batch = self.export.output is Output.PDF_FOLDER
        return self.export.request(
            unit_number=self.unit_number,
            subunits=self.subunits,
            employee_no=self.employee_no,
            talk_on=self.talk_on,
            combined=target / self.default_name(today()) if batch and self.combined else None,
            lang=self.lang,
        )


@dataclass(frozen=True)
class Written:
    """What an export produced: a file, or a folder of files (the batch)."""

    path: Path
    summary: str
    folder: Path
    result: ExportResult
    # the file to open: the file written, or a batch's combined PDF (None without one)
    main_file: Path | None = None


def run(uow: UnitOfWork, choice: Choice, target: Path, progress: Progress, cancel: CancelToken) -> Written:
    """The job for the worker. A file is written through a temporary name (see
    :func:`ui.reports.files.write_into_place`); a batch goes straight into its folder, where the
    use case stages the files itself and stops between chunks when cancelled."""
    export, request = choice.export, choice.request(target)
    if export.output is not Output.PDF_FOLDER:
        result = write_into_place(
            target, lambda path: export.run(uow, request, path, progress, cancel), cancel
        )
        return Written(target, export.summary(result, request.lang), target.parent, result, target)
    try:
        result = export.run(uow, request, target, progress, cancel)
    except OSError as exc:
        raise file_error(exc, target) from exc
    combined = result.combined if isinstance(result, BatchResult) else None
    return Written(target, export.summary(result, request.lang), target, result, combined)
