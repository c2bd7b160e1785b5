"""Gap analysis (DESIGN §5): where people fall short of what their role requires.

Definitions
-----------
* A person's requirement for a competence is the highest level any of their active positions'
  roles requires (several part-time posts may carry several roles). Levels compare as percentages of
  their scale, so a 1-4 scale and DigComp's 1-8 meet on one axis.
* Current level: the newest assessment (at an earlier date: the newest on or before that date). For a
  competence of kind ``certificate`` it is 100 % with a certificate valid on the date, 0 % with only an
  expired one, and *not assessed* with none.
* gap = required % - current %, when positive; *not assessed* counts as 0 % in the gap and the share
  meeting the requirement, and is always reported separately ("ikke vurdert"), never silently.
* Unit heatmap: unit × competence, share of the people with the requirement who meet it, mean gap in
  percentage points, and how many are not assessed. A person with positions in two units counts in both.
* Vulnerability (sårbarhet): a critical competence that a unit requires and that at most one of its
  people holds at the required level.
* Trend: the same figures at earlier dates, from the assessment history (roles and requirements as
  they are today: their own history is not kept).

Everything that aggregates runs in SQL (GROUP BY in the database), never by loading every row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
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

from competence.clock import today
from competence.lookup import get_or_fail
from competence.units import subtree_select, unit_tree
from competence.uow import UnitOfWork
from db.models import (
    Area,
    Assessment,
    Certificate,
    Competence,
    Employee,
    Framework,
    LearningGoal,
    OrgUnit,
    Position,
    Requirement,
    ScaleLevel,
)

Status = Literal["met", "gap", "not_assessed"]
DEFAULT_EXPIRY_WINDOW_DAYS = 90


# ------------------------------------------------------------------------------------------------
# Results: plain frozen dataclasses for the UI, the exports and the CLI
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetenceRef:
    id: int
    code: str | None
    name: str
    name_en: str | None
    area_id: int
    area_code: str | None
    area_name: str
    framework_id: int
    framework_key: str
    framework_name: str
    kind: str
    critical: bool
    scale_id: int

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(frozen=True)
class ProfileItem:
    """One required competence of one person."""

    competence: CompetenceRef
    required_level: int
    required_level_name: str
    required_percent: float
    mandatory: bool
    current_level: int | None
    current_level_name: str | None
    current_percent: float | None
    assessed_on: dt.date | None

    @property
    def not_assessed(self) -> bool:
        return self.current_percent is None

    @property
    def gap(self) -> float:
        """Shortfall in percentage points (0 when met); not assessed counts as 0 %."""
        return max(self.required_percent - (self.current_percent or 0.0), 0.0)

    @property
    def status(self) -> Status:
        if self.current_percent is None:
            return "not_assessed"
        return "met" if self.gap <= 0 else "gap"


@dataclass(frozen=True)
class AreaScore:
    """A strategy area's figures: means for the radar chart, counts for the tables."""

    area_id: int
    area_code: str | None
    area_name: str
    framework_name: str
    required_mean: float
    current_mean: float
    items: int
    met: int
    not_assessed: int
    mean_gap: float

    @property
    def share_met(self) -> float:
        return self.met / self.items if self.items else 0.0


@dataclass(frozen=True)
class EmployeeProfile:
    employee_id: int
    employee_no: str
    name: str
    at: dt.date
    items: tuple[ProfileItem, ...]
    areas: tuple[AreaScore, ...]

    @property
    def met(self) -> int:
        return sum(1 for i in self.items if i.status == "met")

    @property
    def gaps(self) -> int:
        return sum(1 for i in self.items if i.status == "gap")

    @property
    def not_assessed(self) -> int:
        return sum(1 for i in self.items if i.status == "not_assessed")

    @property
    def coverage(self) -> float:
        """Share of required competences met (0-1); 1 when nothing is required."""
        return self.met / len(self.items) if self.items else 1.0


@dataclass(frozen=True)
class UnitRef:
    id: int
    number: str
    name: str
    parent_id: int | None
    depth: int


@dataclass(frozen=True)
class HeatCell:
    unit_id: int | None
    competence_id: int
    people: int
    met: int
    not_assessed: int
    mean_gap: float

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0


