"""A workbook is read while its checks run, in the reader's child process, and the checks still
decide (competence/roster/loading.py): a file they refuse is refused for their reason, even when
the reader ended the child first."""

from __future__ import annotations

import dataclasses
import sys
import threading
from pathlib import Path

import pytest

from competence.roster import RosterFileError, formats, inspect_roster, isolation, loading
from competence.roster.errors import refused
from competence.roster.formats import FORMATS, Format
from competence.roster.limits import DEFAULT_LIMITS, Limits
from competence.roster.probe import Probe
from competence.uow import UnitOfWork
from tests.support.biff import write_xls

ROWS: list[list[str | float | None]] = [["Ansattnr", "Navn"], [1001, "Aas, Anne"], [1002, "Berg, Bo"]]
#: A DIMENSIONS record claiming four billion rows: python-calamine asks for 43 TB and aborts.
FOUR_BILLION_ROWS = (0, 0xFFFFFFF0, 0, 255)


def _xls_checked_by(monkeypatch: pytest.MonkeyPatch, check: formats.Check) -> None:
    """The format table with the .xls entry's checks replaced (in this process)."""
    table = tuple(dataclasses.replace(f, check=check) if f.kind == "xls" else f for f in FORMATS)
    monkeypatch.setattr(formats, "FORMATS", table)


def test_the_reader_reads_while_the_checks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks wait for the reader to have started: read one after the other, they would wait
    in vain."""
    started = threading.Event()
    find_roster = loading._find_roster

    def reader(found: Format, *args: object) -> object:
        started.set()
        return find_roster(found, *args)  # type: ignore[arg-type]

    def check(probe: Probe, limits: Limits) -> None:
        assert started.wait(timeout=10), "the checks ran before the reader started"

    monkeypatch.setattr(loading, "_find_roster", reader)
    _xls_checked_by(monkeypatch, check)
    path = write_xls(tmp_path / "liste.xls", ROWS)
    loaded = loading.read_here(path, None, False, DEFAULT_LIMITS, while_checking=True)
    assert loaded.checked.kind == "xls" and loaded.layout.data_rows == 2


def test_the_checks_refusal_wins_over_what_the_reader_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = threading.Event()
    find_roster = loading._find_roster

    def reader(found: Format, *args: object) -> object:
        try:
            return find_roster(found, *args)  # type: ignore[arg-type]
        finally:
            done.set()

    def check(probe: Probe, limits: Limits) -> None:
        assert done.wait(timeout=10)
        raise refused("crafted", "Laget for å skade.", "Made to harm.")

    monkeypatch.setattr(loading, "_find_roster", reader)
    _xls_checked_by(monkeypatch, check)
    path = write_xls(tmp_path / "liste.xls", ROWS)
    with pytest.raises(RosterFileError) as info:
        loading.read_here(path, None, False, DEFAULT_LIMITS, while_checking=True)
    assert info.value.code == "crafted"


def test_a_reader_that_aborts_does_not_hide_the_checks_reason(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    """python-calamine aborts on this file's DIMENSIONS record, perhaps before the checks refuse
    it: the answer is the checks' own, naming the record."""
    path = write_xls(tmp_path / "krasj.xls", ROWS, dimensions=FOUR_BILLION_ROWS)
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, path)
    assert info.value.code == "crafted", info.value.message("en")


#: A reader's child that dies on reading, and answers anything else (the checks alone) as usual.
_DIES_ON_READING = (
    "import io, os, pickle, sys; sys.path[:0] = {paths!r}\n"
    "data = sys.stdin.buffer.read()\n"
    "if pickle.loads(data)[1] == '_read_in_child': os.abort()\n"
    "sys.stdin = io.TextIOWrapper(io.BytesIO(data))\n"
    "import competence.roster.isolation as i; i.child_main()\n"
)


@pytest.fixture
def reading_dies(monkeypatch: pytest.MonkeyPatch) -> None:
    root = str(Path(isolation.__file__).resolve().parents[2])
    monkeypatch.setattr(
        isolation, "child_command", lambda: [sys.executable, "-c", _DIES_ON_READING.format(paths=[root])]
    )


@pytest.mark.usefixtures("reading_dies")
def test_after_the_child_died_the_checks_alone_give_their_refusal(
    tmp_path: Path, sqlite_uow: UnitOfWork
) -> None:
    path = write_xls(tmp_path / "krasj.xls", ROWS, dimensions=FOUR_BILLION_ROWS)
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, path)
    assert info.value.code == "crafted", info.value.message("en")


@pytest.mark.usefixtures("reading_dies")
def test_after_the_child_died_on_a_file_the_checks_pass_the_death_is_the_answer(
    tmp_path: Path, sqlite_uow: UnitOfWork
) -> None:
    path = write_xls(tmp_path / "liste.xls", ROWS)
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, path)
    assert info.value.code == "reader_crashed", info.value.message("en")
    assert "liste.xls" in info.value.message("nb")
