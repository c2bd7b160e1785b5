"""Guarding and reading a roster file, and finding the roster in it: the work done in the reader's
child process (competence/roster/isolation.py), which hands back only the chosen sheet's rows.

In the child, a workbook read by native code (python-calamine: xlsx, xls, ods) is read on a thread
of its own while its format's checks run: the reader lets Python run beside it, so the checks cost
no time of their own (a third of a second for a 50,000-row workbook, docs/benchmarks.md). The checks
still decide: a file they refuse is refused for their reason, whatever the reader made of it. The
one case where the reader could speak first is when it ends the child before the checks are done
(a crafted file that makes python-calamine abort); the checks then run once more, alone, and their
refusal is the answer (:class:`Reading`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from competence.roster.errors import RosterFileError
from competence.roster.formats import Format
from competence.roster.guard import CheckedFile, check_file
from competence.roster.isolation import Pending, start_in_child
from competence.roster.layout import Layout, choose_sheet
from competence.roster.limits import Limits


@dataclass(frozen=True)
class Loaded:
    checked: CheckedFile
    layout: Layout


def read_here(
    path: Path, sheet: str | None, guess: bool, limits: Limits, *, while_checking: bool = False
) -> Loaded:
    """Check the file, read it with its format's reader and find the roster sheet, in this process.

    ``while_checking`` (the reader's child process only: a reading the checks refuse is left
    running) reads a format that allows it while its checks run."""
    reading: _Thread | None = None

    def recognised(found: Format) -> None:
        nonlocal reading
        if while_checking and found.read_while_checking:
            reading = _Thread(_find_roster, found, path, sheet, guess, limits)

    checked = check_file(path, limits, recognised=recognised)
    if reading is not None:
        return Loaded(checked, reading.result())
    return Loaded(checked, _find_roster(checked.format, path, sheet, guess, limits))


def _find_roster(found: Format, path: Path, sheet: str | None, guess: bool, limits: Limits) -> Layout:
    read = found.read
    assert read is not None  # formats without a reader are refused by their check
    book = read(path, limits)
    try:
        return choose_sheet(book, sheet, guess=guess)
    finally:
        book.close()


class _Thread:
    """A call on a daemon thread (never waited for at exit): :meth:`result` joins it."""

    def __init__(self, fn: Any, *args: Any) -> None:
        self._outcome: tuple[bool, Any] = (False, None)

        def run() -> None:
            try:
                self._outcome = (True, fn(*args))
            except BaseException as exc:  # handed to the caller of result()
                self._outcome = (False, exc)

        self._thread = threading.Thread(target=run, name="roster-reader", daemon=True)
        self._thread.start()

    def result(self) -> Any:
        self._thread.join()
        done, value = self._outcome
        if not done:
            raise value
        return value


class Reading:
    """A roster being read in the reader's child process: :meth:`result` waits for it."""

    def __init__(self, path: Path, sheet: str | None, limits: Limits, guess: bool) -> None:
        self.path, self.limits = path, limits
        self._pending: Pending[Loaded] = start_in_child(
            _read_in_child, path, sheet, guess, limits, limits=limits, file_name=path.name
        )

    def close(self) -> None:
        """Stop the child if it still runs (the caller gave up waiting)."""
        self._pending.close()

    def result(self) -> Loaded:
        """The file's roster, or why it is refused: by its checks when they refuse it."""
        try:
            return self._pending.result()
        except RosterFileError:
            if self._pending.died:
                self._checks_alone()
            raise

    def _checks_alone(self) -> None:
        """After a child that died: the checks alone, in a child of their own, raise their refusal;
        if they pass (or cannot tell), the caller's error stands."""
        path, limits = self.path, self.limits
        checking = start_in_child(check_file, path, limits, limits=limits, file_name=path.name)
        try:
            checking.result()
        except RosterFileError:
            if not checking.died:
                raise
        finally:
            checking.close()


def _read_in_child(path: Path, sheet: str | None, guess: bool, limits: Limits) -> Loaded:
    return read_here(path, sheet, guess, limits, while_checking=True)


def read_roster(path: Path, sheet: str | None, limits: Limits, *, guess: bool = False) -> Loaded:
    """:func:`read_here` in a child process of its own: no file can take this process down."""
    return start_reading(path, sheet, limits, guess=guess).result()


def start_reading(path: Path, sheet: str | None, limits: Limits, *, guess: bool = False) -> Reading:
    """:func:`read_roster` started, not waited for: the caller reads the register meanwhile."""
    return Reading(path, sheet, limits, guess)
