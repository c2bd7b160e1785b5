"""Cells and totals brought up to date after the levels or certificates of some pairs changed.

When one person's level of one competence changes, only the cells of that competence in the units
where the person holds a post can change, and the competence's total. The cells of those units and
competences are computed afresh by the same statement as a report's; a competence's total moves by
what its cells moved when each changed person holds posts in one unit only, and is otherwise
computed afresh by its definition (each person once). Every figure is an integer sum, so the two
agree to the last unit.

Used by a screen's report after a leader's change (:mod:`competence.gap.patch`) and by the kept
figures of the whole municipality, for the pairs written since they were stored
(:mod:`competence.gap.kept`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select

from competence.gap.queries import (
    active_employee,
    active_position,
    per_competence,
    selection,
    unit_cells,
    unit_scope,
)
from competence.gap.results import HeatCell
from competence.uow import UnitOfWork
from db.models import Employee, Position

Cells = dict[tuple[int, int], HeatCell]
Totals = dict[int, HeatCell]


@dataclass(frozen=True)
class Recounted:
    """The cells and totals after the change, and what was computed afresh."""

    cells: Cells
    totals: Totals
    #: the units whose cells of :attr:`competences` were computed afresh
    units: tuple[int, ...]
    #: the competences whose cells (in :attr:`units`) and totals were computed afresh
    competences: tuple[int, ...]


def recount(
    uow: UnitOfWork,
    on: dt.date,
    cells: Mapping[tuple[int, int], HeatCell],
    totals: Mapping[int, HeatCell],
    pairs: Collection[tuple[int, int]],
    *,
    unit_id: int | None = None,
    subunits: bool = True,
) -> Recounted:
    """``cells`` and ``totals`` (of ``unit_id``, with its sub-units unless told otherwise, on
    ``on``) after the assessments or certificates of ``pairs`` (employee, competence) changed, and
    nothing else they count. Reads inside the caller's ``uow.reading()``."""
    s = uow.session
    comps = tuple(sorted({c for _, c in pairs}))
    posts = _units_of(uow, {e for e, _ in pairs}, on, unit_id, subunits)
    units = tuple(sorted(set().union(*posts.values())))
    sel = selection(s, on, unit_id, subunits, competence_ids=comps)
    fresh = unit_cells(s, replace(sel, unit_ids=units)) if units else {}
    after: Cells = dict(cells)
    for key in [(u, c) for u in units for c in comps]:
        after.pop(key, None)
    after.update(fresh)
    wanted = set(comps)
    per_comp = {c: cell for c, cell in totals.items() if c not in wanted}
    if all(len(held) == 1 for held in posts.values()):
        # each changed person counts in one unit, so a total moves exactly as their cells do
        for c in comps:
            total = totals.get(c)
            if total is None:  # no one's role requires it: no cell and no total to move
                continue
            for u in units:
                if (u, c) in fresh:
                    total = total.plus(fresh[u, c])
                if (u, c) in cells:
                    total = total.plus(cells[u, c], -1)
            per_comp[c] = total
    else:
        # someone counts in several units: the changed competences' totals by their definition,
        # each person once (one statement over the people who carry them)
        per_comp.update(per_competence(s, sel, per_unit=False))
    return Recounted(after, per_comp, units, comps)


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
