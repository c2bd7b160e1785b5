"""When each person's medarbeidersamtale falls due (docs/compliance.md).

The next medarbeidersamtale is due ``appraisal_interval_months`` (a register setting, 12 by
default) after the last one; for someone who has had none, that long after they started (their
earliest position). Follow-up and life-phase talks are held beside it and do not move the date.
Someone with no talk and no known start date is due now. A talk due within
``appraisal_warning_days`` is *due soon*; one whose date has passed is *overdue*.

Everyone still employed with a position on the date counts, leaders too (their own leader holds
their talk). The work is three flat queries and date arithmetic in Python: at 50,000 people that is
well under a second (``benchmarks/bench_compliance.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select
from sqlalchemy.orm import Session

from competence.certificates import add_months
from competence.clock import today
from competence.gap.queries import active_employee, active_position, unit_scope
from competence.lookup import get_or_fail, unit_by_number
from competence.settings import register_settings
from competence.uow import UnitOfWork
from db.codes import AppraisalKind, TalkDue
from db.models import Appraisal, Employee, OrgUnit, Position


@dataclass(frozen=True, slots=True)
class TalkStanding:
    """One person's place in the talk cycle."""

    employee_id: int
    employee_no: str
    first_name: str
    last_name: str
    #: the person's units on the date, by the size of the post
    units: str
    last_held: dt.date | None
    last_leader: str | None
    #: None: no talk and no known start date (due now)
    due_on: dt.date | None
    status: TalkDue

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def days_overdue(self, on: dt.date) -> int:
        """Days past the due date (0 when not overdue or the date is unknown)."""
        return max((on - self.due_on).days, 0) if self.due_on is not None else 0


@dataclass(frozen=True)
class TalksDue:
    """The people whose talk is overdue or due soon in a unit (or the municipality)."""

    at: dt.date
    unit_number: str | None
    unit_name: str | None
    interval_months: int
    warning_days: int
    #: everyone counted, and those overdue / due soon
    people: int
    standings: tuple[TalkStanding, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for s in self.standings if s.status is TalkDue.OVERDUE)

    @property
    def due_soon(self) -> int:
        return sum(1 for s in self.standings if s.status is TalkDue.DUE_SOON)


def due_date(last_held: dt.date | None, started: dt.date | None, interval_months: int) -> dt.date | None:
    """When the next medarbeidersamtale is due (None: no talk and no known start: due now)."""
    anchor = last_held or started
    return add_months(anchor, interval_months) if anchor is not None else None


def talk_status(due_on: dt.date | None, on: dt.date, warning_days: int) -> TalkDue:
    if due_on is None or due_on < on:
        return TalkDue.OVERDUE
    if (due_on - on).days <= warning_days:
        return TalkDue.DUE_SOON
    return TalkDue.IN_ORDER


def appraisals_due(
    uow: UnitOfWork,
    *,
    unit_number: str | None = None,
    unit_id: int | None = None,
    subunits: bool = True,
    at: dt.date | None = None,
    warning_days: int | None = None,
    everyone: bool = False,
) -> TalksDue:
    """The people of a unit (by number or id; default the whole municipality) whose talk is
    overdue or due soon, the longest overdue first; with ``everyone`` each person's standing."""
    on = at or today()
    with uow:
        s = uow.session
        settings = register_settings(s)
        unit = None
        if unit_number is not None:
            unit = unit_by_number(s, unit_number)
        elif unit_id is not None:
            unit = get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        warn = settings.appraisal_warning_days if warning_days is None else warning_days
        counted, standings = talk_standings(
            s,
            unit_id=unit.id if unit is not None else None,
            subunits=subunits,
            at=on,
            interval_months=settings.appraisal_interval_months,
            warning_days=warn,
            only_due=not everyone,
        )
        return TalksDue(
            on,
            unit.number if unit is not None else None,
            unit.name if unit is not None else None,
            settings.appraisal_interval_months,
            warn,
            counted,
            tuple(sorted(standings, key=_order)),
        )


def _order(s: TalkStanding) -> tuple[int, dt.date, str, str]:
    return (
        list(TalkDue).index(s.status),
        s.due_on or dt.date.min,
        s.last_name.casefold(),
        s.first_name.casefold(),
    )


