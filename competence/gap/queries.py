"""SQL building blocks of the gap analysis: requirement pairs, their current levels, aggregates.

A *pair* is one requirement one person carries: (unit,) employee, competence, required %. Everything
the analysis reports is an aggregate over pairs scored with their current percentage, computed by
the database (GROUP BY), never by loading the pairs into Python.

Statements are built once per *shape* (today or an earlier date, how the units are chosen, whether
the competences are limited, per unit or per person) with bind parameters, and cached: building
the expression tree costs more than running the query for a small unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    Executable,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from competence.assessments import counted, counting_sources
from competence.clock import today
from competence.gap.results import PERCENT_UNITS, CompetenceRef, HeatCell, UnitRef
from competence.roles import in_force
from competence.units import subtree_select
from db.codes import CompetenceKind, LevelSource
from db.models import (
    Area,
    Assessment,
    Certificate,
    Competence,
    Employee,
    Framework,
    OrgUnit,
    Position,
    Requirement,
    ScaleLevel,
)

Scope = Literal["all", "subtree", "single", "list"]

AT = bindparam("at", type_=Date())
UNIT_ID = bindparam("unit_id", type_=Integer())
UNIT_IDS = bindparam("unit_ids", expanding=True, type_=Integer())
EMPLOYEE_FROM = bindparam("employee_from", type_=Integer())
EMPLOYEE_TO = bindparam("employee_to", type_=Integer())
COMPETENCE_IDS = bindparam("competence_ids", expanding=True, type_=Integer())


def on_date(at: dt.date | None) -> dt.date:
    return at or today()


def is_today(at: dt.date) -> bool:
    return at >= today()


def active_position(at: Any) -> ColumnElement[bool]:
    return and_(
        or_(Position.end_date.is_(None), Position.end_date >= at),
        or_(Position.start_date.is_(None), Position.start_date <= at),
    )


def active_employee(at: Any) -> ColumnElement[bool]:
    return or_(Employee.left_on.is_(None), Employee.left_on > at)


def unit_scope(unit_id: int | None, subunits: bool) -> Select[Any] | None:
    """A select of the unit ids in scope, or None for the whole municipality."""
    if unit_id is None:
        return None
    if subunits:
        return subtree_select(unit_id)
    return select(literal(unit_id))


class Shape(NamedTuple):
    """What a statement's structure depends on."""

    today: bool
    scope: Scope
    limited: bool
    ranged: bool
    own_counts: bool
    spread: bool


@dataclass(frozen=True)
class Selection:
    """Whose requirements an aggregate covers, and on which date."""

    at: dt.date
    unit_id: int | None = None
    subunits: bool = True
    #: an explicit set of units instead of a unit (and its tree)
    unit_ids: tuple[int, ...] | None = None
    #: only these competences
    competence_ids: tuple[int, ...] | None = None
    #: only people whose id lies in this range (inclusive): a share of the work for another core
    employee_ids: tuple[int, int] | None = None
    #: only people with posts in more than one unit of the selection: what tells a unit's cells
    #: summed apart from the totals, where each person counts once
    spread: bool = False
    #: on an earlier date, whether an employee's self-assessment can be the level that counts (the
    #: register's setting, docs/compliance.md); today the ``is_current`` flags already follow it
    own_counts: bool = False

    @property
    def scope(self) -> Scope:
        if self.unit_ids is not None:
            return "list"
        if self.unit_id is None:
            return "all"
        return "subtree" if self.subunits else "single"

    @property
    def today(self) -> bool:
        return is_today(self.at)

    def params(self) -> dict[str, Any]:
        values: dict[str, Any] = {"at": self.at}
        if self.scope in ("subtree", "single"):
            values["unit_id"] = self.unit_id
        if self.unit_ids is not None:
            values["unit_ids"] = list(self.unit_ids)
        if self.competence_ids is not None:
            values["competence_ids"] = list(self.competence_ids)
        if self.employee_ids is not None:
            values["employee_from"], values["employee_to"] = self.employee_ids
        return values

    @property
    def shape(self) -> Shape:
        """What the statement's structure depends on (the rest are parameter values)."""
        limited, ranged = self.competence_ids is not None, self.employee_ids is not None
        return Shape(self.today, self.scope, limited, ranged, self.own_counts and not self.today, self.spread)


