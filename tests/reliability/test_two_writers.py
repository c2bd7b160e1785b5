"""Two writers. Two processes on one SQLite file get a handled "busy, try again",
never a crash or a damaged file; two people editing the same record (SQLite and PostgreSQL) end with
the second told that it changed, and nothing is silently overwritten.

Two transactions open at the same moment and flushing the same row (the version counter on
PostgreSQL, a stale snapshot on SQLite) are tested in tests/test_services.py
(test_concurrent_flush_is_detected_by_version_column).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from competence import appraisals, certificates, employees, goals, roles, units
from competence.errors import ConcurrentEditError, DatabaseBusyError
from competence.uow import UnitOfWork
from db import engine as db_engine
from db.models import Position
from db.session import open_database
from tests.reliability.processes import batches_in, committed_batches, integrity, start_worker

BATCH = 30


def test_second_process_gets_busy_try_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "register.db"
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    holder = start_worker("lock_holder", url, "3")
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 300)  # this window gives up quickly
        database = open_database(url)  # opening (and reading) is not blocked by a writer
        uow = UnitOfWork(database, "leder")
        assert employees.list_employees(uow) == []
        with pytest.raises(DatabaseBusyError) as info:
            employees.create_employee(uow, 4711, "Åse", "Ødegård")
        assert "opptatt" in info.value.message("nb") and "prøv igjen" in info.value.message("nb")
        assert "busy" in info.value.message("en") and "try again" in info.value.message("en")
    finally:
        out, err = holder.communicate(timeout=30)
    assert holder.returncode == 0 and "done" in out, err
    employees.create_employee(uow, 4711, "Åse", "Ødegård")  # trying again works
    assert sorted(e.employee_no for e in employees.list_employees(uow)) == ["4711", "held-1"]
    database.dispose()
    assert integrity(path) == "ok"


@pytest.mark.slow
def test_two_app_instances_writing_at_once(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    first = start_worker("batch_writer", url, "0", str(BATCH), "25")
    second = start_worker("batch_writer", url, "1000", str(BATCH), "25")
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert committed_batches(out1) == set(range(25)) and committed_batches(out2) == set(range(1000, 1025))
    assert integrity(path) == "ok"
    people, positions, _marker = batches_in(path)
    assert set(people) == set(range(25)) | set(range(1000, 1025))
    assert all(n == BATCH for n in people.values()) and positions == people


@dataclass
class Editable:
    """A record a user opens in a window: how to make one and how to save an edit to it."""

    make: Callable[[UnitOfWork, int], Any]
    edit: Callable[[UnitOfWork, Any, int], Any]
    read: Callable[[UnitOfWork, Any], Any]


def _emp(uow: UnitOfWork, _person: int) -> Any:
    return employees.get_employee(uow, _person)


def _unit(uow: UnitOfWork, _person: int) -> Any:
    return units.create_unit(uow, "500", "Kulturskolen")


def _position(uow: UnitOfWork, person: int) -> Any:
    unit = units.create_unit(uow, "600", "Biblioteket")
    return employees.add_position(uow, person, employees.PositionInput(unit.id, "Bibliotekar"))


def _goal(uow: UnitOfWork, person: int) -> Any:
    return goals.add_goal(uow, person, goals.GoalInput("Lære Excel"))


def _talk(uow: UnitOfWork, person: int) -> Any:
    return appraisals.record_appraisal(
        uow, person, appraisals.AppraisalInput(dt.date(2025, 3, 1), summary="Start")
    )


def _certificate(uow: UnitOfWork, person: int) -> Any:
    return certificates.add_certificate(
        uow, person, certificates.CertificateInput("Førstehjelp", dt.date(2025, 1, 1))
    )


def _role(uow: UnitOfWork, _person: int) -> Any:
    return roles.create_role(uow, "Bibliotekar")


def _first_name(uow: UnitOfWork, obj: Any) -> Any:
    return employees.get_employee(uow, obj.id).first_name


EDITABLE: dict[str, Editable] = {
    "employee": Editable(
        _emp,
        lambda uow, o, label: employees.update_employee(
            uow, o.id, expected_version=o.version, first_name=label
        ),
        _first_name,
    ),
    "mark_left": Editable(
        _emp,
        lambda uow, o, label: employees.mark_left(
            uow, o.id, dt.date(2025, 1, label + 1), expected_version=o.version
        ),
        lambda uow, o: employees.get_employee(uow, o.id).left_on,
    ),
    "unit": Editable(
        _unit,
        lambda uow, o, label: units.update_unit(uow, o.id, expected_version=o.version, name=f"Enhet {label}"),
        lambda uow, o: next(u.name for u in units.list_units(uow) if u.id == o.id),
    ),
    "position": Editable(
        _position,
        lambda uow, o, label: employees.update_position(
            uow, o.id, employees.PositionInput(o.unit_id, f"Tittel {label}"), expected_version=o.version
        ),
        lambda uow, o: employees.get_employee(uow, _owner(uow, o)).positions[0].title,
    ),
    "goal": Editable(
        _goal,
        lambda uow, o, label: goals.update_goal(
            uow, o.id, goals.GoalInput(f"Mål {label}"), expected_version=o.version
        ),
        lambda uow, o: goals.goals_of(uow, o.employee_id)[0].description,
    ),
    "goal_status": Editable(
        _goal,
        lambda uow, o, label: goals.set_goal_status(
            uow, o.id, ("in_progress", "completed")[label], expected_version=o.version
        ),
        lambda uow, o: goals.goals_of(uow, o.employee_id)[0].status,
    ),
    "appraisal": Editable(
        _talk,
        lambda uow, o, label: appraisals.update_appraisal(
            uow,
            o.id,
            appraisals.AppraisalInput(o.held_on, summary=f"Samtale {label}"),
            expected_version=o.version,
        ),
        lambda uow, o: appraisals.appraisals_of(uow, o.employee_id)[0].summary,
    ),
    "certificate": Editable(
        _certificate,
        lambda uow, o, label: certificates.update_certificate(
            uow,
            o.id,
            certificates.CertificateInput(f"Kurs {label}", o.completed_on),
            expected_version=o.version,
        ),
        lambda uow, o: certificates.certificates_of(uow, o.employee_id)[0].name,
    ),
    "role": Editable(
        _role,
        lambda uow, o, label: roles.update_role(
            uow, o.id, name=f"Rolle {label}", description=None, expected_version=o.version
        ),
        lambda uow, o: next(r.name for r in roles.list_roles(uow) if r.id == o.id),
    ),
}


def _owner(uow: UnitOfWork, position: Any) -> int:
    with uow:
        row = uow.session.get(Position, position.id)
        assert row is not None
        return row.employee_id


@pytest.mark.parametrize("kind", sorted(EDITABLE))
def test_second_editor_is_told_the_record_changed(uow: UnitOfWork, kind: str) -> None:
    spec = EDITABLE[kind]
    person = employees.create_employee(uow, 4711, "Åse", "Ødegård")
    record = spec.make(uow, person.id)
    # Two windows open the same record; the first saves, then the second saves its older copy.
    spec.edit(uow, record, 0)
    saved = spec.read(uow, record)
    with pytest.raises(ConcurrentEditError) as info:
        spec.edit(uow, record, 1)
    assert "endret av noen andre" in info.value.message("nb")
    assert "changed by someone else" in info.value.message("en")
    assert spec.read(uow, record) == saved  # the first save stands
