"""A register written by release 0.1.0 opens in this version: migrated, backed up first, every row kept.

The register is ``tests/fixtures/register-0.1.0.sql`` (made by ``tests/fixtures/make_release_register.py``
with the 0.1.0 code): the demo municipality at 60 people, a roster import and an innsyn export.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from competence import __version__
from competence.cli import main
from competence.program_versions import program_versions
from competence.uow import UnitOfWork
from db import migrate
from db.session import open_database
from tests.support.upgrades import NEW_TABLES, load_sqlite, row_differences, sqlite_snapshot

RELEASE_REVISION = "0002"


def load_release_register(path: Path) -> Path:
    return load_sqlite(RELEASE_REVISION, path)


@pytest.fixture
def release_register(tmp_path: Path) -> Path:
    return load_release_register(tmp_path / "kompetanseregister.db")


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, by primary key."""
    return {table: content.rows for table, content in sqlite_snapshot(path).items()}


def test_the_fixture_is_a_release_register_with_data(release_register: Path) -> None:
    rows = snapshot(release_register)
    assert rows["alembic_version"] == [(RELEASE_REVISION,)]
    assert "program_version" not in rows
    empty = sorted(table for table, content in rows.items() if not content)
    assert empty == ["register_account"]  # accounts exist on a shared PostgreSQL register only
    assert len(rows["employee"]) == 62 and len(rows["assessment"]) == 902
    assert len(rows["import_run"]) == 1 and len(rows["import_mapping"]) == 1


def test_opens_migrates_with_a_backup_and_keeps_every_row(release_register: Path, tmp_path: Path) -> None:
    before = snapshot(release_register)
    database = open_database(f"sqlite:///{release_register}", backup_dir=tmp_path / "backups")
    try:
        result = database.migration
        assert result is not None
        assert (result.before, result.after) == (RELEASE_REVISION, migrate.HEAD)
        assert result.backup is not None and result.backup.parent == tmp_path / "backups"
        assert RELEASE_REVISION != migrate.HEAD
    finally:
        database.dispose()
    after = snapshot(release_register)
    assert snapshot(result.backup) == before  # the copy taken first is the register as it was
    assert after["alembic_version"] == [(migrate.HEAD,)]
    # every row kept (the codes later revisions renamed, renamed); opening records the program
    kept = {t: rows for t, rows in sqlite_snapshot(release_register).items() if t != "program_version"}
    assert row_differences(sqlite_snapshot(result.backup), kept) == []
    assert set(after) - set(before) == {"program_version", *NEW_TABLES} - set(before)


def test_the_command_line_says_it_upgraded_and_records_its_version(release_register: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["employees", "--db", str(release_register), "--json"], out=out, err=err) == 0
    assert "Registeret er oppgradert" in err.getvalue() and "før oppgraderingen" in err.getvalue()
    # the JSON is compact when it is not written to a terminal
    assert "90001" in {person["employee_no"] for person in json.loads(out.getvalue())}
    database = open_database(f"sqlite:///{release_register}")
    try:
        assert [seen.version for seen in program_versions(UnitOfWork(database))] == [__version__]
    finally:
        database.dispose()
    out, err = io.StringIO(), io.StringIO()
    assert main(["employees", "--db", str(release_register)], out=out, err=err) == 0
    assert err.getvalue() == ""  # upgraded once only
