"""Streaming many rows into a workbook that openpyxl laid out.

openpyxl writes about 70,000 cells a second, even in write-only mode: a 50,000 × 40 matrix would
take half a minute. So the workbook is laid out with openpyxl (styles, header rows, conditional
formatting, print setup, the small sheets) with the big sheet's data rows left out, and the rows are
then streamed into that sheet's XML as it is copied into the final file: the rows are formatted as
XML text directly, a few hundred thousand cells a second, in constant memory.

Text goes in as inline strings (``t="inlineStr"``): always text, never a formula; a text that starts
like one also gets ``quotePrefix``, as every other export's cells do (:func:`text_cell`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from competence.export.cells import clean_cell_text, needs_text_guard
from competence.files import private_output

_DIMENSION = re.compile(rb"<dimension ref=\"[^\"]*\"\s*/>")
_BATCH = 2000


def column_letters(count: int) -> list[str]:
    """``["A", "B", ...]`` for the first ``count`` columns (index 0 is column A)."""
    return [get_column_letter(i) for i in range(1, count + 1)]


@dataclass(frozen=True)
class TextStyle:
    """A text cell's style, and the same style with ``quotePrefix`` for a text that starts like a
    formula: Excel then keeps it text when the user edits the cell (as :func:`safe_cell` does)."""

    plain: int
    quoted: int


def text_style(cell: Any) -> TextStyle:
    """Register a cell's style as it is now, with and without ``quotePrefix``."""
    plain = style_id(cell)
    cell.quotePrefix = True
    quoted = style_id(cell)
    cell.quotePrefix = False
    return TextStyle(plain, quoted)


def text_cell(ref: str, value: str, style: TextStyle) -> str:
    """An inline-string cell: text that a spreadsheet never runs as a formula, now or when edited."""
    cleaned = clean_cell_text(value)
    text = escape(cleaned)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    s = style.quoted if needs_text_guard(cleaned) else style.plain
    return f'<c r="{ref}" s="{s}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def number_cell(ref: str, value: int | float, style: int) -> str:
    return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'


def style_id(cell: Any) -> int:
    """The workbook's index of a cell's style as it is now (a copy: the cell may change after)."""
    return int(cell.parent.parent._cell_styles.add(copy(cell._style)))


def save_with_rows(
    wb: Any, ws: Any, path: Path, rows: Iterable[str], *, last_cell: str, compresslevel: int = 1
) -> None:
    """Save ``wb`` to ``path`` with ``rows`` (``<row>`` elements as XML text) appended to ``ws``.

    ``last_cell`` is the bottom-right cell of the finished sheet, for its dimension record. The
    file is written next to ``path`` and renamed into place, so a failure leaves no half file.
    """
    layout = io.BytesIO()
    wb.save(layout)
    member = ws.path.lstrip("/")
    with (
        private_output(path) as tmp,
        zipfile.ZipFile(layout) as source,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != member:
                target.writestr(info, data)
                continue
            head, tail = _split_sheet(data, last_cell)
            out_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            out_info.compress_type = zipfile.ZIP_DEFLATED
            for name in ("compress_level", "_compresslevel"):  # Python 3.13 renamed it
                if hasattr(out_info, name):
                    setattr(out_info, name, compresslevel)
            with target.open(out_info, "w", force_zip64=True) as out:
                out.write(head)
                batch: list[str] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) >= _BATCH:
                        out.write("".join(batch).encode("utf-8"))
                        batch.clear()
                out.write("".join(batch).encode("utf-8"))
                out.write(tail)


def _split_sheet(xml: bytes, last_cell: str) -> tuple[bytes, bytes]:
    """The sheet XML before and after the point where the streamed rows go."""
    xml = _DIMENSION.sub(f'<dimension ref="A1:{last_cell}"/>'.encode(), xml, count=1)
    end = xml.find(b"</sheetData>")
    if end >= 0:
        return xml[:end], xml[end:]
    empty = xml.find(b"<sheetData/>")
    if empty < 0:
        raise ValueError("worksheet XML without sheetData")
    return xml[:empty] + b"<sheetData>", b"</sheetData>" + xml[empty + len(b"<sheetData/>") :]
