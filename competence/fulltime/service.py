"""``fulltime_report``: the heltidskultur of a unit (with its sub-units) or the whole municipality,
as one user action (one unit of work, so every figure comes from one snapshot)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from competence.clock import today
from competence.fulltime.figures import (
    Figures,
    PersonFte,
    UnitFigures,
    mean_post_size,
    people_of_note,
    selection_figures,
    unit_figures,
)
from competence.gap.queries import unit_refs, unit_scope
from competence.lookup import get_or_fail
from competence.periods import quarter_ends
from competence.uow import UnitOfWork
from db.models import OrgUnit


@dataclass(frozen=True)
class FulltimePoint:
    """The figures at one date of the trend (from position history; no desired FTE)."""

    at: dt.date
    people: int
    share_full_time: float
    mean_fte: float
    share_temporary: float


@dataclass(frozen=True)
class FulltimeReport:
    at: dt.date
    unit_id: int | None
    #: "2001 Hjemmetjenesten Lia", or None for the whole municipality
    unit_label: str | None
    subunits: bool
    figures: Figures
    mean_post: float
    units: tuple[UnitFigures, ...]
    over_full_time: tuple[PersonFte, ...]
    involuntary: tuple[PersonFte, ...]
    trend: tuple[FulltimePoint, ...]


def fulltime_report(
    uow: UnitOfWork,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    with_trend: bool = True,
) -> FulltimeReport:
    """The heltidskultur figures, per unit, the people of note and the two-year trend."""
    with uow.reading():
        return build_fulltime(uow.session, unit_id=unit_id, subunits=subunits, at=at, with_trend=with_trend)


def build_fulltime(
    session: Session,
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    with_trend: bool = True,
) -> FulltimeReport:
    """:func:`fulltime_report` as a session-level query, for actions that show it with more."""
    on = at or today()
    label = None
    if unit_id is not None:
        unit = get_or_fail(session, OrgUnit, unit_id, "enhet", "Unit")
        label = f"{unit.number} {unit.name}"
    scope = unit_scope(unit_id, subunits)
    per_unit = unit_figures(session, on, scope)
    units = tuple(
        UnitFigures(ref.id, ref.number, ref.name, ref.depth, per_unit[ref.id])
        for ref in unit_refs(session, unit_id, subunits)
        if ref.id in per_unit
    )
    above, wanting = people_of_note(session, on, scope)
    points: list[FulltimePoint] = []
    if with_trend:
        for day in [*quarter_ends(on), on]:
            f = selection_figures(session, day, unit_scope(unit_id, subunits))
            points.append(FulltimePoint(day, f.people, f.share_full_time, f.mean_fte, f.share_temporary))
    return FulltimeReport(
        on,
        unit_id,
        label,
        subunits,
        selection_figures(session, on, scope),
        mean_post_size(session, on, scope),
        units,
        above,
        wanting,
        tuple(points),
    )
