"""Comparing the checked roster with the register: what an import would create, change or leave.

The plan is computed in memory from a handful of flat queries, so a preview and an import of
50,000 rows cost the same and the preview is exactly what the import will do.

Identity rules (also in docs/import.md):

* A person is their canonical employee number.
* A unit is its number; a roster with unit names only matches units by name, and a new unit then
  takes its name as its number.
* A position is employee + unit + job title (case-insensitive). When the title changed but the person
  still has an unmatched position in the same unit, that position is updated, so a role set by the
  leader survives a renamed title. Several identical positions pair up in order.
* A position with a past end date (Sluttdato) has ended; a person whose every position in the roster
  has ended is marked as left on the last of those dates, and a person who is not in the register
  and has already left is not created. Whoever is marked as left has their open positions ended on
  the leaving date.
* A position's role comes from a role column ("Rolle", "Kompetanseprofil") when it names a known
  role; otherwise a new position, or one without a role, gets the role whose name equals its job
  title; otherwise the role is left for the leader to set. A role the leader set is never cleared.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.roster.model import ImportWarning, Leaver, PersonOutcome
from competence.roster.parse import KEEP, ParsedRoster, PersonRecord, PositionRecord, _Keep
from db.driver_rows import as_date, fetch_all
from db.models import Employee, OrgUnit, Position, Role

_MAX_UNIT_NUMBER = 40
#: Warn when a full roster would mark more than this share of the active people as left.
MANY_LEAVERS_SHARE = 0.2
MANY_LEAVERS_MIN = 5
_DETAILS = ("employment_type", "main_position", "position_code", "styrk_code")


class _Emp(NamedTuple):
    id: int
    employee_no: str
    first_name: str
    last_name: str
    email: str | None
    manager_id: int | None
    employee_no_display: str | None
    desired_fte: float | None
    left_on: dt.date | None
    anonymised_on: dt.date | None


class _Pos(NamedTuple):
    id: int
    employee_id: int
    unit_id: int
    title: str
    role_id: int | None
    manager_id: int | None
    fte: float
    employment_type: str | None
    main_position: bool | None
    position_code: str | None
    styrk_code: str | None
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass
class RegisterState:
    """The part of the register an import compares with, read in a few flat queries."""

    employees: dict[str, _Emp]
    number_of: dict[int, str]
    units: dict[str, tuple[int, str]]
    unit_number_of: dict[int, str]
    units_by_name: dict[str, str]
    positions: dict[int, list[_Pos]]
    roles: dict[str, int]


def load_state(session: Session, today: dt.date) -> RegisterState:
    employees: dict[str, _Emp] = {}
    number_of: dict[int, str] = {}
    emp_cols = (
        Employee.id,
        Employee.employee_no,
        Employee.first_name,
        Employee.last_name,
        Employee.email,
        Employee.manager_id,
        Employee.employee_no_display,
        Employee.desired_fte,
        Employee.left_on,
        Employee.anonymised_on,
    )
    for emp_row in fetch_all(session, select(*emp_cols)):
        emp = _Emp._make((*emp_row[:8], as_date(emp_row[8]), as_date(emp_row[9])))
        employees[emp.employee_no] = emp
        number_of[emp.id] = emp.employee_no
    units: dict[str, tuple[int, str]] = {}
    unit_number_of: dict[int, str] = {}
    units_by_name: dict[str, str] = {}
    for unit_id, number, name in fetch_all(session, select(OrgUnit.id, OrgUnit.number, OrgUnit.name)):
        units[number] = (unit_id, name)
        unit_number_of[unit_id] = number
        units_by_name.setdefault(name.casefold(), number)
    positions: dict[int, list[_Pos]] = {}
    pos_stmt = (
        select(
            Position.id,
            Position.employee_id,
            Position.unit_id,
            Position.title,
            Position.role_id,
            Position.manager_id,
            Position.fte_percent,
            Position.employment_type,
            Position.main_position,
            Position.position_code,
            Position.styrk_code,
            Position.start_date,
            Position.end_date,
        )
        .where((Position.end_date.is_(None)) | (Position.end_date >= today))
        .order_by(Position.id)
    )
    for row in fetch_all(session, pos_stmt):
        main = None if row[8] is None else bool(row[8])  # SQLite hands booleans over as 0 and 1
        pos = _Pos._make((*row[:8], main, *row[9:11], as_date(row[11]), as_date(row[12])))
        positions.setdefault(pos.employee_id, []).append(pos)
    roles = {name.casefold(): role_id for role_id, name in fetch_all(session, select(Role.id, Role.name))}
    return RegisterState(employees, number_of, units, unit_number_of, units_by_name, positions, roles)


@dataclass(frozen=True)
class NewUnit:
    number: str
    name: str


@dataclass(frozen=True)
class PersonChange:
    """Final values for an existing person; ``manager_no`` KEEP leaves the manager as it is."""

    employee_id: int
    first_name: str
    last_name: str
    email: str | None
    manager_no: str | _Keep | None
    #: The manager the person has now, kept when ``manager_no`` is KEEP.
    manager_id: int | None
    returned: bool
    employee_no_display: str | None
    desired_fte: float | None


class PositionDetails(NamedTuple):
    """Employment type, main-position flag, KS position code and STYRK-08 code of a position."""

    employment_type: str | None = None
    main_position: bool | None = None
    position_code: str | None = None
    styrk_code: str | None = None


class NewPosition(NamedTuple):
    employee_no: str
    unit_number: str
    title: str
    fte: float
    start_date: dt.date | None
    manager_no: str | None
    role_id: int | None
    end_date: dt.date | None
    details: PositionDetails


@dataclass(frozen=True)
class PositionChange:
    position_id: int
    title: str
    fte: float
    start_date: dt.date | None
    manager_no: str | _Keep | None
    manager_id: int | None
    role_id: int | None
    end_date: dt.date | None
    details: PositionDetails


@dataclass
class Plan:
    new_units: list[NewUnit] = field(default_factory=list)
    renamed_units: list[tuple[int, str]] = field(default_factory=list)
    new_persons: list[PersonRecord] = field(default_factory=list)
    new_person_managers: dict[str, str] = field(default_factory=dict)
    changed_persons: list[PersonChange] = field(default_factory=list)
    unchanged_persons: int = 0
    returned: int = 0
    leavers: list[Leaver] = field(default_factory=list)
    new_positions: list[NewPosition] = field(default_factory=list)
    changed_positions: list[PositionChange] = field(default_factory=list)
    unchanged_positions: int = 0
    #: (position id, its last day): positions no longer in a full roster, and those of leavers.
    ended_positions: list[tuple[int, dt.date]] = field(default_factory=list)
    #: People of the roster who are not in the register and have already left: not created.
    left_before: int = 0
    #: So many would be marked as left that the import must be confirmed.
    confirm_leavers: bool = False
    #: Active people in the register before the import.
    active: int = 0
    warnings: list[ImportWarning] = field(default_factory=list)
    #: Every person of the roster with what happens to them (the preview lists them).
    outcomes: list[PersonOutcome] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return (
            len(self.new_units)
            + len(self.renamed_units)
            + len(self.new_persons)
            + len(self.changed_persons)
            + len(self.leavers)
            + len(self.new_positions)
            + len(self.changed_positions)
            + len(self.ended_positions)
        )


class _Planner:
    def __init__(self, roster: ParsedRoster, state: RegisterState, *, partial: bool, today: dt.date) -> None:
        self.roster = roster
        self.state = state
        self.partial = partial
        self.today = today
        self.plan = Plan()
        self.mapped = roster.mapped
        self.has_positions = bool({"unit_no", "unit_name"} & roster.mapped)
        self.has_details = bool(set(_DETAILS) & roster.mapped)
        self.has_managers = "manager_no" in roster.mapped
        self.warned_manager_rows: set[int] = set()
        self.title_roles: dict[str, int | None] = {}

    # -- units ---------------------------------------------------------------------------------

    def unit_number(self, record: PositionRecord) -> str:
        if record.unit_no is not None:
            return record.unit_no
        known = self.state.units_by_name.get(record.unit_name.casefold())
        return known if known is not None else record.unit_name[:_MAX_UNIT_NUMBER]

    def plan_units(self) -> None:
        names: dict[str, Counter[str]] = {}
        for person in self.roster.persons.values():
            for record in person.positions:
                number = self.unit_number(record)
                counter = names.get(number)
                if counter is None:
                    counter = names[number] = Counter()
                if record.unit_name:
                    counter[record.unit_name] += 1
        for number, counter in names.items():
            name = counter.most_common(1)[0][0] if counter else ""
            if len(counter) > 1:
                self.plan.warnings.append(
                    ImportWarning(
                        "unit_name_conflict",
                        None,
                        f"Enhet {number} har ulike navn i filen; «{name}» (det vanligste) ble brukt.",
                        f"Unit {number} has different names in the file; '{name}' (the most common) "
                        "was used.",
                    )
                )
            existing = self.state.units.get(number)
            if existing is None:
                self.plan.new_units.append(NewUnit(number, name or number))
            elif name and name != existing[1]:
                self.plan.renamed_units.append((existing[0], name))

    # -- managers and roles ----------------------------------------------------------------------

    def manager(self, record: PositionRecord, employee_no: str) -> str | None:
        """The manager's number when known to the roster or the register, else None (with a warning)."""
        wanted = record.manager_no
        if wanted is None or wanted in self.roster.persons or wanted in self.state.employees:
            return wanted
        if record.row not in self.warned_manager_rows:
            self.warned_manager_rows.add(record.row)
            self.plan.warnings.append(
                ImportWarning(
                    "unknown_manager",
                    record.row,
                    f"Lederen til ansattnr {employee_no} (ansattnr {wanted}) finnes verken i filen eller i "
                    "registeret; raden ble lest inn uten leder.",
                    f"The manager of employee number {employee_no} (employee number {wanted}) is neither in "
                    "the file nor in the register; the row was read without a manager.",
                )
            )
        return None

    def role_id(self, record: PositionRecord, current: int | None) -> int | None:
        if record.role:
            found = self.state.roles.get(record.role.casefold())
            if found is not None:
                return found
            self.plan.warnings.append(
                ImportWarning(
                    "unknown_role",
                    record.row,
                    f"Rollen «{record.role}» finnes ikke i registeret; stillingen beholder sin rolle.",
                    f"The role '{record.role}' does not exist in the register; the position keeps its role.",
                )
            )
        if current is not None:
            return current
        return self.role_of_title(record.title) if record.title else None

    def role_of_title(self, title: str) -> int | None:
        """The role named as the job title (a roster has a few dozen titles for 50,000 posts)."""
        try:
            return self.title_roles[title]
        except KeyError:
            found = self.title_roles[title] = self.state.roles.get(title.casefold())
            return found

    # -- people ----------------------------------------------------------------------------------

    def ended_on(self, person: PersonRecord) -> dt.date | None:
        """The last day of a person every one of whose rows in the roster has a past end date."""
        if "end_date" not in self.mapped:
            return None
        ends = [p.end_date for p in person.positions] if self.has_positions else person.end_dates
        if not ends or any(end is None or end >= self.today for end in ends):
            return None
        return max(end for end in ends if end is not None)

    def plan_persons(self) -> None:
        for person in self.roster.persons.values():
            main = person.main_position
            manager: str | _Keep | None = KEEP
            if "manager_no" in self.mapped and main is not None:
                manager = self.manager(main, person.employee_no)
            ended_on = self.ended_on(person)
            existing = self.state.employees.get(person.employee_no)
            if existing is None:
                if ended_on is not None:  # left before the register ever knew them: nothing to keep
                    self.plan.left_before += 1
                    continue
                self.plan.new_persons.append(person)
                if isinstance(manager, str):
                    self.plan.new_person_managers[person.employee_no] = manager
                for record in person.positions:
                    if not self.has_ended(record):
                        self.new_position(person, record, current_role=None)
                self.outcome(person, "created")
                continue
            if existing.left_on is not None and ended_on is not None:  # left, and the roster agrees
                self.plan.unchanged_persons += 1
                self.outcome(person, "unchanged")
                continue
            positions_changed, keeps_a_position = self.plan_positions(person, existing, ended_on)
            leaving = ended_on is not None and not keeps_a_position
            changed, what = self.person_changed(person, existing, manager, leaving=leaving)
            if positions_changed:
                what += ("positions",)
            if leaving and ended_on is not None and existing.left_on is None:
                self.plan.leavers.append(self.leaver(existing, ended_on, "positions_ended"))
                what += ("left",)
            if changed:
                self.plan.changed_persons.append(changed)
                self.plan.returned += changed.returned
            if not what:
                self.plan.unchanged_persons += 1
            self.outcome(person, "updated" if what else "unchanged", what)

    def has_ended(self, record: PositionRecord) -> bool:
        return record.end_date is not None and record.end_date < self.today

    def leaver(self, emp: _Emp, left_on: dt.date, reason: str) -> Leaver:
        name = f"{emp.first_name} {emp.last_name}".strip()
        return Leaver(emp.id, emp.employee_no_display or emp.employee_no, name, left_on, reason)

    def outcome(self, person: PersonRecord, outcome: str, changes: tuple[str, ...] = ()) -> None:
        self.plan.outcomes.append(
            _tuple_of(
                PersonOutcome,
                (
                    person.written_no or person.employee_no,
                    person.full_name,
                    tuple(person.rows),
                    outcome,
                    changes,
                ),
            )
        )

    def person_changed(
        self, person: PersonRecord, existing: _Emp, manager: str | _Keep | None, *, leaving: bool
    ) -> tuple[PersonChange | None, tuple[str, ...]]:
        """The person's new values when any changed, and what changed."""
        email = existing.email if isinstance(person.email, _Keep) else person.email
        desired = existing.desired_fte if isinstance(person.desired_fte, _Keep) else person.desired_fte
        current_manager = self.state.number_of.get(existing.manager_id) if existing.manager_id else None
        written = existing.employee_no_display
        if person.written_no:
            written = None if person.written_no == person.employee_no else person.written_no
        what = tuple(
            code
            for code, differs in (
                ("name", (person.first_name, person.last_name) != (existing.first_name, existing.last_name)),
                ("email", email != existing.email),
                ("manager", not isinstance(manager, _Keep) and manager != current_manager),
                ("returned", existing.left_on is not None and not leaving),
                ("employee_no", written != existing.employee_no_display),
                ("desired_fte", not _same_number(desired, existing.desired_fte)),
            )
            if differs
        )
        if not what:
            return None, ()
        change = PersonChange(
            existing.id,
            person.first_name,
            person.last_name,
            email,
            manager,
            existing.manager_id,
            "returned" in what,
            written,
            desired,
        )
        return change, what

    def details(self, record: PositionRecord, pos: _Pos | None) -> PositionDetails:
        """The position's details from the roster; a detail it does not give stays as it is."""
        if not self.has_details:
            return _NO_DETAILS if pos is None else _held_details(pos)
        values = []
        for name in _DETAILS:
            given = getattr(record, name)
            values.append(getattr(pos, name) if isinstance(given, _Keep) and pos is not None else given)
        return PositionDetails(*(None if isinstance(v, _Keep) else v for v in values))

    def new_position(self, person: PersonRecord, record: PositionRecord, *, current_role: int | None) -> None:
        self.plan.new_positions.append(
            _tuple_of(  # in the fields' order: 55,000 of them in a large roster
                NewPosition,
                (
                    person.employee_no,
                    self.unit_number(record),
                    record.title,
                    record.fte if record.fte is not None else 100.0,
                    record.start_date,
                    self.manager(record, person.employee_no) if self.has_managers else None,
                    self.role_id(record, current_role),
                    record.end_date,
                    self.details(record, None) if self.has_details else _NO_DETAILS,
                ),
            )
        )

    def plan_positions(
        self, person: PersonRecord, existing: _Emp, ended_on: dt.date | None
    ) -> tuple[bool, bool]:
        """Match the person's roster positions with their active ones.

        Returns whether anything changes, and whether the person still holds a position afterwards
        (one the roster gives without a past end date, or one a partial roster does not speak of).
        """
        held = list(self.state.positions.get(existing.id, []))
        if not self.has_positions:
            if ended_on is not None:  # no units in the roster: the rows' end dates end the person
                self.plan.ended_positions.extend((p.id, ended_on) for p in held if _open_after(p, ended_on))
                return bool(held), False
            return False, True
        pairs: list[tuple[PositionRecord, _Pos]] = []
        unmatched: list[PositionRecord] = []
        unit_of = self.state.unit_number_of
        for record in person.positions:
            key = (self.unit_number(record), record.title.casefold())
            found = next((p for p in held if (unit_of.get(p.unit_id), p.title.casefold()) == key), None)
            if found is None:
                unmatched.append(record)
            else:
                held.remove(found)
                pairs.append((record, found))
        for record in list(unmatched):
            number = self.unit_number(record)
            found = next((p for p in held if unit_of.get(p.unit_id) == number), None)
            if found is not None:
                held.remove(found)
                unmatched.remove(record)
                pairs.append((record, found))
        keeps = any(not self.has_ended(record) for record in person.positions)
        changed = False
        for record in unmatched:
            if not self.has_ended(record):  # a position that already ended is not created
                self.new_position(person, record, current_role=None)
                changed = True
        for record, pos in pairs:
            changed |= self.position_changed(person, record, pos)
        if held:
            if not self.partial and person.complete:
                last_day = ended_on if ended_on is not None and not keeps else self.today
                self.plan.ended_positions.extend((p.id, last_day) for p in held if _open_after(p, last_day))
                changed = True
            else:
                keeps = True  # positions this roster does not speak of stay as they are
        return changed, keeps

    def position_changed(self, person: PersonRecord, record: PositionRecord, pos: _Pos) -> bool:
        fte = record.fte if record.fte is not None else pos.fte
        start = record.start_date if record.start_date is not None else pos.start_date
        end = record.end_date if "end_date" in self.mapped else pos.end_date
        manager: str | _Keep | None = KEEP
        manager_changed = False
        if "manager_no" in self.mapped:
            manager = self.manager(record, person.employee_no)
            current = self.state.number_of.get(pos.manager_id) if pos.manager_id else None
            manager_changed = manager != current
        role = self.role_id(record, pos.role_id)
        details = self.details(record, pos) if self.has_details else None  # None: as they are
        if (
            record.title == pos.title
            and abs(fte - pos.fte) < 1e-9
            and start == pos.start_date
            and end == pos.end_date
            and not manager_changed
            and role == pos.role_id
            and (details is None or details == _held_details(pos))
        ):
            self.plan.unchanged_positions += 1
            return False
        kept = details if details is not None else _held_details(pos)
        self.plan.changed_positions.append(
            PositionChange(pos.id, record.title, fte, start, manager, pos.manager_id, role, end, kept)
        )
        return True

    def plan_leavers(self) -> None:
        if not self.partial:
            for emp in self.state.employees.values():
                if (
                    emp.left_on is None
                    and emp.anonymised_on is None
                    and emp.employee_no not in self.roster.present
                ):
                    self.plan.leavers.append(self.leaver(emp, self.today, "not_in_file"))
                    self.plan.ended_positions.extend(
                        (p.id, self.today)
                        for p in self.state.positions.get(emp.id, [])
                        if _open_after(p, self.today)
                    )
        if self.plan.left_before:
            count = self.plan.left_before
            self.plan.warnings.append(
                ImportWarning(
                    "left_before",
                    None,
                    f"{count} personer i filen har sluttet (alle stillingene deres har en sluttdato som er "
                    "passert) og finnes ikke i registeret; de ble ikke lagt inn.",
                    f"{count} people in the file have left (every position of theirs has an end date in the "
                    "past) and are not in the register; they were not added.",
                )
            )
        if self.needs_confirmation():
            gone, active = len(self.plan.leavers), self.active()
            self.plan.warnings.append(
                ImportWarning(
                    "many_leavers",
                    None,
                    f"{gone} av {active} aktive ansatte blir markert som sluttet. Er dette hele "
                    "ansattlisten? Importen må bekreftes (--accept-leavers); bruk delvis import (--partial) "
                    "for en liste over bare noen enheter.",
                    f"{gone} of {active} active employees are marked as having left. Is this the whole "
                    "roster? The import must be confirmed (--accept-leavers); use a partial import "
                    "(--partial) for a list of some units only.",
                )
            )

    def active(self) -> int:
        return sum(1 for e in self.state.employees.values() if e.left_on is None and e.anonymised_on is None)

    def needs_confirmation(self) -> bool:
        """A full roster that would mark more than a fifth of the active people (and more than five)
        as left is likely cut short: the import must be confirmed (docs/import.md)."""
        gone = len(self.plan.leavers)
        return not self.partial and gone > MANY_LEAVERS_MIN and gone > MANY_LEAVERS_SHARE * self.active()


_NO_DETAILS = PositionDetails()
#: Builds a named tuple from a tuple of its fields in their order, without the Python-level
#: ``__new__`` a named tuple's class call goes through (the import makes 105,000 of them).
_tuple_of = tuple.__new__


def _held_details(pos: _Pos) -> PositionDetails:
    return PositionDetails(pos.employment_type, pos.main_position, pos.position_code, pos.styrk_code)


def _open_after(pos: _Pos, day: dt.date) -> bool:
    """Whether the position runs past ``day`` (no end date, or a later one)."""
    return pos.end_date is None or pos.end_date > day


def _same_number(a: float | None, b: float | None) -> bool:
    return a == b or (a is not None and b is not None and abs(a - b) < 1e-9)


def make_plan(roster: ParsedRoster, state: RegisterState, *, partial: bool, today: dt.date) -> Plan:
    planner = _Planner(roster, state, partial=partial, today=today)
    if planner.has_positions:
        planner.plan_units()
    planner.plan_persons()
    planner.plan_leavers()
    planner.plan.confirm_leavers = planner.needs_confirmation()
    planner.plan.active = planner.active()
    planner.plan.warnings.sort(key=lambda w: (w.row is not None, w.row or 0))
    return planner.plan
