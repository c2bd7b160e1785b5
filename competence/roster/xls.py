"""Excel 97-2003 workbooks (.xls, an OLE2 compound file), and what else such a container may be.

Recognised: an encrypted Office file (an .xlsx with a password is a compound file holding
``EncryptedPackage``), an .xls (a ``Workbook`` or ``Book`` stream), another Office document (Word),
and Excel 2-4 files (a bare BIFF stream, no container). Before python-calamine opens an .xls, its
workbook stream is walked record by record (competence/roster/biff.py): encrypted (FILEPASS) is
refused as password protected, a DIMENSIONS record claiming more than the format allows as crafted,
and every sheet is measured from its cell records.
"""

from __future__ import annotations

from competence.roster import biff
from competence.roster.errors import password_protected, refused
from competence.roster.extent import check_extent, thousands
from competence.roster.limits import Limits
from competence.roster.probe import Probe


def _streams(probe: Probe) -> set[str]:
    container = probe.compound
    return {s.casefold() for s in container.stream_names()} if container is not None else set()


def is_encrypted_office(probe: Probe) -> bool:
    return bool({"encryptedpackage", "encryptioninfo"} & _streams(probe))


def is_workbook(probe: Probe) -> bool:
    return bool({"workbook", "book"} & _streams(probe))


def is_compound(probe: Probe) -> bool:
    return probe.compound is not None


def is_old_excel(probe: Probe) -> bool:
    return biff.is_old_excel(probe.head)


def check_workbook(probe: Probe, limits: Limits) -> None:
    stream = probe.stream("Workbook") or probe.stream("Book") or b""
    found = biff.scan(stream)
    if found.encrypted:
        raise password_protected(probe.name)
    for substream in found.substreams:
        label = found.label(substream)
        if substream.impossible and substream.declared is not None:
            first_row, end_row, first_col, end_col = substream.declared
            rows = f"{thousands(first_row + 1)}-{thousands(end_row)}"
            columns = f"{thousands(first_col + 1)}-{thousands(end_col)}"
            raise refused(
                "crafted",
                f"Arket «{label}» i filen {probe.name} oppgir å gå over rad {rows} og kolonne {columns}, "
                "noe .xls-formatet ikke tillater (høyst 65 536 rader og 256 kolonner). Filen er skadet eller "
                "laget for å få programmer til å krasje, og ble ikke lest.",
                f"The sheet '{label}' in the file {probe.name} claims to span rows {rows} and columns "
                f"{columns}, which the .xls format does not allow (at most 65,536 rows and 256 columns). The "
                "file is damaged or made to crash programs, and was not read.",
            )
        check_extent(substream.extent, limits, label)


def refuse_encrypted(probe: Probe, limits: Limits) -> None:
    raise password_protected(probe.name)


def refuse_other_document(probe: Probe, limits: Limits) -> None:
    raise refused(
        "not_a_spreadsheet",
        f"Filen {probe.name} er et eldre Office-dokument, men ikke et regneark (kanskje Word).",
        f"The file {probe.name} is an older Office document but not a spreadsheet (Word?).",
    )


def refuse_old_excel(probe: Probe, limits: Limits) -> None:
    raise refused(
        "old_excel",
        f"Filen {probe.name} er i et gammelt Excel-format (Excel 2, 3 eller 4, fra før 1995) som programmet "
        "ikke leser. Åpne den i Excel eller LibreOffice, lagre som .xlsx og prøv igjen.",
        f"The file {probe.name} is in an old Excel format (Excel 2, 3 or 4, from before 1995) that the "
        "program does not read. Open it in Excel or LibreOffice, save it as .xlsx and retry.",
    )
