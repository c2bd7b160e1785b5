"""Values that a spreadsheet would run as a formula (= + - @ tab CR NUL).

Through the roster import they are refused, row by row, and nothing of such a row is stored. Typed
in by hand they may be stored (a name is a name), and every export must then write them as text:
the competence matrix, the gap report, the assessment template and the audit log's CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from competence import assessments, certificates, employees, goals, roles, settings, units
from competence.cli import main
from competence.frameworks import editing
from competence.roster import run_import
from competence.uow import UnitOfWork
from competence.validation import FORMULA_PREFIXES, looks_like_formula
from db.models import Employee, OrgUnit, Position
from db.session import Database
from tests.roster.builders import RosterSpec, simple_rows, write_roster
from tests.support.factories import make_mini_framework

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


MARK = "XPLOIT"


def _register_full_of_formulas(uow: UnitOfWork) -> None:
    """Every kind of text a user can type, each starting like a formula and carrying MARK."""
    fw = make_mini_framework(uow)
    settings.save_settings(uow, settings.RegisterSettings(municipality=f"=Kommune {MARK}"))
    typed = editing.add_competence(
        uow, fw.area_ids["digital"], editing.CompetenceInput(f"=cmd|' /C calc'!A0 {MARK}")
    )
    unit = units.create_unit(uow, "100", f"+Enhet {MARK}")
    role = roles.create_role(uow, f"@Rolle {MARK}")
    roles.set_requirement(uow, role.id, fw.competence_ids["dig-1"], 3)
    roles.set_requirement(uow, role.id, typed.id, 2)
    for i, prefix in enumerate(FORMULA_PREFIXES):
        person = employees.create_employee(uow, 100 + i, f"{prefix}Fornavn {MARK}", f"-Etternavn {MARK}")
        employees.add_position(uow, person.id, employees.PositionInput(unit.id, f"-Tittel {MARK}", role.id))
        assessments.record_assessment(
            uow,
            assessments.NewAssessment(
                person.id,
                fw.competence_ids["dig-1"],
                2,
                dt.date(2025, 1, 1),
                "leader",
                f"=Leder {MARK}",
                f"=Merk {MARK}",
            ),
        )
        goals.add_goal(
            uow, person.id, goals.GoalInput(f"=Mål {MARK}", competence_id=typed.id, target_level=2)
        )
        certificates.add_certificate(
            uow,
            person.id,
            certificates.CertificateInput(f"=Kurs {MARK}", dt.date(2020, 1, 1), dt.date(2025, 2, 1)),
        )


def _formula_cells(path: Path) -> tuple[int, list[str]]:
    """How many cells hold MARK; and every cell that is not plain text (a formula, or worse) or that
    starts like a formula without ``quotePrefix`` (editing it in Excel would make it a formula)."""
    book = openpyxl.load_workbook(path)
    marked, unsafe = 0, []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str) and MARK in cell.value:
                    marked += 1
                    if cell.data_type != "s":
                        unsafe.append(where)
                if isinstance(cell.value, str) and looks_like_formula(cell.value) and not cell.quotePrefix:
                    unsafe.append(f"{where} without quotePrefix")
    with zipfile.ZipFile(path) as z:  # also in the XML itself: no <f> element carries typed text
        for name in z.namelist():
            if name.endswith(".xml"):
                xml = z.read(name).decode("utf-8", "replace")
                unsafe += [f"{name}: <f>{f}</f>" for f in re.findall(r"<f[^>]*>(.*?)</f>", xml) if MARK in f]
    return marked, unsafe


def test_typed_values_are_stored_and_every_export_writes_them_as_text(
    sqlite_database: Database, tmp_path: Path
) -> None:
    uow = UnitOfWork(sqlite_database, f'=HYPERLINK("http://x") {MARK}')
    _register_full_of_formulas(uow)
    url = sqlite_database.url
    exports = {
        "matrise.xlsx": ["export-matrix"],
        "avvik.xlsx": ["export-gap"],
        "mal.xlsx": ["export-template", "--unit", "100"],
    }
    for name, command in exports.items():
        assert main([command[0], str(tmp_path / name), *command[1:], "--db", url]) == 0, name
        marked, unsafe = _formula_cells(tmp_path / name)
        assert marked >= 5, f"{name}: the typed values are not in the export ({marked})"
        assert unsafe == [], f"{name}: {unsafe}"
    out = tmp_path / "logg.csv"
    assert main(["audit", "--out", str(out), "--db", url]) == 0
    cells = [
        c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";") for c in row
    ]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not [c for c in cells if looks_like_formula(c)]
