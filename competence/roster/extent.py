"""How far a sheet really reaches, measured from its XML before the spreadsheet parser builds it.

The parser allocates the whole rectangle from the first to the last cell holding a value, so two
cells at A1 and XFD1048576 would ask for seventeen billion cells. The declared ``<dimension>`` is
never trusted: the cells' own positions are. The same pass refuses any DTD (``<!DOCTYPE``,
``<!ENTITY``), which no spreadsheet needs and every XML entity attack does.

xlsx has a fast path (regular expressions over chunks, for files whose every cell carries its
``r="B7"`` reference first, as Excel, LibreOffice and openpyxl write them) and an exact tokenizer
for everything else; ods is read by the tokenizer, row by row, honouring repeated rows and cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from competence.roster.errors import RosterFileError, refused
from competence.roster.limits import Limits


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def xml_attack() -> RosterFileError:
    return refused(
        "xml_attack",
        "Filen inneholder XML-konstruksjoner (DTD/entiteter) som regneark ikke bruker, men som brukes i "
        "angrep. Den ble ikke lest.",
        "The file holds XML constructs (a DTD or entities) that spreadsheets never use but attacks do. "
        "It was not read.",
    )


def check_extent(extent: Extent, limits: Limits, sheet: str) -> None:
    """Refuse a sheet that reaches further than a roster can."""
    if extent.rows > limits.max_rows:
        raise refused(
            "too_many_rows",
            f"Arket «{sheet}» strekker seg over {extent.rows:,} rader; grensen er {limits.max_rows:,}. "
            "Slett tomme rader nederst i arket, lagre og prøv igjen.".replace(",", " "),
            f"The sheet '{sheet}' reaches {extent.rows:,} rows; the limit is {limits.max_rows:,}. "
            "Delete the empty rows at the bottom of the sheet, save and retry.",
        )
    if extent.columns > limits.max_columns:
        raise refused(
            "too_many_columns",
            f"Arket «{sheet}» strekker seg over {extent.columns:,} kolonner; grensen er "
            f"{limits.max_columns:,}. Slett tomme kolonner til høyre, lagre og prøv igjen.".replace(",", " "),
            f"The sheet '{sheet}' reaches {extent.columns:,} columns; the limit is {limits.max_columns:,}. "
            "Delete the empty columns on the right, save and retry.",
        )
    if extent.cells > limits.max_cells:
        raise refused(
            "too_many_cells",
            f"Arket «{sheet}» spenner over {extent.rows:,} rader × {extent.columns:,} kolonner; det er "
            f"flere celler enn grensen på {limits.max_cells:,}. Slett tomme rader og kolonner, lagre og "
            "prøv igjen.".replace(",", " "),
            f"The sheet '{sheet}' spans {extent.rows:,} rows × {extent.columns:,} columns, more cells than "
            f"the limit of {limits.max_cells:,}. Delete empty rows and columns, save and retry.",
        )


def column_number(letters: bytes | str) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (ch - 64)
    return number


def _tags(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Re-cut a byte stream so no chunk ends inside a tag; refuse any DTD on the way."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            carry = data
            if len(carry) > 1 << 24:  # 16 MB without a single '<': not XML a spreadsheet writes
                raise xml_attack()
            continue
        data, carry = data[:cut], data[cut:]
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise xml_attack()
        yield data
    if carry:
        if b"<!DOCTYPE" in carry or b"<!ENTITY" in carry:
            raise xml_attack()
        yield carry


def refuse_dtd(chunks: Iterable[bytes]) -> None:
    """Read an XML member only to refuse a DTD in it."""
    for _ in _tags(chunks):
        pass


# --------------------------------------------------------------------------------------------
# xlsx
# --------------------------------------------------------------------------------------------

_XLSX_FAST_COLUMN = re.compile(rb'<c r="([A-Z]{1,7})')
_XLSX_FAST_ROW = re.compile(rb'<c r="[A-Z]{1,7}(\d{1,10})"')
_XLSX_BIG_ROW = re.compile(rb'<c r="[A-Z]{1,7}\d{6}')
_XLSX_ODD_CELL = re.compile(rb'<c(?! r=")[\s>/]')
_XLSX_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_XLSX_TOKEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_XLSX_REF_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{0,7})(\d{0,10})["']""")
#: Without a six-digit cell reference no row is past this one.
_FIVE_DIGIT_ROWS = 99_999


def _fits(extent: Extent, limits: Limits) -> bool:
    return (
        extent.rows <= limits.max_rows
        and extent.columns <= limits.max_columns
        and extent.cells <= limits.max_cells
    )


