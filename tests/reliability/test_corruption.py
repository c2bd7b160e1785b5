"""A damaged database file is detected on open, never written to, and the newest
backup is named (and restorable) from the command line.

Damage that breaks SQLite's structure (header, page headers, a truncated file) is what the quick
check on open detects. A flipped bit inside a stored text value is not detectable without page
checksums, which SQLite does not keep by default; docs/privacy.md says so.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from competence import employees
from competence.backups import list_backups, take_backup
from competence.cli import main
from competence.uow import UnitOfWork
from db.engine import SQLITE_PAGE_SIZE
from db.errors import DatabaseCorruptError
from db.session import open_database

PAGE = SQLITE_PAGE_SIZE  # the registers here are made by open_database


@pytest.fixture(scope="module")
def intact_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 300 people, checkpointed into one file (no WAL), made once per module."""
    folder = tmp_path_factory.mktemp("intact")
    path = folder / "register.db"
    db = open_database(f"sqlite:///{path}")
    uow = UnitOfWork(db, "hr")
    for i in range(300):
        employees.create_employee(uow, 1000 + i, f"Fornavn{i}", f"Etternavn{i}", email=f"p{i}@example.no")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def _copy(intact: Path, folder: Path) -> Path:
    path = folder / "register.db"
    shutil.copyfile(intact, path)
    path.chmod(0o600)
    return path


def _digest(path: Path) -> dict[str, str]:
    """Fingerprints of the main file and its WAL (an empty WAL SQLite creates on open holds nothing)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (path, Path(f"{path}-wal"))
        if p.exists() and p.stat().st_size
    }


def _truncate(size: Callable[[int], int]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with path.open("r+b") as fh:
            fh.truncate(size(path.stat().st_size))

    return damage


def _flip(offset: Callable[[Path], int]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        at = offset(path)
        with path.open("r+b") as fh:
            fh.seek(at)
            byte = fh.read(1)[0]
            fh.seek(at)
            fh.write(bytes([byte ^ 0xFF]))

    return damage


def _root_page_of(table: str) -> Callable[[Path], int]:
    def offset(path: Path) -> int:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.close()
        return (int(root) - 1) * PAGE + (100 if root == 1 else 0)

    return offset


def _random_page_header(seed: int) -> Callable[[Path], int]:
    def offset(path: Path) -> int:
        pages = path.stat().st_size // PAGE
        return random.Random(seed).randrange(1, pages) * PAGE

    return offset


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated-to-half": _truncate(lambda n: n // 2),
    "truncated-last-page": _truncate(lambda n: n - PAGE),
    "truncated-mid-page": _truncate(lambda n: n - 1000),
    "truncated-to-header": _truncate(lambda n: 50),
    "flipped-magic": _flip(lambda p: 3),
    "flipped-page-size": _flip(lambda p: 16),
    "flipped-employee-root": _flip(_root_page_of("employee")),
    "flipped-index-root": _flip(_root_page_of("ix_employee_manager_id")),
    **{f"flipped-page-{seed}": _flip(_random_page_header(seed)) for seed in (1, 2, 3)},
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damage_is_detected_and_the_file_left_alone(intact_file: Path, tmp_path: Path, damage: str) -> None:
    path = _copy(intact_file, tmp_path)
    DAMAGES[damage](path)
    before = _digest(path)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(f"sqlite:///{path}")
    assert "skadet" in info.value.message("nb") and "damaged" in info.value.message("en")
    assert _digest(path) == before


def test_recent_changes_in_the_wal_are_not_merged_into_a_damaged_file(
    intact_file: Path, tmp_path: Path
) -> None:
    """SQLite checkpoints the WAL into the main file when its last connection closes. For a damaged
    file that would be a write, and it would consume the log that still holds the newest changes."""
    path = _copy(intact_file, tmp_path)
    db = open_database(f"sqlite:///{path}")
    keep_open = sqlite3.connect(path)  # holds the WAL open, as a second window of the app would
    keep_open.execute("PRAGMA wal_autocheckpoint = 0")
    uow = UnitOfWork(db, "hr")
    for i in range(40):
        employees.create_employee(uow, 9000 + i, "Ny", f"Person{i}")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):  # the state a crash leaves behind: main file plus a full WAL
        shutil.copyfile(f"{path}{suffix}", crashed / f"register.db{suffix}")
    keep_open.close()
    db.dispose()
    damaged = crashed / "register.db"
    _flip(_random_page_header(7))(damaged)
    _flip(_root_page_of("alembic_version"))(damaged)
    before = _digest(damaged)
    assert "register.db-wal" in before
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{damaged}")
    assert _digest(damaged) == before


def test_cli_refuses_and_names_the_newest_backup(
    intact_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(intact_file, tmp_path)
    db = open_database(f"sqlite:///{path}")
    take_backup(db, auto=True)
    newest = take_backup(db)
    db.dispose()
    assert list_backups(newest.parent)[0].path == newest
    DAMAGES["flipped-employee-root"](path)
    before = _digest(path)
    for lang, text in (("nb", "Nyeste sikkerhetskopi er"), ("en", "The newest backup is")):
        assert main(["--lang", lang, "audit", "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert text in err and str(newest) in err
    assert _digest(path) == before


def test_cli_without_any_backup_still_explains(
    intact_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(intact_file, tmp_path)
    DAMAGES["truncated-to-half"](path)
    assert main(["audit", "--db", str(path)]) == 1
    assert "Gjenopprett fra en sikkerhetskopi" in capsys.readouterr().err
    assert not (tmp_path / "backups").exists()  # nothing was created next to the damaged file


def test_cli_restore_replaces_a_damaged_file(
    intact_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(intact_file, tmp_path)
    db = open_database(f"sqlite:///{path}")
    backup = take_backup(db)
    db.dispose()
    DAMAGES["flipped-magic"](path)
    damaged_digest = _digest(path)["register.db"]
    assert main(["restore", str(backup), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Den skadede filen er flyttet til" in out
    moved = next(tmp_path.glob("register.db.damaged-*"))
    assert hashlib.sha256(moved.read_bytes()).hexdigest() == damaged_digest
    db = open_database(f"sqlite:///{path}")
    try:
        uow = UnitOfWork(db)
        assert len(employees.list_employees(uow)) == 300
        from competence import audit

        assert audit.list_events(uow, action="restore")[0].details["damaged_copy"] == moved.name
    finally:
        db.dispose()
