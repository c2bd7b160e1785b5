"""The extent of each sheet of a BIFF5/BIFF8 workbook stream (.xls), from its cell records.

Only records that hold a value count (numbers, strings, formulas, booleans), as with the parser;
blank cells that only carry formatting do not.
"""

from __future__ import annotations

import struct

from competence.roster.extent import Extent

_BOF = 0x0809
_EOF = 0x000A
_SINGLE_CELL = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0006, 0x0205})
_MULRK = 0x00BD
_HEADER = struct.Struct("<HH")
_ROW_COL = struct.Struct("<HH")


def sheet_extents(stream: bytes) -> list[Extent]:
    """One extent per substream (the globals, each sheet, any embedded chart), in stream order."""
    extents: list[Extent] = []
    outer: list[tuple[int, int]] = []
    pos = 0
    end = len(stream)
    max_row = max_col = 0
    unpack_header = _HEADER.unpack_from
    unpack_cell = _ROW_COL.unpack_from
    single = _SINGLE_CELL
    while pos + 4 <= end:
        kind, length = unpack_header(stream, pos)
        body = pos + 4
        pos = body + length
        if kind in single:
            if length >= 4:
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
        elif kind == _BOF:
            outer.append((max_row, max_col))
            max_row = max_col = 0
        elif kind == _EOF:
            extents.append(Extent(max_row, max_col))
            max_row, max_col = outer.pop() if outer else (0, 0)
    if max_row:
        extents.append(Extent(max_row, max_col))
    return extents
