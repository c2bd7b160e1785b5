"""Writing an import plan with SQLAlchemy Core bulk statements, inside the caller's transaction.

The ORM would build 100,000 objects for a 50,000-row roster; executemany statements write the same
rows several times faster. Every UPDATE bumps the row's ``version`` so that a leader editing the
same person at the same time is told (optimistic locking), and ``updated_at`` follows through the
column's own ``onupdate``.

Order matters: units first, then people, then everything that points at people (managers, positions)
once every person of the roster has an id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from sqlalchemy import Table, bindparam, literal_column, select, update
from sqlalchemy.orm import Session

from competence.clock import now
from competence.progress import CancelToken
from competence.roster.bulk import execute_many, insert_columns, reserve_ids
from competence.roster.parse import PersonRecord, _Keep
from competence.roster.plan import Plan, PositionDetails
from db.driver_rows import fetch_all
from db.models import Employee, OrgUnit, Position

BATCH = 5_000
_NO_DETAILS = PositionDetails()
_unit: Table = OrgUnit.__table__  # type: ignore[assignment]
_employee: Table = Employee.__table__  # type: ignore[assignment]
_position: Table = Position.__table__  # type: ignore[assignment]

#: Called after each batch with the number of rows written so far.
Tick = Callable[[int], None]


_employee_no = attrgetter("employee_no")
_first_name = attrgetter("first_name")
_last_name = attrgetter("last_name")


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


class _Writer:
    def __init__(self, session: Session, tick: Tick, cancel: CancelToken | None) -> None:
        self.session = session
        self.tick = tick
        self.cancel = cancel
        self.written = 0

    def run(self, table: Table, statement: Any, rows: Sequence[dict[str, Any]]) -> None:
        for batch in _batches(rows):
            if self.cancel is not None:
                self.cancel.raise_if_cancelled()
            execute_many(self.session, table, statement, batch)
            self._wrote(len(batch))

    def insert(self, table: Table, columns: dict[str, Sequence[Any]]) -> None:
        """INSERT rows given column by column, in batches (:func:`insert_columns`)."""
        count = len(next(iter(columns.values()), ()))
        for start in range(0, count, BATCH):
            if self.cancel is not None:
                self.cancel.raise_if_cancelled()
            end = min(start + BATCH, count)
            insert_columns(self.session, table, {name: values[start:end] for name, values in columns.items()})
            self._wrote(end - start)

    def _wrote(self, rows: int) -> None:
        self.written += rows
        self.tick(self.written)


def _update_by_id(table: Table, **values: Any) -> Any:
    return (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(version=table.c.version + literal_column("1"), **{k: bindparam(f"b_{k}") for k in values})
    )


#: The depth of a new person in a loop of managers, or below one.
_IN_A_LOOP = -1


def _managers_first(plan: Plan) -> tuple[list[PersonRecord], list[PersonRecord]]:
    """The new people in an order where a new manager comes before their reports (by the depth of
    their chain of new managers); and apart, those in a loop of managers or below one, whose
    managers are linked once all of them are written.

    Each chain is walked once, up to a person whose depth is known: linear in the number of people,
    however deep the chains a file gives. Most people's manager is known by the time they come (or
    is no new person), and is looked up without a walk."""
    managers = plan.new_person_managers
    people = plan.new_persons
    new = set(map(_employee_no, people))
    depth: dict[str, int] = {}
    for person in people:
        number = person.employee_no
        if number in depth:
            continue
        manager = managers.get(number)
        if manager is None or manager not in new:
            depth[number] = 0
            continue
        known = depth.get(manager)
        if known is not None:
            depth[number] = _IN_A_LOOP if known == _IN_A_LOOP else known + 1
            continue
        _walk(number, managers, new, depth)
    levels = list(map(depth.__getitem__, map(_employee_no, people)))
    order = sorted(range(len(people)), key=levels.__getitem__)  # stable: the file's order among equals
    placed = [people[i] for i in order if levels[i] != _IN_A_LOOP]
    return placed, [people[i] for i in order if levels[i] == _IN_A_LOOP]


def _walk(number: str, managers: dict[str, str], new: set[str], depth: dict[str, int]) -> None:
    """The depths of ``number`` and of the new managers above it, up to one whose depth is known."""
    chain: dict[str, None] = {}
    current: str | None = number
    while True:
        assert current is not None
        chain[current] = None
        current = managers.get(current)
        if current is None or current not in new:
            level = 0
            break
        known = depth.get(current)
        if known is not None:
            level = _IN_A_LOOP if known == _IN_A_LOOP else known + 1
            break
        if current in chain:
            level = _IN_A_LOOP
            break
    for member in reversed(chain):
        depth[member] = level
        if level != _IN_A_LOOP:
            level += 1


def apply_plan(
    session: Session, plan: Plan, *, today: dt.date, tick: Tick, cancel: CancelToken | None = None
) -> None:
    """Write ``plan`` in the order the foreign keys need: units, people (managers first), what
    points at people, then positions."""
    steps = _Steps(_Writer(session, tick, cancel), plan, now(), today)
    steps.units()
    unplaced = steps.new_people()
    steps.changed_people()
    steps.late_managers(unplaced)
    steps.leavers()
    steps.new_positions()
    steps.changed_positions()
    steps.ended_positions()


class _Steps:
    """The steps of :func:`apply_plan`; ``ids`` maps employee numbers to ids as people are written."""

    def __init__(self, writer: _Writer, plan: Plan, stamp: dt.datetime, today: dt.date) -> None:
        self.writer, self.plan, self.stamp, self.today = writer, plan, stamp, today
        self.session = writer.session
        self.ids: dict[str, int] = {}

    def units(self) -> None:
        plan, stamp = self.plan, self.stamp
        if plan.new_units:
            count = len(plan.new_units)
            self.writer.insert(
                _unit,
                {
                    "number": [u.number for u in plan.new_units],
                    "name": [u.name for u in plan.new_units],
                    "created_at": [stamp] * count,
                    "version": [1] * count,
                },
            )
        if plan.renamed_units:
            self.writer.run(
                _unit,
                _update_by_id(_unit, name=None),
                [{"b_id": unit_id, "b_name": name} for unit_id, name in plan.renamed_units],
            )

    def new_people(self) -> list[PersonRecord]:
        """Insert the new people, each level of managers before their reports, with ids reserved
        beforehand (:func:`reserve_ids`), so that a report's manager id is known as it is written;
        returns those whose manager is linked afterwards."""
        self.ids = ids = dict(fetch_all(self.session, select(_employee.c.employee_no, _employee.c.id)))
        people, unplaced = _managers_first(self.plan)
        placed = len(people)
        people += unplaced
        if not people:
            return unplaced
        numbers = list(map(_employee_no, people))
        reserved = reserve_ids(self.session, _employee, len(people))
        ids.update(zip(numbers, reserved, strict=True))
        managers = self.plan.new_person_managers
        manager_ids = [ids.get(managers.get(number, "")) for number in numbers[:placed]]
        stamp, count = self.stamp, len(people)
        self.writer.insert(
            _employee,
            {
                "id": reserved,
                "employee_no": numbers,
                "first_name": list(map(_first_name, people)),
                "last_name": list(map(_last_name, people)),
                "email": [None if isinstance(p.email, _Keep) else p.email for p in people],
                "manager_id": manager_ids + [None] * len(unplaced),  # unplaced: linked by late_managers
                "created_at": [stamp] * count,
                "updated_at": [stamp] * count,
                "version": [1] * count,
                "employee_no_display": [
                    p.written_no if p.written_no != p.employee_no else None for p in people
                ],
                "desired_fte": [None if isinstance(p.desired_fte, _Keep) else p.desired_fte for p in people],
            },
        )
        return unplaced

    def _manager_id(self, number: str | _Keep | None, current: int | None) -> int | None:
        if isinstance(number, _Keep):
            return current
        return self.ids.get(number) if number is not None else None

    def changed_people(self) -> None:
        if not self.plan.changed_persons:
            return
        self.writer.run(
            _employee,
            _update_by_id(
                _employee,
                first_name=None,
                last_name=None,
                email=None,
                manager_id=None,
                left_on=None,
                employee_no_display=None,
                desired_fte=None,
                updated_at=None,
            ),
            [
                {
                    "b_id": c.employee_id,
                    "b_first_name": c.first_name,
                    "b_last_name": c.last_name,
                    "b_email": c.email,
                    "b_manager_id": self._manager_id(c.manager_no, c.manager_id),
                    "b_left_on": None,
                    "b_employee_no_display": c.employee_no_display,
                    "b_desired_fte": c.desired_fte,
                    "b_updated_at": self.stamp,
                }
                for c in self.plan.changed_persons
            ],
        )

    def late_managers(self, unplaced: list[PersonRecord]) -> None:
        """Managers among themselves in a loop, or a chain too deep: linked once all exist."""
        if not unplaced:
            return
        managers = self.plan.new_person_managers
        self.writer.run(
            _employee,
            _update_by_id(_employee, manager_id=None, updated_at=None),
            [
                {
                    "b_id": self.ids[p.employee_no],
                    "b_manager_id": self.ids.get(managers[p.employee_no]),
                    "b_updated_at": self.stamp,
                }
                for p in unplaced
                if p.employee_no in managers
            ],
        )

    def leavers(self) -> None:
        if not self.plan.leavers:
            return
        self.writer.run(
            _employee,
            _update_by_id(_employee, left_on=None, updated_at=None),
            [
                {
                    "b_id": leaver.employee_id,
                    "b_left_on": leaver.left_on or self.today,
                    "b_updated_at": self.stamp,
                }
                for leaver in self.plan.leavers
            ],
        )

    def new_positions(self) -> None:
        new = self.plan.new_positions
        if not new:
            return
        units: dict[str, int] = dict(fetch_all(self.session, select(_unit.c.number, _unit.c.id)))
        ids = self.ids
        (numbers, unit_numbers, titles, ftes, starts, managers, roles, ends, details) = zip(*new, strict=True)
        columns: dict[str, Sequence[Any]] = {
            "employee_id": list(map(ids.__getitem__, numbers)),
            "unit_id": list(map(units.__getitem__, unit_numbers)),
            "title": titles,
            "role_id": roles,
            "manager_id": [None if number is None else ids.get(number) for number in managers],
            "fte_percent": ftes,
            "start_date": starts,
            "end_date": ends,
            "version": [1] * len(new),
        }
        if any(d != _NO_DETAILS for d in details):
            columns.update(zip(PositionDetails._fields, zip(*details, strict=True), strict=True))
        self.writer.insert(_position, columns)

    def changed_positions(self) -> None:
        if not self.plan.changed_positions:
            return
        self.writer.run(
            _position,
            _update_by_id(
                _position,
                title=None,
                fte_percent=None,
                start_date=None,
                end_date=None,
                manager_id=None,
                role_id=None,
                **dict.fromkeys(PositionDetails._fields),
            ),
            [
                {
                    "b_id": c.position_id,
                    "b_title": c.title,
                    "b_fte_percent": c.fte,
                    "b_start_date": c.start_date,
                    "b_end_date": c.end_date,
                    "b_manager_id": self._manager_id(c.manager_no, c.manager_id),
                    "b_role_id": c.role_id,
                    **{f"b_{name}": value for name, value in c.details._asdict().items()},
                }
                for c in self.plan.changed_positions
            ],
        )

    def ended_positions(self) -> None:
        if self.plan.ended_positions:
            self.writer.run(
                _position,
                _update_by_id(_position, end_date=None),
                [{"b_id": pid, "b_end_date": last_day} for pid, last_day in self.plan.ended_positions],
            )
