"""Roles (kompetanseprofiler): the competence levels and the formal qualifications each requires.

Requirements have a history (docs/compliance.md): each row holds from ``valid_from`` through
``valid_to``; a change is a new row from the day it takes effect, so figures for an earlier date use
the requirements then in force. Removing a requirement ends it rather than deleting it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import today
from competence.errors import ConflictError, ValidationError
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.scales import level_for
from competence.uow import UnitOfWork
from competence.validation import optional_text, required_text
from db.models import Area, Competence, Framework, Position, Qualification, Requirement, Role, ScaleLevel


@dataclass(frozen=True)
class RoleView:
    id: int
    name: str
    description: str | None
    requirement_count: int
    position_count: int
    version: int


@dataclass(frozen=True)
class RequirementView:
    """A requirement of a competence at a level, in force from ``valid_from`` (None: from the
    start) through ``valid_to`` (None: still in force)."""

    id: int
    role_id: int
    competence_id: int
    competence_code: str | None
    competence_name: str
    area_name: str
    framework_name: str
    level_ordinal: int
    level_name: str
    percent: float
    mandatory: bool
    critical: bool
    kind: str
    version: int
    deadline_months: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    competence_name_en: str | None = None

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.competence_name, self.competence_name_en)


@dataclass(frozen=True)
class QualificationRequirementView:
    """A requirement that people in the role hold a formal qualification."""

    id: int
    role_id: int
    qualification_id: int
    qualification_name: str
    qualification_name_en: str | None
    kind: str
    mandatory: bool
    deadline_months: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    version: int

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.qualification_name, self.qualification_name_en)


def in_force(at: Any) -> ColumnElement[bool]:
    """The requirement holds on ``at`` (a date or a bound parameter)."""
    return and_(
        or_(Requirement.valid_from.is_(None), Requirement.valid_from <= at),
        or_(Requirement.valid_to.is_(None), Requirement.valid_to >= at),
    )


def list_roles(uow: UnitOfWork) -> list[RoleView]:
    """The roles, each with how many requirements it has now and how many posts hold it."""
    with uow:
        return role_views(uow.session)


def role_views(session: Session) -> list[RoleView]:
    req = (
        select(Requirement.role_id, func.count().label("n"))
        .where(Requirement.valid_to.is_(None))
        .group_by(Requirement.role_id)
        .subquery()
    )
    pos = select(Position.role_id, func.count().label("n")).group_by(Position.role_id).subquery()
    stmt = (
        select(Role, func.coalesce(req.c.n, 0), func.coalesce(pos.c.n, 0))
        .outerjoin(req, req.c.role_id == Role.id)
        .outerjoin(pos, pos.c.role_id == Role.id)
        .order_by(Role.name)
    )
    return [
        RoleView(r.id, r.name, r.description, n_req, n_pos, r.version)
        for r, n_req, n_pos in session.execute(stmt)
    ]


@dataclass(frozen=True)
class RoleRequirements:
    """What a role requires: competences at a level, and qualifications."""

    competences: tuple[RequirementView, ...]
    qualifications: tuple[QualificationRequirementView, ...]


def requirements_of(uow: UnitOfWork, role_id: int) -> list[RequirementView]:
    """The role's competence requirements now in force or about to be (the open-ended ones)."""
    with uow:
        return role_requirements(uow.session, role_id)


def role_profile(uow: UnitOfWork, role_id: int) -> RoleRequirements:
    """Opening a role in the roles screen: its competence and qualification requirements."""
    with uow:
        s = uow.session
        return RoleRequirements(
            tuple(role_requirements(s, role_id)), tuple(role_qualification_requirements(s, role_id))
        )


