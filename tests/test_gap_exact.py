"""The fast gap figures equal a plain computation after any sequence of changes (SQLite and PostgreSQL).

A hypothesis state machine works on a small register: levels set by a leader or by the employee,
certificates taken and expiring, requirements set, changed from a later date and removed, posts
starting and ending, people leaving, a roster import, erasure, retention, the level-source
setting, and the date moving on. After every step the heatmap's cells and totals, and the
report's key figures, are compared with :func:`plain_figures`: Python over the rows, written
from the definitions in competence/gap/__init__.py and docs/compliance.md, sharing no code with
the queries. Today and an earlier date, the whole municipality and one unit's subtree.

Where the screens patch their figures after a level was changed (:func:`competence.gap.patch_report`),
the patched report must equal the one computed afresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import delete, select

from competence import assessments, certificates, employees, gap, roles, units
from competence.assessments import NewAssessment
from competence.changes import NOTHING, Changes
from competence.clock import ENV_TODAY
from competence.errors import ConflictError, ValidationError
from competence.planning.targets import TargetInput, add_target
from competence.privacy.erasure import erase_person
from competence.privacy.retention import apply_retention
from competence.roster import ImportOptions, run_import
from competence.settings import get_settings, save_settings
from competence.uow import UnitOfWork
from db.codes import AssessmentSource, LevelSource
from db.models import (
    Assessment,
    Base,
    Certificate,
    Competence,
    Employee,
    GapState,
    Position,
    Requirement,
    Scale,
    ScaleLevel,
)
from tests.roster.builders import RosterSpec, write_roster
from tests.support.factories import make_mini_framework, make_scale

START = dt.date(2026, 11, 22)
#: the figures of a group: people, met, not assessed, gap, required, current (the three sums in
#: 1/10,000 percentage points), missing
Figures = tuple[int, int, int, int, int, int, int]
UNIT = 10_000
ROLES = ("Sykepleier", "Assistent", "Leder")


# ------------------------------------------------------------------------------------------------
# The plain computation
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plain:
    cells: dict[tuple[int, int], Figures]
    totals: dict[int, Figures]


def plain_figures(uow: UnitOfWork, at: dt.date, today: dt.date, units_in: set[int] | None = None) -> Plain:
    """The figures on ``at`` from the rows, by the definitions: a person's requirement is the highest
    among the roles of their active posts (per unit for a unit's cell, over all posts for the
    totals); the level that counts is the newest assessment on or before the date among those that
    count under the setting; a course is held (100 %) with a certificate valid on the date, else
    0 % and, when mandatory, missing."""
    with uow.reading():
        s = uow.session
        newest_counts = get_settings(uow).level_source == LevelSource.NEWEST.value
        percent = {lv.id: round(lv.percent * UNIT) for lv in s.scalars(select(ScaleLevel))}
        kind = {c.id: c.kind for c in s.scalars(select(Competence))}
        gone = {e.id for e in s.scalars(select(Employee)) if e.left_on is not None and e.left_on <= at}
        posts = [
            (p.employee_id, p.unit_id, p.role_id)
            for p in s.scalars(select(Position))
            if p.role_id is not None
            and (p.start_date is None or p.start_date <= at)
            and (p.end_date is None or p.end_date >= at)
            and p.employee_id not in gone
            and (units_in is None or p.unit_id in units_in)
        ]
        required: dict[int, list[tuple[int, int, bool]]] = {}
        for r in s.scalars(select(Requirement)):
            if r.competence_id is None or r.level_id is None:
                continue
            if (r.valid_from is None or r.valid_from <= at) and (r.valid_to is None or r.valid_to >= at):
                required.setdefault(r.role_id, []).append((r.competence_id, percent[r.level_id], r.mandatory))
        history: dict[tuple[int, int], list[tuple[dt.date, int, int]]] = {}
        for a in s.scalars(select(Assessment)):
            counts = newest_counts or a.source != AssessmentSource.SELF
            if counts and a.assessed_on <= at:
                history.setdefault((a.employee_id, a.competence_id), []).append(
                    (a.assessed_on, a.id, percent[a.level_id])
                )
        held = {
            (c.employee_id, c.competence_id)
            for c in s.scalars(select(Certificate))
            if c.competence_id is not None
            and c.completed_on <= at
            and (c.valid_until is None or c.valid_until >= at)
        }

    def scored(emp: int, roles_held: set[int]) -> dict[int, tuple[int, int | None, int]]:
        """competence → (required, current or None, missing) for a person holding ``roles_held``."""
        wants: dict[int, tuple[int, bool]] = {}
        for role in roles_held:
            for comp, req, mandatory in required.get(role, []):
                old = wants.get(comp, (0, False))
                wants[comp] = (max(old[0], req), old[1] or mandatory)
        result: dict[int, tuple[int, int | None, int]] = {}
        for comp, (req, mandatory) in wants.items():
            if kind[comp] == "certificate":
                has = (emp, comp) in held
                result[comp] = (req, 100 * UNIT if has else 0, int(mandatory and not has))
            else:
                rows = history.get((emp, comp))
                result[comp] = (req, max(rows)[2] if rows else None, 0)
        return result

    def add(into: dict[Any, list[int]], key: Any, req: int, cur: int | None, missing: int) -> None:
        f = into.setdefault(key, [0] * 7)
        value = cur or 0
        f[0] += 1
        f[1] += value >= req
        f[2] += cur is None
        f[3] += max(req - value, 0)
        f[4] += req
        f[5] += value
        f[6] += missing

    per_unit: dict[tuple[int, int], set[int]] = {}
    per_person: dict[int, set[int]] = {}
    for emp, unit, role in posts:
        per_unit.setdefault((unit, emp), set()).add(role)
        per_person.setdefault(emp, set()).add(role)
    cells: dict[Any, list[int]] = {}
    for (unit, emp), held_roles in per_unit.items():
        for comp, (req, cur, missing) in scored(emp, held_roles).items():
            add(cells, (unit, comp), req, cur, missing)
    totals: dict[Any, list[int]] = {}
    for emp, held_roles in per_person.items():
        for comp, (req, cur, missing) in scored(emp, held_roles).items():
            add(totals, comp, req, cur, missing)
    return Plain(
        {k: tuple(v) for k, v in cells.items()},  # type: ignore[misc]
        {k: tuple(v) for k, v in totals.items()},  # type: ignore[misc]
    )


def fast_of(cell: gap.HeatCell) -> Figures:
    return (
        cell.people,
        cell.met,
        cell.not_assessed,
        cell.gap_units,
        cell.required_units,
        cell.current_units,
        cell.missing,
    )


def assert_same(report: gap.GapReport, plain: Plain, what: str) -> None:
    hm = report.heatmap
    assert {k: fast_of(c) for k, c in hm.cells.items()} == plain.cells, f"cells, {what}"
    assert {k: fast_of(c) for k, c in hm.totals.items()} == plain.totals, f"totals, {what}"
    s = report.summary
    requirements = sum(f[0] for f in plain.totals.values())
    gaps = sum(f[3] for f in plain.totals.values())
    assert s.requirements == requirements, f"requirements, {what}"
    assert s.met == sum(f[1] for f in plain.totals.values()), f"met, {what}"
    assert s.not_assessed == sum(f[2] for f in plain.totals.values()), f"not assessed, {what}"
    assert s.mean_gap == (gaps / (requirements * UNIT) if requirements else 0.0), f"mean gap, {what}"
    for c_id, cell in hm.totals.items():
        assert cell.mean_gap == plain.totals[c_id][3] / (plain.totals[c_id][0] * UNIT), f"mean gap, {what}"


# ------------------------------------------------------------------------------------------------
# The machine
# ------------------------------------------------------------------------------------------------


def wipe(uow: UnitOfWork) -> None:
    """An empty register (the schema stays): each example starts from nothing."""
    with uow:
        for table in reversed(Base.metadata.sorted_tables):
            uow.session.execute(delete(table))
        uow.session.add(
            GapState(id=1, generation=0)
        )  # the kept figures' state row, as migration 0010 made it
        uow.commit()


class GapMachine(RuleBasedStateMachine):
    uow: UnitOfWork
    folder: Path

    def __init__(self) -> None:
        super().__init__()
        self.day = START
        os.environ[ENV_TODAY] = START.isoformat()
        wipe(self.uow)
        self.imports = 0
        self.report: gap.GapReport | None = None
        self.changed: set[tuple[int, int]] = set()

    @initialize()
    def build(self) -> None:
        uow = self.uow
        fw = make_mini_framework(uow)
        self.skills = [fw.competence_ids[k] for k in ("dig-1", "dig-2", "hms-1")]
        self.course = fw.competence_ids["hms-cert"]
        with uow:  # a 1-3 scale: a third is 33.3333 %, the case that floats would get wrong
            s = uow.session
            scale = make_scale(s, "test-3", 3)
            first = s.get(Competence, self.skills[0])
            assert first is not None
            third = Competence(
                framework_id=first.framework_id,
                area_id=first.area_id,
                scale_id=scale.id,
                key="dig-3",
                code="dig-3",
                name="Tredelt",
                kind="skill",
                sort_order=9,
            )
            s.add(third)
            s.flush()
            self.skills.append(third.id)
            self.top = {
                c.id: max(lv.ordinal for lv in s.get(Scale, c.scale_id).levels)  # type: ignore[union-attr]
                for c in s.scalars(select(Competence))
            }
            uow.commit()
        top = units.create_unit(uow, "1", "Sentrum")
        self.units = [
            top.id,
            units.create_unit(uow, "2", "Nord", parent_id=top.id).id,
            units.create_unit(uow, "3", "Sør").id,
        ]
        self.roles = [roles.create_role(uow, name).id for name in ROLES]
        self.people: list[int] = []
        for n in range(4):
            self.add_person(n)
        # a start where every case is present: requirements of several kinds, a person with posts
        # in two units, one with two roles in one unit, a post that has not started yet
        dig1, dig2, hms1, dig3 = self.skills
        for role, comp, level in (
            (0, dig1, 3),
            (0, dig2, 6),
            (0, self.course, 1),
            (1, dig1, 2),
            (1, hms1, 4),
            (1, dig3, 2),
            (2, dig3, 3),
            (2, self.course, 1),
        ):
            roles.set_requirement(uow, self.roles[role], comp, level)
        u1, u2, u3 = self.units
        for person, unit, role, start in (
            (0, u1, 0, None),
            (1, u2, 1, None),
            (2, u1, 0, None),
            (2, u3, 2, None),
            (3, u3, 1, None),
            (3, u3, 2, None),
            (1, u3, 0, self.offset(30)),
        ):
            data = employees.PositionInput(unit, "Stilling", self.roles[role], 50, start)
            employees.add_position(uow, self.people[person], data)
        for person, comp, level in ((0, dig1, 3), (2, dig1, 1), (2, dig3, 2), (3, hms1, 4), (3, dig3, 1)):
            new = NewAssessment(self.people[person], comp, level, self.offset(-10), AssessmentSource.LEADER)
            assessments.record_assessment(uow, new)
        certificates.add_certificate(
            uow, self.people[0], certificates.CertificateInput("Kurs", self.offset(-100), None, self.course)
        )

    def add_person(self, n: int) -> None:
        emp = employees.create_employee(self.uow, str(100 + n), f"Navn{n}", "Etternavn")
        self.people.append(emp.id)

    # --- helpers ---------------------------------------------------------------------------------
    def person(self, i: int) -> int | None:
        alive = self.alive()
        return alive[i % len(alive)] if alive else None

    def alive(self) -> list[int]:
        with self.uow.reading():
            present = set(self.uow.session.scalars(select(Employee.id)))
        return [p for p in self.people if p in present]

    def offset(self, days: int) -> dt.date:
        return self.day + dt.timedelta(days=days)

    # --- rules -----------------------------------------------------------------------------------
    @rule(
        i=st.integers(0, 20),
        c=st.integers(0, 3),
        level=st.integers(0, 8),
        back=st.integers(0, 500),
        own=st.booleans(),
    )
    def assess(self, i: int, c: int, level: int, back: int, own: bool) -> None:
        emp, comp = self.person(i), self.skills[c]
        if emp is None:
            return
        source = AssessmentSource.SELF if own else AssessmentSource.LEADER
        new = NewAssessment(emp, comp, 1 + level % self.top[comp], self.offset(-back), source)
        self.uow.changes = NOTHING
        assessments.record_assessment(self.uow, new)
        changes = self.uow.changes
        # what the screens hear of: the one pair, and nothing else the figures read
        assert changes.levels_only and changes.assessed == frozenset({(emp, comp)})
        self.changed.add((emp, comp))

    @rule(i=st.integers(0, 20), back=st.integers(0, 800), months=st.none() | st.integers(-6, 24))
    def certify(self, i: int, back: int, months: int | None) -> None:
        emp = self.person(i)
        if emp is None:
            return
        done = self.offset(-back)
        until = None if months is None else done + dt.timedelta(days=30 * months)
        if until is not None and until < done:
            until = done
        certificates.add_certificate(
            self.uow, emp, certificates.CertificateInput("Kurs", done, until, self.course)
        )

    @rule(
        r=st.integers(0, 2),
        c=st.integers(0, 4),
        level=st.integers(0, 8),
        mandatory=st.booleans(),
        ahead=st.none() | st.integers(-30, 90),
    )
    def require(self, r: int, c: int, level: int, mandatory: bool, ahead: int | None) -> None:
        comp = [*self.skills, self.course][c]
        top = self.top[comp]
        ordinal = level % (top + 1) if top == 1 else 1 + level % top
        # a change dated before the period it would change is refused, and nothing is written
        with contextlib.suppress(ValidationError):
            roles.set_requirement(
                self.uow,
                self.roles[r],
                comp,
                max(ordinal, 1) if comp != self.course else 1,
                mandatory=mandatory,
                valid_from=None if ahead is None else self.offset(ahead),
            )

    @rule(r=st.integers(0, 2), c=st.integers(0, 4), ahead=st.integers(-30, 60))
    def unrequire(self, r: int, c: int, ahead: int) -> None:
        comp = [*self.skills, self.course][c]
        roles.remove_requirement(self.uow, self.roles[r], comp, from_date=self.offset(ahead))

    @rule(
        i=st.integers(0, 20),
        u=st.integers(0, 2),
        r=st.none() | st.integers(0, 2),
        start=st.none() | st.integers(-400, 60),
        length=st.none() | st.integers(0, 400),
    )
    def post(self, i: int, u: int, r: int | None, start: int | None, length: int | None) -> None:
        emp = self.person(i)
        if emp is None:
            return
        begins = None if start is None else self.offset(start)
        ends = None if length is None else (begins or self.offset(-400)) + dt.timedelta(days=length)
        role = None if r is None else self.roles[r]
        employees.add_position(
            self.uow, emp, employees.PositionInput(self.units[u], "Stilling", role, 50, begins, ends)
        )

    @rule(i=st.integers(0, 50), back=st.integers(-30, 200))
    def end_post(self, i: int, back: int) -> None:
        columns = (Position.id, Position.unit_id, Position.role_id, Position.start_date)
        with self.uow.reading():
            posts = self.uow.session.execute(select(*columns).order_by(Position.id)).all()
        if not posts:
            return
        post_id, unit, role, start = posts[i % len(posts)]
        ends = max(self.offset(-back), start) if start else self.offset(-back)
        data = employees.PositionInput(unit, "Stilling", role, 50, start, ends)
        employees.update_position(self.uow, post_id, data, expected_version=None)

    @rule(i=st.integers(0, 20), days=st.none() | st.integers(-400, 30))
    def leave(self, i: int, days: int | None) -> None:
        emp = self.person(i)
        if emp is not None:
            employees.mark_left(
                self.uow, emp, None if days is None else self.offset(days), expected_version=None
            )

    @rule(n=st.integers(0, 1000))
    def hire(self, n: int) -> None:
        self.add_person(len(self.people) + 1000 * n)

    @precondition(lambda self: self.imports < 1)
    @rule(count=st.integers(1, 4), title=st.sampled_from(ROLES), u=st.integers(0, 2))
    def import_roster(self, count: int, title: str, u: int) -> None:
        """A partial roster: new people in a unit, their titles naming a role."""
        self.imports += 1
        unit_no = ("1", "2", "3")[u]
        rows = [
            [f"9{k}{self.imports}", f"Importert{k}, Per", "", unit_no, f"Enhet {unit_no}", title, 100, "", ""]
            for k in range(count)
        ]
        path = write_roster(self.folder / f"roster{self.imports}.xlsx", RosterSpec(rows=rows))
        run_import(self.uow, path, ImportOptions(partial=True))
        with self.uow.reading():
            numbers = [f"9{k}{self.imports}" for k in range(count)]
            self.people += list(
                self.uow.session.scalars(select(Employee.id).where(Employee.employee_no.in_(numbers)))
            )

    @rule(i=st.integers(0, 20))
    def erase(self, i: int) -> None:
        emp = self.person(i)
        if emp is None:
            return
        with self.uow.reading():
            number = self.uow.session.scalar(select(Employee.employee_no).where(Employee.id == emp))
        assert number is not None
        erase_person(self.uow, number)

    @rule()
    def retention(self) -> None:
        apply_retention(self.uow)

    @rule(days=st.integers(1, 500))
    def time_passes(self, days: int) -> None:
        self.day = self.offset(days)
        os.environ[ENV_TODAY] = self.day.isoformat()
        self.report = None  # a report is of its day

    @rule(u=st.integers(0, 2), c=st.integers(0, 3), level=st.integers(1, 8), needed=st.integers(1, 3))
    def target(self, u: int, c: int, level: int, needed: int) -> None:
        """A unit's target: its vulnerability follows who holds the competence at the level."""
        comp = self.skills[c]
        # the same target twice is refused (ConflictError) and changes nothing
        with contextlib.suppress(ConflictError):
            add_target(self.uow, self.units[u], TargetInput(comp, 1 + (level - 1) % self.top[comp], needed))

    @rule(newest=st.booleans())
    def level_source(self, newest: bool) -> None:
        source = LevelSource.NEWEST if newest else LevelSource.LEADER
        save_settings(self.uow, replace(get_settings(self.uow), level_source=source.value))

    # --- what must hold --------------------------------------------------------------------------
    @invariant()
    def figures_are_exact(self) -> None:
        if not hasattr(self, "units"):
            return
        uow, today = self.uow, self.day
        whole = gap.gap_report(uow)
        assert_same(whole, plain_figures(uow, today, today), "whole municipality, today")
        subtree = {self.units[0], self.units[1]}
        mine = gap.gap_report(uow, unit_id=self.units[0])
        assert_same(mine, plain_figures(uow, today, today, subtree), "one unit and below, today")
        alone = gap.gap_report(uow, unit_id=self.units[1], subunits=False)
        assert_same(alone, plain_figures(uow, today, today, {self.units[1]}), "one unit alone, today")
        earlier = today - dt.timedelta(days=200)
        before = gap.gap_report(uow, at=earlier)
        assert_same(before, plain_figures(uow, earlier, today), "whole municipality, earlier")
        self.patched_equals_fresh(whole)

    def patched_equals_fresh(self, fresh: gap.GapReport) -> None:
        if self.report is not None and self.changed:
            patched = gap.patch_report(self.uow, self.report, self.changed)
            assert patched.heatmap.cells == fresh.heatmap.cells
            assert patched.heatmap.totals == fresh.heatmap.totals
            assert patched.areas == fresh.areas
            assert patched.vulnerabilities == fresh.vulnerabilities
            assert patched.summary == fresh.summary
        self.report, self.changed = fresh, set()


