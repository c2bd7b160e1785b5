"""The heltidskultur figures of a selection of units on a date, computed by the database.

Definitions (docs/planning.md, "Heltidskultur"):

* A post is *active* on a date when it has started (or has no start date) and has not ended; a
  person counts while they have not left.
* The people of a selection are those with an active post in one of its units. Each is counted with
  their **total** FTE: the sum of all their active posts, in any unit, so 60 % here and 40 % there is
  one full-time person in both units, never two part-timers.
* Full time: a total of 100 % or more. A total above 100 % is flagged: more than a full-time post.
* Average post size (gjennomsnittlig stillingsstørrelse): the mean total FTE per person. The mean
  size of a single post is given beside it; posts of 0 % (a verv such as verneombud) are not posts.
* Involuntary part-time (ufrivillig deltid): a person below 100 % whose desired FTE (ønsket
  stillingsprosent, from the roster or entered) is above their total. The desired FTE has no
  history, so this figure exists for today only.
* Permanent or temporary: a person with a permanent (fast) post counts as permanent; one whose
  posts are all temporary (midlertidig, vikar, engasjement) as temporary; one whose posts say
  neither as unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from db.codes import EmploymentType
from db.models import Employee, OrgUnit, Position

#: Stored employment types (Position.employment_type) that are permanent, and temporary.
PERMANENT_TYPES = (EmploymentType.PERMANENT,)
TEMPORARY_TYPES = (EmploymentType.TEMPORARY, EmploymentType.SUBSTITUTE, EmploymentType.PROJECT)
#: FTE bands of the distribution: (key, lowest total FTE in the band).
BANDS = (("100", 100.0), ("75-99", 75.0), ("50-74", 50.0), ("<50", 0.0))
FULL_TIME = 100.0
#: A total compared with 100 % is rounded to this many decimals first (62.5 + 37.5 is 100).
_EPSILON = 1e-6


def active_post(at: dt.date) -> ColumnElement[bool]:
    return and_(
        or_(Position.start_date.is_(None), Position.start_date <= at),
        or_(Position.end_date.is_(None), Position.end_date >= at),
    )


def active_person(at: dt.date) -> ColumnElement[bool]:
    return or_(Employee.left_on.is_(None), Employee.left_on > at)


@dataclass(frozen=True)
class Figures:
    """The heltidskultur figures of a group of people (a selection, or one unit's people)."""

    people: int
    full_time: int
    over_full_time: int
    #: Sum of the people's total FTE, in percent (100 = one årsverk).
    total_fte: float
    #: People by band of total FTE (:data:`BANDS`).
    bands: dict[str, int] = field(default_factory=dict)
    #: People with two or more active posts of more than 0 %.
    several_posts: int = 0
    permanent: int = 0
    temporary: int = 0
    unknown_type: int = 0
    #: People with a desired FTE recorded, and those of them below 100 % who want more.
    desired_known: int = 0
    involuntary: int = 0
    #: The FTE the involuntary part-timers lack, in percent (sum of desired minus total).
    involuntary_missing: float = 0.0
    part_time: int = 0

    @property
    def share_full_time(self) -> float:
        return self.full_time / self.people if self.people else 0.0

    @property
    def mean_fte(self) -> float:
        """Average post size: the mean total FTE per person, in percent."""
        return self.total_fte / self.people if self.people else 0.0

    @property
    def share_involuntary(self) -> float:
        """Of the part-timers, the share who want a larger post."""
        return self.involuntary / self.part_time if self.part_time else 0.0

    @property
    def share_temporary(self) -> float:
        return self.temporary / self.people if self.people else 0.0


@dataclass(frozen=True)
class UnitFigures:
    unit_id: int
    number: str
    name: str
    depth: int
    figures: Figures


@dataclass(frozen=True)
class PostShare:
    unit_name: str
    fte: float


@dataclass(frozen=True)
class PersonFte:
    """One person's total: for the list of those above 100 % and of the involuntary part-timers."""

    employee_id: int
    employee_no: str
    name: str
    total: float
    desired: float | None
    posts: tuple[PostShare, ...]


def _people_in(at: dt.date, unit_ids: Select[Any] | Sequence[int] | None) -> Select[Any]:
    """The ids of the people with an active post in the units (all units: None)."""
    stmt = (
        select(Position.employee_id)
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_post(at), active_person(at))
    )
    if unit_ids is not None:
        stmt = stmt.where(Position.unit_id.in_(unit_ids))
    return stmt.distinct()


def _per_person(at: dt.date, unit_ids: Select[Any] | Sequence[int] | None) -> Any:
    """Per person in the selection: total FTE over all their active posts, posts over 0 %, FTE of
    permanent and of temporary posts, and their desired FTE."""
    fte = Position.fte_percent
    kind = Position.employment_type
    stmt = (
        select(
            Position.employee_id.label("employee_id"),
            func.sum(fte).label("total"),
            func.sum(case((fte > 0, 1), else_=0)).label("posts"),
            func.sum(case((kind.in_(PERMANENT_TYPES), 1), else_=0)).label("permanent_posts"),
            func.sum(case((kind.in_(TEMPORARY_TYPES), 1), else_=0)).label("temporary_posts"),
            func.max(Employee.desired_fte).label("desired"),
        )
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_post(at), active_person(at))
        .group_by(Position.employee_id)
    )
    if unit_ids is not None:
        stmt = stmt.where(Position.employee_id.in_(_people_in(at, unit_ids)))
    return stmt.subquery("per_person")


