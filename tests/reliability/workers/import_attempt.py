"""Import one roster file through the command line and report how it went, with time and memory.

``python -m tests.reliability.workers.import_attempt URL FILE [LANG]``

Prints one JSON object: the exit code, what the command wrote to stderr, the seconds the command
took, the peak resident memory (VmHWM, reset by exec so it is this process alone) of this process and
of the reader's child process (where the Rust spreadsheet reader runs), the larger of the two, and
how many people the register holds afterwards.
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from competence.cli import main as cli
from competence.roster.isolation import last_run
from db.models import Employee
from db.session import open_database


def peak_memory_mb() -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    found = re.search(r"VmHWM:\s+(\d+)", status.read_text())
    return int(found.group(1)) / 1024 if found else None


def main(argv: list[str]) -> int:
    url, file, lang = argv[0], argv[1], argv[2] if len(argv) > 2 else "nb"
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = cli(["--lang", lang, "import-roster", file, "--db", url], out=out, err=err)
    seconds = time.perf_counter() - started
    peak = peak_memory_mb()
    child = last_run()
    reader_peak = child.peak_mb if child is not None else None
    database = open_database(url)
    with database.engine.connect() as conn:
        people = int(conn.execute(select(func.count()).select_from(Employee)).scalar() or 0)
    database.dispose()
    print(
        json.dumps(
            {
                "exit": code,
                "err": err.getvalue(),
                "seconds": seconds,
                "peak_mb": max(peak or 0.0, reader_peak or 0.0) if peak is not None else None,
                "reader_peak_mb": reader_peak,
                "people": people,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
