"""The first start on an empty register, in a real process running the app's own event loop: each of
the three choices ends with the main window showing what was chosen, and the app keeps running
until the window is closed (choosing the demo used to end the app: closing the first window made
Qt quit, as the next window was not open yet). The script that clicks is tests/ui/first_start_driver.py.
The note on what the demo is stands under the demo choice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.first_start import FirstStartDialog

ROOT = Path(__file__).resolve().parents[2]


def run_first_start(choice: str, tmp_path: Path) -> tuple[int, list[str]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KOMPETANSE_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("KOMPETANSE_DB_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.first_start_driver", choice, f"sqlite:///{tmp_path / 'tomt.db'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.split(" ")[0].isupper()]
    return done.returncode, lines + [f"stderr: {line}" for line in done.stderr.splitlines()[-15:]]


@pytest.mark.parametrize(
    ("choice", "page", "title"),
    [
        ("import", "import", "Kompetanseregister"),
        ("demo", "overview", "Kompetanseregister – DEMO (oppdiktede data)"),
        ("empty", "overview", "Kompetanseregister"),
    ],
)
def test_each_first_start_choice_keeps_the_app_running(
    choice: str, page: str, title: str, tmp_path: Path
) -> None:
    code, lines = run_first_start(choice, tmp_path)
    assert lines[:3] == ["CHOSEN", f"SHOWN {page} {title}", "STILL OPEN"], "\n".join(lines)
    assert code == 0, "\n".join(lines)  # and closing the main window ends the app


def test_the_note_about_the_demo_sits_under_the_demo_choice(qtbot: QtBot) -> None:
    dialog = FirstStartDialog(can_import=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    note = next(label for label in dialog.findChildren(QLabel) if "demodatabase" in label.text())
    assert dialog.demo_button.geometry().bottom() < note.geometry().top()
    assert note.geometry().bottom() < dialog.empty_button.geometry().top()
