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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Date,
    Executable,
    Integer,
    Select,
    and_,
    bindparam,
    case,
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
from competence.gap.results import CompetenceRef, HeatCell, UnitRef
from competence.roles import in_force
from competence.units import subtree_select
from db.codes import LevelSource
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
    def shape(self) -> tuple[bool, Scope, bool, bool, bool]:
        """What the statement's structure depends on (the rest are parameter values)."""
        limited, ranged = self.competence_ids is not None, self.employee_ids is not None
        return self.today, self.scope, limited, ranged, self.own_counts and not self.today


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


def _pairs(kind: str, scope: Scope, limited: bool, ranged: bool, per_unit: bool) -> Any:
    """(unit_id,) employee_id, competence_id, req, mandatory: one row per requirement a person carries.

    With ``per_unit`` a person with posts in two units yields a row in each; otherwise one row per
    person and competence. ``req`` is the highest required percentage among their roles, and
    ``mandatory`` 1 when any of them makes the requirement mandatory.

    Nearly everyone holds one role per unit (or in all), so the query has two parts: people with a
    single role join the role's requirements directly, and only the few with several roles go
    through the GROUP BY that keeps the highest requirement. Deduplicating everyone would sort
    millions of rows for the sake of a handful.
    """
    key_cols: list[Any] = [Position.unit_id, Position.employee_id] if per_unit else [Position.employee_id]
    key_names = ["unit_id", "employee_id"] if per_unit else ["employee_id"]
    filters: list[Any] = [active_position(AT), active_employee(AT), Position.role_id.is_not(None)]
    if scope == "single":  # an equality the planner can estimate (PostgreSQL guesses badly at IN (SELECT $1))
        filters.append(Position.unit_id == UNIT_ID)
    elif (units := _units_in(scope)) is not None:
        filters.append(Position.unit_id.in_(units))
    if ranged:
        filters.append(Position.employee_id.between(EMPLOYEE_FROM, EMPLOYEE_TO))
    member = (
        select(
            *key_cols,
            func.min(Position.role_id).label("role_id"),
            func.count(func.distinct(Position.role_id)).label("roles"),
        )
        .join(Employee, Employee.id == Position.employee_id)
        .where(*filters)
        .group_by(*key_cols)
        .cte(f"member_{kind}")
    )
    wanted = select(Competence.id).where(Competence.kind == kind)
    if limited:
        wanted = wanted.where(Competence.id.in_(COMPETENCE_IDS))
    of_kind = Requirement.competence_id.in_(wanted)
    req_level = aliased(ScaleLevel)
    single = (
        select(
            *(member.c[k] for k in key_names),
            Requirement.competence_id,
            req_level.percent.label("req"),
            _as_int(Requirement.mandatory).label("mandatory"),
        )
        .join(Requirement, Requirement.role_id == member.c.role_id)
        .join(req_level, req_level.id == Requirement.level_id)
        .where(member.c.roles == 1, of_kind, in_force(AT))
    )
    multi_keys = select(*(member.c[k] for k in key_names)).where(member.c.roles > 1)
    multi_level = aliased(ScaleLevel)
    multi = (
        select(
            *key_cols,
            Requirement.competence_id,
            func.max(multi_level.percent).label("req"),
            func.max(_as_int(Requirement.mandatory)).label("mandatory"),
        )
        .join(Employee, Employee.id == Position.employee_id)
        .join(Requirement, Requirement.role_id == Position.role_id)
        .join(multi_level, multi_level.id == Requirement.level_id)
        .where(*filters, of_kind, in_force(AT), tuple_(*key_cols).in_(multi_keys))
        .group_by(*key_cols, Requirement.competence_id)
    )
    return union_all(single, multi).subquery(f"pairs_{kind}")


def _as_int(flag: Any) -> ColumnElement[int]:
    """A boolean as 0/1 (PostgreSQL has no max() of booleans)."""
    return case((flag, 1), else_=0)


@lru_cache(maxsize=64)
def _scored_shape(
    today_mode: bool, scope: Scope, limited: bool, ranged: bool, own_counts: bool, per_unit: bool
) -> Any:
    """Every requirement pair with its current percentage ``cur`` (NULL: not assessed) and
    ``missing`` (1: a mandatory course without a valid certificate, docs/compliance.md).

    Skills read the ``is_current`` rows through a covering partial index (today), or the newest row
    that counts on or before an earlier date (the history index). Certificates are judged by
    validity on the date. The two kinds are scored in separate branches so each row's value is
    computed once.
    """
    skill = _pairs("skill", scope, limited, ranged, per_unit)
    keys = [c for c in skill.c if c.name not in ("req", "mandatory")]
    if today_mode:
        cur = aliased(Assessment)
        cur_level = aliased(ScaleLevel)
        skill_rows = (
            select(*keys, skill.c.req, cur_level.percent.label("cur"), literal(0).label("missing"))
            .select_from(skill)
            .outerjoin(
                cur,
                and_(
                    cur.employee_id == skill.c.employee_id,
                    cur.competence_id == skill.c.competence_id,
                    cur.is_current,
                ),
            )
            .outerjoin(cur_level, cur_level.id == cur.level_id)
        )
    else:
        hist = aliased(Assessment)
        hist_level = aliased(ScaleLevel)
        newest = (
            select(hist_level.percent)
            .join(hist, hist.level_id == hist_level.id)
            .where(
                hist.employee_id == skill.c.employee_id,
                hist.competence_id == skill.c.competence_id,
                hist.assessed_on <= AT,
                *counted(hist, LevelSource.NEWEST if own_counts else LevelSource.LEADER),
            )
            .order_by(hist.assessed_on.desc(), hist.id.desc())
            .limit(1)
            .correlate(skill)
            .scalar_subquery()
        )
        skill_rows = select(*keys, skill.c.req, newest.label("cur"), literal(0).label("missing")).select_from(
            skill
        )
    certs = _pairs("certificate", scope, limited, ranged, per_unit)
    valid = aliased(Certificate)
    has_valid = exists().where(
        valid.employee_id == certs.c.employee_id,
        valid.competence_id == certs.c.competence_id,
        valid.completed_on <= AT,
        or_(valid.valid_until.is_(None), valid.valid_until >= AT),
    )
    # a course is held or not: never taken or expired is 0 %, never "not assessed" (docs/compliance.md)
    cert_cur = case((has_valid, literal(100.0)), else_=literal(0.0))
    missing = case((and_(certs.c.mandatory == 1, ~has_valid), 1), else_=0)
    cert_rows = select(
        *(certs.c[c.name] for c in keys), certs.c.req, cert_cur.label("cur"), missing.label("missing")
    ).select_from(certs)
    return union_all(skill_rows, cert_rows).subquery("scored")


