"""Backups and restores.

A SQLite database is copied with SQLite's own backup API, which gives a consistent snapshot even
while another connection writes: never with a plain file copy of a live file. A server database
(PostgreSQL) is backed up the same way from the user's point of view: all rows are copied into a
new SQLite file with the same schema, which ``restore`` can load back into either kind.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Table, bindparam, insert, select, text, update

from db.damage_check import require_intact
from db.engine import ensure_private_dir, ensure_private_file, make_engine
from db.errors import DatabaseCorruptError, LocalizedError
from db.models import DERIVED_TABLES, Base

COPY_CHUNK = 5000
#: Tables whose actor (and time) the database sets on insert (migration 0003).
STAMPED_TABLES = ("audit_event", "import_run")


class BackupError(LocalizedError):
    code = "backup_failed"


def _private_tmp(dest: Path) -> Path:
    ensure_private_dir(dest.parent, enforce=False)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    ensure_private_file(tmp)
    return tmp


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy a SQLite database to ``dest`` (0600) with the backup API; atomic on success.

    Never of a file whose damage check failed (:mod:`db.damage_check`).
    """
    require_intact(engine)
    tmp = _private_tmp(dest)
    try:
        with engine.connect() as conn:
            source = conn.connection.dbapi_connection
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)  # type: ignore[union-attr]
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def backup(engine: Engine, dest: Path) -> Path:
    """Back up any supported database to a SQLite file at ``dest``."""
    if engine.dialect.name == "sqlite":
        return backup_sqlite(engine, dest)
    from db.migrate import upgrade  # local: migrate imports this module

    require_whole_register(engine)
    tmp = _private_tmp(dest)
    try:
        target = make_engine(f"sqlite:///{tmp}")
        try:
            upgrade(target, take_backup=False)
            with engine.connect() as src, target.begin() as dst:
                copy_rows(src, dst)
        finally:
            target.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def verify_sqlite_file(path: Path) -> None:
    """Raise :class:`DatabaseCorruptError` unless ``path`` is a readable, intact SQLite file."""
    if not path.is_file():
        raise BackupError(
            f"Finner ikke sikkerhetskopien {path}.", f"The backup {path} does not exist.", path=str(path)
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(str(path), str(exc)) from exc
    if result != [("ok",)]:
        raise DatabaseCorruptError(str(path), "; ".join(str(r[0]) for r in result[:5]))


def restore(engine: Engine, source_file: Path) -> None:
    """Replace the contents of the database behind ``engine`` with the backup ``source_file``.

    The backup is checked first (intact, and a schema this code knows); it is brought up to the
    current schema in a scratch copy, then loaded in one step, so a failure leaves the database as
    it was.
    """
    from db.migrate import check_not_newer, upgrade

    require_owner(engine)
    verify_sqlite_file(source_file)
    scratch = _private_tmp(source_file.parent / (source_file.name + ".restore"))
    try:
        shutil_copy_sqlite(source_file, scratch)
        src_engine = make_engine(f"sqlite:///{scratch}")
        try:
            check_not_newer(src_engine)
            upgrade(src_engine, take_backup=False)
            if engine.dialect.name == "sqlite":
                with src_engine.connect() as src, engine.connect() as dst:
                    src.connection.dbapi_connection.backup(dst.connection.dbapi_connection)  # type: ignore[union-attr]
            else:
                with src_engine.connect() as src, engine.begin() as dst:
                    # the backed-up events keep their own actors and times (the owner may)
                    for table in STAMPED_TABLES:
                        dst.execute(text(f'ALTER TABLE "{table}" DISABLE TRIGGER kr_stamp_actor'))
                    delete_all_rows(dst)
                    copy_rows(src, dst)
                    reset_sequences(dst)
                    for table in STAMPED_TABLES:
                        dst.execute(text(f'ALTER TABLE "{table}" ENABLE TRIGGER kr_stamp_actor'))
        finally:
            src_engine.dispose()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(scratch) + suffix).unlink(missing_ok=True)


def require_whole_register(engine: Engine) -> None:
    """On a shared PostgreSQL register, only a login that reaches every row may back it up: under
    row-level security a unit leader's backup would silently hold just their own people."""
    if _login_may(engine, "r.rolbypassrls OR kr_sees_all()") is False:
        raise BackupError(
            "Bare HR kan ta sikkerhetskopi av et felles register: en enhetsleder når bare sine egne "
            "enheter. Ingenting ble endret.",
            "Only HR can back up a shared register: a unit leader reaches only their own units. "
            "Nothing was changed.",
        )


