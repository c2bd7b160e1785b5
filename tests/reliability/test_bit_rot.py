"""Damage that keeps a register file's size and modification time: bit rot on the disk, a page
overwritten by another program that put the time back, a file emptied by a failed copy.

The register is a real one (a demo municipality), closed cleanly, with a backup beside it. Each
damage is made the way the issue found it: bytes changed in place, size and modification time put
back, the clean-close stamp left as the program wrote it. The program must refuse the file before
its first write, name the newest backup, and leave the file exactly as it found it (README, "Damaged
files"; docs/privacy.md).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence import employees
from competence.backups import list_backups, take_backup
from competence.cli import main
from competence.demo import generate_demo
from competence.uow import UnitOfWork
from db import clean_close, session
from db.engine import SQLITE_PAGE_SIZE
from db.errors import DatabaseCorruptError
from db.models import Employee
from db.session import open_database
from tests.reliability.processes import start_worker, wait_ready
from tests.roster.builders import RosterSpec, simple_rows, write_roster

PAGE = SQLITE_PAGE_SIZE  # the registers here are made by open_database
#: The person of the demo municipality whose e-mail address some damages change in place.
VICTIM: dict[str, str] = {}


@pytest.fixture(scope="module")
def clean_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo municipality of 300 people with one backup, closed cleanly (stamped with its digest)."""
    folder = tmp_path_factory.mktemp("clean")
    path = folder / "register.db"
    database = open_database(f"sqlite:///{path}")
    try:
        generate_demo(database, employees=300, seed=2019)
        take_backup(database, actor="hr")
    finally:
        database.dispose()
    assert clean_close.stamp_path(path).exists()
    data = path.read_bytes()
    with sqlite3.connect(path) as conn:
        for number, email in conn.execute("SELECT employee_no, email FROM employee ORDER BY id"):
            if email and data.count(email.encode()) == 1:  # stored once: in the table, in no index
                VICTIM.update(employee_no=number, email=email)
                break
    conn.close()
    assert VICTIM, "no e-mail address stored once in the demo municipality"
    return path


def _copy(clean: Path, folder: Path) -> Path:
    """The register, its stamp and its backups, with every time stamp as it was."""
    path = folder / clean.name
    shutil.copy2(clean, path)
    shutil.copy2(clean_close.stamp_path(clean), clean_close.stamp_path(path))
    shutil.copytree(clean.parent / "backups", folder / "backups", copy_function=shutil.copy2)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _in_place(change: Callable[[bytearray], None]) -> Callable[[Path], None]:
    """Change the file's bytes where they are, then put its modification time back."""

    def damage(path: Path) -> None:
        st = path.stat()
        data = bytearray(path.read_bytes())
        change(data)
        with path.open("r+b") as fh:  # in place: the same inode, as bit rot would be
            fh.write(data)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))

    return damage


def _flip_middle(data: bytearray) -> None:
    middle = len(data) // 2
    for i in range(middle, middle + 16):
        data[i] ^= 0xFF


def _one_bit(data: bytearray) -> None:
    data[len(data) // 3 + 123] ^= 0x04


def _random_page(data: bytearray) -> None:
    page = len(data) // PAGE // 2
    data[page * PAGE : (page + 1) * PAGE] = random.Random(7).randbytes(PAGE)


def _inside_a_stored_value(data: bytearray) -> None:
    """One byte of a person's e-mail address: the page stays well-formed, quick_check says "ok"."""
    at = data.find(VICTIM["email"].encode())
    data[at + 1] ^= 0x01  # one letter of the address changes into another


DAMAGES: dict[str, Callable[[Path], None]] = {
    "16-bytes-flipped-mid-file": _in_place(_flip_middle),
    "one-bit-flipped": _in_place(_one_bit),
    "random-page-mid-file": _in_place(_random_page),
    "one-byte-inside-a-stored-value": _in_place(_inside_a_stored_value),
}


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damage_with_size_and_time_kept_is_refused_on_open(
    clean_register: Path, tmp_path: Path, damage: str
) -> None:
    path = _copy(clean_register, tmp_path)
    mtime = path.stat().st_mtime_ns
    DAMAGES[damage](path)
    assert path.stat().st_mtime_ns == mtime and clean_close.stamp_path(path).exists()
    before = _digest(path)
    for _ in range(2):  # refused again at the next open: the damage is not forgotten
        with pytest.raises(DatabaseCorruptError) as info:
            open_database(f"sqlite:///{path}")
        assert "skadet" in info.value.message("nb") and "damaged" in info.value.message("en")
        assert _digest(path) == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "register.db", "register.db-clean"]


def test_a_changed_stored_value_is_what_quick_check_cannot_see(clean_register: Path, tmp_path: Path) -> None:
    """Why the digest: the full check the program ran before passes this damaged file."""
    path = _copy(clean_register, tmp_path)
    DAMAGES["one-byte-inside-a-stored-value"](path)
    assert _quick_check(path) == "ok"


