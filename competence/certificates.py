"""Certificates and course completions, some with an expiry date (e.g. HMS training, first aid).

A course can also give a level in a competence assessed by level (docs/compliance.md, closing the
loop): registering its certificate with that competence and level records an assessment from the
course, dated the day the course was completed, in the same transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.assessments import NewAssessment, add_assessments
from competence.clock import today
from competence.errors import ValidationError
from competence.lookup import check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import date_order, optional_text, required_text
from db.codes import CertificateStatus
from db.models import Certificate, Competence, Employee


@dataclass(frozen=True)
class CertificateView:
    id: int
    employee_id: int
    competence_id: int | None
    name: str
    issuer: str | None
    completed_on: dt.date
    valid_until: dt.date | None
    note: str | None
    version: int

    def status(self, on: dt.date, window_days: int = 90) -> CertificateStatus:
        """Valid, expiring (within the window) or expired on the day ``on``."""
        if self.valid_until is None or self.valid_until > on + dt.timedelta(days=window_days):
            return CertificateStatus.VALID
        return CertificateStatus.EXPIRED if self.valid_until < on else CertificateStatus.EXPIRING


@dataclass(frozen=True)
class CertificateInput:
    name: str
    completed_on: dt.date
    valid_until: dt.date | None = None
    competence_id: int | None = None
    issuer: str | None = None
    note: str | None = None
    #: a competence assessed by level that the course gives, and the level it gives
    covers_competence_id: int | None = None
    covers_level: int | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _view(c: Certificate) -> CertificateView:
    return CertificateView(
        c.id,
        c.employee_id,
        c.competence_id,
        c.name,
        c.issuer,
        c.completed_on,
        c.valid_until,
        c.note,
        c.version,
    )


def _apply(cert: Certificate, comp: Competence | None, data: CertificateInput) -> None:
    name = data.name.strip() if data.name else ""
    if not name and comp is not None:
        name = comp.name
    cert.name = required_text(name, "name", "Kurs/sertifikat", "Course/certificate", max_len=300)
    if data.completed_on > today():
        raise ValidationError(
            "Fullført-datoen kan ikke være frem i tid.",
            "The completion date cannot be in the future.",
            field="completed_on",
        )
    cert.completed_on = data.completed_on
    valid_until = data.valid_until
    if valid_until is None and comp is not None and comp.validity_months:
        valid_until = add_months(data.completed_on, comp.validity_months)
    date_order(data.completed_on, valid_until, "valid_until")
    cert.valid_until = valid_until
    cert.competence_id = comp.id if comp is not None else None
    cert.issuer = optional_text(data.issuer, "issuer", "Utsteder", "Issuer", max_len=200)
    cert.note = optional_text(data.note, "note", "Merknad", "Note")


def add_certificate(uow: UnitOfWork, employee_id: int, data: CertificateInput) -> CertificateView:
    """Register a certificate; the expiry follows from the training's validity when not given; the
    level the course gives is recorded with it."""
    with uow:
        cert = insert_certificate(uow.session, uow.actor, employee_id, data)
        uow.commit()
        return _view(cert)


def insert_certificate(session: Session, actor: str, employee_id: int, data: CertificateInput) -> Certificate:
    """Register a certificate inside the caller's transaction (also a step of completing a goal)."""
    emp = get_or_fail(session, Employee, employee_id, "ansatt", "Employee")
    comp = (
        get_or_fail(session, Competence, data.competence_id, "kurs", "Course") if data.competence_id else None
    )
    cert = Certificate(employee_id=employee_id)
    _apply(cert, comp, data)
    session.add(cert)
    session.flush()
    audit.record(
        session, actor, "create", entity="certificate", entity_id=cert.id, employee_no=emp.employee_no
    )
    _record_covered_level(session, actor, employee_id, cert, data)
    return cert


def _record_covered_level(
    session: Session, actor: str, employee_id: int, cert: Certificate, data: CertificateInput
) -> None:
    if data.covers_competence_id is None and data.covers_level is None:
        return
    if data.covers_competence_id is None or data.covers_level is None:
        raise ValidationError(
            "Velg både kompetansen kurset gir og nivået.",
            "Choose both the competence the course gives and the level.",
            field="covers_level",
        )
    add_assessments(
        session,
        actor,
        [
            NewAssessment(
                employee_id,
                data.covers_competence_id,
                data.covers_level,
                cert.completed_on,
                "course",
                cert.issuer or cert.name,
                f"Kursbevis: {cert.name}"[:4000],
            )
        ],
    )


def update_certificate(
    uow: UnitOfWork, certificate_id: int, data: CertificateInput, *, expected_version: int | None
) -> CertificateView:
    with uow:
        s = uow.session
        cert = get_or_fail(s, Certificate, certificate_id, "sertifikat", "Certificate")
        check_version(cert, expected_version)
        comp = (
            get_or_fail(s, Competence, data.competence_id, "kurs", "Course") if data.competence_id else None
        )
        _apply(cert, comp, data)
        uow.flush()
        _record_covered_level(s, uow.actor, cert.employee_id, cert, data)
        emp = s.get(Employee, cert.employee_id)
        audit.record(
            s,
            uow.actor,
            "update",
            entity="certificate",
            entity_id=cert.id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()
        return _view(cert)


def delete_certificate(uow: UnitOfWork, certificate_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        cert = get_or_fail(s, Certificate, certificate_id, "sertifikat", "Certificate")
        check_version(cert, expected_version)
        emp = s.get(Employee, cert.employee_id)
        s.delete(cert)
        audit.record(
            s,
            uow.actor,
            "delete",
            entity="certificate",
            entity_id=certificate_id,
            employee_no=emp.employee_no if emp else None,
        )
        uow.commit()


def certificates_of(uow: UnitOfWork, employee_id: int) -> list[CertificateView]:
    with uow:
        stmt = (
            select(Certificate)
            .where(Certificate.employee_id == employee_id)
            .order_by(Certificate.valid_until.is_(None), Certificate.valid_until, Certificate.name)
        )
        return [_view(c) for c in uow.session.scalars(stmt)]
