"""Who lacks a mandatory requirement, per unit (docs/compliance.md): the answer a leader owes HR,
the verneombud and Arbeidstilsynet. ``python -m competence compliance``, the workbook
"Lovpålagt opplæring" and the panel on Oversikt all read :func:`compliance_report`.

A requirement counts when it is mandatory, in force on the date, and proven by a document: a
course (a competence of kind *certificate*) or a formal qualification. The database returns only
the lacking pairs (no valid certificate, no qualification held, no dispensation in force), so the
work grows with what is lacking, not with the register.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from competence.clock import today
from competence.compliance.rules import Terms, lacking_since, lacking_status
from competence.gap.queries import active_employee, active_position, unit_scope
from competence.language import pick_name
from competence.lookup import get_or_fail, unit_by_number
from competence.roles import in_force
from competence.uow import UnitOfWork
from db.codes import DocumentKind, RequirementStatus
from db.models import (
    Certificate,
    Competence,
    Dispensation,
    Employee,
    EmployeeQualification,
    OrgUnit,
    Position,
    Qualification,
    Requirement,
)


@dataclass(frozen=True, slots=True)
class LackingRequirement:
    """One person lacking one mandatory requirement, in one unit where a post of theirs carries it."""

    employee_id: int
    employee_no: str
    first_name: str
    last_name: str
    unit_number: str
    unit_name: str
    kind: DocumentKind
    #: the competence (a course) or the qualification
    requirement_id: int
    requirement: str
    requirement_en: str | None
    status: RequirementStatus
    #: since when it has been lacking (None: unknown start), and the deadline (None: none)
    since: dt.date | None
    deadline: dt.date | None
    #: the newest certificate or qualification that expired (None: never held)
    expired_on: dt.date | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def requirement_display(self, lang: str) -> str:
        return pick_name(lang, self.requirement, self.requirement_en)


@dataclass(frozen=True, slots=True)
class DispensationInUse:
    """A requirement a person meets only by a dispensation in force, in one unit of theirs."""

    employee_id: int
    employee_no: str
    first_name: str
    last_name: str
    unit_number: str
    unit_name: str
    qualification: str
    qualification_en: str | None
    ends_on: dt.date
    granted_by: str | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def qualification_display(self, lang: str) -> str:
        return pick_name(lang, self.qualification, self.qualification_en)


@dataclass(frozen=True)
class ComplianceReport:
    at: dt.date
    unit_number: str | None
    unit_name: str | None
    #: everyone counted (still employed, with a post in the units on the date)
    people: int
    #: of them, those whose roles carry at least one mandatory document requirement
    people_bound: int
    #: by unit number, the overdue first, then by deadline and name
    lacking: tuple[LackingRequirement, ...]
    #: where the units rest on a dispensation (a required qualification not held), by end date
    dispensations: tuple[DispensationInUse, ...] = ()

    @property
    def people_lacking(self) -> int:
        return len({r.employee_id for r in self.lacking})

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.lacking if r.status is RequirementStatus.OVERDUE)

    @property
    def people_compliant(self) -> int:
        """People who meet every mandatory requirement (*oppfyller alle lovpålagte krav*)."""
        return self.people - self.people_lacking

    def by_unit(self) -> list[tuple[str, str, list[LackingRequirement]]]:
        """(unit number, unit name, its rows), in the report's order."""
        groups: dict[tuple[str, str], list[LackingRequirement]] = {}
        for row in self.lacking:
            groups.setdefault((row.unit_number, row.unit_name), []).append(row)
        return [(number, name, rows) for (number, name), rows in groups.items()]


def compliance_report(
    uow: UnitOfWork,
    *,
    unit_number: str | None = None,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
) -> ComplianceReport:
    """The people of a unit (by number or id; default the whole municipality, with sub-units
    unless ``subunits`` is False) lacking a mandatory requirement on ``at`` (default today)."""
    on = at or today()
    with uow:
        s = uow.session
        unit = None
        if unit_number is not None:
            unit = unit_by_number(s, unit_number)
        elif unit_id is not None:
            unit = get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        scope = unit_scope(unit.id if unit is not None else None, subunits)
        people, bound = _counts(s, on, scope)
        return ComplianceReport(
            on,
            unit.number if unit is not None else None,
            unit.name if unit is not None else None,
            people,
            bound,
            tuple(sorted(_lacking(s, on, scope), key=_order)),
            tuple(_dispensations(s, on, scope)),
        )


