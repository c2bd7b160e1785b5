"""The competence budget of a unit (and the units below it) in a year: planned against used.

docs/planning.md, "Budget":

* **budget**: the amounts set for the year, summed over the units of the selection;
* **planned**: the cost of the year's measures paid from the unit's own budget (no funding given
  counts as the unit's), not cancelled, plus the cost of the learning goals of the unit's people
  due that year (a goal without a deadline counts in the year it starts), not cancelled;
* **used**: what the measures have cost so far (their "brukt"), plus the cost of the learning
  goals completed;
* measures paid by others (central funds, a state grant, other funding) are shown beside, not
  counted against the budget.

A person's learning goal is the unit's where the person's main post is (the post marked as main,
else the largest, else the oldest), so a person with posts in two units is paid for once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ConcurrentEditError, ValidationError
from competence.fulltime.figures import active_person, active_post
from competence.gap.queries import unit_scope
from competence.lookup import get_or_fail
from competence.planning.measures import MAX_NOK, check_year
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.codes import Funding, GoalStatus, MeasureStatus
from db.models import Employee, LearningGoal, OrgUnit, Position
from db.planning import UnitBudget, UnitMeasure

#: Learning goal statuses that no longer cost anything, and the one that has used its cost.
CANCELLED_GOAL = GoalStatus.CANCELLED
COMPLETED_GOAL = GoalStatus.COMPLETED


@dataclass(frozen=True)
class BudgetFigures:
    year: int
    #: None when no budget is set for any unit of the selection
    budget: int | None
    planned_measures: int
    planned_goals: int
    spent_measures: int
    spent_goals: int
    #: the cost of measures paid by others (not counted against the budget)
    external: int
    #: the unit's own budget row, when the selection is one unit (for editing it)
    budget_id: int | None = None
    budget_version: int | None = None
    note: str | None = None

    @property
    def planned(self) -> int:
        return self.planned_measures + self.planned_goals

    @property
    def spent(self) -> int:
        return self.spent_measures + self.spent_goals

    @property
    def remaining(self) -> int | None:
        """Budget minus planned; negative when more is planned than the budget allows."""
        return None if self.budget is None else self.budget - self.planned

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.planned > self.budget


def home_units(session: Session, employee_ids: Sequence[int], at: dt.date) -> dict[int, int]:
    """Each person's main unit: the post marked as main, else the largest, else the oldest."""
    if not employee_ids:
        return {}
    rows = session.execute(
        select(
            Position.employee_id, Position.unit_id, Position.main_position, Position.fte_percent, Position.id
        )
        .join(Employee, Employee.id == Position.employee_id)
        .where(Position.employee_id.in_(employee_ids), active_post(at), active_person(at))
    ).all()
    best: dict[int, tuple[tuple[bool, float, int], int]] = {}
    for emp_id, unit_id, main, fte, pos_id in rows:
        rank = (bool(main), float(fte), -pos_id)
        if emp_id not in best or rank > best[emp_id][0]:
            best[emp_id] = (rank, unit_id)
    return {emp_id: unit for emp_id, (_, unit) in best.items()}


def _goal_costs(session: Session, year: int, units: set[int] | None, at: dt.date) -> tuple[int, int]:
    """(planned, spent) cost of the year's learning goals of the people whose main unit is in
    ``units`` (None: every unit)."""
    goal_year = extract("year", func.coalesce(LearningGoal.due_on, LearningGoal.start_on))
    stmt = (
        select(LearningGoal.employee_id, LearningGoal.status, func.sum(LearningGoal.cost_nok))
        .where(
            goal_year == year,
            LearningGoal.status != CANCELLED_GOAL,
            LearningGoal.cost_nok.is_not(None),
        )
        .group_by(LearningGoal.employee_id, LearningGoal.status)
    )
    if units is not None:  # only people with a post in the units can have their main unit there
        posted = select(Position.employee_id).where(Position.unit_id.in_(units))
        stmt = stmt.where(LearningGoal.employee_id.in_(posted))
    rows = session.execute(stmt).all()
    homes = home_units(session, sorted({r[0] for r in rows}), at) if units is not None else {}
    planned = spent = 0
    for emp_id, status, cost in rows:
        if units is not None and homes.get(emp_id) not in units:
            continue
        planned += int(cost or 0)
        if status == COMPLETED_GOAL:
            spent += int(cost or 0)
    return planned, spent


def budget_in(
    session: Session, *, unit_id: int | None, subunits: bool = True, year: int, at: dt.date
) -> BudgetFigures:
    """The year's budget figures of the unit (and the units below it), or of the municipality."""
    scope = unit_scope(unit_id, subunits)
    units = None if scope is None else set(session.scalars(scope))
    budget_stmt = select(UnitBudget).where(UnitBudget.year == year)
    if units is not None:
        budget_stmt = budget_stmt.where(UnitBudget.unit_id.in_(units))
    budgets = list(session.scalars(budget_stmt))
    own = next((b for b in budgets if b.unit_id == unit_id), None)
    measure_stmt = select(
        UnitMeasure.funding, UnitMeasure.status, UnitMeasure.cost_nok, UnitMeasure.spent_nok
    ).where(UnitMeasure.year == year)
    if units is not None:
        measure_stmt = measure_stmt.where(UnitMeasure.unit_id.in_(units))
    planned = spent = external = 0
    for funding, status, cost, used in session.execute(measure_stmt):
        own_money = funding in (None, Funding.UNIT_BUDGET.value)
        if not own_money:
            external += 0 if status == MeasureStatus.CANCELLED.value else int(cost or 0)
            continue
        if status != MeasureStatus.CANCELLED.value:
            planned += int(cost or 0)
        spent += int(used or 0)
    goals_planned, goals_spent = _goal_costs(session, year, units, at)
    return BudgetFigures(
        year,
        sum(b.amount_nok for b in budgets) if budgets else None,
        planned,
        goals_planned,
        spent,
        goals_spent,
        external,
        own.id if own is not None else None,
        own.version if own is not None else None,
        own.note if own is not None else None,
    )


def set_budget(
    uow: UnitOfWork,
    unit_id: int,
    year: int,
    amount_nok: int | None,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Set (or with None remove) the unit's competence budget for the year."""
    check_year(year)
    if amount_nok is not None and not 0 <= amount_nok <= MAX_NOK:
        raise ValidationError(
            "Budsjettet må være mellom 0 og 1 000 000 000 kroner.",
            "The budget must be between 0 and NOK 1,000,000,000.",
            field="amount_nok",
        )
    with uow:
        s = uow.session
        get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        row = s.scalar(select(UnitBudget).where(UnitBudget.unit_id == unit_id, UnitBudget.year == year))
        if row is not None and expected_version is not None and row.version != expected_version:
            raise ConcurrentEditError("UnitBudget")
        if amount_nok is None:
            if row is not None:
                s.delete(row)
                audit.record(s, uow.actor, "delete", entity="unit_budget", entity_id=row.id)
            uow.commit()
            return
        if row is None:
            row = UnitBudget(unit_id=unit_id, year=year, amount_nok=amount_nok)
            s.add(row)
        row.amount_nok = int(amount_nok)
        row.note = optional_text(note, "note", "Merknad", "Note", max_len=2000)
        uow.flush()
        audit.record(s, uow.actor, "update", entity="unit_budget", entity_id=row.id, year=year)
        uow.commit()
