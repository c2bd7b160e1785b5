"""The people × competences grid behind the matrix and the assessment template.

Current levels are read in chunks of people, in the order the sheet lists them, with Core selects
over the covering index of current assessments: a 50,000 × 40 matrix streams through without two
million objects in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from competence.export.scope import (
    Person,
    RequiredLevels,
    Scope,
    competence_columns,
    people_in,
    required_levels,
)
from competence.gap import CompetenceRef
from competence.language import pick_name
from db.driver_rows import fetch_batches
from db.models import Assessment, Certificate, ScaleLevel

CHUNK = 1000


@dataclass(frozen=True)
class Grid:
    """Rows (people), columns (required competences) and what each role requires."""

    scope: Scope
    people: list[Person]
    columns: tuple[CompetenceRef, ...]
    levels: RequiredLevels
    #: scale id → its levels as (ordinal, name), lowest first
    scales: dict[int, tuple[tuple[int, str], ...]]

    def scale_of(self, ref: CompetenceRef) -> tuple[tuple[int, str], ...]:
        return self.scales.get(ref.scale_id, ())

    def top_level(self, ref: CompetenceRef) -> int:
        levels = self.scale_of(ref)
        return levels[-1][0] if levels else 0

    def role_keys(self) -> dict[str, tuple[int, ...]]:
        """Each role combination people hold (as the role cell shows it) → its role ids."""
        keys: dict[str, tuple[int, ...]] = {}
        for person in self.people:
            if person.role_ids:
                keys.setdefault(person.role_key, person.role_ids)
        return dict(sorted(keys.items(), key=lambda kv: kv[0].casefold()))


@dataclass(frozen=True, slots=True)
class GridRow:
    person: Person
    #: current level ordinal per column; None: not assessed
    current: list[int | None]
    #: required level ordinal per column; None: not required of this person
    required: list[int | None]


def plan_grid(
    session: Session, scope: Scope, *, kinds: Sequence[str] = ("skill", "certificate"), lang: str = "nb"
) -> Grid:
    """The grid of a scope; the scales' level names in ``lang``."""
    people = people_in(session, scope)
    levels = required_levels(session, {r for p in people for r in p.role_ids}, scope.at)
    columns = competence_columns(session, levels, kinds=kinds)
    scales: dict[int, list[tuple[int, str]]] = {}
    scale_ids = sorted({c.scale_id for c in columns})
    if scale_ids:
        for scale_id, ordinal, name, name_en in session.execute(
            select(ScaleLevel.scale_id, ScaleLevel.ordinal, ScaleLevel.name, ScaleLevel.name_en)
            .where(ScaleLevel.scale_id.in_(scale_ids))
            .order_by(ScaleLevel.scale_id, ScaleLevel.ordinal)
        ):
            scales.setdefault(scale_id, []).append((ordinal, pick_name(lang, name, name_en)))
    return Grid(scope, people, columns, levels, {k: tuple(v) for k, v in scales.items()})


def grid_rows(session: Session, grid: Grid, *, chunk: int = CHUNK) -> Iterator[GridRow]:
    """Every person's row, in the grid's order, reading current levels ``chunk`` people at a time."""
    index = {ref.id: i for i, ref in enumerate(grid.columns)}
    skills = [ref.id for ref in grid.columns if ref.kind == "skill"]
    skill_index = {comp_id: index[comp_id] for comp_id in skills}
    # Core rows straight from the connection (the ORM's result handling costs as much again)
    connection = session.connection()
    certs = [ref for ref in grid.columns if ref.kind == "certificate"]
    ordinals = _level_ordinals(session, {ref.scale_id for ref in grid.columns})
    width = len(grid.columns)
    required_cache: dict[tuple[int, ...], list[int | None]] = {}
    for start in range(0, len(grid.people), chunk):
        part = grid.people[start : start + chunk]
        ids = [p.id for p in part]
        current: dict[int, list[int | None]] = {pid: [None] * width for pid in ids}
        if skills:
            # by person only: a filter on the competences too makes SQLite seek every (person,
            # competence) pair of the chunk (66,000 seeks for 1,000 people), twice the work of
            # reading each person's few current assessments and skipping the others here
            rows = fetch_batches(
                connection,
                select(Assessment.employee_id, Assessment.competence_id, Assessment.level_id).where(
                    Assessment.employee_id.in_(ids), Assessment.is_current
                ),
            )
            for emp_id, comp_id, level_id in rows:
                col = skill_index.get(comp_id)
                if col is not None:
                    current[emp_id][col] = ordinals.get(level_id)
        if certs:
            _certificate_levels(connection, grid, ids, certs, index, current)
        for person in part:
            required = required_cache.get(person.role_ids)
            if required is None:
                merged = grid.levels.for_roles(person.role_ids)
                required = [merged.get(ref.id) for ref in grid.columns]
                required_cache[person.role_ids] = required
            yield GridRow(person, current[person.id], required)


def _level_ordinals(session: Session, scale_ids: set[int]) -> dict[int, int]:
    if not scale_ids:
        return {}
    return dict(
        session.execute(
            select(ScaleLevel.id, ScaleLevel.ordinal).where(ScaleLevel.scale_id.in_(sorted(scale_ids)))
        ).all()
    )


def _certificate_levels(
    connection: Connection,
    grid: Grid,
    ids: list[int],
    certs: list[CompetenceRef],
    index: dict[int, int],
    current: dict[int, list[int | None]],
) -> None:
    """A training proven by certificate: top level while one is valid, lowest when all expired."""
    on = grid.scope.at
    by_id = {ref.id: ref for ref in certs}
    # by person only (the index on the person), the courses picked here: with a filter on the
    # courses SQLite reads every certificate of those courses for each chunk of people
    rows = connection.execute(
        select(Certificate.employee_id, Certificate.competence_id, Certificate.valid_until).where(
            Certificate.employee_id.in_(ids), Certificate.completed_on <= on
        )
    )
    for emp_id, comp_id, valid_until in rows:
        ref = by_id.get(comp_id) if comp_id is not None else None
        levels = grid.scale_of(ref) if ref is not None else ()
        if comp_id is None or not levels:
            continue
        valid = valid_until is None or valid_until >= on
        col = index[comp_id]
        level = levels[-1][0] if valid else levels[0][0]
        held = current[emp_id][col]
        current[emp_id][col] = level if held is None else max(held, level)
