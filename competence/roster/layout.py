"""Finding the roster in a workbook: the sheet, its header row, and which column feeds which field.

The roster sheet is the one whose best header row names the most register fields; a cover or
information sheet (often the first and active one) names none. The header row is searched in the
first rows of each sheet, below any title rows. Columns of national identity numbers, recognised by
header or by their values, are refused here, before a single row is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from competence.roster import cells
from competence.roster.book import Book, Cell, SheetRows
from competence.roster.errors import MappingUsageError, RosterMappingError
from competence.roster.headers import (
    HeaderData,
    header_data,
    header_key,
    is_national_id_header,
    match_header,
)
from competence.roster.model import ColumnInfo, FieldMatch, ImportWarning, SheetSummary
from competence.roster.nationalid import cell_holds_national_id

#: How far down a sheet the header row is looked for.
HEADER_SEARCH_ROWS = 30
#: Values per column looked at to recognise a column of identity numbers.
NATIONAL_ID_SAMPLE = 500
_SAMPLES = 3
_MASK = "•••••••••••"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row_score(row: Sequence[Cell], data: HeaderData) -> tuple[float, bool]:
    """Sum of the best confidence per field named in the row, and whether it names a person key."""
    best: dict[str, float] = {}
    for value in row:
        if not isinstance(value, str):
            continue
        match = match_header(value, data)
        if match is not None and match.confidence > best.get(match.field, 0.0):
            best[match.field] = match.confidence
    has_key = "employee_no" in best or bool({"name", "first_name", "last_name"} & best.keys())
    return sum(best.values()), has_key


def find_header(rows: Sequence[Sequence[Cell]], data: HeaderData) -> tuple[int | None, float]:
    """Index of the header row among ``rows`` (None if none names two fields), and its score."""
    best_index: int | None = None
    best_score = 0.0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score, has_key = _row_score(row, data)
        if has_key and score >= 2 and score > best_score:
            best_index, best_score = index, score
    return best_index, best_score


@dataclass
class Layout:
    """The chosen sheet, read in full, with its header row found.

    The rows down to the header row are kept as rows (``head``); the rows below it, which the
    import reads column by column, as columns (``columns``: one list per column of the sheet, each
    ``data_rows`` long, None where a row is shorter). That is also the form the reader's child
    process hands them over in (competence/roster/isolation.py): whole columns pickle and unpickle
    several times faster than short rows, and a column travels in a compact form (:func:`_packed`).
    """

    sheet_name: str
    #: The spreadsheet's number of the sheet's first used row, and the 0-based column of its first cell.
    first_row: int
    first_column: int
    header_index: int
    head: list[list[Cell]]
    columns: list[list[Cell]]
    data_rows: int
    summaries: tuple[SheetSummary, ...]

    @classmethod
    def of(cls, sheet: SheetRows, header_index: int, summaries: tuple[SheetSummary, ...]) -> Layout:
        rows = sheet.rows
        width = max((len(r) for r in rows), default=0)
        data = rows[header_index + 1 :]
        padded = [r if len(r) == width else [*r, *([None] * (width - len(r)))] for r in data]
        columns = [list(c) for c in zip(*padded, strict=True)] if padded else []
        if len(columns) < width:  # no data rows (or none reaching so far)
            columns = [[] for _ in range(width)]
        return cls(
            sheet.name,
            sheet.first_row,
            sheet.first_column,
            header_index,
            rows[: header_index + 1],
            columns,
            len(data),
            summaries,
        )

    @property
    def header_row(self) -> int:
        return self.first_row + self.header_index

    @property
    def header_cells(self) -> list[Cell]:
        return self.head[self.header_index] if self.header_index < len(self.head) else []

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    def __getstate__(self) -> dict[str, Any]:
        """The columns in a compact form for the hand-over (:func:`_packed`)."""
        state = dict(self.__dict__)
        state["columns"] = [_packed(column) for column in self.columns]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """The columns back from their compact form. Anything else than :func:`_packed` wrote raises,
        and the caller refuses the file as one whose reader failed."""
        state["columns"] = [_unpacked(*packed) for packed in state["columns"]]
        self.__dict__.update(state)


#: Joins a column of text cells for the hand-over; a column with this character in a cell is sent as is.
_SEPARATOR = "\x00"


def _packed(column: list[Cell]) -> tuple[str, Any]:
    """A column as pickle writes fastest: text cells joined into one string, dates as day numbers
    (``date.toordinal``; pickle writes a date as a call to rebuild it, ten times slower than a
    number); other columns as they are, their dates as day numbers with their positions."""
    kinds = set(map(type, column))
    if kinds == {str}:
        joined = _SEPARATOR.join(column)  # type: ignore[arg-type]
        if joined.count(_SEPARATOR) == len(column) - 1:
            return "text", joined
    if kinds == {dt.date}:
        return "dates", list(map(dt.date.toordinal, column))  # type: ignore[arg-type]
    if dt.date not in kinds:
        return "cells", column
    at = [i for i, value in enumerate(column) if type(value) is dt.date]
    days = list(column)
    for i in at:
        days[i] = column[i].toordinal()  # type: ignore[union-attr]
    return "mixed", (days, at)


def _unpacked(kind: str, packed: Any) -> list[Cell]:
    if kind == "text":
        return packed.split(_SEPARATOR)  # type: ignore[no-any-return]
    if kind == "dates":
        return list(map(dt.date.fromordinal, packed))
    if kind == "cells":
        return packed  # type: ignore[no-any-return]
    if kind != "mixed":
        raise ValueError(f"unknown column form {kind!r}")
    days, at = packed
    day = dt.date.fromordinal
    for i in at:
        days[i] = day(days[i])
    return days  # type: ignore[no-any-return]


def choose_sheet(book: Book, requested: str | None, *, guess: bool = False) -> Layout:
    """The sheet ``requested``, or the one whose header row names the most register fields.

    When no sheet has such a header row the file is refused, unless ``guess``: then the visible
    sheet with the most rows is taken, its first row with two or more filled cells as the header,
    so that a person (the import wizard) can choose the sheet and map the columns by hand.
    """
    data = header_data()
    summaries: list[SheetSummary] = []
    ranked: list[tuple[float, bool, int, str, int | None]] = []
    probes: dict[str, SheetRows] = {}
    for meta in book.sheets:
        probe = probes[meta.name] = book.rows(meta.name, limit=HEADER_SEARCH_ROWS)
        index, score = find_header(probe.rows, data)
        header_row = probe.first_row + index if index is not None else None
        summaries.append(SheetSummary(meta.name, meta.visible, len(probe.rows), score, header_row))
        ranked.append((score, meta.visible, -meta.index, meta.name, index))
    if requested is not None:
        chosen = next((r for r in ranked if r[3] == requested), None) or next(
            (r for r in ranked if r[3].casefold() == requested.strip().casefold()), None
        )
        if chosen is None:
            names = ", ".join(f"«{m.name}»" for m in book.sheets)
            raise MappingUsageError(
                f"Arbeidsboken har ikke noe ark som heter «{requested}». Arkene er: {names}.",
                f"The workbook has no sheet named '{requested}'. Its sheets are: {names}.",
            )
    else:
        candidates = [r for r in ranked if r[4] is not None]
        if not candidates and guess and ranked:
            rows_in = {summary.name: summary.rows for summary in summaries}
            candidates = [max(ranked, key=lambda r: (r[1], rows_in[r[3]], r[2]))]
        if not candidates:
            _refuse_partial_header(probes, data)
            raise RosterMappingError(
                "Fant ingen ansattliste i filen: ingen ark har en overskriftsrad med kjente kolonner "
                "(som Ansattnr og Navn). Velg arket og kolonnene selv (--sheet, --map).",
                "No roster found in the file: no sheet has a header row with known columns (such as "
                "Employee ID and Name). Choose the sheet and the columns yourself (--sheet, --map).",
                code="no_roster",
            )
        chosen = max(candidates)
    sheet = book.rows(chosen[3])
    header_index = chosen[4]
    if header_index is None:  # chosen by hand, or guessed, without a recognisable header row
        header_index = first_filled_row(sheet.rows)
    return Layout.of(sheet, header_index, tuple(summaries))


#: A header cell is short; a longer text naming a field is a note, not a header.
_SHORT_HEADER = 60


def _refuse_partial_header(probes: Mapping[str, SheetRows], data: HeaderData) -> None:
    """No sheet has a header row naming a person and a second field; but when a row names some
    field ("Name" alone), say which required column is missing rather than that none was known."""
    best: tuple[int, str, int, dict[str, None]] | None = None
    for name, probe in probes.items():
        for index, cells_of_row in enumerate(probe.rows[:HEADER_SEARCH_ROWS]):
            fields: dict[str, None] = {}
            for value in cells_of_row:
                if isinstance(value, str) and len(value) <= _SHORT_HEADER:
                    match = match_header(value, data)
                    if match is not None and match.confidence >= 0.75:
                        fields.setdefault(match.field)
            if fields and (best is None or len(fields) > best[0]):
                best = (len(fields), name, probe.first_row + index, fields)
    if best is None:
        return
    _, sheet, header_row, fields = best
    missing = [group for group in data.required if not set(group) & fields.keys()]
    if not missing:
        return
    found_nb = ", ".join(data.field(f).label_nb for f in fields)
    found_en = ", ".join(data.field(f).label_en for f in fields)
    missing_nb = " og ".join(" eller ".join(data.field(f).label_nb for f in group) for group in missing)
    missing_en = " and ".join(" or ".join(data.field(f).label_en for f in group) for group in missing)
    raise RosterMappingError(
        f"Fant ikke kolonnen for {missing_nb}: arket «{sheet}» har overskrifter på rad {header_row} med "
        f"bare {found_nb}. Velg arket og kolonnen selv (--sheet, --map FELT=KOLONNE).",
        f"Could not find the column for {missing_en}: the sheet '{sheet}' has headers on row {header_row} "
        f"with only {found_en}. Choose the sheet and the column yourself (--sheet, --map FIELD=COLUMN).",
        code="mapping_incomplete",
    )


def first_filled_row(rows: Sequence[Sequence[Cell]]) -> int:
    """The first row with two or more filled cells (below a title in one merged cell), else the first."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(1 for value in row if value is not None and str(value).strip()) >= 2:
            return index
    return 0


