"""Re-imports: changes, leavers (full roster) and partial rosters, position identity, roles,
cancellation and progress. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from competence import employees, roles
from competence.clock import today
from competence.progress import Cancelled, CancelToken
from competence.roster import FileChangedError, ImportOptions, preview_import, run_import
from competence.uow import UnitOfWork
from db.models import Employee, ImportRun, OrgUnit, Position, Role
from tests.roster.builders import RosterSpec, simple_rows

MakeRoster = Callable[..., Path]


def _spec(rows: list[list[Any]], **kwargs: Any) -> RosterSpec:
    return RosterSpec(rows=rows, **kwargs)


def _state(uow: UnitOfWork) -> dict[str, Any]:
    with uow:
        s = uow.session
        people = {
            no: (first, last, left)
            for no, first, last, left in s.execute(
                select(Employee.employee_no, Employee.first_name, Employee.last_name, Employee.left_on)
            )
        }
        positions = sorted(
            (no, unit, title, fte, end)
            for no, unit, title, fte, end in s.execute(
                select(
                    Employee.employee_no,
                    OrgUnit.number,
                    Position.title,
                    Position.fte_percent,
                    Position.end_date,
                )
                .join(Employee, Employee.id == Position.employee_id)
                .join(OrgUnit, OrgUnit.id == Position.unit_id)
            )
        )
        return {"people": people, "positions": positions}


def test_changes_are_applied_and_counted(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(6)
    run_import(uow, make_roster(_spec(rows)))
    rows[1][1] = "Nyttnavn, Fornavn1"  # renamed person
    rows[2][6] = 80  # FTE changed
    rows[0][4] = rows[3][4] = "Enhet 100 (nytt navn)"  # unit 100 renamed
    report = run_import(uow, make_roster(_spec(rows), name="v2.xlsx"))
    assert (report.created, report.unchanged, report.left) == (0, 4, 0)
    assert report.updated == 2
    assert (report.positions_updated, report.units_renamed) == (1, 1)
    state = _state(uow)
    assert state["people"]["1001"][:2] == ("Fornavn1", "Nyttnavn")
    assert ("1002", "102", "Sykepleier", 80.0, None) not in state["positions"]
    with uow:
        assert (
            uow.session.scalar(select(OrgUnit.name).where(OrgUnit.number == "100")) == "Enhet 100 (nytt navn)"
        )
        version = uow.session.scalar(select(Employee.version).where(Employee.employee_no == "1001"))
        assert version == 2


def test_full_roster_marks_missing_people_as_left_and_partial_leaves_them(
    uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    rows = simple_rows(5)
    run_import(uow, make_roster(_spec(rows)))
    partial = run_import(uow, make_roster(_spec(rows[:2]), name="partial.xlsx"), ImportOptions(partial=True))
    assert partial.mode == "partial" and partial.left == 0 and not partial.leavers
    preview = preview_import(uow, make_roster(_spec(rows[:3]), name="full.xlsx"))
    assert [p.employee_no for p in preview.leavers] == ["1003", "1004"]
    assert preview.leavers[0].name == "Fornavn3 Etternavn3"
    assert all(left is None for *_, left in _state(uow)["people"].values())
    report = run_import(uow, make_roster(_spec(rows[:3]), name="full.xlsx"))
    assert report.left == 2
    people = _state(uow)["people"]
    assert people["1003"][2] == today() and people["1004"][2] == today()
    assert people["1000"][2] is None
    back = run_import(uow, make_roster(_spec(rows), name="back.xlsx"))
    assert back.returned == 2 and back.updated == 2 and back.left == 0
    assert all(left is None for *_, left in _state(uow)["people"].values())


def test_rejected_rows_keep_their_person_in_the_roster(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(3)
    run_import(uow, make_roster(_spec(rows)))
    rows[2][6] = 170  # the row is rejected, but person 1002 is still in the file
    report = run_import(uow, make_roster(_spec(rows), name="v2.xlsx"))
    assert [r.reason for r in report.rejected] == ["fte_range"]
    assert report.left == 0 and report.positions_ended == 0
    assert _state(uow)["people"]["1002"][2] is None


def test_positions_are_matched_by_unit_and_title(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    two = [
        [7, "Vik, Eli", None, 100, "Enhet 100", "Sykepleier", 50, None, None],
        [7, "Vik, Eli", None, 200, "Enhet 200", "Sykepleier", 30, None, None],
        [7, "Vik, Eli", None, 200, "Enhet 200", "Sykepleier", 20, None, None],
    ]
    first = run_import(uow, make_roster(_spec(two)))
    assert (first.persons, first.positions, first.positions_created) == (1, 3, 3)
    same = run_import(uow, make_roster(_spec(two), name="same.xlsx"))
    assert same.positions_unchanged == 3 and same.changes == 0
    with uow:
        role = Role(name="Spesialsykepleier")
        uow.session.add(role)
        uow.session.flush()
        pos = uow.session.scalar(
            select(Position).join(OrgUnit).where(OrgUnit.number == "100", Position.title == "Sykepleier")
        )
        assert pos is not None
        pos.role_id = role.id
        uow.commit()
    moved = [
        [7, "Vik, Eli", None, 100, "Enhet 100", "Spesialsykepleier", 50, None, None],  # title changed
        [7, "Vik, Eli", None, 300, "Enhet 300", "Sykepleier", 50, None, None],  # new unit
    ]
    report = run_import(uow, make_roster(_spec(moved), name="moved.xlsx"))
    assert (report.positions_created, report.positions_updated, report.positions_ended) == (1, 1, 2)
    state = _state(uow)["positions"]
    assert ("7", "100", "Spesialsykepleier", 50.0, None) in state
    assert ("7", "300", "Sykepleier", 50.0, None) in state
    assert sum(1 for p in state if p[4] == today()) == 2
    with uow:
        kept = uow.session.scalar(
            select(Position.role_id).join(OrgUnit).where(OrgUnit.number == "100", Position.end_date.is_(None))
        )
        assert kept is not None  # the leader's role survived the renamed title


def test_roles_from_column_and_from_title(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    nurse = roles.create_role(uow, "Sykepleier")
    profile = roles.create_role(uow, "Fagarbeider helse")
    header = ("Ansattnr", "Navn", "Enhet", "Stilling", "Kompetanseprofil")
    rows = [
        [1, "A, Anne", "Enhet 1", "Sykepleier", None],
        [2, "B, Bjørn", "Enhet 1", "Helsefagarbeider", "fagarbeider HELSE"],
        [3, "C, Cato", "Enhet 1", "Konsulent", "Ukjent profil"],
    ]
    report = run_import(uow, make_roster(RosterSpec(header=header, rows=rows)))
    assert [(w.code, w.row) for w in report.warnings] == [("unknown_role", 6)]
    with uow:
        by_person = dict(
            uow.session.execute(
                select(Employee.employee_no, Position.role_id).join(
                    Employee, Employee.id == Position.employee_id
                )
            ).all()
        )
    assert by_person == {"1": nurse.id, "2": profile.id, "3": None}
    with uow:
        unit = uow.session.scalar(select(OrgUnit).where(OrgUnit.name == "Enhet 1"))
        assert unit is not None and unit.number == "Enhet 1"


def test_unit_given_as_number_and_name_in_one_column(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    header = ("Ansattnr", "Fornavn", "Etternavn", "Avdeling", "FTE %")
    rows = [[1, "Anne", "Aas", "1234 Hjemmetjenesten", 100], [2, "Bo", "Berg", "1234 - Hjemmetjenesten", 50]]
    report = run_import(uow, make_roster(RosterSpec(header=header, rows=rows, title=None, cover=False)))
    assert report.units_created == 1
    with uow:
        units = uow.session.execute(select(OrgUnit.number, OrgUnit.name)).all()
    assert [tuple(u) for u in units] == [("1234", "Hjemmetjenesten")]


def test_manager_links_follow_the_roster(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(4)
    run_import(uow, make_roster(_spec(rows)))
    rows[3][8] = 1001  # a new manager for 1003
    rows[2][8] = None  # and none for 1002
    run_import(uow, make_roster(_spec(rows), name="v2.xlsx"))
    detail = employees.find_employee(uow, 1003)
    assert detail.manager_name == "Fornavn1 Etternavn1"
    assert employees.find_employee(uow, 1002).manager_id is None
    assert detail.positions[0].manager_id == employees.find_employee(uow, 1001).id


def test_cancelled_import_writes_nothing_and_is_recorded(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    path = make_roster(_spec(simple_rows(12)))
    token = CancelToken()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, message: str = "") -> None:
        seen.append((done, total, message))
        if message.startswith("Skriver"):
            token.cancel()

    with pytest.raises(Cancelled):
        run_import(uow, path, progress=progress, cancel=token)
    assert seen[0] == (0, 100, "Kontrollerer filen")
    with uow:
        assert uow.session.scalar(select(Employee.id)) is None
        runs = uow.session.execute(select(ImportRun.status, ImportRun.file_name)).all()
    assert [tuple(r) for r in runs] == [("cancelled", "roster.xlsx")]


def test_progress_reaches_the_end_in_english(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    seen: list[tuple[int, str]] = []
    run_import(
        uow,
        make_roster(_spec(simple_rows(3))),
        ImportOptions(lang="en"),
        progress=lambda done, total, message="": seen.append((done, message)),
    )
    assert seen[0] == (0, "Checking the file") and seen[-1] == (100, "Done")
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_file_changed_since_the_preview_is_refused(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    path = make_roster(_spec(simple_rows(3)))
    preview = preview_import(uow, path)
    make_roster(_spec(simple_rows(4)))
    with pytest.raises(FileChangedError):
        run_import(uow, path, ImportOptions(expected_sha256=preview.sha256))
    with uow:
        assert uow.session.scalar(select(Employee.id)) is None


def test_people_without_units_when_the_roster_has_no_unit_column(
    uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    header = ("Employee ID", "First name", "Last name", "Email")
    rows = [[1, "Ann", "Lee", "ann@example.com"], [2, "Bo", "Ek", "not-an-address"]]
    report = run_import(uow, make_roster(RosterSpec(header=header, rows=rows, title=None, cover=False)))
    assert report.created == 2 and report.positions == 0
    assert {w.code for w in report.warnings} == {"no_unit_column", "email_invalid"}
    assert employees.find_employee(uow, 2).email is None
    assert employees.find_employee(uow, 1).email == "ann@example.com"


def test_dates_and_start_dates_of_several_kinds(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    header = ("Ansattnr", "Navn", "Enhet", "Startdato")
    rows = [
        [1, "A, A", "E", dt.date(2020, 1, 2)],
        [2, "B, B", "E", "02.01.2020"],
        [3, "C, C", "E", "2020-01-02"],
        [4, "D, D", "E", dt.datetime(2020, 1, 2, 8, 30)],
        [5, "E, E", "E", 43832],
        [6, "F, F", "E", "2.1.2020"],
    ]
    run_import(uow, make_roster(RosterSpec(header=header, rows=rows, date_columns=(3,))))
    with uow:
        starts = set(uow.session.scalars(select(Position.start_date)))
    assert starts == {dt.date(2020, 1, 2)}


def test_new_managers_in_a_loop_and_deep_chains_are_all_linked(
    uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    header = ("Ansattnr", "Navn", "Enhet", "Leder ansattnr")
    rows: list[list[Any]] = [[1, "En, Ann", "E", 2], [2, "To, Bo", "E", 1]]  # each other's manager
    rows += [[100 + i, f"Kjede{i}, Kari", "E", 100 + i - 1 if i else None] for i in range(40)]  # 40 levels
    report = run_import(uow, make_roster(RosterSpec(header=header, rows=rows)))
    assert report.created == 42
    with uow:
        s = uow.session
        number_of = dict(s.execute(select(Employee.id, Employee.employee_no)).all())
        managers = {
            no: number_of.get(manager_id)
            for no, manager_id in s.execute(select(Employee.employee_no, Employee.manager_id))
        }
        position_managers = {
            number_of[emp_id]: number_of.get(manager_id)
            for emp_id, manager_id in s.execute(select(Position.employee_id, Position.manager_id))
        }
    assert managers["1"] == "2" and managers["2"] == "1"
    assert managers["100"] is None
    assert all(managers[str(100 + i)] == str(99 + i) for i in range(1, 40))
    assert position_managers == managers


def test_a_locked_database_is_a_clear_error_and_nothing_is_written(
    sqlite_uow: UnitOfWork, make_roster: MakeRoster, tmp_path: Path
) -> None:
    """Another program holds the write lock: the bulk statements' driver error becomes the same
    "busy" message the rest of the program gives, and nothing is half written."""
    import sqlite3

    from competence.errors import DatabaseBusyError

    path = sqlite_uow.database.path
    assert path is not None
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        sqlite_uow.database.engine.dispose()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("db.engine.SQLITE_BUSY_TIMEOUT_MS", 100)
            from db.session import open_database

            quick = UnitOfWork(open_database(f"sqlite:///{path}", migrate_schema=False), actor="x")
            with pytest.raises(DatabaseBusyError):
                run_import(quick, make_roster(_spec(simple_rows(3))))
            quick.database.dispose()
    finally:
        blocker.rollback()
        blocker.close()
    with sqlite_uow:
        assert sqlite_uow.session.scalar(select(Employee.id)) is None
