"""The audit log: who did what when (DESIGN §9).

Events hold no personal data beyond the employee number: never a name, an e-mail or a file's
contents. ``details`` is for counts, field names and codes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.clock import now
from competence.uow import UnitOfWork
from db.models import AuditEvent

#: The actions recorded. Anything else is a programming error.
ACTIONS = frozenset(
    {
        "create",
        "update",
        "delete",
        "assess",
        "import",
        "export",
        "erase",
        "anonymise",
        "restore",
        "backup",
        "left",
        "settings",
        "framework",
        "access",
    }
)


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