def xlsx_sheet_extent(open_chunks: Callable[[], Iterable[bytes]], limits: Limits, sheet: str) -> Extent:
    """The rectangle a worksheet's valued cells span (or a bound of it that fits the limits).

    ``open_chunks`` gives the member's bytes afresh on each call. The first pass reads only the
    column letters and bounds the rows by their number of digits; the second counts rows exactly;
    the exact tokenizer runs only for files written unusually, or that seem too big.
    """
    fast = _xlsx_fast(open_chunks(), exact_rows=False)
    if fast is not None and not _fits(fast, limits):
        fast = _xlsx_fast(open_chunks(), exact_rows=True)
    if fast is not None and _fits(fast, limits):
        return fast
    exact = _xlsx_exact(open_chunks())  # the fast passes also count empty styled cells; be exact
    check_extent(exact, limits, sheet)
    return exact


def _xlsx_fast(chunks: Iterable[bytes], *, exact_rows: bool) -> Extent | None:
    """Extent from ``<c r="..."`` references, or None when some cell is written another way."""
    columns: set[bytes] = set()
    max_row = 0
    for data in _tags(chunks):
        if _XLSX_ODD_CELL.search(data) or _XLSX_PREFIXED_CELL.search(data):
            return None
        found = _XLSX_FAST_COLUMN.findall(data)
        if not found:
            continue
        columns.update(found)
        if exact_rows or _XLSX_BIG_ROW.search(data):
            max_row = max(max_row, *map(int, _XLSX_FAST_ROW.findall(data)))
        else:
            max_row = max(max_row, _FIVE_DIGIT_ROWS)
    max_col = max((column_number(c) for c in columns), default=0)
    return Extent(max_row, max_col)


def _xlsx_exact(chunks: Iterable[bytes]) -> Extent:
    """Walk every row and cell tag, positioning cells without a reference the way parsers do."""
    row = 0
    col = 0
    max_row = 0
    max_col = 0
    for data in _tags(chunks):
        for match in _XLSX_TOKEN.finditer(data):
            name, attrs = match.group(1), match.group(2)
            ref = _XLSX_REF_ATTR.search(attrs)
            if name == b"row":
                row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                col = 0
                continue
            if ref and ref.group(1):
                col = column_number(ref.group(1).upper())
                if ref.group(2):
                    row = int(ref.group(2))
            else:
                col += 1
            if not attrs.rstrip().endswith(b"/"):  # <c .../> holds no value
                max_row = max(max_row, row)
                max_col = max(max_col, col)
    return Extent(max_row, max_col)


# --------------------------------------------------------------------------------------------
# ods
# --------------------------------------------------------------------------------------------

_ODS_TOKEN = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>"
)
_ODS_ROWS_REPEATED = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d{1,12})["']""")
_ODS_COLS_REPEATED = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d{1,12})["']""")
_ODS_TABLE_NAME = re.compile(rb"""\bname\s*=\s*["']([^"']*)["']""")


def ods_extents(chunks: Iterable[bytes], limits: Limits) -> None:
    """Check every sheet of an ods ``content.xml`` against the limits (refuses on the first over)."""
    name = "?"
    row = 0  # rows before the current one
    repeat = 1
    col = 0
    row_has_value = False
    max_row = 0
    max_col = 0

    def check() -> None:
        check_extent(Extent(max_row, max_col), limits, name)

    for data in _tags(chunks):
        for match in _ODS_TOKEN.finditer(data):
            closing, tag, attrs = match.groups()
            if tag == b"table":
                if closing:
                    check()
                else:
                    found = _ODS_TABLE_NAME.search(attrs)
                    name = found.group(1).decode("utf-8", "replace") if found else "?"
                    row = col = max_row = max_col = 0
                continue
            if tag == b"table-row":
                if closing:
                    if row_has_value:
                        max_row = max(max_row, row + repeat)
                        check()
                    row += repeat
                    continue
                found = _ODS_ROWS_REPEATED.search(attrs)
                repeat = int(found.group(1)) if found else 1
                col = 0
                row_has_value = False
                if attrs.rstrip().endswith(b"/"):
                    row += repeat
                continue
            if closing:
                continue
            found = _ODS_COLS_REPEATED.search(attrs)
            span = int(found.group(1)) if found else 1
            if not attrs.rstrip().endswith(b"/") or b"value-type" in attrs:
                row_has_value = True
                max_col = max(max_col, col + span)
            col += span
    check()
