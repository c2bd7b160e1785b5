"""The privacy actions whose preview reads more than one thing: what an erasure would remove, who
is due under the retention rule, and the export of the audit log. The erasure and the retention
run themselves are services of their own (:mod:`competence.privacy`), each one unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from competence.audit import list_events
from competence.employees import list_employees
from competence.privacy.auditlog import export_audit_log
from competence.privacy.erasure import ErasureResult, erase_person
from competence.privacy.retention import RetentionResult, apply_retention
from competence.progress import CancelToken
from competence.settings import get_settings
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class ErasurePreview:
    employee_no: str
    name: str
    counts: ErasureResult
    #: How many automatic backups are kept (they hold the person until rotated out).
    backups_kept: int


def preview_erasure(uow: UnitOfWork, employee_no: str, name: str) -> ErasurePreview:
    """What an erasure would remove: counted by doing it in a transaction that is rolled back."""
    with uow:
        counts = erase_person(uow, employee_no, dry_run=True)
        return ErasurePreview(employee_no, name, counts, get_settings(uow).backups_to_keep)


@dataclass(frozen=True)
class RetentionPreview:
    """Who the retention rule would take now, and (when asked for) their names."""

    result: RetentionResult
    #: employee number → name, as the register has them now
    names: Mapping[str, str] = field(default_factory=dict)


def preview_retention(uow: UnitOfWork, *, with_names: bool = False) -> RetentionPreview:
    """A dry run of the retention rule (nothing changes), with the names of those due."""
    with uow:
        result = apply_retention(uow, dry_run=True)
        if not with_names or not result.items:
            return RetentionPreview(result)
        people = list_employees(uow, include_left=True)
        return RetentionPreview(result, {p.employee_no: p.full_name for p in people})


def export_audit_events(
    uow: UnitOfWork,
    target: Path,
    *,
    limit: int,
    action: str | None,
    employee_no: str | None,
    since: dt.datetime | None,
    cancel: CancelToken,
) -> int:
    """Write the matching events (``.json`` or CSV) and note the export in the log, from one
    snapshot; returns how many were written."""
    with uow.snapshot():
        entries = list_events(uow, limit=limit, action=action, employee_no=employee_no, since=since)
        cancel.raise_if_cancelled()
        export_audit_log(uow, entries, target)
        return len(entries)
