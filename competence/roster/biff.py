"""What a BIFF5/BIFF8 workbook stream (.xls) holds, read from its records before the parser sees it.

Per substream (the globals, each sheet, any embedded chart): the extent its cell records really
reach (only records that hold a value count, as with the parser: blank cells that only carry
formatting do not), and the extent its DIMENSIONS record claims (which python-calamine allocates
before reading a cell, so a crafted claim of four billion rows aborts it). And whether the globals
hold a FILEPASS record: the workbook is encrypted (password protected), and every record after it
is noise.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from competence.roster.extent import Extent

_BOF = 0x0809
_EOF = 0x000A
_FILEPASS = 0x002F
_DIMENSIONS = 0x0200
_BOUNDSHEET = 0x0085
_SINGLE_CELL = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0006, 0x0205})
_MULRK = 0x00BD
_HEADER = struct.Struct("<HH")
_ROW_COL = struct.Struct("<HH")
_DIMENSIONS_BIFF8 = struct.Struct("<IIHH")
_DIMENSIONS_BIFF5 = struct.Struct("<HHHH")
_BIFF8 = 0x0600
#: The most rows and columns a sheet of each BIFF version can have (Excel 97-2003: 65,536 × 256).
MAX_ROWS = {_BIFF8: 65_536}
MAX_ROWS_OLDER = 16_384
MAX_COLUMNS = 256
#: BOF record types of Excel 2, 3 and 4 files, which are a bare BIFF stream, not a compound file.
OLD_BOFS = (0x0009, 0x0209, 0x0409)


@dataclass
class Substream:
    extent: Extent
    #: Which top-level substream this is: 0 the globals, 1 the first sheet... (None for a chart inside one).
    position: int | None = None
    #: (first row, row after the last, first column, column after the last) the DIMENSIONS record
    #: claims, counted from 0, when it has one.
    declared: tuple[int, int, int, int] | None = None
    #: Whether the claim is impossible for the format (more than it allows, or last before first).
    impossible: bool = False


@dataclass
class WorkbookStream:
    encrypted: bool = False
    substreams: list[Substream] = field(default_factory=list)
    #: Sheet names from the globals' BOUNDSHEET records (BIFF8), in order: for readable messages.
    sheet_names: list[str] = field(default_factory=list)

    def label(self, substream: Substream) -> str:
        """How a message names a substream: the sheet's name, else its number."""
        names, index = self.sheet_names, substream.position
        if index is None:
            return "?"
        return names[index - 1] if 0 < index <= len(names) else f"nr. {index}"


def _sheet_name(stream: bytes, body: int, length: int) -> str | None:
    """The name in a BIFF8 BOUNDSHEET record (a short Unicode string after six bytes)."""
    if length < 8:
        return None
    count, flags = stream[body + 6], stream[body + 7]
    start = body + 8
    raw = stream[start : min(start + count * (2 if flags & 1 else 1), body + length)]
    return raw.decode("utf-16-le" if flags & 1 else "latin-1", errors="replace") or None


Declared = tuple[int, int, int, int]


def _dimensions(stream: bytes, body: int, length: int, version: int) -> tuple[Declared, bool]:
    if version == _BIFF8 and length >= _DIMENSIONS_BIFF8.size:
        first_row, last_row, first_col, last_col = _DIMENSIONS_BIFF8.unpack_from(stream, body)
        max_rows = MAX_ROWS[_BIFF8]
    else:
        first_row, last_row, first_col, last_col = _DIMENSIONS_BIFF5.unpack_from(stream, body)
        max_rows = MAX_ROWS_OLDER
    impossible = last_row > max_rows or last_col > MAX_COLUMNS or first_row > last_row or first_col > last_col
    return (first_row, last_row, first_col, last_col), impossible


_OUTSIDE: tuple[int, int, Declared | None, bool, int | None] = (0, 0, None, False, None)


def scan(stream: bytes) -> WorkbookStream:
    """Walk every record of the workbook stream once."""
    found = WorkbookStream()
    outer: list[tuple[int, int, tuple[int, int, int, int] | None, bool, int | None]] = []
    pos = 0
    end = len(stream)
    max_row = max_col = 0
    declared: tuple[int, int, int, int] | None = None
    impossible = False
    version = _BIFF8
    depth = 0
    top_level = -1
    position: int | None = None
    unpack_header = _HEADER.unpack_from
    unpack_cell = _ROW_COL.unpack_from
    single = _SINGLE_CELL
    while pos + 4 <= end:
        kind, length = unpack_header(stream, pos)
        body = pos + 4
        pos = body + length
        if kind in single:
            if length >= 4 and pos <= end:
                row, col = unpack_cell(stream, body)
                if row >= max_row:
                    max_row = row + 1
                if col >= max_col:
                    max_col = col + 1
        elif kind == _MULRK:
            if length >= 6 and pos <= end:
                row = unpack_cell(stream, body)[0]
                last = struct.unpack_from("<H", stream, pos - 2)[0]
                max_row = max(max_row, row + 1)
                max_col = max(max_col, last + 1)
        elif kind == _DIMENSIONS:
            if length >= _DIMENSIONS_BIFF5.size and pos <= end:
                declared, impossible = _dimensions(stream, body, length, version)
        elif kind == _BOUNDSHEET:
            if depth <= 1 and version == _BIFF8 and pos <= end:
                name = _sheet_name(stream, body, length)
                found.sheet_names.append(name or f"nr. {len(found.sheet_names) + 1}")
        elif kind == _FILEPASS:
            if depth <= 1:
                found.encrypted = True
                return found
        elif kind == _BOF:
            if length >= 2 and pos <= end:
                version = struct.unpack_from("<H", stream, body)[0]
            outer.append((max_row, max_col, declared, impossible, position))
            max_row = max_col = 0
            declared, impossible = None, False
            if depth == 0:
                top_level += 1
                position = top_level
            else:
                position = None
            depth += 1
        elif kind == _EOF:
            found.substreams.append(Substream(Extent(max_row, max_col), position, declared, impossible))
            max_row, max_col, declared, impossible, position = outer.pop() if outer else _OUTSIDE
            depth = max(depth - 1, 0)
    if max_row or declared is not None:
        found.substreams.append(Substream(Extent(max_row, max_col), position, declared, impossible))
    return found


def is_old_excel(head: bytes) -> bool:
    """An Excel 2, 3 or 4 file: a bare BIFF stream starting with its BOF record."""
    if len(head) < 8:
        return False
    kind, length = _HEADER.unpack_from(head, 0)
    return kind in OLD_BOFS and 4 <= length <= 16
