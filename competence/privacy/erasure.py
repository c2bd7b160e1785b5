"""Erasure (GDPR art. 17): delete a person and every trace of them.

* Rows about the person (positions, assessments, certificates, goals, appraisal talks) are deleted.
* References to them in other rows (unit leader, manager, leader of a colleague's talk) are cleared,
  and their full name is removed from colleagues' free text (:mod:`competence.privacy.traces`).
* Audit events naming their employee number are deleted; one "erase" event without the number
  records that an erasure happened.
* The database is then compacted (:mod:`competence.privacy.compaction`) so their name is gone from
  the file's bytes, not just from its tables.

Backups taken before the erasure still hold the person until they are rotated out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete
from sqlalchemy.orm import Session

from competence import audit
from competence.lookup import employee_by_no
from competence.privacy.compaction import compact
from competence.privacy.references import person_references, subject_references, table
from competence.privacy.traces import detach_roles, scrub_name_elsewhere
from competence.uow import UnitOfWork
from db.models import AuditEvent, Employee


@dataclass(frozen=True)
class ErasureResult:
    rows_deleted: dict[str, int]
    references_cleared: dict[str, int]
    names_removed: int
    audit_events_removed: int
    #: False for a preview (``dry_run``): nothing was changed.
    applied: bool = True
    #: The storage was rebuilt afterwards, so the deleted data is gone from the file too.
    compacted: bool = False
    tables: tuple[str, ...] = field(default=())

    @property
    def total_rows(self) -> int:
        return sum(self.rows_deleted.values())


def erase_person(uow: UnitOfWork, employee_no: str, *, dry_run: bool = False) -> ErasureResult:
    """Erase the person with ``employee_no``; with ``dry_run`` only count what would go."""
    with uow:
        emp = employee_by_no(uow.session, employee_no)
        result = erase_in_session(uow.session, uow.actor, emp)
        if dry_run:
            return ErasureResult(
                result.rows_deleted,
                result.references_cleared,
                result.names_removed,
                result.audit_events_removed,
                applied=False,
            )
        uow.commit()
    compacted = compact(uow.database, result.tables)
    return ErasureResult(
        result.rows_deleted,
        result.references_cleared,
        result.names_removed,
        result.audit_events_removed,
        compacted=compacted,
        tables=result.tables,
    )


def erase_in_session(session: Session, actor: str, emp: Employee) -> ErasureResult:
    """Erase ``emp`` inside the caller's transaction (used by erasure and by retention)."""
    person_id, number = emp.id, emp.employee_no
    names_removed = scrub_name_elsewhere(session, person_id, emp.first_name, emp.last_name)
    cleared = detach_roles(session, person_id)
    deleted: dict[str, int] = {}
    for ref in subject_references():
        t = table(ref.table)
        result = session.execute(delete(t).where(t.c[ref.column] == person_id))
        deleted[ref.table] = deleted.get(ref.table, 0) + int(result.rowcount or 0)  # type: ignore[attr-defined]
    session.expunge(emp)
    session.execute(delete(Employee).where(Employee.id == person_id))
    deleted["employee"] = 1
    events = session.execute(delete(AuditEvent).where(AuditEvent.employee_no == number))
    removed = int(events.rowcount or 0)  # type: ignore[attr-defined]
    audit.record(session, actor, "erase", entity="employee", rows=sum(deleted.values()), events=removed)
    touched = {r.table for r in person_references()} | {"employee", "audit_event"}
    return ErasureResult(deleted, cleared, names_removed, removed, tables=tuple(sorted(touched)))
