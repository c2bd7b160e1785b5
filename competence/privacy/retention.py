"""Retention: people who left are anonymised or erased some months later (DESIGN §9).

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
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from competence import audit
from competence.certificates import add_months
from competence.clock import today
from competence.privacy.compaction import compact
from competence.privacy.erasure import erase_in_session
from competence.privacy.references import person_references
from competence.privacy.traces import clear_own_free_text, detach_roles, scrub_name_elsewhere
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.models import AuditEvent, Employee

ANONYMOUS_NAME = "Anonymisert"
TOKEN_PREFIX = "anon-"


@dataclass(frozen=True)
class RetentionItem:
    """One person the run handled (or, in a dry run, would handle)."""

    employee_no: str
    left_on: dt.date
    action: str
    #: The token that replaced the employee number (anonymisation only; None in a dry run).
    new_employee_no: str | None = None


@dataclass(frozen=True)
class RetentionResult:
    action: str
    retention_months: int
    cutoff: dt.date
    dry_run: bool
    items: tuple[RetentionItem, ...]
    compacted: bool = False


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
        stmt = select(Employee.id, Employee.employee_no, Employee.left_on).where(
            Employee.left_on.is_not(None), Employee.left_on <= cutoff
        )
        if action == "anonymise":
            stmt = stmt.where(Employee.anonymised_on.is_(None))
        for person_id, number, left_day in s.execute(stmt.order_by(Employee.left_on, Employee.id)).all():
            left_on = left_day or cutoff  # never None: the query asks for a date
            # Fresh each time: handling one person can change another's row (a manager link).
            emp = s.scalars(
                select(Employee).where(Employee.id == person_id).execution_options(populate_existing=True)
            ).one()
            if dry_run:
                items.append(RetentionItem(number, left_on, action))
            elif action == "erase":
                erase_in_session(s, uow.actor, emp)
                items.append(RetentionItem(number, left_on, action))
            else:
                token = anonymise_in_session(s, uow.actor, emp, day)
                items.append(RetentionItem(number, left_on, action, token))
        if not dry_run and items:
            uow.commit()
    compacted = False
    if not dry_run and items:
        compacted = compact(
            uow.database, {r.table for r in person_references()} | {"employee", "audit_event"}
        )
    return RetentionResult(action, cfg.retention_months, cutoff, dry_run, tuple(items), compacted)


def anonymise_in_session(session: Session, actor: str, emp: Employee, on: dt.date) -> str:
    """Anonymise ``emp`` inside the caller's transaction; returns the new employee number (a token)."""
    old_number = emp.employee_no
    token = _new_token(session)
    scrub_name_elsewhere(session, emp.id, emp.first_name, emp.last_name)
    detach_roles(session, emp.id)
    clear_own_free_text(session, emp.id)
    emp.first_name = ""
    emp.last_name = ANONYMOUS_NAME
    emp.email = None
    emp.manager_id = None
    emp.employee_no = token
    emp.anonymised_on = on
    session.flush()
    session.execute(update(AuditEvent).where(AuditEvent.employee_no == old_number).values(employee_no=token))
    audit.record(session, actor, "anonymise", entity="employee", entity_id=emp.id, employee_no=token)
    return token


def _new_token(session: Session) -> str:
    """A random number stand-in; random (not a hash of the old number), so it cannot be reversed."""
    while True:
        token = TOKEN_PREFIX + secrets.token_hex(6)
        if session.scalar(select(Employee.id).where(Employee.employee_no == token)) is None:
            return token
