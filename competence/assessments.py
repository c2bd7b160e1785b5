"""Assessments (kartlegging): append-only history of competence levels.

A new level is a new row; nothing is overwritten. The level that counts (docs/compliance.md) is the
newest row per (employee, competence), by assessment date and then by insertion order, among the
rows that count under the register's setting (:class:`db.codes.LevelSource`): by default the
leader's (every source but the employee's own self-assessment, which is kept and shown beside
it); or, when the municipality chooses so, the newest of any source. That row carries
``is_current``. Only this module sets the flag, always in the same transaction as the insert, and
for every row when the setting changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from competence import audit
from competence.clock import today
from competence.errors import ValidationError
from competence.lookup import get_or_fail
from competence.scales import level_for
from competence.settings import register_settings
from competence.uow import UnitOfWork, writing_levels
from competence.validation import optional_text
from db.codes import AssessmentSource, CompetenceKind, LevelSource
from db.models import Assessment, Competence, Employee, ScaleLevel

#: The source of an employee's assessment of themselves.
SELF = AssessmentSource.SELF


def counting_sources(session: Session) -> LevelSource:
    """Whose assessments count in this register."""
    return LevelSource.known(register_settings(session).level_source) or LevelSource.LEADER


def counted(table: Any, policy: LevelSource) -> list[ColumnElement[bool]]:
    """The conditions on an assessment table (or an alias of it) for the rows that can be the level
    that counts under ``policy``: none, or not the employee's own."""
    return [] if policy is LevelSource.NEWEST else [table.source != SELF]


def counts(source: str, policy: LevelSource) -> bool:
    """Does an assessment from ``source`` count as the level under ``policy``?"""
    return policy is LevelSource.NEWEST or source != SELF


@dataclass(frozen=True)
class AssessmentView:
    id: int
    employee_id: int
    competence_id: int
    level_ordinal: int
    level_name: str
    percent: float
    assessed_on: dt.date
    source: str
    assessor: str | None
    note: str | None
    is_current: bool


@dataclass(frozen=True)
class NewAssessment:
    """One assessment to record; ``level`` is an ordinal of the competence's scale."""

    employee_id: int
    competence_id: int
    level: int
    assessed_on: dt.date | None = None
    source: str = AssessmentSource.LEADER
    assessor: str | None = None
    note: str | None = None


def _check_source(source: str) -> None:
    if AssessmentSource.known(source) is None:
        raise ValidationError(
            f"Ukjent kilde for vurderingen: {source}.",
            f"Unknown assessment source: {source}.",
            field="source",
        )


def record_assessment(uow: UnitOfWork, new: NewAssessment) -> AssessmentView:
    """Record one assessment (a user editing a level in place)."""
    with uow:
        view = add_assessments(uow.session, uow.actor, [new])[0]
        uow.commit()
        return view


def add_assessments(session: Session, actor: str, items: Iterable[NewAssessment]) -> list[AssessmentView]:
    """Validate and insert assessments inside the caller's transaction, keeping ``is_current`` right.

    For the many-rows case (the template import) the inserts are plain ORM adds; each pair costs
    one indexed lookup of the current row.
    """
    views: list[AssessmentView] = []
    policy = counting_sources(session)
    for item in items:
        _check_source(item.source)
        emp = get_or_fail(session, Employee, item.employee_id, "ansatt", "Employee")
        comp = get_or_fail(session, Competence, item.competence_id, "kompetanse", "Competence")
        if comp.kind != CompetenceKind.SKILL:
            raise ValidationError(
                f"«{comp.name}» dokumenteres med kursbevis, ikke med nivåvurdering.",
                f"'{comp.name_en or comp.name}' is documented by a certificate, not by a level.",
                field="competence_id",
            )
        level = level_for(session, comp, item.level)
        on = item.assessed_on or today()
        if on > today():
            raise ValidationError(
                "Vurderingsdatoen kan ikke være frem i tid.",
                "The assessment date cannot be in the future.",
                field="assessed_on",
            )
        current = session.scalar(
            select(Assessment).where(
                Assessment.employee_id == emp.id, Assessment.competence_id == comp.id, Assessment.is_current
            )
        )
        becomes_current = counts(item.source, policy) and (current is None or on >= current.assessed_on)
        pair = [(emp.id, comp.id)]
        if becomes_current and current is not None:
            current.is_current = False
            with writing_levels(session, pair):
                session.flush()  # the partial unique index allows one current row per pair
        row = Assessment(
            employee_id=emp.id,
            competence_id=comp.id,
            level_id=level.id,
            assessed_on=on,
            source=item.source,
            assessor=optional_text(item.assessor, "assessor", "Vurdert av", "Assessor", max_len=200),
            note=optional_text(item.note, "note", "Merknad", "Note"),
            is_current=becomes_current,
        )
        session.add(row)
        with writing_levels(session, pair):
            session.flush()
        audit.record(
            session,
            actor,
            "assess",
            entity="assessment",
            entity_id=row.id,
            employee_no=emp.employee_no,
            competence_id=comp.id,
            level=level.ordinal,
            source=item.source,
        )
        views.append(_view(row, level))
    return views


