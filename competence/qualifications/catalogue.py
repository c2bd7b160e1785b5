"""The municipality's catalogue of formal qualifications, which roles can require.

The built-in entries (``resources/qualifications/``, :mod:`competence.qualifications.builtin`) are
edited like the municipality's own; an entry that someone holds, a role requires, a dispensation
or a unit's target names cannot be deleted (the message says what holds it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ConflictError, ValidationError
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import optional_text, required_text
from db.codes import EducationLevel, QualificationKind
from db.models import Dispensation, EmployeeQualification, Qualification, Requirement
from db.planning import UnitTarget


@dataclass(frozen=True)
class QualificationView:
    id: int
    key: str
    kind: str
    name: str
    name_en: str | None
    education_level: str | None
    field: str | None
    description: str | None
    legal_basis: str | None
    builtin: bool
    #: how many people hold it, and how many roles require it now
    holders: int
    required_by: int
    version: int

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.name, self.name_en)

    def kind_label(self, lang: str) -> str:
        return QualificationKind.label_of(self.kind, lang)


@dataclass(frozen=True)
class QualificationInput:
    kind: str
    name: str
    name_en: str | None = None
    education_level: str | None = None
    field: str | None = None
    description: str | None = None
    legal_basis: str | None = None


def list_qualifications(uow: UnitOfWork) -> list[QualificationView]:
    """The catalogue, by kind and name (opening the catalogue)."""
    with uow:
        return qualification_catalogue(uow.session)


def qualification_catalogue(session: Session, ids: list[int] | None = None) -> list[QualificationView]:
    held = (
        select(
            EmployeeQualification.qualification_id,
            func.count(func.distinct(EmployeeQualification.employee_id)),
        )
        .group_by(EmployeeQualification.qualification_id)
        .subquery()
    )
    required = (
        select(Requirement.qualification_id, func.count(func.distinct(Requirement.role_id)))
        .where(Requirement.qualification_id.is_not(None), Requirement.valid_to.is_(None))
        .group_by(Requirement.qualification_id)
        .subquery()
    )
    stmt = (
        select(Qualification, func.coalesce(held.c[1], 0), func.coalesce(required.c[1], 0))
        .outerjoin(held, held.c.qualification_id == Qualification.id)
        .outerjoin(required, required.c.qualification_id == Qualification.id)
    )
    if ids is not None:
        stmt = stmt.where(Qualification.id.in_(ids))
    order = {kind.value: i for i, kind in enumerate(QualificationKind)}
    views = [_view(q, int(n_held), int(n_req)) for q, n_held, n_req in session.execute(stmt)]
    return sorted(views, key=lambda v: (order.get(v.kind, 99), v.name.casefold()))


def _view(q: Qualification, holders: int, required_by: int) -> QualificationView:
    return QualificationView(
        q.id,
        q.key,
        q.kind,
        q.name,
        q.name_en,
        q.education_level,
        q.field,
        q.description,
        q.legal_basis,
        q.builtin,
        holders,
        required_by,
        q.version,
    )


def fill_from(q: Qualification, data: QualificationInput) -> None:
    kind = QualificationKind.known(data.kind)
    if kind is None:
        raise ValidationError(
            f"Ukjent type kvalifikasjon: {data.kind}.",
            f"Unknown kind of qualification: {data.kind}.",
            field="kind",
        )
    level = None
    if data.education_level:
        level = EducationLevel.known(data.education_level)
        if level is None:
            raise ValidationError(
                f"Ukjent utdanningsnivå: {data.education_level}.",
                f"Unknown level of education: {data.education_level}.",
                field="education_level",
            )
    if level is not None and kind is not QualificationKind.EDUCATION:
        raise ValidationError(
            "Bare en utdanning har et utdanningsnivå.",
            "Only an education has a level of education.",
            field="education_level",
        )
    q.kind = kind.value
    q.name = required_text(data.name, "name", "Navn", "Name", max_len=300)
    q.name_en = optional_text(data.name_en, "name_en", "Navn på engelsk", "English name", max_len=300)
    q.education_level = level.value if level is not None else None
    q.field = optional_text(data.field, "field", "Fagområde", "Field", max_len=200)
    q.description = optional_text(data.description, "description", "Beskrivelse", "Description")
    q.legal_basis = optional_text(data.legal_basis, "legal_basis", "Hjemmel", "Legal basis", max_len=200)


def _same_name(session: Session, name: str, exclude: int | None = None) -> None:
    stmt = select(Qualification.id).where(func.lower(Qualification.name) == name.strip().lower())
    if exclude is not None:
        stmt = stmt.where(Qualification.id != exclude)
    if session.scalar(stmt) is not None:
        raise ConflictError(
            f"Kvalifikasjonen «{name.strip()}» finnes allerede.",
            f"The qualification '{name.strip()}' already exists.",
            field="name",
        )


def new_key(session: Session, name: str) -> str:
    """A stable key for an entry the municipality adds: ``egen-`` and the name in ASCII."""
    ascii_name = unicodedata.normalize("NFKD", name.lower().replace("ø", "o").replace("æ", "ae"))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.encode("ascii", "ignore").decode()).strip("-")[:60] or "q"
    key, n = f"egen-{slug}", 1
    while session.scalar(select(Qualification.id).where(Qualification.key == key)) is not None:
        n += 1
        key = f"egen-{slug}-{n}"
    return key


def create_qualification(uow: UnitOfWork, data: QualificationInput) -> QualificationView:
    with uow:
        s = uow.session
        q = Qualification()
        fill_from(q, data)
        _same_name(s, q.name)
        q.key = new_key(s, q.name)
        s.add(q)
        uow.flush()
        audit.record(s, uow.actor, "create", entity="qualification", entity_id=q.id)
        uow.commit()
        return _view(q, 0, 0)


def update_qualification(
    uow: UnitOfWork, qualification_id: int, data: QualificationInput, *, expected_version: int | None
) -> QualificationView:
    with uow:
        s = uow.session
        q = get_or_fail(s, Qualification, qualification_id, "kvalifikasjon", "Qualification")
        check_version(q, expected_version)
        fill_from(q, data)
        _same_name(s, q.name, exclude=q.id)
        uow.flush()
        audit.record(s, uow.actor, "update", entity="qualification", entity_id=q.id)
        uow.commit()
        return qualification_catalogue(s, [q.id])[0]


def delete_qualification(uow: UnitOfWork, qualification_id: int, *, expected_version: int | None) -> None:
    """Delete an entry nobody holds, no role requires, and no dispensation or unit's target names."""
    with uow:
        s = uow.session
        q = get_or_fail(s, Qualification, qualification_id, "kvalifikasjon", "Qualification")
        check_version(q, expected_version)
        uses = [
            s.scalar(select(func.count()).where(EmployeeQualification.qualification_id == q.id)) or 0,
            s.scalar(select(func.count()).where(Requirement.qualification_id == q.id)) or 0,
            s.scalar(select(func.count()).where(Dispensation.qualification_id == q.id)) or 0,
            s.scalar(select(func.count()).where(UnitTarget.qualification_id == q.id)) or 0,
        ]
        if any(uses):
            held, required, dispensed, targets = uses
            raise ConflictError(
                f"«{q.name}» er i bruk og kan ikke slettes: {held} registrert hos ansatte, {required} krav "
                f"i roller (også tidligere krav), {dispensed} dispensasjoner, {targets} mål for enheter.",
                f"'{q.name_en or q.name}' is in use and cannot be deleted: held by {held} employees, "
                f"{required} requirements of roles (earlier ones too), {dispensed} dispensations, "
                f"{targets} targets of units.",
                field="qualification_id",
            )
        s.delete(q)
        audit.record(s, uow.actor, "delete", entity="qualification", entity_id=qualification_id)
        uow.commit()
