"""Hand-made Excel 97-2003 workbooks (.xls), record by record, for the tests of crafted files.

A BIFF8 workbook stream (globals with one BOUNDSHEET, one sheet of NUMBER and LABEL cells) in a
minimal OLE2 compound file, with knobs for what a crafted file changes: the sheet's DIMENSIONS
record, the CODEPAGE, a FILEPASS record (an encrypted workbook).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

_SECTOR = 512
_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
_NONE = 0xFFFFFFFF


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _label(row: int, col: int, text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return _record(0x0204, struct.pack("<HHHHB", row, col, 15, len(text), 1) + encoded)


def _number(row: int, col: int, value: float) -> bytes:
    return _record(0x0203, struct.pack("<HHHd", row, col, 15, value))


def workbook_stream(
    rows: Sequence[Sequence[str | float | None]],
    *,
    dimensions: tuple[int, int, int, int] | None = None,
    codepage: int = 1200,
    encrypted: bool = False,
    sheet: str = "Ansatte",
) -> bytes:
    """The Workbook stream. ``dimensions`` = (first row, row after last, first col, col after last)."""
    bof_globals = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0600))
    bof_sheet = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x0600))
    eof = _record(0x000A)
    name = sheet.encode("utf-16-le")
    globals_ = bof_globals
    if encrypted:
        globals_ += _record(0x002F, struct.pack("<HHH", 0, 0x1234, 0x5678))
    globals_ += _record(0x0042, struct.pack("<H", codepage))
    boundsheet_body_len = 4 + 2 + 2 + len(name)
    sheet_offset = len(globals_) + 4 + boundsheet_body_len + len(eof)
    globals_ += _record(0x0085, struct.pack("<IBBBB", sheet_offset, 0, 0, len(sheet), 1) + name) + eof
    width = max((len(r) for r in rows), default=0)
    if dimensions is None:
        dimensions = (0, len(rows), 0, width)
    cells = b""
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, str):
                cells += _label(r, c, value)
            elif value is not None:
                cells += _number(r, c, float(value))
    sheet_stream = bof_sheet + _record(0x0200, struct.pack("<IIHHH", *dimensions, 0)) + cells + eof
    if encrypted:  # the records after FILEPASS hold noise, as RC4 makes of them (their headers stay)
        sheet_stream = _scrambled(sheet_stream)
    return globals_ + sheet_stream


def _scrambled(stream: bytes) -> bytes:
    out = bytearray()
    pos, key = 0, 0x5A
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if kind not in (0x0809, 0x000A):
            body = bytes(b ^ ((key + i * 97) & 0xFF) for i, b in enumerate(body))
        out += stream[pos : pos + 4] + body
        pos += 4 + length
    return bytes(out)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version-3 compound file holding ``streams`` (each padded to at least 4,096 bytes, so all
    live in regular sectors), one FAT sector and one directory sector."""
    assert len(streams) <= 3
    padded = {name: data.ljust(max(len(data), 4096), b"\0") for name, data in streams.items()}
    fat = [_FAT, _END]
    starts: dict[str, int] = {}
    for name, data in padded.items():
        count = -(-len(data) // _SECTOR)
        starts[name] = len(fat)
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(_END)
    assert len(fat) <= _SECTOR // 4
    fat_sector = struct.pack(f"<{_SECTOR // 4}I", *(fat + [_FREE] * (_SECTOR // 4 - len(fat))))

    def entry(name: str, kind: int, start: int, size: int, child: int, right: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", _NONE, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    names = list(padded)
    directory = entry("Root Entry", 5, _END, 0, 1 if names else _NONE, _NONE)
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else _NONE
        directory += entry(name, 2, starts[name], len(padded[name]), _NONE, right)
    directory = directory.ljust(_SECTOR, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        # directory sectors, FAT sectors, first directory sector, transaction, mini-stream cutoff,
        # first mini-FAT sector, mini-FAT sectors, first DIFAT sector, DIFAT sectors
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", 0, *([_FREE] * 108))  # the FAT is sector 0
    ).ljust(_SECTOR, b"\0")
    body = b"".join(data.ljust(-(-len(data) // _SECTOR) * _SECTOR, b"\0") for data in padded.values())
    return header + fat_sector + directory + body


def write_xls(path: Path, rows: Sequence[Sequence[str | float | None]], **knobs: object) -> Path:
    path.write_bytes(compound_file({"Workbook": workbook_stream(rows, **knobs)}))  # type: ignore[arg-type]
    return path
