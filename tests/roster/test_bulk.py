"""The import's bulk statements (competence/roster/bulk.py): every row written as given, in as few
statements as SQLite allows, on both databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest
from sqlalchemy import Table, bindparam, insert, select, update

from competence.roster.bulk import _null_when_left_out, execute_many, insert_columns, reserve_ids
from competence.uow import UnitOfWork
from db.models import Employee, OrgUnit, Position

_position: Table = Position.__table__  # type: ignore[assignment]
_unit: Table = OrgUnit.__table__  # type: ignore[assignment]
_employee: Table = Employee.__table__  # type: ignore[assignment]
STAMP = dt.datetime(2026, 3, 1, 8, 30)


def _driver(uow: UnitOfWork) -> sqlite3.Connection:
    driver = uow.session.connection().connection.dbapi_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _position_rows(employee_id: int, unit_id: int, count: int) -> list[dict[str, Any]]:
    return [
        {
            "employee_id": employee_id,
            "unit_id": unit_id,
            "title": f"Stilling {i}",
            "role_id": None,
            "manager_id": None,
            "fte_percent": 50.0 + i % 50,
            "start_date": dt.date(2020, 1, 1) + dt.timedelta(days=i),
            "end_date": None if i % 3 else dt.date(2030, 1, 1),
            "version": 1,
        }
        for i in range(count)
    ]


def _person_and_unit(uow: UnitOfWork, employee_no: str, unit_no: str) -> tuple[Employee, OrgUnit]:
    """A person and a unit to hang positions on, written in the open unit of work."""
    person = Employee(employee_no=employee_no, first_name="Kari", last_name="Nordmann")
    unit = OrgUnit(number=unit_no, name=f"Enhet {unit_no}")
    uow.session.add_all([person, unit])
    uow.flush()
    return person, unit


def _inserted(uow: UnitOfWork, count: int) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Insert ``count`` positions through execute_many; the rows read back, and on SQLite the
    INSERT statements the driver ran (each once: SQLite traces a statement again for each row its
    triggers run on)."""
    statements: list[str] = []
    with uow:
        person, unit = _person_and_unit(uow, "70001", "9001")
        driver = uow.session.connection().connection.dbapi_connection
        if isinstance(driver, sqlite3.Connection):
            driver.set_trace_callback(lambda sql: sql.startswith("INSERT ") and statements.append(sql))
        rows = _position_rows(person.id, unit.id, count)
        try:
            execute_many(uow.session, _position, insert(_position).inline(), rows)
        finally:
            if isinstance(driver, sqlite3.Connection):
                driver.set_trace_callback(None)
        uow.commit()
    found = _positions_of(uow, person.id, "title", "fte_percent", "start_date", "end_date")
    return found, list(dict.fromkeys(statements))


def _positions_of(uow: UnitOfWork, employee_id: int, *columns: str) -> list[tuple[Any, ...]]:
    """The person's positions as they read back, these columns of each, in the order written."""
    with uow:
        found = uow.session.execute(
            select(*(_position.c[name] for name in columns))
            .where(_position.c.employee_id == employee_id)
            .order_by(_position.c.id)
        ).all()
    return [tuple(r) for r in found]


@pytest.mark.parametrize("count", [1, 499, 500, 1_203])
def test_every_row_is_written_as_given(uow: UnitOfWork, count: int) -> None:
    found, _ = _inserted(uow, count)
    expected = [
        (r["title"], r["fte_percent"], r["start_date"], r["end_date"]) for r in _position_rows(0, 0, count)
    ]
    assert found == expected


def test_sqlite_writes_many_rows_per_statement(sqlite_uow: UnitOfWork) -> None:
    """1,203 rows in three INSERT statements (500, 500, 203), not 1,203."""
    _, statements = _inserted(sqlite_uow, 1_203)
    assert len(statements) == 3
    assert [s.count("), (") + 1 for s in statements] == [500, 500, 203]


def test_sqlite_keeps_within_its_limit_of_parameters(sqlite_uow: UnitOfWork) -> None:
    """A SQLite built with a low bound on a statement's parameters still takes every row (9
    columns, at most 40 parameters: 4 rows per statement)."""
    limit = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER
    with sqlite_uow:
        before = _driver(sqlite_uow).setlimit(limit, 40)
    try:
        found, statements = _inserted(sqlite_uow, 10)
    finally:
        with sqlite_uow:
            _driver(sqlite_uow).setlimit(limit, before)
    assert len(found) == 10
    assert [s.count("), (") + 1 for s in statements] == [4, 4, 2]