def talk_standings(
    session: Session,
    *,
    unit_id: int | None,
    subunits: bool,
    at: dt.date,
    interval_months: int,
    warning_days: int,
    employee_ids: Iterable[int] | None = None,
    only_due: bool = False,
    details: bool = True,
) -> tuple[int, list[TalkStanding]]:
    """How many people the cycle covers (still employed, with a position on ``at`` in the units),
    and each one's talk; with ``only_due`` only those overdue or due soon. The units and the last
    talk's leader are read only for the people returned, and not at all without ``details`` (the
    employee list's filter).

    One statement gives each person with the date of their last medarbeidersamtale and of their
    earliest position, as plain Core rows (no ORM loading); the due dates are date arithmetic in
    Python (``benchmarks/bench_compliance.py``)."""
    conn = session.connection()
    scope = unit_scope(unit_id, subunits)
    in_scope = select(Position.employee_id).where(active_position(at))
    if scope is not None:
        in_scope = in_scope.where(Position.unit_id.in_(scope))
    chosen = [Employee.id.in_(in_scope), active_employee(at)]
    if employee_ids is not None:
        chosen.append(Employee.id.in_(list(employee_ids)))
    wanted = select(Employee.id).where(*chosen)
    last_talk = (
        select(Appraisal.employee_id, func.max(Appraisal.held_on).label("held_on"))
        .where(
            Appraisal.kind == AppraisalKind.APPRAISAL.value,
            Appraisal.held_on <= at,
            Appraisal.employee_id.in_(wanted),
        )
        .group_by(Appraisal.employee_id)
        .subquery("last_talk")
    )
    first_post = (
        select(Position.employee_id, func.min(Position.start_date).label("start_date"))
        .where(Position.employee_id.in_(wanted))
        .group_by(Position.employee_id)
        .subquery("first_post")
    )
    people = conn.execute(
        select(
            Employee.id,
            Employee.shown_no,
            Employee.first_name,
            Employee.last_name,
            last_talk.c.held_on,
            first_post.c.start_date,
        )
        .outerjoin(last_talk, last_talk.c.employee_id == Employee.id)
        .outerjoin(first_post, first_post.c.employee_id == Employee.id)
        .where(*chosen)
    ).all()
    last = {row[0]: row[4] for row in people if row[4] is not None}
    kept = []
    for emp_id, number, first, last_name, held, started in people:
        due = due_date(held, started, interval_months)
        status = talk_status(due, at, warning_days)
        if not only_due or status is not TalkDue.IN_ORDER:
            kept.append((emp_id, number, first, last_name, held, due, status))
    shown = [k[0] for k in kept]
    leaders = _leaders_of_last(conn, {i: last[i] for i in shown if i in last}) if details else {}
    units = _unit_names(conn, shown, at, scope) if details else {}
    return len(people), [
        TalkStanding(
            emp_id, number, first, last_name, units.get(emp_id, ""), held, leaders.get(emp_id), due, status
        )
        for emp_id, number, first, last_name, held, due, status in kept
    ]


def _chunks(ids: list[int], size: int = 5000) -> Iterable[list[int]]:
    """Id lists short enough for one IN (...) (SQLite's limit on bound parameters)."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _leaders_of_last(conn: Connection, last: dict[int, dt.date]) -> dict[int, str | None]:
    """Who led each person's last medarbeidersamtale (read for the people who had one)."""
    found: dict[int, str | None] = {}
    for chunk in _chunks(list(last)):
        for emp_id, held_on, leader in conn.execute(
            select(Appraisal.employee_id, Appraisal.held_on, Appraisal.leader_name).where(
                Appraisal.employee_id.in_(chunk), Appraisal.kind == AppraisalKind.APPRAISAL.value
            )
        ):
            if held_on == last[emp_id]:
                found[emp_id] = leader
    return found


def _unit_names(conn: Connection, ids: list[int], at: dt.date, scope: Select[Any] | None) -> dict[int, str]:
    """Each person's units on the date (within the scope), the largest post first."""
    names: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        stmt = (
            select(Position.employee_id, OrgUnit.name)
            .join(OrgUnit, OrgUnit.id == Position.unit_id)
            .where(active_position(at), Position.employee_id.in_(chunk))
            .order_by(Position.employee_id, Position.fte_percent.desc(), Position.id)
        )
        if scope is not None:
            stmt = stmt.where(Position.unit_id.in_(scope))
        for emp_id, name in conn.execute(stmt):
            held = names.setdefault(emp_id, [])
            if name not in held:
                held.append(name)
    return {k: ", ".join(v) for k, v in names.items()}


def overdue_talk_ids(uow: UnitOfWork, *, at: dt.date | None = None) -> frozenset[int]:
    """The people whose medarbeidersamtale is overdue (the employee list's filter)."""
    on = at or today()
    with uow:
        s = uow.session
        settings = register_settings(s)
        return frozenset(
            x.employee_id
            for x in talk_standings(
                s,
                unit_id=None,
                subunits=True,
                at=on,
                interval_months=settings.appraisal_interval_months,
                warning_days=settings.appraisal_warning_days,
                only_due=True,
                details=False,
            )[1]
            if x.status is TalkDue.OVERDUE
        )


def talk_standing(session: Session, employee_id: int, at: dt.date) -> TalkStanding | None:
    """One person's standing (the employee card); None when they hold no position on ``at``."""
    settings = register_settings(session)
    found = talk_standings(
        session,
        unit_id=None,
        subunits=True,
        at=at,
        interval_months=settings.appraisal_interval_months,
        warning_days=settings.appraisal_warning_days,
        employee_ids=[employee_id],
    )[1]
    return found[0] if found else None
