"""Backups through SQLite's backup API, before migrations, on a schedule (keeping
the last N), restorable from the command line with a safety copy, and consistent while another
process writes."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from competence import audit, employees
from competence.backups import AUTO_PREFIX, backup_if_due, list_backups, take_backup
from competence.cli import main
from competence.uow import UnitOfWork
from db import migrate
from db.models import DERIVED_TABLES
from db.session import Database, open_database
from tests.reliability.processes import batches_in, committed_batches, integrity, start_worker, wait_ready

BATCH = 50


def _people(path: Path) -> int:
    """People in a register file (0 when the file does not even hold the table yet)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM employee").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_backup_holds_what_is_still_only_in_the_wal(sqlite_database: Database, tmp_path: Path) -> None:
    """A plain copy of the main file would miss changes that sit in the WAL; the backup API does not."""
    path = sqlite_database.path
    assert path is not None
    reader = sqlite3.connect(path)  # another window holding the WAL open: no checkpoint happens
    reader.execute("PRAGMA wal_autocheckpoint = 0")
    uow = UnitOfWork(sqlite_database, "hr")
    for i in range(20):
        employees.create_employee(uow, 100 + i, "Ola", f"Nordmann{i}")
    plain_copy = tmp_path / "plain-copy.db"
    plain_copy.write_bytes(path.read_bytes())
    backup = take_backup(sqlite_database, tmp_path / "backup.db")
    reader.close()
    assert _people(plain_copy) < 20  # what a file copy would have lost
    assert _people(backup) == 20
    assert not Path(f"{backup}-wal").exists() and integrity(backup) == "ok"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_automatic_backup_before_migrating(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    db = open_database(url)
    assert db.migration is not None and db.migration.backup is None  # a new, empty file: nothing to keep
    migrate.downgrade(db.engine, "base")  # pretend the file was written by an older version
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE old_data (x TEXT)"))
        conn.execute(text("INSERT INTO old_data VALUES ('viktig')"))
    db.dispose()
    db = open_database(url)
    try:
        assert db.migration is not None and db.migration.backup is not None
        backup = db.migration.backup
        assert backup.parent == tmp_path / "backups" and integrity(backup) == "ok"
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT x FROM old_data").fetchall() == [("viktig",)]
    finally:
        db.dispose()
    again = open_database(url)  # already current: no new backup
    assert again.migration is not None and again.migration.backup is None
    again.dispose()


def _age(folder: Path, hours: float) -> None:
    for backup in list_backups(folder):
        stamp = backup.path.stat().st_mtime - hours * 3600
        os.utime(backup.path, (stamp, stamp))


def test_scheduled_backups_keep_the_last_n(sqlite_database: Database) -> None:
    manual = take_backup(sqlite_database)
    first = backup_if_due(sqlite_database, interval_hours=24, keep=3)
    assert first is not None and first.name.startswith(AUTO_PREFIX)
    assert backup_if_due(sqlite_database, interval_hours=24, keep=3) is None  # not due yet
    taken = [first]
    for _ in range(4):
        _age(first.parent, 25)
        path = backup_if_due(sqlite_database, interval_hours=24, keep=3)
        assert path is not None
        taken.append(path)
    autos = [b.path for b in list_backups(first.parent) if b.path.name.startswith(AUTO_PREFIX)]
    assert autos == list(reversed(taken[-3:]))  # the newest three, newest first
    assert manual.exists()  # a backup the user took is never pruned
    assert len(audit.list_events(UnitOfWork(sqlite_database), action="backup")) == 6


def test_restore_from_the_command_line_with_a_safety_copy(
    sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uow = UnitOfWork(sqlite_database, "hr")
    employees.create_employee(uow, 1, "Før", "Kopien")
    backup = take_backup(sqlite_database, tmp_path / "fredag.db")
    employees.create_employee(uow, 2, "Etter", "Kopien")
    url = sqlite_database.url
    sqlite_database.dispose()
    assert main(["restore", str(backup), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "gjenopprettet" in out
    safety = next((tmp_path / "backups").glob("before-restore-*.db"))
    assert str(safety) in out and _people(safety) == 2
    db = open_database(url)
    try:
        assert [e.employee_no for e in employees.list_employees(UnitOfWork(db))] == ["1"]
        restored = audit.list_events(UnitOfWork(db), action="restore")
        assert restored[0].details == {"file": "fredag.db", "safety_backup": safety.name}
    finally:
        db.dispose()


@pytest.mark.slow
def test_backup_while_another_process_writes(sqlite_database: Database, tmp_path: Path) -> None:
    """Each backup holds whole batches only, and exactly the first k of them: a prefix of the writes."""
    url = sqlite_database.url
    writer = start_worker("batch_writer", url, "0", str(BATCH))
    try:
        wait_ready(writer)
        backups = []
        for i in range(6):
            time.sleep(0.15)
            backups.append(take_backup(sqlite_database, tmp_path / f"during-{i}.db"))
    finally:
        writer.kill()
        out, _err = writer.communicate(timeout=30)
    committed = committed_batches(out)
    assert committed, "the writer never committed a batch"
    sizes = []
    for backup in backups:
        assert integrity(backup) == "ok"
        people, positions, marker = batches_in(backup)
        assert set(people) == set(range(len(people))), f"{backup.name} is not a prefix: {sorted(people)}"
        assert all(n == BATCH for n in people.values()) and positions == people
        assert marker == (max(people) if people else None)
        sizes.append(len(people))
    assert sizes == sorted(sizes) and sizes[-1] > 0


def _all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a register file, as SQLite stores it, in primary-key order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def test_a_register_survives_restore_into_postgresql_and_backup_out_of_it_unchanged(
    sqlite_database: Database, pg_database: Database, tmp_path: Path
) -> None:
    """A SQLite backup restored into PostgreSQL (by COPY) and backed up from there again holds the
    very same rows: ids, managers and parent units, dates and timestamps (``updated_at`` too, which
    the second pass for managers would otherwise set to now), JSON details, flags."""
    from competence.demo import generate_demo
    from db import backup as db_backup

    generate_demo(sqlite_database, employees=40, seed=7)
    audit_details = UnitOfWork(sqlite_database, "hr")
    with audit_details:
        audit.record(audit_details.session, "hr", "settings", what="test", nested={"å": [1, 2.5, None]})
        audit_details.commit()
    source = take_backup(sqlite_database, tmp_path / "kilde.db")
    before = _all_rows(source)
    assert len(before["assessment"]) > 500
    with closing(sqlite3.connect(source)) as conn:  # the second pass has something to do
        assert conn.execute("SELECT count(*) FROM employee WHERE manager_id IS NOT NULL").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM org_unit WHERE parent_id IS NOT NULL").fetchone()[0] > 0

    db_backup.restore(pg_database.engine, source)
    time.sleep(0.01)  # a timestamp set during the copy would now differ from the stored one
    round_trip = db_backup.backup(pg_database.engine, tmp_path / "tilbake.db")

    after = _all_rows(round_trip)
    assert after.keys() == before.keys()
    for table, rows in before.items():
        if table not in DERIVED_TABLES:
            assert after[table] == rows, table
    # the kept gap figures are computed, not copied: a register copied row by row starts without
    assert [row[2:4] for row in after["gap_state"]] == [(None, None)]
    assert after["gap_cell"] == after["gap_stale"] == []
