"""A minimal, defensive reader of OLE2 compound files (the container of .xls), enough to find the
workbook stream and measure its sheets before the spreadsheet parser builds them.

Every sector chain is bounded by the file's size, so a looping or lying chain is refused rather
than followed forever.
"""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE = 0xFFFFFFFF
_END = 0xFFFFFFFE
_SPECIAL = 0xFFFFFFFA


class CompoundFileError(Exception):
    """The container is malformed. Carries no file content."""


class CompoundFile:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or data[:8] != MAGIC:
            raise CompoundFileError("not a compound file")
        self.data = data
        major = struct.unpack_from("<H", data, 0x1A)[0]
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        mini_shift = struct.unpack_from("<H", data, 0x20)[0]
        if (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise CompoundFileError("unsupported sector size")
        self.sector_size = 1 << shift
        self.mini_size = 1 << mini_shift
        self.max_sectors = len(data) // self.sector_size + 1
        (n_fat, first_dir, _, self.mini_cutoff, first_minifat, n_minifat, first_difat, n_difat) = (
            struct.unpack_from("<IIIIIIII", data, 0x2C)
        )
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _SPECIAL]
        per_sector = self.sector_size // 4
        difat = first_difat
        for _ in range(min(n_difat, self.max_sectors)):
            if difat >= _SPECIAL:
                break
            entries = struct.unpack_from(f"<{per_sector}I", self._sector(difat))
            fat_sectors.extend(s for s in entries[:-1] if s < _SPECIAL)
            difat = entries[-1]
        if len(fat_sectors) < min(n_fat, self.max_sectors):
            raise CompoundFileError("short FAT")
        self.fat: list[int] = []
        for sector in fat_sectors[: self.max_sectors]:
            self.fat.extend(struct.unpack_from(f"<{per_sector}I", self._sector(sector)))
        self.directory = self._read_chain(first_dir, None)
        root = self._entry(0)
        if root is None or root[1] != 5:
            raise CompoundFileError("no root entry")
        self.ministream = self._read_chain(root[2], root[3])
        self.minifat: list[int] = []
        if n_minifat and first_minifat < _SPECIAL:
            raw = self._read_chain(first_minifat, None)
            self.minifat = list(struct.unpack_from(f"<{len(raw) // 4}I", raw))

    def _sector(self, index: int) -> bytes:
        start = (index + 1) * self.sector_size
        if index >= _SPECIAL or start + self.sector_size > len(self.data) + self.sector_size:
            raise CompoundFileError("sector out of range")
        return self.data[start : start + self.sector_size]

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        chain: list[int] = []
        sector = start
        while sector < _SPECIAL:
            if len(chain) >= limit or sector >= len(table):
                raise CompoundFileError("broken sector chain")
            chain.append(sector)
            sector = table[sector]
        if sector not in (_END, _FREE):
            raise CompoundFileError("broken sector chain")
        return chain

    def _read_chain(self, start: int, size: int | None) -> bytes:
        data = b"".join(self._sector(s) for s in self._chain(start, self.fat, self.max_sectors))
        return data if size is None else data[:size]

    def _entry(self, index: int) -> tuple[str, int, int, int] | None:
        offset = index * 128
        if offset + 128 > len(self.directory):
            return None
        raw = self.directory[offset : offset + 128]
        name_len = struct.unpack_from("<H", raw, 64)[0]
        name = raw[: max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        kind = raw[66]
        start, size = struct.unpack_from("<IQ", raw, 116)
        if self.sector_size == 512:
            size &= 0xFFFFFFFF
        return name, kind, start, size

    def stream_names(self) -> list[str]:
        names = []
        for index in range(len(self.directory) // 128):
            entry = self._entry(index)
            if entry is not None and entry[1] == 2:
                names.append(entry[0])
        return names

    def read_stream(self, name: str) -> bytes | None:
        """The stream's bytes (case-insensitive name), or None when there is no such stream."""
        wanted = name.casefold()
        for index in range(len(self.directory) // 128):
            entry = self._entry(index)
            if entry is None or entry[1] != 2 or entry[0].casefold() != wanted:
                continue
            _, _, start, size = entry
            if size > len(self.data):
                raise CompoundFileError("stream larger than the file")
            if size >= self.mini_cutoff:
                return self._read_chain(start, size)
            limit = len(self.ministream) // self.mini_size + 1
            parts = []
            for sector in self._chain(start, self.minifat, limit):
                offset = sector * self.mini_size
                parts.append(self.ministream[offset : offset + self.mini_size])
            return b"".join(parts)[:size]
        return None