@dataclass(frozen=True)
class Heatmap:
    at: dt.date
    units: tuple[UnitRef, ...]
    competences: tuple[CompetenceRef, ...]
    cells: Mapping[tuple[int, int], HeatCell]
    #: per competence over the whole selection, each person counted once
    totals: Mapping[int, HeatCell]

    def cell(self, unit_id: int, competence_id: int) -> HeatCell | None:
        return self.cells.get((unit_id, competence_id))


@dataclass(frozen=True)
class PersonCell:
    """One person behind a heatmap cell (the drill-down)."""

    employee_id: int
    employee_no: str
    name: str
    required_percent: float
    current_percent: float | None
    current_level: int | None
    current_level_name: str | None
    assessed_on: dt.date | None

    @property
    def gap(self) -> float:
        return max(self.required_percent - (self.current_percent or 0.0), 0.0)

    @property
    def status(self) -> Status:
        if self.current_percent is None:
            return "not_assessed"
        return "met" if self.gap <= 0 else "gap"


@dataclass(frozen=True)
class Vulnerability:
    unit: UnitRef
    competence: CompetenceRef
    people_required: int
    holders: tuple[str, ...]

    @property
    def holder_count(self) -> int:
        return len(self.holders)


@dataclass(frozen=True)
class CertificateAlert:
    employee_id: int
    employee_no: str
    name: str
    units: str
    certificate: str
    competence_id: int | None
    valid_until: dt.date
    days_left: int

    @property
    def status(self) -> Literal["utloper", "utlopt"]:
        return "utlopt" if self.days_left < 0 else "utloper"


@dataclass(frozen=True)
class CompetenceGapRank:
    competence: CompetenceRef
    people: int
    mean_gap: float
    share_met: float


@dataclass(frozen=True)
class GapSummary:
    at: dt.date
    people: int
    requirements: int
    met: int
    not_assessed: int
    mean_gap: float
    largest_gaps: tuple[CompetenceGapRank, ...]
    vulnerable: int
    expiring: int
    expired: int
    overdue_goals: int
    #: FTE bands (heltidskultur): "100", "75-99", "50-74", "<50" → people
    fte_mix: Mapping[str, int] = field(default_factory=dict)

    @property
    def share_met(self) -> float:
        return self.met / self.requirements if self.requirements else 0.0


@dataclass(frozen=True)
class TrendPoint:
    at: dt.date
    requirements: int
    met: int
    not_assessed: int
    mean_gap: float

    @property
    def share_met(self) -> float:
        return self.met / self.requirements if self.requirements else 0.0


# ------------------------------------------------------------------------------------------------
# SQL building blocks
# ------------------------------------------------------------------------------------------------


def _on(at: dt.date | None) -> dt.date:
    return at or today()


def _is_today(at: dt.date) -> bool:
    return at >= today()


def _active_position(at: dt.date) -> ColumnElement[bool]:
    return and_(
        or_(Position.end_date.is_(None), Position.end_date >= at),
        or_(Position.start_date.is_(None), Position.start_date <= at),
    )


def _active_employee(at: dt.date) -> ColumnElement[bool]:
    return or_(Employee.left_on.is_(None), Employee.left_on > at)


def _unit_scope(unit_id: int | None, subunits: bool) -> Select[Any] | None:
    if unit_id is None:
        return None
    if subunits:
        return subtree_select(unit_id)
    return select(literal(unit_id))


