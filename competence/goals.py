"""Learning goals (utviklingsmål) and the activities that reach them.

Completing a goal closes the loop (docs/compliance.md): in the same transaction it may record the
level the goal aimed at (from the leader, or from the course when a certificate comes with it) and
the certificate of the course.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.assessments import NewAssessment, add_assessments
from competence.certificates import CertificateInput, insert_certificate
from competence.clock import today
from competence.errors import ValidationError
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.scales import level_for
from competence.uow import UnitOfWork
from competence.validation import date_order, optional_text, required_text
from db.codes import OPEN_GOAL_STATUSES, ActivityType, AssessmentSource, GoalStatus
from db.models import (
    Appraisal,
    Area,
    Competence,
    Employee,
    LearningGoal,
    ScaleLevel,
)


@dataclass(frozen=True)
class GoalInput:
    description: str
    activity_type: str = ActivityType.COURSE
    competence_id: int | None = None
    area_id: int | None = None
    target_level: int | None = None
    start_on: dt.date | None = None
    due_on: dt.date | None = None
    status: str = GoalStatus.PLANNED
    hours: float | None = None
    cost_nok: int | None = None
    result: str | None = None
    appraisal_id: int | None = None


@dataclass(frozen=True)
class GoalView:
    id: int
    employee_id: int
    description: str
    activity_type: str
    competence_id: int | None
    competence_name: str | None
    area_id: int | None
    area_name: str | None
    target_level: int | None
    target_level_name: str | None
    start_on: dt.date | None
    due_on: dt.date | None
    status: str
    hours: float | None
    cost_nok: int | None
    result: str | None
    appraisal_id: int | None
    version: int
    competence_name_en: str | None = None
    area_name_en: str | None = None

    def aim(self, lang: str) -> str:
        """What the goal is about: its competence, else its strategy area, in ``lang``."""
        if self.competence_name:
            return pick_name(lang, self.competence_name, self.competence_name_en)
        return pick_name(lang, self.area_name, self.area_name_en) if self.area_name else ""

    def overdue(self, on: dt.date | None = None) -> bool:
        return self.due_on is not None and self.status in OPEN_GOAL_STATUSES and self.due_on < (on or today())


@dataclass(frozen=True)
class Completion:
    """What completing a goal records with it: the level it aimed at (in its competence), and the
    certificate of the course (for a course competence: that certificate; for a skill, the level is
    then recorded as given by the course)."""

    level: int | None = None
    certificate: CertificateInput | None = None
    completed_on: dt.date | None = None


def _apply(uow: UnitOfWork, goal: LearningGoal, data: GoalInput) -> None:
    s = uow.session
    goal.description = required_text(
        data.description, "description", "Beskrivelse", "Description", max_len=2000
    )
    if ActivityType.known(data.activity_type) is None:
        raise ValidationError(
            f"Ukjent aktivitetstype: {data.activity_type}.",
            f"Unknown activity type: {data.activity_type}.",
            field="activity_type",
        )
    if GoalStatus.known(data.status) is None:
        raise ValidationError(
            f"Ukjent status: {data.status}.", f"Unknown status: {data.status}.", field="status"
        )
    date_order(data.start_on, data.due_on, "due_on")
    if data.hours is not None and data.hours < 0:
        raise ValidationError("Timer kan ikke være negativt.", "Hours cannot be negative.", field="hours")
    if data.cost_nok is not None and data.cost_nok < 0:
        raise ValidationError("Kostnad kan ikke være negativ.", "Cost cannot be negative.", field="cost_nok")
    goal.activity_type = data.activity_type
    goal.status = data.status
    goal.start_on, goal.due_on = data.start_on, data.due_on
    goal.hours, goal.cost_nok = data.hours, data.cost_nok
    goal.result = optional_text(data.result, "result", "Resultat", "Result")
    goal.target_level_id = None
    goal.competence_id = None
    goal.area_id = data.area_id
    if data.competence_id is not None:
        comp = get_or_fail(s, Competence, data.competence_id, "kompetanse", "Competence")
        goal.competence_id = comp.id
        goal.area_id = comp.area_id
        if data.target_level is not None:
            goal.target_level_id = level_for(s, comp, data.target_level).id
    elif data.area_id is not None:
        get_or_fail(s, Area, data.area_id, "strategiområde", "Strategy area")
    if data.appraisal_id is not None:
        get_or_fail(s, Appraisal, data.appraisal_id, "medarbeidersamtale", "Appraisal")
    goal.appraisal_id = data.appraisal_id


def add_goal(uow: UnitOfWork, employee_id: int, data: GoalInput) -> GoalView:
    with uow:
        s = uow.session
        emp = get_or_fail(s, Employee, employee_id, "ansatt", "Employee")
        goal = LearningGoal(employee_id=employee_id)
        _apply(uow, goal, data)
        s.add(goal)
        uow.flush()
        audit.record(
            s, uow.actor, "create", entity="learning_goal", entity_id=goal.id, employee_no=emp.employee_no
        )
        uow.commit()
        return _goal_views(uow, employee_id, goal.id)[0]


def update_goal(
    uow: UnitOfWork,
    goal_id: int,
    data: GoalInput,
    *,
    expected_version: int | None,
    completion: Completion | None = None,
) -> GoalView:
    """Save the goal; when it becomes completed, ``completion`` is recorded in the same transaction."""
    with uow:
        s = uow.session
        goal = get_or_fail(s, LearningGoal, goal_id, "utviklingsmål", "Learning goal")
        check_version(goal, expected_version)
        _apply(uow, goal, data)
        uow.flush()
        if completion is not None and goal.status == GoalStatus.COMPLETED:
            _record_completion(s, uow.actor, goal, completion)
        emp = s.get(Employee, goal.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="learning_goal",
            entity_id=goal.id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
        return _goal_views(uow, goal.employee_id, goal.id)[0]


def set_goal_status(uow: UnitOfWork, goal_id: int, status: str, *, expected_version: int | None) -> GoalView:
    if GoalStatus.known(status) is None:
        raise ValidationError(f"Ukjent status: {status}.", f"Unknown status: {status}.", field="status")
    with uow:
        s = uow.session
        goal = get_or_fail(s, LearningGoal, goal_id, "utviklingsmål", "Learning goal")
        check_version(goal, expected_version)
        goal.status = status
        uow.flush()
        emp = s.get(Employee, goal.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="learning_goal",
            entity_id=goal.id,
            employee_no=emp.employee_no if emp else None,
            fields=["status"],
        )
        uow.commit()
        return _goal_views(uow, goal.employee_id, goal.id)[0]


def complete_goal(
    uow: UnitOfWork,
    goal_id: int,
    completion: Completion,
    *,
    expected_version: int | None,
    result: str | None = None,
) -> GoalView:
    """Mark the goal completed, recording what it reached (:class:`Completion`) with it."""
    with uow:
        s = uow.session
        goal = get_or_fail(s, LearningGoal, goal_id, "utviklingsmål", "Learning goal")
        check_version(goal, expected_version)
        goal.status = GoalStatus.COMPLETED
        if result is not None:
            goal.result = optional_text(result, "result", "Resultat", "Result")
        uow.flush()
        _record_completion(s, uow.actor, goal, completion)
        emp = s.get(Employee, goal.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="learning_goal",
            entity_id=goal.id,
            employee_no=emp.employee_no if emp else None,
            fields=["status", "result"],
        )
        uow.commit()
        return _goal_views(uow, goal.employee_id, goal.id)[0]


def _record_completion(session: Session, actor: str, goal: LearningGoal, completion: Completion) -> None:
    on = completion.completed_on or today()
    comp = session.get(Competence, goal.competence_id) if goal.competence_id is not None else None
    cert = completion.certificate
    if cert is not None:
        linked = cert.competence_id
        if linked is None and comp is not None and comp.kind == "certificate":
            linked = comp.id  # the goal was the course itself
        name = cert.name or (comp.name if comp is not None and linked == comp.id else goal.description[:300])
        insert_certificate(session, actor, goal.employee_id, replace(cert, name=name, competence_id=linked))
    if completion.level is None:
        return
    if comp is None or comp.kind != "skill":
        raise ValidationError(
            "Et nivå kan bare registreres for et mål med en kompetanse som vurderes på nivå.",
            "A level can only be recorded for a goal with a competence assessed by level.",
            field="level",
        )
    by_course = cert is not None
    add_assessments(
        session,
        actor,
        [
            NewAssessment(
                goal.employee_id,
                comp.id,
                completion.level,
                cert.completed_on if cert is not None else on,
                AssessmentSource.COURSE if by_course else AssessmentSource.LEADER,
                (cert.issuer or cert.name or actor) if cert is not None else actor,
                f"Utviklingsmål fullført: {goal.description}"[:4000],
            )
        ],
    )


def delete_goal(uow: UnitOfWork, goal_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        goal = get_or_fail(s, LearningGoal, goal_id, "utviklingsmål", "Learning goal")
        check_version(goal, expected_version)
        emp = s.get(Employee, goal.employee_id)
        s.delete(goal)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="learning_goal",
            entity_id=goal_id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()


def goals_of(uow: UnitOfWork, employee_id: int) -> list[GoalView]:
    with uow:
        return _goal_views(uow, employee_id)


def _goal_views(uow: UnitOfWork, employee_id: int, goal_id: int | None = None) -> list[GoalView]:
    stmt = (
        select(
            LearningGoal,
            Competence.name,
            Area.name,
            ScaleLevel.ordinal,
            ScaleLevel.name,
            Competence.name_en,
            Area.name_en,
        )
        .outerjoin(Competence, Competence.id == LearningGoal.competence_id)
        .outerjoin(Area, Area.id == LearningGoal.area_id)
        .outerjoin(ScaleLevel, ScaleLevel.id == LearningGoal.target_level_id)
        .where(LearningGoal.employee_id == employee_id)
        .order_by(LearningGoal.due_on.is_(None), LearningGoal.due_on, LearningGoal.id)
    )
    if goal_id is not None:
        stmt = stmt.where(LearningGoal.id == goal_id)
    return [
        GoalView(
            g.id,
            g.employee_id,
            g.description,
            g.activity_type,
            g.competence_id,
            c_name,
            g.area_id,
            a_name,
            lv_ord,
            lv_name,
            g.start_on,
            g.due_on,
            g.status,
            g.hours,
            g.cost_nok,
            g.result,
            g.appraisal_id,
            g.version,
            c_name_en,
            a_name_en,
        )
        for g, c_name, a_name, lv_ord, lv_name, c_name_en, a_name_en in uow.session.execute(stmt)
    ]
