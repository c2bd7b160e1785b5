"""Checking every row of the roster and turning it into people and positions (docs/import.md, "Rows").

A row is *ignored* when it is blank or a totals row ("Sum", "Antall: 301", a row of formula results
with neither number nor name), *rejected* with a reason when it cannot be taken as it stands, and
otherwise accepted, perhaps with warnings. Rows are numbered as the spreadsheet shows them.

Several rows with the same employee number and the same name are one person with several
positions. The same number with different names is a conflict: every row of that number is
rejected, since guessing which name is right would be worse than asking.

No message quotes a cell of a column that was refused or a value that looks like an identity
number; rows holding one are rejected with a reason that names only the column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq, itemgetter, not_
from typing import Any, TypeVar, cast

from competence.roster import cells
from competence.roster.book import Cell
from competence.roster.headers import is_totals_label
from competence.roster.layout import Layout
from competence.roster.model import FieldMatch, ImportWarning, RowIssue
from competence.roster.nationalid import cell_holds_national_id
from competence.validation import FORMULA_PREFIXES

T = TypeVar("T")
_MAX_NUMBER = 40
_MAX_NAME = 120
_MAX_TITLE = 200
_MAX_EMAIL = 254
#: The rule of :func:`competence.validation.optional_email`, on text already cleaned.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: What an identity number needs at least: ten digits in a row, or six and five apart.
_CANDIDATE = re.compile(r"\d(?:\d{9}|\d{5}[ \-.]\d{5})")  # a leading \d lets the engine skip fast
_NUMBERED_UNIT = re.compile(r"(\d{1,12})\s*(?:[-–:]\s*|\s)(\S.*)")


class _Keep:
    """Marks a value the roster did not give usably: the register keeps what it has."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


@dataclass(slots=True)  # 55,000 of them in a large roster: no dict each
class PositionRecord:
    row: int
    unit_no: str | None
    unit_name: str
    title: str
    fte: float | None
    start_date: dt.date | None
    manager_no: str | None
    role: str
    #: The position's last day (Sluttdato); a past one means the position has ended.
    end_date: dt.date | None = None
    #: The position details below are KEEP when the roster does not give them (column not read, or a
    #: value that could not be read): the register keeps what it has.
    employment_type: str | _Keep | None = KEEP
    main_position: bool | _Keep | None = KEEP
    position_code: str | _Keep | None = KEEP
    styrk_code: str | _Keep | None = KEEP


@dataclass(slots=True)
class PersonRecord:
    employee_no: str
    first_name: str
    last_name: str
    rows: list[int]
    email: str | _Keep | None = KEEP
    positions: list[PositionRecord] = field(default_factory=list)
    #: False when some row of this person was rejected: the positions seen are then not all of them.
    complete: bool = True
    #: The number as the roster writes it ("015837"); ``employee_no`` is its canonical form.
    written_no: str = ""
    #: Ønsket stillingsprosent, per person (KEEP when the roster does not give it).
    desired_fte: float | _Keep | None = KEEP
    #: Each row's end date, for a roster without units (and so without positions).
    end_dates: list[dt.date | None] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def main_position(self) -> PositionRecord | None:
        """The position that decides the person's manager: the largest, then the first."""
        if len(self.positions) < 2:
            return self.positions[0] if self.positions else None
        return max(self.positions, key=lambda p: (p.fte if p.fte is not None else 0.0, -p.row))


@dataclass
class ParsedRoster:
    persons: dict[str, PersonRecord]
    #: Every employee number seen, in accepted or rejected rows: nobody here is marked as left.
    present: set[str]
    rejected: list[RowIssue]
    warnings: list[ImportWarning]
    ignored_rows: list[int]
    mapped: frozenset[str]

    @property
    def position_count(self) -> int:
        return sum(len(p.positions) for p in self.persons.values())


class _Reject(Exception):
    def __init__(self, reason: str, nb: str, en: str) -> None:
        super().__init__(reason)
        self.reason, self.nb, self.en = reason, nb, en


class _Ignored(Exception):
    """A blank or totals row."""


def _formula(label_nb: str, label_en: str) -> _Reject:
    return _Reject(
        "formula",
        f"{label_nb} begynner med = + - @ eller et kontrolltegn, slik en regnearkformel gjør. Raden ble ikke "
        "lest inn.",
        f"{label_en} starts with = + - @ or a control character, as a spreadsheet formula does. The row was "
        "not read.",
    )


