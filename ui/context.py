"""What every screen gets from the main window: the open database, the user's preferences, the
background task runner and a few signals that connect the screens. Passed explicitly, never looked
up globally."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.session import Database
from ui.preferences import Preferences
from ui.worker import TaskRunner


class AppContext(QObject):
    #: Something in the register changed (:class:`competence.changes.Changes`: an edit, an import,
    #: a restore): each screen reloads when it shows something of it. Published by the task runner.
    changed = Signal(object)
    #: Ask the main window to show one employee's card.
    employee_requested = Signal(int)
    #: Ask the main window to switch to a screen by its key.
    page_requested = Signal(str)
    #: A short message for the status bar.
    status_message = Signal(str)
    #: The user changed a preference shown elsewhere (the role in the status bar).
    preferences_changed = Signal()

    def __init__(
        self,
        database: Database,
        preferences: Preferences,
        *,
        actor: str | None = None,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.preferences = preferences
        self.actor = actor
        self.demo = demo
        #: Runs every action on the register, each in a unit of work it makes (ui/worker.py).
        self.tasks = TaskRunner(self, database=database, actor=actor)
        self.tasks.changed.connect(self.changed)
