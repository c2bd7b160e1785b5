"""Which versions of the program have opened the register, and which one last wrote it.

The app calls :func:`record_program_version` right after opening a register (the opening itself
may write: migrations, the built-in frameworks, a backup's record); the command line once a command
has succeeded on it. It costs one
query; it writes only when another version opened the register last, or on the first open of a day,
so ``last_opened_at`` is right to the day without a write at every start. Hjelp → Om shows the list.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from competence import __version__
from competence.clock import now
from competence.uow import UnitOfWork
from db.errors import LocalizedError
from db.models import ProgramVersion

log = logging.getLogger("competence.program_versions")


@dataclass(frozen=True)
class VersionSeen:
    version: str
    first_opened_at: dt.datetime
    last_opened_at: dt.datetime


def record_program_version(uow: UnitOfWork, version: str = __version__) -> bool:
    """Remember that ``version`` opened the register now; True when something was written.

    Never stops the program: a register this login may not write (a read-only file, a shared
    register's login without the privilege) is still opened and used; the miss is logged.
    """
    try:
        try:
            return _record(uow, version)
        except IntegrityError:  # two programs of the same version opened it at the same moment
            return _record(uow, version)
    except LocalizedError as exc:
        log.warning("Kunne ikke registrere programversjonen i registeret: %s", exc.code)
        return False


def _record(uow: UnitOfWork, version: str) -> bool:
    with uow:
        s = uow.session
        latest = s.scalar(select(ProgramVersion).order_by(ProgramVersion.last_opened_at.desc()).limit(1))
        moment = now()
        if latest is not None and latest.version == version and latest.last_opened_at.date() == moment.date():
            return False
        row = latest if latest is not None and latest.version == version else s.get(ProgramVersion, version)
        if row is None:
            s.add(ProgramVersion(version=version, first_opened_at=moment, last_opened_at=moment))
        else:
            row.last_opened_at = max(moment, row.last_opened_at)
        uow.commit()
        return True


def program_versions(uow: UnitOfWork) -> list[VersionSeen]:
    """Every version that has opened the register, the one that did so last first."""
    with uow:
        rows = uow.session.scalars(
            select(ProgramVersion).order_by(ProgramVersion.last_opened_at.desc(), ProgramVersion.version)
        )
        return [VersionSeen(r.version, r.first_opened_at, r.last_opened_at) for r in rows]
