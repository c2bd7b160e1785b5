"""Targets of a unit: "we need N people at level L or above in competence C", or "we need N
people holding qualification Q" (a formal qualification, docs/compliance.md).

A target names one or the other, never both (a CHECK of the table, and :func:`_apply` first, with a
message). A target counts the people of its unit *and the units below it* (a virksomhetsleder's target covers
the avdelinger); status on a date (docs/planning.md, "Targets"):

* **have**: the people there who hold the competence at the level, or hold the qualification, valid
  on the date (competence/planning/holders.py); a dispensation is not holding it;
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
from competence.gap.results import CompetenceRef, QualificationRef
from competence.language import pick, pick_name
from competence.lookup import check_version, get_or_fail
from competence.planning.holders import holder_counts, holder_names
from competence.scales import level_for
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.codes import TargetState
from db.models import Competence, OrgUnit, Qualification, ScaleLevel
from db.planning import UnitMeasure, UnitTarget

MAX_PEOPLE = 10_000


@dataclass(frozen=True)
class TargetInput:
    """A competence with the lowest level that counts (its number on the competence's scale), or
    a qualification (then no competence and no level)."""

    competence_id: int | None
    level: int | None
    people_needed: int
    reason: str | None = None
    due_on: dt.date | None = None
    qualification_id: int | None = None


@dataclass(frozen=True)
class TargetStatus:
    id: int
    version: int
    unit_id: int
    unit_number: str
    unit_name: str
    #: the competence and its lowest level, or None for a qualification target
    competence: CompetenceRef | None
    level: int | None
    level_name: str | None
    level_name_en: str | None
    level_percent: float | None
    people_needed: int
    have: int
    reason: str | None
    due_on: dt.date | None
    at: dt.date
    #: who holds it (loaded for a unit's own view; empty for a municipality overview)
    holders: tuple[str, ...] = ()
    #: the qualification a qualification target names (None for a competence target)
    qualification: QualificationRef | None = None

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
        """ "3 Kan": the lowest level that counts; for a qualification, that it must be valid."""
        if self.level is None or self.level_name is None:
            return pick(lang, "gyldig", "valid")
        return f"{self.level} {pick_name(lang, self.level_name, self.level_name_en)}"

    def subject_label(self, lang: str) -> str:
        """What the target is about: the competence's code and name, or the qualification's name."""
        if self.competence is not None:
            return self.competence.display_label(lang)
        return self.qualification.display_name(lang) if self.qualification is not None else ""

    def subject_detail(self, lang: str) -> str:
        """Where it belongs: the competence's framework and area, or the kind of qualification."""
        if self.competence is not None:
            return f"{self.competence.framework_display(lang)} › {self.competence.area_label(lang)}"
        if self.qualification is not None:
            return pick(lang, "Kvalifikasjon: {kind}", "Qualification: {kind}").format(
                kind=self.qualification.kind_label(lang).lower()
            )
        return ""

    @property
    def level_sort(self) -> float:
        """The level's share for sorting (a qualification target after every level)."""
        return self.level_percent if self.level_percent is not None else 101.0

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
        .outerjoin(level, level.id == UnitTarget.level_id)
    )
    scope = unit_scope(unit_id, subunits)
    if scope is not None:
        stmt = stmt.where(UnitTarget.unit_id.in_(scope))
    if competence_ids is not None:
        stmt = stmt.where(UnitTarget.competence_id.in_(sorted(competence_ids)))
    rows = session.execute(stmt).all()
    ids = [row[0].id for row in rows]
    names = holder_names(session, ids, at) if with_holders else {}
    # with the names read, their number is the count (one name per person who holds the target)
    counts = {t: len(held) for t, held in names.items()} if with_holders else holder_counts(session, ids, at)
    refs = competence_refs(session, sorted({c for row in rows if (c := row[0].competence_id) is not None}))
    qualifications = qualification_refs(
        session, sorted({q for row in rows if (q := row[0].qualification_id) is not None})
    )
    found = [
        TargetStatus(
            target.id,
            target.version,
            target.unit_id,
            number,
            name,
            refs[target.competence_id] if target.competence_id is not None else None,
            ordinal,
            level_name,
            level_name_en,
            float(percent) if percent is not None else None,
            target.people_needed,
            counts.get(target.id, 0),
            target.reason,
            target.due_on,
            at,
            names.get(target.id, ()),
            qualifications[target.qualification_id] if target.qualification_id is not None else None,
        )
        for target, number, name, ordinal, level_name, level_name_en, percent in rows
    ]
    return sorted(found, key=_order)


