"""Learning goals of the people in an export's scope (gap report, unit plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.export.scope import Person
from competence.language import pick_name
from db.codes import OPEN_GOAL_STATUSES, ActivityType, GoalStatus
from db.models import Appraisal, Area, Competence, LearningGoal, ScaleLevel

OPEN_STATUSES = OPEN_GOAL_STATUSES


@dataclass(frozen=True)
class GoalRow:
    employee_no: str
    name: str
    units: str
    description: str
    activity: str
    competence: str | None
    area: str | None
    target_level: str | None
    start_on: dt.date | None
    due_on: dt.date | None
    status: str
    status_code: str
    hours: float | None
    cost_nok: int | None
    overdue: bool
    #: the talk at which the goal was agreed (None: not linked to a talk)
    agreed_on: dt.date | None = None


def goals_of_people(
    session: Session,
    people: Sequence[Person],
    at: dt.date,
    *,
    statuses: Sequence[str] | None = None,
    lang: str = "nb",
) -> list[GoalRow]:
    """The learning goals of ``people`` (by due date), optionally only those with ``statuses``;
    activity, status and names in ``lang``."""
    by_id = {p.id: p for p in people}
    result: list[GoalRow] = []
    ids = list(by_id)
    for start in range(0, len(ids), 1000):
        stmt = (
            select(
                LearningGoal,
                Competence.name,
                Area.name,
                ScaleLevel.ordinal,
                ScaleLevel.name,
                Competence.name_en,
                Area.name_en,
                ScaleLevel.name_en,
                Appraisal.held_on,
            )
            .outerjoin(Competence, Competence.id == LearningGoal.competence_id)
            .outerjoin(Appraisal, Appraisal.id == LearningGoal.appraisal_id)
            .outerjoin(Area, Area.id == LearningGoal.area_id)
            .outerjoin(ScaleLevel, ScaleLevel.id == LearningGoal.target_level_id)
            .where(LearningGoal.employee_id.in_(ids[start : start + 1000]))
        )
        if statuses is not None:
            stmt = stmt.where(LearningGoal.status.in_(statuses))
        for (
            goal,
            comp_name,
            area_name,
            level_no,
            level_name,
            comp_en,
            area_en,
            level_en,
            agreed,
        ) in session.execute(stmt):
            person = by_id[goal.employee_id]
            level = f"{level_no} {pick_name(lang, level_name, level_en)}" if level_name else None
            result.append(
                GoalRow(
                    person.employee_no,
                    person.full_name,
                    person.units,
                    goal.description,
                    ActivityType.label_of(goal.activity_type, lang),
                    pick_name(lang, comp_name, comp_en) if comp_name else None,
                    pick_name(lang, area_name, area_en) if area_name else None,
                    level,
                    goal.start_on,
                    goal.due_on,
                    GoalStatus.label_of(goal.status, lang),
                    goal.status,
                    goal.hours,
                    goal.cost_nok,
                    goal.due_on is not None and goal.status in OPEN_STATUSES and goal.due_on < at,
                    agreed,
                )
            )
    result.sort(key=lambda g: (g.due_on is None, g.due_on or at, g.name.casefold()))
    return result