def dispensations_in_use(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> tuple[DispensationInUse, ...]:
    """Where the units (default the whole municipality) rest on a dispensation on ``at``."""
    with uow:
        return tuple(_dispensations(uow.session, at or today(), unit_scope(unit_id, subunits)))


def _posts(at: dt.date, scope: Select[Any] | None) -> Select[Any]:
    """Each active post (in the units) of a person still employed, joined to the mandatory
    document requirements its role carries on ``at``."""
    courses = select(Competence.id).where(Competence.kind == "certificate")
    stmt = (
        select(Position.employee_id)
        .join(Employee, Employee.id == Position.employee_id)
        .join(Requirement, Requirement.role_id == Position.role_id)
        .where(
            active_position(at),
            active_employee(at),
            Requirement.mandatory,
            in_force(at),
            or_(Requirement.qualification_id.is_not(None), Requirement.competence_id.in_(courses)),
        )
    )
    return stmt if scope is None else stmt.where(Position.unit_id.in_(scope))


def _counts(session: Session, at: dt.date, scope: Select[Any] | None) -> tuple[int, int]:
    everyone = (
        select(func.count(func.distinct(Position.employee_id)))
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_position(at), active_employee(at))
    )
    if scope is not None:
        everyone = everyone.where(Position.unit_id.in_(scope))
    bound = select(func.count(func.distinct(Position.employee_id))).where(
        Position.employee_id.in_(_posts(at, scope))
    )
    if scope is not None:
        bound = bound.where(Position.unit_id.in_(scope))
    return session.scalar(everyone) or 0, session.scalar(bound) or 0


def _lacking_stmt(at: dt.date, scope: Select[Any] | None) -> Select[Any]:
    """The mandatory document requirements of each post that its person lacks on ``at``, with the
    newest expiry of the document (None: never held)."""
    cert = aliased(Certificate)
    held = aliased(EmployeeQualification)
    waiver = aliased(Dispensation)
    person = Position.employee_id
    course, qualification = Requirement.competence_id, Requirement.qualification_id
    has_certificate = exists().where(
        cert.employee_id == person,
        cert.competence_id == course,
        cert.completed_on <= at,
        or_(cert.valid_until.is_(None), cert.valid_until >= at),
    )
    holds = exists().where(
        held.employee_id == person,
        held.qualification_id == qualification,
        held.obtained_on <= at,
        or_(held.expires_on.is_(None), held.expires_on >= at),
    )
    waived = exists().where(
        waiver.employee_id == person,
        waiver.qualification_id == qualification,
        waiver.starts_on <= at,
        waiver.ends_on >= at,
    )
    expired_cert = aliased(Certificate)
    expired_held = aliased(EmployeeQualification)
    cert_expired = (
        select(func.max(expired_cert.valid_until))
        .where(
            expired_cert.employee_id == person,
            expired_cert.competence_id == course,
            expired_cert.valid_until < at,
        )
        .scalar_subquery()
    )
    held_expired = (
        select(func.max(expired_held.expires_on))
        .where(
            expired_held.employee_id == person,
            expired_held.qualification_id == qualification,
            expired_held.expires_on < at,
        )
        .scalar_subquery()
    )
    return (
        _posts(at, scope)
        .add_columns(
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
            OrgUnit.number,
            OrgUnit.name,
            course,
            qualification,
            Requirement.deadline_months,
            Requirement.valid_from,
            Position.start_date,
            func.coalesce(Competence.name, Qualification.name),
            func.coalesce(Competence.name_en, Qualification.name_en),
            func.coalesce(cert_expired, held_expired),
        )
        .join(OrgUnit, OrgUnit.id == Position.unit_id)
        .outerjoin(Competence, Competence.id == course)
        .outerjoin(Qualification, Qualification.id == qualification)
        .where(and_(~has_certificate, ~holds, ~waived))
    )


