"""Loading Oversikt and Enheter: the gap analysis of a unit (or the whole municipality) with the
units to choose from, its trend, and the people behind one heatmap cell.

The two screens share :func:`unit_figures`, so that they count the same people the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from competence.compliance.report import DispensationInUse, dispensations_in_use
from competence.gap import GapReport, PersonCell, TrendPoint, cell_people, gap_report, trend
from competence.progress import CancelToken
from competence.scales import LevelView
from competence.search import competence_levels
from competence.settings import get_settings
from competence.units import UnitView, list_units
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class UnitFigures:
    report: GapReport
    #: the open units, to choose from
    units: tuple[UnitView, ...]
    #: the unit shown (None: the whole municipality)
    unit_id: int | None
    subunits: bool
    #: certificates expiring within this many days are counted (a register setting)
    window_days: int
    #: the posts that rest on a dispensation (docs/compliance.md)
    dispensations: tuple[DispensationInUse, ...] = ()


def unit_figures(
    uow: UnitOfWork,
    unit_id: int | None,
    *,
    subunits: bool = True,
    at: dt.date | None = None,
    largest: int = 5,
) -> UnitFigures:
    """The gap report of ``unit_id`` (with sub-units unless told otherwise) or of the whole
    municipality, at ``at`` (default today). A unit closed since it was chosen falls back to the
    whole municipality."""
    with uow.reading():
        units = tuple(list_units(uow))
        if unit_id is not None and unit_id not in {u.id for u in units}:
            unit_id = None
        window = get_settings(uow).expiry_window_days
        report = gap_report(
            uow, unit_id=unit_id, subunits=subunits, at=at, window_days=window, largest=largest
        )
        dispensations = dispensations_in_use(uow, unit_id=unit_id, subunits=subunits, at=at)
        return UnitFigures(report, units, unit_id, subunits, window, dispensations)


def unit_trend(
    uow: UnitOfWork, unit_id: int | None, subunits: bool, dates: Sequence[dt.date], cancel: CancelToken
) -> list[TrendPoint]:
    """The figures at each date, one date at a time (so a cancel is heard between them), all from
    one snapshot."""
    points: list[TrendPoint] = []
    with uow.reading():
        for on in sorted(dates):
            cancel.raise_if_cancelled()
            points.extend(trend(uow, dates=[on], unit_id=unit_id, subunits=subunits))
    return points


@dataclass(frozen=True)
class CellPeople:
    unit_id: int
    competence_id: int
    at: dt.date
    people: tuple[PersonCell, ...]
    #: the levels of the competence's scale, to name a requirement given in percent
    levels: tuple[LevelView, ...]
    certificate: bool


def people_behind_cell(
    uow: UnitOfWork, unit_id: int, competence_id: int, at: dt.date, *, certificate: bool
) -> CellPeople:
    """The people behind one heatmap cell and the levels of the competence's scale."""
    with uow.reading():
        people = tuple(cell_people(uow, unit_id, competence_id, at=at))
        levels = tuple(competence_levels(uow, competence_id))
        return CellPeople(unit_id, competence_id, at, people, levels, certificate)