def _too_long(label_nb: str, label_en: str, limit: int) -> _Reject:
    return _Reject(
        "too_long",
        f"{label_nb} er lengre enn {limit} tegn.",
        f"{label_en} is longer than {limit} characters.",
    )


_NATIONAL_ID = _Reject(
    "national_id",
    "Raden inneholder noe som ser ut som et fødselsnummer eller D-nummer i en kolonne som leses inn. Raden "
    "ble ikke lest inn, og verdien er ikke lagret.",
    "The row holds what looks like a national identity number in a column that is read. The row was not "
    "read and the value was not stored.",
)


#: Every ASCII digit as "0": a run of digits is then found by plain substring search.
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_SPLIT_CANDIDATE = re.compile(r"000000[ \-.]00000")


def _may_hold_national_id(joined: str) -> bool:
    """Whether the text has what :data:`_CANDIDATE` looks for; ASCII text with the digits made
    zeros and searched for as plain strings, several times faster than the expression."""
    if not joined.isascii():
        return _CANDIDATE.search(joined) is not None
    zeros = joined.translate(_DIGITS_AS_ZERO)
    return "0000000000" in zeros or _SPLIT_CANDIDATE.search(zeros) is not None


def _rows_with_national_ids(columns: Sequence[Sequence[Cell]]) -> set[int]:
    """Indexes of rows holding an identity number in a read column.

    One pass over each column's text decides whether its cells need a look one by one; numbers need
    one only when the column holds one of nine digits or more.
    """
    flagged: set[int] = set()
    for column in columns:
        kinds = set(map(type, column))
        if str in kinds:
            strings = column if len(kinds) == 1 else [v for v in column if type(v) is str]
            joined = "\n".join(strings)  # type: ignore[arg-type]
            if _may_hold_national_id(joined) and cell_holds_national_id(joined):
                flagged.update(
                    i for i, v in enumerate(column) if type(v) is str and cell_holds_national_id(v)
                )
        if float in kinds or int in kinds:
            numbers = cast(
                "Sequence[float]",
                column
                if kinds <= {float, int}
                else [v for v in column if type(v) is float or type(v) is int],
            )
            if max(numbers) >= 100_000_000:
                flagged.update(
                    i
                    for i, v in enumerate(column)
                    if (type(v) is float or type(v) is int) and v >= 100_000_000 and cell_holds_national_id(v)
                )
    return flagged


