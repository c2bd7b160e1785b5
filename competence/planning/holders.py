"""Who holds a target's competence: the people of the target's unit and the units below it (an
active post there on the date) whose current level is the target's level or higher; for a target
naming a qualification, who holds the qualification on the date (obtained on or before it, not
expired). A dispensation is not holding it: the target measures what the unit can really do, and
the unit's dispensations are listed beside it (docs/planning.md, "Targets").

The current level is the one the gap analysis uses (competence/gap/__init__.py): the newest
assessment on or before the date; for a competence proven by a certificate, a certificate valid on
the date. Counted by the database for every target at once (a recursive walk down from each
target's unit), so the whole municipality's targets are one query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from competence.assessments import counted, counting_sources
from competence.clock import today
from competence.fulltime.figures import active_person, active_post
from db.models import (
    Assessment,
    Certificate,
    Competence,
    Employee,
    EmployeeQualification,
    OrgUnit,
    Position,
    ScaleLevel,
)
from db.planning import UnitTarget


def _target_units(target_ids: Sequence[int]) -> Any:
    """(target_id, unit_id) for each target's unit and every unit below it."""
    start = select(UnitTarget.id.label("target_id"), UnitTarget.unit_id.label("unit_id")).where(
        UnitTarget.id.in_(target_ids)
    )
    tree = start.cte("target_units", recursive=True)
    child = aliased(OrgUnit)
    return tree.union_all(select(tree.c.target_id, child.id).join(child, child.parent_id == tree.c.unit_id))


def _holding(session: Session, target_ids: Sequence[int], at: dt.date) -> Any:
    """(target_id, employee_id) of everyone who holds a target's competence at its level, or its
    qualification."""
    tree = _target_units(target_ids)
    target_level = aliased(ScaleLevel)
    held_level = aliased(ScaleLevel)
    newest = (
        select(held_level.percent)
        .join(Assessment, Assessment.level_id == held_level.id)
        .where(
            Assessment.employee_id == Position.employee_id,
            Assessment.competence_id == UnitTarget.competence_id,
            Assessment.assessed_on <= at,
            *counted(Assessment, counting_sources(session)),
        )
        .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
        .limit(1)
        .correlate(Position, UnitTarget)
        .scalar_subquery()
    )
    if at >= today():  # today: the read-model flag of the newest row, through its index
        newest = (
            select(held_level.percent)
            .join(Assessment, Assessment.level_id == held_level.id)
            .where(
                Assessment.employee_id == Position.employee_id,
                Assessment.competence_id == UnitTarget.competence_id,
                Assessment.is_current,
            )
            .correlate(Position, UnitTarget)
            .scalar_subquery()
        )
    valid_certificate = exists().where(
        Certificate.employee_id == Position.employee_id,
        Certificate.competence_id == UnitTarget.competence_id,
        Certificate.completed_on <= at,
        or_(Certificate.valid_until.is_(None), Certificate.valid_until >= at),
    )
    valid_qualification = exists().where(
        EmployeeQualification.employee_id == Position.employee_id,
        EmployeeQualification.qualification_id == UnitTarget.qualification_id,
        EmployeeQualification.obtained_on <= at,
        or_(EmployeeQualification.expires_on.is_(None), EmployeeQualification.expires_on >= at),
    )
    # outer joins: a qualification target has no competence and no level
    return (
        select(UnitTarget.id.label("target_id"), Position.employee_id.label("employee_id"))
        .select_from(tree)
        .join(UnitTarget, UnitTarget.id == tree.c.target_id)
        .outerjoin(Competence, Competence.id == UnitTarget.competence_id)
        .outerjoin(target_level, target_level.id == UnitTarget.level_id)
        .join(Position, Position.unit_id == tree.c.unit_id)
        .join(Employee, Employee.id == Position.employee_id)
        .where(
            active_post(at),
            active_person(at),
            or_(
                and_(UnitTarget.qualification_id.is_not(None), valid_qualification),
                and_(Competence.kind == "certificate", valid_certificate),
                and_(Competence.kind != "certificate", newest >= target_level.percent),
            ),
        )
        .distinct()
    )


def holder_counts(session: Session, target_ids: Sequence[int], at: dt.date) -> dict[int, int]:
    """Per target, how many people hold its competence at its level (targets with none left out)."""
    if not target_ids:
        return {}
    held = _holding(session, target_ids, at).subquery("held")
    stmt = select(held.c.target_id, func.count()).group_by(held.c.target_id)
    return {target_id: int(n) for target_id, n in session.execute(stmt)}


def holder_names(session: Session, target_ids: Sequence[int], at: dt.date) -> dict[int, tuple[str, ...]]:
    """Per target, the names of the people who hold it, sorted."""
    if not target_ids:
        return {}
    held = _holding(session, target_ids, at).subquery("held")
    stmt = select(held.c.target_id, Employee.first_name, Employee.last_name).join(
        Employee, Employee.id == held.c.employee_id
    )
    names: dict[int, list[str]] = {}
    for target_id, first, last in session.execute(stmt):
        names.setdefault(target_id, []).append(f"{first} {last}".strip())
    return {t: tuple(sorted(n, key=str.casefold)) for t, n in names.items()}


def unit_people(session: Session, unit_ids: Sequence[int], at: dt.date) -> dict[int, int]:
    """Per unit (itself and the units below it), how many people hold an active post there."""
    if not unit_ids:
        return {}
    start = select(OrgUnit.id.label("top"), OrgUnit.id.label("unit_id")).where(OrgUnit.id.in_(unit_ids))
    tree = start.cte("unit_below", recursive=True)
    child = aliased(OrgUnit)
    tree = tree.union_all(select(tree.c.top, child.id).join(child, child.parent_id == tree.c.unit_id))
    stmt = (
        select(tree.c.top, func.count(func.distinct(Position.employee_id)))
        .select_from(tree)
        .join(Position, Position.unit_id == tree.c.unit_id)
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_post(at), active_person(at))
        .group_by(tree.c.top)
    )
    return {top: int(n) for top, n in session.execute(stmt)}
