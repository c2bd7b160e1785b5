"""Reading a 10-FAKTOR result file with the roster import's guards and readers (every format of
competence/roster/formats.py), in the reader's child process (competence/roster/isolation.py): no
file can take the program down, and what comes back is plain rows.

This module is what the child imports: it must stay free of the database and the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from competence.roster.book import Cell
from competence.roster.guard import check_file
from competence.roster.isolation import call_in_child
from competence.roster.limits import DEFAULT_LIMITS, Limits

#: A results file holds a few hundred groups; more rows than this in one sheet is not a results file.
MAX_ROWS = 20_000

#: (sheet name, visible, spreadsheet number of its first row, column of its first cell, rows)
SheetData = tuple[str, bool, int, int, list[list[Cell]]]


@dataclass(frozen=True)
class ReadFile:
    file_name: str
    sha256: str
    sheets: tuple[SheetData, ...]


def read_here(path: Path, limits: Limits) -> tuple[str, str, list[SheetData]]:
    """Check the file, read every sheet; in this process (the child's entry point)."""
    checked = check_file(path, limits)
    read = checked.format.read
    assert read is not None  # formats without a reader are refused by their check
    book = read(path, limits)
    try:
        sheets: list[SheetData] = []
        for meta in book.sheets:
            part = book.rows(meta.name, limit=MAX_ROWS)
            sheets.append((meta.name, meta.visible, part.first_row, part.first_column, part.rows))
    finally:
        book.close()
    return checked.file_name, checked.sha256, sheets


def read_result_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> ReadFile:
    """:func:`read_here` in a child process of its own."""
    name, sha, sheets = call_in_child(read_here, path, limits, limits=limits, file_name=path.name)
    return ReadFile(name, sha, tuple(sheets))
