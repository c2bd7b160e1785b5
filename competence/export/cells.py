"""Cell values that are safe to hand to a spreadsheet (docs/security.md).

A text starting with ``= + - @``, a tab, CR or NUL would be run as a formula (or used for DDE) by
Excel or LibreOffice, so such text is always written as a string cell, never as a formula. Control
characters XML cannot hold are dropped. Real numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from competence.validation import looks_like_formula

#: Characters an XML 1.0 document cannot hold (what openpyxl refuses too).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Longest text a cell holds (Excel's limit).
MAX_CELL_TEXT = 32767

CellValue = str | int | float | dt.date | dt.datetime | None


def clean_cell_text(value: str) -> str:
    """``value`` without XML-illegal control characters, cut to what a cell holds."""
    return _ILLEGAL_XML.sub("", value)[:MAX_CELL_TEXT]


def needs_text_guard(value: str) -> bool:
    """True when a spreadsheet would read ``value`` as a formula if it were not forced to text."""
    return looks_like_formula(value)


def identifier_value(text: str) -> str | int:
    """An employee or unit number as a cell value: a number when nothing is lost by it (no leading
    zeros, at most 15 digits), so that it sorts and filters as one; otherwise the text."""
    if text.isdigit() and len(text) <= 15 and (text == "0" or not text.startswith("0")):
        return int(text)
    return text


def safe_cell(cell: Any, value: CellValue) -> Any:
    """Put ``value`` into an openpyxl cell; text is always a string cell, never a formula.

    NUL and other control characters are removed first, so a value such as ``"\\x00=1+1"`` still
    ends up as the text ``"=1+1"``, written as a string.
    """
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, str):
        text = clean_cell_text(value)
        cell.value = text
        if cell.data_type != "s" or needs_text_guard(text):
            cell.data_type = "s"
            if needs_text_guard(text):
                cell.quotePrefix = True  # Excel keeps it text when the user edits the cell
        return cell
    cell.value = value
    return cell