def selection(
    session: Session,
    at: dt.date,
    unit_id: int | None = None,
    subunits: bool = True,
    *,
    unit_ids: tuple[int, ...] | None = None,
    competence_ids: tuple[int, ...] | None = None,
) -> Selection:
    """A selection on ``at`` under the register's rule for whose assessment counts."""
    own = not is_today(at) and counting_sources(session) is LevelSource.NEWEST
    return Selection(at, unit_id, subunits, unit_ids, competence_ids, own_counts=own)


@lru_cache(maxsize=8)
def _units_in(scope: Scope) -> Select[Any] | None:
    """The unit ids of a scope as a select; one object per scope, so a statement that names it
    twice (skills and certificates) holds one recursive CTE, not two of the same name."""
    if scope == "subtree":
        return subtree_select(UNIT_ID)
    if scope == "single":
        return select(UNIT_ID)
    if scope == "list":
        return select(OrgUnit.id).where(OrgUnit.id.in_(UNIT_IDS))
    return None


def _pairs(shape: Shape, per_unit: bool) -> Any:
    """(unit_id,) employee_id, competence_id, req, mandatory, course: one row per requirement a
    person carries.

    With ``per_unit`` a person with posts in two units yields a row in each; otherwise one row per
    person and competence. ``req`` is the highest required percentage among their roles (in
    :data:`PERCENT_UNITS`), ``mandatory`` 1 when any of them makes the requirement mandatory, and
    ``course`` 1 for a competence of kind certificate (held or not, docs/compliance.md).

    Nearly everyone holds one role per unit (or in all), so the query has two parts: people with a
    single role join the role's requirements directly, and only the few with several roles go
    through the GROUP BY that keeps the highest requirement. Deduplicating everyone would sort
    millions of rows for the sake of a handful. Both kinds of competence come from one pass over
    the requirements (a pass per kind read every requirement twice).
    """
    key_cols: list[Any] = [Position.unit_id, Position.employee_id] if per_unit else [Position.employee_id]
    key_names = ["unit_id", "employee_id"] if per_unit else ["employee_id"]
    filters: list[Any] = [active_position(AT), active_employee(AT), Position.role_id.is_not(None)]
    # a single unit as an equality the planner can estimate (PostgreSQL guesses badly at IN (SELECT $1))
    if shape.scope == "single":
        filters.append(Position.unit_id == UNIT_ID)
    elif (units := _units_in(shape.scope)) is not None:
        filters.append(Position.unit_id.in_(units))
    if shape.ranged:
        filters.append(Position.employee_id.between(EMPLOYEE_FROM, EMPLOYEE_TO))
    if shape.spread:
        filters.append(Position.employee_id.in_(_spread_people(list(filters))))
    member = (
        select(
            *key_cols,
            func.min(Position.role_id).label("role_id"),
            func.count(func.distinct(Position.role_id)).label("roles"),
        )
        .join(Employee, Employee.id == Position.employee_id)
        .where(*filters)
        .group_by(*key_cols)
        .cte("member")
    )
    wanted: list[Any] = [in_force(AT)]
    if shape.limited:
        wanted.append(Requirement.competence_id.in_(COMPETENCE_IDS))
    course = _as_int(Competence.kind == CompetenceKind.CERTIFICATE)
    req_level = aliased(ScaleLevel)
    single = (
        select(
            *(member.c[k] for k in key_names),
            Requirement.competence_id,
            percent_units(req_level.percent).label("req"),
            _as_int(Requirement.mandatory).label("mandatory"),
            course.label("course"),
        )
        .join(Requirement, Requirement.role_id == member.c.role_id)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(req_level, req_level.id == Requirement.level_id)
        .where(member.c.roles == 1, *wanted)
    )
    multi_keys = select(*(member.c[k] for k in key_names)).where(member.c.roles > 1)
    multi_level = aliased(ScaleLevel)
    multi = (
        select(
            *key_cols,
            Requirement.competence_id,
            func.max(percent_units(multi_level.percent)).label("req"),
            func.max(_as_int(Requirement.mandatory)).label("mandatory"),
            func.max(course).label("course"),
        )
        .join(Employee, Employee.id == Position.employee_id)
        .join(Requirement, Requirement.role_id == Position.role_id)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(multi_level, multi_level.id == Requirement.level_id)
        .where(*filters, *wanted, tuple_(*key_cols).in_(multi_keys))
        .group_by(*key_cols, Requirement.competence_id)
    )
    return union_all(single, multi).subquery("pairs")


