"""Reading a guarded workbook with python-calamine: the sheets, and the rows of one sheet.

Only ever called after :func:`competence.roster.guard.check_file` has passed the file. Rows come
back as lists of raw cell values; ``first_row`` is the spreadsheet's own (1-based) number of the
first row and ``first_column`` the (0-based) column of the first cell, so that every message can
point at the row and column the user sees.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, cast

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from competence.roster.errors import RosterFileError, refused
from competence.roster.guard import CheckedFile
from competence.roster.zipsafe import damaged

Cell = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass(frozen=True)
class SheetMeta:
    name: str
    index: int
    visible: bool


@dataclass
class SheetRows:
    name: str
    first_row: int
    first_column: int
    rows: list[list[Cell]]


def _parser_failed(checked: CheckedFile, exc: BaseException) -> RosterFileError:
    if isinstance(exc, PasswordError):
        return refused(
            "password_protected",
            f"Filen {checked.file_name} er passordbeskyttet. Fjern passordet i Excel og prøv igjen.",
            f"The file {checked.file_name} is password protected. Remove the password in Excel and retry.",
        )
    return damaged(checked.file_name)


class Workbook:
    """An open workbook. Use as a context manager; the file is closed on leaving."""

    def __init__(self, checked: CheckedFile) -> None:
        self.checked = checked
        try:
            self._book = CalamineWorkbook.from_path(str(checked.path))
            meta = self._book.sheets_metadata
        except Exception as exc:  # calamine's errors (and its Rust panics) all mean "cannot read"
            raise _parser_failed(checked, exc) from None
        self._loaded: dict[str, Any] = {}
        self.sheets = [
            SheetMeta(m.name, i, m.visible == SheetVisibleEnum.Visible)
            for i, m in enumerate(meta)
            if m.typ == SheetTypeEnum.WorkSheet
        ]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._loaded.clear()
        with contextlib.suppress(Exception):  # already closed
            self._book.close()

    def rows(self, name: str, limit: int | None = None) -> SheetRows:
        """The sheet's rows from its first to its last used cell (at most ``limit`` rows)."""
        try:
            sheet = self._loaded.get(name)
            if sheet is None:  # building a sheet is the expensive part: do it once per sheet
                sheet = self._loaded[name] = self._book.get_sheet_by_name(name)
            start = sheet.start
            rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=True, nrows=limit)) if start else []
        except Exception as exc:
            raise _parser_failed(self.checked, exc) from None
        first_row, first_column = (start[0] + 1, start[1]) if start else (1, 0)
        return SheetRows(name=name, first_row=first_row, first_column=first_column, rows=rows)
