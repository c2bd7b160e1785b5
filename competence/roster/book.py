"""The rows every roster format is read into: sheets of raw cell values, numbered as the user sees them.

A :class:`Book` is what a format's reader hands over (docs/import.md, "Formats"): python-calamine's
workbooks (xlsx, xlsm, xls, ods) are read sheet by sheet on demand; the text formats (CSV/TSV, HTML
tables, Excel 2003 XML) are read whole into a :class:`MemoryBook`. Either way a sheet's rows are
lists of raw values from its first to its last used row and column; ``first_row`` is the
spreadsheet's own (1-based) number of the first row and ``first_column`` the (0-based) column of the
first cell, so that every message can point at the row and column the user sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

from competence.roster.extent import Extent, check_extent
from competence.roster.limits import Limits

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


class Closing:
    """A resource used as a context manager: leaving the ``with`` block closes it."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Book(Protocol):
    """An open workbook of any format."""

    sheets: list[SheetMeta]

    def rows(self, name: str, limit: int | None = None) -> SheetRows:
        """The sheet's rows from its first to its last used cell (at most ``limit`` rows)."""
        ...

    def close(self) -> None: ...


def _empty(value: Cell) -> bool:
    return value is None or value == ""


def _holds_value(row: Sequence[Cell]) -> bool:
    """Whether any cell holds something other than None or "" (counted in C: 55,000 rows)."""
    return len(row) > row.count("") + row.count(None)


def used_area(name: str, rows: Sequence[Sequence[Cell]]) -> SheetRows:
    """The rows from the first to the last that holds a value, cut to the columns that do, as
    python-calamine hands a sheet over (rows and columns numbered from the sheet's top left)."""
    filled = [i for i, row in enumerate(rows) if _holds_value(row)]
    if not filled:
        return SheetRows(name, 1, 0, [])
    top, bottom = filled[0], filled[-1]
    left = None
    for i in filled:
        row = rows[i]
        first = next(c for c, v in enumerate(row) if not _empty(v))
        left = first if left is None else min(left, first)
        if left == 0:
            break
    assert left is not None
    kept = [list(row[left:]) for row in rows[top : bottom + 1]]
    for row in kept:
        while row and _empty(row[-1]):
            row.pop()
    return SheetRows(name, top + 1, left, kept)


class MemoryBook:
    """Sheets read whole by one of the program's own readers."""

    def __init__(self, sheets: Sequence[tuple[str, bool, Sequence[Sequence[Cell]]]]) -> None:
        self.sheets = [SheetMeta(name, index, visible) for index, (name, visible, _) in enumerate(sheets)]
        self._rows = {name: used_area(name, rows) for name, _, rows in sheets}

    def rows(self, name: str, limit: int | None = None) -> SheetRows:
        sheet = self._rows[name]
        if limit is None:
            return sheet
        return SheetRows(sheet.name, sheet.first_row, sheet.first_column, sheet.rows[:limit])

    def close(self) -> None:
        self._rows.clear()


class GrowingSheet:
    """The rows of a sheet as one of the program's own readers finds them, refused the moment they
    reach further than the limits allow: before the whole sheet is ever held in memory."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.rows: list[list[Cell]] = []
        self.width = 0

    def add(self, row: list[Cell]) -> None:
        limits = self.limits
        if len(row) > self.width:
            self.width = len(row)
        count = len(self.rows) + 1
        if (
            count > limits.max_rows
            or self.width > limits.max_columns
            or count * self.width > limits.max_cells
        ):
            check_extent(Extent(count, self.width), limits, self.name)
        self.rows.append(row)
