"""Running one export in the background: used by the Rapporter screen and by the employee card's
"Skriv ut utviklingsplan"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.reports.kinds import Choice, Written, run
from ui.worker import Task


def run_export(
    ctx: AppContext,
    parent: QWidget,
    choice: Choice,
    target: Path,
    *,
    on_done: Callable[[Written], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task[Written]:
    """Write ``target`` on a worker; a progress dialog with Cancel appears when it takes a while.

    ``on_error`` defaults to the usual error dialog (a cancellation shows nothing).
    """

    def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> Written:
        return run(uow, choice, target, progress, cancel)

    label = QCoreApplication.translate("Rapporter", "Lager {title}…").format(title=choice.title)
    return ctx.tasks.run(
        job, on_done=on_done, on_error=on_error, parent=parent, label=label, cancellable=True
    )
