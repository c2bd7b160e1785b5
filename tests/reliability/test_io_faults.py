"""A full disk and a read-only file or folder, during an edit and a backup, give a
clear message in both languages and leave the database as it was.

The crash and fault cases of the roster import are in test_import_faults.py (they need the import).
See faults.py for how each fault is made and the fallbacks where privileges are missing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from competence.backups import take_backup
from competence.errors import DomainError
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
from tests.reliability.processes import integrity, start_worker
from tests.reliability.workers.batch_writer import write_batch

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file systems and permissions")

BIG_BATCH = 3000


def _opened_with_data(path: Path) -> Database:
    database = open_database(f"sqlite:///{path}")
    write_batch(UnitOfWork(database, "hr"), 0, 40)
    return database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- disk full ------------------------------------------------------------------------------


def _edit_refused_as_disk_full(database: Database) -> None:
    uow = UnitOfWork(database, "hr")
    before = register_state(database)
    with pytest.raises(DiskFullError) as info:
        write_batch(uow, 1, BIG_BATCH)
    assert_clear_message(
        info.value, nb="Disken er full. Ingenting ble lagret.", en="The disk is full. Nothing was saved."
    )
    assert register_state(database) == before


def test_disk_full_during_edit_on_a_tiny_file_system(tmp_path: Path) -> None:
    if not can_mount():
        fallback("mount not allowed here: a full disk is simulated with PRAGMA max_page_count")
        database = _opened_with_data(tmp_path / "register.db")
        limit_database_pages(database, 4)
        _edit_refused_as_disk_full(database)
        database.dispose()
        return
    with tmpfs(tmp_path / "disk", 3 * 1024 * 1024) as disk:
        database = _opened_with_data(disk / "register.db")
        try:
            filler = fill_disk(disk, 48 * 1024)
            _edit_refused_as_disk_full(database)
            filler.unlink()
            write_batch(UnitOfWork(database, "hr"), 1, BIG_BATCH)  # works again once there is space
            assert register_state(database).people == 40 + BIG_BATCH
        finally:
            database.dispose()


def test_disk_full_during_edit_by_sqlite_page_limit(sqlite_database: Database) -> None:
    write_batch(UnitOfWork(sqlite_database, "hr"), 0, 40)
    limit_database_pages(sqlite_database, 4)
    _edit_refused_as_disk_full(sqlite_database)


def test_disk_full_during_backup_on_a_tiny_file_system(tmp_path: Path) -> None:
    if not can_mount():
        fallback("mount not allowed here: the full backup disk is covered by the file size limit test")
        pytest.skip("covered by test_disk_full_during_backup_by_file_size_limit")
    database = _opened_with_data(tmp_path / "register.db")
    write_batch(UnitOfWork(database, "hr"), 1, BIG_BATCH)  # bigger than the backup disk
    before = register_state(database)
    try:
        with tmpfs(tmp_path / "usb", 256 * 1024) as usb:
            with pytest.raises(DomainError) as info:
                take_backup(database, usb / "kopi.db")
            assert info.value.code == "disk_full"
            assert_clear_message(
                info.value, nb="Kunne ikke skrive sikkerhetskopien", en="Could not write the backup"
            )
            assert "Disken er full" in info.value.message("nb")
            assert list(usb.iterdir()) == []  # no half-written copy left behind
        assert register_state(database) == before
    finally:
        database.dispose()


def test_disk_full_during_backup_by_file_size_limit(sqlite_database: Database, tmp_path: Path) -> None:
    """The operating system refuses to let the backup grow; works without root."""
    write_batch(UnitOfWork(sqlite_database, "hr"), 0, 2000)
    before = register_state(sqlite_database)
    dest_dir = tmp_path / "kopier"
    dest_dir.mkdir()
    proc = start_worker("size_limited_backup", sqlite_database.url, str(dest_dir / "kopi.db"), str(64 * 1024))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    result = json.loads(out)
    assert result["code"] in ("disk_full", "io_error"), result
    assert "Kunne ikke skrive sikkerhetskopien" in result["nb"] and "Ingenting ble lagret" in result["nb"]
    assert "Could not write the backup" in result["en"]
    assert result["left"] == []
    assert register_state(sqlite_database) == before


# --- read-only file or folder ---------------------------------------------------------------------


def test_read_only_database_file_during_edit_and_backup(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    _opened_with_data(path).dispose()
    with read_only(path) as how:
        database = open_database(f"sqlite:///{path}")
        try:
            if how is None:
                fallback("no way to make a file read-only for root here: SQLite's query_only is used")
                make_query_only(database)
            before = register_state(database)
            with pytest.raises(ReadOnlyDatabaseError) as info:
                write_batch(UnitOfWork(database, "hr"), 1, 10)
            assert_clear_message(info.value, nb="kan ikke skrives til", en="cannot be written to")
            assert register_state(database) == before
            copy = take_backup(database, tmp_path / "kopi.db")  # a read-only register can still be saved
            assert integrity(copy) == "ok"
        finally:
            database.dispose()


def test_read_only_folder_on_open(tmp_path: Path) -> None:
    folder = tmp_path / "felles"
    folder.mkdir()
    path = folder / "register.db"
    _opened_with_data(path).dispose()
    digest = _digest(path)
    with read_only(folder) as how:
        if how is None:
            fallback("no way to make a folder read-only for root here: SQLite's query_only is used")
            database = open_database(f"sqlite:///{path}")
            make_query_only(database)
            with pytest.raises(ReadOnlyDatabaseError):
                write_batch(UnitOfWork(database, "hr"), 1, 10)
            database.dispose()
            return
        with pytest.raises(ReadOnlyDatabaseError) as info:
            open_database(f"sqlite:///{path}")
        assert_clear_message(info.value, nb="skrivebeskyttet", en="read-only")
        assert str(path) in info.value.message("nb")
    assert _digest(path) == digest


def test_backup_into_a_read_only_folder(sqlite_database: Database, tmp_path: Path) -> None:
    write_batch(UnitOfWork(sqlite_database, "hr"), 0, 40)
    before = register_state(sqlite_database)
    target = tmp_path / "kopier"
    target.mkdir()
    with read_only(target) as how:
        if how is None:
            fallback(
                "no way to make a folder read-only for root here: a file stands where the folder should be"
            )
            target = tmp_path / "er-en-fil"
            target.write_text("")
        with pytest.raises(DomainError) as info:
            take_backup(sqlite_database, target / "kopi.db")
        assert_clear_message(
            info.value, nb="Kunne ikke skrive sikkerhetskopien", en="Could not write the backup"
        )
        assert not (target / "kopi.db").exists()
    assert register_state(sqlite_database) == before
