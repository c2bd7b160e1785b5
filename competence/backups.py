"""Backups as a user action: take one now, keep the last N, restore one (with a safety copy first)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from competence import audit
from competence.errors import DomainError
from competence.uow import UnitOfWork
from db import backup as db_backup
from db.engine import backup_dir_for, ensure_private_file, sqlite_path
from db.errors import DatabaseCorruptError, LocalizedError, ReadOnlyDatabaseError, translate_db_error
from db.session import Database, open_database

AUTO_PREFIX = "auto-"
log = logging.getLogger(__name__)


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
    except (sqlite3.Error, DBAPIError) as exc:  # the copy failed inside SQLite: disk full, read-only...
        raise _backup_failed(dest, exc) from exc
    try:
        uow = UnitOfWork(database, actor)
        with uow:
            audit.record(uow.session, uow.actor, "backup", file=path.name, auto=auto)
            uow.commit()
    except ReadOnlyDatabaseError:
        # A read-only register can still be copied (that is when a copy matters most); there is
        # just nowhere to record it.
        log.warning("backup taken of a read-only database; not recorded in its audit log")
    return path


def _backup_failed(dest: Path, exc: BaseException) -> LocalizedError:
    reason = translate_db_error(exc)
    nb = reason.message("nb") if reason else str(exc)
    en = reason.message("en") if reason else str(exc)
    return DomainError(
        f"Kunne ikke skrive sikkerhetskopien til {dest}. {nb}",
        f"Could not write the backup to {dest}. {en}",
        code=reason.code if reason else "backup_failed",
    )


def prune_auto_backups(folder: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep``; manual ones are never touched."""
    autos = [b for b in list_backups(folder) if b.path.name.startswith(AUTO_PREFIX)]
    removed = [b.path for b in autos[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_if_due(
    database: Database, *, interval_hours: int, keep: int, actor: str | None = None
) -> Path | None:
    """The scheduled backup: one when the newest automatic one is older than the interval."""
    folder = default_backup_dir(database)
    autos = [b for b in list_backups(folder) if b.path.name.startswith(AUTO_PREFIX)]
    if autos and dt.datetime.now() - autos[0].taken_at < dt.timedelta(hours=interval_hours):
        return None
    path = take_backup(database, auto=True, actor=actor)
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


def with_backup_advice(exc: DatabaseCorruptError, url: str) -> DatabaseCorruptError:
    """The refusal of a damaged file, naming its newest backup (for the CLI and the desktop app).

    Only looks in the backup folder; never creates anything next to the damaged file.
    """
    path = sqlite_path(url)
    if path is None:
        return exc
    backups = list_backups(backup_dir_for(url, create=False))
    newest = str(backups[0].path) if backups else None
    return DatabaseCorruptError(str(path), str(exc.details.get("detail", "")), newest_backup=newest)


def restore_over_damaged(url: str, source: Path, *, actor: str | None = None) -> Path:
    """Put the backup ``source`` in place of a SQLite file too damaged to open.

    The damaged file and its ``-wal``/``-shm`` companions are moved aside (renamed, never written to
    or deleted), so nothing is lost if the chosen backup was the wrong one. Returns the new name of
    the damaged file.
    """
    path = sqlite_path(url)
    if path is None:
        raise DomainError(
            "Bare en databasefil (SQLite) kan erstattes slik.",
            "Only a database file (SQLite) can be replaced this way.",
        )
    db_backup.verify_sqlite_file(source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{damaged}{suffix}"))
    ensure_private_file(path)
    db_backup.shutil_copy_sqlite(source, path)
    database = open_database(url)
    try:
        uow = UnitOfWork(database, actor)
        with uow:
            audit.record(uow.session, uow.actor, "restore", file=source.name, damaged_copy=damaged.name)
            uow.commit()
    finally:
        database.dispose()
    return damaged
