"""Background tasks: results and errors come back on the UI thread; the progress dialog appears
only for slow work, and Cancel reaches the job."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from competence.changes import Changes
from competence.errors import ValidationError
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.session import Database
from tests.ui.support import message_boxes
from ui.worker import TaskRunner


def test_result_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int]] = []

    def job(progress: Progress, cancel: CancelToken) -> int:
        return threading.get_ident()

    task = runner.run_detached(job, on_done=lambda worker: seen.append((worker, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    ((worker_thread, callback_thread),) = seen
    assert worker_thread != threading.get_ident()
    assert callback_thread == threading.get_ident()
    assert runner.running == 0


def test_error_goes_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(progress: Progress, cancel: CancelToken) -> None:
        raise ValidationError("Feil i data.", "Bad data.")

    task = runner.run_detached(job, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ValidationError)


def test_user_error_is_shown_as_a_message_by_default(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()

    def job(progress: Progress, cancel: CancelToken) -> None:
        raise ValidationError("Ansattnummer må fylles ut.", "Employee number is required.")

    task = runner.run_detached(job, parent=parent)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    boxes = message_boxes()
    assert [b.text() for b in boxes] == ["Ansattnummer må fylles ut."]
    for box in boxes:
        box.close()


class ShownDialogs(QObject):
    """Records every progress dialog that is shown, however briefly (a dialog that flashes up and
    is closed again by the time the test looks would otherwise go unseen)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown.append(watched.labelText())
        return False


def test_quick_job_never_shows_a_progress_dialog(qtbot: QtBot, qapp: QApplication) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()
    spy = ShownDialogs()
    qapp.installEventFilter(spy)
    try:

        def quick(progress: Progress, cancel: CancelToken) -> int:
            time.sleep(0.15)  # well under the delay, but long enough for a dialog to appear at once
            return 42

        task = runner.run_detached(quick, parent=parent, label="Rask jobb", delay_ms=400)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
        qtbot.wait(500)  # past the delay too
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == []
    assert task.result == 42

    # the same job with no delay does show its dialog: the check above can see one
    spy = ShownDialogs()
    qapp.installEventFilter(spy)
    try:
        task = runner.run_detached(quick, parent=parent, label="Uten forsinkelse", delay_ms=0)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == ["Uten forsinkelse"]


def test_slow_job_shows_progress_and_cancel_reaches_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()
    started = threading.Event()
    outcome: list[str] = []

    def job(progress: Progress, cancel: CancelToken) -> str:
        started.set()
        for i in range(400):
            progress(i, 400, f"rad {i}")
            cancel.raise_if_cancelled()
            time.sleep(0.01)
        return "ferdig"

    task = runner.run_detached(
        job,
        on_done=outcome.append,
        on_error=lambda exc: outcome.append(type(exc).__name__),
        parent=parent,
        label="Importerer",
        cancellable=True,
        delay_ms=50,
    )
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000)
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    assert dialog.maximum() == 400
    assert "Importerer" in dialog.labelText()
    cancel_button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Avbryt")
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcome == ["Cancelled"]
    assert task.cancel_token.cancelled
    assert not message_boxes()  # a cancellation is not an error


def test_shutdown_cancels_and_waits(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            time.sleep(0.01)

    runner.run_detached(job, on_error=lambda exc: None)
    assert started.wait(5)
    assert runner.shutdown(timeout_ms=5000)


def test_result_for_a_closed_screen_is_dropped(qtbot: QtBot) -> None:
    owner = QWidget()
    runner = TaskRunner()
    release = threading.Event()
    called: list[object] = []

    def job(progress: Progress, cancel: CancelToken) -> int:
        release.wait(5)
        return 1

    task = runner.run_detached(
        job, on_done=called.append, on_error=called.append, parent=owner, label="Laster"
    )
    owner.deleteLater()
    qtbot.wait(50)  # the widget is gone before the result comes
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert called == []


def test_the_latest_request_of_a_screen_wins(qtbot: QtBot, sqlite_database: Database) -> None:
    """Two loads of one screen under one name: the first is told to cancel and its result is
    dropped even when it arrives last; another screen's load of the same name is left alone."""
    runner = TaskRunner(database=sqlite_database)
    screen, other = QWidget(), QWidget()
    qtbot.addWidget(screen)
    qtbot.addWidget(other)
    release = threading.Event()
    arrived: list[str] = []
    cancelled: list[bool] = []

    def slow(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> str:
        release.wait(5)
        cancelled.append(cancel.cancelled)
        return "first"

    first = runner.run(slow, on_done=arrived.append, parent=screen, latest="load")
    elsewhere = runner.run(lambda u, p, c: "other", on_done=arrived.append, parent=other, latest="load")
    second = runner.run(lambda u, p, c: "second", on_done=arrived.append, parent=screen, latest="load")
    with qtbot.waitSignal(second.finished, timeout=5000):
        pass
    release.set()
    for task in (first, elsewhere):
        if not task.done:
            with qtbot.waitSignal(task.finished, timeout=5000):
                pass
    assert sorted(arrived) == ["other", "second"]
    assert cancelled == [True]


def test_what_a_job_or_an_edit_committed_is_published(qtbot: QtBot, sqlite_database: Database) -> None:
    from competence.employees import create_employee
    from competence.units import create_unit

    runner = TaskRunner(database=sqlite_database, actor="leder")
    published: list[Changes] = []
    runner.changed.connect(published.append)
    task = runner.run(lambda uow, p, c: create_unit(uow, "1", "Sentrum"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert published == [Changes(units=True, audit=True)]
    runner.now(lambda uow: create_employee(uow, "7", "Ada", "Ås"))
    assert published[-1] == Changes(people=True, audit=True)
    read = runner.run(lambda uow, p, c: None)
    with qtbot.waitSignal(read.finished, timeout=5000):
        pass
    assert len(published) == 2  # a job that changed nothing publishes nothing
    with runner.holding():
        runner.now(lambda uow: create_employee(uow, "8", "Bo", "Ås"))
        assert len(published) == 2  # held until the block ends
    assert published[-1] == Changes(people=True, audit=True)
