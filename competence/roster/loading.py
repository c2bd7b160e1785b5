"""Guarding and reading a roster file, and finding the roster in it: the work done in the reader's
child process (competence/roster/isolation.py), which hands back only the chosen sheet's rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from competence.roster.guard import CheckedFile, check_file
from competence.roster.isolation import Pending, call_in_child, start_in_child
from competence.roster.layout import Layout, choose_sheet
from competence.roster.limits import Limits


@dataclass(frozen=True)
class Loaded:
    checked: CheckedFile
    layout: Layout


def read_here(path: Path, sheet: str | None, guess: bool, limits: Limits) -> Loaded:
    """Check the file, read it with its format's reader and find the roster sheet, in this process."""
    checked = check_file(path, limits)
    read = checked.format.read
    assert read is not None  # formats without a reader are refused by their check
    book = read(path, limits)
    try:
        layout = choose_sheet(book, sheet, guess=guess)
    finally:
        book.close()
    return Loaded(checked, layout)


def read_roster(path: Path, sheet: str | None, limits: Limits, *, guess: bool = False) -> Loaded:
    """:func:`read_here` in a child process of its own: no file can take this process down."""
    return call_in_child(read_here, path, sheet, guess, limits, limits=limits, file_name=path.name)


def start_reading(path: Path, sheet: str | None, limits: Limits, *, guess: bool = False) -> Pending[Loaded]:
    """:func:`read_roster` started, not waited for: the caller reads the register meanwhile."""
    return start_in_child(read_here, path, sheet, guess, limits, limits=limits, file_name=path.name)