class _Columns:
    """The read columns of the sheet, each normalised once (None for a field not mapped)."""

    def __init__(self, layout: Layout, matches: Sequence[FieldMatch]) -> None:
        positions = {m.field: m.column - layout.first_column for m in matches if m.column is not None}
        self.mapped = frozenset(positions)
        self.count = count = layout.data_rows
        blank_column: list[Cell] = [None] * count
        sheet = layout.columns
        raw = {
            key: sheet[position] if 0 <= position < len(sheet) else blank_column
            for key, position in positions.items()
        }
        self.raw = raw
        #: The employee number cells as the roster writes them ("015837").
        self.raw_numbers = raw.get("employee_no", blank_column)
        self.flagged = _rows_with_national_ids(list(raw.values()))
        #: Rows whose every read cell is empty (None, "", 0): found column by column, at C speed.
        self.blank: set[int] = set(range(count))
        for column in raw.values():
            if self.blank:
                self.blank.intersection_update(compress(range(count), map(not_, column)))

        def texts(key: str) -> list[str] | None:
            return cells.text_column(raw[key]) if key in raw else None

        def numbers(key: str) -> list[str | None] | None:
            return cells.identifier_column(raw[key]) if key in raw else None

        self.employee_no = numbers("employee_no") or [None] * self.count
        self.name, self.first_name, self.last_name = texts("name"), texts("first_name"), texts("last_name")
        self.email = texts("email")
        self.unit_no, self.unit_name = numbers("unit_no"), texts("unit_name")
        self.title, self.role, self.manager_no = texts("title"), texts("role"), numbers("manager_no")
        self.fte = cells.fte_column(raw["fte"]) if "fte" in raw else None
        self.start = cells.date_column(raw["start_date"]) if "start_date" in raw else None
        self.end = cells.date_column(raw["end_date"]) if "end_date" in raw else None
        self.desired = cells.fte_column(raw["desired_fte"]) if "desired_fte" in raw else None

        self.employment_type = _each(raw, "employment_type", cells.employment_type)
        self.main_position = _each(raw, "main_position", cells.yes_no)
        self.position_code = _each(raw, "position_code", _position_code)
        self.styrk_code = _each(raw, "styrk_code", _styrk_code)
        self.has_details = any(
            c is not None
            for c in (self.employment_type, self.main_position, self.position_code, self.styrk_code)
        )
        self.has_positions = self.unit_no is not None or self.unit_name is not None
        self.split = cells.split_name_column(self.name) if self.name is not None else None
        self.firsts, self.lasts, self.written = self._name_columns()
        self.emails = _email_column(self.email) if self.email is not None else None
        self.careful = self._careful_rows()

    def _name_columns(self) -> tuple[list[str], list[str], list[str]]:
        """(first, last, the name as written) per row, from two columns or from one "Etternavn,
        Fornavn" column (the name column stands in where both of the two are empty)."""
        empty = [""] * self.count
        split = self.split
        if self.first_name is None and self.last_name is None:
            if self.name is None or split is None:
                return empty, empty, empty
            return split[0], split[1], self.name
        firsts, lasts, written = [], [], []
        for i, (first, last) in enumerate(
            zip(self.first_name or empty, self.last_name or empty, strict=True)
        ):
            if first or last or self.name is None or split is None:
                firsts.append(first)
                lasts.append(last)
                written.append(f"{first} {last}".strip())
            else:
                firsts.append(split[0][i])
                lasts.append(split[1][i])
                written.append(self.name[i])
        return firsts, lasts, written

    def _careful_rows(self) -> set[int]:
        """Rows some check may refuse or warn about: only these go through every check one by one
        (:meth:`_Parser.row`); for the others each check is known to pass. A row is careful when
        any of its cells is missing, fails to read, is too long, starts like a formula, or is
        otherwise unusual in a way a check looks at. Decided column by column: a cheap test of the
        whole column (in C: ``max(map(len, ...))``, ``None in ...``) first, and only a column that
        fails it looked at cell by cell."""
        careful = set(self.flagged)

        def where(
            values: Sequence[Any] | None, suspect: Callable[[Sequence[Any]], bool], bad: Callable[[Any], bool]
        ) -> None:
            if values is not None and suspect(values):
                careful.update(i for i, value in enumerate(values) if bad(value))

        def text_bad(limit: int) -> tuple[Callable[[Sequence[str]], bool], Callable[[str], bool]]:
            return (
                lambda vs: _longest(vs) > limit or _any_formula(vs),
                lambda v: len(v) > limit or v.startswith(FORMULA_PREFIXES),
            )

        where(
            self.employee_no,
            lambda vs: (
                None in vs or "" in vs or _longest(vs) > _MAX_NUMBER or not _first_characters(vs).isdigit()
            ),
            lambda v: not v or not v[0].isdigit() or len(v) > _MAX_NUMBER,
        )
        for names in (self.firsts, self.lasts):
            where(
                names,
                lambda vs: "" in vs or _longest(vs) > _MAX_NAME or _any_formula(vs),
                lambda v: not v or len(v) > _MAX_NAME or v.startswith(FORMULA_PREFIXES),
            )
        where(self.written, _any_formula, lambda v: v.startswith(FORMULA_PREFIXES))
        if self.end is not None:
            where(self.end, _any_error, _is_error)
            if self.start is not None:
                careful.update(
                    i
                    for i, (end, start) in enumerate(zip(self.end, self.start, strict=True))
                    if isinstance(end, dt.date) and isinstance(start, dt.date) and end < start
                )
        if not self.has_positions:
            return careful
        if self.unit_no is None:  # unit names only: a name may carry its number ("1200 Hjemmetjenesten")
            where(self.unit_name, bool, lambda v: not v or _NUMBERED_UNIT.fullmatch(v) is not None)
        else:
            where(
                self.unit_no,
                lambda vs: None in vs or _longest(vs) > _MAX_NUMBER or _any_formula(vs),
                lambda v: v is None or len(v) > _MAX_NUMBER or v.startswith(FORMULA_PREFIXES),
            )
        where(self.unit_name, *text_bad(_MAX_TITLE))
        where(self.title, *text_bad(_MAX_TITLE))
        where(self.role, _any_formula, lambda v: v.startswith(FORMULA_PREFIXES))
        where(self.fte, lambda vs: None in vs or _any_error(vs), lambda v: v is None or _is_error(v))
        where(self.start, _any_error, _is_error)
        if self.manager_no is not None and any(map(eq, self.manager_no, self.employee_no)):
            careful.update(
                i
                for i, (manager, number) in enumerate(zip(self.manager_no, self.employee_no, strict=True))
                if manager == number
            )
        return careful


