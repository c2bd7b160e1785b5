"""A register in rollback-journal mode (a backup copied into place) while another program reads it.

Backups are written in rollback-journal mode (db/backup.py), so a backup copied over the register
by hand is one. The program switches a file to write-ahead-log mode when it opens it, which needs
the file to itself; with another reader open it used to wait and then fail with SQLite's own
"database is locked". It now opens the file as it is, says "busy" in its own words when a write has
to wait too long for the reader, and switches to write-ahead log once the file is free.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from competence import employees
from competence.backups import take_backup
from competence.cli import main
from competence.uow import UnitOfWork
from db import engine as db_engine
from db.errors import DatabaseBusyError
from db.session import open_database
from tests.reliability.faults import assert_clear_message


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 300)


@pytest.fixture
def copied_backup(tmp_path: Path) -> Path:
    """A backup, copied into place as the register: rollback-journal mode."""
    original = open_database(f"sqlite:///{tmp_path / 'original.db'}")
    employees.create_employee(UnitOfWork(original, "hr"), 1001, "Åse", "Ødegård")
    backup = take_backup(original, tmp_path / "kopi.db")
    original.dispose()
    path = tmp_path / "register.db"
    shutil.copyfile(backup, path)
    assert _journal_mode(path) == "delete"
    return path


@pytest.fixture
def reader(copied_backup: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of reading the register (a shared lock on the file)."""
    conn = sqlite3.connect(copied_backup, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM employee").fetchone()
    yield conn
    conn.close()


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_it_opens_and_a_write_that_waits_too_long_is_told_busy(
    copied_backup: Path, reader: sqlite3.Connection
) -> None:
    database = open_database(f"sqlite:///{copied_backup}")
    try:
        assert [e.employee_no for e in employees.list_employees(UnitOfWork(database))] == ["1001"]
        with pytest.raises(DatabaseBusyError) as info:
            employees.create_employee(UnitOfWork(database, "hr"), 1002, "Bjørn", "Sæther")
        assert_clear_message(info.value, nb="opptatt", en="busy")
    finally:
        database.dispose()


def test_cli_says_busy_in_its_own_words(
    copied_backup: Path, reader: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "--db", str(copied_backup)]) == 0  # reading is fine
    capsys.readouterr()
    assert main(["--lang", "en", "erase-person", "1001", "--yes", "--db", str(copied_backup)]) == 1
    err = capsys.readouterr().err
    assert "busy" in err and "locked" not in err.lower() and "Unexpected" not in err


def test_the_file_is_switched_to_write_ahead_log_once_it_is_free(copied_backup: Path) -> None:
    database = open_database(f"sqlite:///{copied_backup}")
    try:
        employees.create_employee(UnitOfWork(database, "hr"), 1002, "Bjørn", "Sæther")
    finally:
        database.dispose()
    assert _journal_mode(copied_backup) == "wal"
