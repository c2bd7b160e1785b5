"""For the roster import: the process is killed (SIGKILL) at random moments while
it imports; afterwards the file is intact and the register holds either the whole import or none of
it, never part of one.

Two versions of one roster alternate (the second changes every person's title and name), so each
import changes every row and a half-applied import would show as a mix of the two.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from db.session import open_database
from tests.reliability.processes import integrity, start_worker, wait_ready
from tests.roster.builders import RosterSpec, simple_rows, write_roster

PEOPLE = 5000
KILLS = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

State = frozenset[tuple[str, str, str]]


def _rosters(folder: Path) -> tuple[Path, Path]:
    first = simple_rows(PEOPLE)
    second = [
        [row[0], f"Nyttnavn{i}, Fornavn{i}", *row[2:5], "Vernepleier", *row[6:]]
        for i, row in enumerate(first)
    ]
    return (
        write_roster(folder / "liste-a.xlsx", RosterSpec(rows=first)),
        write_roster(folder / "liste-b.xlsx", RosterSpec(rows=second)),
    )


def _state(path: Path) -> tuple[State, int]:
    """Who is in the register with which name and title, and how many imports completed."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT e.employee_no, e.last_name, p.title FROM employee e "
            "LEFT JOIN position p ON p.employee_id = e.id AND p.end_date IS NULL"
        ).fetchall()
        runs = conn.execute("SELECT count(*) FROM import_run WHERE status = 'ok'").fetchone()[0]
    finally:
        conn.close()
    return frozenset((str(no), str(last), str(title)) for no, last, title in rows), int(runs)


def _import(url: str, roster: Path) -> float:
    """Import to completion; the seconds from the open database to the committed import."""
    proc = start_worker("import_runner", url, str(roster))
    wait_ready(proc)
    started = time.perf_counter()
    assert proc.stdout is not None
    line = proc.stdout.readline()
    took = time.perf_counter() - started
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and line.strip() == "committed", err
    return took


@pytest.mark.slow
def test_sigkill_during_roster_imports(tmp_path: Path) -> None:
    a, b = _rosters(tmp_path)
    path = tmp_path / "register.db"
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    # The two complete states, and how long a whole import takes (the window to kill in).
    reference = tmp_path / "reference.db"
    ref_url = f"sqlite:///{reference}"
    open_database(ref_url).dispose()
    duration = _import(ref_url, a)
    after_a, _ = _state(reference)
    duration = max(duration, _import(ref_url, b))
    after_b, _ = _state(reference)
    assert len(after_a) == len(after_b) == PEOPLE and after_a != after_b

    rng = random.Random(61)
    state, runs = _state(path)
    completed = landed_mid_kill = 0
    for kill in range(KILLS):
        roster, target = (a, after_a) if completed % 2 == 0 else (b, after_b)
        proc = start_worker("import_runner", url, str(roster))
        wait_ready(proc)
        time.sleep(rng.uniform(0.0, 1.5 * duration))  # about a third of the imports complete
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=60)

        assert integrity(path) == "ok", f"kill {kill}"
        now, now_runs = _state(path)
        if now == state:
            assert now_runs == runs, f"kill {kill}: an import run was recorded but its rows were not written"
            assert "committed" not in out, f"kill {kill}: a committed import is missing"
        else:
            assert now == target, f"kill {kill}: the register holds part of an import"
            assert now_runs == runs + 1
            completed += 1
            landed_mid_kill += "committed" not in out
        state, runs = now, now_runs
    assert 0 < completed < KILLS, (
        f"{completed} of {KILLS} imports completed: the kills did not land during imports"
    )
