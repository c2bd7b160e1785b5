"""The planning part of the unit's competence plan (PDF and Excel, docs/planning.md, "The unit's
competence plan"): the targets with their status, this year's measures under the budget, last year's
measures with their evaluation against last year's budget, and the unit's 10-FAKTOR results.

A session-level query: the export reads it inside its own unit of work, beside the gap analysis,
so that every figure of the plan comes from one snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from competence.planning.budget import BudgetFigures, budget_in
from competence.planning.measures import MeasureView, measures_in
from competence.planning.targets import TargetStatus, targets_in
from competence.tenfactor.results import SurveyView, survey_in


@dataclass(frozen=True)
class PlanPart:
    at: dt.date
    year: int
    targets: tuple[TargetStatus, ...]
    measures: tuple[MeasureView, ...]
    budget: BudgetFigures
    #: last year's measures, to evaluate, and last year's budget
    last_measures: tuple[MeasureView, ...]
    last_budget: BudgetFigures
    survey: SurveyView

    @property
    def targets_met(self) -> int:
        return sum(1 for t in self.targets if not t.short)


def plan_part(session: Session, unit_id: int, *, subunits: bool, at: dt.date) -> PlanPart:
    """The plan of the unit (and the units below it) for the year of ``at``."""
    year = at.year
    measures = measures_in(session, unit_id=unit_id, subunits=subunits, years=(year, year - 1))
    return PlanPart(
        at,
        year,
        tuple(targets_in(session, unit_id=unit_id, subunits=subunits, at=at)),
        tuple(m for m in measures if m.year == year),
        budget_in(session, unit_id=unit_id, subunits=subunits, year=year, at=at),
        tuple(m for m in measures if m.year == year - 1),
        budget_in(session, unit_id=unit_id, subunits=subunits, year=year - 1, at=at),
        survey_in(session, unit_id),
    )
