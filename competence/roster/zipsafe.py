"""Reading zip members without trusting the zip: counts, sizes and ratios checked first, then each
member inflated in bounded chunks, its true size and CRC compared with what the directory claims.

Python's ``zipfile`` stops at a member's declared size, but the spreadsheet parser may not; so the
deflate stream is inflated here by hand and must end exactly at the declared size (no trailing
data hidden behind a small declared size, the classic way a zip bomb slips past a size check).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from competence.roster.book import Closing
from competence.roster.errors import RosterFileError, damaged, password_protected, refused
from competence.roster.limits import Limits

_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
#: XML members (and the like) every check reads: the rest (images, binaries) is never parsed.
XML_SUFFIXES = (".xml", ".rels", ".vml")


def _bomb() -> RosterFileError:
    return refused(
        "zip_bomb",
        "Filen er en komprimert fil som pakker seg ut til langt mer enn et regneark gjør (en «zip-bombe»). "
        "Den ble ikke lest.",
        "The file unpacks to far more than any spreadsheet does (a 'zip bomb'). It was not read.",
    )


class SafeZip(Closing):
    """A zip file whose directory passed the checks; its members are read only through it.

    Opening refuses a zip whose directory alone shows a bomb, an encrypted member or an odd
    compression. Use as a context manager.
    """

    def __init__(self, path: Path, file_name: str, limits: Limits) -> None:
        self.file_name = file_name
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise damaged(file_name) from None
        try:
            self.members = {info.filename: info for info in _checked_members(self._zip, limits, file_name)}
            self._fh = path.open("rb")
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._fh.close()
        self._zip.close()

    def __contains__(self, member: str) -> bool:
        return member in self.members

    def chunks(self, member: str) -> Iterator[bytes]:
        """The member's bytes in chunks; refused when its content disagrees with the directory."""
        return _iter_member(self._fh, self.members[member], self.file_name)

    def read_small(self, member: str, limit: int = 16 * 1024 * 1024) -> bytes | None:
        """A small member whole (a content-types list, a manifest); None when absent or too big."""
        info = self.members.get(member)
        if info is None or info.file_size > limit:
            return None
        return b"".join(self.chunks(member))

    def xml_members(self) -> list[str]:
        return [name for name in self.members if name.lower().endswith(XML_SUFFIXES)]


def _checked_members(zf: zipfile.ZipFile, limits: Limits, file_name: str) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise refused(
            "too_many_members",
            f"Filen inneholder {len(infos)} deler; et regneark har sjelden mer enn noen titalls "
            f"(grensen er {limits.max_zip_members}). Den ble ikke lest.",
            f"The file holds {len(infos)} parts; a spreadsheet rarely has more than a few dozen "
            f"(the limit is {limits.max_zip_members}). It was not read.",
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise password_protected(file_name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise damaged(file_name)
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise _bomb()
        if (
            info.file_size >= limits.ratio_check_from_bytes
            and info.file_size > limits.max_compression_ratio * max(info.compress_size, 1)
        ):
            raise _bomb()
    return infos


def _iter_member(stream: BinaryIO, info: zipfile.ZipInfo, file_name: str) -> Iterator[bytes]:
    stream.seek(info.header_offset)
    header = stream.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise damaged(file_name)
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04":
        raise damaged(file_name)
    stream.seek(info.header_offset + _LOCAL_HEADER.size + fields[9] + fields[10])
    left_in = info.compress_size
    produced = 0
    crc = 0
    inflater = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left_in > 0:
        raw = stream.read(min(_CHUNK, left_in))
        if not raw:
            raise damaged(file_name)
        left_in -= len(raw)
        pending = raw
        while pending:
            if inflater is None:
                out, pending = pending, b""
            else:
                try:
                    out = inflater.decompress(pending, _CHUNK)
                except zlib.error:
                    raise damaged(file_name) from None
                pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise _bomb()
            crc = zlib.crc32(out, crc)
            if out:
                yield out
            if inflater is not None and inflater.eof:
                break
    if inflater is not None and not inflater.eof:
        raise damaged(file_name)
    if produced != info.file_size or crc != info.CRC:
        raise damaged(file_name)
