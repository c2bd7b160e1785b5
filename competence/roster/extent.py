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

import codecs
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn

from competence.roster.errors import RosterFileError, refused
from competence.roster.limits import Limits


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def xml_attack(encoding: str | None = None) -> RosterFileError:
    if encoding is None:
        return refused(
            "xml_attack",
            "Filen inneholder XML-konstruksjoner (DTD/entiteter) som regneark ikke bruker, men som brukes i "
            "angrep. Den ble ikke lest.",
            "The file holds XML constructs (a DTD or entities) that spreadsheets never use but attacks do. "
            "It was not read.",
        )
    return refused(
        "xml_attack",
        f"Filen inneholder XML-konstruksjoner (DTD/entiteter) skjult i tegnkodingen {encoding}, et kjent "
        "angrep på programmer som leser XML. Regneark bruker aldri dette. Den ble ikke lest.",
        f"The file holds XML constructs (a DTD or entities) hidden in the {encoding} encoding, a known "
        "attack on programs that read XML. Spreadsheets never use them. It was not read.",
    )


def _unusual_encoding(encoding: str) -> RosterFileError:
    return refused(
        "unusual_encoding",
        f"Filen inneholder XML i tegnkodingen {encoding}, som Excel og LibreOffice aldri skriver og som ikke "
        "kan kontrolleres før den leses. Åpne filen i Excel eller LibreOffice, lagre den på nytt og prøv "
        "igjen.",
        f"The file holds XML in the {encoding} encoding, which Excel and LibreOffice never write and which "
        "cannot be checked before it is read. Open the file in Excel or LibreOffice, save it again and "
        "retry.",
    )


def _text_too_long() -> RosterFileError:
    mb = _LONGEST_TEXT // 2**20
    return refused(
        "text_too_long",
        f"Filen inneholder en sammenhengende tekst på over {mb} MB. Ingen ansattliste har det (en celle i "
        "Excel rommer høyst 32 767 tegn); filen er skadet eller laget for å fylle minnet. Den ble ikke lest.",
        f"The file holds an unbroken text of more than {mb} MB. No roster has that (an Excel cell holds at "
        "most 32,767 characters); the file is damaged or made to fill the memory. It was not read.",
    )


def thousands(number: int) -> str:
    """12 345 678 in bokmål (a space between thousands)."""
    return f"{number:,}".replace(",", " ")


def check_extent(extent: Extent, limits: Limits, sheet: str) -> None:
    """Refuse a sheet that reaches further than a roster can."""
    if extent.rows > limits.max_rows:
        raise refused(
            "too_many_rows",
            f"Arket «{sheet}» strekker seg over {thousands(extent.rows)} rader; grensen er "
            f"{thousands(limits.max_rows)}. Slett tomme rader nederst i arket, lagre og prøv igjen.",
            f"The sheet '{sheet}' reaches {extent.rows:,} rows; the limit is {limits.max_rows:,}. "
            "Delete the empty rows at the bottom of the sheet, save and retry.",
        )
    if extent.columns > limits.max_columns:
        raise refused(
            "too_many_columns",
            f"Arket «{sheet}» strekker seg over {thousands(extent.columns)} kolonner; grensen er "
            f"{thousands(limits.max_columns)}. Slett tomme kolonner til høyre, lagre og prøv igjen.",
            f"The sheet '{sheet}' reaches {extent.columns:,} columns; the limit is {limits.max_columns:,}. "
            "Delete the empty columns on the right, save and retry.",
        )
    if extent.cells > limits.max_cells:
        raise refused(
            "too_many_cells",
            f"Arket «{sheet}» spenner over {thousands(extent.rows)} rader × {thousands(extent.columns)} "
            f"kolonner; det er flere celler enn grensen på {thousands(limits.max_cells)}. Slett tomme rader "
            "og kolonner, lagre og prøv igjen.",
            f"The sheet '{sheet}' spans {extent.rows:,} rows × {extent.columns:,} columns, more cells than "
            f"the limit of {limits.max_cells:,}. Delete empty rows and columns, save and retry.",
        )


def column_number(letters: bytes | str) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (ch - 64)
    return number


#: Longest run of bytes without a tag an XML member may hold (a cell's text, say).
_LONGEST_TEXT = 16 * 1024 * 1024
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\xfe\xff", "UTF-16BE"),
    (b"\xff\xfe", "UTF-16LE"),
)
#: "<" or "<?" as each encoding writes it, without a byte order mark (the XML specification's appendix F).
_SIGNATURES = (
    (b"\x00\x00\x00<", "UTF-32BE"),
    (b"<\x00\x00\x00", "UTF-32LE"),
    (b"\x00<\x00?", "UTF-16BE"),
    (b"<\x00?\x00", "UTF-16LE"),
    (b"\x4c\x6f\xa7\x94", "EBCDIC"),
)
_DECLARED = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
)
_ASCII = bytes(range(128))
#: "DOCTYPE" and "ENTITY" as the encodings used to hide them write the letters (UTF-7 and the
#: like keep them as they are; UTF-16 and UTF-32 put zero bytes between them; EBCDIC recodes them).
_HIDDEN_DTD = tuple(
    form
    for word in ("DOCTYPE", "ENTITY")
    for form in (
        word.encode("ascii"),
        b"\x00".join(bytes([c]) for c in word.encode("ascii")),
        b"\x00\x00\x00".join(bytes([c]) for c in word.encode("ascii")),
        word.encode("cp500"),
    )
)


def foreign_encoding(head: bytes) -> str | None:
    """The encoding of an XML text that is not written the way ASCII is (UTF-16, UTF-7, EBCDIC...),
    from its first bytes or its declaration; None for UTF-8 and its ASCII-compatible kin."""
    for mark, encoding in (*_BOMS, *_SIGNATURES):
        if head.startswith(mark):
            return encoding
    declared = _DECLARED.match(head)
    if declared is None:
        return None
    name = declared.group(1).decode("ascii")
    return None if _ascii_compatible(name) else name


def xml_signature(head: bytes) -> str | None:
    """The encoding of a text that starts as XML does in UTF-16, UTF-32 or EBCDIC without a byte order
    mark (which a text file's sniffing does not read as text)."""
    return next((encoding for mark, encoding in _SIGNATURES if head.startswith(mark)), None)


def _ascii_compatible(name: str) -> bool:
    """Whether the encoding writes ASCII as ASCII and nothing else as ASCII (UTF-7 writes "<" as
    "+ADw-" and reads "+ADw-" as "<"; UTF-16 and EBCDIC write everything differently)."""
    try:
        codec = codecs.lookup(name).name
        return _ASCII.decode(codec) == _ASCII.decode("ascii")
    except (LookupError, UnicodeError):
        return False


def _refuse_foreign(encoding: str, chunks: Iterable[bytes]) -> NoReturn:
    """An XML member in a foreign encoding is refused: as an attack when it hides a DTD."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        if any(form in data for form in _HIDDEN_DTD):
            raise xml_attack(encoding)
        carry = data[-32:]
    raise _unusual_encoding(encoding)


def _tags(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Re-cut a byte stream so no chunk ends inside a tag; refuse any DTD on the way."""
    stream = iter(chunks)
    carry = b""
    first = True
    for chunk in stream:
        if first and chunk:
            first = False
            encoding = foreign_encoding(chunk[:512])
            if encoding is not None:
                _refuse_foreign(encoding, itertools.chain([chunk], stream))
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            carry = data
            if len(carry) > _LONGEST_TEXT:
                raise _text_too_long()
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
