"""``generate_demo``: fill an empty register with a fictional kommune, deterministically.

Everything is drawn from one ``random.Random(seed)`` in a fixed order over data kept in stable
order (never database ids), so the same seed, size and ``today()`` give the same register on
SQLite and on PostgreSQL. The whole register is written in one transaction: a cancelled or failed
run leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from competence import audit, clock
from competence.demo import writer
from competence.demo.blueprint import LEGAL, MUNICIPALITY, QUALIFICATIONS, ROLES
from competence.demo.catalogue import Catalogue, Required, load_catalogue, resolve_role
from competence.demo.history import (
    ASSESSMENT_COLUMNS,
    ChunkRows,
    HistoryMaker,
    QualificationNeed,
    Subject,
    round_dates,
)
from competence.demo.organisation import Organisation, plan_organisation
from competence.demo.people import Person, Staffing, plan_people
from competence.demo.planning import add_planning
from competence.errors import ConflictError, ValidationError
from competence.frameworks import ensure_builtin_frameworks
from competence.progress import CancelToken, Progress, no_progress
from competence.qualifications import ensure_builtin_qualifications
from competence.settings import get_settings, save_settings
from competence.uow import UnitOfWork
from db.codes import OPEN_GOAL_STATUSES, CertificateStatus
from db.models import (
    Appraisal,
    Assessment,
    Certificate,
    Dispensation,
    Employee,
    EmployeeQualification,
    LearningGoal,
    OrgUnit,
    Position,
    Qualification,
    Requirement,
    Role,
)
from db.session import Database

MIN_EMPLOYEES = 20
MAX_EMPLOYEES = 50_000
#: Employees whose history is generated and written per step (progress and cancel between steps).
PEOPLE_PER_STEP = 1_000


@dataclass(frozen=True)
class DemoSummary:
    municipality: str
    seed: int
    today: dt.date
    required_per_role: int | None
    employees: int
    active_employees: int
    left_employees: int
    units: int
    roles: int
    requirements: int
    positions: int
    assessments: int
    current_assessments: int
    #: Requirements of people still employed that are "ikke vurdert" (no assessment of a skill, no
    #: certificate for a training), counted by the gap analysis itself: the figure ``gap-report``
    #: and the app show.
    not_assessed: int
    certificates: int
    #: Certificates of people still employed that have expired / expire within 90 days (a renewed
    #: one silences the old), as the gap analysis counts them.
    certificates_expired: int
    certificates_expiring: int
    goals: int
    goals_overdue: int
    appraisals: int
    seconds: float
    #: the planning part (competence/demo/planning.py)
    above_full_time: int = 0
    targets: int = 0
    measures: int = 0
    budgets: int = 0
    tenfactor_results: int = 0
    #: formal qualifications held, and dispensations from one (docs/compliance.md)
    qualifications: int = 0
    dispensations: int = 0


def generate_demo(
    database: Database,
    *,
    employees: int,
    seed: int = 2019,
    required_per_role: int | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    actor: str | None = None,
    frameworks: Callable[[UnitOfWork], object] = ensure_builtin_frameworks,
) -> DemoSummary:
    """Fill an empty, migrated register with a fictional kommune of ``employees`` people.

    ``frameworks`` loads the strategy frameworks the roles draw their requirements from (the
    built-in ones by default). Refuses a register that already holds employees, units or roles.
    """
    _check_arguments(employees, required_per_role)
    started = time.perf_counter()
    report = progress or no_progress
    uow = UnitOfWork(database, actor)
    report(0, 100, "Laster kompetanserammeverk")
    frameworks(uow)
    ensure_builtin_qualifications(uow)
    with uow:
        session = uow.session
        _refuse_filled(session)
        run = _Run(session, random.Random(seed), clock.today(), clock.now(), report, cancel)
        counts = run.build(employees, required_per_role)
        counts.update(add_planning(session, seed, run.today))
        audit.record(
            session,
            uow.actor,
            "create",
            entity="demo",
            seed=seed,
            employees=employees,
            required_per_role=required_per_role,
        )
        uow.commit()
    current = get_settings(uow)
    save_settings(uow, replace(current, municipality=MUNICIPALITY))
    counts.update(gap_figures(uow, run.today))
    report(100, 100, "Ferdig")
    return DemoSummary(
        municipality=MUNICIPALITY,
        seed=seed,
        today=run.today,
        required_per_role=required_per_role,
        seconds=round(time.perf_counter() - started, 2),
        **counts,
    )


def gap_figures(uow: UnitOfWork, on: dt.date) -> dict[str, int]:
    """The summary's figures that the gap analysis also reports, counted by the gap analysis: one
    definition, so ``demo-data`` never says 106 not assessed where ``gap-report`` says 127 (the
    demo once counted only skills, the analysis counts trainings without a certificate too)."""
    from competence import gap  # only here: the generator itself does not need the analysis

    point = gap.trend(uow, dates=[on])[0]
    alerts = gap.certificate_alerts(uow, at=on, window_days=gap.DEFAULT_EXPIRY_WINDOW_DAYS)
    return {
        "not_assessed": point.not_assessed,
        "certificates_expired": sum(1 for a in alerts if a.status == CertificateStatus.EXPIRED),
        "certificates_expiring": sum(1 for a in alerts if a.status == CertificateStatus.EXPIRING),
    }


def _check_arguments(employees: int, required_per_role: int | None) -> None:
    if not MIN_EMPLOYEES <= employees <= MAX_EMPLOYEES:
        raise ValidationError(
            f"Antall ansatte må være mellom {MIN_EMPLOYEES} og {MAX_EMPLOYEES:,}.".replace(",", " "),
            f"The number of employees must be between {MIN_EMPLOYEES} and {MAX_EMPLOYEES:,}.",
            field="employees",
        )
    if required_per_role is not None and not 1 <= required_per_role <= 200:
        raise ValidationError(
            "Antall krav per rolle må være mellom 1 og 200.",
            "Requirements per role must be between 1 and 200.",
            field="required_per_role",
        )


def _refuse_filled(session: Session) -> None:
    counts = {
        model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for model in (Employee, OrgUnit, Role)
    }
    if any(counts.values()):
        raise ConflictError(
            "Demodata kan bare legges i et tomt register. Dette registeret har allerede "
            f"{counts['employee']} ansatte, {counts['org_unit']} enheter og {counts['role']} roller. "
            "Velg en ny databasefil (--db).",
            "Demo data can only go into an empty register. This register already holds "
            f"{counts['employee']} employees, {counts['org_unit']} units and {counts['role']} roles. "
            "Choose a new database file (--db).",
        )


class _Run:
    """One generation: plans in memory, writes through one connection, counts what it wrote."""

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        today: dt.date,
        stamp: dt.datetime,
        report: Progress,
        cancel: CancelToken | None,
    ) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.rng = rng
        self.today = today
        self.stamp = stamp
        self.report = report
        self.cancel = cancel

    def _step(self, done: int, total: int, message: str) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        self.report(done, total, message)

    def build(self, employees: int, required_per_role: int | None) -> dict[str, int]:
        catalogue = load_catalogue(self.session)
        if not catalogue.skills:
            raise ValidationError(
                "Registeret har ingen kompetanserammeverk å hente krav fra.",
                "The register holds no competence frameworks to draw requirements from.",
            )
        requirements = {
            spec.name: resolve_role(spec, catalogue, self.rng, required_per_role) for spec in ROLES
        }
        qualifications = self._qualification_needs()
        org = plan_organisation(employees, self.rng)
        staffing = plan_people(org, self.rng, self.today)
        total = 2 * len(staffing.people) + 1
        self._step(0, total, "Oppretter enheter, roller og ansatte")
        role_ids = self._roles(requirements, qualifications)
        unit_ids = self._units(org)
        emp_ids = self._employees(staffing)
        self._links(staffing, unit_ids, emp_ids)
        self._positions(staffing, unit_ids, emp_ids, role_ids)
        done = len(staffing.people)
        self._step(done, total, "Lager kartlegginger, kurs, mål og samtaler")
        counts = self._histories(org, staffing, catalogue, requirements, qualifications, emp_ids, done, total)
        counts.update(
            employees=len(staffing.people),
            active_employees=sum(1 for p in staffing.people if p.left is None),
            left_employees=sum(1 for p in staffing.people if p.left is not None),
            units=len(org.units),
            roles=len(role_ids),
            requirements=sum(len(r) for r in requirements.values()),
            positions=len(staffing.positions),
        )
        return counts

    # ------------------------------------------------------------ structure

    def _qualification_needs(self) -> dict[str, tuple[QualificationNeed, ...]]:
        """What each role requires of the built-in qualifications, by role name (those the
        catalogue no longer holds are left out)."""
        known = {key: (q_id, kind) for q_id, key, kind in self.session.execute(
            select(Qualification.id, Qualification.key, Qualification.kind)
        )}  # fmt: skip
        return {
            role: tuple(
                QualificationNeed(
                    known[p.key][0], known[p.key][1], p.mandatory, p.deadline_months, p.held, p.dispensation
                )
                for p in picks
                if p.key in known
            )
            for role, picks in QUALIFICATIONS.items()
        }

    def _roles(
        self,
        requirements: dict[str, list[Required]],
        qualifications: dict[str, tuple[QualificationNeed, ...]],
    ) -> dict[str, int]:
        specs = {spec.name: spec for spec in ROLES}
        names = list(requirements)
        rows = [{"name": n, "description": specs[n].description, "created_at": self.stamp} for n in names]
        ids = dict(zip(names, writer.insert_returning_ids(self.conn, Role, rows), strict=True))
        writer.insert_rows(
            self.conn,
            Requirement,
            [
                {
                    "role_id": ids[name],
                    "competence_id": r.competence.id,
                    "qualification_id": None,
                    "level_id": r.level.id,
                    "mandatory": r.mandatory,
                    "deadline_months": r.deadline_months,
                }
                for name in names
                for r in requirements[name]
            ]
            + [
                {
                    "role_id": ids[name],
                    "competence_id": None,
                    "qualification_id": q.id,
                    "level_id": None,
                    "mandatory": q.mandatory,
                    "deadline_months": q.deadline_months,
                }
                for name in names
                for q in qualifications.get(name, ())
            ],
        )
        return ids

    def _units(self, org: Organisation) -> list[int]:
        ids = [0] * len(org.units)
        for depth in range(4):
            level = [u for u in org.units if u.depth == depth]
            rows = [
                {
                    "number": u.number,
                    "name": u.name,
                    "parent_id": None if u.parent is None else ids[u.parent],
                    "created_at": self.stamp,
                }
                for u in level
            ]
            for unit, new_id in zip(
                level, writer.insert_returning_ids(self.conn, OrgUnit, rows), strict=True
            ):
                ids[unit.index] = new_id
        return ids

    def _employees(self, staffing: Staffing) -> list[int]:
        rows = [
            {
                "employee_no": p.number,
                "first_name": p.first,
                "last_name": p.last,
                "email": p.email,
                "left_on": p.left,
                "created_at": self.stamp,
                "updated_at": self.stamp,
            }
            for p in staffing.people
        ]
        return writer.insert_returning_ids(self.conn, Employee, rows)

    def _links(self, staffing: Staffing, unit_ids: list[int], emp_ids: list[int]) -> None:
        """Managers and unit leaders, once everybody has an id."""
        managers = [(emp_ids[p.index], emp_ids[p.manager]) for p in staffing.people if p.manager is not None]
        writer.set_column(self.conn, Employee, "manager_id", managers)
        leaders = [(unit_ids[unit], emp_ids[person]) for unit, person in sorted(staffing.leaders.items())]
        writer.set_column(self.conn, OrgUnit, "leader_id", leaders)

    def _positions(
        self, staffing: Staffing, unit_ids: list[int], emp_ids: list[int], role_ids: dict[str, int]
    ) -> None:
        rows = [
            {
                "employee_id": emp_ids[pos.person],
                "unit_id": unit_ids[pos.unit],
                "title": pos.title,
                "role_id": role_ids[pos.role],
                "manager_id": None if pos.manager is None else emp_ids[pos.manager],
                "fte_percent": pos.fte,
                "start_date": pos.start,
                "end_date": pos.end,
            }
            for pos in staffing.positions
        ]
        writer.insert_rows(self.conn, Position, rows)

    # ------------------------------------------------------------ history

    def _histories(
        self,
        org: Organisation,
        staffing: Staffing,
        catalogue: Catalogue,
        requirements: dict[str, list[Required]],
        qualifications: dict[str, tuple[QualificationNeed, ...]],
        emp_ids: list[int],
        done: int,
        total: int,
    ) -> dict[str, int]:
        rounds = {u.index: round_dates(self.rng, self.today) for u in org.units if u.depth <= 2}
        roles_of: dict[int, list[str]] = {}
        for pos in staffing.positions:
            roles_of.setdefault(pos.person, []).append(pos.role)
        merged: dict[tuple[str, ...], tuple[Required, ...]] = {}
        people = staffing.people

        def subject(person: Person) -> Subject:
            roles = tuple(roles_of[person.index])
            if roles not in merged:
                merged[roles] = _merge(requirements[r] for r in roles)
            manager = None if person.manager is None else people[person.manager]
            unit = org.units[org.slots[person.index].unit]
            return Subject(
                employee_id=emp_ids[person.index],
                full_name=person.full_name,
                hired=person.hired,
                left=person.left,
                ability=person.ability,
                sector=unit.sector,
                roles=roles,
                required=merged[roles],
                qualifications=tuple(dict.fromkeys(q for r in roles for q in qualifications.get(r, ()))),
                manager_id=None if manager is None else emp_ids[manager.index],
                manager_name=None if manager is None else manager.full_name,
                rounds=rounds[unit.enhet],
            )

        courses = {key: comp for (fw, key), comp in catalogue.by_key.items() if fw == LEGAL}
        maker = HistoryMaker(self.rng, self.today, self.stamp, courses)
        tally = _Tally(self.today)
        with writer.indexes_deferred(self.conn, Assessment):
            for start in range(0, len(people), PEOPLE_PER_STEP):
                out = ChunkRows()
                for person in people[start : start + PEOPLE_PER_STEP]:
                    maker.person(subject(person), out)
                self._write(out)
                tally.add(out)
                done += min(PEOPLE_PER_STEP, len(people) - start)
                self._step(done, total, "Lager kartlegginger, kurs, mål og samtaler")
            self.report(done, total, "Bygger indekser")
        return tally.counts()

    def _write(self, out: ChunkRows) -> None:
        writer.insert_tuples(self.conn, Assessment, ASSESSMENT_COLUMNS, out.assessments)
        writer.insert_rows(self.conn, Certificate, out.certificates)
        talk_ids = writer.insert_returning_ids(self.conn, Appraisal, out.appraisals)
        goals = []
        for row, talk in out.goals:
            goals.append(
                {**row, "appraisal_id": None if talk is None else talk_ids[talk], "created_at": self.stamp}
            )
        writer.insert_rows(self.conn, LearningGoal, goals)
        writer.insert_rows(self.conn, EmployeeQualification, out.qualifications)
        writer.insert_rows(self.conn, Dispensation, out.dispensations)


def _merge(groups: Iterable[list[Required]]) -> tuple[Required, ...]:
    """The union of several roles' requirements; where two ask for one competence, the higher level."""
    best: dict[int, Required] = {}
    for group in groups:
        for req in group:
            held = best.get(req.competence.id)
            if held is None:
                best[req.competence.id] = req
            else:
                top = req if req.level.percent > held.level.percent else held
                deadlines = [d for d in (req.deadline_months, held.deadline_months) if d is not None]
                best[req.competence.id] = Required(
                    top.competence, top.level, req.mandatory or held.mandatory, min(deadlines, default=None)
                )
    return tuple(best.values())


CURRENT = ASSESSMENT_COLUMNS.index("is_current")


class _Tally:
    """What was written, counted as it goes (cheaper than counting millions of rows afterwards)."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.values = dict.fromkeys(
            (
                "assessments",
                "current_assessments",
                "certificates",
                "goals",
                "goals_overdue",
                "appraisals",
                "qualifications",
                "dispensations",
            ),
            0,
        )

    def add(self, out: ChunkRows) -> None:
        v = self.values
        v["assessments"] += len(out.assessments)
        v["current_assessments"] += sum(1 for a in out.assessments if a[CURRENT])
        v["certificates"] += len(out.certificates)
        v["goals"] += len(out.goals)
        v["goals_overdue"] += sum(
            1 for g, _ in out.goals if g["status"] in OPEN_GOAL_STATUSES and g["due_on"] < self.today
        )
        v["appraisals"] += len(out.appraisals)
        v["qualifications"] += len(out.qualifications)
        v["dispensations"] += len(out.dispensations)

    def counts(self) -> dict[str, int]:
        return dict(self.values)
