"""A reader child started ahead (competence/roster/isolation.py, ``keep_a_reader_ready``): the next
read takes it, a new one is started after each read, and a waiting child that went away, or was
started as children no longer are, is never used."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from competence.roster import inspect_roster, isolation
from competence.uow import UnitOfWork
from tests.support.biff import write_xls

ROWS: list[list[str | float | None]] = [["Ansattnr", "Navn"], [1001, "Aas, Anne"], [1002, "Berg, Bo"]]


@pytest.fixture
def keeping_one_ready() -> Iterator[None]:
    isolation.keep_a_reader_ready()
    try:
        yield
    finally:
        isolation.keep_a_reader_ready(False)


def _waiting() -> isolation._Ready | None:
    return isolation._ready


def _read(uow: UnitOfWork, tmp_path: Path) -> None:
    assert inspect_roster(uow, write_xls(tmp_path / "liste.xls", ROWS)).data_rows == 2


@pytest.mark.usefixtures("keeping_one_ready")
def test_the_next_read_takes_the_child_started_for_it(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    assert _waiting() is None  # nothing is started before a first read
    _read(sqlite_uow, tmp_path)
    ready = _waiting()
    assert ready is not None and ready.child.poll() is None
    path = write_xls(tmp_path / "andre.xls", ROWS)
    inspection = inspect_roster(sqlite_uow, path)
    assert inspection.file_name == "andre.xls" and inspection.data_rows == 2
    assert ready.child.returncode == 0  # it answered, and ended
    following = _waiting()
    assert following is not None and following.child.pid != ready.child.pid


@pytest.mark.usefixtures("keeping_one_ready")
def test_a_waiting_child_that_was_killed_is_replaced_unseen(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    _read(sqlite_uow, tmp_path)
    ready = _waiting()
    assert ready is not None
    os.kill(ready.child.pid, signal.SIGKILL)
    ready.child.wait()
    path = write_xls(tmp_path / "andre.xls", ROWS)
    assert inspect_roster(sqlite_uow, path).data_rows == 2  # not "the reader stopped on the file"


@pytest.mark.usefixtures("keeping_one_ready")
def test_a_child_started_as_children_no_longer_are_is_not_used(
    tmp_path: Path, sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read(sqlite_uow, tmp_path)
    ready = _waiting()
    assert ready is not None
    started_now = [*isolation.child_command()[:-1], "import sys; sys.path[:0] = ['.']; " + ready.command[-1]]
    monkeypatch.setattr(isolation, "child_command", lambda: started_now)
    assert inspect_roster(sqlite_uow, write_xls(tmp_path / "andre.xls", ROWS)).data_rows == 2
    assert ready.child.returncode not in (None, 0)  # stopped, not asked


def test_no_child_waits_unless_the_program_asks(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    _read(sqlite_uow, tmp_path)
    assert _waiting() is None


def test_a_waiting_child_ends_when_the_program_ends(tmp_path: Path) -> None:
    """The child waits on its stdin; when the program goes, it ends at once, without an error."""
    child = isolation._start_child()
    stdin, child.stdin = child.stdin, None
    assert stdin is not None
    stdin.close()
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0 and b"Traceback" not in err


def test_keeping_none_ready_stops_the_waiting_child(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    isolation.keep_a_reader_ready()
    try:
        _read(sqlite_uow, tmp_path)
        ready = _waiting()
        assert ready is not None
    finally:
        isolation.keep_a_reader_ready(False)
    assert _waiting() is None and ready.child.returncode is not None


@pytest.mark.usefixtures("keeping_one_ready")
def test_a_waiting_child_gone_as_the_request_goes_is_replaced(
    tmp_path: Path, sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child went away between the look at it and the request (its stdin refused the request):
    a child of its own takes the request."""
    _read(sqlite_uow, tmp_path)
    ready = _waiting()
    assert ready is not None
    send = isolation._send
    refused: list[int] = []

    def gone_once(child: subprocess.Popen[bytes], request: bytes) -> bool:
        if child is ready.child:
            refused.append(child.pid)
            return False
        return send(child, request)

    monkeypatch.setattr(isolation, "_send", gone_once)
    assert inspect_roster(sqlite_uow, write_xls(tmp_path / "andre.xls", ROWS)).data_rows == 2
    assert refused == [ready.child.pid] and ready.child.returncode is not None
