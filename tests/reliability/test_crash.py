"""The process is killed (SIGKILL) at random moments while it writes; afterwards the
file is intact and each batch, one unit of work, is either all there or not there at all.

The crash during a large roster import is in test_import_crash.py.
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

import pytest

from db.session import open_database
from tests.reliability.processes import batches_in, committed_batches, integrity, start_worker, wait_ready

BATCH = 40
KILLS = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.mark.slow
def test_sigkill_during_batches_of_edits(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    url = f"sqlite:///{path}"
    open_database(url).dispose()
    rng = random.Random(6_2026)
    next_batch = 0
    present_before: set[int] = set()
    in_flight_landed = 0
    for kill in range(KILLS):
        proc = start_worker("batch_writer", url, str(next_batch), str(BATCH))
        wait_ready(proc)
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        committed = committed_batches(out)

        assert integrity(path) == "ok", f"kill {kill}"
        people, positions, marker = batches_in(path)
        incomplete = {b: n for b, n in people.items() if n != BATCH}
        assert not incomplete, f"kill {kill}: half-written batches {incomplete}"
        assert positions == people, f"kill {kill}: positions without their people"
        assert committed <= set(people), f"kill {kill}: lost committed batches {committed - set(people)}"
        unreported = set(people) - committed - present_before
        # Only the batch being committed when the signal came may be there without having been reported.
        assert len(unreported) <= 1, f"kill {kill}: {unreported}"
        in_flight_landed += len(unreported)
        assert set(people) == set(range(len(people))), f"kill {kill}: batches missing in the middle"
        assert marker == (max(people) if people else None)
        present_before = set(people)
        next_batch = len(people)
    assert next_batch >= KILLS, "the writer hardly wrote: the kills did not land during writes"
