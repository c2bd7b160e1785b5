"""Dispensations: leave to hold a post without a qualification its role requires, until an end
date (e.g. dispensasjon fra utdanningskravet for a barnehagelærer post). While one is in force the
requirement counts as met and the unit view shows that it rests on a dispensation. On a shared
register HR records them (docs/security.md); a leader sees those of the people they reach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ValidationError
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.qualifications.held import no_national_id
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.models import Dispensation, Employee, Qualification

#: A dispensation is a temporary arrangement: at most this long.
MAX_YEARS = 10


@dataclass(frozen=True)
class DispensationView:
    id: int
    employee_id: int
    qualification_id: int
    qualification_name: str
    qualification_name_en: str | None
    starts_on: dt.date
    ends_on: dt.date
    granted_by: str | None
    reason: str | None
    version: int

    def qualification_display(self, lang: str) -> str:
        return pick_name(lang, self.qualification_name, self.qualification_name_en)

    def in_force(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class DispensationInput:
    qualification_id: int
    starts_on: dt.date
    ends_on: dt.date
    granted_by: str | None = None
    reason: str | None = None


def dispensations_of(session: Session, employee_id: int) -> list[DispensationView]:
    """The person's dispensations, the one ending last first."""
    stmt = (
        select(Dispensation, Qualification.name, Qualification.name_en)
        .join(Qualification, Qualification.id == Dispensation.qualification_id)
        .where(Dispensation.employee_id == employee_id)
        .order_by(Dispensation.ends_on.desc(), Dispensation.id.desc())
    )
    return [_view(d, name, name_en) for d, name, name_en in session.execute(stmt)]


def _view(d: Dispensation, name: str, name_en: str | None) -> DispensationView:
    return DispensationView(
        d.id,
        d.employee_id,
        d.qualification_id,
        name,
        name_en,
        d.starts_on,
        d.ends_on,
        d.granted_by,
        d.reason,
        d.version,
    )


def _apply(session: Session, d: Dispensation, data: DispensationInput) -> Qualification:
    q = get_or_fail(session, Qualification, data.qualification_id, "kvalifikasjon", "Qualification")
    if data.ends_on < data.starts_on:
        raise ValidationError(
            "Dispensasjonen må slutte etter at den begynner.",
            "The dispensation must end after it starts.",
            field="ends_on",
        )
    if (data.ends_on - data.starts_on).days > MAX_YEARS * 366:
        raise ValidationError(
            f"En dispensasjon kan vare i høyst {MAX_YEARS} år.",
            f"A dispensation can last at most {MAX_YEARS} years.",
            field="ends_on",
        )
    d.qualification_id = q.id
    d.starts_on, d.ends_on = data.starts_on, data.ends_on
    d.granted_by = no_national_id(
        optional_text(data.granted_by, "granted_by", "Innvilget av", "Granted by", max_len=200),
        "granted_by",
        "Innvilget av",
        "Granted by",
    )
    d.reason = no_national_id(
        optional_text(data.reason, "reason", "Begrunnelse", "Reason"), "reason", "Begrunnelsen", "The reason"
    )
    return q


def add_dispensation(uow: UnitOfWork, employee_id: int, data: DispensationInput) -> DispensationView:
    with uow:
        s = uow.session
        emp = get_or_fail(s, Employee, employee_id, "ansatt", "Employee")
        d = Dispensation(employee_id=employee_id)
        q = _apply(s, d, data)
        s.add(d)
        uow.flush()
        audit.record(
            s, uow.actor, "create", entity="dispensation", entity_id=d.id, employee_no=emp.employee_no
        )
        uow.commit()
        return _view(d, q.name, q.name_en)


def update_dispensation(
    uow: UnitOfWork, dispensation_id: int, data: DispensationInput, *, expected_version: int | None
) -> DispensationView:
    with uow:
        s = uow.session
        d = get_or_fail(s, Dispensation, dispensation_id, "dispensasjon", "Dispensation")
        check_version(d, expected_version)
        q = _apply(s, d, data)
        uow.flush()
        emp = s.get(Employee, d.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="dispensation",
            entity_id=d.id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
        return _view(d, q.name, q.name_en)


def delete_dispensation(uow: UnitOfWork, dispensation_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        d = get_or_fail(s, Dispensation, dispensation_id, "dispensasjon", "Dispensation")
        check_version(d, expected_version)
        emp = s.get(Employee, d.employee_id)
        s.delete(d)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="dispensation",
            entity_id=dispensation_id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
