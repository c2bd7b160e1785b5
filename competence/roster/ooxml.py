"""Office Open XML in a zip (.xlsx, .xlsm; .xlsb and Word/PowerPoint files recognised to be refused):
how each is recognised from its content types, and what an xlsx must pass before it is parsed.

Every XML member is read, inflated by hand (competence/roster/zipsafe.py): none may hold a DTD or
be written in an encoding that hides one; every worksheet is measured from its cells
(competence/roster/extent.py), whatever its ``<dimension>`` claims.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from defusedxml import ElementTree

from competence.roster.errors import refused
from competence.roster.extent import refuse_dtd, xlsx_sheet_extent
from competence.roster.limits import Limits
from competence.roster.probe import Probe
from competence.roster.zipsafe import SafeZip

_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKSHEET = re.compile(r"xl/\w+sheets/")


def content_types(probe: Probe) -> bytes | None:
    """The package's ``[Content_Types].xml`` (DTD refused), None when the file has none."""
    package = probe.zip
    if package is None:
        return None
    types = package.read_small("[Content_Types].xml")
    if types is not None:
        refuse_dtd([types])
    return types


def is_binary_workbook(probe: Probe) -> bool:
    types = content_types(probe)
    return types is not None and (
        b"sheet.binary" in types or (probe.zip is not None and "xl/workbook.bin" in probe.zip)
    )


def is_workbook(probe: Probe) -> bool:
    types = content_types(probe)
    return types is not None and (b"spreadsheetml" in types or b"ms-excel" in types)


def is_office_document(probe: Probe) -> bool:
    return content_types(probe) is not None


def check_workbook(probe: Probe, limits: Limits) -> None:
    """Every XML member free of DTDs, every worksheet within the limits."""
    package = probe.zip
    assert package is not None
    sheet_names = _sheet_names(package)
    for member in package.xml_members():
        if member in sheet_names or _WORKSHEET.match(member):
            label = sheet_names.get(member, member.rsplit("/", 1)[-1])
            xlsx_sheet_extent(partial(package.chunks, member), limits, label)
        else:
            refuse_dtd(package.chunks(member))


def refuse_binary_workbook(probe: Probe, limits: Limits) -> None:
    raise refused(
        "unsupported_format",
        f"Filen {probe.name} er en binær Excel-arbeidsbok (.xlsb). Lagre den som .xlsx og prøv igjen.",
        f"The file {probe.name} is a binary Excel workbook (.xlsb). Save it as .xlsx and retry.",
    )


def refuse_office_document(probe: Probe, limits: Limits) -> None:
    raise refused(
        "not_a_spreadsheet",
        f"Filen {probe.name} er et Office-dokument, men ikke et regneark (kanskje Word eller PowerPoint).",
        f"The file {probe.name} is an Office document but not a spreadsheet (Word or PowerPoint?).",
    )


def _sheet_names(package: SafeZip) -> dict[str, str]:
    """Member path → sheet name, from the workbook and its relationships (for readable messages)."""

    def parse(member: str) -> Any:
        data = package.read_small(member)
        if data is None:
            return None
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
