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
from competence.language import format_date, normalise_language, pick
from competence.numbers import EXCEL_ONE_DECIMAL, EXCEL_POINTS, excel_percent_format

#: every cell font names the workbook's font: a font without a name prints in the spreadsheet's
#: fallback (a serif in LibreOffice), wider than the columns were made for
FONT_NAME = "Calibri"


def font(*, size: float = 11, **style: Any) -> Font:
    """A cell font in the workbook's typeface (11 pt unless ``size``)."""
    return Font(name=FONT_NAME, size=size, **style)


THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FONT = font(bold=True, color=palette.HEADER[1])
HEADER_FILL = PatternFill("solid", start_color=palette.HEADER[0], end_color=palette.HEADER[0])
TITLE_FONT = font(bold=True, size=14)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center")
CENTER_TOP = Alignment(horizontal="center", vertical="top")
ONE_DECIMAL = EXCEL_ONE_DECIMAL
#: the number format of a gap in percentage points (the value is rounded by round_points)
POINTS = EXCEL_POINTS
#: a line of the workbooks' 11 pt text, in points, when a row's height is set
LINE_HEIGHT = 14.0
#: characters of 11 pt text a column holds per unit of its width (Calibri or its metric twin
#: Carlito, in Excel and in LibreOffice): a little more than one plain, less in bold
PLAIN_CHARS, BOLD_CHARS = 1.1, 0.9
#: A4 landscape and portrait less the side margins of :func:`print_setup`, in points
LANDSCAPE_WIDTH = 842 - 2 * 0.4 * 72
PORTRAIT_WIDTH = 595 - 2 * 0.4 * 72


def percent_format(lang: str = "nb") -> str:
    """A share of 0-1 as a whole percent: "51 %" (Norwegian) or "51%"."""
    return excel_percent_format(lang)


def date_format(lang: str = "nb") -> str:
    return "DD/MM/YYYY" if normalise_language(lang) == "en" else "DD.MM.YYYY"


def column_points(width: float) -> float:
    """A column's printed width in points at 100 %, from its width in characters (about 7.2 px a
    character of the default font, and the cell's padding)."""
    return (width * 7.2 + 5) * 0.75


def fitted_scale(widths: Sequence[float], page_width: float) -> float:
    """The scale (0-1) a sheet of columns ``widths`` is printed at when fitted to the page width."""
    total = sum(column_points(w) for w in widths)
    return min(1.0, page_width / total) if total else 1.0


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
        safe_cell(ws.cell(row=2, column=1), subtitle).font = font(italic=True, color="595959")
        return 4
    return 3


def widths(ws: Worksheet, values: Sequence[float], *, start_col: int = 1) -> None:
    for i, width in enumerate(values):
        ws.column_dimensions[get_column_letter(start_col + i)].width = width


def competence_header(
    ws: Worksheet,
    columns: Sequence[CompetenceRef],
    *,
    first_col: int,
    area_row: int,
    name_row: int,
    lang: str = "nb",
    breaks: Sequence[int] = (),
    widths: Sequence[float] = (),
) -> None:
    """Two header rows over the competence columns: strategy areas (merged) above the competences.

    Competence names are turned upright so that forty of them fit across a landscape page. An area
    that a page break (``breaks``: the first column of each new page) cuts in two gets its name on
    both sides, so every printed page says which area its columns belong to.
    """
    groups: list[tuple[int, int, CompetenceRef]] = []
    page_starts = set(breaks)
    colour_of: dict[int, int] = {}
    for i, ref in enumerate(columns):
        col = first_col + i
        if groups and groups[-1][2].area_id == ref.area_id and col not in page_starts:
            groups[-1] = (groups[-1][0], col, groups[-1][2])
        else:
            groups.append((col, col, ref))
        colour_of.setdefault(ref.area_id, len(colour_of))
        cell = safe_cell(ws.cell(row=name_row, column=col), ref.display_label(lang))
        cell.font = font(bold=True, size=9)
        cell.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
        cell.border = BOX
    for start, end, ref in groups:
        colour = fill(palette.AREA_FILLS[colour_of[ref.area_id] % len(palette.AREA_FILLS)])
        room = (
            sum(widths[c - first_col] for c in range(start, end + 1)) if widths else 4.6 * (end - start + 1)
        )
        area_text = area_label(ref, room, lang)
        cell = safe_cell(ws.cell(row=area_row, column=start), area_text)
        cell.font = font(bold=True, size=9)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        for col in range(start, end + 1):
            ws.cell(row=area_row, column=col).fill = colour
            ws.cell(row=area_row, column=col).border = BOX
            ws.cell(row=name_row, column=col).fill = colour
        if end > start:
            ws.merge_cells(start_row=area_row, start_column=start, end_row=area_row, end_column=end)