def _spread_people(filters: list[Any]) -> Select[Any]:
    """The people with active posts (that carry a role) in more than one unit under ``filters``."""
    return (
        select(Position.employee_id)
        .join(Employee, Employee.id == Position.employee_id)
        .where(*filters)
        .group_by(Position.employee_id)
        .having(func.count(func.distinct(Position.unit_id)) > 1)
    )


def percent_units(percent: Any) -> ColumnElement[int]:
    """A level's percentage in :data:`PERCENT_UNITS`, as an integer."""
    return cast(func.round(percent * PERCENT_UNITS), Integer)


def _as_int(flag: Any) -> ColumnElement[int]:
    """A boolean as 0/1 (PostgreSQL has no max() of booleans)."""
    return case((flag, 1), else_=0)


#: a course held: 100 % (in :data:`PERCENT_UNITS`)
HELD = 100 * PERCENT_UNITS


@lru_cache(maxsize=64)
def _scored_shape(shape: Shape, per_unit: bool) -> Any:
    """Every requirement pair with its current percentage ``cur`` (NULL: not assessed) and
    ``missing`` (1: a mandatory course without a valid certificate, docs/compliance.md); ``req``
    and ``cur`` in :data:`PERCENT_UNITS`.

    A skill's level is the ``is_current`` row, read through a covering partial index (today), or
    the newest row that counts on or before an earlier date (the history index). A course is held
    (100 %) with a certificate valid on the date, else 0 %: never "not assessed". The certificate
    test sits in a CASE, so it runs for the course pairs only.
    """
    pairs = _pairs(shape, per_unit)
    keys = [c for c in pairs.c if c.name not in ("req", "mandatory", "course")]
    if shape.today:
        cur = aliased(Assessment)
        cur_level = aliased(ScaleLevel)
        level: Any = percent_units(cur_level.percent)
        source: Any = pairs.outerjoin(
            cur,
            and_(
                cur.employee_id == pairs.c.employee_id,
                cur.competence_id == pairs.c.competence_id,
                cur.is_current,
            ),
        ).outerjoin(cur_level, cur_level.id == cur.level_id)
    else:
        hist = aliased(Assessment)
        hist_level = aliased(ScaleLevel)
        level = (
            select(percent_units(hist_level.percent))
            .join(hist, hist.level_id == hist_level.id)
            .where(
                hist.employee_id == pairs.c.employee_id,
                hist.competence_id == pairs.c.competence_id,
                hist.assessed_on <= AT,
                *counted(hist, LevelSource.NEWEST if shape.own_counts else LevelSource.LEADER),
            )
            .order_by(hist.assessed_on.desc(), hist.id.desc())
            .limit(1)
            .correlate(pairs)
            .scalar_subquery()
        )
        source = pairs
    valid = aliased(Certificate)
    has_valid = exists().where(
        valid.employee_id == pairs.c.employee_id,
        valid.competence_id == pairs.c.competence_id,
        valid.completed_on <= AT,
        or_(valid.valid_until.is_(None), valid.valid_until >= AT),
    )
    is_course = pairs.c.course == 1
    held = case((has_valid, literal(HELD)), else_=literal(0))
    missing = case((and_(is_course, pairs.c.mandatory == 1, ~has_valid), 1), else_=0)
    return (
        select(
            *keys,
            pairs.c.req,
            case((is_course, held), else_=level).label("cur"),
            missing.label("missing"),
        )
        .select_from(source)
        .subquery("scored")
    )


