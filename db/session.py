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
from db.clean_close import in_wal_mode, read_clean_stamp, record_clean_close
from db.damage_check import DamageCheck, attach
from db.engine import backup_dir_for, describe_url, make_engine, resolve_url, sqlite_path
from db.errors import (
    AccessDeniedError,
    ConnectionSecurityError,
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseUnavailableError,
    DiskFullError,
    LoginFailedError,
    LoginNotRegisteredError,
    ReadOnlyDatabaseError,
    StorageError,
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
    #: The comparison with the digest of the last clean close (a SQLite file that was closed
    #: cleanly); None when the file got the full check on open instead, or is not a file.
    damage_check: DamageCheck | None = field(default=None, repr=False)

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

    def find_damage(self) -> DatabaseCorruptError | None:
        """After an unexpected error while reading a SQLite file: is the file damaged?

        The answer of the damage check begun on open when there is one, else ``PRAGMA
        integrity_check`` (which also compares every index with its table) through a read-only
        connection. None for a server database, or a file found intact.
        """
        path = self.path
        if path is None:
            return None
        check = self.damage_check
        try:
            if check is not None:
                check.wait()
            check_sqlite_file_read_only(path, "integrity_check")
        except DatabaseCorruptError as exc:
            return exc
        except StorageError:
            return None
        return None

    def dispose(self) -> None:
        """Close every connection; a SQLite file left complete is stamped as cleanly closed.

        Never when its damage check failed or had not finished: the stamp would vouch for a file
        nobody checked, and the next open would skip the full check.
        """
        check = self.damage_check
        if check is not None and not check.finished:
            check.stop()
        self.engine.dispose()
        if check is not None and not check.passed:
            return
        if self.path is not None and self.path.exists():
            record_clean_close(self.path)


def open_database(
    url: str | None = None,
    *,
    migrate_schema: bool = True,
    backup_dir: Path | None = None,
    password: str | None = None,
    check_in_background: bool = False,
) -> Database:
    """Open (and by default migrate) the database at ``url`` (see :func:`db.engine.resolve_url`).

    ``password`` is handed to the server's driver, never put into the URL (which the app keeps in
    its preferences). Without one, libpq finds it the usual ways (a pgpass or service file).

    Raises :class:`DatabaseCorruptError` for a damaged SQLite file, :class:`DatabaseTooNewError`
    for a schema newer than this program, :class:`DatabaseUnavailableError` when it cannot connect,
    :class:`LoginNotRegisteredError` for a shared register the login has no access to.

    A file closed cleanly by this program is compared with the digest recorded then
    (:mod:`db.damage_check`); ``check_in_background`` returns before that comparison is done (the
    desktop app, whose start must not wait for it): every write waits for it instead, and
    :attr:`Database.damage_check` tells the caller when it fails.
    """
    resolved = resolve_url(url)
    refuse_emptied_register(resolved)
    engine = make_engine(resolved, password=password)
    check: DamageCheck | None = None
    login: str | None = None
    try:
        check, login = _check_reachable(engine, resolved, background=check_in_background)
        if check is not None:
            attach(engine, check)
        result = migrate.upgrade(engine, backup_dir=backup_dir) if migrate_schema else None
    except DBAPIError as exc:
        _give_up(engine, check)
        translated = translate_db_error(exc)
        if isinstance(translated, AccessDeniedError):
            # a shared register this login has no access to
            raise LoginNotRegisteredError(login or "?", describe_url(resolved)) from exc
        if isinstance(translated, DatabaseBusyError):
            raise translated from exc
        raise
    except BaseException:
        _give_up(engine, check)
        raise
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return Database(
        url=resolved,
        engine=engine,
        session_factory=factory,
        migration=result,
        login=login,
        damage_check=check,
    )


def _give_up(engine: Engine, check: DamageCheck | None) -> None:
    if check is not None and not check.finished:
        check.stop()
    engine.dispose()


def refuse_emptied_register(url: str) -> None:
    """A register file of 0 bytes with backups beside it is a register that lost its contents (a
    truncation, a copy that failed half-way): refuse it as damaged, so the newest backup is offered,
    instead of letting SQLite start a new, empty register in it. A 0-byte file with no backups beside
    it is a register that was never written (the program creates the file before SQLite fills it)."""
    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size > 0:
        return
    backups = backup_dir_for(url, create=False)
    if backups.is_dir() and any(p.is_file() for p in backups.glob("*.db")):
        raise DatabaseCorruptError(str(path), "the file is empty (0 bytes)")


def _check_reachable(engine: Engine, url: str, *, background: bool) -> tuple[DamageCheck | None, str | None]:
    """Connect once. A SQLite file as it was at a clean close is compared with its digest, waited
    for here unless ``background`` (then it is returned running); any other file gets the full check.
    Returns that comparison and, on a server, the login (``session_user``)."""
    path = sqlite_path(url)
    check: DamageCheck | None = None
    if path is not None and (stamp := read_clean_stamp(path)) is not None:
        if not in_wal_mode(path):
            # stamped files were closed in WAL mode; connecting would switch them back, a write
            raise DatabaseCorruptError(str(path), "the header no longer says write-ahead log")
        check = DamageCheck(path, stamp)
        if not background:
            check.wait()  # before a read-write connection so much as opens the file
    checked = path is not None and (check is not None or check_sqlite_file_read_only(path))
    try:
        with engine.connect() as conn:
            if path is not None and not checked:
                rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                if rows != [("ok",)]:
                    raise DatabaseCorruptError(str(path), "; ".join(str(r[0]) for r in rows[:5]))
            elif path is None and engine.dialect.name == "postgresql":
                return None, str(conn.execute(text("SELECT session_user")).scalar_one())
            else:
                conn.execute(text("SELECT 1"))
        return check, None
    except DBAPIError as exc:
        if check is not None:
            check.stop()
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
        if isinstance(translated, StorageIOError | DiskFullError | DatabaseBusyError):
            raise translated from exc
        if path is None and is_login_refused(orig):
            raise LoginFailedError(describe_url(url), _first_line(str(orig))) from exc
        if path is None and is_ssl_refused(orig):
            raise ConnectionSecurityError(describe_url(url), _first_line(str(orig))) from exc
        raise DatabaseUnavailableError(describe_url(url), _first_line(str(orig))) from exc


def check_sqlite_file_read_only(path: Path, pragma: str = "quick_check") -> bool:
    """Run ``quick_check`` (or ``integrity_check``) on an existing SQLite file through a read-only
    connection; raise :class:`DatabaseCorruptError` when it finds damage.

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
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
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
