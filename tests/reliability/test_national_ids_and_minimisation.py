"""For the roster import: national identity numbers are never stored, logged
or echoed, and columns the register has no field for are not kept, in the database file, the log
folder, or any export made afterwards (innsyn, the audit log, a backup).

The roster is the import's messy test roster (identity numbers by header, by value, and typed into a
read column) with extra columns the register must not keep: address, phone, salary, sick leave.
Every export is made afterwards: innsyn (JSON and PDF), the audit log, a backup, the competence
matrix, the gap report, the assessment template, development plans and the unit's plan; zipped and
PDF files are read the way a program reading them would (uncompressed, text extracted).
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

from competence import employees
from competence.cli import main
from competence.roster import run_import
from competence.uow import UnitOfWork
from db.session import open_database
from tests.reliability.bytes_on_disk import readable_bytes
from tests.roster.builders import MESSY_IDS, assert_no_national_ids, messy_spec, write_roster

#: Columns with no field in the register, and a value of each that must not reach any file.
EXTRA_COLUMNS = {
    "Adresse": "Storgata 17 B, 2850 Lena",
    "Telefon": "+47 912 34 567",
    "Årslønn": 612_345,
    "Sykefravær %": "12,5 % egenmeldt",
    "Diagnose": "Ryggplager-SENTINEL",
    "Kommentar": f"Fnr {MESSY_IDS[3]} ifølge HR",
}


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    spec = messy_spec()
    extra = list(EXTRA_COLUMNS.values())
    rows = [
        [*row, *([None] * (len(spec.header) - len(row))), *extra] if row and row[0] is not None else row
        for row in spec.rows
    ]
    return write_roster(
        tmp_path / "ansatte-med-alt.xlsx",
        dataclasses.replace(spec, header=(*spec.header, *EXTRA_COLUMNS), rows=rows),
    )


def _sentinels() -> list[bytes]:
    found = []
    for value in EXTRA_COLUMNS.values():
        text = str(value)
        found += [text.encode("utf-8"), text.encode("utf-16-le")]
    return [*found, b"612345", b"612 345", b"Storgata", b"SENTINEL"]


def test_nothing_but_mapped_fields_reaches_any_file(
    roster: Path, tmp_path: Path, _isolated_data_dir: Path
) -> None:
    db_path = tmp_path / "register.db"
    url = f"sqlite:///{db_path}"
    database = open_database(url)
    uow = UnitOfWork(database, "hr")
    report = run_import(uow, roster)
    assert report.created >= 4
    out, err = io.StringIO(), io.StringIO()
    assert main(["import-roster", str(roster), "--db", url, "--json"], out=out, err=err) == 0
    exports = tmp_path / "eksport"
    for person in employees.list_employees(uow, include_left=True):
        assert (
            main(
                [
                    "export-person",
                    person.employee_no,
                    str(exports / f"{person.employee_no}.json"),
                    "--db",
                    url,
                ]
            )
            == 0
        )
    commands = [
        ["export-person", "4711", str(exports / "innsyn-4711.pdf")],
        ["audit", "--out", str(exports / "logg.csv")],
        ["audit", "--out", str(exports / "logg.json")],
        ["backup", str(exports / "kopi.db")],
        ["export-matrix", str(exports / "matrise.xlsx")],
        ["export-gap", str(exports / "avvik.xlsx")],
        ["export-template", str(exports / "mal.xlsx"), "--unit", "1100"],
        ["export-plan", "4711", str(exports / "plan-4711.pdf")],
        ["export-plans", str(exports / "planer"), "--unit", "1100", "--combined", str(exports / "alle.pdf")],
        ["export-unit-plan", str(exports / "enhet.pdf"), "--unit", "1100"],
    ]
    for command in commands:
        assert main([*command, "--db", url], out=out, err=err) == 0, (command, err.getvalue())
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()

    files = [p for p in (*tmp_path.rglob("*"), *_isolated_data_dir.rglob("*")) if p.is_file() and p != roster]
    blob = b"".join(readable_bytes(p) for p in files) + out.getvalue().encode() + err.getvalue().encode()
    assert {p.name for p in files} >= {
        "register.db", "kopi.db", "logg.csv", "logg.json", "004711.json", "innsyn-4711.pdf", "matrise.xlsx",
        "avvik.xlsx", "mal.xlsx", "plan-4711.pdf", "alle.pdf", "enhet.pdf",
    }  # fmt: skip
    assert len([p for p in files if p.parent.name == "planer"]) >= 2
    for expected in ("Hansen", "Sykehjemmet", "Hjemmetjenesten", "Utviklingsplan"):  # the grep does find
        assert expected.encode() in blob, expected
    assert_no_national_ids(blob, "the database, the log folder, the exports or the output")
    leaked = [s for s in _sentinels() if s in blob]
    assert leaked == [], f"values of unmapped columns reached a file: {leaked}"
    innsyn = json.loads((exports / "004711.json").read_text(encoding="utf-8"))  # as the roster writes it
    assert set(innsyn["person"]) == {
        "id", "employee_no", "employee_no_display", "first_name", "last_name", "email", "manager_id",
        "manager_label", "left_on", "anonymised_on", "desired_fte", "created_at", "updated_at", "version",
    }  # fmt: skip
