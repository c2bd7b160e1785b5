"""Talks between a leader and an employee: the medarbeidersamtale, and follow-up and life-phase
talks beside it (:class:`db.codes.AppraisalKind`). When the next medarbeidersamtale falls due is
:mod:`competence.talk_cycle`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from competence import audit
from competence.errors import ValidationError
from competence.lookup import check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.codes import AppraisalKind
from db.models import Appraisal, Employee, LearningGoal


@dataclass(frozen=True)
class AppraisalInput:
    held_on: dt.date
    leader_id: int | None = None
    leader_name: str | None = None
    summary: str | None = None
    agreed: str | None = None
    notes: str | None = None
    goal_ids: tuple[int, ...] = ()
    kind: str = AppraisalKind.APPRAISAL.value


@dataclass(frozen=True)
class AppraisalView:
    id: int
    employee_id: int
    held_on: dt.date
    leader_id: int | None
    leader_name: str | None
    summary: str | None
    agreed: str | None
    notes: str | None
    goal_ids: tuple[int, ...]
    version: int
    kind: str = AppraisalKind.APPRAISAL.value

    def kind_label(self, lang: str) -> str:
        return AppraisalKind.label_of(self.kind, lang)


def _apply(uow: UnitOfWork, appraisal: Appraisal, data: AppraisalInput) -> None:
    s = uow.session
    kind = AppraisalKind.known(data.kind)
    if kind is None:
        raise ValidationError(
            f"Ukjent type samtale: {data.kind}.", f"Unknown kind of talk: {data.kind}.", field="kind"
        )
    appraisal.kind = kind.value
    leader_name = optional_text(data.leader_name, "leader_name", "Leder", "Leader", max_len=200)
    if data.leader_id is not None:
        leader = get_or_fail(s, Employee, data.leader_id, "leder", "Leader")
        leader_name = leader_name or leader.full_name
    appraisal.leader_id = data.leader_id
    appraisal.leader_name = leader_name
    appraisal.held_on = data.held_on
    appraisal.summary = optional_text(data.summary, "summary", "Sammendrag", "Summary", max_len=20000)
    appraisal.agreed = optional_text(data.agreed, "agreed", "Avtalt", "Agreed", max_len=20000)
    appraisal.notes = optional_text(data.notes, "notes", "Notater", "Notes", max_len=20000)


def _link_goals(uow: UnitOfWork, appraisal: Appraisal, goal_ids: tuple[int, ...]) -> None:
    s = uow.session
    s.execute(
        update(LearningGoal)
        .where(LearningGoal.appraisal_id == appraisal.id, LearningGoal.id.not_in(goal_ids or (-1,)))
        .values(appraisal_id=None)
    )
    if goal_ids:
        s.execute(
            update(LearningGoal)
            .where(LearningGoal.id.in_(goal_ids), LearningGoal.employee_id == appraisal.employee_id)
            .values(appraisal_id=appraisal.id)
        )


def record_appraisal(uow: UnitOfWork, employee_id: int, data: AppraisalInput) -> AppraisalView:
    with uow:
        s = uow.session
        emp = get_or_fail(s, Employee, employee_id, "ansatt", "Employee")
        appraisal = Appraisal(employee_id=employee_id)
        _apply(uow, appraisal, data)
        s.add(appraisal)
        uow.flush()
        _link_goals(uow, appraisal, data.goal_ids)
        audit.record(
            s, uow.actor, "create", entity="appraisal", entity_id=appraisal.id, employee_no=emp.employee_no
        )
        uow.commit()
        return _views(uow, employee_id, appraisal.id)[0]


def update_appraisal(
    uow: UnitOfWork, appraisal_id: int, data: AppraisalInput, *, expected_version: int | None
) -> AppraisalView:
    with uow:
        s = uow.session
        appraisal = get_or_fail(s, Appraisal, appraisal_id, "medarbeidersamtale", "Appraisal")
        check_version(appraisal, expected_version)
        _apply(uow, appraisal, data)
        uow.flush()
        _link_goals(uow, appraisal, data.goal_ids)
        emp = s.get(Employee, appraisal.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="appraisal",
            entity_id=appraisal.id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
        return _views(uow, appraisal.employee_id, appraisal.id)[0]


def delete_appraisal(uow: UnitOfWork, appraisal_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        appraisal = get_or_fail(s, Appraisal, appraisal_id, "medarbeidersamtale", "Appraisal")
        check_version(appraisal, expected_version)
        emp = s.get(Employee, appraisal.employee_id)
        s.delete(appraisal)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="appraisal",
            entity_id=appraisal_id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()


def appraisals_of(uow: UnitOfWork, employee_id: int) -> list[AppraisalView]:
    """The person's appraisal talks, newest first."""
    with uow:
        return _views(uow, employee_id)


def _views(uow: UnitOfWork, employee_id: int, appraisal_id: int | None = None) -> list[AppraisalView]:
    s = uow.session
    stmt = select(Appraisal).where(Appraisal.employee_id == employee_id).order_by(Appraisal.held_on.desc())
    if appraisal_id is not None:
        stmt = stmt.where(Appraisal.id == appraisal_id)
    appraisals = list(s.scalars(stmt))
    links: dict[int, list[int]] = {}
    if appraisals:
        for goal_id, app_id in s.execute(
            select(LearningGoal.id, LearningGoal.appraisal_id).where(
                LearningGoal.appraisal_id.in_([a.id for a in appraisals])
            )
        ):
            if app_id is not None:
                links.setdefault(app_id, []).append(goal_id)
    return [
        AppraisalView(
            a.id,
            a.employee_id,
            a.held_on,
            a.leader_id,
            a.leader_name,
            a.summary,
            a.agreed,
            a.notes,
            tuple(sorted(links.get(a.id, []))),
            a.version,
            a.kind,
        )
        for a in appraisals
    ]
