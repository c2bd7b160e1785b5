"""Checks a roster file must pass before the spreadsheet parser opens it (DESIGN §9).

In order: the file exists and is not empty or oversized; its extension is one we read; its first
bytes say it really is that kind of file (an .xls that is HTML, an .xlsx that is an encrypted
container, a CSV renamed to .xlsx are all refused with a message saying what the file is); then,
for zip-based workbooks, the zip directory and every XML member (bombs, DTDs, sheet extents) and,
for .xls, the compound file and its sheets' extents.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from defusedxml import ElementTree

from competence.roster import biff, zipsafe
from competence.roster.cfb import MAGIC as CFB_MAGIC
from competence.roster.cfb import CompoundFile, CompoundFileError
from competence.roster.errors import RosterFileError, refused
from competence.roster.extent import check_extent, ods_extents, refuse_dtd, xlsx_sheet_extent
from competence.roster.limits import DEFAULT_LIMITS, Limits

#: Extensions read, and the kind of content each must hold.
EXTENSIONS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods", ".xls": "xls"}
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_KIND_NAMES = {
    "xlsx": ("en Excel-arbeidsbok (.xlsx)", "an Excel workbook (.xlsx)"),
    "ods": ("et OpenDocument-regneark (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "xls": ("en eldre Excel-arbeidsbok (.xls)", "an older Excel workbook (.xls)"),
}
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the guards: what it is and its fingerprint."""

    path: Path
    file_name: str
    kind: str
    size: int
    sha256: str


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> CheckedFile:
    """Run every guard on ``path``; raise :class:`RosterFileError` on the first that fails."""
    name = path.name
    try:
        size = path.stat().st_size
        is_file = path.is_file()
    except OSError:
        size, is_file = 0, False
    if not is_file:
        raise refused("not_found", f"Fant ikke filen {path}.", f"The file {path} was not found.")
    if size == 0:
        raise refused("empty", f"Filen {name} er tom.", f"The file {name} is empty.")
    if size > limits.max_file_bytes:
        mb, cap = size / 2**20, limits.max_file_bytes / 2**20
        raise refused(
            "too_large",
            f"Filen {name} er {mb:.0f} MB; grensen er {cap:.0f} MB. "
            "En ansattliste er sjelden over noen få MB.",
            f"The file {name} is {mb:.0f} MB; the limit is {cap:.0f} MB. A roster is rarely over a few MB.",
        )
    extension = path.suffix.lower()
    expected = EXTENSIONS.get(extension)
    if expected is None:
        raise refused(
            "unsupported_extension",
            f"Filen {name} har en filtype som ikke kan leses inn. Bruk .xlsx, .xlsm, .xls eller .ods "
            "(en CSV-fil kan åpnes i Excel og lagres som .xlsx).",
            f"The file {name} is of a type that cannot be imported. Use .xlsx, .xlsm, .xls or .ods "
            "(a CSV file can be opened in Excel and saved as .xlsx).",
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        raise refused("unreadable", f"Kan ikke lese filen {name}.", f"Cannot read the file {name}.") from None
    try:
        if head.startswith(b"PK\x03\x04"):
            kind = _check_zip(path, name, expected, limits)
        elif head.startswith(CFB_MAGIC):
            kind = _check_compound(path, name, expected, limits)
        else:
            raise _not_a_workbook(name, head)
    except OSError:
        raise refused("unreadable", f"Kan ikke lese filen {name}.", f"Cannot read the file {name}.") from None
    return CheckedFile(path=path, file_name=name, kind=kind, size=size, sha256=file_sha256(path))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _wrong_extension(name: str, actual: str) -> RosterFileError:
    nb, en = _KIND_NAMES[actual]
    return refused(
        "wrong_extension",
        f"Filen {name} har feil filendelse: innholdet er {nb}. Gi filen riktig endelse og prøv igjen.",
        f"The file {name} has the wrong extension: its content is {en}. Rename it and retry.",
    )


def _not_a_workbook(name: str, head: bytes) -> RosterFileError:
    lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        what_nb, what_en = "et XML-regneark fra Excel 2003", "an Excel 2003 XML spreadsheet"
    elif lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in lowered:
        what_nb, what_en = "en nettside (HTML/XML)", "a web page (HTML/XML)"
    elif _looks_like_text(head):
        what_nb, what_en = "en tekstfil (for eksempel CSV)", "a text file (CSV, for example)"
    else:
        return refused(
            "not_a_spreadsheet",
            f"Filen {name} er ikke et regneark som kan leses (ukjent innhold).",
            f"The file {name} is not a spreadsheet that can be read (unknown content).",
        )
    return refused(
        "not_a_spreadsheet",
        f"Filen {name} er ikke et ekte regneark, men {what_nb} med regnearkendelse (slik noen HR-systemer "
        "eksporterer). Åpne den i Excel eller LibreOffice og lagre som Excel-arbeidsbok (.xlsx).",
        f"The file {name} is not a real spreadsheet but {what_en} with a spreadsheet extension (as some HR "
        "systems export). Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
    )


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    for encoding in ("utf-8", "utf-16", "cp1252"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= 0.95 * max(len(text), 1)
    return False


def _password_protected(name: str) -> RosterFileError:
    return refused(
        "password_protected",
        f"Filen {name} er passordbeskyttet. Fjern passordet i Excel og prøv igjen.",
        f"The file {name} is password protected. Remove the password in Excel and retry.",
    )


# --------------------------------------------------------------------------------------------
# zip-based: xlsx, xlsm, ods
# --------------------------------------------------------------------------------------------


def _check_zip(path: Path, name: str, expected: str, limits: Limits) -> str:
    with zipsafe.open_zip(path, name) as zf, path.open("rb") as fh:
        infos = zipsafe.check_members(zf, limits, name)
        by_name = {info.filename: info for info in infos}

        def read_small(member: str) -> bytes:
            data = b"".join(zipsafe.iter_member(fh, by_name[member], name))
            refuse_dtd([data])
            return data

        if "mimetype" in by_name and read_small("mimetype").strip() == _ODS_MIMETYPE:
            kind = "ods"
        elif "[Content_Types].xml" in by_name:
            types = read_small("[Content_Types].xml")
            if b"spreadsheetml" not in types and b"ms-excel" not in types:
                raise refused(
                    "not_a_spreadsheet",
                    f"Filen {name} er et Office-dokument, men ikke et regneark "
                    "(kanskje Word eller PowerPoint).",
                    f"The file {name} is an Office document but not a spreadsheet (Word or PowerPoint?).",
                )
            if b"sheet.binary" in types or "xl/workbook.bin" in by_name:
                raise refused(
                    "unsupported_format",
                    f"Filen {name} er en binær Excel-arbeidsbok (.xlsb). Lagre den som .xlsx og prøv igjen.",
                    f"The file {name} is a binary Excel workbook (.xlsb). Save it as .xlsx and retry.",
                )
            kind = "xlsx"
        else:
            raise refused(
                "not_a_spreadsheet",
                f"Filen {name} er en zip-fil, men ikke et regneark.",
                f"The file {name} is a zip archive but not a spreadsheet.",
            )
        if kind != expected:
            raise _wrong_extension(name, kind)
        if kind == "ods":
            _scan_ods(fh, by_name, name, limits)
        else:
            _scan_xlsx(fh, by_name, name, limits)
    return kind


def _xml_members(by_name: dict[str, zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    return [i for i in by_name.values() if i.filename.lower().endswith((".xml", ".rels", ".vml"))]


def _scan_ods(stream: BinaryIO, by_name: dict[str, zipfile.ZipInfo], name: str, limits: Limits) -> None:
    if "content.xml" not in by_name:
        raise zipsafe.damaged(name)
    for info in _xml_members(by_name):
        chunks = zipsafe.iter_member(stream, info, name)
        if info.filename == "content.xml":
            ods_extents(chunks, limits)
        else:
            refuse_dtd(chunks)


def _scan_xlsx(stream: BinaryIO, by_name: dict[str, zipfile.ZipInfo], name: str, limits: Limits) -> None:
    sheet_names = _xlsx_sheet_names(stream, by_name, name)
    for info in _xml_members(by_name):
        if info.filename in sheet_names or re.match(r"xl/\w+sheets/", info.filename):
            label = sheet_names.get(info.filename, info.filename.rsplit("/", 1)[-1])
            xlsx_sheet_extent(partial(zipsafe.iter_member, stream, info, name), limits, label)
        else:
            refuse_dtd(zipsafe.iter_member(stream, info, name))


def _xlsx_sheet_names(fh: BinaryIO, by_name: dict[str, zipfile.ZipInfo], name: str) -> dict[str, str]:
    """Member path → sheet name, from the workbook and its relationships (for readable messages)."""

    def parse(member: str) -> Any:
        info = by_name.get(member)
        if info is None or info.file_size > 16 * 1024 * 1024:
            return None
        data = b"".join(zipsafe.iter_member(fh, info, name))
        refuse_dtd([data])
        try:
            return ElementTree.fromstring(data)
        except Exception:  # malformed XML: the parser will refuse the file; names are cosmetic
            return None

    workbook = parse("xl/workbook.xml")
    rels = parse("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    targets: dict[str, str] = {}
    for rel in rels.iter():
        target = rel.get("Target")
        if rel.get("Id") and target:
            target = target.lstrip("/")
            targets[rel.get("Id")] = target if target.startswith("xl/") else f"xl/{target}"
    names: dict[str, str] = {}
    for element in workbook.iter():
        if element.tag.endswith("}sheet") and element.get(_REL_NS) in targets:
            names[targets[element.get(_REL_NS)]] = element.get("name", "?")
    return names


# --------------------------------------------------------------------------------------------
# OLE2 compound file: xls (or an encrypted xlsx)
# --------------------------------------------------------------------------------------------


def _check_compound(path: Path, name: str, expected: str, limits: Limits) -> str:
    data = path.read_bytes()
    try:
        container = CompoundFile(data)
        streams = {s.casefold() for s in container.stream_names()}
        if "encryptedpackage" in streams or "encryptioninfo" in streams:
            raise _password_protected(name)
        workbook = container.read_stream("Workbook") or container.read_stream("Book")
    except CompoundFileError:
        raise zipsafe.damaged(name) from None
    if workbook is None:
        raise refused(
            "not_a_spreadsheet",
            f"Filen {name} er et eldre Office-dokument, men ikke et regneark (kanskje Word).",
            f"The file {name} is an older Office document but not a spreadsheet (Word?).",
        )
    if expected != "xls":
        raise _wrong_extension(name, "xls")
    for index, extent in enumerate(biff.sheet_extents(workbook)):
        check_extent(extent, limits, f"nr. {index}")
    return "xls"
