"""Issue 6, point 7: values that a spreadsheet would run as a formula (= + - @ tab CR NUL).

Through the roster import they are refused, row by row, and nothing of such a row is stored. Typed
in by hand they may be stored (a name is a name), and every export must then write them as text:
here the audit log's CSV; the Excel exports join this test when they exist.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from competence import employees, units
from competence.cli import main
from competence.roster import run_import
from competence.uow import UnitOfWork
from competence.validation import FORMULA_PREFIXES, looks_like_formula
from db.models import Employee, OrgUnit, Position
from db.session import Database
from tests.roster.builders import RosterSpec, simple_rows, write_roster

PAYLOADS = [p + "cmd|' /C calc'!A0" if p in "=+-@" else p + "=1+1" for p in FORMULA_PREFIXES]


@pytest.mark.parametrize("column", [1, 4, 5])  # name, unit name, job title
def test_import_refuses_formula_values(sqlite_database: Database, tmp_path: Path, column: int) -> None:
    payloads = [p for p in PAYLOADS if not p.startswith("\x00")]  # no spreadsheet file can hold NUL
    rows = simple_rows(len(payloads) + 2)
    for i, payload in enumerate(payloads):
        rows[i + 2][column] = payload if column != 1 else f"{payload}, Fornavn"
    path = write_roster(tmp_path / "formler.xlsx", RosterSpec(rows=rows))
    report = run_import(UnitOfWork(sqlite_database, "hr"), path)
    refused = {r.row for r in report.rejected if r.reason == "formula"}
    assert len(refused) == len(payloads), report.rejected
    assert report.created == 2
    with sqlite_database.engine.connect() as conn:
        stored = [
            *conn.execute(select(Employee.first_name, Employee.last_name, Employee.employee_no)).all(),
            *conn.execute(select(OrgUnit.name, OrgUnit.number)).all(),
            *conn.execute(select(Position.title)).all(),
        ]
    assert not [v for row in stored for v in row if isinstance(v, str) and looks_like_formula(v)]


def test_manual_entry_may_store_them_and_exports_write_them_as_text(
    sqlite_database: Database, tmp_path: Path
) -> None:
    uow = UnitOfWork(sqlite_database, '=HYPERLINK("http://x")')
    unit = units.create_unit(uow, "100", "+Enhet")
    for i, payload in enumerate(PAYLOADS):
        if payload.strip():
            person = employees.create_employee(uow, 100 + i, payload, "-Etternavn")
            employees.add_position(uow, person.id, employees.PositionInput(unit.id, "@Tittel"))
    out = tmp_path / "logg.csv"
    assert main(["audit", "--out", str(out), "--db", sqlite_database.url]) == 0
    cells = [
        c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";") for c in row
    ]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not [c for c in cells if looks_like_formula(c)]