def test_cli_refuses_and_names_the_newest_backup(
    clean_register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(clean_register, tmp_path)
    newest = list_backups(tmp_path / "backups")[0].path
    DAMAGES["16-bytes-flipped-mid-file"](path)
    before = _digest(path)
    for lang, text in (("nb", "Nyeste sikkerhetskopi er"), ("en", "The newest backup is")):
        assert main(["--lang", lang, "gap-report", "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert text in err and str(newest) in err
        assert "Uventet" not in err and "Unexpected" not in err
    assert _digest(path) == before


def test_cli_import_into_a_damaged_register_writes_nothing(
    clean_register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(clean_register, tmp_path)
    roster = write_roster(tmp_path / "ansatte.xlsx", RosterSpec(rows=simple_rows(1500, start=50_000)))
    DAMAGES["random-page-mid-file"](path)
    before = _digest(path)
    assert main(["import-roster", str(roster), "--db", str(path)]) == 1
    assert "skadet" in capsys.readouterr().err
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_in_the_background_no_write_gets_through(clean_register: Path, tmp_path: Path) -> None:
    """The desktop app's way: the window opens at once, and every write waits for the check."""
    path = _copy(clean_register, tmp_path)
    DAMAGES["one-byte-inside-a-stored-value"](path)
    before = _digest(path)
    backups = sorted((tmp_path / "backups").iterdir())
    database = open_database(f"sqlite:///{path}", check_in_background=True)
    try:
        check = database.damage_check
        assert check is not None
        with pytest.raises(DatabaseCorruptError):
            employees.create_employee(UnitOfWork(database, "hr"), 99_999, "Ny", "Person")
        with pytest.raises(DatabaseCorruptError):
            take_backup(database, actor="hr")  # a copy of it would push a good backup out
        assert check.finished and not check.passed
        assert isinstance(database.find_damage(), DatabaseCorruptError)
    finally:
        database.dispose()
    assert _digest(path) == before
    assert sorted((tmp_path / "backups").iterdir()) == backups
    with pytest.raises(DatabaseCorruptError):  # not stamped as cleanly closed: refused again
        open_database(f"sqlite:///{path}")


def test_an_intact_file_opened_in_the_background_is_written_once_checked(
    clean_register: Path, tmp_path: Path
) -> None:
    path = _copy(clean_register, tmp_path)
    database = open_database(f"sqlite:///{path}", check_in_background=True)
    try:
        employees.create_employee(UnitOfWork(database, "hr"), 99_999, "Ny", "Person")
        assert database.damage_check is not None and database.damage_check.passed
        assert not clean_close.stamp_path(path).exists()  # consumed before the first write
        with database.engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(Employee)) == 301
    finally:
        database.dispose()
    assert clean_close.stamp_path(path).exists()  # stamped anew at the clean close


def test_a_process_killed_while_it_checks_leaves_the_stamp_to_check_again(
    clean_register: Path, tmp_path: Path
) -> None:
    path = _copy(clean_register, tmp_path)
    DAMAGES["one-byte-inside-a-stored-value"](path)
    worker = start_worker("open_and_wait", str(path))
    try:
        wait_ready(worker)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=30)
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")


def test_a_process_killed_after_writing_gets_the_full_check(
    clean_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(clean_register, tmp_path)
    worker = start_worker("open_and_wait", str(path), "--write")
    try:
        wait_ready(worker)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=30)
    assert not clean_close.stamp_path(path).exists()
    checked: list[Path] = []
    real = session.check_sqlite_file_read_only
    monkeypatch.setattr(session, "check_sqlite_file_read_only", lambda p: checked.append(p) or real(p))
    database = open_database(f"sqlite:///{path}")
    try:
        assert checked == [path]
        with database.engine.connect() as conn:  # the write the killed process committed is there
            assert conn.scalar(select(Employee.id).where(Employee.employee_no == "99999")) is not None
    finally:
        database.dispose()


@pytest.mark.parametrize("size", ["zero", "half"])
def test_a_truncated_register_is_refused_with_its_newest_backup(
    clean_register: Path, tmp_path: Path, size: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(clean_register, tmp_path)
    st = path.stat()
    with path.open("r+b") as fh:
        fh.truncate(0 if size == "zero" else st.st_size // 2)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    newest = list_backups(tmp_path / "backups")[0].path
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")
    assert main(["--lang", "en", "audit", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and f"The newest backup is {newest}" in err
    assert path.stat().st_size == (0 if size == "zero" else st.st_size // 2)  # not made a new register


def test_an_empty_file_without_backups_is_a_new_register(tmp_path: Path) -> None:
    """The program itself creates the file before SQLite fills it; with nothing beside it, it is new."""
    path = tmp_path / "ny.db"
    path.touch()
    database = open_database(f"sqlite:///{path}")
    try:
        assert employees.list_employees(UnitOfWork(database)) == []
    finally:
        database.dispose()


def test_an_unexpected_error_while_reading_becomes_the_damaged_message(
    clean_register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file not closed cleanly (a crash) gets the full check, which a changed text passes; reading
    that text then fails, and the user hears that the register is damaged, not "unexpected error"."""
    path = _copy(clean_register, tmp_path)
    clean_close.stamp_path(path).unlink()  # as after a crash

    def not_utf8(data: bytearray) -> None:
        data[data.find(VICTIM["email"].encode())] = 0xFF

    _in_place(not_utf8)(path)
    assert _quick_check(path) == "ok"
    before = _digest(path)
    out = tmp_path / "innsyn.json"
    assert main(["export-person", VICTIM["employee_no"], str(out), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "er skadet" in err and "Nyeste sikkerhetskopi er" in err and "Uventet" not in err
    assert not out.exists()
    assert _digest(path) == before