def _pairs(
    at: dt.date,
    *,
    units: Select[Any] | None = None,
    employee_id: int | None = None,
    per_unit: bool = True,
    kind: str = "skill",
) -> Any:
    """(unit_id,) employee_id, competence_id, req: one row per requirement a person carries.

    With ``per_unit`` a person with posts in two units yields a row in each; otherwise one row per
    person and competence. ``req`` is the highest required percentage among their roles.

    Nearly everyone holds one role per unit (or in all), so the query has two parts: people with a
    single role join the role's requirements directly, and only the few with several roles go
    through the GROUP BY that keeps the highest requirement. Deduplicating everyone would sort
    millions of rows for the sake of a handful.
    """
    key_cols: list[Any] = [Position.unit_id, Position.employee_id] if per_unit else [Position.employee_id]
    key_names = ["unit_id", "employee_id"] if per_unit else ["employee_id"]
    filters: list[Any] = [_active_position(at), _active_employee(at), Position.role_id.is_not(None)]
    if units is not None:
        filters.append(Position.unit_id.in_(units))
    if employee_id is not None:
        filters.append(Position.employee_id == employee_id)
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
    of_kind = Requirement.competence_id.in_(select(Competence.id).where(Competence.kind == kind))
    req_level = aliased(ScaleLevel)
    single = (
        select(*(member.c[k] for k in key_names), Requirement.competence_id, req_level.percent.label("req"))
        .join(Requirement, Requirement.role_id == member.c.role_id)
        .join(req_level, req_level.id == Requirement.level_id)
        .where(member.c.roles == 1, of_kind)
    )
    multi_keys = select(*(member.c[k] for k in key_names)).where(member.c.roles > 1)
    multi_level = aliased(ScaleLevel)
    multi = (
        select(*key_cols, Requirement.competence_id, func.max(multi_level.percent).label("req"))
        .join(Employee, Employee.id == Position.employee_id)
        .join(Requirement, Requirement.role_id == Position.role_id)
        .join(multi_level, multi_level.id == Requirement.level_id)
        .where(*filters, of_kind, tuple_(*key_cols).in_(multi_keys))
        .group_by(*key_cols, Requirement.competence_id)
    )
    return union_all(single, multi).subquery(f"pairs_{kind}")


def _with_current(at: dt.date, **pair_args: Any) -> Any:
    """Every requirement pair with its current percentage ``cur`` (NULL: not assessed).

    Skills read the ``is_current`` rows through a covering partial index (today), or the newest row
    on or before an earlier date (the history index). Certificates are judged by validity on the
    date. The two kinds are scored in separate branches so each row's value is computed once.
    """
    skill = _pairs(at, kind="skill", **pair_args)
    keys = [c for c in skill.c if c.name != "req"]
    if _is_today(at):
        cur = aliased(Assessment)
        cur_level = aliased(ScaleLevel)
        skill_rows = (
            select(*keys, skill.c.req, cur_level.percent.label("cur"))
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
                hist.assessed_on <= at,
            )
            .order_by(hist.assessed_on.desc(), hist.id.desc())
            .limit(1)
            .correlate(skill)
            .scalar_subquery()
        )
        skill_rows = select(*keys, skill.c.req, newest.label("cur")).select_from(skill)
    certs = _pairs(at, kind="certificate", **pair_args)
    valid = aliased(Certificate)
    any_cert = aliased(Certificate)
    has_valid = exists().where(
        valid.employee_id == certs.c.employee_id,
        valid.competence_id == certs.c.competence_id,
        valid.completed_on <= at,
        or_(valid.valid_until.is_(None), valid.valid_until >= at),
    )
    has_any = exists().where(
        any_cert.employee_id == certs.c.employee_id,
        any_cert.competence_id == certs.c.competence_id,
        any_cert.completed_on <= at,
    )
    cert_cur = case((has_valid, literal(100.0)), (has_any, literal(0.0)), else_=None)
    cert_rows = select(*(certs.c[c.name] for c in keys), certs.c.req, cert_cur.label("cur")).select_from(
        certs
    )
    return union_all(skill_rows, cert_rows).subquery("scored")


def _aggregates(scored: Any) -> list[Any]:
    """people, met, not_assessed, mean_gap over rows of :func:`_with_current`."""
    cur = func.coalesce(scored.c.cur, 0.0)
    return [
        func.count().label("people"),
        func.sum(case((cur >= scored.c.req, 1), else_=0)).label("met"),
        func.sum(case((scored.c.cur.is_(None), 1), else_=0)).label("not_assessed"),
        func.avg(case((scored.c.req > cur, scored.c.req - cur), else_=0.0)).label("mean_gap"),
    ]


def _scored(at: dt.date, *group_cols: str, **pair_args: Any) -> Select[Any]:
    """Aggregate requirement pairs by ``group_cols``: people, met, not assessed, mean gap."""
    scored = _with_current(at, **pair_args)
    cols = [scored.c[c] for c in group_cols]
    return select(*cols, *_aggregates(scored)).group_by(*cols)


