"""Make deleted personal data unrecoverable from the database's live files after an erasure.

SQLite runs with ``secure_delete`` (db/engine.py), so deleted cells are overwritten with zeros;
``VACUUM`` then rebuilds the file, and a ``TRUNCATE`` checkpoint empties the write-ahead log, whose
older frames could still hold the deleted rows.

PostgreSQL: a plain ``VACUUM`` marks dead rows' space free but leaves their bytes in the page (and
in the indexes' pages) until the space is reused, so the touched tables are rewritten with
``VACUUM (FULL, ANALYZE)``: new files holding only the live rows, indexes rebuilt, the planner's
statistics sampled afresh. It runs after the erasure committed, on a connection of its own in
autocommit (``VACUUM`` cannot run inside a transaction), and only when the login may: the owner of
the tables (an HR login may not vacuum them; ``docs/privacy.md`` says what remains then). It takes
each table's exclusive lock for a moment; if another user holds the table longer than
:data:`LOCK_TIMEOUT`, a plain ``VACUUM`` is done instead and the outcome says so. What stays on the
server outside the live files (write-ahead log, its archive, base backups, replicas) is the
database administrator's, and is described in ``docs/privacy.md``.
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.session import Database

log = logging.getLogger(__name__)

#: How long the rewrite waits for another user's lock on a table before it settles for less.
LOCK_TIMEOUT = "5s"


class Compaction(enum.StrEnum):
    #: The deleted data is gone from the database's live files.
    DONE = "done"
    #: Another user kept the database busy; the next erasure or retention run tries again.
    BUSY = "busy"
    #: A shared register, and this login may not rewrite its tables (only their owner may).
    NEEDS_OWNER = "needs_owner"


def compact(database: Database, tables: Iterable[str]) -> Compaction:
    """Rebuild the storage after rows were deleted.

    Never raises for a busy database: the deletion itself is already committed, and the next
    erasure or retention run compacts again.
    """
    try:
        if database.is_sqlite:
            return Compaction.DONE if _compact_sqlite(database) else Compaction.BUSY
        return _vacuum_tables(database, sorted(set(tables)))
    except (sqlite3.OperationalError, DBAPIError) as exc:
        log.warning("compaction after erasure did not finish: %s", type(exc).__name__)
        return Compaction.BUSY


def _compact_sqlite(database: Database) -> bool:
    with database.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("VACUUM")
        busy, _log_frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return int(busy) == 0


def _vacuum_tables(database: Database, tables: list[str]) -> Compaction:
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        owned = conn.scalar(
            text(
                "SELECT count(*) FROM pg_tables t WHERE t.schemaname = current_schema() "
                "AND t.tablename = ANY(:tables) AND pg_has_role(current_user, t.tableowner, 'USAGE')"
            ),
            {"tables": tables},
        )
        if owned != len(tables):
            return Compaction.NEEDS_OWNER
        names = ", ".join(conn.dialect.identifier_preparer.quote(t) for t in tables)
        conn.exec_driver_sql(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        try:
            conn.exec_driver_sql(f"VACUUM (FULL, ANALYZE) {names}")
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            log.warning("a table was in use; plain VACUUM instead of a rewrite")
            conn.exec_driver_sql(f"VACUUM {names}")
            return Compaction.BUSY
        return Compaction.DONE
