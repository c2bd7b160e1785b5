"""Excel 2003 XML spreadsheets (SpreadsheetML), and other XML files recognised to be refused.

An HR system that "exports to Excel" may write the 2003 XML format, under ``.xml`` or ``.xls``. It is
parsed with defusedxml (no DTD, no entities, nothing fetched), streaming, each row counted against
the limits as it is found (a row or cell placed far away with ``ss:Index`` included). Before that, an
XML text in an encoding that hides markup from a byte-level look (UTF-7, UTF-16, EBCDIC) is searched
for a DTD in that encoding: the known entity attacks are named as such.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from competence.roster.book import Cell, GrowingSheet, MemoryBook
from competence.roster.errors import damaged, refused
from competence.roster.extent import Extent, check_extent, refuse_dtd, xml_attack, xml_signature
from competence.roster.limits import Limits
from competence.roster.probe import Probe

SS = "urn:schemas-microsoft-com:office:spreadsheet"
_EXCEL = "urn:schemas-microsoft-com:office:excel"
_CHUNK = 1 << 20
_HIDDEN = ("SheetHidden", "SheetVeryHidden")


def _is_xml(probe: Probe) -> bool:
    return probe.lowered.startswith("<?xml") or xml_signature(probe.head) is not None


def is_spreadsheetml(probe: Probe) -> bool:
    return _is_xml(probe) and (SS in probe.lowered or 'progid="excel.sheet"' in probe.lowered)


def is_other_xml(probe: Probe) -> bool:
    return _is_xml(probe)


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from iter(lambda: fh.read(_CHUNK), b"")


def check_xml(probe: Probe, limits: Limits) -> None:
    """No DTD, in whatever encoding the text is written (UTF-7, UTF-16 and EBCDIC hide it from a
    byte-level look; competence/roster/extent.py searches each of them)."""
    refuse_dtd(_chunks(probe.path))


def refuse_other_xml(probe: Probe, limits: Limits) -> None:
    check_xml(probe, limits)
    raise refused(
        "not_a_spreadsheet",
        f"Filen {probe.name} er en XML-fil, men ikke et regneark (heller ikke Excel 2003 XML).",
        f"The file {probe.name} is an XML file but not a spreadsheet (nor Excel 2003 XML).",
    )


def _index(element: Any, current: int, most: int, reach: Extent, limits: Limits, sheet: str) -> int:
    """The 1-based position ``ss:Index`` gives the row or cell, else the next one."""
    raw = element.get(f"{{{SS}}}Index")
    if raw is None:
        return current + 1
    try:
        position = int(raw)
    except ValueError:
        return current + 1
    if position > most:
        check_extent(reach, limits, sheet)
    return max(position, current + 1)


def _value(data: Any) -> Cell:
    kind = data.get(f"{{{SS}}}Type", "String")
    text = "".join(data.itertext())
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.strip())
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    return text


Sheet = tuple[str, bool, list[list[Cell]]]


def _worksheets(events: Iterable[tuple[str, Any]], limits: Limits) -> list[Sheet]:
    sheets: list[Sheet] = []
    sheet: GrowingSheet | None = None
    visible = True
    row_number = 0
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == f"{{{SS}}}Worksheet":
                sheet = GrowingSheet(element.get(f"{{{SS}}}Name") or f"Ark{len(sheets) + 1}", limits)
                visible = True
                row_number = 0
            continue
        if sheet is None:
            continue
        if tag == f"{{{SS}}}Row":
            too_far = Extent(limits.max_rows + 1, 1)
            wanted = _index(element, row_number, limits.max_rows, too_far, limits, sheet.name)
            while row_number + 1 < wanted:
                sheet.add([])
                row_number += 1
            sheet.add(_cells(element, limits, sheet.name, row_number + 1))
            row_number += 1
            element.clear()
        elif tag == f"{{{_EXCEL}}}Visible" and (element.text or "").strip() in _HIDDEN:
            visible = False
        elif tag == f"{{{SS}}}Worksheet":
            sheets.append((sheet.name, visible, sheet.rows))
            sheet = None
            element.clear()
    return sheets


def _cells(row: Any, limits: Limits, sheet: str, row_number: int) -> list[Cell]:
    cells: list[Cell] = []
    for cell in row.iterfind(f"{{{SS}}}Cell"):
        too_far = Extent(row_number, limits.max_columns + 1)
        wanted = _index(cell, len(cells), limits.max_columns, too_far, limits, sheet)
        cells.extend([None] * (wanted - 1 - len(cells)))
        data = cell.find(f"{{{SS}}}Data")
        cells.append(_value(data) if data is not None else None)
        across = cell.get(f"{{{SS}}}MergeAcross")
        if across is not None and across.isdigit():
            if len(cells) + int(across) > limits.max_columns:
                check_extent(Extent(row_number, len(cells) + int(across)), limits, sheet)
            cells.extend([None] * int(across))
    return cells


def read_spreadsheetml(path: Path, limits: Limits) -> MemoryBook:
    try:
        with path.open("rb") as fh:
            sheets = _worksheets(iterparse(fh, events=("start", "end"), forbid_dtd=True), limits)
    except DefusedXmlException:
        raise xml_attack() from None
    except (ParseError, ValueError, UnicodeError):
        raise damaged(path.name) from None
    if not sheets:
        raise refused(
            "not_a_spreadsheet",
            f"Filen {path.name} er en XML-fil, men har ingen regneark i Excel 2003-format.",
            f"The file {path.name} is an XML file but holds no Excel 2003 worksheet.",
        )
    return MemoryBook(sheets)