def _lacking(session: Session, at: dt.date, scope: Select[Any] | None) -> list[LackingRequirement]:
    terms: dict[tuple[int, int | None, int | None], Terms] = defaultdict(Terms)
    units: dict[tuple[int, int | None, int | None], dict[str, str]] = defaultdict(dict)
    facts: dict[tuple[int, int | None, int | None], tuple[Any, ...]] = {}
    for row in session.execute(_lacking_stmt(at, scope)):
        emp, number, first, last, unit_no, unit_name, comp, qual, months, valid_from, start, *rest = row
        key = (emp, comp, qual)
        terms[key].add(True, months, start, valid_from)
        units[key][unit_no] = unit_name
        facts[key] = (number, first, last, *rest)
    out = []
    for key, (number, first, last, name, name_en, expired_on) in facts.items():
        emp, comp, qual = key
        due = terms[key].due
        status = lacking_status(due, at)
        since = lacking_since(terms[key].since, expired_on)
        kind = DocumentKind.COURSE if comp is not None else DocumentKind.QUALIFICATION
        requirement_id = comp if comp is not None else qual
        assert requirement_id is not None  # a requirement is a competence's or a qualification's
        for unit_no, unit_name in units[key].items():
            out.append(
                LackingRequirement(
                    emp,
                    number,
                    first,
                    last,
                    unit_no,
                    unit_name,
                    kind,
                    requirement_id,
                    name,
                    name_en,
                    status,
                    since,
                    due,
                    expired_on,
                )
            )
    return out


def _dispensations_stmt(at: dt.date, scope: Select[Any] | None) -> Executable:
    """Dispensations in force on ``at`` (few) with the posts whose role requires their
    qualification, where the person does not hold it."""
    held = aliased(EmployeeQualification)
    holds = exists().where(
        held.employee_id == Dispensation.employee_id,
        held.qualification_id == Dispensation.qualification_id,
        held.obtained_on <= at,
        or_(held.expires_on.is_(None), held.expires_on >= at),
    )
    stmt = (
        select(
            Dispensation.employee_id,
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
            OrgUnit.number,
            OrgUnit.name,
            Qualification.name,
            Qualification.name_en,
            func.max(Dispensation.ends_on),
            func.max(Dispensation.granted_by),
        )
        .select_from(Dispensation)
        .join(Employee, Employee.id == Dispensation.employee_id)
        .join(Qualification, Qualification.id == Dispensation.qualification_id)
        .join(Position, Position.employee_id == Dispensation.employee_id)
        .join(
            Requirement,
            and_(
                Requirement.role_id == Position.role_id,
                Requirement.qualification_id == Dispensation.qualification_id,
            ),
        )
        .join(OrgUnit, OrgUnit.id == Position.unit_id)
        .where(
            Dispensation.starts_on <= at,
            Dispensation.ends_on >= at,
            active_position(at),
            active_employee(at),
            in_force(at),
            ~holds,
        )
        .group_by(
            Dispensation.employee_id,
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
            OrgUnit.number,
            OrgUnit.name,
            Qualification.id,
            Qualification.name,
            Qualification.name_en,
        )
    )
    return stmt if scope is None else stmt.where(Position.unit_id.in_(scope))


def _dispensations(session: Session, at: dt.date, scope: Select[Any] | None) -> list[DispensationInUse]:
    rows = [
        DispensationInUse(emp, number, first, last, unit_no, unit_name, name, name_en, ends, granted)
        for emp, number, first, last, unit_no, unit_name, name, name_en, ends, granted in session.execute(
            _dispensations_stmt(at, scope)
        )
    ]
    return sorted(rows, key=lambda d: (d.unit_number, d.ends_on, d.last_name.casefold(), d.first_name))


def _order(r: LackingRequirement) -> tuple[Any, ...]:
    return (
        r.unit_number,
        r.status is not RequirementStatus.OVERDUE,
        r.deadline or dt.date.max,
        r.last_name.casefold(),
        r.first_name.casefold(),
        r.requirement.casefold(),
    )
