"""Shared look of the workbooks: header styles, the strategy-area header rows, print setup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from competence.export import palette
from competence.export.cells import safe_cell
from competence.gap import CompetenceRef

THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FONT = Font(bold=True, color=palette.HEADER[1])
HEADER_FILL = PatternFill("solid", start_color=palette.HEADER[0], end_color=palette.HEADER[0])
TITLE_FONT = Font(bold=True, size=14)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center")
PERCENT = "0%"
ONE_DECIMAL = "0.0"
DATE = "DD.MM.YYYY"


def fill(hex_rgb: str) -> PatternFill:
    return PatternFill("solid", start_color=hex_rgb, end_color=hex_rgb)


def header_row(ws: Worksheet, row: int, labels: Sequence[str], *, start_col: int = 1) -> None:
    """A dark header row with white bold text, wrapped."""
    for i, label in enumerate(labels):
        cell = safe_cell(ws.cell(row=row, column=start_col + i), label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BOX


def title(ws: Worksheet, text: str, subtitle: str | None = None) -> int:
    """Title (and subtitle) in the top rows; returns the next free row."""
    safe_cell(ws.cell(row=1, column=1), text).font = TITLE_FONT
    if subtitle:
        safe_cell(ws.cell(row=2, column=1), subtitle).font = Font(italic=True, color="595959")
        return 4
    return 3


def widths(ws: Worksheet, values: Sequence[float], *, start_col: int = 1) -> None:
    for i, width in enumerate(values):
        ws.column_dimensions[get_column_letter(start_col + i)].width = width


def competence_header(
    ws: Worksheet, columns: Sequence[CompetenceRef], *, first_col: int, area_row: int, name_row: int
) -> None:
    """Two header rows over the competence columns: strategy areas (merged) above the competences.

    Competence names are turned upright so that forty of them fit across a landscape page.
    """
    groups: list[tuple[int, int, CompetenceRef]] = []
    for i, ref in enumerate(columns):
        col = first_col + i
        if groups and groups[-1][2].area_id == ref.area_id:
            groups[-1] = (groups[-1][0], col, groups[-1][2])
        else:
            groups.append((col, col, ref))
        cell = safe_cell(ws.cell(row=name_row, column=col), ref.label)
        cell.font = Font(bold=True, size=9)
        cell.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
        cell.border = BOX
    for n, (start, end, ref) in enumerate(groups):
        colour = fill(palette.AREA_FILLS[n % len(palette.AREA_FILLS)])
        area_text = area_label(ref, end - start + 1)
        cell = safe_cell(ws.cell(row=area_row, column=start), area_text)
        cell.font = Font(bold=True, size=8)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        for col in range(start, end + 1):
            ws.cell(row=area_row, column=col).fill = colour
            ws.cell(row=area_row, column=col).border = BOX
            ws.cell(row=name_row, column=col).fill = colour
        if end > start:
            ws.merge_cells(start_row=area_row, start_column=start, end_row=area_row, end_column=end)


def area_label(ref: CompetenceRef, columns: int) -> str:
    """The area's name where the merged header has room for it, else its code (section number)."""
    per_line = int(columns * 4.6 * 1.3)  # 8 pt text in columns 4.6 wide
    longest_word = max((len(w) for w in ref.area_name.split()), default=0)
    if not ref.area_code or (longest_word <= per_line and len(ref.area_name) <= per_line * 3):
        return ref.area_name
    return ref.area_code


def footer_text(text: str) -> str:
    """Text for a header/footer field: '&' starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def print_setup(
    ws: Worksheet,
    *,
    municipality: str,
    scope_label: str,
    on: dt.date,
    landscape: bool = True,
    title_rows: str | None = None,
) -> None:
    """A4, fit to the page width, repeated header rows, footer with municipality, unit and date."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.left.text = footer_text(municipality)
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = footer_text(f"{scope_label} · {on:%d.%m.%Y}")
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "Side &P av &N"
    ws.oddFooter.right.size = 8


def fit_row(ws: Worksheet, row: int, texts: Sequence[tuple[str, float]], *, points: float = 13.0) -> None:
    """Give a row the height its wrapped texts need (spreadsheets do not grow rows openpyxl wrote).

    ``texts``: (text, column width in characters) of the row's wrapped cells.
    """
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.1), 1)
        lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = lines * points


def set_cells(ws: Worksheet, row: int, values: Sequence[Any], formats: Sequence[str | None]) -> None:
    """One data row: values through :func:`safe_cell`, with a number format per column."""
    for i, (value, fmt) in enumerate(zip(values, formats, strict=True)):
        cell = safe_cell(ws.cell(row=row, column=i + 1), value)
        if fmt:
            cell.number_format = fmt
        cell.alignment = WRAP_TOP
