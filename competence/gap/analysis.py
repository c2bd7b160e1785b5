"""Unit, strategy-area and municipality figures: heatmap, drill-down, vulnerability, summary, trend.

Two aggregates carry everything: unit × competence cells (a person counts in each unit where they
hold a post) and per-competence totals (each person once). Area coverage, vulnerability and the
summary are derived from them. For a whole municipality the two run at the same time on two
database connections (:meth:`competence.uow.UnitOfWork.parallel`), since each is one long query the
database works on alone.

Each function reads inside ``uow.reading()``: alone it is one read-only transaction on one
snapshot, and inside an action it joins the action's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from competence.assessments import counted, counting_sources
from competence.collector import collector_paused
from competence.gap import kept
from competence.gap.certificates import DEFAULT_EXPIRY_WINDOW_DAYS, certificate_alerts
from competence.gap.queries import (
    Selection,
    active_employee,
    active_position,
    aggregates,
    as_percent,
    competence_refs,
    heat_cell,
    holds,
    on_date,
    per_competence,
    scored_pairs,
    selection,
    totals,
    totals_from_cells,
    unit_cells,
    unit_refs,
    unit_scope,
)
from competence.gap.recount import Cells, Totals
from competence.gap.results import (
    PERCENT_UNITS,
    ROBUST_HOLDERS,
    AreaScore,
    CertificateAlert,
    CompetenceGapRank,
    GapReport,
    GapSummary,
    HeatCell,
    Heatmap,
    PersonCell,
    PersonShortfall,
    TrendPoint,
    UnitRef,
    Vulnerability,
)
from competence.lookup import get_or_fail
from competence.uow import UnitOfWork
from db.codes import OPEN_GOAL_STATUSES, CertificateStatus
from db.models import Area, Assessment, Competence, Employee, LearningGoal, OrgUnit, Position, ScaleLevel
from db.planning import UnitTarget


def _check_unit(session: Session, unit_id: int | None) -> None:
    if unit_id is not None:
        get_or_fail(session, OrgUnit, unit_id, "enhet", "Unit")


def _cells_and_totals(
    uow: UnitOfWork, on: dt.date, unit_id: int | None, subunits: bool
) -> tuple[Cells, Totals]:
    """The unit cells, and the per-competence totals derived from them (one aggregate pass over the
    requirement pairs, not two): the cells summed, corrected for the few people with posts in
    several units, who count in each unit's cells but once in the totals (:func:`totals_from_cells`).

    For a whole municipality the cells take most of the time and SQLite runs a query on one core,
    so they are computed in two halves of units of about equal head count, which the unit of work's
    parallel readers run side by side (on the action's snapshot where the database allows, see
    competence/uow.py), beside the two small queries of the correction; today's are kept in the
    register and read from there while they hold (competence/gap/kept.py, decision 0016)."""
    session = uow.session
    sel = selection(session, on, unit_id, subunits)
    spread = replace(sel, spread=True)
    spread_jobs: list[Callable[[Session], Any]] = [
        lambda s: per_competence(s, spread, per_unit=True),
        lambda s: per_competence(s, spread, per_unit=False),
    ]
    if unit_id is not None:
        one_unit = unit_cells(session, sel)
        if not subunits:  # within one unit each person counts once already: nothing to correct
            return one_unit, totals_from_cells(one_unit.values(), {}, {})
        in_units, once = (job(session) for job in spread_jobs)
        return one_unit, totals_from_cells(one_unit.values(), in_units, once)
    if kept.applies(uow, on):
        return kept.cells_and_totals(uow, on, lambda u: _municipality(u, sel, spread_jobs))
    return _municipality(uow, sel, spread_jobs)


def _municipality(
    uow: UnitOfWork, sel: Selection, spread_jobs: list[Callable[[Session], Any]]
) -> tuple[Cells, Totals]:
    """The whole municipality's cells (two halves side by side) and totals, by the plain statements
    (200,000 cells built with the collector paused: see :mod:`competence.collector`)."""
    with collector_paused():
        return _halves_and_totals(uow, sel, spread_jobs)


def _halves_and_totals(
    uow: UnitOfWork, sel: Selection, spread_jobs: list[Callable[[Session], Any]]
) -> tuple[Cells, Totals]:
    unit_halves = _unit_halves(uow.session, sel.at)
    jobs: list[Callable[[Session], Any]] = [
        *(lambda s, part=part: unit_cells(s, replace(sel, unit_ids=part)) for part in unit_halves),
        *spread_jobs,
    ]
    results = uow.parallel(jobs)
    cells: Cells = {}
    for part in results[: len(unit_halves)]:
        cells.update(part)
    in_units, once = results[len(unit_halves) :]
    return cells, totals_from_cells(cells.values(), in_units, once)


def _unit_halves(session: Session, on: dt.date) -> list[tuple[int, ...]]:
    """Units split in two groups of about equal head count."""
    heads = session.execute(
        select(Position.unit_id, func.count())
        .where(active_position(on), Position.role_id.is_not(None))
        .group_by(Position.unit_id)
        .order_by(Position.unit_id)
    ).all()
    total = sum(n for _, n in heads)
    first: list[int] = []
    running = 0
    for unit, n in heads:
        if running < total / 2:
            first.append(unit)
            running += n
    chosen = set(first)
    second = [unit for unit, _ in heads if unit not in chosen]
    return [tuple(part) for part in (first, second) if part]


# ------------------------------------------------------------------------------------------------
# Heatmap and drill-down
# ------------------------------------------------------------------------------------------------


def unit_heatmap(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> Heatmap:
    """Unit × competence for ``unit_id`` (and its sub-units), or for the whole municipality."""
    on = on_date(at)
    with uow.reading():
        _check_unit(uow.session, unit_id)
        cells, per_comp = _cells_and_totals(uow, on, unit_id, subunits)
        return _heatmap(uow.session, on, unit_id, subunits, cells, per_comp)


def _heatmap(
    session: Session, on: dt.date, unit_id: int | None, subunits: bool, cells: Cells, per_comp: Totals
) -> Heatmap:
    refs = competence_refs(session, list(per_comp))
    return Heatmap(on, unit_refs(session, unit_id, subunits), tuple(refs.values()), cells, per_comp)


def cell_people(
    uow: UnitOfWork, unit_id: int, competence_id: int, *, at: dt.date | None = None
) -> list[PersonCell]:
    """The people behind one heatmap cell, largest gap first."""
    on = on_date(at)
    with uow.reading():
        s = uow.session
        comp = get_or_fail(s, Competence, competence_id, "kompetanse", "Competence")
        sel = selection(s, on, unit_id, subunits=False, competence_ids=(competence_id,))
        scored = scored_pairs(sel)
        rows = s.execute(
            select(scored.c.employee_id, scored.c.req, scored.c.cur, scored.c.missing), sel.params()
        ).all()
        if not rows:
            return []
        emp_ids = [r[0] for r in rows]
        people = {e.id: e for e in s.scalars(select(Employee).where(Employee.id.in_(emp_ids)))}
        levels = _current_levels_many(s, emp_ids, comp, on)
        result = []
        for emp_id, req, cur, missing in rows:
            emp = people[emp_id]
            level = levels.get(emp_id)
            result.append(
                PersonCell(
                    emp_id,
                    emp.shown_no,
                    emp.full_name,
                    req / PERCENT_UNITS,
                    as_percent(cur),
                    level[0] if level else None,
                    level[1] if level else None,
                    level[2] if level else None,
                    bool(missing),
                )
            )
        return sorted(result, key=lambda p: (not p.missing, -p.gap, p.status != "not_assessed", p.name))


def shortfalls(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[PersonShortfall]:
    """Every requirement not met by someone in the selection (each person and competence once),
    with the gap as the heatmap and the profile count it. One query; unordered."""
    on = on_date(at)
    with uow.reading():
        _check_unit(uow.session, unit_id)
        sel = selection(uow.session, on, unit_id, subunits)
        scored = scored_pairs(sel, per_unit=False)
        stmt = select(scored.c.employee_id, scored.c.competence_id, scored.c.req, scored.c.cur).where(
            ~holds(scored)
        )
        rows = uow.session.execute(stmt, sel.params())
        return [
            PersonShortfall(emp_id, comp_id, req / PERCENT_UNITS, as_percent(cur))
            for emp_id, comp_id, req, cur in rows
        ]


def _current_levels_many(
    session: Session, employee_ids: list[int], comp: Competence, at: dt.date
) -> dict[int, tuple[int, str, dt.date]]:
    """Level ordinal, name and date of the assessment in force on ``at``, for many people."""
    if comp.kind == "certificate":
        return {}
    rows = session.execute(
        select(Assessment.employee_id, ScaleLevel.ordinal, ScaleLevel.name, Assessment.assessed_on)
        .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
        .where(
            Assessment.employee_id.in_(employee_ids),
            Assessment.competence_id == comp.id,
            Assessment.assessed_on <= at,
            *counted(Assessment, counting_sources(session)),
        )
        .order_by(Assessment.employee_id, Assessment.assessed_on, Assessment.id)
    )
    return {emp_id: (ordinal, name, on) for emp_id, ordinal, name, on in rows}  # the newest wins


# ------------------------------------------------------------------------------------------------
# Strategy areas and vulnerability, derived from the aggregates
# ------------------------------------------------------------------------------------------------


def area_coverage(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[AreaScore]:
    """The strategy view: figures per strategy area, each person and competence counted once."""
    with uow.reading():
        session = uow.session
        return _area_scores(session, totals(session, selection(session, on_date(at), unit_id, subunits)))


def _area_scores(session: Session, per_comp: Totals) -> list[AreaScore]:
    """Per-competence totals pooled per strategy area."""
    refs = competence_refs(session, list(per_comp))
    groups: dict[int, list[HeatCell]] = {}
    for comp_id, cell in per_comp.items():
        groups.setdefault(refs[comp_id].area_id, []).append(cell)
    order = {area_id: pos for area_id, pos in session.execute(select(Area.id, Area.sort_order))}
    scores = []
    for area_id, cells in groups.items():
        ref = refs[cells[0].competence_id]
        n = sum(c.people for c in cells)
        scores.append(
            AreaScore(
                area_id,
                ref.area_code,
                ref.area_name,
                ref.framework_name,
                sum(c.required_units for c in cells) / (n * PERCENT_UNITS),
                sum(c.current_units for c in cells) / (n * PERCENT_UNITS),
                n,
                sum(c.met for c in cells),
                sum(c.not_assessed for c in cells),
                sum(c.gap_units for c in cells) / (n * PERCENT_UNITS),
                ref.area_name_en,
                ref.framework_name_en,
            )
        )
    return sorted(scores, key=lambda a: (a.framework_name, order.get(a.area_id, 0), a.area_name))


def vulnerabilities(
    uow: UnitOfWork, *, unit_id: int | None = None, subunits: bool = True, at: dt.date | None = None
) -> list[Vulnerability]:
    """Competences a unit holds too thinly: short of its target, or (without a target) critical,
    required of more than one person and held by at most one."""
    on = on_date(at)
    with uow.reading():
        session = uow.session
        critical = tuple(session.scalars(select(Competence.id).where(Competence.critical)))
        cells = (
            unit_cells(session, selection(session, on, unit_id, subunits, competence_ids=critical))
            if critical
            else {}
        )
        return _vulnerable(session, on, cells, unit_id, subunits)


def _vulnerable(
    session: Session,
    on: dt.date,
    cells: Cells,
    unit_id: int | None,
    subunits: bool,
    competence_ids: Collection[int] | None = None,
) -> list[Vulnerability]:
    """The selection's targets that are short, and the cells of critical competences no target
    covers, required of more than one person and held by at most one, with who holds them; of
    ``competence_ids`` only, when given (a report patched after levels changed)."""
    # imported here: the planning package reads the gap analysis's queries (competence/gap/queries.py)
    from competence.planning.holders import holder_names
    from competence.planning.targets import targets_in

    units = {u.id: u for u in unit_refs(session, None, True)}
    targets = targets_in(session, unit_id=unit_id, subunits=subunits, at=on, competence_ids=competence_ids)
    short = [t for t in targets if t.short and t.unit_id in units]
    # the names of those who hold a short target only: a few, where all targets' holders are many
    holding = holder_names(session, [t.id for t in short], on)
    found = [
        Vulnerability(
            units[t.unit_id],
            t.competence,
            0,
            holding.get(t.id, ()),
            t.people_needed,
            t.level,
            t.qualification,
        )
        for t in short
    ]
    covered = _covered_by_targets(session, units)
    refs = competence_refs(session, sorted({c for _, c in cells}))
    weak = [
        cell
        for cell in cells.values()
        if (competence_ids is None or cell.competence_id in competence_ids)
        and refs[cell.competence_id].critical
        and cell.people > 1
        and cell.met < ROBUST_HOLDERS
        and (cell.unit_id, cell.competence_id) not in covered
    ]
    holders = _holders(session, on, weak)
    for cell in weak:
        if cell.unit_id in units:
            names = tuple(sorted(holders.get((cell.unit_id, cell.competence_id), [])))
            found.append(Vulnerability(units[cell.unit_id], refs[cell.competence_id], cell.people, names))
    return sorted(found, key=vulnerability_order)


def vulnerability_order(v: Vulnerability) -> tuple[int, str, str, int, int, int, tuple[str, ...]]:
    """The most short first, then by unit number and competence (or qualification); then by the
    target's level, need and the holders, so that two targets of one unit and competence keep one
    order whatever order the database returned them in (a patched report equals one computed
    afresh)."""
    return (
        -v.short,
        v.unit.number,
        v.display_label("nb"),
        v.target_level or 0,
        v.needed,
        v.people_required,
        v.holders,
    )


def _covered_by_targets(session: Session, units: Mapping[int, UnitRef]) -> set[tuple[int, int]]:
    """(unit, competence) pairs a target speaks for: a target of the unit or of a unit above it
    (a target counts the people of its unit and the units below)."""
    targeted: dict[int, set[int]] = {}
    competence_targets = select(UnitTarget.unit_id, UnitTarget.competence_id).where(
        UnitTarget.competence_id.is_not(None)
    )
    for target_unit, competence_id in session.execute(competence_targets):
        if competence_id is not None:
            targeted.setdefault(competence_id, set()).add(target_unit)
    if not targeted:
        return set()
    covered = set()
    for uid in units:
        line: set[int] = set()
        at: int | None = uid
        while at is not None and at not in line:
            line.add(at)
            at = units[at].parent_id if at in units else None
        for competence_id, target_units in targeted.items():
            if line & target_units:
                covered.add((uid, competence_id))
    return covered


def _holders(session: Session, on: dt.date, cells: Sequence[HeatCell]) -> dict[tuple[int, int], list[str]]:
    """Names of the (at most one) person holding each vulnerable competence: a small query."""
    single = [c for c in cells if c.met == 1 and c.unit_id is not None]
    if not single:
        return {}
    unit_ids = sorted({c.unit_id for c in single if c.unit_id is not None})
    comp_ids = sorted({c.competence_id for c in single})
    sel = selection(session, on, unit_ids=tuple(unit_ids), competence_ids=tuple(comp_ids))
    scored = scored_pairs(sel)
    wanted = {(c.unit_id, c.competence_id) for c in single}
    found: dict[tuple[int, int], list[str]] = {}
    rows = session.execute(
        select(scored.c.unit_id, scored.c.competence_id, Employee.first_name, Employee.last_name)
        .join(Employee, Employee.id == scored.c.employee_id)
        .where(holds(scored)),
        sel.params(),
    )
    for u, c, first, last in rows:
        if (u, c) in wanted:
            found.setdefault((u, c), []).append(f"{first} {last}".strip())
    return found


# ------------------------------------------------------------------------------------------------
# Summary, report, trend
# ------------------------------------------------------------------------------------------------


def gap_report(
    uow: UnitOfWork,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    window_days: int = DEFAULT_EXPIRY_WINDOW_DAYS,
    largest: int = 5,
) -> GapReport:
    """Heatmap, strategy areas, vulnerabilities, certificate alerts and key figures in one go."""
    on = on_date(at)
    with uow.reading():
        s = uow.session
        _check_unit(s, unit_id)
        cells, per_comp = _cells_and_totals(uow, on, unit_id, subunits)
        heatmap = _heatmap(s, on, unit_id, subunits, cells, per_comp)
        areas = _area_scores(s, per_comp)
        vulns = _vulnerable(s, on, cells, unit_id, subunits)
        alerts = certificate_alerts(uow, unit_id=unit_id, subunits=subunits, at=on, window_days=window_days)
        figures = _summary(s, on, unit_id, subunits, per_comp, len(vulns), alerts, largest)
        return GapReport(heatmap, tuple(areas), tuple(vulns), tuple(alerts), figures)


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
    report = gap_report(
        uow, unit_id=unit_id, subunits=subunits, at=at, window_days=window_days, largest=largest
    )
    return report.summary


def _summary(
    session: Session,
    on: dt.date,
    unit_id: int | None,
    subunits: bool,
    per_comp: Totals,
    vulnerable: int,
    alerts: Sequence[CertificateAlert],
    largest: int,
) -> GapSummary:
    scope = unit_scope(unit_id, subunits)
    fte_mix = _fte_mix(session, on, scope)
    requirements = sum(c.people for c in per_comp.values())
    return GapSummary(
        on,
        sum(fte_mix.values()),
        requirements,
        sum(c.met for c in per_comp.values()),
        sum(c.not_assessed for c in per_comp.values()),
        sum(c.gap_units for c in per_comp.values()) / (requirements * PERCENT_UNITS) if requirements else 0.0,
        _largest_gaps(session, per_comp, largest),
        vulnerable,
        sum(1 for a in alerts if a.status == CertificateStatus.EXPIRING),
        sum(1 for a in alerts if a.status == CertificateStatus.EXPIRED),
        _overdue_goals(session, on, scope),
        fte_mix,
        largest,
    )


def _largest_gaps(session: Session, per_comp: Totals, largest: int) -> tuple[CompetenceGapRank, ...]:
    """The ``largest`` competences by mean gap (those with any)."""
    ranked = sorted(per_comp.values(), key=lambda c: (-c.mean_gap, c.competence_id))[:largest]
    refs = competence_refs(session, [c.competence_id for c in ranked])
    return tuple(
        CompetenceGapRank(refs[c.competence_id], c.people, c.mean_gap, c.share_met)
        for c in ranked
        if c.mean_gap > 0
    )


def _fte_mix(session: Session, on: dt.date, scope: Any) -> dict[str, int]:
    """People by their total FTE across posts (heltidskultur): 100, 75-99, 50-74, under 50."""
    per_person = (
        select(Position.employee_id, func.sum(Position.fte_percent).label("fte"))
        .join(Employee, Employee.id == Position.employee_id)
        .where(active_position(on), active_employee(on))
        .group_by(Position.employee_id)
    )
    if scope is not None:
        per_person = per_person.where(Position.unit_id.in_(scope))
    fte = per_person.subquery().c.fte
    band = case((fte >= 100, "100"), (fte >= 75, "75-99"), (fte >= 50, "50-74"), else_="<50")
    return {b: int(n) for b, n in session.execute(select(band, func.count()).group_by(band))}


def _overdue_goals(session: Session, on: dt.date, scope: Any) -> int:
    stmt = (
        select(func.count())
        .select_from(LearningGoal)
        .join(Employee, Employee.id == LearningGoal.employee_id)
        .where(LearningGoal.status.in_(OPEN_GOAL_STATUSES), LearningGoal.due_on < on, active_employee(on))
    )
    if scope is not None:
        stmt = stmt.where(
            LearningGoal.employee_id.in_(select(Position.employee_id).where(Position.unit_id.in_(scope)))
        )
    return int(session.scalar(stmt) or 0)


def trend(
    uow: UnitOfWork, *, dates: Sequence[dt.date], unit_id: int | None = None, subunits: bool = True
) -> list[TrendPoint]:
    """Totals at each date, from the assessment history."""
    points = []
    with uow.reading():
        for on in sorted(dates):
            sel = selection(uow.session, on, unit_id, subunits)
            scored = scored_pairs(sel, per_unit=False)
            cell = heat_cell(None, 0, uow.session.execute(select(*aggregates(scored)), sel.params()).one())
            points.append(TrendPoint(on, cell.people, cell.met, cell.not_assessed, cell.mean_gap))
    return points