def qualification_refs(session: Session, ids: list[int]) -> dict[int, QualificationRef]:
    """The qualifications with ``ids``, keyed by id."""
    if not ids:
        return {}
    stmt = select(Qualification).where(Qualification.id.in_(ids))
    return {q.id: QualificationRef(q.id, q.key, q.name, q.name_en, q.kind) for q in session.scalars(stmt)}


def _order(target: TargetStatus) -> tuple[Any, ...]:
    """By unit; in a unit the competence targets in framework order, then the qualification targets
    by name."""
    if target.competence is None:
        name = target.qualification.name.casefold() if target.qualification is not None else ""
        return (target.unit_number, 1, name, "", 0, 0, 0)
    return (
        target.unit_number,
        0,
        target.competence.framework_name,
        "",
        target.competence.area_order,
        target.competence.order,
        target.level or 0,
    )


def _apply(session: Session, target: UnitTarget, data: TargetInput) -> None:
    if data.qualification_id is not None and (data.competence_id is not None or data.level is not None):
        raise ValidationError(
            "Et mål gjelder enten en kompetanse med nivå eller en kvalifikasjon, ikke begge.",
            "A target names either a competence with a level or a qualification, not both.",
            field="qualification_id",
        )
    if data.qualification_id is None and data.competence_id is None:
        raise ValidationError(
            "Velg en kompetanse med nivå, eller en kvalifikasjon, som målet gjelder.",
            "Choose the competence with a level, or the qualification, the target is about.",
            field="competence_id",
        )
    if not 1 <= data.people_needed <= MAX_PEOPLE:
        raise ValidationError(
            f"Antall personer må være mellom 1 og {MAX_PEOPLE:,}.".replace(",", "\u00a0"),
            f"The number of people must be between 1 and {MAX_PEOPLE:,}.",
            field="people_needed",
        )
    if data.qualification_id is not None:
        _apply_qualification(session, target, data.qualification_id)
    else:
        _apply_competence(session, target, data)
    target.people_needed = data.people_needed
    target.reason = optional_text(data.reason, "reason", "Begrunnelse", "Reason", max_len=2000)
    target.due_on = data.due_on


def _apply_competence(session: Session, target: UnitTarget, data: TargetInput) -> None:
    assert data.competence_id is not None
    competence = get_or_fail(session, Competence, data.competence_id, "kompetanse", "Competence")
    if data.level is None:
        raise ValidationError(
            f"Velg det laveste nivået som teller for «{competence.name}».",
            f"Choose the lowest level that counts for '{competence.name_en or competence.name}'.",
            field="level",
        )
    level = level_for(session, competence, data.level)
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
    target.qualification_id = None


def _apply_qualification(session: Session, target: UnitTarget, qualification_id: int) -> None:
    qualification = get_or_fail(session, Qualification, qualification_id, "kvalifikasjon", "Qualification")
    duplicate = session.scalar(
        select(UnitTarget.id).where(
            UnitTarget.unit_id == target.unit_id,
            UnitTarget.qualification_id == qualification.id,
            UnitTarget.id != (target.id or 0),
        )
    )
    if duplicate is not None:
        english = qualification.name_en or qualification.name
        raise ConflictError(
            f"Enheten har allerede et mål for kvalifikasjonen «{qualification.name}». Endre det i stedet.",
            f"The unit already has a target for the qualification '{english}'. Change that one instead.",
            field="qualification_id",
        )
    target.qualification_id = qualification.id
    target.competence_id = None
    target.level_id = None


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
    """Delete a target; measures aimed at it keep their aim as the target's competence. A measure
    aimed only at a qualification target would be aimed at nothing: the deletion is refused until
    it is aimed elsewhere (a measure always has an aim, docs/planning.md "Measures")."""
    with uow:
        s = uow.session
        target = get_or_fail(s, UnitTarget, target_id, "mål", "Target")
        check_version(target, expected_version)
        measures = list(s.scalars(select(UnitMeasure).where(UnitMeasure.target_id == target.id)))
        aimless = [
            m
            for m in measures
            if target.competence_id is None and m.competence_id is None and m.area_id is None
        ]
        if aimless:
            titles = ", ".join(f"«{m.title}»" for m in aimless[:3]) + (" …" if len(aimless) > 3 else "")
            raise ConflictError(
                f"Målet kan ikke slettes: {len(aimless)} tiltak er bare rettet mot det ({titles}). Rett "
                "tiltakene mot en kompetanse eller et strategiområde, eller slett dem, først.",
                f"The target cannot be deleted: {len(aimless)} measures are aimed only at it ({titles}). "
                "Aim them at a competence or a strategy area, or delete them, first.",
                field="target_id",
            )
        for measure in measures:
            measure.target_id = None
            measure.competence_id = measure.competence_id or target.competence_id
        s.delete(target)
        audit.record(s, uow.actor, "delete", entity="unit_target", entity_id=target_id)
        uow.commit()