@pytest.fixture
def pinned_today() -> Iterator[None]:
    before = os.environ.get(ENV_TODAY)
    yield
    if before is None:
        os.environ.pop(ENV_TODAY, None)
    else:
        os.environ[ENV_TODAY] = before


def test_fast_figures_equal_the_plain_computation(
    uow: UnitOfWork, tmp_path: Path, pinned_today: None
) -> None:
    GapMachine.uow = uow
    GapMachine.folder = tmp_path
    GapMachine.TestCase.settings = settings(
        max_examples=int(os.environ.get("KOMPETANSE_EXACT_EXAMPLES", "6")),
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    GapMachine.TestCase().runTest()


def test_the_change_notification_names_the_levels_written(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A level recorded names its (employee, competence); a write of the assessments that does not
    name its pairs (the level-source setting rewrites which row counts) leaves them unknown, and
    so does anything else the figures read changing beside it."""
    monkeypatch.setenv(ENV_TODAY, START.isoformat())
    fw = make_mini_framework(uow)
    emp = employees.create_employee(uow, "1", "Eva", "Én").id
    dig1 = fw.competence_ids["dig-1"]
    uow.changes = NOTHING
    assessments.record_assessment(uow, NewAssessment(emp, dig1, 2))
    assert uow.changes.assessed == frozenset({(emp, dig1)}) and uow.changes.levels_only
    uow.changes = NOTHING
    save_settings(uow, replace(get_settings(uow), level_source=LevelSource.NEWEST.value))
    assert uow.changes.assessments and not uow.changes.assessed and not uow.changes.levels_only
    named = Changes(assessments=True, assessed=frozenset({(emp, dig1)}))
    assert (named | Changes(audit=True)).levels_only
    assert not (named | Changes(assessments=True)).assessed  # one side did not name its pairs
    assert not (named | Changes(people=True)).levels_only


def test_a_patch_counts_a_person_with_posts_in_two_units_once_in_the_totals(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The patch moves a competence's total by what its cells moved only when the changed person
    counts in one unit; someone with posts in two units counts in both cells but once in the total,
    so their total is computed afresh. Both kinds of change, each against a report made afresh."""
    monkeypatch.setenv(ENV_TODAY, START.isoformat())
    fw = make_mini_framework(uow)
    dig1 = fw.competence_ids["dig-1"]
    north, south = units.create_unit(uow, "1", "Nord").id, units.create_unit(uow, "2", "Sør").id
    nurse = roles.create_role(uow, "Sykepleier").id
    roles.set_requirement(uow, nurse, dig1, 3)
    spread = employees.create_employee(uow, "1", "Eva", "Én").id
    single = employees.create_employee(uow, "2", "Per", "To").id
    for person, unit in ((spread, north), (spread, south), (single, north)):
        employees.add_position(uow, person, employees.PositionInput(unit, "Stilling", nurse, 50, None))
    assessments.record_assessment(uow, NewAssessment(single, dig1, 2))
    for person, level in ((spread, 3), (single, 4), (spread, 4)):
        before = gap.gap_report(uow)
        assessments.record_assessment(uow, NewAssessment(person, dig1, level))
        patched = gap.patch_report(uow, before, {(person, dig1)})
        fresh = gap.gap_report(uow)
        assert patched.heatmap.cells == fresh.heatmap.cells
        assert patched.heatmap.totals == fresh.heatmap.totals
        assert patched.summary == fresh.summary
    assert fresh.heatmap.totals[dig1].people == 2  # Eva once, though she counts in both units