def _competence_refs(session: Session, ids: Sequence[int] | None = None) -> dict[int, CompetenceRef]:
    stmt = (
        select(Competence, Area, Framework.key, Framework.name)
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
    )
    if ids is not None:
        if not ids:
            return {}
        stmt = stmt.where(Competence.id.in_(ids))
    return {
        c.id: CompetenceRef(
            c.id,
            c.code,
            c.name,
            c.name_en,
            a.id,
            a.code,
            a.name,
            c.framework_id,
            fw_key,
            fw_name,
            c.kind,
            c.critical,
            c.scale_id,
        )
        for c, a, fw_key, fw_name in session.execute(stmt)
    }


def _competence_order(
    ref: CompetenceRef, area_order: Mapping[int, int], comp_order: Mapping[int, int]
) -> Any:
    return (ref.framework_name, area_order.get(ref.area_id, 0), comp_order.get(ref.id, 0), ref.name)


def _sorted_refs(session: Session, refs: Mapping[int, CompetenceRef]) -> tuple[CompetenceRef, ...]:
    if not refs:
        return ()
    area_order = dict(session.execute(select(Area.id, Area.sort_order)).all())
    comp_order = dict(
        session.execute(
            select(Competence.id, Competence.sort_order).where(Competence.id.in_(list(refs)))
        ).all()
    )
    return tuple(sorted(refs.values(), key=lambda r: _competence_order(r, area_order, comp_order)))


def _unit_refs(session: Session, unit_id: int | None, subunits: bool) -> tuple[UnitRef, ...]:
    tree = unit_tree(session)
    if unit_id is None:
        chosen = tree
    else:
        wanted = set(session.scalars(subtree_select(unit_id))) if subunits else {unit_id}
        chosen = [u for u in tree if u.id in wanted]
    base = min((u.depth for u in chosen), default=0)
    return tuple(UnitRef(u.id, u.number, u.name, u.parent_id, u.depth - base) for u in chosen)


# ------------------------------------------------------------------------------------------------
# Per employee
# ------------------------------------------------------------------------------------------------


def employee_profile(uow: UnitOfWork, employee_id: int, *, at: dt.date | None = None) -> EmployeeProfile:
    """Every competence the person's roles require, with current, required, gap and status."""
    with uow:
        return employee_profile_in(uow.session, employee_id, at=at)


def employee_profile_in(session: Session, employee_id: int, *, at: dt.date | None = None) -> EmployeeProfile:
    """:func:`employee_profile` inside a caller's session (batch exports reuse one session)."""
    on = _on(at)
    emp = get_or_fail(session, Employee, employee_id, "ansatt", "Employee")
    req_level = aliased(ScaleLevel)
    reqs = session.execute(
        select(
            Requirement.competence_id,
            req_level.ordinal,
            req_level.name,
            req_level.percent,
            Requirement.mandatory,
        )
        .join(Position, Position.role_id == Requirement.role_id)
        .join(req_level, req_level.id == Requirement.level_id)
        .where(Position.employee_id == employee_id, _active_position(on))
    ).all()
    strongest: dict[int, tuple[int, str, float, bool]] = {}
    for comp_id, ordinal, name, percent, mandatory in reqs:
        held = strongest.get(comp_id)
        if held is None or percent > held[2]:
            strongest[comp_id] = (ordinal, name, percent, mandatory or (held[3] if held else False))
        elif mandatory and not held[3]:
            strongest[comp_id] = (*held[:3], True)
    refs = _competence_refs(session, list(strongest))
    current = _current_levels(session, employee_id, list(strongest), on, refs)
    items = []
    for ref in _sorted_refs(session, refs):
        ordinal, name, percent, mandatory = strongest[ref.id]
        cur = current.get(ref.id)
        items.append(
            ProfileItem(
                ref,
                ordinal,
                name,
                percent,
                mandatory,
                cur[0] if cur else None,
                cur[1] if cur else None,
                cur[2] if cur else None,
                cur[3] if cur else None,
            )
        )
    return EmployeeProfile(emp.id, emp.employee_no, emp.full_name, on, tuple(items), _area_scores(items))


