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
    ConnectionSecurityError,
    DatabaseCorruptError,
    DatabaseUnavailableError,
    DiskFullError,
    LoginFailedError,
    LoginNotRegisteredError,
    ReadOnlyDatabaseError,
    StorageIOError,
    is_login_refused,
    is_ssl_refused,
    translate_db_error,
)


@dataclass
class Database:
    """A database the program has opened. Holds no session: each unit of work makes its own."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session] = field(repr=False)
    migration: migrate.MigrationResult | None = None
    #: The database login on a server (``session_user``); None for a SQLite file.
    login: str | None = None

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
    url: str | None = None,
    *,
    migrate_schema: bool = True,
    backup_dir: Path | None = None,
    password: str | None = None,
) -> Database:
    """Open (and by default migrate) the database at ``url`` (see :func:`db.engine.resolve_url`).

    ``password`` is handed to the server's driver, never put into the URL (which the app keeps in
    its preferences). Without one, libpq finds it the usual ways (a pgpass or service file).

    Raises :class:`DatabaseCorruptError` for a damaged SQLite file, :class:`DatabaseTooNewError`
    for a schema newer than this program, :class:`DatabaseUnavailableError` when it cannot connect,
    :class:`LoginNotRegisteredError` for a shared register the login has no access to.
    """
    resolved = resolve_url(url)
    engine = make_engine(resolved, password=password)
    login: str | None = None
    try:
        login = _check_reachable(engine, resolved)
        result = migrate.upgrade(engine, backup_dir=backup_dir) if migrate_schema else None
    except DBAPIError as exc:
        engine.dispose()
        if isinstance(translate_db_error(exc), AccessDeniedError):
            # a shared register this login has no access to
            raise LoginNotRegisteredError(login or "?", describe_url(resolved)) from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return Database(url=resolved, engine=engine, session_factory=factory, migration=result, login=login)


def _check_reachable(engine: Engine, url: str) -> str | None:
    """Connect once (and check a SQLite file); returns the login on a server."""
    path = sqlite_path(url)
    # a file exactly as this program left it at a clean close skips the full check (db.clean_close)
    checked = path is not None and (take_clean_stamp(path) or check_sqlite_file_read_only(path))
    try:
        with engine.connect() as conn:
            if path is not None and not checked:
                rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                if rows != [("ok",)]:
                    raise DatabaseCorruptError(str(path), "; ".join(str(r[0]) for r in rows[:5]))
            elif path is None and engine.dialect.name == "postgresql":
                return str(conn.execute(text("SELECT session_user")).scalar_one())
            else:
                conn.execute(text("SELECT 1"))
        return None
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
        if path is None and is_login_refused(orig):
            raise LoginFailedError(describe_url(url), _first_line(str(orig))) from exc
        if path is None and is_ssl_refused(orig):
            raise ConnectionSecurityError(describe_url(url), _first_line(str(orig))) from exc
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
