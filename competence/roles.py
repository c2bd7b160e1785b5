"""Roles (kompetanseprofiler) and their required competence levels."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ConflictError
from competence.lookup import check_version, get_or_fail
from competence.scales import level_for
from competence.uow import UnitOfWork
from competence.validation import optional_text, required_text
from db.models import Area, Competence, Framework, Position, Requirement, Role, ScaleLevel


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


def list_roles(uow: UnitOfWork) -> list[RoleView]:
    with uow:
        s = uow.session
        req = select(Requirement.role_id, func.count().label("n")).group_by(Requirement.role_id).subquery()
        pos = select(Position.role_id, func.count().label("n")).group_by(Position.role_id).subquery()
        stmt = (
            select(Role, func.coalesce(req.c.n, 0), func.coalesce(pos.c.n, 0))
            .outerjoin(req, req.c.role_id == Role.id)
            .outerjoin(pos, pos.c.role_id == Role.id)
            .order_by(Role.name)
        )
        return [
            RoleView(r.id, r.name, r.description, n_req, n_pos, r.version)
            for r, n_req, n_pos in s.execute(stmt)
        ]


def requirements_of(uow: UnitOfWork, role_id: int) -> list[RequirementView]:
    with uow:
        return role_requirements(uow.session, role_id)


def role_requirements(session: Session, role_id: int) -> list[RequirementView]:
    stmt = (
        select(Requirement, Competence, Area.name, Framework.name, ScaleLevel)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
        .join(ScaleLevel, ScaleLevel.id == Requirement.level_id)
        .where(Requirement.role_id == role_id)
        .order_by(Framework.name, Area.sort_order, Competence.sort_order, Competence.name)
    )
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
        )
        for r, c, area_name, fw_name, lv in session.execute(stmt)
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
            s.scalar(select(func.count()).select_from(Requirement).where(Requirement.role_id == role_id)) or 0
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


def set_requirement(
    uow: UnitOfWork, role_id: int, competence_id: int, level: int, *, mandatory: bool = True
) -> RequirementView:
    """Require ``level`` (an ordinal of the competence's scale) for the role; replaces an earlier level."""
    with uow:
        s = uow.session
        get_or_fail(s, Role, role_id, "rolle", "Role")
        comp = get_or_fail(s, Competence, competence_id, "kompetanse", "Competence")
        lv = level_for(s, comp, level)
        req = s.scalar(
            select(Requirement).where(
                Requirement.role_id == role_id, Requirement.competence_id == competence_id
            )
        )
        if req is None:
            req = Requirement(
                role_id=role_id, competence_id=competence_id, level_id=lv.id, mandatory=mandatory
            )
            s.add(req)
        else:
            req.level_id = lv.id
            req.mandatory = mandatory
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
        )
        uow.commit()
        return next(r for r in role_requirements(s, role_id) if r.id == req.id)


def remove_requirement(uow: UnitOfWork, role_id: int, competence_id: int) -> None:
    with uow:
        s = uow.session
        req = s.scalar(
            select(Requirement).where(
                Requirement.role_id == role_id, Requirement.competence_id == competence_id
            )
        )
        if req is None:
            return
        s.delete(req)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="requirement",
            entity_id=req.id,
            role_id=role_id,
            competence_id=competence_id,
        )
        uow.commit()
