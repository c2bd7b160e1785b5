"""Synthetic 10-FAKTOR result files, in the layouts a municipality's export has (docs/planning.md):
one row per unit and factor ("long"), and one row per unit with a column per factor ("wide"), as
openpyxl, a CSV as Excel saves it (semicolons, decimal commas, a byte-order mark), and LibreOffice
(tests/roster/conftest.py) write them.

The figures: mean of factor f in a group = base + f / 100 (so each value is recognisable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from db.codes import Factor

LONG_HEADER = ("Enhet", "År", "Faktor", "Gjennomsnitt", "Antall svar")


@dataclass(frozen=True)
class Group:
    unit: str
    year: int
    respondents: int | str | None
    base: float

    def mean(self, factor: Factor) -> float:
        return round(self.base + int(factor) / 100, 2)


#: 2025, long: Hjemmetjenesten (12), "Sone N." needing a mapping to 110 (7), Sykehjemmet under the
#: minimum (4), and the municipality's total (60).
GROUPS_2025 = (
    Group("Hjemmetjenesten", 2025, 12, 3.5),
    Group("Sone N.", 2025, 7, 3.9),
    Group("Sykehjemmet", 2025, 4, 2.1),
    Group("Totalt", 2025, 60, 3.7),
)
#: 2024, wide: Hjemmetjenesten (11) and the municipality (58); Sykehjemmet hidden by the survey ("<5").
GROUPS_2024 = (
    Group("Hjemmetjenesten", 2024, 11, 3.2),
    Group("Fjordvik kommune", 2024, 58, 3.6),
    Group("Sykehjemmet", 2024, "<5", 0.0),
)


def long_rows(groups: Sequence[Group]) -> list[list[object]]:
    rows: list[list[object]] = [
        ["10-FAKTOR: resultater per enhet"],
        [],
        list(LONG_HEADER),
    ]
    for g in groups:
        for factor in Factor:
            rows.append([g.unit, g.year, factor.numbered(), g.mean(factor), g.respondents])
    return rows


def wide_rows(groups: Sequence[Group]) -> list[list[object]]:
    header: list[object] = ["Enhetsnavn", "År", "Respondenter", *(f.numbered() for f in Factor)]
    rows: list[list[object]] = [header]
    for g in groups:
        hidden = isinstance(g.respondents, str)
        rows.append([g.unit, g.year, g.respondents, *(("*" if hidden else g.mean(f)) for f in Factor)])
    return rows


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Resultater") -> Path:
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Om rapporten"
    cover.append(["Rapport fra 10-FAKTOR"])
    data = book.create_sheet(sheet)
    for row in rows:
        data.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """As Excel saves "CSV (semikolonseparert)" in Norwegian: ';', decimal comma, BOM."""

    def text(value: object) -> str:
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")
        return "" if value is None else str(value)

    lines = [";".join(text(v) for v in row) for row in rows]
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path
