"""On a shared PostgreSQL register a unit leader reaches only the units they lead,
enforced by the database (row-level security), whatever program connects with their login.

The register: Helse (led by Lena) with Hjemmetjenesten below it, and Skole (led by Sven). Lena's
login reaches herself, the people of Helse and Hjemmetjenesten, and Tor, who reports to her while
working in Skole; never Siri of Skole. HR reaches everyone; a login nobody registered reaches no one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url

from competence import access, assessments, audit, certificates, employees, goals, roles, units
from competence.backups import take_backup
from competence.errors import NotFoundError, ValidationError
from competence.gap import employee_profile, unit_heatmap
from competence.privacy.erasure import erase_person
from competence.uow import UnitOfWork
from db.errors import AccessDeniedError, LoginNotRegisteredError
from db.models import Assessment, Certificate, Employee, LearningGoal, Position, RegisterAccount
from db.session import Database, open_database
from tests.conftest import _admin
from tests.support.factories import make_mini_framework

_logins = itertools.count()


@dataclass
class Shared:
    owner: UnitOfWork
    ids: dict[str, int]  # first name -> employee id
    helse: int
    skole: int


@pytest.fixture
def shared(pg_database: Database) -> Shared:
    uow = UnitOfWork(pg_database, "hr")
    fw = make_mini_framework(uow)
    helse = units.create_unit(uow, "100", "Helse")
    hjemme = units.create_unit(uow, "110", "Hjemmetjenesten", parent_id=helse.id)
    skole = units.create_unit(uow, "200", "Skole")
    role = roles.create_role(uow, "Pleier")
    roles.set_requirement(uow, role.id, fw.competence_ids["dig-1"], 3)
    people = {
        "Lena": ("1", helse.id, None),
        "Hege": ("2", helse.id, None),
        "Hans": ("3", hjemme.id, None),
        "Sven": ("4", skole.id, None),
        "Siri": ("5", skole.id, None),
        "Tor": ("6", skole.id, "Lena"),
    }
    ids: dict[str, int] = {}
    for first, (number, unit, manager) in people.items():
        emp = employees.create_employee(
            uow, number, first, "Aas", manager_id=ids[manager] if manager else None
        )
        ids[first] = emp.id
        employees.add_position(uow, emp.id, employees.PositionInput(unit, "Pleier", role.id, 100))
        assessments.record_assessment(
            uow,
            assessments.NewAssessment(emp.id, fw.competence_ids["dig-1"], 2, dt.date(2026, 1, 5), "leader"),
        )
        certificates.add_certificate(
            uow, emp.id, certificates.CertificateInput("Førstehjelp", dt.date(2025, 1, 1), None)
        )
        goals.add_goal(uow, emp.id, goals.GoalInput("Lære mer", competence_id=fw.competence_ids["dig-1"]))
    for unit, leader in ((helse, "Lena"), (skole, "Sven")):
        units.update_unit(uow, unit.id, expected_version=None, leader_id=ids[leader])
    return Shared(uow, ids, helse.id, skole.id)


Connect = Callable[[], Database]
Login = Callable[[], tuple[str, Connect]]


@pytest.fixture
def login(pg_admin_url: str, pg_database: Database) -> Iterator[Login]:
    """Make a login role on the server: returns its name and a function opening the register as it."""
    made: list[str] = []
    opened: list[Database] = []

    def make() -> tuple[str, Connect]:
        name = f"kr_login_{os.getpid()}_{next(_logins)}"
        _admin(pg_admin_url, f'CREATE ROLE "{name}" LOGIN')
        made.append(name)

        def connect() -> Database:
            url = make_url(pg_database.url).set(username=name).render_as_string(hide_password=False)
            db = open_database(url)
            opened.append(db)
            return db

        return name, connect

    yield make
    for db in opened:
        db.dispose()
    in_register = _in_db(pg_admin_url, make_url(pg_database.url).database)
    for name in made:
        _admin(in_register, f'DROP OWNED BY "{name}"', f'DROP ROLE IF EXISTS "{name}"')


def _in_db(admin_url: str, database: str | None) -> str:
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


def _numbers(uow: UnitOfWork) -> set[str]:
    return {r.first_name for r in employees.list_employees(uow, include_left=True)}


def _count(uow: UnitOfWork, model: type) -> int:
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_unit_leader_reaches_only_the_people_of_the_units_they_lead(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    name, connect = login()
    access.grant_access(shared.owner, name, "leader", "1")  # Lena
    lena = UnitOfWork(connect(), name)
    assert _numbers(lena) == {"Lena", "Hege", "Hans", "Tor"}
    for model in (Position, Assessment, Certificate, LearningGoal):
        assert _count(lena, model) == 4, model.__name__
    # the gap analysis sees the same: Skole holds only Tor, who reports to Lena
    heat = unit_heatmap(lena, unit_id=shared.skole, subunits=False)
    assert [cell.people for cell in heat.cells.values()] == [1]
    everyone = unit_heatmap(shared.owner, unit_id=shared.skole, subunits=False)
    assert [cell.people for cell in everyone.cells.values()] == [3]
    assert employee_profile(lena, shared.ids["Hans"]).employee_no == "3"
    with pytest.raises(NotFoundError):
        employee_profile(lena, shared.ids["Siri"])


def test_a_unit_leader_cannot_write_about_someone_outside_their_units(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    name, connect = login()
    access.grant_access(shared.owner, name, "leader", "1")
    lena = UnitOfWork(connect(), name)
    siri = shared.ids["Siri"]
    with pytest.raises(AccessDeniedError) as refused, lena:
        lena.session.execute(
            insert(Assessment).values(
                employee_id=siri,
                competence_id=_any_competence(shared),
                level_id=_any_level(shared),
                assessed_on=dt.date(2026, 2, 1),
                source="leader",
                is_current=False,
            )
        )
        lena.flush()
    assert "bare personene i enhetene" in refused.value.message("nb")
    assert "only the people in the units they lead" in refused.value.message("en")
    with pytest.raises(AccessDeniedError), lena:  # nor move someone into view
        lena.session.execute(
            insert(Position).values(employee_id=siri, unit_id=shared.skole, title="x", fte_percent=10)
        )
        lena.flush()
    # updates of rows out of reach touch nothing
    with lena:
        changed = lena.session.execute(
            text("UPDATE employee SET first_name = 'X' WHERE id = :id"), {"id": siri}
        )
        lena.commit()
    assert changed.rowcount == 0
    assert {r.first_name for r in employees.list_employees(shared.owner)} >= {"Siri"}
    # a new person would be outside the leader's reach at once: HR creates people (the roster)
    with pytest.raises(AccessDeniedError):
        employees.create_employee(lena, "77", "Ny", "Person")
    # within reach, the app works as usual
    assessments.record_assessment(
        lena,
        assessments.NewAssessment(
            shared.ids["Hans"], _any_competence(shared), 3, dt.date(2026, 3, 1), "leader"
        ),
    )


def test_hr_reaches_everyone_and_an_unregistered_login_no_one(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    hr_name, hr_connect = login()
    access.grant_access(shared.owner, hr_name, "hr")
    assert _numbers(UnitOfWork(hr_connect(), hr_name)) == set(shared.ids)
    stranger, stranger_connect = login()
    access.grant_access(shared.owner, stranger, "hr")  # privileges granted ...
    with shared.owner:
        shared.owner.session.execute(text("DELETE FROM register_account WHERE login = :n"), {"n": stranger})
        shared.owner.commit()  # ... and taken back with the account by the database itself
    with pytest.raises(LoginNotRegisteredError) as refused:
        stranger_connect()
    assert f"Innloggingen «{stranger}» har ikke tilgang" in refused.value.message("nb")
    assert f"The login '{stranger}' has no access" in refused.value.message("en")


def test_the_audit_log_shows_a_leader_only_entries_about_their_people(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    name, connect = login()
    access.grant_access(shared.owner, name, "leader", "1")
    lena = UnitOfWork(connect(), name)
    numbers = {e.employee_no for e in audit.list_events(lena)}
    assert {"1", "2", "3", "6"} <= numbers and not numbers & {"4", "5"}
    everyone = {e.employee_no for e in audit.list_events(shared.owner)}
    assert {"4", "5"} <= everyone


def test_granting_is_audited_checked_and_undone_by_revoking(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    name, connect = login()
    with pytest.raises(ValidationError) as unknown:
        access.grant_access(shared.owner, "finnes_ikke", "hr")
    assert "ingen innlogging som heter «finnes_ikke»" in unknown.value.message("nb")
    with pytest.raises(ValidationError):
        access.grant_access(shared.owner, name, "leader")  # a leader needs an employee number
    with pytest.raises(NotFoundError):
        access.grant_access(shared.owner, name, "leader", "999")
    access.grant_access(shared.owner, name, "leader", "4")  # Sven
    sven = UnitOfWork(connect(), name)
    assert _numbers(sven) == {"Sven", "Siri", "Tor"}
    access.grant_access(shared.owner, name, "leader", "1")  # moved to Helse: the same login follows
    assert _numbers(sven) == {"Lena", "Hege", "Hans", "Tor"}
    assert [(a.login, a.kind, a.employee_no) for a in access.list_accounts(shared.owner)] == [
        (name, "leader", "1")
    ]
    events = [e for e in audit.list_events(shared.owner, action="access")]
    assert len(events) == 2 and {e.details["login"] for e in events} == {name}
    access.revoke_access(shared.owner, name)
    with pytest.raises(AccessDeniedError):
        connect()  # the register says why, not "permission denied for table alembic_version"
    assert access.list_accounts(shared.owner) == []


def test_erasing_a_leader_takes_their_account_with_them(
    shared: Shared, login: Callable[[], tuple[str, Connect]]
) -> None:
    name, _ = login()
    access.grant_access(shared.owner, name, "leader", "4")
    erase_person(shared.owner, "4")
    assert _count(shared.owner, RegisterAccount) == 0
    assert _count(shared.owner, Employee) == 5


def test_only_a_login_that_reaches_everyone_backs_up_or_restores(
    shared: Shared, login: Login, tmp_path: Path
) -> None:
    from db import backup as db_backup
    from db.backup import BackupError

    leader, leader_connect = login()
    access.grant_access(shared.owner, leader, "leader", "1")
    lena = leader_connect()
    with pytest.raises(BackupError) as refused:
        take_backup(lena, tmp_path / "lena.db")
    assert "Bare HR" in refused.value.message("nb") and "Only HR" in refused.value.message("en")
    assert not (tmp_path / "lena.db").exists()
    hr, hr_connect = login()
    access.grant_access(shared.owner, hr, "hr")
    whole = take_backup(hr_connect(), tmp_path / "hr.db")
    with closing(sqlite3.connect(whole)) as conn:
        assert conn.execute("SELECT count(*) FROM employee").fetchone()[0] == len(shared.ids)
    with pytest.raises(BackupError):
        db_backup.restore(lena.engine, whole)
    assert len(employees.list_employees(shared.owner)) == len(shared.ids)


def test_access_belongs_to_a_shared_register_only(sqlite_database: Database) -> None:
    uow = UnitOfWork(sqlite_database, "hr")
    with pytest.raises(ValidationError) as refused:
        access.list_accounts(uow)
    assert "PostgreSQL" in refused.value.message("nb") and "PostgreSQL" in refused.value.message("en")


def _any_competence(shared: Shared) -> int:
    with shared.owner:
        return int(shared.owner.session.scalar(select(Assessment.competence_id).limit(1)) or 0)


def _any_level(shared: Shared) -> int:
    with shared.owner:
        return int(shared.owner.session.scalar(select(Assessment.level_id).limit(1)) or 0)


def test_the_command_line_grants_lists_and_revokes(
    shared: Shared, login: Login, sqlite_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from competence.cli import main

    name, _ = login()
    url = shared.owner.database.url
    assert main(["access", "grant", name, "--leader", "1", "--db", url]) == 0
    assert f"{name} når nå personene i enhetene ansattnr 1 leder." in capsys.readouterr().out
    assert main(["--lang", "en", "access", "list", "--db", url]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{name}\tunit leader, employee 1"]
    assert main(["access", "revoke", name, "--db", url]) == 0
    assert main(["access", "revoke", name, "--db", url]) == 1
    assert "Fant ikke tilgang for innloggingen" in capsys.readouterr().err
    assert main(["access", "grant", name, "--db", url]) == 2  # --hr or --leader is required
    assert main(["access", "list", "--db", sqlite_database.url]) == 1
    assert "bare et felles register på en PostgreSQL-server" in capsys.readouterr().err


def test_a_register_to_be_upgraded_tells_a_leader_to_ask_its_owner(shared: Shared, login: Login) -> None:
    """A newer app opened first by a leader's login: the tables are not theirs to change, and the
    message says who must open it, instead of a refusal that sounds like missing access to people."""
    from db import migrate
    from db.errors import SchemaOwnerNeededError

    name, connect = login()
    access.grant_access(shared.owner, name, "leader", "1")
    with shared.owner.database.engine.begin() as conn:  # as if the register were one version older
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    with pytest.raises(SchemaOwnerNeededError) as refused:
        connect()
    assert "bare eieren av databasen" in refused.value.message("nb")
    assert "only the owner of the database" in refused.value.message("en")
    with shared.owner.database.engine.begin() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0001"  # untouched
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{migrate.HEAD}'"))
    assert _numbers(UnitOfWork(connect(), name)) == {"Lena", "Hege", "Hans", "Tor"}