def role_requirements(
    session: Session, role_id: int, *, at: dt.date | None = None, history: bool = False
) -> list[RequirementView]:
    """The role's competence requirements: the open-ended ones (those in force now and those that
    take effect later), those in force on ``at``, or with ``history`` every period."""
    stmt = (
        select(Requirement, Competence, Area.name, Framework.name, ScaleLevel)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
        .join(ScaleLevel, ScaleLevel.id == Requirement.level_id)
        .where(Requirement.role_id == role_id)
        .order_by(
            Framework.name,
            Area.sort_order,
            Competence.sort_order,
            Competence.name,
            Requirement.valid_from.is_not(None),  # "from the start" first, on every database
            Requirement.valid_from,
        )
    )
    if at is not None:
        stmt = stmt.where(in_force(at))
    elif not history:
        stmt = stmt.where(Requirement.valid_to.is_(None))
    return [
        RequirementView(
            r.id,
            r.role_id,
            c.id,
            c.code,
            c.name,
            area_name,
            fw_name,
            lv.ordinal,
            lv.name,
            lv.percent,
            r.mandatory,
            c.critical,
            c.kind,
            r.version,
            r.deadline_months,
            r.valid_from,
            r.valid_to,
            c.name_en,
        )
        for r, c, area_name, fw_name, lv in session.execute(stmt)
    ]


def role_qualification_requirements(
    session: Session, role_id: int, *, at: dt.date | None = None, history: bool = False
) -> list[QualificationRequirementView]:
    """The qualifications the role requires (open-ended, in force on ``at``, or every period)."""
    stmt = (
        select(Requirement, Qualification)
        .join(Qualification, Qualification.id == Requirement.qualification_id)
        .where(Requirement.role_id == role_id)
        .order_by(Qualification.name, Requirement.valid_from.is_not(None), Requirement.valid_from)
    )
    if at is not None:
        stmt = stmt.where(in_force(at))
    elif not history:
        stmt = stmt.where(Requirement.valid_to.is_(None))
    return [
        QualificationRequirementView(
            r.id,
            r.role_id,
            q.id,
            q.name,
            q.name_en,
            q.kind,
            r.mandatory,
            r.deadline_months,
            r.valid_from,
            r.valid_to,
            r.version,
        )
        for r, q in session.execute(stmt)
    ]


def requirement_history(
    uow: UnitOfWork, role_id: int, *, competence_id: int | None = None, qualification_id: int | None = None
) -> list[RequirementView] | list[QualificationRequirementView]:
    """Every period of one requirement of a role, the earliest first."""
    with uow:
        s = uow.session
        if competence_id is not None:
            return [
                r for r in role_requirements(s, role_id, history=True) if r.competence_id == competence_id
            ]
        return [
            r
            for r in role_qualification_requirements(s, role_id, history=True)
            if r.qualification_id == qualification_id
        ]


def create_role(uow: UnitOfWork, name: str, description: str | None = None) -> RoleView:
    clean = required_text(name, "name", "Rollenavn", "Role name")
    with uow:
        s = uow.session
        if s.scalar(select(Role.id).where(func.lower(Role.name) == clean.lower())) is not None:
            raise ConflictError(
                f"Rollen «{clean}» finnes allerede.", f"The role '{clean}' already exists.", field="name"
            )
        role = Role(
            name=clean, description=optional_text(description, "description", "Beskrivelse", "Description")
        )
        s.add(role)
        uow.flush()
        audit.record(s, uow.actor, "create", entity="role", entity_id=role.id)
        uow.commit()
        return RoleView(role.id, role.name, role.description, 0, 0, role.version)


def update_role(
    uow: UnitOfWork, role_id: int, *, expected_version: int | None, name: str, description: str | None
) -> RoleView:
    clean = required_text(name, "name", "Rollenavn", "Role name")
    with uow:
        s = uow.session
        role = get_or_fail(s, Role, role_id, "rolle", "Role")
        check_version(role, expected_version)
        clash = s.scalar(select(Role.id).where(func.lower(Role.name) == clean.lower(), Role.id != role_id))
        if clash is not None:
            raise ConflictError(
                f"Rollen «{clean}» finnes allerede.", f"The role '{clean}' already exists.", field="name"
            )
        role.name = clean
        role.description = optional_text(description, "description", "Beskrivelse", "Description")
        uow.flush()
        audit.record(s, uow.actor, "update", entity="role", entity_id=role.id)
        uow.commit()
        n_req = (
            s.scalar(
                select(func.count())
                .select_from(Requirement)
                .where(Requirement.role_id == role_id, Requirement.valid_to.is_(None))
            )
            or 0
        )
        n_pos = s.scalar(select(func.count()).select_from(Position).where(Position.role_id == role_id)) or 0
        return RoleView(role.id, role.name, role.description, n_req, n_pos, role.version)


