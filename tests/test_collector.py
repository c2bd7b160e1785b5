"""Python's cyclic garbage collector as the program sets it (competence/collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from competence.collector import collector_paused

ROOT = Path(__file__).resolve().parent.parent


def test_paused_in_a_block_and_running_after_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_long_run_sets_the_start_aside_and_collects_the_young_less_often() -> None:
    """In a process of its own: a frozen collector would stay so for the rest of the tests."""
    script = (
        "import gc\n"
        "from competence.collector import YOUNG_THRESHOLD, settle_for_a_long_run\n"
        "before = gc.get_freeze_count()\n"
        "settle_for_a_long_run()\n"
        "assert gc.get_freeze_count() > before + 1000, gc.get_freeze_count()\n"
        "assert gc.get_threshold()[0] == YOUNG_THRESHOLD and gc.isenabled()\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60)


def test_the_app_settles_before_its_event_loop() -> None:
    source = (ROOT / "ui" / "app.py").read_text(encoding="utf-8")
    assert source.index("settle_for_a_long_run()") < source.index("code = app.exec()")
