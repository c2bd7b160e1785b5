"""Where exports go: a save dialog with a sensible default name in the folder used last, writing
through a temporary name (so a cancelled or failed export leaves no half file and never replaces a
good one), file errors in words the user can act on, and opening the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from competence.files import file_error, private_output
from competence.progress import CancelToken
from ui.preferences import Preferences

T = TypeVar("T")

# QSettings key of the folder the last export went to.
FOLDER_KEY = "reports/folder"
_UNSAFE = re.compile(r"[\x00-\x1f<>:\"/\\|?*]+")
_FILTER_SUFFIX = re.compile(r"\*\.(\w+)")


def safe_file_name(text: str, suffix: str) -> str:
    """``text`` without the characters file systems refuse, with ``suffix`` (".xlsx")."""
    clean = re.sub(r"\s+", " ", _UNSAFE.sub(" ", text)).strip(" .")
    return f"{clean[:150] or 'eksport'}{suffix}"


def dated_file_name(kind: str, scope: str, on: dt.date, suffix: str) -> str:
    """ "Kompetansematrise Hjemmetjenesten 2025-03-14.xlsx": sorts by date in a folder listing."""
    return safe_file_name(f"{kind} {scope} {on.isoformat()}", suffix)


def export_folder(preferences: Preferences) -> Path:
    """The folder the last export went to, else the user's documents folder."""
    stored = str(preferences.settings.value(FOLDER_KEY, "") or "")
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(preferences: Preferences, folder: Path) -> None:
    preferences.settings.setValue(FOLDER_KEY, str(folder))


def ask_save_path(
    parent: QWidget | None, preferences: Preferences, title: str, name: str, file_filter: str
) -> Path | None:
    """Ask where to save, starting from ``name`` in the last export folder; None when cancelled.

    A name typed without one of the filter's suffixes gets the suffix of the filter the user chose
    (or of ``name``), so "PDF (*.pdf);;JSON (*.json)" lets the user pick the format.
    """
    suggested = export_folder(preferences) / name
    chosen, selected = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = next(iter(filter_suffixes(selected)), Path(name).suffix)
    allowed = {*filter_suffixes(file_filter), Path(name).suffix.lower()}
    if suffix and path.suffix.lower() not in allowed:
        path = path.with_name(path.name + suffix)
    remember_folder(preferences, path.parent)
    return path


def filter_suffixes(file_filter: str) -> list[str]:
    """The suffixes a file dialog filter names, in order: "PDF (*.pdf);;JSON (*.json)" -> .pdf, .json."""
    return [f".{ext.lower()}" for ext in _FILTER_SUFFIX.findall(file_filter or "")]


def ask_folder(parent: QWidget | None, preferences: Preferences, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(export_folder(preferences)))
    if not chosen:
        return None
    remember_folder(preferences, Path(chosen))
    return Path(chosen)


def write_into_place(target: Path, write: Callable[[Path], T], cancel: CancelToken) -> T:
    """Let ``write`` make the file under a temporary name beside ``target`` (owner-only, see
    :mod:`competence.files`), then move it into place unless the user cancelled meanwhile: a
    cancelled export never replaces the file that was there. Runs on a worker."""
    try:
        with private_output(target) as temporary:
            result = write(temporary)
            cancel.raise_if_cancelled()
    except OSError as exc:
        raise file_error(exc, target) from exc
    return result


def open_path(path: Path) -> bool:
    """Open a file in its program, or a folder in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def pdf_filter() -> str:
    return QCoreApplication.translate("Eksport", "PDF-dokument (*.pdf)")


def excel_filter() -> str:
    return QCoreApplication.translate("Eksport", "Excel-arbeidsbok (*.xlsx)")