def delete_role(uow: UnitOfWork, role_id: int, *, expected_version: int | None) -> None:
    """Delete a role; positions that had it keep their title but lose the requirement profile."""
    with uow:
        s = uow.session
        role = get_or_fail(s, Role, role_id, "rolle", "Role")
        check_version(role, expected_version)
        s.delete(role)
        audit.record(s, uow.actor, "delete", entity="role", entity_id=role_id)
        uow.commit()


@dataclass(frozen=True)
class _Terms:
    """What a requirement asks, apart from its period."""

    level_id: int | None
    mandatory: bool
    deadline_months: int | None


def _check_deadline(deadline_months: int | None, mandatory: bool, proven_by_document: bool) -> None:
    if deadline_months is None:
        return
    if not proven_by_document:
        raise ValidationError(
            "En frist gjelder bare kurs og kvalifikasjoner, som dokumenteres; en ferdighet vurderes.",
            "A deadline applies only to courses and qualifications, which are documented; a skill is "
            "assessed.",
            field="deadline_months",
        )
    if not mandatory:
        raise ValidationError(
            "En frist gjelder bare et obligatorisk krav.",
            "A deadline applies only to a mandatory requirement.",
            field="deadline_months",
        )
    if not 1 <= deadline_months <= 120:
        raise ValidationError(
            "Fristen må være mellom 1 og 120 måneder.",
            "The deadline must be 1 to 120 months.",
            field="deadline_months",
        )


def _set_period(
    session: Session, role_id: int, target: ColumnElement[bool], terms: _Terms, valid_from: dt.date | None
) -> Requirement:
    """Give the role ``terms`` for the requirement ``target`` picks, from ``valid_from``.

    * nothing open yet: a new row from ``valid_from`` (None: from the start, unless an earlier
      period of the same requirement ended: then from the day after it);
    * ``valid_from`` None or the open row's own start: the open row is corrected in place;
    * a later ``valid_from``: the open row ends the day before and a new row takes over, so
      figures for earlier dates keep the old terms;
    * an earlier one: refused (it would rewrite a period that has been in force).
    """
    rows = list(session.scalars(select(Requirement).where(Requirement.role_id == role_id, target)))
    current = next((r for r in rows if r.valid_to is None), None)
    ended = [r.valid_to for r in rows if r.valid_to is not None]
    if current is None:
        if ended and (valid_from is None or valid_from <= max(ended)):
            valid_from = max(ended) + dt.timedelta(days=1)
        req = Requirement(role_id=role_id, valid_from=valid_from)
        session.add(req)
    elif valid_from is None or valid_from == current.valid_from:
        req = current
    elif current.valid_from is not None and valid_from < current.valid_from:
        raise ValidationError(
            f"Kravet gjelder fra {current.valid_from:%d.%m.%Y}; en endring kan tidligst gjelde fra "
            "den datoen.",
            f"The requirement holds from {current.valid_from:%d/%m/%Y}; a change can hold from that date at "
            "the earliest.",
            field="valid_from",
        )
    elif (current.level_id, current.mandatory, current.deadline_months) == (
        terms.level_id,
        terms.mandatory,
        terms.deadline_months,
    ):
        return current  # nothing changes: no new period
    else:
        current.valid_to = valid_from - dt.timedelta(days=1)
        session.flush()  # one open row per requirement (a partial unique index)
        req = Requirement(role_id=role_id, valid_from=valid_from)
        session.add(req)
    req.level_id, req.mandatory, req.deadline_months = terms.level_id, terms.mandatory, terms.deadline_months
    return req


