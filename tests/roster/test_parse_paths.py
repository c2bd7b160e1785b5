"""The parser takes most rows without checking them one by one: a row none of whose cells any check
could refuse or warn about, as decided column by column (competence/roster/parse.py,
``_careful_rows``). Taking every row through every check must give the very same result, on rows
as messy as HR exports get."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from competence.roster import parse
from competence.roster.book import Cell, SheetRows
from competence.roster.layout import Layout, describe_columns, resolve_mapping

CELLS: dict[str, list[Cell]] = {
    "Ansattnr": [
        1001,
        1002.0,
        "1003",
        "015837",
        None,
        "",
        "Sum",
        "Antall: 3",
        "=1+1",
        "x" * 50,
        1004,
        1004,
        "-5",
    ],
    "Navn": ["Aas, Anne", "Berg, Bo", "Madonna", "", None, "=cmd", " Dahl ,  Dag ", "Ø" * 130, "Aas, Anna"],
    "Fornavn": ["Anne", "", None, "Bo", "@x", "Kari"],
    "Etternavn": ["Aas", "", None, "Berg", "-y", "Nord"],
    "E-post": ["a@b.no", "", None, "bad", "=x@y.z", "A@B.NO", "x" * 300 + "@b.no"],
    "Enhetsnr": [100, "200", None, "", "=1", "x" * 50, 300.0],
    "Enhet": ["Enhet A", "", None, "=bad", "y" * 210, "Enhet B", "1300 - Skole", "1200 Hjemmetjenesten"],
    "Stilling": ["Lærer", "", None, "+t", "z" * 210, "Sykepleier"],
    "Stilling %": [100, 0.8, "80 %", "abc", None, "", 150, "62,5"],
    "Startdato": [dt.date(2020, 1, 1), "01.02.2019", "bad", None, 43000, dt.date(1800, 1, 1)],
    "Sluttdato": [None, None, dt.date(2019, 1, 1), dt.date(2030, 1, 1), "bad", "31.12.2021"],
    "Leder ansattnr": [1001, 1002, None, "", 9999, 1003, "1004"],
    "Rolle": ["", "Lærer", "=x", None, "Ukjent"],
    "Ansettelsesform": ["fast", "vikar", "", None, "rar"],
    "Hovedstilling": ["ja", "nei", "", "kanskje"],
    "Stillingskode": [7174, "7174 Sykepleier", "12", None],
    "Ønsket stillingsprosent": [100, 80, "", "x", None],
}


def _parsed(layout: Layout, every_row_careful: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    columns, _ = describe_columns(layout)
    matches, _, _ = resolve_mapping(columns, saved=None, overrides=())
    with monkeypatch.context() as patch:
        if every_row_careful:
            patch.setattr(parse._Columns, "_careful_rows", lambda self: set(range(self.count)))
        roster = parse.parse_roster(layout, matches)
    people = {number: repr(person) for number, person in roster.persons.items()}  # KEEP compares by repr
    return people, roster.present, roster.rejected, roster.warnings, roster.ignored_rows


@pytest.mark.parametrize("seed", range(6))
def test_rows_taken_without_their_checks_come_out_as_checked_rows_do(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        headers = [h for h in CELLS if h == "Ansattnr" or rng.random() < 0.6]
        if not {"Navn", "Fornavn", "Etternavn"} & set(headers):
            headers.append("Navn")
        rows: list[list[Cell]] = [list(headers)]
        for _ in range(rng.randint(0, 25)):
            row = [rng.choice(CELLS[h]) for h in headers]
            rows.append(row[: rng.randint(len(row) - 2, len(row))])  # short rows too
        layout = Layout.of(SheetRows("Ansatte", 1, 0, rows), 0, ())
        assert _parsed(layout, False, monkeypatch) == _parsed(layout, True, monkeypatch), rows
