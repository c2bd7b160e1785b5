"""Finding the results in a 10-FAKTOR file: the sheet, its header row, and which column holds what.

Two layouts, as survey reports export them (docs/planning.md):

* **long**: one row per unit and factor: Enhet, (År), Faktor, Snitt, Antall svar;
* **wide**: one row per unit: Enhet, (År), Antall svar, then a column per factor.

A file that holds individual answers (a column for an employee number, a name, a respondent) is
refused before a row is read, and so is one without the number who answered: without it the
minimum group size cannot be held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from competence.roster.book import Cell
from competence.roster.layout import column_letter
from competence.tenfactor.headers import is_person_level, match_factor, match_field
from competence.tenfactor.reading import ReadFile
from db.codes import Factor
from db.errors import LocalizedError

HEADER_SEARCH_ROWS = 30
#: A wide file names at least this many factors in its header row.
MIN_FACTOR_COLUMNS = 3

Layout = Literal["long", "wide"]


class TenFactorFileError(LocalizedError):
    """The file cannot be read as 10-FAKTOR results (no header row, individual answers...)."""

    code = "tenfactor_refused"


@dataclass(frozen=True)
class SurveyLayout:
    sheet: str
    kind: Layout
    #: the spreadsheet's number of the header row, and of the sheet's first row read
    header_row: int
    first_row: int
    first_column: int
    #: field -> position in the row
    columns: dict[str, int]
    factor_columns: dict[Factor, int] = field(default_factory=dict)
    headers: tuple[str, ...] = ()

    def letter(self, position: int) -> str:
        """The column's letter as the spreadsheet shows it."""
        return column_letter(self.first_column + position)

    def header(self, position: int) -> str:
        return self.headers[position] if position < len(self.headers) else self.letter(position)


def _read_header(row: Sequence[Cell]) -> tuple[dict[str, int], dict[Factor, int]]:
    fields: dict[str, int] = {}
    factors: dict[Factor, int] = {}
    for position, value in enumerate(row):
        if not isinstance(value, str) or not value.strip():
            continue
        name = match_field(value)
        if name is not None:
            fields.setdefault(name, position)
            continue
        factor = match_factor(value)
        if factor is not None:
            factors.setdefault(factor, position)
    return fields, factors


def _kind(fields: dict[str, int], factors: dict[Factor, int]) -> Layout | None:
    if "unit" not in fields:
        return None
    if {"factor", "mean"} <= fields.keys():
        return "long"
    if len(factors) >= MIN_FACTOR_COLUMNS:
        return "wide"
    return None


def find_layout(read: ReadFile, requested: str | None = None) -> SurveyLayout:
    """The sheet and header row with the best-recognised results; refusals name what is missing."""
    sheets = [s for s in read.sheets if requested is None or s[0].casefold() == requested.strip().casefold()]
    if requested is not None and not sheets:
        names = ", ".join(f"«{s[0]}»" for s in read.sheets)
        raise TenFactorFileError(
            f"Filen har ikke noe ark som heter «{requested}». Arkene er: {names}.",
            f"The file has no sheet named '{requested}'. Its sheets are: {names}.",
        )
    best: tuple[int, SurveyLayout] | None = None
    for name, visible, first_row, first_column, rows in sheets:
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            fields, factors = _read_header(row)
            kind = _kind(fields, factors)
            if kind is None:
                continue
            score = len(fields) + len(factors) + (1 if visible else 0)
            if best is None or score > best[0]:
                headers = tuple("" if v is None else str(v).strip() for v in row)
                layout = SurveyLayout(
                    name, kind, first_row + index, first_row, first_column, fields, factors, headers
                )
                best = (score, layout)
    if best is None:
        raise TenFactorFileError(
            f"Fant ingen 10-FAKTOR-resultater i filen {read.file_name}: ingen rad med overskrifter for "
            "enhet og enten faktor og snitt (én rad per enhet og faktor) eller faktorenes navn (én rad per "
            "enhet). Se docs/planning.md for hvordan filen kan se ut.",
            f"Found no 10-FAKTOR results in the file {read.file_name}: no row of headers for the unit and "
            "either the factor and the mean (one row per unit and factor) or the factors' names (one row "
            "per unit). See docs/planning.md for what the file may look like.",
        )
    layout = best[1]
    _refuse_person_level(layout, read.file_name)
    if "respondents" not in layout.columns:
        raise TenFactorFileError(
            f"Filen {read.file_name} har ingen kolonne for antall svar (Antall svar, Respondenter, N). "
            "Uten den kan ikke minstegrensen for gruppestørrelse holdes, så ingenting er lest inn.",
            f"The file {read.file_name} has no column for the number who answered (Antall svar, Respondents, "
            "N). Without it the minimum group size cannot be held, so nothing was read.",
        )
    return layout


def _refuse_person_level(layout: SurveyLayout, file_name: str) -> None:
    found = [h for h in layout.headers if h and is_person_level(h)]
    if found:
        named = ", ".join(f"«{h}»" for h in found)
        raise TenFactorFileError(
            f"Filen {file_name} ser ut til å holde svarene til enkeltpersoner (kolonnene {named}). "
            "Registeret tar bare imot resultater per enhet, aldri svar fra den enkelte: ingenting er lest "
            "inn. Bruk enhetsrapporten fra 10-FAKTOR.",
            f"The file {file_name} appears to hold the answers of individual people (the columns {named}). "
            "The register takes results per unit only, never a person's answers: nothing was read. Use the "
            "unit report from 10-FAKTOR.",
        )
