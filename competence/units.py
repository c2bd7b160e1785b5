"""Organisational units (enheter) and their tree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from competence import audit
from competence.errors import ConflictError, ValidationError
from competence.identifiers import canonical_number
from competence.lookup import UNSET, Unset, check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import required_text
from db.models import Employee, OrgUnit, Position


@dataclass(frozen=True)
class UnitView:
    id: int
    number: str
    name: str
    parent_id: int | None
    leader_id: int | None
    leader_name: str | None
    closed_on: dt.date | None
    version: int
    depth: int = 0
    people: int = 0

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


def _unit_number(value: object) -> str:
    number = canonical_number(value)
    if not number:
        raise ValidationError("Enhetsnummer må fylles ut.", "Unit number is required.", field="number")
    return number


def list_units(uow: UnitOfWork, *, include_closed: bool = False, with_counts: bool = False) -> list[UnitView]:
    """All units in tree order (parents before children, siblings by name), with their depth."""
    with uow:
        return unit_tree(uow.session, include_closed=include_closed, with_counts=with_counts)


def unit_tree(session: Session, *, include_closed: bool = False, with_counts: bool = False) -> list[UnitView]:
    """:func:`list_units` inside a caller's session."""
    leader = aliased(Employee)
    stmt = select(  # columns, not entities: a municipality has thousands of units, read at start-up
        OrgUnit.id,
        OrgUnit.number,
        OrgUnit.name,
        OrgUnit.parent_id,
        OrgUnit.leader_id,
        OrgUnit.closed_on,
        OrgUnit.version,
        leader.first_name,
        leader.last_name,
    ).outerjoin(leader, leader.id == OrgUnit.leader_id)
    if not include_closed:
        stmt = stmt.where(OrgUnit.closed_on.is_(None))
    rows = session.execute(stmt).all()
    counts: dict[int, int] = {}
    if with_counts:
        count_stmt = (
            select(Position.unit_id, func.count(func.distinct(Position.employee_id)))
            .join(Employee, Employee.id == Position.employee_id)
            .where(Employee.left_on.is_(None), Position.end_date.is_(None))
            .group_by(Position.unit_id)
        )
        counts = {uid: n for uid, n in session.execute(count_stmt)}
    units = {
        row.id: (
            row,
            f"{row.first_name} {row.last_name}".strip() if row.first_name or row.last_name else None,
        )
        for row in rows
    }
    children: dict[int | None, list[int]] = {}
    for uid, (unit, _) in units.items():
        parent = unit.parent_id if unit.parent_id in units else None
        children.setdefault(parent, []).append(uid)
    for ids in children.values():
        ids.sort(key=lambda i: (units[i][0].name.casefold(), units[i][0].number))
    ordered: list[UnitView] = []
    stack: list[tuple[int, int]] = [(uid, 0) for uid in reversed(children.get(None, []))]
    seen: set[int] = set()
    while stack:
        uid, depth = stack.pop()
        if uid in seen:
            continue
        seen.add(uid)
        unit, leader_name = units[uid]
        ordered.append(
            UnitView(
                unit.id,
                unit.number,
                unit.name,
                unit.parent_id,
                unit.leader_id,
                leader_name,
                unit.closed_on,
                unit.version,
                depth,
                counts.get(uid, 0),
            )
        )
        stack.extend((c, depth + 1) for c in reversed(children.get(uid, [])))
    return ordered


def subtree_ids(session: Session, unit_id: int) -> list[int]:
    """``unit_id`` and every unit below it (recursive CTE, so it runs in the database)."""
    return list(session.scalars(subtree_select(unit_id)))


def subtree_select(unit_id: int | ColumnElement[int]) -> Select[tuple[int]]:
    """``unit_id`` (a value or a bound parameter) and every unit below it, as a recursive select."""
    tree = select(OrgUnit.id).where(OrgUnit.id == unit_id).cte("unit_tree", recursive=True)
    child = aliased(OrgUnit)
    tree = tree.union_all(select(child.id).join(tree, child.parent_id == tree.c.id))
    return select(tree.c.id)


def create_unit(uow: UnitOfWork, number: object, name: str, *, parent_id: int | None = None) -> UnitView:
    key = _unit_number(number)
    clean_name = required_text(name, "name", "Enhetsnavn", "Unit name")
    with uow:
        s = uow.session
        if s.scalar(select(OrgUnit.id).where(OrgUnit.number == key)) is not None:
            raise ConflictError(
                f"Det finnes allerede en enhet med nummer {key}.",
                f"A unit numbered {key} already exists.",
                field="number",
            )
        if parent_id is not None:
            get_or_fail(s, OrgUnit, parent_id, "overordnet enhet", "Parent unit")
        unit = OrgUnit(number=key, name=clean_name, parent_id=parent_id)
        s.add(unit)
        uow.flush()
        audit.record(s, uow.actor, "create", entity="org_unit", entity_id=unit.id)
        uow.commit()
        return _view(s, unit.id)


def update_unit(
    uow: UnitOfWork,
    unit_id: int,
    *,
    expected_version: int | None,
    name: str | None = None,
    parent_id: int | Unset | None = UNSET,
    leader_id: int | Unset | None = UNSET,
) -> UnitView:
    """Rename, move or set the leader of a unit. ``UNSET`` leaves a field as it is."""
    with uow:
        s = uow.session
        unit = get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        check_version(unit, expected_version)
        changed: list[str] = []
        if name is not None:
            unit.name = required_text(name, "name", "Enhetsnavn", "Unit name")
            changed.append("name")
        if not isinstance(parent_id, Unset):
            new_parent = parent_id
            if new_parent is not None and new_parent in subtree_ids(s, unit.id):
                raise ValidationError(
                    "En enhet kan ikke ligge under seg selv eller en av sine underenheter.",
                    "A unit cannot be placed under itself or one of its sub-units.",
                    field="parent_id",
                )
            unit.parent_id = new_parent
            changed.append("parent_id")
        if not isinstance(leader_id, Unset):
            new_leader = leader_id
            if new_leader is not None:
                get_or_fail(s, Employee, new_leader, "leder", "Leader")
            unit.leader_id = new_leader
            changed.append("leader_id")
        uow.flush()
        audit.record(s, uow.actor, "update", entity="org_unit", entity_id=unit.id, fields=changed)
        uow.commit()
        return _view(s, unit.id)


def delete_unit(uow: UnitOfWork, unit_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        unit = get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        check_version(unit, expected_version)
        in_use = s.scalar(select(func.count()).select_from(Position).where(Position.unit_id == unit_id))
        children = s.scalar(select(func.count()).select_from(OrgUnit).where(OrgUnit.parent_id == unit_id))
        if in_use or children:
            raise ConflictError(
                "Enheten har stillinger eller underenheter og kan ikke slettes. Avslutt den i stedet.",
                "The unit has positions or sub-units and cannot be deleted. Close it instead.",
            )
        s.delete(unit)
        audit.record(s, uow.actor, "delete", entity="org_unit", entity_id=unit_id)
        uow.commit()


def _view(session: Session, unit_id: int) -> UnitView:
    unit = session.get(OrgUnit, unit_id)
    assert unit is not None
    leader = session.get(Employee, unit.leader_id) if unit.leader_id else None
    return UnitView(
        unit.id,
        unit.number,
        unit.name,
        unit.parent_id,
        unit.leader_id,
        leader.full_name if leader else None,
        unit.closed_on,
        unit.version,
    )