#: Joins a column's cells to look for a cell starting like a formula with plain substring searches.
_JOIN = "\n"
_FORMULA_AFTER_JOIN = tuple(_JOIN + prefix for prefix in FORMULA_PREFIXES)


def _any_formula(values: Sequence[str]) -> bool:
    """Whether some cell may start like a formula: the column joined, and each prefix searched for
    after a line break (several times faster than a call per cell). A cell holding a line break
    may answer yes for nothing; the cells are then looked at one by one."""
    joined = _JOIN.join(values)
    return joined.startswith(FORMULA_PREFIXES) or any(found in joined for found in _FORMULA_AFTER_JOIN)


def _longest(values: Sequence[str]) -> int:
    return max(map(len, values), default=0)


def _first_characters(values: Sequence[str]) -> str:
    return "".join(map(itemgetter(0), values))


def _is_error(value: object) -> bool:
    return isinstance(value, cells.CellError)


def _any_error(values: Sequence[object]) -> bool:
    return any(map(isinstance, values, repeat(cells.CellError)))


#: An e-mail cell that is not an address: warned about, and the register keeps what it has.
_INVALID_EMAIL = "\x00invalid"


def _email_column(values: Sequence[str]) -> list[str | None]:
    """Each cell as the register stores it: lower case, None when empty, :data:`_INVALID_EMAIL`
    when it is not an address (too long, or starting like a formula)."""
    return [
        None
        if not value
        else value.lower()
        if valid and len(value) <= _MAX_EMAIL and not value.startswith(FORMULA_PREFIXES)
        else _INVALID_EMAIL
        for value, valid in zip(values, map(_EMAIL.match, values), strict=True)
    ]


def _each(
    raw: dict[str, list[Cell]], key: str, read: Callable[[object], T]
) -> list[T | cells.CellError] | None:
    """A column read cell by cell (a cell that fails holds its error); None when it is not read."""
    return [cells.attempt(read, v) for v in raw[key]] if key in raw else None


def _position_code(value: object) -> str | None:
    return cells.code(value, (4,), "Stillingskoden", "The position code")


def _styrk_code(value: object) -> str | None:
    return cells.code(value, (4, 7), "STYRK-koden", "The STYRK code")


