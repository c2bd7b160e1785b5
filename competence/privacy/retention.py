"""Retention: people who left are anonymised or erased some months later (docs/privacy.md, section 3).

``RegisterSettings.retention_months`` (default 12) after ``left_on``, each person is either

* anonymised (``retention_action = "anonymise"``): name "Anonymisert", no e-mail, the employee
  number replaced by a random token that cannot be traced back, free text cleared, links to other
  people removed. Levels, dates, positions and hours stay, so the unit's history and statistics
  still add up; or
* erased (``"erase"``): everything goes, as with :func:`competence.privacy.erasure.erase_person`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.certificates import add_months
from competence.clock import today
from competence.privacy.compaction import Compaction, compact
from competence.privacy.erasure import TOUCHED_TABLES, erase_many
from competence.privacy.traces import chunks, clear_own_free_text, detach_roles, person_of, scrub_mentions
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.models import Employee

ANONYMOUS_NAME = "Anonymisert"
TOKEN_PREFIX = "anon-"


@dataclass(frozen=True)
class RetentionItem:
    """One person the run handled (or, in a dry run, would handle).

    Never the token that replaced an anonymised person's number: the old number beside the new one
    is exactly the link the anonymisation removes (so the CLI reports counts after a run, and only a
    dry run lists who is due).
    """

    employee_no: str
    left_on: dt.date
    action: str


@dataclass(frozen=True)
class RetentionResult:
    action: str
    retention_months: int
    cutoff: dt.date
    dry_run: bool
    items: tuple[RetentionItem, ...]
    compacted: bool = False
    #: How the rebuilding went (:class:`Compaction`).
    compaction: str = ""


def retention_cutoff(on: dt.date, months: int) -> dt.date:
    """People who left on or before this day are due."""
    return add_months(on, -months)


def apply_retention(uow: UnitOfWork, *, dry_run: bool = False, on: dt.date | None = None) -> RetentionResult:
    """Anonymise or erase everyone whose retention period has run out, in one transaction."""
    cfg = get_settings(uow)
    day = on or today()
    cutoff = retention_cutoff(day, cfg.retention_months)
    action = cfg.retention_action
    items: list[RetentionItem] = []
    with uow:
        s = uow.session
        stmt = select(Employee).where(Employee.left_on.is_not(None), Employee.left_on <= cutoff)
        if action == "anonymise":
            stmt = stmt.where(Employee.anonymised_on.is_(None))
        due = list(s.scalars(stmt.order_by(Employee.left_on, Employee.id)))
        before = [(e.employee_no, e.left_on or cutoff) for e in due]
        if dry_run or not due:
            return RetentionResult(
                action,
                cfg.retention_months,
                cutoff,
                dry_run,
                tuple(RetentionItem(no, left, action) for no, left in before),
            )
        if action == "erase":
            erase_many(s, uow.actor, due)
            items = [RetentionItem(no, left, action) for no, left in before]
        else:
            anonymise_many(s, uow.actor, due, day)
            items = [RetentionItem(no, left, action) for no, left in before]
        uow.commit()
    outcome = compact(uow.database, TOUCHED_TABLES)
    return RetentionResult(
        action, cfg.retention_months, cutoff, dry_run, tuple(items), outcome is Compaction.DONE, outcome
    )


def anonymise_in_session(session: Session, actor: str, emp: Employee, on: dt.date) -> str:
    """Anonymise ``emp`` inside the caller's transaction; returns the new employee number (a token)."""
    return anonymise_many(session, actor, [emp], on)[0]


def anonymise_many(session: Session, actor: str, people: Sequence[Employee], on: dt.date) -> list[str]:
    """Anonymise everyone in ``people`` inside the caller's transaction; returns their new numbers."""
    ids = [e.id for e in people]
    scrub_mentions(session, [person_of(e) for e in people])
    detach_roles(session, ids)
    clear_own_free_text(session, ids)
    # The updates above may have changed these rows (a manager link, the version): read them again.
    fresh = {
        e.id: e
        for chunk in chunks(ids)
        for e in session.scalars(
            select(Employee).where(Employee.id.in_(chunk)).execution_options(populate_existing=True)
        )
    }
    tokens: list[str] = []
    for person_id in ids:
        emp = fresh[person_id]
        old_number, token = emp.employee_no, _new_token(session)
        emp.first_name = ""
        emp.last_name = ANONYMOUS_NAME
        emp.email = None
        emp.manager_id = None
        emp.employee_no = token
        emp.anonymised_on = on
        session.flush()  # the number is gone and the token is in place before the events move
        audit.relabel_person_events(session, old_number, token)
        audit.record(session, actor, "anonymise", entity="employee", entity_id=emp.id, employee_no=token)
        tokens.append(token)
    session.flush()
    return tokens


def _new_token(session: Session) -> str:
    """A random number stand-in; random (not a hash of the old number), so it cannot be reversed."""
    while True:
        token = TOKEN_PREFIX + secrets.token_hex(6)
        if session.scalar(select(Employee.id).where(Employee.employee_no == token)) is None:
            return token
