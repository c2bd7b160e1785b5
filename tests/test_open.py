"""Opening a SQLite register: the full check is skipped only for a file exactly as it was cleanly closed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db import clean_close, session
from db.engine import SQLITE_PAGE_SIZE
from db.errors import DatabaseCorruptError
from db.session import open_database


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records each full quick_check the open runs."""
    seen: list[Path] = []
    real = session.check_sqlite_file_read_only

    def spy(path: Path) -> bool:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(session, "check_sqlite_file_read_only", spy)
    return seen


def test_clean_close_skips_the_full_check_once(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "r.db"
    open_database(f"sqlite:///{path}").dispose()
    assert clean_close.stamp_path(path).exists()
    assert os.stat(clean_close.stamp_path(path)).st_mode & 0o077 == 0
    checks.clear()
    db = open_database(f"sqlite:///{path}")
    assert checks == []  # skipped
    assert not clean_close.stamp_path(path).exists()  # consumed: a crash now means a full check
    db.engine.dispose()  # "crash": no clean-close stamp
    open_database(f"sqlite:///{path}").dispose()
    assert checks == [path]


def test_a_file_changed_after_the_clean_close_is_checked_and_refused(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "r.db"
    open_database(f"sqlite:///{path}").dispose()
    data = bytearray(path.read_bytes())
    data[SQLITE_PAGE_SIZE] = 0xFF  # the page-type byte of page 2
    path.write_bytes(bytes(data))
    checks.clear()
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")
    assert checks == [path]


def test_a_truncated_file_is_never_trusted(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "r.db"
    open_database(f"sqlite:///{path}").dispose()
    stat = path.stat()
    with path.open("r+b") as f:
        f.truncate(stat.st_size - SQLITE_PAGE_SIZE)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old modification time
    with pytest.raises(DatabaseCorruptError):
        open_database(f"sqlite:///{path}")
