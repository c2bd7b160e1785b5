"""Innsyn (GDPR art. 15) from the employee card: everything held on the person, as a readable PDF
or as JSON, saved where the user says and then opened.

The service writes the export owner-only and all or nothing, and records it in the audit log once
the file is written. The PDF writer (reportlab) is imported only when used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from competence.clock import today
from competence.files import file_error
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import current_language
from ui.reports.files import ask_save_path, dated_file_name, open_path
from ui.worker import Task

if TYPE_CHECKING:
    from competence.privacy.innsyn import PersonExport


def innsyn_filter() -> str:
    return QCoreApplication.translate("Personvern", "PDF-dokument (*.pdf);;JSON-fil (*.json)")


def write_innsyn(
    uow: UnitOfWork, employee_no: str, target: Path, cancel: CancelToken, lang: str = "nb"
) -> PersonExport:
    """Collect and write the export (runs on a worker): ``.json`` as JSON, anything else as PDF, in
    the user's language."""
    from competence.privacy.innsyn import export_person  # not needed at start

    try:
        return export_person(
            uow, employee_no, target, as_pdf=target.suffix.lower() != ".json", cancel=cancel, lang=lang
        )
    except OSError as exc:
        raise file_error(exc, target) from exc


def export_innsyn(
    ctx: AppContext, parent: QWidget, employee_no: str, file_label: str
) -> Task[PersonExport] | None:
    """Ask where to save, write on a worker, then open the file. ``file_label``: "Ødegård Åse"."""
    name = dated_file_name(
        QCoreApplication.translate("Personvern", "Innsyn {number}").format(number=employee_no),
        file_label,
        today(),
        ".pdf",
    )
    target = ask_save_path(
        parent,
        ctx.preferences,
        QCoreApplication.translate("Personvern", "Lagre alt registeret har om personen"),
        name,
        innsyn_filter(),
    )
    if target is None:
        return None
    lang = current_language()

    def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> PersonExport:
        return write_innsyn(uow, employee_no, target, cancel, lang)

    def done(written: PersonExport) -> None:
        ctx.status_message.emit(
            QCoreApplication.translate(
                "Personvern",
                "Innsyn lagret: {path} ({count} oppføringer). Filen inneholder personopplysninger.",
            ).format(path=written.path, count=written.records)
        )
        open_path(written.path)

    return ctx.tasks.run(
        job,
        on_done=done,
        parent=parent,
        label=QCoreApplication.translate("Personvern", "Samler alt om personen…"),
        cancellable=True,
    )
