"""An open database: its engine, a session factory and the checks done when opening it."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import migrate
from db.clean_close import record_clean_close, take_clean_stamp
from db.engine import describe_url, make_engine, resolve_url, sqlite_path
from db.errors import (
    AccessDeniedError,
    DatabaseCorruptError,
    DatabaseUnavailableError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageIOError,
    translate_db_error,
)


@dataclass
class Database:
    """A database the program has opened. Holds no session: each unit of work makes its own."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session] = field(repr=False)
    migration: migrate.MigrationResult | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def location(self) -> str:
        return describe_url(self.url)

    def dispose(self) -> None:
        """Close every connection; a SQLite file left complete is stamped as cleanly closed."""
        self.engine.dispose()
        if self.path is not None and self.path.exists():
            record_clean_close(self.path)


def open_database(
    url: str | None = None, *, migrate_schema: bool = True, backup_dir: Path | None = None
) -> Database:
    """Open (and by default migrate) the database at ``url`` (see :func:`db.engine.resolve_url`).

    Raises :class:`DatabaseCorruptError` for a damaged SQLite file, :class:`DatabaseTooNewError`
    for a schema newer than this program, :class:`DatabaseUnavailableError` when it cannot connect.
    """
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        _check_reachable(engine, resolved)
        result = migrate.upgrade(engine, backup_dir=backup_dir) if migrate_schema else None
    except DBAPIError as exc:
        engine.dispose()
        if isinstance(translated := translate_db_error(exc), AccessDeniedError):
            raise translated from exc  # a shared register this login has no access to
        raise
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return Database(url=resolved, engine=engine, session_factory=factory, migration=result)


def _check_reachable(engine: Engine, url: str) -> None:
    path = sqlite_path(url)
    # a file exactly as this program left it at a clean close skips the full check (db.clean_close)
    checked = path is not None and (take_clean_stamp(path) or check_sqlite_file_read_only(path))
    try:
        with engine.connect() as conn:
            if path is not None and not checked:
                rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                if rows != [("ok",)]:
                    raise DatabaseCorruptError(str(path), "; ".join(str(r[0]) for r in rows[:5]))
            else:
                conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        orig = exc.orig
        if (
            path is not None
            and isinstance(orig, sqlite3.DatabaseError)
            and not isinstance(orig, sqlite3.OperationalError)
        ):
            raise DatabaseCorruptError(str(path), str(orig)) from exc
        if isinstance(exc, OperationalError) and path is not None and "not a database" in str(orig):
            raise DatabaseCorruptError(str(path), str(orig)) from exc
        if path is not None and path.exists() and not _writable(path):
            raise ReadOnlyDatabaseError(str(path)) from exc
        translated = translate_db_error(exc)
        if isinstance(translated, StorageIOError | DiskFullError):
            raise translated from exc
        raise DatabaseUnavailableError(describe_url(url), _first_line(str(orig))) from exc


def check_sqlite_file_read_only(path: Path) -> bool:
    """Run ``quick_check`` on an existing SQLite file through a read-only connection.

    This comes before the engine opens the file read-write: when the last read-write connection
    closes, SQLite checkpoints the write-ahead log into the main file, which would write recent
    changes into a damaged file (and remove the log that still held them). A read-only connection
    never checkpoints, so a damaged file is left exactly as it was found.

    Returns False when the check could not run (a new file, or one that cannot be opened read-only);
    the read-write open then checks and reports.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        return False  # locked, or not readable
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(str(path), str(exc)) from exc
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise DatabaseCorruptError(str(path), "; ".join(str(r[0]) for r in rows[:5]))
    return True


def _writable(path: Path) -> bool:
    """Can this process write the file and create its ``-wal``/``-shm`` companions beside it?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""
