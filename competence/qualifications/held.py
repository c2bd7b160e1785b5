"""The qualifications a person holds: a date, an optional expiry, where the document is filed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import today
from competence.errors import ValidationError
from competence.language import pick_name
from competence.lookup import check_version, get_or_fail
from competence.roster.nationalid import cell_holds_national_id
from competence.uow import UnitOfWork
from competence.validation import date_order, optional_text
from db.codes import QualificationKind
from db.models import Employee, EmployeeQualification, Qualification


@dataclass(frozen=True)
class HeldQualification:
    id: int
    employee_id: int
    qualification_id: int
    name: str
    name_en: str | None
    kind: str
    obtained_on: dt.date
    expires_on: dt.date | None
    issuer: str | None
    document_ref: str | None
    note: str | None
    version: int

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.name, self.name_en)

    def kind_label(self, lang: str) -> str:
        return QualificationKind.label_of(self.kind, lang)

    def valid_on(self, day: dt.date) -> bool:
        return self.obtained_on <= day and (self.expires_on is None or self.expires_on >= day)


@dataclass(frozen=True)
class HeldInput:
    qualification_id: int
    obtained_on: dt.date
    expires_on: dt.date | None = None
    issuer: str | None = None
    document_ref: str | None = None
    note: str | None = None


def held_qualifications(session: Session, employee_id: int) -> list[HeldQualification]:
    """The person's qualifications, newest first."""
    stmt = (
        select(EmployeeQualification, Qualification.name, Qualification.name_en, Qualification.kind)
        .join(Qualification, Qualification.id == EmployeeQualification.qualification_id)
        .where(EmployeeQualification.employee_id == employee_id)
        .order_by(EmployeeQualification.obtained_on.desc(), EmployeeQualification.id.desc())
    )
    return [_view(h, name, name_en, kind) for h, name, name_en, kind in session.execute(stmt)]


def _view(h: EmployeeQualification, name: str, name_en: str | None, kind: str) -> HeldQualification:
    return HeldQualification(
        h.id,
        h.employee_id,
        h.qualification_id,
        name,
        name_en,
        kind,
        h.obtained_on,
        h.expires_on,
        h.issuer,
        h.document_ref,
        h.note,
        h.version,
    )


def no_national_id(value: str | None, field: str, label_nb: str, label_en: str) -> str | None:
    """Refuse a text holding a national identity number (the number itself is never echoed)."""
    if value is not None and cell_holds_national_id(value):
        raise ValidationError(
            f"{label_nb} ser ut til å inneholde et fødselsnummer eller D-nummer. Registeret lagrer aldri "
            "slike numre: skriv bare hvor dokumentet er arkivert (f.eks. «Personalmappen, sak 2019/1234»).",
            f"{label_en} seems to hold a national identity number. The register never stores such "
            "numbers: write only where the document is filed (e.g. 'Personnel file, case 2019/1234').",
            field=field,
        )
    return value


def _apply(session: Session, held: EmployeeQualification, data: HeldInput) -> Qualification:
    q = get_or_fail(session, Qualification, data.qualification_id, "kvalifikasjon", "Qualification")
    if data.obtained_on > today():
        raise ValidationError(
            "Datoen kvalifikasjonen ble oppnådd kan ikke være frem i tid.",
            "The date the qualification was obtained cannot be in the future.",
            field="obtained_on",
        )
    date_order(data.obtained_on, data.expires_on, "expires_on")
    held.qualification_id = q.id
    held.obtained_on = data.obtained_on
    held.expires_on = data.expires_on
    held.issuer = no_national_id(
        optional_text(data.issuer, "issuer", "Utsteder", "Issuer", max_len=200),
        "issuer",
        "Utsteder",
        "Issuer",
    )
    held.document_ref = no_national_id(
        optional_text(
            data.document_ref, "document_ref", "Dokumentreferanse", "Document reference", max_len=300
        ),
        "document_ref",
        "Dokumentreferansen",
        "The document reference",
    )
    held.note = no_national_id(
        optional_text(data.note, "note", "Merknad", "Note"), "note", "Merknaden", "The note"
    )
    return q


def add_held_qualification(uow: UnitOfWork, employee_id: int, data: HeldInput) -> HeldQualification:
    with uow:
        s = uow.session
        emp = get_or_fail(s, Employee, employee_id, "ansatt", "Employee")
        held = EmployeeQualification(employee_id=employee_id)
        q = _apply(s, held, data)
        s.add(held)
        uow.flush()
        audit.record(
            s,
            uow.actor,
            "create",
            entity="employee_qualification",
            entity_id=held.id,
            employee_no=emp.employee_no,
        )
        uow.commit()
        return _view(held, q.name, q.name_en, q.kind)


def update_held_qualification(
    uow: UnitOfWork, held_id: int, data: HeldInput, *, expected_version: int | None
) -> HeldQualification:
    with uow:
        s = uow.session
        held = get_or_fail(s, EmployeeQualification, held_id, "kvalifikasjon", "Qualification")
        check_version(held, expected_version)
        q = _apply(s, held, data)
        uow.flush()
        emp = s.get(Employee, held.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="employee_qualification",
            entity_id=held.id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
        return _view(held, q.name, q.name_en, q.kind)


def delete_held_qualification(uow: UnitOfWork, held_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        held = get_or_fail(s, EmployeeQualification, held_id, "kvalifikasjon", "Qualification")
        check_version(held, expected_version)
        emp = s.get(Employee, held.employee_id)
        s.delete(held)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="employee_qualification",
            entity_id=held_id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
