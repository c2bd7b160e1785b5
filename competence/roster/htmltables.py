"""HTML tables, as web-based HR systems save them under the name ``.xls`` (Excel opens those too).

Each ``<table>`` is a sheet (named by its ``<caption>``, else "Tabell 1", "Tabell 2"...), each ``<tr>``
a row, each ``<td>``/``<th>`` a cell; a cell spanning columns or rows (``colspan``, ``rowspan``)
keeps its value in its first position and leaves the others empty, as a merged cell in a spreadsheet
does. Parsed with Python's ``html.parser``: character references are the HTML ones only (no DTD,
no entity expansion), nothing is ever fetched, and script and style contents are skipped. The limits
on rows, columns and cells hold as the rows are found, spans included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from competence.roster.book import Cell, GrowingSheet, MemoryBook
from competence.roster.errors import refused
from competence.roster.extent import Extent, check_extent
from competence.roster.limits import Limits
from competence.roster.probe import Probe
from competence.roster.textfile import decode

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_MARKERS = re.compile(r"<(?:html|table)(?![\w:.-])|<!doctype\s+html")
_SKIPPED = frozenset({"script", "style", "title"})


def is_html(probe: Probe) -> bool:
    return _MARKERS.search(probe.lowered) is not None


@dataclass
class _Table:
    sheet: GrowingSheet
    caption: list[str] = field(default_factory=list)
    row: list[Cell] | None = None
    cell: list[str] | None = None
    colspan: int = 1
    rowspan: int = 1
    #: Column → rows still covered by a cell spanning rows from above.
    covered: dict[int, int] = field(default_factory=dict)
    in_caption: bool = False


class _Tables(HTMLParser):
    def __init__(self, limits: Limits) -> None:
        super().__init__(convert_charrefs=True)
        self.limits = limits
        self.open: list[_Table] = []
        self.done: list[_Table] = []
        self.skipping = 0

    # -- structure ----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag == "table":
            number = len(self.done) + len(self.open) + 1
            self.open.append(_Table(GrowingSheet(f"Tabell {number}", self.limits)))
            return
        table = self.open[-1] if self.open else None
        if table is None:
            return
        if tag == "caption":
            table.in_caption = True
        elif tag == "tr":
            self._end_row(table)
            table.row = []
            self._skip_covered(table)
        elif tag in ("td", "th"):
            self._end_cell(table)
            if table.row is None:
                table.row = []
                self._skip_covered(table)
            values = dict(attrs)
            table.colspan = self._span(values.get("colspan"), self.limits.max_columns, table, columns=True)
            table.rowspan = self._span(values.get("rowspan"), self.limits.max_rows, table, columns=False)
            table.cell = []
        elif tag == "br" and table.cell is not None:
            table.cell.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.open and self.open[-1].cell is not None:
            self.open[-1].cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
            return
        table = self.open[-1] if self.open else None
        if table is None:
            return
        if tag == "caption":
            table.in_caption = False
        elif tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        elif tag == "table":
            self._end_row(table)
            self.done.append(self.open.pop())

    def handle_data(self, data: str) -> None:
        if self.skipping or not self.open:
            return
        table = self.open[-1]
        if table.cell is not None:
            table.cell.append(data)
        elif table.in_caption:
            table.caption.append(data)

    def close(self) -> None:
        super().close()
        while self.open:
            table = self.open.pop()
            self._end_row(table)
            self.done.append(table)

    # -- cells and spans ----------------------------------------------------------------------

    def _span(self, raw: str | None, most: int, table: _Table, *, columns: bool) -> int:
        digits = re.match(r"\s*(\d{1,9})", raw or "")
        span = max(int(digits.group(1)), 1) if digits else 1
        if span > most:
            reach = Extent(1, span) if columns else Extent(span, 1)
            check_extent(reach, self.limits, table.sheet.name)
        return span

    def _skip_covered(self, table: _Table) -> None:
        row = table.row
        assert row is not None
        while table.covered.get(len(row), 0) > 0:
            row.append(None)

    def _end_cell(self, table: _Table) -> None:
        if table.cell is None or table.row is None:
            return
        text = "\n".join(_SPACE.sub(" ", part).strip() for part in "".join(table.cell).split("\n")).strip()
        start = len(table.row)
        table.row.append(text)
        table.row.extend([None] * (table.colspan - 1))
        if len(table.row) > self.limits.max_columns:
            check_extent(Extent(len(table.sheet.rows) + 1, len(table.row)), self.limits, table.sheet.name)
        if table.rowspan > 1:
            for column in range(start, start + table.colspan):
                table.covered[column] = table.rowspan  # counted down as each row ends
        table.cell = None
        self._skip_covered(table)

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.row is None:
            return
        table.sheet.add(table.row)
        table.row = None
        for column in list(table.covered):
            table.covered[column] -= 1
            if table.covered[column] <= 0:
                del table.covered[column]


def _declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def read_tables(path: Path, limits: Limits) -> MemoryBook:
    data = path.read_bytes()
    text, _codec = decode(data, _declared_charset(data))
    parser = _Tables(limits)
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.done if any(t.sheet.rows)]
    if not tables:
        raise refused(
            "no_table",
            f"Filen {path.name} er en nettside (HTML) uten noen tabell, og inneholder derfor ingen "
            "ansattliste.",
            f"The file {path.name} is a web page (HTML) without any table, so it holds no roster.",
        )
    sheets: list[tuple[str, bool, list[list[Cell]]]] = []
    used: set[str] = set()
    for index, table in enumerate(tables, start=1):
        caption = _SPACE.sub(" ", "".join(table.caption)).strip()[:100]
        name = caption or f"Tabell {index}"
        while name in used:
            name = f"{name} ({index})"
        used.add(name)
        sheets.append((name, True, table.sheet.rows))
    return MemoryBook(sheets)
