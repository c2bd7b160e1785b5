"""Background work: slow actions run on a thread pool, never on the UI thread.

The task runner owns the plumbing of a user action (docs/architecture.md, "The flow of an
action"):

* **The unit of work.** A job is a plain function ``fn(uow, progress, cancel) -> result``; the
  runner makes its :class:`competence.uow.UnitOfWork` (one per job, never shared between threads),
  and so does :meth:`TaskRunner.now` for a quick edit on the UI thread. No screen makes one itself.
* **Progress and cancel.** Progress reported through the :class:`competence.progress.Progress`
  callback reaches a ``QProgressDialog`` that only appears when the job takes longer than a short
  delay (so quick jobs never flash a dialog), and Cancel sets the job's
  :class:`competence.progress.CancelToken`. The result or the error comes back to the UI thread by
  signal. No ``processEvents()`` anywhere.
* **The latest request wins.** A job started with ``latest="..."`` replaces the one its screen
  started under the same name: the older one is told to cancel and its result is dropped.
* **What changed.** After each job (and each :meth:`TaskRunner.now`) the runner publishes what its
  committed unit of work changed (:class:`competence.changes.Changes`) on :attr:`TaskRunner.changed`;
  each screen reloads only when something it shows changed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget
from shiboken6 import Shiboken

from competence.changes import NOTHING, Changes
from competence.progress import Cancelled, CancelToken, Progress
from competence.uow import UnitOfWork
from db.errors import LocalizedError
from db.session import Database
from ui.errors import show_error
from ui.i18n import progress_format

log = logging.getLogger("kompetanseregister.ui")
T = TypeVar("T")

#: A job with the register: its unit of work (made by the runner), progress and cancel.
Job = Callable[[UnitOfWork, Progress, CancelToken], T]
#: A job without the register's unit of work (opening a register, a file on its own).
DetachedJob = Callable[[Progress, CancelToken], T]

#: Milliseconds a job may run before its progress dialog appears.
DEFAULT_DELAY_MS = 400
#: Progress reports are forwarded to the UI at most this often (a service may report per row).
_PROGRESS_INTERVAL_S = 0.05


class Task(QObject, Generic[T]):
    """One background job, owned by the UI thread. Emits exactly one of ``succeeded`` / ``failed``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    #: Emitted after ``succeeded`` or ``failed`` and their callbacks.
    finished = Signal()

    def __init__(
        self,
        fn: DetachedJob[T],
        *,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None = None,
        uow: UnitOfWork | None = None,
    ) -> None:
        super().__init__()
        self.fn = fn
        #: The job's unit of work (None for a detached job): what it committed is published.
        self.uow = uow
        #: A newer request of the same screen replaced this one: its result is not wanted.
        self.superseded = False
        #: The widget the callbacks belong to: when it is gone, the result is dropped.
        self.owner = owner
        self.cancel_token = CancelToken()
        self._on_done = on_done
        self._on_error = on_error
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self._last_report = 0.0
        self._runnable = _Runnable(self)
        self._relay = _Relay()
        self._relay.succeeded.connect(self._finish_ok, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._finish_error, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    # --- called on the worker thread ------------------------------------------------------
    def report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last_report < _PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        try:
            self._relay.progressed.emit(int(done), int(total), message)
        except RuntimeError:  # the application ended while the job ran
            return

    def execute(self) -> None:
        try:
            result = self.fn(self.report, self.cancel_token)
        except BaseException as exc:  # handed to the UI thread, which decides what the user sees
            self._hand_over("failed", exc)
        else:
            self._hand_over("succeeded", result)

    def _hand_over(self, signal: str, value: object) -> None:
        try:
            getattr(self._relay, signal).emit(value)
        except RuntimeError:  # the application ended while the job ran: nobody left to tell
            log.info("Et arbeid i bakgrunnen ble ferdig etter at programmet ble avsluttet")

    # --- UI thread --------------------------------------------------------------------------
    def cancel(self) -> None:
        self.cancel_token.cancel()

    @Slot(object)
    def _finish_ok(self, result: Any) -> None:
        self._finish(result, None)

    @Slot(object)
    def _finish_error(self, exc: BaseException) -> None:
        self._finish(None, exc)

    def _finish(self, result: Any, exc: BaseException | None) -> None:
        self.done = True
        self.result, self.error = result, exc
        try:
            if self.superseded:
                if exc is not None and not isinstance(exc, LocalizedError | Cancelled):
                    log.error("Feil i et arbeid som var erstattet av et nyere", exc_info=exc)
            elif self.owner is not None and not Shiboken.isValid(self.owner):
                # the screen that asked was closed meanwhile: nothing to show the result in
                if exc is not None and not isinstance(exc, LocalizedError):
                    log.error("Feil i bakgrunnen etter at vinduet var lukket", exc_info=exc)
            elif exc is None:
                if self._on_done is not None:
                    self._on_done(result)
                self.succeeded.emit(result)
            else:
                if self._on_error is not None:
                    self._on_error(exc)
                self.failed.emit(exc)
        finally:
            self.finished.emit()


class _Relay(QObject):
    """Carries signals from the worker thread; lives in the UI thread, so slots run there."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(False)

    def run(self) -> None:
        self.task.execute()


class DelayedProgress(QObject):
    """A ``QProgressDialog`` for one task that appears only after ``delay_ms``, and can cancel it."""

    def __init__(
        self, task: Task[Any], parent: QWidget | None, label: str, *, cancellable: bool, delay_ms: int
    ) -> None:
        super().__init__(task)
        self.task = task
        self.parent_widget = parent
        self.label = label
        self.cancellable = cancellable
        self.dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._close)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._show)
        self.timer.start(delay_ms)

    @Slot()
    def _show(self) -> None:
        if self.task.done or self.dialog is not None:
            return
        if self.parent_widget is not None and not Shiboken.isValid(self.parent_widget):
            return
        dialog = QProgressDialog(self.parent_widget)
        bar = QProgressBar(dialog)
        bar.setFormat(progress_format())
        dialog.setBar(bar)
        dialog.setWindowTitle(self.tr("Arbeider…"))
        dialog.setLabelText(self.label)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if self.cancellable:
            dialog.setCancelButtonText(self.tr("Avbryt"))
            dialog.canceled.connect(self._cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setAccessibleName(self.label)
        self.dialog = dialog
        self._apply(*self._last)
        dialog.show()

    @Slot()
    def _cancel(self) -> None:
        """Avbryt pressed: tell the job, and say so at once. (QProgressDialog hides itself on
        cancel; it is shown again, busy, with its button off, until the job has stopped.)"""
        self.task.cancel()
        dialog = self.dialog
        if dialog is None or self.task.done:
            return
        dialog.setLabelText(self.tr("Avbryter…"))
        dialog.setRange(0, 0)
        button = next(iter(dialog.findChildren(QPushButton)), None)
        if button is not None:
            button.setEnabled(False)
        dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        if self.dialog is not None:
            self._apply(done, total, message)

    def _apply(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is None or self.task.cancel_token.cancelled:
            return
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        else:
            dialog.setRange(0, 0)  # busy indicator: the job does not know how long it takes
        if message:
            dialog.setLabelText(f"{self.label}\n{message}")

    @Slot()
    def _close(self) -> None:
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None


class TaskRunner(QObject):
    """Starts background jobs, each with its own unit of work, keeps them alive until they finish,
    and publishes what they changed."""

    #: Emitted whenever the number of running jobs changes (for a busy indicator).
    busy_changed = Signal(bool)
    #: A unit of work the runner made committed changes (:class:`competence.changes.Changes`).
    changed = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        database: Database | None = None,
        actor: str | None = None,
        max_threads: int = 4,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task[Any]] = set()
        self._retired: list[Task[Any]] = []
        self._latest: dict[tuple[int, str], Task[Any]] = {}
        self._held = 0
        self._unpublished = NOTHING

    @property
    def running(self) -> int:
        return len(self._tasks)

    def _unit_of_work(self) -> UnitOfWork:
        if self.database is None:
            raise RuntimeError("this task runner has no register: use run_detached")
        return UnitOfWork(self.database, self.actor)

    def run(
        self,
        fn: Job[T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        label: str | None = None,
        cancellable: bool = False,
        delay_ms: int = DEFAULT_DELAY_MS,
        latest: str | None = None,
    ) -> Task[T]:
        """Run ``fn(uow, progress, cancel)`` in the background, with a unit of work of its own.

        ``on_error`` defaults to :func:`ui.errors.show_error` (user errors as a message, bugs as a
        report; a cancellation shows nothing). With ``label`` a progress dialog appears after
        ``delay_ms``; ``cancellable`` gives it a Cancel button. With ``latest`` (and ``parent``),
        the job replaces the one ``parent`` started under that name: only the newest result
        arrives.
        """
        uow = self._unit_of_work()
        return self._start(
            lambda progress, cancel: fn(uow, progress, cancel),
            uow=uow,
            on_done=on_done,
            on_error=on_error,
            parent=parent,
            label=label,
            cancellable=cancellable,
            delay_ms=delay_ms,
            latest=latest,
        )

    def run_detached(
        self,
        fn: DetachedJob[T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        label: str | None = None,
        cancellable: bool = False,
        delay_ms: int = DEFAULT_DELAY_MS,
    ) -> Task[T]:
        """Run ``fn(progress, cancel)``, work that needs no unit of work of this runner's register
        (opening a register, restoring a backup file), like :meth:`run`."""
        return self._start(
            fn,
            uow=None,
            on_done=on_done,
            on_error=on_error,
            parent=parent,
            label=label,
            cancellable=cancellable,
            delay_ms=delay_ms,
            latest=None,
        )

    def now(self, fn: Callable[[UnitOfWork], T]) -> T:
        """Run a quick action on the UI thread (a small edit confirmed in a dialog) with a unit of
        work of its own, and publish what it changed. Errors propagate to the caller."""
        uow = self._unit_of_work()
        try:
            return fn(uow)
        finally:
            self.publish(uow.changes)

    def publish(self, changes: Changes) -> None:
        """Tell the screens what changed (also a change made outside a unit of work: a restored
        backup); inside :meth:`holding`, when the block ends."""
        if not changes:
            return
        if self._held:
            self._unpublished = self._unpublished | changes
            return
        self.changed.emit(changes)

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Publish what changes inside the block when it ends: for a screen that opens an edit
        dialog and, once it saved, notes what to select when the screens reload."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                changes, self._unpublished = self._unpublished, NOTHING
                self.publish(changes)

    def forget(self, parent: QObject, latest: str) -> None:
        """Drop the result of the job ``parent`` started under ``latest``, if it is still running
        (what it was for is gone)."""
        task = self._latest.pop((id(parent), latest), None)
        if task is not None:
            task.superseded = True
            task.cancel()

    def _start(
        self,
        fn: DetachedJob[T],
        *,
        uow: UnitOfWork | None,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        parent: QWidget | None,
        label: str | None,
        cancellable: bool,
        delay_ms: int,
        latest: str | None,
    ) -> Task[T]:
        task: Task[T] = Task(
            fn,
            on_done=on_done,
            on_error=on_error or (lambda exc: show_error(parent, exc)),
            owner=parent,
            uow=uow,
        )
        if latest is not None:
            if parent is None:
                raise ValueError("latest= needs the parent whose request it is")
            self.forget(parent, latest)
            self._latest[(id(parent), latest)] = task
        if label is not None:
            DelayedProgress(task, parent, label, cancellable=cancellable, delay_ms=delay_ms)
        self._tasks.add(task)
        task.finished.connect(lambda: self._forget(task, parent, latest))
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        self.pool.start(task._runnable)
        return task

    def _forget(self, task: Task[Any], parent: QObject | None, latest: str | None) -> None:
        # The task is still inside its own signal emission: let go of it on the next turn of the
        # event loop (tasks are owned by Python, not by a Qt parent, so dropping it deletes it).
        if not Shiboken.isValid(self):
            return  # the runner went with its window (e.g. on switching register) before the task ended
        self._tasks.discard(task)
        if latest is not None and self._latest.get((id(parent), latest)) is task:
            del self._latest[(id(parent), latest)]
        self._retired.append(task)
        QTimer.singleShot(0, self._retired.clear)
        if task.uow is not None:
            self.publish(task.uow.changes)
        if not self._tasks:
            self.busy_changed.emit(False)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel what can be cancelled and wait for the threads (called when the window closes)."""
        for task in list(self._tasks):
            task.cancel()
        return bool(self.pool.waitForDone(timeout_ms))