def _current_levels(
    session: Session, employee_id: int, comp_ids: list[int], at: dt.date, refs: Mapping[int, CompetenceRef]
) -> dict[int, tuple[int | None, str | None, float, dt.date | None]]:
    """competence → (level ordinal, level name, percent, date) for one person on a date."""
    if not comp_ids:
        return {}
    result: dict[int, tuple[int | None, str | None, float, dt.date | None]] = {}
    skill_ids = [c for c in comp_ids if refs[c].kind != "certificate"]
    if skill_ids:
        rows = session.execute(
            select(
                Assessment.competence_id,
                ScaleLevel.ordinal,
                ScaleLevel.name,
                ScaleLevel.percent,
                Assessment.assessed_on,
            )
            .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
            .where(
                Assessment.employee_id == employee_id,
                Assessment.competence_id.in_(skill_ids),
                Assessment.assessed_on <= at,
            )
            .order_by(Assessment.competence_id, Assessment.assessed_on, Assessment.id)
        )
        for comp_id, ordinal, name, percent, on in rows:
            result[comp_id] = (ordinal, name, percent, on)  # ascending: the last one wins
    cert_ids = [c for c in comp_ids if refs[c].kind == "certificate"]
    if cert_ids:
        certs = session.execute(
            select(Certificate.competence_id, Certificate.completed_on, Certificate.valid_until)
            .where(
                Certificate.employee_id == employee_id,
                Certificate.competence_id.in_(cert_ids),
                Certificate.completed_on <= at,
            )
            .order_by(Certificate.completed_on)
        ).all()
        top_levels = _certificate_levels(session, {refs[c].scale_id for c in cert_ids})
        for cert_comp, completed, valid_until in certs:
            if cert_comp is None:
                continue
            valid = valid_until is None or valid_until >= at
            prev = result.get(cert_comp)
            if prev is not None and prev[2] >= 100.0 and not valid:
                continue
            low, high = top_levels[refs[cert_comp].scale_id]
            level = high if valid else low
            result[cert_comp] = (level[0], level[1], 100.0 if valid else 0.0, completed)
    return result


def _certificate_levels(
    session: Session, scale_ids: set[int]
) -> dict[int, tuple[tuple[int, str], tuple[int, str]]]:
    """Per certificate scale: its lowest and highest level (ordinal, name)."""
    out: dict[int, tuple[tuple[int, str], tuple[int, str]]] = {}
    rows = session.execute(
        select(ScaleLevel.scale_id, ScaleLevel.ordinal, ScaleLevel.name)
        .where(ScaleLevel.scale_id.in_(scale_ids))
        .order_by(ScaleLevel.scale_id, ScaleLevel.ordinal)
    )
    for scale_id, ordinal, name in rows:
        low, _ = out.get(scale_id, ((ordinal, name), (ordinal, name)))
        out[scale_id] = (low, (ordinal, name))
    return out


def _area_scores(items: Sequence[ProfileItem]) -> tuple[AreaScore, ...]:
    groups: dict[int, list[ProfileItem]] = {}
    for item in items:
        groups.setdefault(item.competence.area_id, []).append(item)
    scores = []
    for group in groups.values():
        ref = group[0].competence
        n = len(group)
        scores.append(
            AreaScore(
                ref.area_id,
                ref.area_code,
                ref.area_name,
                ref.framework_name,
                sum(i.required_percent for i in group) / n,
                sum(i.current_percent or 0.0 for i in group) / n,
                n,
                sum(1 for i in group if i.status == "met"),
                sum(1 for i in group if i.status == "not_assessed"),
                sum(i.gap for i in group) / n,
            )
        )
    return tuple(scores)


# ------------------------------------------------------------------------------------------------
# Per unit, per area, municipality-wide
# ------------------------------------------------------------------------------------------------


