"""Certificates that have expired or expire soon, among people still employed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from competence.gap.queries import active_employee, active_position, on_date, unit_scope
from competence.gap.results import CertificateAlert
from competence.uow import UnitOfWork
from db.models import Certificate, Employee, OrgUnit, Position

DEFAULT_EXPIRY_WINDOW_DAYS = 90


def certificate_alerts(
    uow: UnitOfWork,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    window_days: int = DEFAULT_EXPIRY_WINDOW_DAYS,
) -> list[CertificateAlert]:
    """Certificates that expired, or expire within ``window_days``, of people still employed.

    Only each person's newest certificate per training counts: a renewed certificate silences the
    old one.
    """
    with uow.reading():
        return _alerts(uow.session, unit_id, subunits, on_date(at), window_days)


def _alerts(
    session: Session, unit_id: int | None, subunits: bool, on: dt.date, window_days: int
) -> list[CertificateAlert]:
    newer = aliased(Certificate)
    superseded = exists().where(
        newer.employee_id == Certificate.employee_id,
        or_(
            and_(Certificate.competence_id.is_not(None), newer.competence_id == Certificate.competence_id),
            and_(
                Certificate.competence_id.is_(None),
                newer.competence_id.is_(None),
                newer.name == Certificate.name,
            ),
        ),
        newer.completed_on <= on,
        or_(newer.valid_until.is_(None), newer.valid_until > Certificate.valid_until),
        newer.id != Certificate.id,
    )
    stmt = (
        select(  # plain columns: thousands of rows at a large municipality, no entities needed
            Certificate.employee_id,
            Certificate.name,
            Certificate.competence_id,
            Certificate.valid_until,
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
        )
        .join(Employee, Employee.id == Certificate.employee_id)
        .where(
            Certificate.valid_until.is_not(None),
            Certificate.valid_until <= on + dt.timedelta(days=window_days),
            Certificate.completed_on <= on,
            active_employee(on),
            ~superseded,
        )
    )
    scope = unit_scope(unit_id, subunits)
    in_units = select(Position.employee_id).where(active_position(on))
    if scope is not None:
        in_units = in_units.where(Position.unit_id.in_(scope))
    stmt = stmt.where(Certificate.employee_id.in_(in_units))
    rows = session.execute(stmt).all()
    unit_names = _unit_names_of(session, [row[0] for row in rows], on)
    alerts = [
        CertificateAlert(
            emp_id,
            no,
            f"{first} {last}".strip(),
            unit_names.get(emp_id, ""),
            name,
            comp_id,
            valid_until,
            (valid_until - on).days,
        )
        for emp_id, name, comp_id, valid_until, no, first, last in rows
        if valid_until is not None
    ]
    return sorted(alerts, key=lambda a: (a.valid_until, a.name))


def _unit_names_of(session: Session, employee_ids: list[int], at: dt.date) -> dict[int, str]:
    if not employee_ids:
        return {}
    names: dict[int, list[str]] = {}
    for emp_id, name in session.execute(
        select(Position.employee_id, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Position.unit_id)
        .where(Position.employee_id.in_(set(employee_ids)), active_position(at))
        .order_by(Position.employee_id, Position.fte_percent.desc())
    ):
        if name not in names.setdefault(emp_id, []):
            names[emp_id].append(name)
    return {k: ", ".join(v) for k, v in names.items()}
