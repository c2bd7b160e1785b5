"""Checking a register file that was closed cleanly for damage, without making the start wait for it.

At a clean close the program records a SHA-256 digest of the whole file (:mod:`db.clean_close`).
When the file is opened again with its size, modification time and change counter as recorded,
nothing legitimate can have changed it: SQLite only writes through this program's connections, and
any write changes the modification time. Any byte that differs now (bit rot on the disk, a page
overwritten by another program that put the time back) is damage. ``PRAGMA quick_check`` cannot see
a changed byte inside a stored value; the digest sees every byte.

The digest is computed on a thread (``hashlib`` and file reads release the GIL), so the window and
the first list load do not wait for it. Nothing may be written before it has passed:

* every commit on the engine waits for it (a SQLAlchemy ``commit`` event), and a failed check
  refuses the commit with :class:`db.errors.DatabaseCorruptError`. In WAL mode (always, for a file
  this program closed) nothing reaches the main file before a commit and a checkpoint after it;
* backups, which use the driver's backup API directly, wait through :func:`require_intact` (a copy
  of a damaged file would push a good backup out of the rotation); the compaction after an erasure
  runs only after the erasure's commit, which waited;
* the stamp is removed only when the check has passed; a file whose check failed, or had not
  finished (the process was killed, the register closed at once), keeps it and is compared again,
  and refused again, at the next open (the full ``quick_check`` it would otherwise get cannot see
  most of what the digest sees).
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from db.clean_close import CleanStamp, consume_stamp, file_digest
from db.errors import DatabaseCorruptError, DatabaseUnavailableError, StorageError, StorageIOError

_checks: weakref.WeakKeyDictionary[Engine, DamageCheck] = weakref.WeakKeyDictionary()


class DamageCheck:
    """The comparison of a file with the digest recorded at its last clean close, on a thread."""

    def __init__(self, path: Path, stamp: CleanStamp) -> None:
        self.path = path
        self.stamp = stamp
        self._stop = threading.Event()
        self._done = threading.Event()
        self._error: StorageError | None = None
        self._compared = False
        self._thread = threading.Thread(target=self._run, name="register-damage-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            actual = file_digest(self.path, self._stop)
            self._compared = actual is not None
            if actual is not None and actual != self.stamp.sha256:
                self._error = DatabaseCorruptError(
                    str(self.path), "the file differs from the digest recorded at its last clean close"
                )
            elif actual is not None:
                consume_stamp(self.path)  # writes may follow now: a crash from here needs the full check
        except OSError:  # the disk failed while reading it: say so, and write nothing
            self._error = StorageIOError()
        finally:
            self._done.set()

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    @property
    def passed(self) -> bool:
        """Finished and the file is as it was closed (never blocks)."""
        return self._done.is_set() and self._compared and self._error is None

    @property
    def error(self) -> StorageError | None:
        """The damage found, once finished (never blocks)."""
        return self._error if self._done.is_set() else None

    def wait(self) -> None:
        """Block until the check is done; raise :class:`DatabaseCorruptError` when the file is damaged
        (:class:`StorageIOError` when it could not be read)."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        if not self._compared:  # stopped: the register is being closed
            raise DatabaseUnavailableError(str(self.path))

    def stop(self) -> None:
        """Give up (the register is being closed); the file then counts as not checked."""
        self._stop.set()
        self._thread.join()


def attach(engine: Engine, check: DamageCheck) -> None:
    """Make every commit on ``engine`` (and :func:`require_intact`) wait for ``check``."""
    _checks[engine] = check

    def before_commit(_conn: Any) -> None:
        check.wait()

    event.listen(engine, "commit", before_commit)


def require_intact(engine: Engine) -> None:
    """Wait for the damage check of the file behind ``engine``, if one is running; raise when damaged."""
    check = _checks.get(engine)
    if check is not None:
        check.wait()


def check_of(engine: Engine) -> DamageCheck | None:
    return _checks.get(engine)
