"""Choosing files to read and write: the file dialogs remember the last folder per purpose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.preferences import Preferences


def last_folder(preferences: Preferences, purpose: str) -> str:
    """The folder a file was last chosen from for ``purpose`` (the home folder the first time)."""
    value = preferences.settings.value(f"files/{purpose}", "")
    folder = Path(str(value)) if value else Path.home()
    return str(folder if folder.is_dir() else Path.home())


def remember_folder(preferences: Preferences, purpose: str, path: Path) -> None:
    preferences.settings.setValue(f"files/{purpose}", str(path.parent))


def choose_open_file(
    parent: QWidget, preferences: Preferences, purpose: str, title: str, filters: str
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, last_folder(preferences, purpose), filters)
    if not name:
        return None
    path = Path(name)
    remember_folder(preferences, purpose, path)
    return path


def choose_save_file(
    parent: QWidget, preferences: Preferences, purpose: str, title: str, suggested: str, filters: str
) -> Path | None:
    start = str(Path(last_folder(preferences, purpose)) / suggested)
    name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not name:
        return None
    path = Path(name)
    remember_folder(preferences, purpose, path)
    return path
