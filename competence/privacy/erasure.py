"""Erasure (GDPR art. 17): delete a person and every trace of them.

* Rows about the person (positions, assessments, certificates, goals, appraisal talks) are deleted.
* References to them in other rows (unit leader, manager, leader of a colleague's talk) are cleared,
  and their full name, e-mail address and employee number are replaced in text anywhere else
  (:mod:`competence.privacy.traces`, the same search innsyn shows).
* Audit events naming their employee number are deleted; one "erase" event without the number
  records that an erasure happened.
* The database is then compacted (:mod:`competence.privacy.compaction`) so their name is gone from
  the file's bytes, not just from its tables.

Backups taken before the erasure still hold the person until they are rotated out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from competence import audit
from competence.lookup import employee_by_no
from competence.privacy.compaction import Compaction, compact
from competence.privacy.references import person_references, subject_references, table
from competence.privacy.traces import (
    chunks,
    detach_roles,
    free_text_columns,
    name_columns,
    person_of,
    scrub_mentions,
)
from competence.uow import UnitOfWork
from db.models import Base, Employee

#: Tables an erasure or anonymisation changes, to be compacted afterwards.
#: Besides the rows about the person, any table with text that may mention them (scrub_mentions).
TOUCHED_TABLES = tuple(
    sorted(
        {r.table for r in person_references()}
        | {"employee", "audit_event"}
        | {t.name for t in Base.metadata.sorted_tables if free_text_columns(t) or name_columns(t)}
    )
)


@dataclass(frozen=True)
class ErasureResult:
    rows_deleted: dict[str, int]
    references_cleared: dict[str, int]
    #: Values in others' rows where the person's name, address or number was replaced.
    mentions_removed: int
    audit_events_removed: int
    #: False for a preview (``dry_run``): nothing was changed.
    applied: bool = True
    #: The storage was rebuilt afterwards, so the deleted data is gone from the file too.
    compacted: bool = False
    #: How the rebuilding went (:class:`Compaction`: done, busy, or needs the tables' owner).
    compaction: str = ""

    @property
    def total_rows(self) -> int:
        return sum(self.rows_deleted.values())


def erase_person(uow: UnitOfWork, employee_no: str, *, dry_run: bool = False) -> ErasureResult:
    """Erase the person with ``employee_no``; with ``dry_run`` only count what would go."""
    with uow:
        emp = employee_by_no(uow.session, employee_no)
        result = erase_in_session(uow.session, uow.actor, emp)
        if dry_run:
            return replace(result, applied=False)  # leaving without commit rolls it all back
        uow.commit()
    outcome = compact(uow.database, TOUCHED_TABLES)
    return replace(result, compacted=outcome is Compaction.DONE, compaction=outcome)


def erase_in_session(session: Session, actor: str, emp: Employee) -> ErasureResult:
    """Erase ``emp`` inside the caller's transaction."""
    return erase_many(session, actor, [emp])


def erase_many(session: Session, actor: str, people: Sequence[Employee]) -> ErasureResult:
    """Erase everyone in ``people`` inside the caller's transaction; one audit event each, without
    their number."""
    ids = [e.id for e in people]
    numbers = [e.employee_no for e in people]
    mentions_removed = scrub_mentions(session, [person_of(e) for e in people])
    cleared = detach_roles(session, ids)
    deleted: dict[str, int] = {}
    for ref in subject_references():
        t = table(ref.table)
        for chunk in chunks(ids):
            result = session.execute(delete(t).where(t.c[ref.column].in_(chunk)))
            deleted[ref.table] = deleted.get(ref.table, 0) + int(result.rowcount or 0)  # type: ignore[attr-defined]
    for emp in people:
        session.expunge(emp)
    for chunk in chunks(ids):
        session.execute(delete(Employee).where(Employee.id.in_(chunk)))
    deleted["employee"] = len(ids)
    session.flush()
    removed = sum(audit.forget_person_events(session, chunk) for chunk in chunks(numbers))
    counts: dict[str, Any] = {"rows": sum(deleted.values()), "events": removed} if len(people) == 1 else {}
    for _ in people:
        audit.record(session, actor, "erase", entity="employee", **counts)
    return ErasureResult(deleted, cleared, mentions_removed, removed)