def require_owner(engine: Engine) -> None:
    """On a shared PostgreSQL register, only the owner of the tables may restore a backup: a
    restore replaces the audit log too, which is append-only for every other login
    (``docs/security.md``)."""
    if _login_may(engine, "false") is False:
        raise BackupError(
            "Bare eieren av databasen (databaseansvarlig) kan gjenopprette et felles register: en "
            "gjenoppretting erstatter også revisjonsloggen, som ingen andre innlogginger kan endre. "
            "Ingenting ble endret.",
            "Only the owner of the database (the database administrator) can restore a shared "
            "register: a restore replaces the audit log too, which no other login may change. "
            "Nothing was changed.",
        )


def _login_may(engine: Engine, besides_the_owner: str) -> bool | None:
    """On PostgreSQL: is the login a superuser, the tables' owner, or ``besides_the_owner``?
    None for a SQLite file (one user, who may)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        allowed = conn.scalar(
            text(
                "SELECT r.rolsuper OR pg_has_role(current_user, t.tableowner, 'USAGE') OR "
                f"{besides_the_owner} FROM pg_roles r, pg_tables t WHERE r.rolname = current_user "
                "AND t.schemaname = current_schema() AND t.tablename = 'employee'"
            )
        )
    return bool(allowed)


def shutil_copy_sqlite(source: Path, dest: Path) -> None:
    """Copy a SQLite file that no one else has open, through the backup API all the same."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _tables() -> Iterable[Table]:
    """The tables a backup holds: all but the kept figures, which the triggers of the register
    written into forget as the rows arrive (migration 0010), and which are computed again there."""
    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED_TABLES]


def delete_all_rows(conn: Connection) -> None:
    for table in reversed(list(_tables())):
        conn.execute(table.delete())


def copy_rows(src: Connection, dst: Connection) -> None:
    """Copy every row of every model table from ``src`` to ``dst`` (same schema, empty target).

    Into PostgreSQL the rows go by ``COPY`` (several times faster than batched INSERTs for the
    millions of assessment rows of a large register); into SQLite by batched INSERTs.

    Columns that point into their own table (a manager, a parent unit) are written in a second pass,
    so rows can arrive in any order without breaking a foreign key. That pass also sets the columns
    that otherwise change on every update (``updated_at``) to their stored value: a restored row is
    the row that was backed up, timestamps included.
    """
    for table in _tables():
        self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
        result = src.execute(select(table))
        while chunk := result.mappings().fetchmany(COPY_CHUNK):
            rows = [dict(r) for r in chunk]
            if self_refs:
                rows = [{**r, **dict.fromkeys(self_refs)} for r in rows]
            if dst.dialect.name == "postgresql":
                _copy_into_postgresql(dst, table, rows)
            else:
                dst.execute(insert(table), rows)
        if self_refs:
            _restore_self_references(src, dst, table, self_refs)


def _copy_into_postgresql(dst: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``COPY table (columns) FROM STDIN`` on the connection's own transaction (psycopg 3)."""
    import psycopg
    from psycopg import sql
    from psycopg.types.json import Json

    columns = [c.name for c in table.columns]
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    raw = dst.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [
                    Json(row[name]) if name in json_columns and row[name] is not None else row[name]
                    for name in columns
                ]
            )


def _restore_self_references(src: Connection, dst: Connection, table: Table, self_refs: list[str]) -> None:
    pk = [c.name for c in table.primary_key.columns]
    kept = [c.name for c in table.columns if c.onupdate is not None]  # e.g. updated_at
    stmt = (
        update(table)
        .where(*(table.c[k] == bindparam(f"pk_{k}") for k in pk))
        .values({c: bindparam(f"v_{c}") for c in [*self_refs, *kept]})
    )
    result = src.execute(select(*(table.c[k] for k in pk), *(table.c[c] for c in [*self_refs, *kept])))
    while chunk := result.mappings().fetchmany(COPY_CHUNK):
        params = [
            {**{f"pk_{k}": r[k] for k in pk}, **{f"v_{c}": r[c] for c in [*self_refs, *kept]}}
            for r in chunk
            if any(r[c] is not None for c in self_refs)
        ]
        if params:
            dst.execute(stmt, params)


def reset_sequences(conn: Connection) -> None:
    """After rows with explicit ids were copied into PostgreSQL, move each id sequence past them."""
    if conn.dialect.name != "postgresql":
        return
    for table in _tables():
        id_col = table.c.get("id")
        if id_col is None or not id_col.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )
