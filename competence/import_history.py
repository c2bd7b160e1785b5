"""The imports done in this register (rosters, assessment templates, self-assessment forms, framework
files), newest first.

Read from ``ImportRun``: what was imported, when, by whom, how it ended and its counts. Counts only:
an import run never holds personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from competence.uow import UnitOfWork
from db.codes import ImportKind, ImportStatus
from db.models import ImportRun

#: Values of :attr:`ImportRunView.kind`.
KINDS = ImportKind.codes()


@dataclass(frozen=True)
class ImportRunView:
    id: int
    kind: str
    #: Naive UTC, as stored.
    started_at: dt.datetime
    finished_at: dt.datetime | None
    actor: str
    file_name: str
    mode: str | None
    #: An :class:`~db.codes.ImportStatus`.
    status: str
    counts: tuple[tuple[str, int | str], ...]

    @property
    def succeeded(self) -> bool:
        return self.status == ImportStatus.OK

    def count(self, key: str) -> int | None:
        value = dict(self.counts).get(key)
        return value if isinstance(value, int) else None


def list_import_runs(uow: UnitOfWork, *, limit: int = 200) -> list[ImportRunView]:
    """The latest ``limit`` import runs, newest first."""
    with uow:
        stmt = select(ImportRun).order_by(ImportRun.started_at.desc(), ImportRun.id.desc()).limit(limit)
        return [
            ImportRunView(
                run.id,
                run.kind,
                run.started_at,
                run.finished_at,
                run.actor,
                run.file_name,
                run.mode,
                run.status,
                tuple(
                    (str(k), v)
                    for k, v in (run.counts or {}).items()
                    if isinstance(v, int | str) and not isinstance(v, bool)
                ),
            )
            for run in uow.session.scalars(stmt)
        ]