def scored_pairs(selection: Selection, *, per_unit: bool = True) -> Any:
    """The scored pairs of a selection, as a subquery; execute with ``selection.params()``."""
    return _scored_shape(*selection.shape, per_unit)


def holds(scored: Any) -> ColumnElement[bool]:
    """The pair meets its requirement (not assessed counts as 0 %)."""
    meets: ColumnElement[bool] = func.coalesce(scored.c.cur, 0.0) >= scored.c.req
    return meets


def aggregates(scored: Any) -> list[Any]:
    """people, met, not_assessed, mean_gap, mean_required, mean_current, missing over scored pairs."""
    cur = func.coalesce(scored.c.cur, 0.0)
    return [
        func.count().label("people"),
        func.sum(case((holds(scored), 1), else_=0)).label("met"),
        func.sum(case((scored.c.cur.is_(None), 1), else_=0)).label("not_assessed"),
        func.avg(case((scored.c.req > cur, scored.c.req - cur), else_=0.0)).label("mean_gap"),
        func.avg(scored.c.req).label("mean_required"),
        func.avg(cur).label("mean_current"),
        func.sum(scored.c.missing).label("missing"),
    ]


@lru_cache(maxsize=64)
def _grouped_shape(
    group_cols: tuple[str, ...],
    today_mode: bool,
    scope: Scope,
    limited: bool,
    ranged: bool,
    own_counts: bool,
    per_unit: bool,
) -> Any:
    scored = _scored_shape(today_mode, scope, limited, ranged, own_counts, per_unit)
    cols = [scored.c[c] for c in group_cols]
    return select(*cols, *aggregates(scored)).group_by(*cols)


def grouped(session: Session, selection: Selection, *group_cols: str, per_unit: bool = True) -> Any:
    """Run the aggregates of a selection grouped by ``group_cols``; yields result rows."""
    return session.execute(_grouped_shape(group_cols, *selection.shape, per_unit), selection.params())


def heat_cell(unit_id: int | None, competence_id: int, figures: Sequence[Any]) -> HeatCell:
    people, met, not_assessed, mean_gap, mean_required, mean_current, missing = figures
    return HeatCell(
        unit_id,
        competence_id,
        int(people),
        int(met or 0),
        int(not_assessed or 0),
        float(mean_gap or 0),
        float(mean_required or 0),
        float(mean_current or 0),
        int(missing or 0),
    )


def unit_cells(session: Session, selection: Selection) -> dict[tuple[int, int], HeatCell]:
    """Unit × competence figures; a person counts in each unit where they hold a post."""
    return {
        (u_id, c_id): heat_cell(u_id, c_id, figures)
        for u_id, c_id, *figures in grouped(session, selection, "unit_id", "competence_id")
    }


def totals(session: Session, selection: Selection) -> dict[int, HeatCell]:
    """Per competence over the whole selection, each person counted once."""
    return {
        c_id: heat_cell(None, c_id, figures)
        for c_id, *figures in grouped(session, selection, "competence_id", per_unit=False)
    }


def combine(a: HeatCell, b: HeatCell) -> HeatCell:
    """The figures of two disjoint groups of people taken together (means weighted by head count)."""
    n = a.people + b.people

    def mean(x: float, y: float) -> float:
        return (x * a.people + y * b.people) / n if n else 0.0

    return HeatCell(
        a.unit_id,
        a.competence_id,
        n,
        a.met + b.met,
        a.not_assessed + b.not_assessed,
        mean(a.mean_gap, b.mean_gap),
        mean(a.mean_required, b.mean_required),
        mean(a.mean_current, b.mean_current),
        a.missing + b.missing,
    )


@lru_cache(maxsize=2)
def _refs_stmt(limited: bool) -> Executable:
    stmt = (
        select(
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
    refs = [
        CompetenceRef(
            c_id, code, name, name_en, a_id, a_code, a_name, fw_id, fw_key, fw_name, kind, critical, scale_id,
            a_order, c_order, a_name_en, fw_name_en,
        )
        for (
            c_id, code, name, name_en, a_id, a_code, a_name, fw_id, fw_key, fw_name, kind, critical, scale_id,
            a_order, c_order, a_name_en, fw_name_en,
        ) in rows
    ]  # fmt: skip
    return {ref.id: ref for ref in sorted_refs(refs)}


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
