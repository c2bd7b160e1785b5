"""Running worker processes (tests/reliability/workers) and checking what they left behind."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def start_worker(module: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    """Start ``python -m tests.reliability.workers.<module> ARGS`` from the repository root."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", f"tests.reliability.workers.{module}", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        _out, err = proc.communicate(timeout=30)
        raise AssertionError(f"worker did not start: {line!r} {err}")


def committed_batches(output: str) -> set[int]:
    return {int(line.split()[1]) for line in output.splitlines() if line.startswith("committed ")}


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def batches_in(path: Path) -> tuple[Counter[int], Counter[int], int | None]:
    """People and positions per batch in a register file, and the batch the progress marker names."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        people: Counter[int] = Counter()
        positions: Counter[int] = Counter()
        for (name,) in conn.execute("SELECT first_name FROM employee WHERE first_name LIKE 'B%'"):
            people[int(name[1:])] += 1
        for (name,) in conn.execute(
            "SELECT e.first_name FROM position p JOIN employee e ON e.id = p.employee_id "
            "WHERE e.first_name LIKE 'B%'"
        ):
            positions[int(name[1:])] += 1
        row = conn.execute("SELECT value FROM setting WHERE key = 'test-progress'").fetchone()
        marker = None if row is None else int(json.loads(row[0])["batch"])
        return people, positions, marker
    finally:
        conn.close()
