"""The register remembers the versions of the program that opened it, the last one first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from competence import __version__, program_versions
from competence.program_versions import program_versions as versions_seen
from competence.program_versions import record_program_version
from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.reliability.faults import make_query_only


def at(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(program_versions, "now", lambda: moment)


def test_one_write_a_day_per_version(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    uow = UnitOfWork(database)
    monday = dt.datetime(2026, 11, 30, 8, 0)
    at(monkeypatch, monday)
    assert record_program_version(uow, "0.2.0") is True
    at(monkeypatch, monday.replace(hour=15))
    assert record_program_version(uow, "0.2.0") is False  # the same day: nothing written
    at(monkeypatch, monday + dt.timedelta(days=1))
    assert record_program_version(uow, "0.2.0") is True
    [seen] = versions_seen(uow)
    assert (seen.version, seen.first_opened_at, seen.last_opened_at) == (
        "0.2.0",
        monday,
        monday + dt.timedelta(days=1),
    )


def test_the_last_version_to_open_it_comes_first(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a shared register two PCs with different versions take turns; each turn is recorded."""
    uow = UnitOfWork(database)
    start = dt.datetime(2026, 11, 30, 8, 0)
    for minutes, version in ((0, "0.1.0"), (5, "0.2.0"), (10, "0.1.0")):
        at(monkeypatch, start + dt.timedelta(minutes=minutes))
        assert record_program_version(uow, version) is True
    assert [(s.version, s.last_opened_at.minute) for s in versions_seen(uow)] == [("0.1.0", 10), ("0.2.0", 5)]


def test_the_app_version_is_the_default(database: Database) -> None:
    record_program_version(UnitOfWork(database))
    assert [s.version for s in versions_seen(UnitOfWork(database))] == [__version__]


def test_a_register_it_may_not_write_is_still_used(tmp_path: Path) -> None:
    """A read-only register (SQLite's read-only path, as tests/reliability uses it): no error."""
    database = open_database(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        make_query_only(database)
        assert record_program_version(UnitOfWork(database), "9.9.9") is False
    finally:
        database.dispose()
