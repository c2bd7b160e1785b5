"""A shared register on the test PostgreSQL server with real logins of every role, for the
adversarial tests of the permission model (``docs/security.md``, :mod:`db.permissions`).

Units: Helse (led by Lena) with Hjemmetjenesten below it, Skole (led by Sven), and Ledig, a unit
nobody works in. Lena's login reaches Lena, Hege, Hans (Hjemmetjenesten) and Tor, who works in Skole
but reports to her; never Sven or Siri. Every table holds rows about people in and out of her
reach, and a spare row that nothing refers to (so deleting it can only be refused for lack of
permission, never by a foreign key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, text

from competence import access, appraisals, assessments, certificates, employees, goals, roles, units
from competence.settings import RegisterSettings, save_settings
from competence.uow import UnitOfWork
from db.models import (
    Area,
    AuditEvent,
    Competence,
    Dispensation,
    EmployeeQualification,
    Framework,
    ImportMapping,
    ImportRun,
    Qualification,
    RegisterAccount,
    Requirement,
    Role,
    ScaleLevel,
)
from db.planning import TenFactorResult, UnitBudget, UnitMeasure, UnitTarget
from db.session import Database
from tests.support.factories import make_mini_framework, make_scale
from tests.support.pg_logins import Logins

PEOPLE = {  # first name -> (number, unit key, manager)
    "Lena": ("1", "helse", None),
    "Hege": ("2", "helse", None),
    "Hans": ("3", "hjemme", None),
    "Sven": ("4", "skole", None),
    "Siri": ("5", "skole", None),
    "Tor": ("6", "skole", "Lena"),
}
LEADER_REACH = frozenset({"Lena", "Hege", "Hans", "Tor"})
#: The units Lena's login plans: the one she leads and the one below it.
LEADER_UNITS = ("helse", "hjemme")
#: The person whose rows are "in reach" and "out of reach" in the targeted tests.
REACHED, UNREACHED = "Hans", "Siri"


@dataclass
class SharedRegister:
    database: Database
    owner: UnitOfWork
    logins: Logins
    hr: str
    leader: str
    unregistered: str
    people: dict[str, int]  # first name -> employee id
    units: dict[str, int]
    #: table -> label -> primary key of a row the tests aim at
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: a competence and a level of the spare scale, and a competence of the test framework
    competence_id: int = 0
    level_id: int = 0
    framework_competence_id: int = 0
    #: a qualification everyone holds and has a dispensation from
    qualification_id: int = 0
    #: The logins' password (None: trusted without one)
    password: str | None = None

    def login_of(self, role: str) -> str | None:
        return {"hr": self.hr, "leader": self.leader, "unregistered": self.unregistered}.get(role)


def build_shared_register(
    database: Database, logins: Logins, *, password: str | None = None
) -> SharedRegister:
    """The register, with an HR, a leader's (Lena's) and an unregistered login (``password``:
    logins that must give it, as the app's login dialog is tested)."""
    owner = UnitOfWork(database, "eier")
    fw = make_mini_framework(owner)
    helse = units.create_unit(owner, "100", "Helse").id
    hjemme = units.create_unit(owner, "110", "Hjemmetjenesten", parent_id=helse).id
    skole = units.create_unit(owner, "200", "Skole").id
    spare_unit = units.create_unit(owner, "900", "Ledig").id
    unit_ids = {"helse": helse, "hjemme": hjemme, "skole": skole, "ledig": spare_unit}
    role = roles.create_role(owner, "Pleier")
    roles.set_requirement(owner, role.id, fw.competence_ids["dig-1"], 3)
    save_settings(owner, RegisterSettings(municipality="Fjordvik kommune"))
    people: dict[str, int] = {}
    dig1 = fw.competence_ids["dig-1"]
    for first, (number, unit, manager) in PEOPLE.items():
        emp = employees.create_employee(
            owner, number, first, "Aas", manager_id=people[manager] if manager else None
        )
        people[first] = emp.id
        employees.add_position(owner, emp.id, employees.PositionInput(unit_ids[unit], "Pleier", role.id, 100))
        assessments.record_assessment(
            owner, assessments.NewAssessment(emp.id, dig1, 2, dt.date(2026, 1, 5), "leader")
        )
        certificates.add_certificate(
            owner, emp.id, certificates.CertificateInput("Førstehjelp", dt.date(2025, 1, 1), None)
        )
        goals.add_goal(owner, emp.id, goals.GoalInput("Lære mer", competence_id=dig1))
        appraisals.record_appraisal(owner, emp.id, appraisals.AppraisalInput(dt.date(2026, 2, 1)))
    for unit, leader in (("helse", "Lena"), ("skole", "Sven")):
        units.update_unit(owner, unit_ids[unit], expected_version=None, leader_id=people[leader])

    hr, leader, unregistered = (
        logins.make(prefix, password=password) for prefix in ("kr_hr", "kr_leader", "kr_nobody")
    )
    access.grant_access(owner, hr, "hr")
    access.grant_access(owner, leader, "leader", PEOPLE["Lena"][0])
    reg = SharedRegister(database, owner, logins, hr, leader, unregistered, people, unit_ids)
    reg.password = password
    reg.framework_competence_id = dig1
    _spare_rows(reg)
    _qualification_rows(reg)
    _bookkeeping_rows(reg)
    _person_rows(reg)
    _unit_rows(reg)
    _kept_rows(reg)
    return reg


def _spare_rows(reg: SharedRegister) -> None:
    """One row per reference table that nothing refers to."""
    with reg.owner as uow:
        s = uow.session
        scale = make_scale(s, "spare-scale", 2)
        unused_scale = make_scale(s, "unused-scale", 2)
        framework = Framework(key="spare-fw", name="Ledig rammeverk")
        s.add(framework)
        s.flush()
        area = Area(framework_id=framework.id, key="spare-area", name="Ledig område")
        s.add(area)
        s.flush()
        competence = Competence(
            framework_id=framework.id, area_id=area.id, scale_id=scale.id, key="spare-c", name="Ledig"
        )
        s.add(competence)
        s.flush()
        role = Role(name="Ledig rolle")
        s.add(role)
        s.flush()
        level = scale.levels[0]
        requirement = Requirement(role_id=role.id, competence_id=competence.id, level_id=level.id)
        s.add(requirement)
        spare_level = ScaleLevel(scale_id=scale.id, ordinal=9, name="Ubrukt", percent=50)
        s.add(spare_level)
        s.flush()
        reg.rows.update(
            {
                "org_unit": {"spare": reg.units["ledig"]},
                "scale": {"spare": unused_scale.id},
                "scale_level": {"spare": spare_level.id},
                "framework": {"spare": framework.id},
                "area": {"spare": area.id},
                "competence": {"spare": competence.id},
                "role": {"spare": role.id},
                "requirement": {"spare": requirement.id},
                "setting": {"spare": "register"},
            }
        )
        reg.competence_id = competence.id
        reg.level_id = level.id
        uow.commit()


def _qualification_rows(reg: SharedRegister) -> None:
    """A qualification each person holds and has a dispensation from, and a spare one."""
    with reg.owner as uow:
        s = uow.session
        used = Qualification(key="fagbrev-test", kind="trade_certificate", name="Fagbrev")
        spare = Qualification(key="spare-q", kind="licence", name="Ledig kvalifikasjon")
        s.add_all([used, spare])
        s.flush()
        for person in reg.people.values():
            s.add(
                EmployeeQualification(
                    employee_id=person, qualification_id=used.id, obtained_on=dt.date(2020, 6, 1)
                )
            )
            s.add(
                Dispensation(
                    employee_id=person,
                    qualification_id=used.id,
                    starts_on=dt.date(2026, 1, 1),
                    ends_on=dt.date(2026, 12, 31),
                )
            )
        reg.qualification_id = used.id
        reg.rows["qualification"] = {"spare": spare.id}
        uow.commit()


def _bookkeeping_rows(reg: SharedRegister) -> None:
    hans_no, siri_no = PEOPLE[REACHED][0], PEOPLE[UNREACHED][0]
    with reg.owner as uow:
        s = uow.session
        ids: dict[str, Any] = {}
        # the actor of an event is set by the database (session_user); these are the owner's
        for label, number in (("reached", hans_no), ("unreached", siri_no), ("general", None)):
            ids[label] = s.execute(
                insert(AuditEvent)
                .values(
                    at=dt.datetime(2026, 1, 1), actor="x", action="update", employee_no=number, details={}
                )
                .returning(AuditEvent.id)
            ).scalar_one()
        run = s.execute(
            insert(ImportRun)
            .values(
                kind="roster", actor="x", file_name="liste.xlsx", file_sha256="0" * 64, status="ok", counts={}
            )
            .returning(ImportRun.id)
        ).scalar_one()
        mapping = s.execute(
            insert(ImportMapping).values(source_key="layout", mapping={}).returning(ImportMapping.id)
        ).scalar_one()
        accounts = {
            login: ident for login, ident in s.execute(select(RegisterAccount.login, RegisterAccount.id))
        }
        version = s.scalar(text("SELECT version_num FROM alembic_version"))
        s.execute(
            text(
                "INSERT INTO program_version (version, first_opened_at, last_opened_at) "
                "VALUES ('0.0.1', now(), now()) ON CONFLICT DO NOTHING"
            )
        )
        uow.commit()
    reg.rows["audit_event"] = ids
    reg.rows["import_run"] = {"other": run}
    reg.rows["import_mapping"] = {"spare": mapping}
    reg.rows["register_account"] = {"own": accounts[reg.leader], "other": accounts[reg.hr]}
    reg.rows["alembic_version"] = {"spare": version}
    reg.rows["program_version"] = {"spare": "0.0.1"}
    # the leader's own rows: an event and an import run recorded through their login
    with reg.logins.connect(reg.leader, password=reg.password) as conn:
        own_event = conn.execute(
            "INSERT INTO audit_event (at, actor, action, details) VALUES (now(), 'x', 'export', '{}') "
            "RETURNING id"
        ).fetchone()
        own_run = conn.execute(
            "INSERT INTO import_run (kind, actor, file_name, file_sha256, status, counts, started_at) "
            "VALUES ('assessment_template', 'x', 'mal.xlsx', '', 'ok', '{}', now()) RETURNING id"
        ).fetchone()
    assert own_event is not None and own_run is not None
    reg.rows["audit_event"]["own"] = own_event[0]
    reg.rows["import_run"]["own"] = own_run[0]


def _person_rows(reg: SharedRegister) -> None:
    tables = {"employee": "id", "position": "employee_id", "assessment": "employee_id"}
    tables |= {
        t: "employee_id"
        for t in ("certificate", "learning_goal", "appraisal", "employee_qualification", "dispensation")
    }
    with reg.owner as uow:
        for table, column in tables.items():
            reg.rows[table] = {
                label: uow.session.scalar(
                    text(f'SELECT id FROM "{table}" WHERE {column} = :p ORDER BY id LIMIT 1'),
                    {"p": reg.people[first]},
                )
                for label, first in (("reached", REACHED), ("unreached", UNREACHED))
            }


def _unit_rows(reg: SharedRegister) -> None:
    """A planning row of a unit the leader leads and of one she does not, per planning table; a
    10-FAKTOR result nothing refers to."""
    with reg.owner as uow:
        s = uow.session
        ids: dict[str, dict[str, Any]] = {t: {} for t in ("unit_target", "unit_measure", "unit_budget")}
        for label, unit in (("reached", "helse"), ("unreached", "skole")):
            target = UnitTarget(
                unit_id=reg.units[unit],
                competence_id=reg.competence_id,
                level_id=reg.level_id,
                people_needed=1,
            )
            budget = UnitBudget(unit_id=reg.units[unit], year=2026, amount_nok=50_000)
            s.add_all([target, budget])
            s.flush()
            measure = UnitMeasure(
                unit_id=reg.units[unit], year=2026, kind="develop", title="Kurs", target_id=target.id
            )
            s.add(measure)
            s.flush()
            ids["unit_target"][label] = target.id
            ids["unit_measure"][label] = measure.id
            ids["unit_budget"][label] = budget.id
        result = TenFactorResult(unit_id=reg.units["ledig"], year=2026, factor=4, mean=3.9, respondents=8)
        s.add(result)
        s.flush()
        uow.commit()
    reg.rows.update(ids)
    reg.rows["tenfactor_result"] = {"spare": result.id}


def _kept_rows(reg: SharedRegister) -> None:
    """A kept gap figure and a noted pair (no write after these forgets them), and the state row."""
    with reg.owner as uow:
        s = uow.session
        s.execute(
            text("INSERT INTO gap_cell VALUES (999999, :c, 2, 1, 0, 10, 20, 10, 0)"),
            {"c": reg.framework_competence_id},
        )
        stale = s.scalar(
            text("INSERT INTO gap_stale (employee_id, competence_id) VALUES (:e, :c) RETURNING id"),
            {"e": reg.people[REACHED], "c": reg.framework_competence_id},
        )
        uow.commit()
    reg.rows["gap_cell"] = {"spare": 999999}
    reg.rows["gap_stale"] = {"spare": stale}
    reg.rows["gap_state"] = {"spare": 1}


@contextmanager
def shared_register(
    admin_url: str, database: Database, *, password: str | None = None
) -> Iterator[SharedRegister]:
    """The register in ``database`` (a test's own), its logins dropped afterwards."""
    logins = Logins(admin_url, database.url)
    try:
        yield build_shared_register(database, logins, password=password)
    finally:
        database.dispose()
        logins.drop_all()


def reach_of(reg: SharedRegister, login: str) -> set[str]:
    """The first names of the people ``login`` sees, read with plain SQL."""
    with reg.logins.connect(login, password=reg.password) as conn:
        return {row[0] for row in conn.execute("SELECT first_name FROM employee")}
