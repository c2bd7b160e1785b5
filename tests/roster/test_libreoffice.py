"""The messy roster as LibreOffice writes it (xlsx, ods, xls): shared strings, its own percent and
date styles, merged title cells, a cover sheet first and active. Every format must import exactly
as the openpyxl original does, and leak no identity number."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from competence.cli import main
from competence.roster.guard import check_file
from tests.roster.builders import MESSY_IGNORED, MESSY_REJECTED, assert_no_national_ids
from tests.roster.conftest import convert_with_libreoffice

pytestmark = pytest.mark.libreoffice


def _import(path: Path, db: Path) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["import-roster", str(path), "--json", "--db", f"sqlite:///{db}"], out=out, err=err)
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def _register(db: Path) -> list[tuple[Any, ...]]:
    from sqlalchemy import select

    from db.models import Employee, OrgUnit, Position
    from db.session import open_database

    database = open_database(f"sqlite:///{db}")
    try:
        with database.session_factory() as s:
            rows = s.execute(
                select(
                    Employee.employee_no,
                    Employee.first_name,
                    Employee.last_name,
                    Employee.email,
                    OrgUnit.number,
                    OrgUnit.name,
                    Position.title,
                    Position.fte_percent,
                    Position.start_date,
                )
                .join(Position, Position.employee_id == Employee.id)
                .join(OrgUnit, OrgUnit.id == Position.unit_id)
                .order_by(Employee.employee_no, OrgUnit.number)
            ).all()
            return [tuple(r) for r in rows]
    finally:
        database.dispose()


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_libreoffice_files_import_like_the_original(
    fmt: str, libreoffice_rosters: dict[str, Path], messy_xlsx: Path, tmp_path: Path
) -> None:
    converted = libreoffice_rosters[fmt]
    assert check_file(converted).kind == fmt
    expected = _import(messy_xlsx, tmp_path / "original.db")
    got = _import(converted, tmp_path / f"{fmt}.db")
    assert {r["row"]: r["reason"] for r in got["rejected"]} == MESSY_REJECTED
    assert got["ignored_rows"] == MESSY_IGNORED
    assert got["sheet"] == "Ansatte" and got["header_row"] == 3
    for key in ("persons", "positions", "created", "mapping"):
        assert got[key] == expected[key], key
    assert [(w["code"], w["row"]) for w in got["warnings"]] == [
        (w["code"], w["row"]) for w in expected["warnings"]
    ]
    assert _register(tmp_path / f"{fmt}.db") == _register(tmp_path / "original.db")
    blob = b"".join(p.read_bytes() for p in tmp_path.glob(f"{fmt}.db*"))
    assert_no_national_ids(blob, f"the database imported from LibreOffice's {fmt}")


def test_libreoffice_xls_with_far_cells_is_refused(
    tmp_path: Path, libreoffice_rosters: dict[str, Path]
) -> None:
    """An .xls spanning the whole BIFF8 grid (65,536 × 256) is measured from its cell records."""
    import openpyxl

    from competence.roster import RosterFileError

    source = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Ansattnr"
    sheet["IV65536"] = 1
    book.save(source)
    far = convert_with_libreoffice([source], "xls", tmp_path / "out", tmp_path / "profile")[source]
    with pytest.raises(RosterFileError) as info:
        check_file(far)
    assert info.value.code == "too_many_cells"