def unit_heatmap(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> Heatmap:
    """Unit × competence for ``unit_id`` (and its sub-units), or for the whole municipality."""
    with uow:
        return unit_heatmap_in(uow.session, unit_id=unit_id, subunits=subunits, at=at)


def unit_heatmap_in(
    session: Session, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> Heatmap:
    on = _on(at)
    if unit_id is not None:
        get_or_fail(session, OrgUnit, unit_id, "enhet", "Unit")
    scope = _unit_scope(unit_id, subunits)
    cells = {
        (u_id, c_id): _cell(u_id, c_id, *figures)
        for u_id, c_id, *figures in session.execute(_scored(on, "unit_id", "competence_id", units=scope))
    }
    totals = {
        c_id: _cell(None, c_id, *figures)
        for c_id, *figures in session.execute(_scored(on, "competence_id", units=scope, per_unit=False))
    }
    refs = _competence_refs(session, list(totals))
    return Heatmap(on, _unit_refs(session, unit_id, subunits), _sorted_refs(session, refs), cells, totals)


def _cell(
    unit_id: int | None, competence_id: int, people: int, met: Any, not_assessed: Any, gap: Any
) -> HeatCell:
    return HeatCell(
        unit_id, competence_id, int(people), int(met or 0), int(not_assessed or 0), float(gap or 0)
    )


def cell_people(
    uow: UnitOfWork, unit_id: int, competence_id: int, *, at: dt.date | None = None
) -> list[PersonCell]:
    """The people behind one heatmap cell, largest gap first."""
    on = _on(at)
    with uow:
        s = uow.session
        scored = _with_current(on, units=select(literal(unit_id)))
        rows = s.execute(
            select(scored.c.employee_id, scored.c.req, scored.c.cur).where(
                scored.c.competence_id == competence_id
            )
        ).all()
        if not rows:
            return []
        emp_ids = [r[0] for r in rows]
        people = {e.id: e for e in s.scalars(select(Employee).where(Employee.id.in_(emp_ids)))}
        comp = get_or_fail(s, Competence, competence_id, "kompetanse", "Competence")
        details = _current_levels_many(s, emp_ids, comp, on)
        result = []
        for emp_id, req, cur in rows:
            emp = people[emp_id]
            lv = details.get(emp_id)
            result.append(
                PersonCell(
                    emp_id,
                    emp.employee_no,
                    emp.full_name,
                    float(req),
                    None if cur is None else float(cur),
                    lv[0] if lv else None,
                    lv[1] if lv else None,
                    lv[2] if lv else None,
                )
            )
        return sorted(result, key=lambda p: (-p.gap, p.status != "not_assessed", p.name))


def _current_levels_many(
    session: Session, employee_ids: list[int], comp: Competence, at: dt.date
) -> dict[int, tuple[int, str, dt.date]]:
    """Level ordinal, name and date of the current assessment of one competence for many people."""
    if comp.kind == "certificate":
        return {}
    rows = session.execute(
        select(Assessment.employee_id, ScaleLevel.ordinal, ScaleLevel.name, Assessment.assessed_on)
        .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
        .where(
            Assessment.employee_id.in_(employee_ids),
            Assessment.competence_id == comp.id,
            Assessment.assessed_on <= at,
        )
        .order_by(Assessment.employee_id, Assessment.assessed_on, Assessment.id)
    )
    return {emp_id: (ordinal, name, on) for emp_id, ordinal, name, on in rows}


def area_coverage(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[AreaScore]:
    """The strategy view: figures per strategy area, each person and competence counted once."""
    with uow:
        return area_coverage_in(uow.session, unit_id=unit_id, subunits=subunits, at=at)


def area_coverage_in(
    session: Session, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[AreaScore]:
    on = _on(at)
    scored = _with_current(on, units=_unit_scope(unit_id, subunits), per_unit=False)
    comp = aliased(Competence)
    stmt = (
        select(
            comp.area_id,
            *_aggregates(scored),
            func.avg(scored.c.req),
            func.avg(func.coalesce(scored.c.cur, 0.0)),
        )
        .join(comp, comp.id == scored.c.competence_id)
        .group_by(comp.area_id)
    )
    areas = {
        a.id: (a, fw_name)
        for a, fw_name in session.execute(
            select(Area, Framework.name).join(Framework, Framework.id == Area.framework_id)
        )
    }
    scores = [
        AreaScore(
            area_id,
            areas[area_id][0].code,
            areas[area_id][0].name,
            areas[area_id][1],
            float(req_mean or 0),
            float(cur_mean or 0),
            int(n),
            int(met or 0),
            int(not_assessed or 0),
            float(mean_gap or 0),
        )
        for area_id, n, met, not_assessed, mean_gap, req_mean, cur_mean in session.execute(stmt)
    ]
    return sorted(scores, key=lambda s: (s.framework_name, areas[s.area_id][0].sort_order, s.area_name))


def vulnerabilities(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[Vulnerability]:
    """Critical competences a unit requires that nobody or only one of its people holds."""
    with uow:
        return vulnerabilities_in(uow.session, unit_id=unit_id, subunits=subunits, at=at)


def vulnerabilities_in(
    session: Session, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[Vulnerability]:
    on = _on(at)
    critical = select(Competence.id).where(Competence.critical)
    scored = _with_current(on, units=_unit_scope(unit_id, subunits))
    holds = func.coalesce(scored.c.cur, 0.0) >= scored.c.req
    holder_count = func.sum(case((holds, 1), else_=0))
    rows = session.execute(
        select(scored.c.unit_id, scored.c.competence_id, func.count())
        .where(scored.c.competence_id.in_(critical))
        .group_by(scored.c.unit_id, scored.c.competence_id)
        .having(holder_count <= 1)
    ).all()
    if not rows:
        return []
    wanted = {(u, c) for u, c, _ in rows}
    holders: dict[tuple[int, int], list[str]] = {}
    holder_rows = session.execute(
        select(scored.c.unit_id, scored.c.competence_id, Employee.first_name, Employee.last_name)
        .join(Employee, Employee.id == scored.c.employee_id)
        .where(scored.c.competence_id.in_(sorted({c for _, c in wanted})), holds)
    )
    for u, c, first, last in holder_rows:
        if (u, c) in wanted:
            holders.setdefault((u, c), []).append(f"{first} {last}".strip())
    refs = _competence_refs(session, sorted({c for _, c in wanted}))
    units = {u.id: u for u in _unit_refs(session, None, True)}
    result = [
        Vulnerability(units[u], refs[c], int(n), tuple(sorted(holders.get((u, c), []))))
        for u, c, n in rows
        if u in units
    ]
    return sorted(result, key=lambda v: (v.holder_count, v.unit.number, v.competence.label))


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
    with uow:
        return certificate_alerts_in(
            uow.session, unit_id=unit_id, subunits=subunits, at=at, window_days=window_days
        )


def certificate_alerts_in(
    session: Session,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    window_days: int = DEFAULT_EXPIRY_WINDOW_DAYS,
) -> list[CertificateAlert]:
    on = _on(at)
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
        select(Certificate, Employee.employee_no, Employee.first_name, Employee.last_name)
        .join(Employee, Employee.id == Certificate.employee_id)
        .where(
            Certificate.valid_until.is_not(None),
            Certificate.valid_until <= on + dt.timedelta(days=window_days),
            Certificate.completed_on <= on,
            _active_employee(on),
            ~superseded,
        )
    )
    scope = _unit_scope(unit_id, subunits)
    in_units = select(Position.employee_id).where(_active_position(on))
    if scope is not None:
        in_units = in_units.where(Position.unit_id.in_(scope))
    stmt = stmt.where(Certificate.employee_id.in_(in_units))
    rows = session.execute(stmt).all()
    unit_names = _unit_names_of(session, [c.employee_id for c, *_ in rows], on)
    alerts = [
        CertificateAlert(
            c.employee_id,
            no,
            f"{first} {last}".strip(),
            unit_names.get(c.employee_id, ""),
            c.name,
            c.competence_id,
            c.valid_until,
            (c.valid_until - on).days,
        )
        for c, no, first, last in rows
        if c.valid_until is not None
    ]
    return sorted(alerts, key=lambda a: (a.valid_until, a.name))


def _unit_names_of(session: Session, employee_ids: list[int], at: dt.date) -> dict[int, str]:
    if not employee_ids:
        return {}
    names: dict[int, list[str]] = {}
    for emp_id, name in session.execute(
        select(Position.employee_id, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Position.unit_id)
        .where(Position.employee_id.in_(set(employee_ids)), _active_position(at))
        .order_by(Position.employee_id, Position.fte_percent.desc())
    ):
        if name not in names.setdefault(emp_id, []):
            names[emp_id].append(name)
    return {k: ", ".join(v) for k, v in names.items()}


def summary(
    uow: UnitOfWork,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    largest: int = 5,
    window_days: int = DEFAULT_EXPIRY_WINDOW_DAYS,
) -> GapSummary:
    """The dashboard's key figures for a unit (with sub-units) or the whole municipality."""
    on = _on(at)
    with uow:
        s = uow.session
        scope = _unit_scope(unit_id, subunits)
        people_stmt = (
            select(Position.employee_id, func.sum(Position.fte_percent))
            .join(Employee, Employee.id == Position.employee_id)
            .where(_active_position(on), _active_employee(on))
            .group_by(Position.employee_id)
        )
        if scope is not None:
            people_stmt = people_stmt.where(Position.unit_id.in_(scope))
        fte_sub = people_stmt.subquery()
        band = case(
            (fte_sub.c[1] >= 100, "100"),
            (fte_sub.c[1] >= 75, "75-99"),
            (fte_sub.c[1] >= 50, "50-74"),
            else_="<50",
        )
        fte_mix = {b: int(n) for b, n in s.execute(select(band, func.count()).group_by(band))}
        people = sum(fte_mix.values())
        per_comp = s.execute(_scored(on, "competence_id", units=scope, per_unit=False)).all()
        requirements = sum(int(r[1]) for r in per_comp)
        met = sum(int(r[2] or 0) for r in per_comp)
        not_assessed = sum(int(r[3] or 0) for r in per_comp)
        gap_total = sum(float(r[4] or 0) * int(r[1]) for r in per_comp)
        ranked = sorted(per_comp, key=lambda r: -float(r[4] or 0))[:largest]
        refs = _competence_refs(s, [r[0] for r in ranked])
        largest_gaps = tuple(
            CompetenceGapRank(refs[r[0]], int(r[1]), float(r[4] or 0), int(r[2] or 0) / int(r[1]))
            for r in ranked
            if float(r[4] or 0) > 0
        )
        vulnerable = len(vulnerabilities_in(s, unit_id=unit_id, subunits=subunits, at=on))
        alerts = certificate_alerts_in(s, unit_id=unit_id, subunits=subunits, at=on, window_days=window_days)
        overdue = (
            select(func.count())
            .select_from(LearningGoal)
            .join(Employee, Employee.id == LearningGoal.employee_id)
            .where(
                LearningGoal.status.in_(("planlagt", "pagar")),
                LearningGoal.due_on < on,
                _active_employee(on),
            )
        )
        if scope is not None:
            overdue = overdue.where(
                LearningGoal.employee_id.in_(select(Position.employee_id).where(Position.unit_id.in_(scope)))
            )
        return GapSummary(
            on,
            people,
            requirements,
            met,
            not_assessed,
            gap_total / requirements if requirements else 0.0,
            largest_gaps,
            vulnerable,
            sum(1 for a in alerts if a.status == "utloper"),
            sum(1 for a in alerts if a.status == "utlopt"),
            int(s.scalar(overdue) or 0),
            fte_mix,
        )


def trend(
    uow: UnitOfWork, *, dates: Sequence[dt.date], unit_id: int | None = None, subunits: bool = True
) -> list[TrendPoint]:
    """Totals at each date, from the assessment history."""
    points = []
    with uow:
        s = uow.session
        scope = _unit_scope(unit_id, subunits)
        for on in sorted(dates):
            scored = _with_current(on, units=scope, per_unit=False)
            n, met, not_assessed, mean_gap = s.execute(select(*_aggregates(scored))).one()
            points.append(
                TrendPoint(on, int(n or 0), int(met or 0), int(not_assessed or 0), float(mean_gap or 0))
            )
    return points


__all__ = [
    "AreaScore",
    "CertificateAlert",
    "CompetenceGapRank",
    "CompetenceRef",
    "EmployeeProfile",
    "GapSummary",
    "HeatCell",
    "Heatmap",
    "PersonCell",
    "ProfileItem",
    "TrendPoint",
    "UnitRef",
    "Vulnerability",
    "area_coverage",
    "cell_people",
    "certificate_alerts",
    "employee_profile",
    "summary",
    "trend",
    "unit_heatmap",
    "vulnerabilities",
]
