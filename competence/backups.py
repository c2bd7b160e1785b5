"""Backups as a user action: take one now, keep the last N, restore one (with a safety copy first)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from competence import audit
from competence.errors import DomainError
from competence.uow import UnitOfWork
from db import backup as db_backup
from db.engine import backup_dir_for
from db.session import Database

AUTO_PREFIX = "auto-"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    size: int


def default_backup_dir(database: Database) -> Path:
    return backup_dir_for(database.url)


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.db") if p.is_file()]
    items = [BackupFile(p, dt.datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size) for p in files]
    return sorted(items, key=lambda b: b.taken_at, reverse=True)


def take_backup(
    database: Database, dest: Path | None = None, *, actor: str | None = None, auto: bool = False
) -> Path:
    """Write a consistent backup (SQLite backup API, or a SQLite copy of a server database)."""
    if dest is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        name = f"{AUTO_PREFIX if auto else ''}kompetanseregister-{stamp}.db"
        dest = default_backup_dir(database) / name
    if dest.exists() and dest.is_dir():
        raise DomainError(f"{dest} er en mappe, ikke en fil.", f"{dest} is a folder, not a file.")
    try:
        path = db_backup.backup(database.engine, dest)
    except OSError as exc:
        raise DomainError(
            f"Kunne ikke skrive sikkerhetskopien til {dest}: {exc.strerror or exc}.",
            f"Could not write the backup to {dest}: {exc.strerror or exc}.",
            code="backup_failed",
        ) from exc
    uow = UnitOfWork(database, actor)
    with uow:
        audit.record(uow.session, uow.actor, "backup", file=path.name, auto=auto)
        uow.commit()
    return path


def prune_auto_backups(folder: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep``; manual ones are never touched."""
    autos = [b for b in list_backups(folder) if b.path.name.startswith(AUTO_PREFIX)]
    removed = [b.path for b in autos[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_if_due(database: Database, *, interval_hours: int, keep: int) -> Path | None:
    """The scheduled backup: one when the newest automatic one is older than the interval."""
    folder = default_backup_dir(database)
    autos = [b for b in list_backups(folder) if b.path.name.startswith(AUTO_PREFIX)]
    if autos and dt.datetime.now() - autos[0].taken_at < dt.timedelta(hours=interval_hours):
        return None
    path = take_backup(database, auto=True)
    prune_auto_backups(folder, keep)
    return path


def restore_backup(database: Database, source: Path, *, actor: str | None = None) -> Path:
    """Replace the register with ``source``; the current contents are backed up first.

    Returns the path of that safety backup, so the user can undo the restore.
    """
    db_backup.verify_sqlite_file(source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safety = take_backup(database, default_backup_dir(database) / f"before-restore-{stamp}.db", actor=actor)
    db_backup.restore(database.engine, source)
    uow = UnitOfWork(database, actor)
    with uow:
        audit.record(uow.session, uow.actor, "restore", file=source.name, safety_backup=safety.name)
        uow.commit()
    return safety
