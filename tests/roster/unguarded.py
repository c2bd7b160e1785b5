"""A read that skips the guards, for the tests that show what the reader's child process is for: run
in the child (competence/roster/isolation.py), it lets python-calamine meet a crafted file."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook


def read_without_guards(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    return sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
