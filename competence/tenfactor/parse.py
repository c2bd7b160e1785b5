"""The rows of a 10-FAKTOR file as groups: a unit in a year, with the mean of each factor and the
number who answered.

A group whose number of answers is hidden by the survey ("<5", "*", blank) is under the minimum
size: it is read as such and never stored. Every value that cannot be read is a problem naming its
row and column; a file with problems is refused whole (nothing half-imported).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from competence.roster import cells
from competence.roster.book import Cell
from competence.roster.headers import header_key
from competence.tenfactor.headers import match_factor
from competence.tenfactor.layout import SurveyLayout
from db.codes import Factor
from db.planning import FIRST_YEAR, LAST_YEAR

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_YEAR = re.compile(r"^(\d{4})(?:\s*[-/]\s*\d{2,4})?$")


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message_nb: str
    message_en: str

    def message(self, lang: str = "nb") -> str:
        text = self.message_en if lang.startswith("en") else self.message_nb
        where = (
            f"Row {self.row}, {self.column}" if lang.startswith("en") else f"Rad {self.row}, {self.column}"
        )
        return f"{where}: {text}"


@dataclass(frozen=True)
class FactorValue:
    mean: float
    respondents: int


@dataclass
class FileGroup:
    """A unit in a year, as the file names it."""

    row: int
    unit_text: str
    unit_number: str | None
    year: int
    factors: dict[Factor, FactorValue] = field(default_factory=dict)
    #: the survey hid the group's figures (too few answered): under the minimum, never stored
    hidden: bool = False

    @property
    def key(self) -> str:
        """The unit's name folded: how a mapping remembers it."""
        return header_key(self.unit_text)

    @property
    def respondents(self) -> int | None:
        """The number who answered (the largest of the factors'); None when the survey hid it."""
        if self.hidden or not self.factors:
            return None
        return max(v.respondents for v in self.factors.values())


@dataclass(frozen=True)
class ParsedFile:
    groups: tuple[FileGroup, ...]
    problems: tuple[Problem, ...]


