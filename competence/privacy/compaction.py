"""Make deleted personal data unrecoverable from the database file after an erasure.

SQLite runs with ``secure_delete`` (db/engine.py), so deleted cells are overwritten with zeros;
``VACUUM`` then rebuilds the file, and a ``TRUNCATE`` checkpoint empties the write-ahead log, whose
older frames could still hold the deleted rows. PostgreSQL gets a ``VACUUM`` of the touched tables,
which lets the server reuse the space of the dead rows (the server's own WAL archive and backups are
the database administrator's to manage).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable

from sqlalchemy.exc import DBAPIError

from db.session import Database

log = logging.getLogger(__name__)


def compact(database: Database, tables: Iterable[str]) -> bool:
    """Rebuild the storage after rows were deleted. False when another user kept it from finishing.

    Never raises for a busy database: the deletion itself is already committed, and the next
    erasure or retention run compacts again.
    """
    try:
        if database.is_sqlite:
            return _compact_sqlite(database)
        _vacuum_tables(database, sorted(set(tables)))
        return True
    except (sqlite3.OperationalError, DBAPIError) as exc:
        log.warning("compaction after erasure did not finish: %s", type(exc).__name__)
        return False


def _compact_sqlite(database: Database) -> bool:
    with database.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("VACUUM")
        busy, _log_frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return int(busy) == 0


def _vacuum_tables(database: Database, tables: list[str]) -> None:
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql("VACUUM " + ", ".join(quote(t) for t in tables))
