"""Where the database lives and how to connect to it.

SQLite is the embedded default, at ``platformdirs.user_data_dir("Kompetanseregister")``; any URL
given by ``--db`` or ``KOMPETANSE_DB_URL`` takes precedence, including a shared PostgreSQL server
(``postgresql+psycopg://...``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from platformdirs.api import PlatformDirsABC
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

APP_NAME = "Kompetanseregister"
ENV_DB_URL = "KOMPETANSE_DB_URL"
ENV_DATA_DIR = "KOMPETANSE_DATA_DIR"
DEFAULT_DB_FILENAME = "kompetanseregister.db"
#: Milliseconds SQLite waits for a lock before it reports "busy".
SQLITE_BUSY_TIMEOUT_MS = 5000
#: The page size of a register file made from now on (SQLite's default is 4 KiB). A file keeps the
#: page size it was made with. With 16 KiB pages the import of a 50,000-person roster writes its
#: rows and indexes in a tenth less time (docs/benchmarks.md). SQLite moves the write-ahead log into
#: the file after 1,000 pages: 16 MB now instead of 4 MB, so that work comes later, with a later
#: write or when the register is closed, rather than with the import's commit.
SQLITE_PAGE_SIZE = 16_384


def user_dirs(platform: str | None = None) -> PlatformDirsABC:
    r"""The operating system's folders for the program.

    Windows: ``%LOCALAPPDATA%\Kompetanseregister`` for the data (the local profile, never the
    roaming one: a register and its backups must not be copied to a file server at every logoff) and
    ``...\Kompetanseregister\Logs``. Linux: ``~/.local/share/Kompetanseregister`` and
    ``~/.local/state/Kompetanseregister/log``. ``platform`` lets tests ask for Windows elsewhere.
    """
    if (platform or sys.platform) == "win32":
        from platformdirs.windows import Windows

        return Windows(APP_NAME, appauthor=False, roaming=False)
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder for the database and its backups, created owner-only (0700; on Windows the user
    profile's access list already keeps other users out: docs/install-windows.md)."""
    env = os.environ if env is None else env
    folder = Path(env.get(ENV_DATA_DIR) or user_dirs().user_data_dir)
    ensure_private_dir(folder)
    return folder


def log_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    own = env.get(ENV_DATA_DIR)
    folder = Path(own) / "logs" if own else Path(user_dirs().user_log_dir)
    ensure_private_dir(folder)
    return folder


def backup_dir_for(url: str | URL, *, create: bool = True) -> Path:
    """Backups of a SQLite file live next to it in ``backups/``; others in the data folder.

    ``create=False`` only names the folder (to look for backups of a file that must not be touched).
    """
    path = sqlite_path(url)
    folder = (path.parent if path is not None else data_dir()) / "backups"
    if create:
        ensure_private_dir(folder)
    return folder


def ensure_private_dir(folder: Path, *, enforce: bool = True) -> Path:
    """Create ``folder`` owner-only (0700), and every missing folder above it too; returns it.

    Every folder the program creates is 0700 whatever the user's umask (README, "Owner-only files"):
    ``mkdir(parents=True)`` would give the folders above the last one the umask's mode (often 0755).
    With ``enforce`` an existing folder that others can read is tightened too; that is right for the
    app's own folders, never for a folder the user picked (say, Documents) for a database or an export.
    """
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if not missing and not folder.is_dir():  # as mkdir(exist_ok=True) says of a file in the way
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder))
    for step in reversed(missing):
        try:
            step.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another process: not ours to change
            continue
        if sys.platform != "win32":
            step.chmod(0o700)  # mkdir's mode is masked by the umask
    if not missing and enforce and sys.platform != "win32":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            with contextlib.suppress(PermissionError):  # a folder we do not own: leave it as it is
                folder.chmod(0o700)
    return folder


def ensure_private_file(path: Path, *, tighten: bool = False) -> None:
    """Create ``path`` readable by its owner only (0600) if it does not exist yet.

    With ``tighten`` an existing file of the program's own that others can read is made 0600 too
    (a file an older version, or another library, created with the umask's mode).
    """
    if path.exists():
        if tighten and sys.platform != "win32" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            with contextlib.suppress(PermissionError):
                path.chmod(0o600)
        return
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def default_url(env: Mapping[str, str] | None = None) -> str:
    return f"sqlite:///{data_dir(env) / DEFAULT_DB_FILENAME}"


def resolve_url(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """``--db`` first, then ``KOMPETANSE_DB_URL``, then the default SQLite file.

    A bare file path is accepted and taken as a SQLite file; ``postgresql://`` is given the psycopg 3
    driver.
    """
    env = os.environ if env is None else env
    raw = explicit or env.get(ENV_DB_URL) or default_url(env)
    return normalise_url(raw)


def normalise_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if raw.startswith(plain):
            return "postgresql+psycopg://" + raw[len(plain) :]
    return raw


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def describe_url(url: str | URL) -> str:
    """A human description of where the data lives, without any password."""
    u = make_url(url)
    path = sqlite_path(u)
    if path is not None:
        return str(path)
    if u.get_backend_name() == "sqlite":
        return ":memory:"
    host = u.host or "localhost"
    if u.query.get("host"):
        host = str(u.query["host"])
    port = f":{u.port}" if u.port else ""
    return f"{u.get_backend_name()}://{u.username + '@' if u.username else ''}{host}{port}/{u.database or ''}"


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see "begin" below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")  # a new file only: before WAL fixes it
        _switch_to_wal(cursor)
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the file in write-ahead-log mode (docs/architecture.md), or leave it as it is for now.

    A file in rollback-journal mode (a backup copied into place) can only be switched while no
    other connection reads it. With another reader open, waiting the busy timeout and failing with
    SQLite's "database is locked" would refuse a register that works; so the switch is tried without
    waiting, and this connection uses the file as it is: its writes wait for the reader as usual
    (and are told "busy" when it stays). The next connection made when the file is free switches it.
    """
    cursor.execute("PRAGMA busy_timeout = 0")
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
            raise


def _sqlite_on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str | URL, *, echo: bool = False, password: str | None = None) -> Engine:
    """An engine for ``url``: SQLite with the pragmas docs/architecture.md names, or a server.

    A server's ``password`` goes to the driver as a connection argument, so it is never part of a
    URL that could be shown, logged or saved."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        path = sqlite_path(u)
        kwargs: dict[str, Any] = {
            "connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        }
        if path is None:
            kwargs["poolclass"] = StaticPool
        else:
            ensure_private_dir(path.parent, enforce=False)
            ensure_private_file(path)
        engine = create_engine(u, echo=echo, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    connect_args = {"password": password} if password else {}
    return create_engine(u, echo=echo, pool_pre_ping=True, connect_args=connect_args)