def scored_pairs(selection: Selection, *, per_unit: bool = True) -> Any:
    """The scored pairs of a selection, as a subquery; execute with ``selection.params()``.
    ``req`` and ``cur`` are in :data:`PERCENT_UNITS` (:func:`as_percent` turns them back)."""
    return _scored_shape(selection.shape, per_unit)


def as_percent(units: int | None) -> float | None:
    """A percentage in :data:`PERCENT_UNITS` as a percentage (None stays None: not assessed)."""
    return None if units is None else units / PERCENT_UNITS


def holds(scored: Any) -> ColumnElement[bool]:
    """The pair meets its requirement (not assessed counts as 0 %)."""
    meets: ColumnElement[bool] = func.coalesce(scored.c.cur, 0) >= scored.c.req
    return meets


def aggregates(scored: Any) -> list[Any]:
    """people, met, not assessed, the sums of gap, required and current (in :data:`PERCENT_UNITS`),
    missing: the fields of :class:`HeatCell` after its keys, all integers, so that the figures of
    groups add up exactly and a row becomes a cell without conversions."""
    short = scored.c.req - func.coalesce(scored.c.cur, 0)
    return [
        func.count().label("people"),
        func.coalesce(func.sum(case((short <= 0, 1), else_=0)), 0).label("met"),
        (func.count() - func.count(scored.c.cur)).label("not_assessed"),
        func.coalesce(func.sum(case((short > 0, short), else_=0)), 0).label("gap_units"),
        func.coalesce(func.sum(scored.c.req), 0).label("required_units"),
        func.coalesce(func.sum(scored.c.cur), 0).label("current_units"),
        func.coalesce(func.sum(scored.c.missing), 0).label("missing"),
    ]


@lru_cache(maxsize=64)
def _grouped_shape(group_cols: tuple[str, ...], shape: Shape, per_unit: bool) -> Any:
    scored = _scored_shape(shape, per_unit)
    cols = [scored.c[c] for c in group_cols]
    return select(*cols, *aggregates(scored)).group_by(*cols)


def grouped(session: Session, selection: Selection, *group_cols: str, per_unit: bool = True) -> Any:
    """Run the aggregates of a selection grouped by ``group_cols``; yields result rows."""
    return session.execute(_grouped_shape(group_cols, selection.shape, per_unit), selection.params())


def heat_cell(unit_id: int | None, competence_id: int, figures: Sequence[Any]) -> HeatCell:
    """A cell from the figures of :func:`aggregates`."""
    return HeatCell(unit_id, competence_id, *map(int, figures))


def unit_cells(session: Session, selection: Selection) -> dict[tuple[int, int], HeatCell]:
    """Unit × competence figures; a person counts in each unit where they hold a post. (A row is
    the cell's fields in order: a municipality has hundreds of thousands.)"""
    make = HeatCell._make
    return {(row[0], row[1]): make(row) for row in grouped(session, selection, "unit_id", "competence_id")}


def per_competence(session: Session, selection: Selection, *, per_unit: bool) -> dict[int, HeatCell]:
    """Per competence over the selection: each person once, or (``per_unit``) once per unit."""
    return {
        c_id: HeatCell(None, c_id, *figures)
        for c_id, *figures in grouped(session, selection, "competence_id", per_unit=per_unit)
    }


def totals(session: Session, selection: Selection) -> dict[int, HeatCell]:
    """Per competence over the whole selection, each person counted once (one aggregate; the
    heatmap derives the same from its cells, :func:`totals_from_cells`)."""
    return per_competence(session, selection, per_unit=False)


