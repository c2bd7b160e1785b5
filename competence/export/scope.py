"""What an export covers: a unit (with or without its sub-units) or the whole municipality, the
people in it and the competences their roles require.

Shared by the matrix, the gap report, the assessment template and the unit plan, so that they all
count the same people. A person counts with the positions they hold *in the scope*: their units,
roles and FTE there (the same rule as the unit figures of :mod:`competence.gap`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, literal, or_, select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import today
from competence.gap import CompetenceRef
from competence.gap.queries import competence_refs, sorted_refs
from competence.language import normalise_language, pick
from competence.lookup import unit_by_number
from competence.roles import in_force
from competence.units import subtree_select, unit_tree
from db.models import Employee, Position, Requirement, Role, ScaleLevel

WHOLE_MUNICIPALITY = ("Hele kommunen", "The whole municipality")


@dataclass(frozen=True)
class Scope:
    """A unit and whether its sub-units are included; ``unit_id`` None means every unit."""

    unit_id: int | None
    unit_number: str | None
    unit_name: str
    subunits: bool
    at: dt.date
    #: the language of the label (the export's)
    lang: str = "nb"

    @property
    def label(self) -> str:
        if self.unit_id is None:
            return pick(self.lang, *WHOLE_MUNICIPALITY)
        suffix = pick(self.lang, " med underenheter", " with sub-units") if self.subunits else ""
        return f"{self.unit_number} {self.unit_name}{suffix}"

    def unit_ids(self) -> Select[tuple[int]] | None:
        """The units in scope as a subquery, or None for all of them."""
        if self.unit_id is None:
            return None
        if self.subunits:
            return subtree_select(self.unit_id)
        return select(literal(self.unit_id))

    def audit_details(self) -> dict[str, object]:
        return {"unit": self.unit_number, "subunits": self.subunits}


def resolve_scope(
    session: Session,
    unit_number: str | None,
    *,
    subunits: bool = True,
    at: dt.date | None = None,
    lang: str = "nb",
) -> Scope:
    """The scope for a unit number as the user typed it (``None``: the whole municipality); its
    label in ``lang``."""
    on = at or today()
    lang = normalise_language(lang)
    if unit_number is None:
        return Scope(None, None, pick(lang, *WHOLE_MUNICIPALITY), True, on, lang)
    unit = unit_by_number(session, unit_number)
    return Scope(unit.id, unit.number, unit.name, subunits, on, lang)


@dataclass(frozen=True, slots=True)
class Person:
    """One person in an export, with what they hold in the scope."""

    id: int
    employee_no: str
    first_name: str
    last_name: str
    unit_ids: tuple[int, ...]
    units: str
    role_ids: tuple[int, ...]
    roles: tuple[str, ...]
    fte: float

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def sort_name(self) -> str:
        """ "Etternavn, Fornavn", as lists and rosters show a name."""
        return f"{self.last_name}, {self.first_name}".strip(", ")

    @property
    def role_key(self) -> str:
        """The role cell: role names in a fixed order, so the same combination reads the same."""
        return ", ".join(self.roles)


@dataclass(frozen=True, slots=True)
class _Post:
    unit_id: int
    role_id: int | None
    role_name: str | None
    fte: float


def active_posts(at: dt.date) -> list[ColumnElement[bool]]:
    """A post held on ``at`` by someone still employed (the statement joins Employee)."""
    return [
        or_(Position.end_date.is_(None), Position.end_date >= at),
        or_(Position.start_date.is_(None), Position.start_date <= at),
        or_(Employee.left_on.is_(None), Employee.left_on > at),
    ]


def people_in(session: Session, scope: Scope) -> list[Person]:
    """Everyone with an active position in the scope, in unit (tree) order and then by name.

    Two flat queries merged here: for the whole municipality it is one pass over the positions.
    """
    tree = unit_tree(session)
    order = {u.id: i for i, u in enumerate(tree)}
    names = {u.id: u.name for u in tree}
    stmt = (
        select(
            Employee.id,
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
            Position.unit_id,
            Position.role_id,
            Role.name,
            Position.fte_percent,
        )
        .join(Employee, Employee.id == Position.employee_id)
        .outerjoin(Role, Role.id == Position.role_id)
        .where(*active_posts(scope.at))
        .order_by(Employee.id, Position.fte_percent.desc(), Position.id)
    )
    units = scope.unit_ids()
    if units is not None:
        stmt = stmt.where(Position.unit_id.in_(units))
    people: list[Person] = []
    unit_labels: dict[tuple[int, ...], str] = {}
    role_sets: dict[tuple[tuple[str, int], ...], tuple[tuple[int, ...], tuple[str, ...]]] = {}
    posts: list[_Post] = []
    head: tuple[int, str, str, str] | None = None

    def flush() -> None:
        if head is None:
            return
        unit_ids = tuple(dict.fromkeys(p.unit_id for p in posts))
        label = unit_labels.get(unit_ids)
        if label is None:
            label = unit_labels[unit_ids] = ", ".join(names.get(u, "") for u in unit_ids)
        key = tuple(sorted({(p.role_name or "", p.role_id) for p in posts if p.role_id is not None}))
        roles = role_sets.get(key)
        if roles is None:
            roles = role_sets[key] = (tuple(r[1] for r in key), tuple(r[0] for r in key))
        emp_id, no, first, last = head
        people.append(
            Person(emp_id, no, first, last, unit_ids, label, roles[0], roles[1], sum(p.fte for p in posts))
        )

    # rows come grouped by person (ordered by employee id) and are streamed, not buffered
    for emp_id, no, first, last, unit_id, role_id, role_name, fte in session.execute(
        stmt.execution_options(yield_per=5000)
    ):
        if head is None or head[0] != emp_id:
            flush()
            head = (emp_id, no, first or "", last or "")
            posts = []
        posts.append(_Post(unit_id, role_id, role_name, float(fte or 0.0)))
    flush()
    people.sort(
        key=lambda p: (
            min(order.get(u, len(order)) for u in p.unit_ids),
            p.last_name.casefold(),
            p.first_name.casefold(),
            p.employee_no,
        )
    )
    return people


@dataclass(frozen=True)
class RequiredLevels:
    """role → competence → required level (ordinal on the competence's scale)."""

    by_role: dict[int, dict[int, int]]

    def for_roles(self, role_ids: Iterable[int]) -> dict[int, int]:
        """A person's requirement: the highest level any of their roles asks for."""
        merged: dict[int, int] = {}
        for role_id in role_ids:
            for comp_id, level in self.by_role.get(role_id, {}).items():
                if level > merged.get(comp_id, -1):
                    merged[comp_id] = level
        return merged


def required_levels(session: Session, role_ids: Iterable[int], at: dt.date | None = None) -> RequiredLevels:
    """The competence requirements of the roles in force on ``at`` (default today)."""
    wanted = sorted(set(role_ids))
    by_role: dict[int, dict[int, int]] = {}
    if wanted:
        rows = session.execute(
            select(Requirement.role_id, Requirement.competence_id, ScaleLevel.ordinal)
            .join(ScaleLevel, ScaleLevel.id == Requirement.level_id)
            .where(Requirement.role_id.in_(wanted), in_force(at or today()))
        )
        for role_id, comp_id, ordinal in rows:
            if comp_id is not None:
                by_role.setdefault(role_id, {})[comp_id] = ordinal
    return RequiredLevels(by_role)


def competence_columns(
    session: Session, levels: RequiredLevels, *, kinds: Sequence[str] = ("skill", "certificate")
) -> tuple[CompetenceRef, ...]:
    """Every competence some role in ``levels`` requires, in framework, area and strategy order."""
    ids = sorted({c for reqs in levels.by_role.values() for c in reqs})
    refs = {k: v for k, v in competence_refs(session, ids).items() if v.kind in kinds}
    return sorted_refs(refs.values())


def record_export(session: Session, actor: str, what: str, scope: Scope | None, **counts: Any) -> None:
    """The audit event of an export: what, which unit, how much. Never names."""
    details: dict[str, Any] = dict(scope.audit_details() if scope else {})
    details.update(counts)
    audit.record(session, actor, "export", entity=what, **details)
