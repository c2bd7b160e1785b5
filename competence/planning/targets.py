"""Competence targets of a unit: "we need N people at level L or above in competence C".

A target counts the people of its unit *and the units below it* (a virksomhetsleder's target covers
the avdelinger); status on a date (docs/planning.md, "Targets"):

* **have**: the people there who hold the competence at the level (competence/planning/holders.py);
* **need**: the number the target asks for;
* **short**: need minus have, when positive; a target short after its date is *overdue*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from competence import audit
from competence.errors import ConflictError, ValidationError
from competence.gap.queries import competence_refs, unit_scope
from competence.gap.results import CompetenceRef
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.planning.holders import holder_counts, holder_names
from competence.scales import level_for
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.codes import TargetState
from db.models import Competence, OrgUnit, ScaleLevel
from db.planning import UnitMeasure, UnitTarget

MAX_PEOPLE = 10_000


@dataclass(frozen=True)
class TargetInput:
    competence_id: int
    #: the lowest level that counts, by its number on the competence's scale
    level: int
    people_needed: int
    reason: str | None = None
    due_on: dt.date | None = None


@dataclass(frozen=True)
class TargetStatus:
    id: int
    version: int
    unit_id: int
    unit_number: str
    unit_name: str
    competence: CompetenceRef
    level: int
    level_name: str
    level_name_en: str | None
    level_percent: float
    people_needed: int
    have: int
    reason: str | None
    due_on: dt.date | None
    at: dt.date
    #: who holds it (loaded for a unit's own view; empty for a municipality overview)
    holders: tuple[str, ...] = ()

    @property
    def short(self) -> int:
        return max(self.people_needed - self.have, 0)

    @property
    def state(self) -> TargetState:
        if self.short == 0:
            return TargetState.MET
        if self.due_on is not None and self.due_on < self.at:
            return TargetState.OVERDUE
        return TargetState.SHORT

    def level_label(self, lang: str) -> str:
        return f"{self.level} {pick_name(lang, self.level_name, self.level_name_en)}"

    @property
    def unit_label(self) -> str:
        return f"{self.unit_number} {self.unit_name}"


def targets_in(
    session: Session,
    *,
    unit_id: int | None,
    subunits: bool = True,
    at: dt.date,
    with_holders: bool = False,
    competence_ids: Collection[int] | None = None,
) -> list[TargetStatus]:
    """The targets of the unit (and the units below it), or every target, with their status;
    only the targets of ``competence_ids`` when given."""
    level = aliased(ScaleLevel)
    stmt = (
        select(
            UnitTarget, OrgUnit.number, OrgUnit.name, level.ordinal, level.name, level.name_en, level.percent
        )
        .join(OrgUnit, OrgUnit.id == UnitTarget.unit_id)
        .join(level, level.id == UnitTarget.level_id)
    )
    scope = unit_scope(unit_id, subunits)
    if scope is not None:
        stmt = stmt.where(UnitTarget.unit_id.in_(scope))
    if competence_ids is not None:
        stmt = stmt.where(UnitTarget.competence_id.in_(sorted(competence_ids)))
    rows = session.execute(stmt).all()
    ids = [row[0].id for row in rows]
    counts = holder_counts(session, ids, at)
    names = holder_names(session, ids, at) if with_holders else {}
    refs = competence_refs(session, sorted({row[0].competence_id for row in rows}))
    found = [
        TargetStatus(
            target.id,
            target.version,
            target.unit_id,
            number,
            name,
            refs[target.competence_id],
            ordinal,
            level_name,
            level_name_en,
            float(percent),
            target.people_needed,
            counts.get(target.id, 0),
            target.reason,
            target.due_on,
            at,
            names.get(target.id, ()),
        )
        for target, number, name, ordinal, level_name, level_name_en, percent in rows
    ]
    return sorted(found, key=_order)


def _order(target: TargetStatus) -> tuple[Any, ...]:
    return (
        target.unit_number,
        target.competence.framework_name,
        target.competence.area_order,
        target.competence.order,
        target.level,
    )


def _apply(session: Session, target: UnitTarget, data: TargetInput) -> None:
    competence = get_or_fail(session, Competence, data.competence_id, "kompetanse", "Competence")
    level = level_for(session, competence, data.level)
    if not 1 <= data.people_needed <= MAX_PEOPLE:
        raise ValidationError(
            f"Antall personer må være mellom 1 og {MAX_PEOPLE:,}.".replace(",", "\u00a0"),
            f"The number of people must be between 1 and {MAX_PEOPLE:,}.",
            field="people_needed",
        )
    duplicate = session.scalar(
        select(UnitTarget.id).where(
            UnitTarget.unit_id == target.unit_id,
            UnitTarget.competence_id == competence.id,
            UnitTarget.level_id == level.id,
            UnitTarget.id != (target.id or 0),
        )
    )
    if duplicate is not None:
        raise ConflictError(
            f"Enheten har allerede et mål for «{competence.name}» på nivå {data.level}. Endre det i stedet.",
            f"The unit already has a target for '{competence.name_en or competence.name}' at level "
            f"{data.level}. Change that one instead.",
            field="competence_id",
        )
    target.competence_id = competence.id
    target.level_id = level.id
    target.people_needed = data.people_needed
    target.reason = optional_text(data.reason, "reason", "Begrunnelse", "Reason", max_len=2000)
    target.due_on = data.due_on


def add_target(uow: UnitOfWork, unit_id: int, data: TargetInput) -> int:
    """Set a new target for a unit; its id."""
    with uow:
        s = uow.session
        get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        target = UnitTarget(unit_id=unit_id)
        _apply(s, target, data)
        s.add(target)
        uow.flush()
        audit.record(s, uow.actor, "create", entity="unit_target", entity_id=target.id)
        uow.commit()
        return target.id


def update_target(
    uow: UnitOfWork, target_id: int, data: TargetInput, *, expected_version: int | None
) -> None:
    with uow:
        s = uow.session
        target = get_or_fail(s, UnitTarget, target_id, "mål", "Target")
        check_version(target, expected_version)
        _apply(s, target, data)
        uow.flush()
        audit.record(s, uow.actor, "update", entity="unit_target", entity_id=target.id)
        uow.commit()


def delete_target(uow: UnitOfWork, target_id: int, *, expected_version: int | None) -> None:
    """Delete a target; measures aimed at it keep their aim as the target's competence."""
    with uow:
        s = uow.session
        target = get_or_fail(s, UnitTarget, target_id, "mål", "Target")
        check_version(target, expected_version)
        for measure in s.scalars(select(UnitMeasure).where(UnitMeasure.target_id == target.id)):
            measure.target_id = None
            measure.competence_id = measure.competence_id or target.competence_id
        s.delete(target)
        audit.record(s, uow.actor, "delete", entity="unit_target", entity_id=target_id)
        uow.commit()
