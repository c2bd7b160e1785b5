"""A gap report brought up to date after some levels changed, without recomputing the municipality.

When a leader changes one person's level of one competence, only the cells of that competence in
the units where the person holds a post can change, and the competence's total; what is derived
from them (strategy areas, key figures, vulnerabilities) is derived again. The change notification
names the (employee, competence) pairs (:attr:`competence.changes.Changes.assessed`); the screens
that show a report (Oversikt, Enheter) hand it here instead of loading the whole report again.

Exact: the cells of those units and competences are computed afresh by the same statement as the
report's; a competence's total moves by what its cells moved when each changed person holds posts
in one unit only, and is otherwise computed afresh by its definition (each person once). Every
figure is an integer sum, so the two agree to the last unit. A test checks a
patched report against one computed afresh after random changes (tests/test_gap_exact.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

from sqlalchemy import select

from competence.gap.analysis import (
    Cells,
    _area_scores,
    _largest_gaps,
    _vulnerable,
    vulnerability_order,
)
from competence.gap.queries import (
    active_employee,
    active_position,
    per_competence,
    selection,
    unit_cells,
    unit_scope,
)
from competence.gap.results import PERCENT_UNITS, GapReport, Heatmap
from competence.uow import UnitOfWork
from db.models import Employee, Position

#: More pairs than this (a bulk edit): computing the report afresh is as quick.
MOST_PAIRS = 200


def can_patch(pairs: Collection[tuple[int, int]]) -> bool:
    """Whether patching is worth it for this many changed pairs."""
    return 0 < len(pairs) <= MOST_PAIRS


def patch_report(
    uow: UnitOfWork,
    report: GapReport,
    pairs: Collection[tuple[int, int]],
    *,
    unit_id: int | None = None,
    subunits: bool = True,
) -> GapReport:
    """``report`` (of ``unit_id``, with its sub-units unless told otherwise, on its date) after the
    levels of ``pairs`` (employee, competence) changed, and nothing else the report reads."""
    on = report.heatmap.at
    with uow.reading():
        s = uow.session
        comps = tuple(sorted({c for _, c in pairs}))
        posts = _units_of(uow, {e for e, _ in pairs}, on, unit_id, subunits)
        units = tuple(sorted(set().union(*posts.values())))
        sel = selection(s, on, unit_id, subunits, competence_ids=comps)
        fresh = unit_cells(s, replace(sel, unit_ids=units)) if units else {}
        wanted = set(comps)
        old_cells = report.heatmap.cells
        cells: Cells = dict(old_cells)
        for key in [(u, c) for u in units for c in comps]:
            cells.pop(key, None)
        cells.update(fresh)
        per_comp = {c: cell for c, cell in report.heatmap.totals.items() if c not in wanted}
        if all(len(held) == 1 for held in posts.values()):
            # each changed person counts in one unit, so a total moves exactly as their cells do
            for c in comps:
                total = report.heatmap.totals.get(c)
                if total is None:  # no one's role requires it: no cell and no total to move
                    continue
                for u in units:
                    if (u, c) in fresh:
                        total = total.plus(fresh[u, c])
                    if (u, c) in old_cells:
                        total = total.plus(old_cells[u, c], -1)
                per_comp[c] = total
        else:
            # someone counts in several units: the changed competences' totals by their definition,
            # each person once (one statement over the people who carry them)
            per_comp.update(per_competence(s, sel, per_unit=False))
        # levels change no unit and no competence the report lists
        heatmap = Heatmap(on, report.heatmap.units, report.heatmap.competences, cells, per_comp)
        areas = _area_scores(s, per_comp)
        # a level of a competence changes only that competence's vulnerabilities (a target that
        # names a qualification is not touched by a level)
        vulns = sorted(
            [v for v in report.vulnerabilities if v.competence is None or v.competence.id not in wanted]
            + _vulnerable(s, on, cells, unit_id, subunits, wanted),
            key=vulnerability_order,
        )
        requirements = sum(c.people for c in per_comp.values())
        gaps = sum(c.gap_units for c in per_comp.values())
        summary = replace(
            report.summary,
            requirements=requirements,
            met=sum(c.met for c in per_comp.values()),
            not_assessed=sum(c.not_assessed for c in per_comp.values()),
            mean_gap=gaps / (requirements * PERCENT_UNITS) if requirements else 0.0,
            largest_gaps=_largest_gaps(s, per_comp, report.summary.largest),
            vulnerable=len(vulns),
        )
        return GapReport(heatmap, tuple(areas), tuple(vulns), report.certificates, summary)


def _units_of(
    uow: UnitOfWork, people: set[int], on: dt.date, unit_id: int | None, subunits: bool
) -> dict[int, set[int]]:
    """Per person, the units in the selection where they hold an active post that carries a role
    (people without one are left out: their levels count nowhere)."""
    stmt = (
        select(Position.employee_id, Position.unit_id)
        .join(Employee, Employee.id == Position.employee_id)
        .where(
            Position.employee_id.in_(sorted(people)),
            active_position(on),
            active_employee(on),
            Position.role_id.is_not(None),
        )
        .distinct()
    )
    scope = unit_scope(unit_id, subunits)
    if scope is not None:
        stmt = stmt.where(Position.unit_id.in_(scope))
    found: dict[int, set[int]] = {}
    for person, unit in uow.session.execute(stmt):
        found.setdefault(person, set()).add(unit)
    return found