def _view(row: Assessment, level: ScaleLevel) -> AssessmentView:
    return AssessmentView(
        row.id,
        row.employee_id,
        row.competence_id,
        level.ordinal,
        level.name,
        level.percent,
        row.assessed_on,
        row.source,
        row.assessor,
        row.note,
        row.is_current,
    )


def history(uow: UnitOfWork, employee_id: int, competence_id: int) -> list[AssessmentView]:
    """Every assessment of one competence for one person, newest first."""
    with uow:
        stmt = (
            select(Assessment, ScaleLevel)
            .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
            .where(Assessment.employee_id == employee_id, Assessment.competence_id == competence_id)
            .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
        )
        return [_view(a, lv) for a, lv in uow.session.execute(stmt)]


def current_levels(uow: UnitOfWork, employee_id: int) -> dict[int, AssessmentView]:
    """The current assessment of each competence the person has been assessed in."""
    with uow:
        stmt = (
            select(Assessment, ScaleLevel)
            .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
            .where(Assessment.employee_id == employee_id, Assessment.is_current)
        )
        return {a.competence_id: _view(a, lv) for a, lv in uow.session.execute(stmt)}


def refresh_current_flags(session: Session, pairs: Iterable[tuple[int, int]] | None = None) -> int:
    """Recompute ``is_current`` for the given (employee, competence) pairs, or for all rows, under
    the register's setting of whose assessments count.

    Used after bulk inserts with Core (demo data, imports), when the setting changes, and by the
    integrity check. Returns the number of rows whose flag changed.
    """
    policy = counting_sources(session)
    newer = aliased(Assessment)
    has_newer: ColumnElement[bool] = exists().where(
        newer.employee_id == Assessment.employee_id,
        newer.competence_id == Assessment.competence_id,
        or_(
            newer.assessed_on > Assessment.assessed_on,
            and_(newer.assessed_on == Assessment.assessed_on, newer.id > Assessment.id),
        ),
        *([] if policy is LevelSource.NEWEST else [newer.source != SELF]),
    )
    if policy is not LevelSource.NEWEST:  # a self-assessment is never the level that counts
        has_newer = or_(has_newer, Assessment.source == SELF)
    scope = []
    if pairs is not None:
        pair_list = list(pairs)
        if not pair_list:
            return 0
        scope = [tuple_(Assessment.employee_id, Assessment.competence_id).in_(pair_list)]
    cleared = session.execute(
        update(Assessment).where(*scope, Assessment.is_current, has_newer).values(is_current=False)
    )
    session.flush()
    flagged = session.execute(
        update(Assessment).where(*scope, ~Assessment.is_current, ~has_newer).values(is_current=True)
    )
    return int(cleared.rowcount or 0) + int(flagged.rowcount or 0)  # type: ignore[attr-defined]


def count_assessments(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Assessment)) or 0)