def test_a_refused_row_fails_the_statement_and_names_no_partial_success(uow: UnitOfWork) -> None:
    """A row the database refuses (a unit number taken twice) fails the call; the caller's
    transaction is then rolled back whole, as the import's is."""
    rows = [{"number": f"U{i}", "name": f"Enhet {i}", "created_at": STAMP, "version": 1} for i in range(600)]
    rows[550]["number"] = "U3"
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), uow:
        execute_many(uow.session, _unit, insert(_unit).inline(), rows)
        uow.commit()
    with uow:
        assert uow.session.execute(select(_unit.c.id).where(_unit.c.number.like("U%"))).all() == []


def test_updates_still_go_row_by_row(sqlite_uow: UnitOfWork) -> None:
    """Only INSERTs are gathered into many-row statements."""
    with sqlite_uow:
        unit = OrgUnit(number="9002", name="Skolen")
        sqlite_uow.session.add(unit)
        sqlite_uow.flush()
        statement = update(_unit).where(_unit.c.id == bindparam("b_id")).values(name=bindparam("b_name"))
        execute_many(sqlite_uow.session, _unit, statement, [{"b_id": unit.id, "b_name": "Nytt navn"}])
        sqlite_uow.commit()
    with sqlite_uow:
        assert sqlite_uow.session.get(OrgUnit, unit.id).name == "Nytt navn"  # type: ignore[union-attr]


def test_a_column_empty_in_every_row_is_left_out_of_the_insert(sqlite_uow: UnitOfWork) -> None:
    """A position's end date and role, empty on every row, are not bound; the rows hold NULL."""
    statements: list[str] = []
    with sqlite_uow:
        person, unit = _person_and_unit(sqlite_uow, "70002", "9003")
        _driver(sqlite_uow).set_trace_callback(statements.append)
        try:
            insert_columns(
                sqlite_uow.session,
                _position,
                {
                    "employee_id": [person.id] * 3,
                    "unit_id": [unit.id] * 3,
                    "title": ["A", "B", "C"],
                    "role_id": [None] * 3,
                    "fte_percent": [100.0, 50.0, 20.0],
                    "start_date": [None, dt.date(2020, 1, 1), None],
                    "end_date": [None] * 3,
                    "version": [1] * 3,
                },
            )
        finally:
            _driver(sqlite_uow).set_trace_callback(None)
        sqlite_uow.commit()
    assert _positions_of(sqlite_uow, person.id, "title", "role_id", "start_date", "end_date") == [
        ("A", None, None, None),
        ("B", None, dt.date(2020, 1, 1), None),
        ("C", None, None, None),
    ]
    inserts = [s for s in statements if s.startswith("INSERT ")]
    assert inserts and all("end_date" not in s and "role_id" not in s for s in inserts)
    assert all("start_date" in s for s in inserts)  # empty in some rows only: still written


def test_only_a_column_null_when_left_out_is_left_out() -> None:
    """A column with a default (the version) or one that must hold a value is always written."""
    assert _null_when_left_out(_position, "end_date")
    assert not _null_when_left_out(_position, "version")
    assert not _null_when_left_out(_position, "title")


def test_reserved_ids_are_the_ones_new_rows_get(uow: UnitOfWork) -> None:
    """Ids reserved for new people are free and distinct, rows can be written with them,
    and a person added afterwards the usual way gets an id of their own."""
    with uow:
        first = Employee(employee_no="80001", first_name="Ann", last_name="Aas")
        uow.session.add(first)
        uow.flush()
        ids = reserve_ids(uow.session, _employee, 3)
        assert len(set(ids)) == 3 and min(ids) > first.id
        insert_columns(
            uow.session,
            _employee,
            {
                "id": ids,
                "employee_no": ["80002", "80003", "80004"],
                "first_name": ["Bo", "Cy", "Di"],
                "last_name": ["Berg", "Ceder", "Dahl"],
                "manager_id": [None, ids[0], ids[1]],  # each the manager of the next
                "created_at": [STAMP] * 3,
                "updated_at": [STAMP] * 3,
                "version": [1] * 3,
            },
        )
        uow.commit()
    with uow:
        later = Employee(employee_no="80005", first_name="Eva", last_name="Eik")
        uow.session.add(later)
        uow.flush()
        assert later.id not in ids and later.id > first.id
        uow.commit()
    with uow:
        managers = dict(uow.session.execute(select(_employee.c.employee_no, _employee.c.manager_id)).all())
        assert reserve_ids(uow.session, _employee, 0) == []
    assert managers["80003"] == ids[0] and managers["80004"] == ids[1] and managers["80002"] is None