def layout_key(headers: Sequence[str]) -> str:
    keys = [header_key(h) for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()


def _column_values(column: Sequence[Cell], limit: int) -> list[Cell]:
    """Up to ``limit`` non-blank values of a column, spread over the whole sheet."""
    step = max(1, len(column) // limit)
    return [value for value in column[::step] if not cells.is_blank(value)]


def _holds_national_ids(values: Sequence[Cell]) -> bool:
    hits = sum(1 for v in values if cell_holds_national_id(v))
    return hits > 0 and hits * 2 >= len(values)


def describe_columns(layout: Layout) -> tuple[list[ColumnInfo], list[str]]:
    """Every column of the sheet with its header, detected field and refusal; and the headers."""
    data = header_data()
    header_cells = layout.header_cells
    columns: list[ColumnInfo] = []
    headers: list[str] = []
    for position, column in enumerate(layout.columns):
        raw = header_cells[position] if position < len(header_cells) else None
        header = _MASK if cell_holds_national_id(raw) else cells.text(raw)
        headers.append(header)
        index = layout.first_column + position
        values = _column_values(column, NATIONAL_ID_SAMPLE)
        refused = (bool(header) and is_national_id_header(header, data)) or _holds_national_ids(values)
        match = None if refused or not header else match_header(header, data)
        samples: tuple[str, ...] = ()
        if not refused:
            samples = tuple(_MASK if cell_holds_national_id(v) else cells.text(v) for v in values[:_SAMPLES])
        columns.append(
            ColumnInfo(
                index=index,
                letter=column_letter(index),
                header=header,
                field=match.field if match else None,
                confidence=match.confidence if match else 0.0,
                refused=refused,
                samples=samples,
            )
        )
    return columns, headers


def detected_mapping(columns: Sequence[ColumnInfo]) -> dict[str, tuple[ColumnInfo, float]]:
    """Each field's best column: highest confidence, then leftmost."""
    chosen: dict[str, tuple[ColumnInfo, float]] = {}
    for column in columns:
        if column.field is None or column.refused:
            continue
        current = chosen.get(column.field)
        if current is None or column.confidence > current[1]:
            chosen[column.field] = (column, column.confidence)
    return chosen


def _find_column(columns: Sequence[ColumnInfo], spec: str) -> ColumnInfo | None:
    wanted = header_key(spec)
    exact = [c for c in columns if c.header == spec.strip()]
    if exact:
        return exact[0]
    by_key = [c for c in columns if wanted and header_key(c.header) == wanted]
    if by_key:
        return by_key[0]
    letters = spec.strip().upper()
    if letters.isalpha() and len(letters) <= 3:
        return next((c for c in columns if c.letter == letters), None)
    return None


def resolve_mapping(
    columns: Sequence[ColumnInfo],
    *,
    saved: Mapping[str, Any] | None,
    overrides: Sequence[tuple[str, str | None]],
) -> tuple[list[FieldMatch], list[tuple[str, ...]], bool]:
    """Detected mapping, then the saved one for this layout, then the user's overrides.

    Returns the matches (one per field, mapped or not), the required field groups left unmapped,
    and whether a saved mapping was applied.
    """
    data = header_data()
    chosen: dict[str, tuple[ColumnInfo | None, float, str]] = {
        f: (c, conf, "detected") for f, (c, conf) in detected_mapping(columns).items()
    }
    used_saved = False
    if saved:
        for field_key, header in saved.items():
            if field_key not in data.field_keys:
                continue
            if header is None:
                chosen[field_key] = (None, 0.0, "saved")
                used_saved = True
                continue
            column = next((c for c in columns if header_key(c.header) == header and not c.refused), None)
            if column is not None:
                chosen[field_key] = (column, 1.0, "saved")
                used_saved = True
    seen_user: dict[int, str] = {}
    for field_key, spec in overrides:
        if field_key not in data.field_keys:
            known = ", ".join(data.field_keys)
            raise MappingUsageError(
                f"Ukjent felt «{field_key}». Kjente felt: {known}.",
                f"Unknown field '{field_key}'. Known fields: {known}.",
            )
        if spec is None or spec.strip() in ("", "-"):
            chosen[field_key] = (None, 0.0, "user")
            continue
        column = _find_column(columns, spec)
        if column is None:
            shown = ", ".join(f"{c.letter}: «{c.header}»" for c in columns if c.header and not c.refused)
            raise MappingUsageError(
                f"Fant ikke kolonnen «{spec}» for {field_key}. Kolonnene er: {shown}.",
                f"Column '{spec}' for {field_key} was not found. The columns are: {shown}.",
            )
        if column.refused:
            raise MappingUsageError(
                f"Kolonne {column.letter} («{column.header}») inneholder fødselsnumre og kan ikke leses inn.",
                f"Column {column.letter} ('{column.header}') holds national identity numbers and cannot be "
                "imported.",
            )
        if column.index in seen_user:
            raise MappingUsageError(
                f"Kolonne {column.letter} er valgt både for {seen_user[column.index]} og {field_key}.",
                f"Column {column.letter} is chosen for both {seen_user[column.index]} and {field_key}.",
            )
        seen_user[column.index] = field_key
        for other, (other_column, _, _) in list(chosen.items()):
            if other != field_key and other_column is not None and other_column.index == column.index:
                chosen[other] = (None, 0.0, "user")
        chosen[field_key] = (column, 1.0, "user")
    matches = []
    for spec_field in data.fields:
        column, confidence, source = chosen.get(spec_field.key, (None, 0.0, "detected"))
        matches.append(
            FieldMatch(
                field=spec_field.key,
                label_nb=spec_field.label_nb,
                label_en=spec_field.label_en,
                column=column.index if column else None,
                letter=column.letter if column else None,
                header=column.header if column else None,
                confidence=confidence if column else 0.0,
                source=source,
            )
        )
    mapped = {m.field for m in matches if m.column is not None}
    missing = [group for group in data.required if not mapped & set(group)]
    return matches, missing, used_saved


def refused_column_warnings(columns: Sequence[ColumnInfo]) -> list[ImportWarning]:
    warnings = []
    for column in columns:
        if column.refused:
            label = f"{column.letter} («{column.header}»)" if column.header else column.letter
            label_en = f"{column.letter} ('{column.header}')" if column.header else column.letter
            warnings.append(
                ImportWarning(
                    code="national_id_column",
                    row=None,
                    message_nb=f"Kolonne {label} ser ut til å inneholde fødselsnumre eller D-numre og ble "
                    "ikke lest inn. Registeret lagrer aldri fødselsnumre.",
                    message_en=f"Column {label_en} appears to hold national identity numbers and was not "
                    "read. The register never stores them.",
                )
            )
    return warnings


def missing_error(missing: Sequence[tuple[str, ...]]) -> RosterMappingError:
    data = header_data()
    nb = " og ".join(" eller ".join(data.field(f).label_nb for f in group) for group in missing)
    en = " and ".join(" or ".join(data.field(f).label_en for f in group) for group in missing)
    return RosterMappingError(
        f"Fant ikke kolonnen for {nb}. Velg kolonnen selv (--map FELT=KOLONNE).",
        f"Could not find the column for {en}. Choose the column yourself (--map FIELD=COLUMN).",
        code="mapping_incomplete",
    )