class _Refused(ValueError):
    def __init__(self, message_nb: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_nb, self.message_en = message_nb, message_en


def _number(value: Cell) -> float | None:
    """A number as a cell or text holds it ("3,8", 3.8); None for a blank or a hidden value."""
    if cells.is_blank(value) or (isinstance(value, str) and value.strip() in ("*", "-", "–", "—")):
        return None
    if isinstance(value, bool):
        raise _Refused("er ikke et tall", "is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = cells.text(value).replace("\u00a0", "").replace(" ", "")
        if not _NUMBER.fullmatch(text):
            raise _Refused(
                f"«{cells.text(value)[:20]}» er ikke et tall", f"'{cells.text(value)[:20]}' is not a number"
            )
        number = float(text.replace(",", "."))
    if math.isnan(number) or math.isinf(number):
        raise _Refused("er ikke et tall", "is not a number")
    return number


def mean_of(value: Cell) -> float | None:
    number = _number(value)
    if number is not None and not 1 <= number <= 5:
        raise _Refused(
            f"snittet {number:g} er utenfor skalaen 1-5", f"the mean {number:g} is outside the 1-5 scale"
        )
    return number


def respondents_of(value: Cell) -> int | None:
    """The number who answered; None when the survey hid it ("<5", "*", blank)."""
    if isinstance(value, str) and value.strip().startswith(("<", "under", "færre", "fewer")):
        return None
    number = _number(value)
    if number is None:
        return None
    if number < 0 or not number.is_integer():
        raise _Refused(
            "antall svar må være et helt tall, 0 eller mer",
            "the number who answered must be a whole number, 0 or more",
        )
    return int(number)


def year_of(value: Cell) -> int:
    if isinstance(value, dt.date):
        year = value.year
    elif isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        year = int(value)
    else:
        found = _YEAR.match(cells.text(value))
        if found is None:
            raise _Refused(
                f"«{cells.text(value)[:20]}» er ikke et årstall", f"'{cells.text(value)[:20]}' is not a year"
            )
        year = int(found.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _Refused(f"året {year} er ikke mulig", f"the year {year} is not possible")
    return year


def parse_rows(layout: SurveyLayout, rows: Sequence[Sequence[Cell]], year: int | None) -> ParsedFile:
    """The groups of the rows below the header row (``rows`` is the sheet from its first row)."""
    groups: dict[tuple[str, str | None, int], FileGroup] = {}
    problems: list[Problem] = []
    seen: dict[tuple[str, str | None, int, Factor], int] = {}
    columns = layout.columns

    def cell(row: Sequence[Cell], name: str) -> Cell:
        position = columns.get(name)
        return row[position] if position is not None and position < len(row) else None

    def problem(number: int, column: str, refused: _Refused | tuple[str, str]) -> None:
        nb, en = (refused.message_nb, refused.message_en) if isinstance(refused, _Refused) else refused
        problems.append(Problem(number, column, nb, en))

    if "year" not in columns and year is None:
        problem(
            layout.header_row,
            layout.header(columns["unit"]),
            (
                "filen har ingen kolonne for år; oppgi året resultatene gjelder",
                "the file has no column for the year; give the year the results are for",
            ),
        )
        return ParsedFile((), tuple(problems))
    for offset, row in enumerate(rows[layout.header_row - layout.first_row + 1 :], start=1):
        number = layout.header_row + offset
        if all(cells.is_blank(v) for v in row):
            continue
        unit = cells.text(cell(row, "unit"))
        if not unit:
            problem(number, layout.header(columns["unit"]), ("enheten mangler", "the unit is missing"))
            continue
        unit_number = cells.identifier(cell(row, "unit_number")) if "unit_number" in columns else None
        row_year = year
        if "year" in columns:
            try:
                row_year = year_of(cell(row, "year"))
            except _Refused as exc:
                problem(number, layout.header(columns["year"]), exc)
                continue
        try:
            respondents = respondents_of(cell(row, "respondents"))
        except _Refused as exc:
            problem(number, layout.header(columns["respondents"]), exc)
            continue
        assert row_year is not None
        key = (header_key(unit), unit_number, row_year)
        group = groups.get(key)
        if group is None:
            group = groups[key] = FileGroup(number, unit, unit_number, row_year)
        if respondents is None:  # hidden by the survey: under the minimum whatever the row says
            group.hidden = True
            continue
        for factor, position, value in _factor_cells(layout, row, number, problems):
            try:
                mean = mean_of(value)
            except _Refused as exc:
                problem(number, layout.header(position), exc)
                continue
            if mean is None:
                continue  # a factor the report left out
            first = seen.setdefault((*key, factor), number)
            if first != number:
                problem(
                    number,
                    layout.header(position),
                    (
                        f"faktor {int(factor)} for {unit} i {row_year} står også i rad {first}",
                        f"factor {int(factor)} of {unit} in {row_year} is also in row {first}",
                    ),
                )
                continue
            group.factors[factor] = FactorValue(mean, respondents)
    return ParsedFile(tuple(groups.values()), tuple(problems))


def _factor_cells(
    layout: SurveyLayout, row: Sequence[Cell], number: int, problems: list[Problem]
) -> list[tuple[Factor, int, Cell]]:
    """(factor, column, value) of the row: its factor columns (wide), or the row's one factor (long)."""
    if layout.kind == "wide":
        return [
            (factor, position, row[position] if position < len(row) else None)
            for factor, position in sorted(layout.factor_columns.items())
        ]
    position = layout.columns["factor"]
    named = row[position] if position < len(row) else None
    factor = match_factor(named)
    if factor is None:
        problems.append(
            Problem(
                number,
                layout.header(position),
                f"«{cells.text(named)[:30]}» er ikke en av de ti faktorene",
                f"'{cells.text(named)[:30]}' is not one of the ten factors",
            )
        )
        return []
    mean_position = layout.columns["mean"]
    return [(factor, mean_position, row[mean_position] if mean_position < len(row) else None)]
