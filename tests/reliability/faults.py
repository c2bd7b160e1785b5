"""Ways to make the disk full or a file read-only in a test, with fallbacks for where they are not allowed.

The realistic mechanisms need privileges: a tiny tmpfs (``mount``, root) for a full disk, and for a
read-only file or folder either plain permissions (which root ignores) or a read-only bind mount /
the immutable attribute (root). CI runs as root in a container that may forbid ``mount``; each
helper then falls back to SQLite's own error paths (``max_page_count`` for a full database,
``query_only`` for a read-only one) and says so with a warning, so nothing is skipped silently.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event

from db.errors import LocalizedError
from db.session import Database

#: ``KOMPETANSE_TEST_FAULTS=fallback`` makes the helpers behave as in a locked-down container, to
#: exercise the fallbacks on a machine that does allow mounting.
FORCE_FALLBACK = os.environ.get("KOMPETANSE_TEST_FAULTS") == "fallback"


class FallbackWarning(UserWarning):
    """A fault was simulated with SQLite's own limits because the realistic way is not allowed here."""


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run(*cmd: str) -> bool:
    if shutil.which(cmd[0]) is None:
        return False
    return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


@functools.cache
def can_mount() -> bool:
    """True when this process may mount a tmpfs (root outside a locked-down container)."""
    if FORCE_FALLBACK or not is_root():
        return False
    probe = Path(tempfile.mkdtemp(prefix="mount-probe-"))
    try:
        if not _run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)):
            return False
        _run("umount", str(probe))
        return True
    finally:
        probe.rmdir()


@contextlib.contextmanager
def tmpfs(folder: Path, size_bytes: int) -> Iterator[Path]:
    """A real, tiny file system at ``folder`` (call only when :func:`can_mount`)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_bytes},mode=0700", "tmpfs", str(folder)):
        raise RuntimeError(f"could not mount a tmpfs at {folder}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, leave_bytes: int) -> Path:
    """Fill the file system holding ``folder`` until only ``leave_bytes`` are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = folder / "filler.bin"
    with filler.open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave_bytes))
    return filler


def limit_database_pages(database: Database, extra_pages: int) -> None:
    """Let the SQLite file grow by at most ``extra_pages`` pages: writes beyond fail as "disk full"."""
    with database.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(database.engine, "connect", on_connect)
    database.engine.dispose()  # the pool's connections are re-made with the limit


def make_query_only(database: Database) -> None:
    """SQLite's read-only path: every write is refused with SQLITE_READONLY."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(database.engine, "connect", on_connect)
    database.engine.dispose()


@dataclass(frozen=True)
class RegisterState:
    """What a refused write must leave as it was."""

    people: int
    positions: int
    units: int
    log_events: int
    integrity: str

    def data(self) -> tuple[int, int, int, str]:
        """Everything but the log, where a failed import may leave a note."""
        return self.people, self.positions, self.units, self.integrity


def register_state(database: Database) -> RegisterState:
    with database.engine.connect() as conn:
        people, positions, units, events = (
            int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0)
            for t in ("employee", "position", "org_unit", "audit_event")
        )
        integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    return RegisterState(people, positions, units, events, integrity)


def assert_clear_message(exc: LocalizedError, *, nb: str, en: str) -> None:
    """The refusal says what happened in both languages, in words, without SQL or a traceback."""
    assert nb in exc.message("nb"), exc.message("nb")
    assert en in exc.message("en"), exc.message("en")
    assert "sqlite" not in exc.message("nb").lower() and "Traceback" not in exc.message("en")


def fallback(reason: str) -> None:
    warnings.warn(FallbackWarning(reason), stacklevel=2)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[str | None]:
    """Make a file or folder read-only for this process; yields how, or None when it cannot.

    Not root: permissions. Root: a read-only bind mount, else the immutable attribute (chattr +i).
    """
    if not is_root() and not FORCE_FALLBACK:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield "chmod"
        finally:
            path.chmod(mode)
        return
    if can_mount() and _run("mount", "--bind", str(path), str(path)):
        if _run("mount", "-o", "remount,ro,bind", str(path)):
            try:
                yield "read-only bind mount"
            finally:
                subprocess.run(["umount", str(path)], check=False)
            return
        subprocess.run(["umount", str(path)], check=False)
    if not FORCE_FALLBACK and _run("chattr", "+i", str(path)):
        try:
            yield "chattr +i"
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        return
    yield None