def totals_from_cells(
    cells: Iterable[HeatCell], spread_in_units: Mapping[int, HeatCell], spread_once: Mapping[int, HeatCell]
) -> dict[int, HeatCell]:
    """The per-competence totals (each person once) from the unit cells (each person once per unit):
    the cells summed, less what the people with posts in several units contribute to their units'
    cells (``spread_in_units``), plus what they contribute counted once (``spread_once``: their
    highest requirement over all their roles). Exact, since every figure is an integer sum."""
    by_competence: dict[int, list[HeatCell]] = {}
    for cell in cells:
        by_competence.setdefault(cell.competence_id, []).append(cell)
    # each figure summed down its column (sum over a column runs in C: a municipality has 200,000 cells)
    found = {
        c_id: HeatCell(None, c_id, *map(sum, list(zip(*group, strict=True))[2:]))
        for c_id, group in by_competence.items()
    }
    for c_id, cell in spread_in_units.items():
        found[c_id] = found[c_id].plus(cell, -1)
    for c_id, cell in spread_once.items():
        seen = found.get(c_id)
        found[c_id] = cell if seen is None else seen.plus(cell)
    return {c_id: cell for c_id, cell in found.items() if cell.people}


def combine(a: HeatCell, b: HeatCell) -> HeatCell:
    """The figures of two disjoint groups of people taken together."""
    return a.plus(b)


def ref_columns() -> tuple[Any, ...]:
    """The columns of a :class:`CompetenceRef`, in the order of its fields (``CompetenceRef(*row)``);
    the statement joins ``Area`` and ``Framework`` to ``Competence``."""
    return (
        Competence.id,
        Competence.code,
        Competence.name,
        Competence.name_en,
        Area.id,
        Area.code,
        Area.name,
        Competence.framework_id,
        Framework.key,
        Framework.name,
        Competence.kind,
        Competence.critical,
        Competence.scale_id,
        Area.sort_order,
        Competence.sort_order,
        Area.name_en,
        Framework.name_en,
    )


@lru_cache(maxsize=2)
def _refs_stmt(limited: bool) -> Executable:
    stmt = (
        select(*ref_columns())
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
    )
    return stmt.where(Competence.id.in_(COMPETENCE_IDS)) if limited else stmt


def competence_refs(session: Session, ids: Sequence[int] | None = None) -> dict[int, CompetenceRef]:
    """The competences with ``ids`` (or all), keyed by id, in framework/area/competence order."""
    if ids is not None and not ids:
        return {}
    params = {} if ids is None else {"competence_ids": list(ids)}
    rows = session.execute(_refs_stmt(ids is not None), params)
    return {ref.id: ref for ref in sorted_refs(CompetenceRef(*row) for row in rows)}


def sorted_refs(refs: Iterable[CompetenceRef]) -> tuple[CompetenceRef, ...]:
    """Competences in the order of their framework, area and position in the area."""
    return tuple(sorted(refs, key=lambda r: (r.framework_name, r.area_order, r.order, r.name)))


def unit_refs(session: Session, unit_id: int | None, subunits: bool) -> tuple[UnitRef, ...]:
    """The open units of a selection in tree order, depth counted from the selection's top."""
    stmt = select(OrgUnit.id, OrgUnit.number, OrgUnit.name, OrgUnit.parent_id)
    stmt = stmt.where(OrgUnit.closed_on.is_(None))
    if unit_id is not None:
        scope = subtree_select(unit_id) if subunits else select(literal(unit_id))
        stmt = stmt.where(OrgUnit.id.in_(scope))
    rows = {r[0]: r for r in session.execute(stmt)}
    children: dict[int | None, list[int]] = {}
    for uid, (_, _, _, parent) in rows.items():
        children.setdefault(parent if parent in rows else None, []).append(uid)
    for ids in children.values():
        ids.sort(key=lambda i: (rows[i][2].casefold(), rows[i][1]))
    ordered: list[UnitRef] = []
    stack = [(uid, 0) for uid in reversed(children.get(None, []))]
    while stack:
        uid, depth = stack.pop()
        _, number, name, parent = rows[uid]
        ordered.append(UnitRef(uid, number, name, parent, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(uid, [])))
    return tuple(ordered)
