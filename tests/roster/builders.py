"""Roster workbooks for the tests, written with openpyxl the way HR exports and hand edits look.

``national_id(...)`` makes valid Norwegian identity numbers (fictional: the individual digits are
chosen by the tests), so that the privacy tests can look for them byte by byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font

STANDARD_HEADER = (
    "Ansatt nr.",
    "Navn",
    "E-post",
    "Enhetsnr",
    "Enhet",
    "Stilling",
    "Stilling %",
    "Ansattdato",
    "Leder ansattnr",
)


def national_id(day: int, month: int, year: int, individual: int) -> str | None:
    """A valid fødselsnummer for the date and individual number, or None if none exists for them."""
    base = [int(c) for c in f"{day:02d}{month:02d}{year % 100:02d}{individual:03d}"]
    k1 = 11 - sum(w * v for w, v in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), base, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    base.append(k1)
    k2 = 11 - sum(w * v for w, v in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), base, strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return "".join(map(str, base)) + str(k2)


def national_ids(count: int, *, day: int = 1, month: int = 1, year: int = 70) -> list[str]:
    found: list[str] = []
    individual = 400
    while len(found) < count:
        number = national_id(day, month, year, individual)
        if number:
            found.append(number)
        individual += 1
    return found


@dataclass
class RosterSpec:
    """How a roster workbook looks."""

    header: Sequence[str] = STANDARD_HEADER
    rows: Sequence[Sequence[Any]] = ()
    sheet: str = "Ansatte"
    title: str | None = "Testkommune – ansattliste"
    cover: bool = True
    #: Column indexes (0-based) formatted as percent / dates.
    percent_columns: Sequence[int] = ()
    date_columns: Sequence[int] = ()
    date_format: str = "DD.MM.YYYY"
    extra_sheets: dict[str, Sequence[Sequence[Any]]] = field(default_factory=dict)


def write_roster(path: Path, spec: RosterSpec) -> Path:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    if spec.cover:
        cover.title = "Forside"
        cover["A1"] = "Ansattliste eksportert fra HR-systemet"
        cover["A1"].font = Font(bold=True, size=14)
        cover["A3"] = "Innhold: ett ark med alle ansatte. Ikke endre overskriftene."
        sheet = book.create_sheet(spec.sheet)
    else:
        sheet = cover
        sheet.title = spec.sheet
    row = 1
    if spec.title:
        sheet.cell(row=1, column=1, value=spec.title).font = Font(bold=True, size=13)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(spec.header), 2))
        row = 3
    for col, text in enumerate(spec.header, start=1):
        sheet.cell(row=row, column=col, value=text).font = Font(bold=True)
    for values in spec.rows:
        row += 1
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=col, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as an HR export writes it
            if col - 1 in spec.percent_columns and isinstance(value, float):
                cell.number_format = "0%" if (value * 100).is_integer() else "0.0%"
            if col - 1 in spec.date_columns and isinstance(value, dt.date):
                cell.number_format = spec.date_format
    for name, extra_rows in spec.extra_sheets.items():
        extra = book.create_sheet(name)
        for values in extra_rows:
            extra.append(list(values))
    book.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def simple_rows(count: int, *, start: int = 1000, units: int = 3) -> list[list[Any]]:
    """Clean rows: one position each, a manager for all but the first."""
    rows: list[list[Any]] = []
    for i in range(count):
        number = start + i
        unit = 100 + i % units
        rows.append(
            [
                number,
                f"Etternavn{i}, Fornavn{i}",
                f"person{number}@testkommune.no",
                unit,
                f"Enhet {unit}",
                "Sykepleier" if i % 2 else "Helsefagarbeider",
                100 if i % 3 else 50,
                dt.date(2010 + i % 10, 1 + i % 12, 1 + i % 27),
                start if i else None,
            ]
        )
    return rows


#: Identity numbers used by the messy roster (and searched for in the privacy tests).
MESSY_IDS = national_ids(12)


def messy_spec() -> RosterSpec:
    """A roster with everything real files have: cover sheet, merged title, text numbers with leading
    zeros, percent cells and "62,5 %" text, dates as cells and as text, NBSP, a person on two rows, a
    name conflict, bad rows, blank and totals rows, a national-ID column by header and one by values,
    and an identity number typed into a column that is read. Spreadsheet rows are in the comments."""
    ids = MESSY_IDS
    header = (*STANDARD_HEADER, "Fødselsnr", "Ref")
    unit_a, unit_b = (1100, "Hjemmetjenesten"), (1200, "Sykehjemmet")
    rows: list[list[Any]] = [
        # 4
        [
            "004711",
            "Hansen, Kari",
            "Kari.Hansen@Testkommune.no",
            *unit_a,
            "Sykepleier",
            0.8,
            dt.date(2015, 3, 1),
            4700,
            ids[0],
            ids[6],
        ],
        # 5: the same person, a second position
        [
            4711,
            "Hansen, Kari",
            "kari.hansen@testkommune.no",
            *unit_b,
            "Sykepleier",
            "20 %",
            "01.08.2019",
            4700.0,
            ids[0],
            ids[7],
        ],
        # 6
        [
            4700,
            "Berg, Per",
            "per.berg@testkommune.no",
            *unit_a,
            "Enhetsleder",
            100,
            dt.date(2010, 1, 1),
            None,
            ids[1],
            ids[8],
        ],
        # 7: text everywhere, NBSP, comma decimal
        [
            "4712",
            "Olsen,\u00a0Åse ",
            "ase.olsen@testkommune.no",
            " 1200 ",
            "Sykehjemmet",
            "Helsefagarbeider",
            "62,5 %",
            "15.01.2020",
            "4700",
            ids[2],
            ids[9],
        ],
        # 8, 9: same number, different names
        [4713, "Lie, Nils", None, *unit_a, "Assistent", 50, dt.date(2021, 5, 1), 4700, ids[3], ids[10]],
        [4713, "Lie, Nina", None, *unit_a, "Assistent", 50, dt.date(2021, 5, 1), 4700, ids[4], ids[11]],
        # 10: no employee number
        [None, "Dahl, Mona", None, *unit_a, "Assistent", 100, dt.date(2020, 1, 1), 4700, None, None],
        # 11: FTE out of range
        [4714, "Strand, Ola", None, *unit_a, "Assistent", 150, dt.date(2020, 1, 1), 4700, None, None],
        # 12: impossible date
        [4715, "Moen, Siri", None, *unit_a, "Assistent", 100, "31.02.2020", 4700, None, None],
        # 13: a formula payload for a name
        [
            4716,
            '=HYPERLINK("http://example.com","Klikk")',
            None,
            *unit_a,
            "Assistent",
            100,
            None,
            4700,
            None,
            None,
        ],
        # 14: unknown manager
        [4717, "Bakke, Lars", None, *unit_b, "Fagarbeider", 100, dt.date(2018, 6, 1), 9999, None, None],
        # 15: blank
        [],
        # 16, 17: totals
        [None, "Antall: 9", None, None, None, None, 860, None, None, None, None],
        ["Sum", None, None, None, None, None, 860],
        # 18: an identity number typed into the job title
        [4718, "Haugen, Tor", None, *unit_a, f"Vikar {ids[5][:6]} {ids[5][6:]}", 100, None, 4700, None, None],
    ]
    return RosterSpec(header=header, rows=rows, percent_columns=(6,), date_columns=(7,))


MESSY_REJECTED = {
    8: "name_conflict",
    9: "name_conflict",
    10: "missing_employee_no",
    11: "fte_range",
    12: "date_impossible",
    13: "formula",
    18: "national_id",
}
MESSY_IGNORED = [15, 16, 17]


def _forms(number: str) -> list[bytes]:
    """The ways a number could be written: as text, without its leading zero, split, in UTF-16."""
    forms = [number, number.lstrip("0"), f"{number[:6]} {number[6:]}", f"{number[:6]}-{number[6:]}"]
    return [f.encode("ascii") for f in forms] + [f.encode("utf-16-le") for f in forms]


def assert_no_national_ids(blob: bytes, where: str) -> None:
    for number in MESSY_IDS:
        for form in _forms(number):
            assert form not in blob, f"an identity number ({form!r}) was found in {where}"
