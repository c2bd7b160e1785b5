"""The reader's child process hands the roster sheet over column by column in a compact form
(competence/roster/layout.py): what arrives is exactly what was read, and an answer in any other
form is a refusal of the file, as from a reader that failed."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import sys
from pathlib import Path

import pytest

from competence.roster import RosterFileError, inspect_roster
from competence.roster.book import Cell, SheetRows
from competence.roster.isolation import _Unpickler
from competence.roster.layout import Layout
from competence.roster.limits import Limits
from competence.uow import UnitOfWork
from tests.support.biff import write_xls

DAY = dt.date(2020, 1, 15)


def _layout(rows: list[list[Cell]], header_index: int = 1) -> Layout:
    return Layout.of(SheetRows("Ansatte", 3, 1, rows), header_index, ())


def _through_the_pipe(layout: Layout) -> Layout:
    data = pickle.dumps(layout, protocol=pickle.HIGHEST_PROTOCOL)
    arrived = _Unpickler(io.BytesIO(data)).load()
    assert isinstance(arrived, Layout)
    return arrived


def test_every_kind_of_column_arrives_as_it_was_read() -> None:
    rows: list[list[Cell]] = [
        ["Ansattliste"],
        ["Ansattnr", "Navn", "Start", "Blandet", "Notat", "Tom"],
        [1001.0, "Aas, Anne", DAY, DAY, "a\x00b"],  # the separator inside a cell
        [1002.0, "Berg, Bo", dt.date(1999, 12, 31), dt.datetime(2021, 3, 4, 5, 6), "", None],
        [1003.0, "", dt.date(2100, 1, 1), True],
        [None, "Dahl, Dag", DAY, 0.8, None, None, "langt ute"],
        [None, "Eik, Eva", DAY],
    ]
    layout = _layout(rows)
    arrived = _through_the_pipe(layout)
    assert arrived == layout
    assert arrived.columns[2] == [DAY, dt.date(1999, 12, 31), dt.date(2100, 1, 1), DAY, DAY]
    assert all(type(day) is dt.date for day in arrived.columns[2])
    assert type(arrived.columns[3][1]) is dt.datetime and arrived.columns[3][0] == DAY
    assert arrived.columns[4][0] == "a\x00b"
    assert arrived.columns[6] == [None, None, None, "langt ute", None]
    assert (arrived.data_rows, arrived.header_row, arrived.first_data_row) == (5, 4, 5)


def test_a_sheet_without_data_rows_keeps_its_columns() -> None:
    arrived = _through_the_pipe(_layout([["Ansattliste"], ["Ansattnr", "Navn"]]))
    assert arrived.columns == [[], []] and arrived.data_rows == 0
    assert arrived.header_cells == ["Ansattnr", "Navn"]


def test_a_column_in_an_unknown_form_is_a_refusal_of_the_file(
    tmp_path: Path, sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child subverted by a crafted file cannot hand over something the parent then trusts."""
    from competence.roster import isolation
    from competence.roster.guard import check_file
    from competence.roster.loading import Loaded

    path = write_xls(tmp_path / "liste.xls", [["Ansattnr", "Navn"], [1001, "Aas, Anne"]])
    layout = _layout([["Ansattnr", "Navn"], [1001.0, "Aas, Anne"]], header_index=0)
    forged = pickle.dumps(("ok", Loaded(check_file(path), layout), None)).replace(b"text", b"eval")
    assert b"eval" in forged
    child = f"import sys; sys.stdout.buffer.write({forged!r})"
    monkeypatch.setattr(isolation, "child_command", lambda: [sys.executable, "-c", child])
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, path, limits=Limits(reader_seconds=10.0))
    assert info.value.code == "reader_crashed", info.value.message("en")
