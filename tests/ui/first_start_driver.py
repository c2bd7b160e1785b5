"""Runs the real app (``ui.app.main``) on an empty register and makes the first-start choice the way
a person does, from inside the app's own event loop; used by test_first_start_process.py.

    python -m tests.ui.first_start_driver import|demo|empty DB_URL

A timer scheduled when the QApplication is made clicks the chosen button of the first-start dialog,
waits until the main window shows what the choice leads to, checks a second later that the window
is still there (the process did not end by itself), then closes the window as a user does. Prints
``CHOSEN``, ``SHOWN ...`` and ``STILL OPEN`` as it gets there; the process's exit code is the app's
(0 after the window was closed), or 3 when the app ended before the window was closed.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import ui.app
from ui.first_start import FirstStartDialog
from ui.main_window import MainWindow

TIMEOUT_S = 60.0


def say(text: str) -> None:
    print(text, flush=True)


class Script:
    def __init__(self, choice: str) -> None:
        self.choice = choice
        self.started = time.monotonic()
        self.clicked = False
        self.shown_at: float | None = None
        self.closing = False

    def windows(self) -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]

    def step(self) -> None:
        if time.monotonic() - self.started > TIMEOUT_S:
            say("TIMEOUT")
            QApplication.exit(4)
            return
        if not self.clicked:
            self.click_choice()
        elif self.shown_at is None:
            self.check_shown()
        elif time.monotonic() - self.shown_at >= 1.0 and not self.closing:
            self.still_open()
        if not self.closing:
            QTimer.singleShot(100, self.step)

    def click_choice(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstStartDialog) or not dialog.isVisible():
            return
        button = {"import": dialog.import_button, "demo": dialog.demo_button, "empty": dialog.empty_button}[
            self.choice
        ]
        self.clicked = True
        say("CHOSEN")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def check_shown(self) -> None:
        windows = self.windows()
        if len(windows) != 1:
            return
        window = windows[0]
        if self.choice == "demo" and "DEMO" not in window.windowTitle():
            return
        if self.choice == "import":
            wizard = getattr(window.page("import"), "wizard", None)
            if window.current_key != "import" or not isinstance(wizard, QWidget) or not wizard.isVisible():
                return
        if self.choice == "empty" and isinstance(QApplication.activeModalWidget(), FirstStartDialog):
            return
        self.shown_at = time.monotonic()
        say(f"SHOWN {window.current_key} {window.windowTitle()}")

    def still_open(self) -> None:
        windows = self.windows()
        if len(windows) != 1:
            say("WINDOW GONE")
            QApplication.exit(5)
            return
        say("STILL OPEN")
        self.closing = True
        # as a user would: close the wizard (if open), then the main window
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            QDialog.done(modal, 0)
        QTimer.singleShot(200, windows[0].close)


def main(argv: list[str]) -> int:
    choice, url = argv[1], argv[2]
    script = Script(choice)

    class ScriptedApplication(QApplication):
        """The app's QApplication, with the script's first step scheduled in its event loop."""

        def __init__(self, args: list[str]) -> None:
            super().__init__(args)
            QTimer.singleShot(0, script.step)

    ui.app.QApplication = ScriptedApplication  # type: ignore[misc]
    code = ui.app.main(["kompetanseregister", "--db", url])
    if not script.closing:
        say("APP ENDED BY ITSELF")
        return 3
    say(f"EXIT {code}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
