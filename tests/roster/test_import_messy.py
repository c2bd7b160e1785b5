"""The messy roster end to end, on SQLite and PostgreSQL: what is created, rejected, warned about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence.roster import ImportOptions, inspect_roster, preview_import, run_import
from competence.uow import UnitOfWork
from db.models import AuditEvent, Employee, ImportMapping, ImportRun, OrgUnit, Position
from tests.roster.builders import MESSY_IGNORED, MESSY_REJECTED, RosterSpec, simple_rows


def _employee(uow: UnitOfWork, number: str) -> Employee:
    with uow:
        emp = uow.session.scalar(select(Employee).where(Employee.employee_no == number))
        assert emp is not None, number
        uow.session.expunge(emp)
        return emp


def _positions(uow: UnitOfWork, number: str) -> list[tuple[str, str, float, dt.date | None, str | None]]:
    with uow:
        s = uow.session
        manager = Employee.__table__.alias("manager")
        rows = s.execute(
            select(
                OrgUnit.number,
                Position.title,
                Position.fte_percent,
                Position.start_date,
                manager.c.employee_no,
            )
            .join(Employee, Employee.id == Position.employee_id)
            .join(OrgUnit, OrgUnit.id == Position.unit_id)
            .outerjoin(manager, manager.c.id == Position.manager_id)
            .where(Employee.employee_no == number)
            .order_by(OrgUnit.number)
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_inspection_finds_the_roster_below_cover_and_title(uow: UnitOfWork, messy_xlsx: Path) -> None:
    inspection = inspect_roster(uow, messy_xlsx)
    assert inspection.sheet == "Ansatte"
    assert [s.name for s in inspection.sheets] == ["Forside", "Ansatte"]
    assert inspection.sheets[0].header_row is None
    assert inspection.header_row == 3
    assert inspection.ready
    mapped = {m.field: m.letter for m in inspection.mapping if m.column is not None}
    assert mapped == {
        "employee_no": "A",
        "name": "B",
        "email": "C",
        "unit_no": "D",
        "unit_name": "E",
        "title": "F",
        "fte": "G",
        "start_date": "H",
        "manager_no": "I",
    }
    refused = {c.letter: c.header for c in inspection.refused_columns}
    assert refused == {"J": "Fødselsnr", "K": "Ref"}
    assert all(not c.samples for c in inspection.refused_columns)
    assert [w.code for w in inspection.warnings] == ["national_id_column", "national_id_column"]
    assert not inspection.saved_mapping_used


def test_preview_reports_everything_and_writes_nothing(uow: UnitOfWork, messy_xlsx: Path) -> None:
    report = preview_import(uow, messy_xlsx)
    assert report.dry_run
    assert {r.row: r.reason for r in report.rejected} == MESSY_REJECTED
    assert list(report.ignored_rows) == MESSY_IGNORED
    assert (report.persons, report.positions) == (4, 5)
    assert (report.created, report.updated, report.unchanged, report.left) == (4, 0, 0, 0)
    assert (report.units_created, report.positions_created) == (2, 5)
    codes = sorted((w.code, w.row) for w in report.warnings if w.row is not None)
    assert codes == [("unknown_manager", 14)]
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Employee)) == 0
        assert uow.session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_import_writes_people_positions_units_and_managers(uow: UnitOfWork, messy_xlsx: Path) -> None:
    report = run_import(uow, messy_xlsx)
    assert not report.dry_run and report.run_id is not None
    kari = _employee(uow, "4711")
    per = _employee(uow, "4700")
    ase = _employee(uow, "4712")
    assert (kari.first_name, kari.last_name, kari.email) == ("Kari", "Hansen", "kari.hansen@testkommune.no")
    assert (ase.first_name, ase.last_name) == ("Åse", "Olsen")
    assert kari.manager_id == per.id and ase.manager_id == per.id
    assert per.manager_id is None
    assert _positions(uow, "4711") == [
        ("1100", "Sykepleier", 80.0, dt.date(2015, 3, 1), "4700"),
        ("1200", "Sykepleier", 20.0, dt.date(2019, 8, 1), "4700"),
    ]
    assert _positions(uow, "4712") == [("1200", "Helsefagarbeider", 62.5, dt.date(2020, 1, 15), "4700")]
    assert _positions(uow, "4717") == [("1200", "Fagarbeider", 100.0, dt.date(2018, 6, 1), None)]
    with uow:
        s = uow.session
        numbers = set(s.scalars(select(Employee.employee_no)))
        assert numbers == {"4700", "4711", "4712", "4717"}
        units = {n: name for n, name in s.execute(select(OrgUnit.number, OrgUnit.name))}
        assert units == {"1100": "Hjemmetjenesten", "1200": "Sykehjemmet"}
        run = s.get(ImportRun, report.run_id)
        assert run is not None
        assert (run.kind, run.status, run.mode, run.actor, run.file_name) == (
            "roster",
            "ok",
            "full",
            uow.actor,  # "testleder"; on a shared register the login, set by the database
            "messy.xlsx",
        )
        assert run.file_sha256 == report.sha256 and len(run.file_sha256) == 64
        assert run.counts["created"] == 4 and run.counts["rejected"] == 7
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "import"))
        assert event is not None and event.entity_id == run.id
        assert event.details["counts"]["positions_created"] == 5
        assert "Hansen" not in str(event.details) and "messy" not in str(event.details)
        assert s.scalar(select(func.count()).select_from(ImportMapping)) == 1


def test_reimport_of_the_same_file_changes_nothing(uow: UnitOfWork, messy_xlsx: Path) -> None:
    run_import(uow, messy_xlsx)
    with uow:
        before = uow.session.execute(select(Employee.id, Employee.version, Employee.updated_at)).all()
        positions_before = uow.session.execute(select(Position.id, Position.version)).all()
    again = run_import(uow, messy_xlsx)
    assert (again.created, again.updated, again.unchanged, again.left) == (0, 0, 4, 0)
    assert (again.positions_created, again.positions_updated, again.positions_ended) == (0, 0, 0)
    assert (again.units_created, again.units_renamed) == (0, 0)
    assert again.changes == 0
    with uow:
        assert uow.session.execute(select(Employee.id, Employee.version, Employee.updated_at)).all() == before
        assert uow.session.execute(select(Position.id, Position.version)).all() == positions_before
        assert uow.session.scalar(select(func.count()).select_from(ImportRun)) == 2


def test_saved_mapping_is_used_for_the_same_layout(uow: UnitOfWork, messy_xlsx: Path) -> None:
    run_import(uow, messy_xlsx, ImportOptions.build({"email": None}))
    inspection = inspect_roster(uow, messy_xlsx)
    assert inspection.saved_mapping_used
    email = next(m for m in inspection.mapping if m.field == "email")
    assert email.column is None and email.source == "saved"
    name = next(m for m in inspection.mapping if m.field == "name")
    assert name.source == "saved" and name.letter == "B"


def test_options_choose_the_sheet_and_refuse_unknown_ones(uow: UnitOfWork, messy_xlsx: Path) -> None:
    from competence.roster import MappingUsageError, RosterMappingError

    with pytest.raises(MappingUsageError) as info:
        inspect_roster(uow, messy_xlsx, ImportOptions(sheet="Finnes ikke"))
    assert "Forside" in info.value.message("nb") and "Ansatte" in info.value.message("en")
    forced = inspect_roster(uow, messy_xlsx, ImportOptions(sheet="forside"))
    assert forced.sheet == "Forside" and not forced.ready
    with pytest.raises(RosterMappingError) as missing:
        preview_import(uow, messy_xlsx, ImportOptions(sheet="Forside"))
    assert "Ansattnummer" in missing.value.message("nb")
    assert "Employee number" in missing.value.message("en")


def test_wizard_saves_and_forgets_a_mapping_without_importing(uow: UnitOfWork, messy_xlsx: Path) -> None:
    from competence.roster import forget_mapping, save_mapping

    inspection = inspect_roster(uow, messy_xlsx)
    chosen = inspection.mapping_dict() | {"email": None, "title": "Enhet", "unit_name": None}
    same = inspect_roster(uow, messy_xlsx, ImportOptions.build(chosen))
    assert {m.field: m.letter for m in same.mapping if m.column is not None}["title"] == "E"
    save_mapping(uow, inspection.layout_key, inspection.sheet, same.mapping_dict())
    remembered = inspect_roster(uow, messy_xlsx)
    assert remembered.saved_mapping_used
    assert remembered.mapping_dict() == same.mapping_dict()
    assert forget_mapping(uow, inspection.layout_key)
    assert not forget_mapping(uow, inspection.layout_key)
    assert inspect_roster(uow, messy_xlsx).mapping_dict() == inspection.mapping_dict()


def test_an_identity_number_in_the_header_row_is_masked(
    uow: UnitOfWork, make_roster: Callable[..., Path]
) -> None:
    from tests.roster.builders import RosterSpec, national_ids

    secret = national_ids(1, day=2, month=3, year=81)[0]
    path = make_roster(RosterSpec(header=("Ansattnr", "Navn", secret), rows=[[1, "Aas, Anne", "x"]]))
    inspection = inspect_roster(uow, path)
    texts = repr(inspection)
    assert secret not in texts and secret.lstrip("0") not in texts
    assert inspection.columns[2].header == "•••••••••••"


def test_a_roster_with_unknown_headers_is_guessed_for_the_wizard_and_refused_without_a_sheet(
    uow: UnitOfWork, make_roster: Callable[..., Path]
) -> None:
    """No sheet names the register's fields: the inspection guesses the sheet with the most rows
    and its first row with two or more filled cells (below the merged title) as the header, for a
    person to map; the import itself, with nothing chosen, refuses the file, naming the columns it
    misses and the one it knows ("Andel")."""
    from competence.roster import RosterMappingError
    from tests.roster.builders import RosterSpec

    rows = [[f"L{n}", f"Person {n}, Ola", "Sted A" if n % 2 else "Sted B", 80] for n in range(1, 7)]
    path = make_roster(
        RosterSpec(
            header=("Løpenr", "Hvem", "Sted", "Andel"),
            rows=rows,
            sheet="Liste",
            extra_sheets={"Notater": [["Sist endret", "mars"]]},
        )
    )
    inspection = inspect_roster(uow, path)
    assert not inspection.header_found
    assert inspection.sheet == "Liste"
    assert inspection.header_row == 3  # the title is on row 1
    assert inspection.data_rows == 6
    assert ("employee_no",) in inspection.missing
    assert [s.header_row for s in inspection.sheets] == [None, None, None]

    with pytest.raises(RosterMappingError) as refused:
        preview_import(uow, path)
    assert refused.value.code == "mapping_incomplete"
    assert refused.value.message("nb").startswith("Fant ikke kolonnen for Ansattnummer og Navn")
    assert "«Liste» har overskrifter på rad 3 med bare Stillingsprosent" in refused.value.message("nb")
    assert refused.value.message("en").startswith("Could not find the column for Employee number")

    chosen = ImportOptions.build(
        {"employee_no": "Løpenr", "name": "Hvem", "unit_name": "Sted"}, sheet=inspection.sheet
    )
    mapped = inspect_roster(uow, path, chosen)
    assert mapped.ready and not mapped.header_found and mapped.header_row == 3
    preview = preview_import(uow, path, chosen)
    assert preview.persons == 6 and not preview.rejected
    report = run_import(uow, path, chosen)
    assert report.created == 6
    assert _employee(uow, "L3").last_name == "Person 3"


def test_a_chosen_sheet_without_known_headers_uses_its_first_row_with_two_filled_cells(
    uow: UnitOfWork, make_roster: Callable[..., Path]
) -> None:
    from tests.roster.builders import RosterSpec

    path = make_roster(RosterSpec(header=("Løpenr", "Hvem"), rows=[["1", "Aas, Anne"]], sheet="Liste"))
    assert inspect_roster(uow, path, ImportOptions(sheet="Liste")).header_row == 3
    assert inspect_roster(uow, path, ImportOptions(sheet="Forside")).header_row == 1


def test_every_blank_and_totals_row_is_counted_as_skipped(
    uow: UnitOfWork, make_roster: Callable[..., Path]
) -> None:
    """Four blank rows and a sum row are five rows skipped, each listed (the summary counts them)."""
    rows = simple_rows(3)
    spec = RosterSpec(
        rows=[rows[0], [], [], rows[1], [], [], rows[2], [None, "Sum", None, None, None, None, 250]]
    )
    report = preview_import(uow, make_roster(spec))
    assert report.persons == 3
    assert report.ignored_rows == (5, 6, 8, 9, 11)
    assert report.to_json()["ignored_rows"] == [5, 6, 8, 9, 11]
