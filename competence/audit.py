"""The audit log: who did what when (docs/privacy.md, docs/security.md).

Events hold no personal data beyond the employee number: never a name, an e-mail or a file's
contents. ``details`` is for counts, field names and codes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from competence.clock import now
from competence.uow import UnitOfWork
from db.codes import AuditAction
from db.models import AuditEvent

#: The actions recorded (:class:`db.codes.AuditAction`). Anything else is a programming error.
ACTIONS = frozenset(AuditAction)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str | None
    entity_id: int | None
    employee_no: str | None
    details: dict[str, Any]


def record(
    session: Session,
    actor: str,
    action: str,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    employee_no: str | None = None,
    **details: Any,
) -> None:
    """Add an audit event to the session's transaction (it is written with the change it records)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditEvent(
            at=now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            employee_no=employee_no,
            details=details,
        )
    )


def forget_person_events(session: Session, numbers: list[str]) -> int:
    """Delete the events about people who are no longer in the register (erasure, GDPR art. 17).

    On a shared register the log is append-only (``docs/security.md``): the only way events leave
    it is the database's own function, which removes nothing but the events of numbers no person
    has any longer, and only for HR or the owner. Call it after the people's rows are deleted.
    """
    if not numbers:
        return 0
    if session.get_bind().dialect.name == "postgresql":
        return int(session.scalar(select(func.kr_forget_person_events(numbers))) or 0)
    result = session.execute(delete(AuditEvent).where(AuditEvent.employee_no.in_(numbers)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def relabel_person_events(session: Session, old_number: str, new_number: str) -> int:
    """Move the events of an anonymised person from their old number to their anonymous token
    (through the database's own function on a shared register, as :func:`forget_person_events`)."""
    if session.get_bind().dialect.name == "postgresql":
        return int(session.scalar(select(func.kr_relabel_person_events(old_number, new_number))) or 0)
    result = session.execute(
        update(AuditEvent).where(AuditEvent.employee_no == old_number).values(employee_no=new_number)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def list_events(
    uow: UnitOfWork,
    *,
    limit: int = 1000,
    action: str | None = None,
    employee_no: str | None = None,
    since: dt.datetime | None = None,
) -> list[AuditEntry]:
    with uow:
        stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        if employee_no:
            stmt = stmt.where(AuditEvent.employee_no == employee_no)
        if since:
            stmt = stmt.where(AuditEvent.at >= since)
        return [
            AuditEntry(
                e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.employee_no, dict(e.details or {})
            )
            for e in uow.session.scalars(stmt)
        ]