def _aggregates(person: Any) -> list[Any]:
    total, desired = person.c.total, person.c.desired
    full = total >= FULL_TIME - _EPSILON
    wants_more = and_(desired.is_not(None), total < FULL_TIME - _EPSILON, desired > total + _EPSILON)
    columns: list[Any] = [
        func.count(),
        func.sum(case((full, 1), else_=0)),
        func.sum(case((total > FULL_TIME + _EPSILON, 1), else_=0)),
        func.sum(total),
        func.sum(case((person.c.posts >= 2, 1), else_=0)),
        func.sum(case((person.c.permanent_posts > 0, 1), else_=0)),
        func.sum(case((and_(person.c.permanent_posts == 0, person.c.temporary_posts > 0), 1), else_=0)),
        func.sum(case((and_(person.c.permanent_posts == 0, person.c.temporary_posts == 0), 1), else_=0)),
        func.sum(case((desired.is_not(None), 1), else_=0)),
        func.sum(case((wants_more, 1), else_=0)),
        func.sum(case((wants_more, desired - total), else_=0.0)),
        func.sum(case((total < FULL_TIME - _EPSILON, 1), else_=0)),
    ]
    for key, lowest in BANDS[1:]:
        upper = _upper(key)
        columns.append(
            func.sum(case((and_(total >= lowest - _EPSILON, total < upper - _EPSILON), 1), else_=0))
        )
    return columns


def _upper(band: str) -> float:
    index = [key for key, _ in BANDS].index(band)
    return BANDS[index - 1][1]


def _figures(row: Sequence[Any]) -> Figures:
    people, full, over, total, several, permanent, temporary, unknown, known, invol, missing, part = row[:12]
    bands = {"100": int(full or 0)}
    bands.update({key: int(n or 0) for (key, _), n in zip(BANDS[1:], row[12:], strict=True)})
    return Figures(
        people=int(people or 0),
        full_time=int(full or 0),
        over_full_time=int(over or 0),
        total_fte=float(total or 0.0),
        bands=bands,
        several_posts=int(several or 0),
        permanent=int(permanent or 0),
        temporary=int(temporary or 0),
        unknown_type=int(unknown or 0),
        desired_known=int(known or 0),
        involuntary=int(invol or 0),
        involuntary_missing=float(missing or 0.0),
        part_time=int(part or 0),
    )


def selection_figures(session: Session, at: dt.date, unit_ids: Select[Any] | Sequence[int] | None) -> Figures:
    """The figures of everyone with an active post in the units (None: the whole municipality)."""
    person = _per_person(at, unit_ids)
    return _figures(session.execute(select(*_aggregates(person))).one())


def unit_figures(
    session: Session, at: dt.date, unit_ids: Select[Any] | Sequence[int] | None
) -> dict[int, Figures]:
    """Per unit, its people (an active post in the unit itself), each with their total FTE."""
    person = _per_person(at, unit_ids)
    member = (
        select(Position.unit_id.label("unit_id"), Position.employee_id.label("employee_id"))
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_post(at), active_person(at))
        .distinct()
    )
    if unit_ids is not None:
        member = member.where(Position.unit_id.in_(unit_ids))
    members = member.subquery("member")
    stmt = (
        select(members.c.unit_id, *_aggregates(person))
        .select_from(members)
        .join(person, person.c.employee_id == members.c.employee_id)
        .group_by(members.c.unit_id)
    )
    return {unit_id: _figures(rest) for unit_id, *rest in session.execute(stmt)}


def people_of_note(
    session: Session, at: dt.date, unit_ids: Select[Any] | Sequence[int] | None
) -> tuple[tuple[PersonFte, ...], tuple[PersonFte, ...]]:
    """The people above 100 %, and the involuntary part-timers, each with their posts."""
    person = _per_person(at, unit_ids)
    total, desired = person.c.total, person.c.desired
    over = total > FULL_TIME + _EPSILON
    wants_more = and_(desired.is_not(None), total < FULL_TIME - _EPSILON, desired > total + _EPSILON)
    rows = session.execute(
        select(person.c.employee_id, total, desired, over)
        .where(or_(over, wants_more))
        .order_by(person.c.employee_id)
    ).all()
    if not rows:
        return (), ()
    ids = [r[0] for r in rows]
    people = {
        e.id: e
        for e in session.scalars(select(Employee).where(Employee.id.in_(ids)))  # a few dozen at most
    }
    posts: dict[int, list[PostShare]] = {}
    for emp_id, unit_name, fte in session.execute(
        select(Position.employee_id, OrgUnit.name, Position.fte_percent)
        .join(OrgUnit, OrgUnit.id == Position.unit_id)
        .where(Position.employee_id.in_(ids), active_post(at))
        .order_by(Position.employee_id, Position.fte_percent.desc(), OrgUnit.name)
    ):
        posts.setdefault(emp_id, []).append(PostShare(unit_name, float(fte)))
    above: list[PersonFte] = []
    wanting: list[PersonFte] = []
    for emp_id, person_total, person_desired, is_over in rows:
        emp = people[emp_id]
        entry = PersonFte(
            emp_id,
            emp.shown_no,
            emp.full_name,
            float(person_total),
            None if person_desired is None else float(person_desired),
            tuple(posts.get(emp_id, ())),
        )
        (above if is_over else wanting).append(entry)
    key = _by_name
    return tuple(sorted(above, key=key)), tuple(sorted(wanting, key=key))


def _by_name(person: PersonFte) -> tuple[str, str]:
    return person.name.casefold(), person.employee_no


def mean_post_size(session: Session, at: dt.date, unit_ids: Select[Any] | Sequence[int] | None) -> float:
    """The mean size of an active post of more than 0 % in the units, in percent."""
    stmt = (
        select(func.avg(Position.fte_percent))
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_post(at), active_person(at), Position.fte_percent > 0)
    )
    if unit_ids is not None:
        stmt = stmt.where(Position.unit_id.in_(unit_ids))
    return float(session.scalar(stmt) or 0.0)
