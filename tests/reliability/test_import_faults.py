"""For the roster import: a full disk or a read-only register during an import gives
a clear message in both languages and leaves the register exactly as it was.

How each fault is made, and the fallbacks where privileges are missing: see faults.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from competence.roster import ImportOptions, run_import
from competence.uow import UnitOfWork
from db.errors import DiskFullError, ReadOnlyDatabaseError
from db.session import Database, open_database
from tests.reliability.faults import (
    assert_clear_message,
    can_mount,
    fallback,
    fill_disk,
    limit_database_pages,
    make_query_only,
    read_only,
    register_state,
    tmpfs,
)
from tests.roster.builders import RosterSpec, simple_rows, write_roster

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file systems and permissions")


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rosters")
    small = write_roster(folder / "liten.xlsx", RosterSpec(rows=simple_rows(20)))
    big = write_roster(folder / "stor.xlsx", RosterSpec(rows=simple_rows(4000, start=5000)))
    return small, big


def _import_runs(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM import_run").scalar() or 0)


#: The big roster replaces everyone of the small one: HR has confirmed that (docs/import.md, the
#: leavers rule), so the import reaches the writing these tests are about.
REPLACES_ALL = ImportOptions(accept_leavers=True)


def _refused_as_full(database: Database, roster: Path) -> None:
    before, runs = register_state(database), _import_runs(database)
    with pytest.raises(DiskFullError) as info:
        run_import(UnitOfWork(database, "hr"), roster, REPLACES_ALL)
    assert_clear_message(
        info.value, nb="Disken er full. Ingenting ble lagret.", en="The disk is full. Nothing was saved."
    )
    # "nothing was saved" holds to the letter: not even a row saying the import failed, nor a log event
    assert (register_state(database), _import_runs(database)) == (before, runs)


def test_disk_full_during_import(tmp_path: Path, rosters: tuple[Path, Path]) -> None:
    small, big = rosters
    if not can_mount():
        fallback("mount not allowed here: a full disk is simulated with PRAGMA max_page_count")
        database = open_database(f"sqlite:///{tmp_path / 'register.db'}")
        run_import(UnitOfWork(database, "hr"), small)
        limit_database_pages(database, 8)
        _refused_as_full(database, big)
        database.dispose()
        return
    with tmpfs(tmp_path / "disk", 8 * 1024 * 1024) as disk:
        database = open_database(f"sqlite:///{disk / 'register.db'}")
        try:
            run_import(UnitOfWork(database, "hr"), small)
            filler = fill_disk(disk, 96 * 1024)
            _refused_as_full(database, big)
            filler.unlink()
            report = run_import(UnitOfWork(database, "hr"), big, REPLACES_ALL)  # with room again, it imports
            assert report.created == 4000
        finally:
            database.dispose()


def test_disk_full_during_import_by_sqlite_page_limit(
    sqlite_database: Database, rosters: tuple[Path, Path]
) -> None:
    small, big = rosters
    run_import(UnitOfWork(sqlite_database, "hr"), small)
    limit_database_pages(sqlite_database, 8)
    _refused_as_full(sqlite_database, big)


def test_read_only_register_during_import(tmp_path: Path, rosters: tuple[Path, Path]) -> None:
    small, big = rosters
    path = tmp_path / "register.db"
    database = open_database(f"sqlite:///{path}")
    run_import(UnitOfWork(database, "hr"), small)
    database.dispose()
    with read_only(path) as how:
        database = open_database(f"sqlite:///{path}")
        try:
            if how is None:
                fallback("no way to make a file read-only for root here: SQLite's query_only is used")
                make_query_only(database)
            before = register_state(database)
            with pytest.raises(ReadOnlyDatabaseError) as info:
                run_import(UnitOfWork(database, "hr"), big, REPLACES_ALL)
            assert_clear_message(info.value, nb="kan ikke skrives til", en="cannot be written to")
            assert register_state(database) == before
        finally:
            database.dispose()
