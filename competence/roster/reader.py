"""Reading xlsx, xlsm, xls and ods with python-calamine, sheet by sheet, into :class:`Book` rows.

Only ever called on a file the format's checks have passed (competence/roster/formats.py), and in
the reader's child process (competence/roster/isolation.py): python-calamine is native code, and a
file it cannot handle may abort the whole process rather than raise.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any, cast

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from competence.roster.book import Cell, Closing, SheetMeta, SheetRows
from competence.roster.errors import RosterFileError, damaged, password_protected, refused
from competence.roster.limits import Limits

_CODEPAGE = re.compile(r"Codepage (\w+) not found", re.IGNORECASE)


def _parser_failed(file_name: str, exc: BaseException) -> RosterFileError:
    if isinstance(exc, PasswordError):
        return password_protected(file_name)
    found = _CODEPAGE.search(str(exc))
    if found:
        return refused(
            "unknown_codepage",
            f"Filen {file_name} bruker en tegnkoding (kodeside {found.group(1)}) som programmet ikke "
            "kjenner, slik bare svært gamle eller uvanlige regnearkprogrammer skriver. Åpne den i Excel "
            "eller LibreOffice, lagre som .xlsx og prøv igjen.",
            f"The file {file_name} uses a character encoding (code page {found.group(1)}) the program does "
            "not know, as only very old or unusual spreadsheet programs write. Open it in Excel or "
            "LibreOffice, save it as .xlsx and retry.",
        )
    return damaged(file_name)


class CalamineBook(Closing):
    """An open workbook. Use as a context manager; the file is closed on leaving."""

    def __init__(self, path: Path) -> None:
        self.file_name = path.name
        try:
            self._book = CalamineWorkbook.from_path(str(path))
            meta = self._book.sheets_metadata
        except Exception as exc:  # calamine's errors (and its Rust panics) all mean "cannot read"
            raise _parser_failed(self.file_name, exc) from None
        self._loaded: dict[str, Any] = {}
        self.sheets = [
            SheetMeta(m.name, i, m.visible == SheetVisibleEnum.Visible)
            for i, m in enumerate(meta)
            if m.typ == SheetTypeEnum.WorkSheet
        ]

    def close(self) -> None:
        self._loaded.clear()
        with contextlib.suppress(Exception):  # already closed
            self._book.close()

    def rows(self, name: str, limit: int | None = None) -> SheetRows:
        try:
            sheet = self._loaded.get(name)
            if sheet is None:  # building a sheet is the expensive part: do it once per sheet
                sheet = self._loaded[name] = self._book.get_sheet_by_name(name)
            start = sheet.start
            rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=True, nrows=limit)) if start else []
        except Exception as exc:
            raise _parser_failed(self.file_name, exc) from None
        first_row, first_column = (start[0] + 1, start[1]) if start else (1, 0)
        return SheetRows(name=name, first_row=first_row, first_column=first_column, rows=rows)


def read_with_calamine(path: Path, limits: Limits) -> CalamineBook:
    """The format table's reader for the workbooks python-calamine reads (the limits were checked
    before, from the file's own structure)."""
    return CalamineBook(path)