#: lines of an area's name in the header row above the competences
AREA_LINES = 4
#: characters of 9 pt bold text per unit of column width
AREA_CHARS = 1.1


def area_label(ref: CompetenceRef, width: float, lang: str = "nb") -> str:
    """The area's name where the merged header (``width`` characters wide in all) has room for
    it, else its code (section number)."""
    name = ref.area_display(lang)
    if not ref.area_code or area_fits(name, width):
        return name
    return ref.area_code


def area_fits(name: str, width: float) -> bool:
    per_line = int(width * AREA_CHARS)
    longest_word = max((len(w) for w in name.split()), default=0)
    return longest_word <= per_line and text_lines(name, width * AREA_CHARS / PLAIN_CHARS) <= AREA_LINES


def area_width(name: str, columns: int, least: float) -> float:
    """The width of each of an area's ``columns`` that lets its name fit above them (an area
    without a code to show instead): at least ``least``."""
    width = least
    while not area_fits(name, width * columns) and width < 30:
        width += 0.5
    return width


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
    lang: str = "nb",
) -> None:
    """A4, fit to the page width, repeated header rows, footer with municipality, unit and date.

    The footer keeps its size when a sheet is printed smaller (it would shrink with the sheet)."""
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
    page_footer(ws, municipality, f"{scope_label} · {format_date(on, lang)}", lang, size=8)


def page_footer(ws: Worksheet, left: str, centre: str, lang: str, *, size: float) -> None:
    """Footer: municipality, what and when, "Side x av y". Spreadsheets shrink the footer with a
    sheet printed smaller; :func:`keep_readable` gives it the size that prints at 7 pt or more."""
    ws.oddFooter.left.text = footer_text(left)
    ws.oddFooter.center.text = footer_text(centre)
    ws.oddFooter.right.text = pick(lang, "Side &P av &N", "Page &P of &N")
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = int(size + 0.99)


#: the smallest printed text, in points
MIN_PRINTED = 7.2


def keep_readable(ws: Worksheet, scale: float) -> None:
    """A sheet printed at ``scale`` (0-1): its footer made large enough to print at
    :data:`MIN_PRINTED` points (the sheet's own text is 9 pt or more, kept readable by its layout)."""
    size = max(8.0, MIN_PRINTED / max(scale, 0.01) / 0.96)
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = int(size + 0.99)


def text_lines(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide: words are
    kept whole, as a spreadsheet wraps them; a word longer than a line is broken."""
    per_line = max(int(width * (BOLD_CHARS if bold else PLAIN_CHARS)), 1)
    lines = 0
    for part in str(text).split("\n"):
        used, count = 0, 1
        for word in part.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= per_line:
                used = need
                continue
            count += 1 + (len(word) - 1) // per_line if used else (len(word) - 1) // per_line
            used = len(word) % per_line or per_line
        lines += count
    return max(lines, 1)


def fit_row(ws: Worksheet, row: int, texts: Sequence[tuple[str, float]], *, bold: bool = False) -> None:
    """Give a row the height its wrapped texts need (spreadsheets do not grow rows openpyxl wrote,
    and a wrapped cell in a row of one line's height is printed over the next row).

    ``texts``: (text, column width in characters) of the row's wrapped cells.
    """
    height = row_height(texts, bold=bold)
    if height is not None:
        ws.row_dimensions[row].height = height


def row_height(texts: Sequence[tuple[str, float]], *, bold: bool = False) -> float | None:
    """The height (points) a row of wrapped ``texts`` needs; None when one line is enough."""
    lines = max((text_lines(text, width, bold=bold) for text, width in texts if text), default=1)
    return lines * LINE_HEIGHT + 3 if lines > 1 else None


def header_widths(labels: Sequence[str], widths: Sequence[float]) -> list[float]:
    """Column widths wide enough for the longest word of each header label in bold (a word the
    column cannot hold is broken in the middle: "Enhetsn-r")."""
    return [
        max(width, max((len(w) for w in str(label).split()), default=0) / BOLD_CHARS + 1)
        for label, width in zip(labels, widths, strict=True)
    ]


def set_cells(ws: Worksheet, row: int, values: Sequence[Any], formats: Sequence[str | None]) -> None:
    """One data row: values through :func:`safe_cell`, with a number format per column."""
    for i, (value, fmt) in enumerate(zip(values, formats, strict=True)):
        cell = safe_cell(ws.cell(row=row, column=i + 1), value)
        if fmt:
            cell.number_format = fmt
        cell.alignment = WRAP_TOP
