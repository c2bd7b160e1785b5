"""The user actions that load what the planning views show, each in one unit of work (one snapshot):

* :func:`load_planning`: the Planlegging screen for a unit (and the units below it) in a year:
  targets, measures (this year's and last year's, for the evaluation), the budget, 10-FAKTOR and
  heltidskultur, and the lists its dialogs pick from (competences, people, qualifications);
* :func:`load_planning_summary`: the panels of Oversikt and Enheter: the targets' status, the
  heltidskultur figures and the 10-FAKTOR factors beside the unit's competence figures.

:func:`planning_summary` is the session-level query behind the second, for an action that shows it
with more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.clock import today
from competence.employees import EmployeeRow, employee_rows, name_key
from competence.fulltime.service import FulltimeReport, build_fulltime
from competence.planning.budget import BudgetFigures, budget_in
from competence.planning.measures import MeasureView, measures_in
from competence.planning.targets import TargetStatus, targets_in
from competence.qualifications.catalogue import QualificationView, qualification_catalogue
from competence.search import CompetenceOption, competence_option_rows
from competence.tenfactor.minimum import minimum_group
from competence.tenfactor.results import SurveyView, survey_in
from competence.units import UnitView, unit_tree
from competence.uow import UnitOfWork
from db.models import Employee


@dataclass(frozen=True)
class PlanningData:
    units: tuple[UnitView, ...]
    #: None: the whole municipality (nothing to plan for, only to look at)
    unit_id: int | None
    subunits: bool
    year: int
    at: dt.date
    targets: tuple[TargetStatus, ...]
    #: the year's measures and the year before's (their evaluation)
    measures: tuple[MeasureView, ...]
    budget: BudgetFigures
    survey: SurveyView
    fulltime: FulltimeReport
    competences: tuple[CompetenceOption, ...]
    people: tuple[EmployeeRow, ...]
    #: the catalogue a target may name a qualification from
    qualifications: tuple[QualificationView, ...] = ()

    def measures_of(self, year: int) -> tuple[MeasureView, ...]:
        return tuple(m for m in self.measures if m.year == year)

    @property
    def unit(self) -> UnitView | None:
        return next((u for u in self.units if u.id == self.unit_id), None)


@dataclass(frozen=True)
class PlanningSummary:
    at: dt.date
    unit_id: int | None
    targets: tuple[TargetStatus, ...]
    fulltime: FulltimeReport
    survey: SurveyView
    minimum: int

    @property
    def targets_short(self) -> int:
        return sum(1 for t in self.targets if t.short)


def load_planning(
    uow: UnitOfWork, unit_id: int | None, *, subunits: bool = True, year: int | None = None
) -> PlanningData:
    """Everything the Planlegging screen shows; a unit closed since it was chosen falls back to the
    whole municipality."""
    at = today()
    year = year or at.year
    with uow.reading():
        s = uow.session
        units = tuple(unit_tree(s))
        if unit_id is not None and unit_id not in {u.id for u in units}:
            unit_id = None
        in_scope = employee_rows(s, unit_id=unit_id, subunits=True) if unit_id is not None else []
        return PlanningData(
            units,
            unit_id,
            subunits,
            year,
            at,
            tuple(targets_in(s, unit_id=unit_id, subunits=subunits, at=at, with_holders=unit_id is not None)),
            tuple(measures_in(s, unit_id=unit_id, subunits=subunits, years=(year, year - 1))),
            budget_in(s, unit_id=unit_id, subunits=subunits, year=year, at=at),
            survey_in(s, unit_id),
            build_fulltime(s, unit_id=unit_id, subunits=subunits, at=at),
            tuple(competence_option_rows(s)),
            tuple(_with_leaders(s, in_scope, units, unit_id)),
            tuple(qualification_catalogue(s)),
        )


def _with_leaders(
    session: Session, people: list[EmployeeRow], units: tuple[UnitView, ...], unit_id: int | None
) -> list[EmployeeRow]:
    """The people of the unit, and the leaders of the unit and the units above it (who may be
    responsible for a measure without working in the unit)."""
    leaders: set[int] = set()
    by_id = {u.id: u for u in units}
    current = by_id.get(unit_id) if unit_id is not None else None
    while current is not None:
        if current.leader_id is not None:
            leaders.add(current.leader_id)
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    missing = sorted(leaders - {p.id for p in people})
    if not missing:
        return people
    extra = [
        EmployeeRow(
            e.id, e.shown_no, e.first_name, e.last_name, e.email, "", "", "", 0.0, e.left_on, e.version
        )
        for e in session.scalars(select(Employee).where(Employee.id.in_(missing)))
    ]
    return sorted([*people, *extra], key=name_key)


def planning_summary(
    session: Session, unit_id: int | None, *, subunits: bool = True, at: dt.date
) -> PlanningSummary:
    """The targets of the selection, its heltidskultur (no trend) and the unit's 10-FAKTOR."""
    return PlanningSummary(
        at,
        unit_id,
        tuple(
            targets_in(session, unit_id=unit_id, subunits=subunits, at=at, with_holders=unit_id is not None)
        ),
        build_fulltime(session, unit_id=unit_id, subunits=subunits, at=at, with_trend=False),
        survey_in(session, unit_id),
        minimum_group(session),
    )


def load_planning_summary(
    uow: UnitOfWork, unit_id: int | None, *, subunits: bool = True, at: dt.date | None = None
) -> PlanningSummary:
    with uow.reading():
        return planning_summary(uow.session, unit_id, subunits=subunits, at=at or today())
