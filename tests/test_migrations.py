"""Migrations: from an empty database up, a downgrade/upgrade round trip, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from db import migrate
from db.errors import DatabaseCorruptError, DatabaseTooNewError
from db.models import Base
from db.session import Database, open_database
from tests.support.schema import check_constraints, check_differences


def test_upgrade_from_empty_matches_models(database: Database) -> None:
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    with database.engine.begin() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert check_differences(conn) == []


def test_the_check_comparison_sees_a_constraint_that_drifted(database: Database) -> None:
    """A value set changed in the models but not by a migration is caught (on this database)."""
    with database.engine.begin() as conn:
        assert ("learning_goal", "ck_learning_goal_status_valid") in check_constraints(conn)
    migrate.downgrade(database.engine, "0005")  # the goal statuses of before the English codes
    with database.engine.begin() as conn:
        drift = check_differences(conn)
    assert any(line.startswith("learning_goal.ck_learning_goal_status_valid:") for line in drift)
    assert any(line.startswith("audit_event.ck_audit_event_action_known:") for line in drift)


def test_downgrade_upgrade_round_trip(database: Database) -> None:
    migrate.downgrade(database.engine, "base")
    assert migrate.current_revision(database.engine) is None
    result = migrate.upgrade(database.engine, take_backup=False)
    assert result.after == migrate.head_revision()
    with database.engine.begin() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert check_differences(conn) == []


def test_sqlite_is_backed_up_before_migrating(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    db = open_database(url)
    migrate.downgrade(db.engine, "base")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE keepme (x INTEGER)"))
        conn.execute(text("INSERT INTO keepme VALUES (42)"))
    db.dispose()
    db = open_database(url, backup_dir=tmp_path / "bk")
    assert db.migration is not None and db.migration.backup is not None
    import sqlite3

    with sqlite3.connect(db.migration.backup) as conn:
        assert conn.execute("SELECT x FROM keepme").fetchall() == [(42,)]
    db.dispose()


def test_database_newer_than_code_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.dispose()
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(url)
    assert "nyere versjon" in info.value.message("nb")
    assert "newer version" in info.value.message("en")


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")


def test_sqlite_pragmas(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_head_constant_names_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'r.db'}"
    open_database(url).dispose()
    code = (
        "import sys; from db.session import open_database; "
        f"open_database({url!r}).dispose(); "
        "sys.exit(1 if any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