class _Parser:
    def __init__(self, layout: Layout, matches: Sequence[FieldMatch]) -> None:
        self.columns = _Columns(layout, matches)
        self.first = layout.first_data_row
        self.persons: dict[str, PersonRecord] = {}
        #: The numbers seen with another name than on their first accepted row.
        self.conflicts: dict[str, None] = {}
        self.rejected_numbers: set[str] = set()
        self.present: set[str] = set()
        self.rejected: list[RowIssue] = []
        self.warnings: list[ImportWarning] = []
        self.ignored: list[int] = []

    def warn(self, code: str, row: int, nb: str, en: str) -> None:
        self.warnings.append(ImportWarning(code, row, nb, en))

    def run(self) -> ParsedRoster:
        columns = self.columns
        blank, careful, first = columns.blank, columns.careful, self.first
        plain = self.plain_records() if columns.has_positions else None
        for i in range(columns.count):
            if i in blank:
                self.ignored.append(first + i)  # blank, in every column that is read
            elif i not in careful:
                record = plain[i] if plain is not None else None
                if record is not None and columns.has_details:
                    self.details(record, i, first + i, columns.employee_no[i] or "")
                self.take(i, first + i, record)
            else:
                try:
                    self.row(i, first + i)
                except _Reject as exc:
                    self.rejected.append(RowIssue(first + i, exc.reason, exc.nb, exc.en))
                except _Ignored:
                    self.ignored.append(first + i)
        self.resolve_conflicts()
        self.rejected.sort(key=lambda r: r.row)
        return ParsedRoster(
            self.persons, self.present, self.rejected, self.warnings, self.ignored, columns.mapped
        )

    def row(self, i: int, number: int) -> None:
        """A careful row (:meth:`_Columns._careful_rows`) through every check, then taken."""
        columns = self.columns
        if i in columns.flagged:
            raw_no = columns.raw["employee_no"][i] if "employee_no" in columns.raw else None
            if not cell_holds_national_id(raw_no) and columns.employee_no[i]:
                self.known_but_rejected(columns.employee_no[i] or "")
            raise _NATIONAL_ID
        employee_no = columns.employee_no[i]
        first_name, last_name, written = columns.firsts[i], columns.lasts[i], columns.written[i]
        if employee_no is not None and not employee_no[0].isdigit() and is_totals_label(employee_no):
            raise _Ignored()  # "Sum", "Antall: 301" in the number column
        if employee_no is None:
            if not written or is_totals_label(written):
                raise _Ignored()
            raise _Reject("missing_employee_no", "Ansattnummer mangler.", "The employee number is missing.")
        if employee_no.startswith(FORMULA_PREFIXES):
            raise _formula("Ansattnummeret", "The employee number")
        if len(employee_no) > _MAX_NUMBER:
            raise _too_long("Ansattnummeret", "The employee number", _MAX_NUMBER)
        try:
            _check_names(first_name, last_name, written)
            self.end_date(i)
            position = self.position(i, number, employee_no) if columns.has_positions else None
        except _Reject:
            self.known_but_rejected(employee_no)
            raise
        self.take(i, number, position)

    def take(self, i: int, number: int, position: PositionRecord | None) -> None:
        """Take a row that passed the checks: its person, their position, e-mail and desired FTE.
        Most rows of a large roster come here, so the person is found or made here, inline."""
        columns = self.columns
        employee_no = columns.employee_no[i]
        assert employee_no is not None
        first_name, last_name = columns.firsts[i], columns.lasts[i]
        if not first_name:
            self.warn(
                "name_single",
                number,
                f"Ansattnr {employee_no} har bare ett navn; det er lagret som etternavn.",
                f"Employee number {employee_no} has a single name; it was stored as the last name.",
            )
        email: str | _Keep | None = KEEP if columns.emails is None else columns.emails[i]
        if email is _INVALID_EMAIL:
            email = self.invalid_email(number, employee_no)
        self.present.add(employee_no)
        person = self.persons.get(employee_no)
        if person is None:
            person = self.persons[employee_no] = PersonRecord(employee_no, first_name, last_name, rows=[])
        elif first_name.casefold() != person.first_name.casefold() or (
            last_name.casefold() != person.last_name.casefold()
        ):  # compared with the person's first accepted row
            self.conflicts[employee_no] = None
        if not person.written_no:
            raw_no = columns.raw_numbers[i]
            if type(raw_no) is str and raw_no != employee_no:  # "015837": as the roster writes it
                person.written_no = cells.clean(raw_no)[:_MAX_NUMBER]
            else:  # a number cell, or text already in canonical form
                person.written_no = employee_no
        person.rows.append(number)
        if person.email is KEEP and email is not KEEP:
            person.email = email
        if position is not None:
            person.positions.append(position)
        person.end_dates.append(columns.end[i] if columns.end is not None else None)  # type: ignore[arg-type]
        if columns.desired is not None:
            self.desired_fte(person, i, number)

    def known_but_rejected(self, employee_no: str) -> None:
        """A rejected row of a known person: they are in the roster (not left), their positions incomplete."""
        self.present.add(employee_no)
        self.rejected_numbers.add(employee_no)

    def end_date(self, i: int) -> None:
        """Refuse a Sluttdato that cannot be read, or that comes before the Startdato."""
        if self.columns.end is None:
            return
        end = self.columns.end[i]
        if isinstance(end, cells.CellError):
            raise _Reject(end.reason, end.message_nb, end.message_en)
        start = self.columns.start[i] if self.columns.start is not None else None
        if end is not None and isinstance(start, dt.date) and end < start:
            raise _Reject(
                "date_order",
                f"Sluttdatoen ({end:%d.%m.%Y}) er før startdatoen ({start:%d.%m.%Y}).",
                f"The end date ({end:%d.%m.%Y}) is before the start date ({start:%d.%m.%Y}).",
            )

    def desired_fte(self, person: PersonRecord, i: int, number: int) -> None:
        """Ønsket stillingsprosent is the person's: rows that disagree keep the largest, with a warning."""
        assert self.columns.desired is not None
        value = self.columns.desired[i]
        if isinstance(value, cells.CellError):
            self.warn(
                "desired_fte_invalid",
                number,
                f"Ønsket stillingsprosent for ansattnr {person.employee_no}: {value.message_nb} Registeret "
                "beholder det det har.",
                f"Desired FTE of employee number {person.employee_no}: {value.message_en} The register keeps "
                "what it has.",
            )
            return
        current = person.desired_fte
        if isinstance(current, _Keep) or current is None:
            person.desired_fte = value
        elif value is not None and value != current:
            person.desired_fte = max(current, value)
            self.warn(
                "desired_fte_conflict",
                number,
                f"Ansattnr {person.employee_no} har ulik ønsket stillingsprosent på radene sine; den høyeste "
                f"({person.desired_fte:g} %) er brukt.",
                f"Employee number {person.employee_no} has different desired FTEs on their rows; the highest "
                f"({person.desired_fte:g} %) was used.",
            )

    def detail(
        self,
        values: Sequence[T | cells.CellError] | None,
        i: int,
        number: int,
        employee_no: str,
        nb: str,
        en: str,
    ) -> T | _Keep:
        """A position detail as the roster gives it, or KEEP (with a warning) when it cannot be read."""
        if values is None:
            return KEEP
        value = values[i]
        if isinstance(value, cells.CellError):
            self.warn(
                value.reason,
                number,
                f"{nb} for ansattnr {employee_no}: {value.message_nb} Registeret beholder det det har.",
                f"{en} of employee number {employee_no}: {value.message_en} The register keeps what it has.",
            )
            return KEEP
        return value

    def resolve_conflicts(self) -> None:
        for employee_no in self.conflicts:
            person = self.persons.pop(employee_no)
            rows_text = ", ".join(str(r) for r in person.rows)
            for row_number in person.rows:
                self.rejected.append(
                    RowIssue(
                        row_number,
                        "name_conflict",
                        f"Ansattnr {employee_no} står med ulike navn på radene {rows_text}. Ingen av radene "
                        "ble lest inn; rett navnet i filen.",
                        f"Employee number {employee_no} has different names on rows {rows_text}. None of the "
                        "rows was read; correct the name in the file.",
                    )
                )
        for employee_no in self.rejected_numbers:
            if employee_no in self.persons:
                self.persons[employee_no].complete = False

    def invalid_email(self, number: int, employee_no: str) -> _Keep:
        """An e-mail cell that is not an address: warned about, and the register keeps what it has."""
        self.warn(
            "email_invalid",
            number,
            f"E-postadressen til ansattnr {employee_no} er ikke gyldig og ble ikke lest inn.",
            f"The e-mail address of employee number {employee_no} is not valid and was not read.",
        )
        return KEEP

    def position(self, i: int, number: int, employee_no: str) -> PositionRecord:
        """A careful row's position through every check (the row is refused by raising)."""
        columns = self.columns
        unit_no = columns.unit_no[i] if columns.unit_no is not None else None
        unit_name = columns.unit_name[i] if columns.unit_name is not None else ""
        if unit_no is None and unit_name and columns.unit_no is None:
            numbered = _NUMBERED_UNIT.fullmatch(unit_name)
            if numbered:
                unit_no, unit_name = cells.identifier(numbered.group(1)), numbered.group(2).strip()
        if unit_no is None and not unit_name:
            raise _Reject("missing_unit", "Enhet mangler.", "The unit is missing.")
        if unit_no is not None and (unit_no.startswith(FORMULA_PREFIXES) or len(unit_no) > _MAX_NUMBER):
            raise _Reject(
                "unit_invalid",
                "Enhetsnummeret er ikke gyldig (for langt, eller begynner som en formel).",
                "The unit number is not valid (too long, or starts like a formula).",
            )
        if unit_name.startswith(FORMULA_PREFIXES):
            raise _formula("Enhetsnavnet", "The unit name")
        if len(unit_name) > _MAX_TITLE:
            raise _too_long("Enhetsnavnet", "The unit name", _MAX_TITLE)
        title = columns.title[i] if columns.title is not None else ""
        if title.startswith(FORMULA_PREFIXES):
            raise _formula("Stillingstittelen", "The job title")
        if len(title) > _MAX_TITLE:
            raise _too_long("Stillingstittelen", "The job title", _MAX_TITLE)
        fte = columns.fte[i] if columns.fte is not None else None
        start = columns.start[i] if columns.start is not None else None
        for failed in (fte, start):
            if isinstance(failed, cells.CellError):
                raise _Reject(failed.reason, failed.message_nb, failed.message_en)
        assert not isinstance(fte, cells.CellError) and not isinstance(start, cells.CellError)
        if fte is None and columns.fte is not None:
            self.warn(
                "fte_missing",
                number,
                f"Stillingsprosent mangler for ansattnr {employee_no}; en ny stilling får 100 %, en kjent "
                "beholder sin.",
                f"FTE percent is missing for employee number {employee_no}; a new position gets 100 %, a "
                "known one keeps its own.",
            )
        manager_no = columns.manager_no[i] if columns.manager_no is not None else None
        if manager_no is not None and manager_no == employee_no:
            self.warn(
                "manager_self",
                number,
                f"Ansattnr {employee_no} står som sin egen leder; lederfeltet ble stående tomt.",
                f"Employee number {employee_no} is listed as their own manager; the manager was left empty.",
            )
            manager_no = None
        role = columns.role[i] if columns.role is not None else ""
        if role.startswith(FORMULA_PREFIXES):
            role = ""
        end = columns.end[i] if columns.end is not None else None
        assert not isinstance(end, cells.CellError)  # refused before
        record = PositionRecord(number, unit_no, unit_name, title, fte, start, manager_no, role, end)
        if columns.has_details:
            self.details(record, i, number, employee_no)
        return record

    def plain_records(self) -> list[PositionRecord]:
        """Every row's position as its cells give it, built column by column: what a row that is
        not careful (:meth:`_Columns._careful_rows`) holds. The careful rows' are built again by
        :meth:`position`, after their checks."""
        columns, count = self.columns, self.columns.count
        none: list[object] = [None] * count
        empty = [""] * count
        return list(
            map(
                PositionRecord,
                range(self.first, self.first + count),
                columns.unit_no or none,
                columns.unit_name or empty,
                columns.title or empty,
                columns.fte or none,
                columns.start or none,
                columns.manager_no or none,
                columns.role or empty,
                columns.end or none,
            )
        )

    def details(self, record: PositionRecord, i: int, number: int, employee_no: str) -> None:
        columns, detail = self.columns, self.detail
        record.employment_type = detail(
            columns.employment_type, i, number, employee_no, "Ansettelsesform", "Employment type"
        )
        record.main_position = detail(
            columns.main_position, i, number, employee_no, "Hovedstilling", "Main position"
        )
        record.position_code = detail(
            columns.position_code, i, number, employee_no, "Stillingskode", "Position code"
        )
        record.styrk_code = detail(columns.styrk_code, i, number, employee_no, "STYRK-kode", "STYRK code")


def _check_names(first: str, last: str, written: str) -> None:
    if not first and not last:
        raise _Reject("missing_name", "Navn mangler.", "The name is missing.")
    if (
        written.startswith(FORMULA_PREFIXES)
        or first.startswith(FORMULA_PREFIXES)
        or last.startswith(FORMULA_PREFIXES)
    ):
        raise _formula("Navnet", "The name")
    if len(first) > _MAX_NAME or len(last) > _MAX_NAME:
        raise _too_long("Navnet", "The name", _MAX_NAME)


def parse_roster(layout: Layout, matches: Sequence[FieldMatch]) -> ParsedRoster:
    return _Parser(layout, matches).run()


__all__ = ["KEEP", "ParsedRoster", "PersonRecord", "PositionRecord", "parse_roster"]
