"""National identity numbers never reach the database file, a log, a message or a report."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from competence.cli import main
from tests.roster.builders import MESSY_IDS, assert_no_national_ids


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """Every logger at DEBUG into a file for the duration of the test (SQLAlchemy's SQL log too)."""
    path = tmp_path / "debug.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def import_and_collect(roster: Path, tmp_path: Path, log: Path) -> bytes:
    """Preview and import ``roster`` through the CLI; return every byte it left anywhere."""
    db = tmp_path / "privacy.db"
    collected = b""
    for extra in (["--dry-run"], [], ["--lang", "en"]):
        for fmt in (["--json"], []):
            out, err = io.StringIO(), io.StringIO()
            code = main(
                ["import-roster", str(roster), "--db", f"sqlite:///{db}", *fmt, *extra], out=out, err=err
            )
            assert code == 0, err.getvalue()
            collected += out.getvalue().encode() + err.getvalue().encode()
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != roster and path.suffix not in (".xlsx", ".ods", ".xls"):
            collected += path.read_bytes()
    collected += log.read_bytes()
    assert db.exists() and len(collected) > 10_000
    return collected


def test_no_national_id_in_database_logs_or_output(
    messy_xlsx: Path, tmp_path: Path, debug_log: Path, _isolated_data_dir: Path
) -> None:
    blob = import_and_collect(messy_xlsx, tmp_path, debug_log)
    for path in _isolated_data_dir.rglob("*"):
        if path.is_file():
            blob += path.read_bytes()
    assert_no_national_ids(blob, "the database file, the logs or the output")
    assert b"Hansen" in blob and b"4711" in blob  # what was imported is there to be found


def test_the_fixture_does_hold_the_numbers(messy_xlsx: Path) -> None:
    """Guard against a vacuous privacy test: the numbers are really in the roster's cells."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(messy_xlsx))
    cells = [str(v) for row in book.get_sheet_by_name("Ansatte").to_python() for v in row]
    assert sum(1 for n in MESSY_IDS if any(n in c for c in cells)) >= 10