def _end_period(
    session: Session, role_id: int, target: ColumnElement[bool], from_date: dt.date
) -> int | None:
    """End the open row: it no longer holds from ``from_date``; a row that never took effect by
    then is deleted. Returns the row's id, None when there was none."""
    req = session.scalar(
        select(Requirement).where(Requirement.role_id == role_id, target, Requirement.valid_to.is_(None))
    )
    if req is None:
        return None
    if req.valid_from is not None and req.valid_from >= from_date:
        session.delete(req)
    else:
        req.valid_to = from_date - dt.timedelta(days=1)
    return req.id


def set_requirement(
    uow: UnitOfWork,
    role_id: int,
    competence_id: int,
    level: int,
    *,
    mandatory: bool = True,
    deadline_months: int | None = None,
    valid_from: dt.date | None = None,
) -> RequirementView:
    """Require ``level`` (an ordinal of the competence's scale) for the role, from ``valid_from``
    (None: correct the requirement as it stands, or from the start for a new one)."""
    with uow:
        s = uow.session
        get_or_fail(s, Role, role_id, "rolle", "Role")
        comp = get_or_fail(s, Competence, competence_id, "kompetanse", "Competence")
        lv = level_for(s, comp, level)
        _check_deadline(deadline_months, mandatory, comp.kind == "certificate")
        req = _set_period(
            s,
            role_id,
            Requirement.competence_id == competence_id,
            _Terms(lv.id, mandatory, deadline_months),
            valid_from,
        )
        req.competence_id = competence_id
        uow.flush()
        audit.record(
            s,
            uow.actor,
            "update",
            entity="requirement",
            entity_id=req.id,
            role_id=role_id,
            competence_id=competence_id,
            level=level,
            valid_from=req.valid_from.isoformat() if req.valid_from else None,
        )
        uow.commit()
        return next(r for r in role_requirements(s, role_id, history=True) if r.id == req.id)


def set_qualification_requirement(
    uow: UnitOfWork,
    role_id: int,
    qualification_id: int,
    *,
    mandatory: bool = True,
    deadline_months: int | None = None,
    valid_from: dt.date | None = None,
) -> QualificationRequirementView:
    """Require that people in the role hold a qualification (periods as :func:`set_requirement`)."""
    with uow:
        s = uow.session
        get_or_fail(s, Role, role_id, "rolle", "Role")
        get_or_fail(s, Qualification, qualification_id, "kvalifikasjon", "Qualification")
        _check_deadline(deadline_months, mandatory, True)
        req = _set_period(
            s,
            role_id,
            Requirement.qualification_id == qualification_id,
            _Terms(None, mandatory, deadline_months),
            valid_from,
        )
        req.qualification_id = qualification_id
        uow.flush()
        audit.record(
            s,
            uow.actor,
            "update",
            entity="requirement",
            entity_id=req.id,
            role_id=role_id,
            qualification_id=qualification_id,
            valid_from=req.valid_from.isoformat() if req.valid_from else None,
        )
        uow.commit()
        return next(r for r in role_qualification_requirements(s, role_id, history=True) if r.id == req.id)


def remove_requirement(
    uow: UnitOfWork, role_id: int, competence_id: int, *, from_date: dt.date | None = None
) -> None:
    """The role no longer requires the competence from ``from_date`` (default today); the period
    it held stays, so figures for earlier dates still count it."""
    with uow:
        s = uow.session
        ident = _end_period(s, role_id, Requirement.competence_id == competence_id, from_date or today())
        if ident is None:
            return
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="requirement",
            entity_id=ident,
            role_id=role_id,
            competence_id=competence_id,
        )
        uow.commit()


def remove_qualification_requirement(
    uow: UnitOfWork, role_id: int, qualification_id: int, *, from_date: dt.date | None = None
) -> None:
    """The role no longer requires the qualification from ``from_date`` (default today)."""
    with uow:
        s = uow.session
        ident = _end_period(
            s, role_id, Requirement.qualification_id == qualification_id, from_date or today()
        )
        if ident is None:
            return
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="requirement",
            entity_id=ident,
            role_id=role_id,
            qualification_id=qualification_id,
        )
        uow.commit()
