"""Schema migrations, applied automatically when the app or the CLI opens a database.

Before a SQLite file that already holds data is migrated, it is copied with SQLite's backup API.
A database whose schema revision this code does not know was written by a newer version of the
program and is refused (:class:`db.errors.DatabaseTooNewError`): never "upgraded" blindly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db.backup import backup_sqlite
from db.engine import backup_dir_for, sqlite_path
from db.errors import DatabaseTooNewError, SchemaOwnerNeededError
from db.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """Alembic is imported only when a migration has to run or be inspected (not at every start)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(engine: Engine) -> bool:
    """True when the schema is at :data:`db.migrations.HEAD`: one plain query, no Alembic import."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
    except DBAPIError:  # no alembic_version table yet: a new database
        return False


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision; raises when it is one this code does not know."""
    rev = current_revision(engine)
    if rev is not None and rev not in known_revisions():
        raise DatabaseTooNewError(rev)
    return rev


def upgrade(engine: Engine, *, take_backup: bool = True, backup_dir: Path | None = None) -> MigrationResult:
    """Bring the schema to the newest revision, backing up a SQLite file that holds data first."""
    if is_current(engine):
        return MigrationResult(HEAD, HEAD, None)
    before = check_not_newer(engine)
    head = head_revision()
    if before == head:
        return MigrationResult(before, head, None)
    if before is not None and not _may_change_schema(engine):
        raise SchemaOwnerNeededError(before, head)
    backup: Path | None = None
    path = sqlite_path(engine.url)
    if take_backup and path is not None and _has_tables(engine):
        folder = backup_dir if backup_dir is not None else backup_dir_for(engine.url)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = folder / f"{path.stem}-before-{head}-{stamp}.db"
        backup_sqlite(engine, backup)
    _run(engine, "upgrade", head)
    return MigrationResult(before, head, backup)


def _may_change_schema(engine: Engine) -> bool:
    """On PostgreSQL, whether this login owns the register's tables (or is a superuser): a unit
    leader's login on a shared register may not, and gets told so instead of a failed migration."""
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as conn:
        allowed = conn.scalar(
            text(
                "SELECT r.rolsuper OR pg_has_role(t.tableowner, 'USAGE') FROM pg_roles r, pg_tables t "
                "WHERE r.rolname = current_user AND t.schemaname = current_schema() "
                "AND t.tablename = 'alembic_version'"
            )
        )
    return allowed is not False


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, "downgrade", revision)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Bring the schema to ``revision`` exactly (no backup): a register of an earlier schema, as
    the migration tests build them (``tests/test_migration_fixtures.py``)."""
    _run(engine, "upgrade", revision)


def _run(engine: Engine, verb: str, revision: str) -> None:
    """Run a migration in one transaction.

    SQLite's batch mode recreates tables; with foreign keys on, dropping the old copy of a table
    would cascade into the tables referring to it. So the pragma is switched off for the migration
    (it only takes effect outside a transaction) and the keys are checked before committing.
    """
    from alembic import command

    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                getattr(command, verb)(cfg, revision)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(
                            f"Migration {verb} {revision} left broken foreign keys: {broken[:5]}"
                        )
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
