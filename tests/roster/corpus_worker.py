"""``python -m tests.roster.corpus_worker URL FILE...``: answer each file as ``import-roster --dry-run
--json`` does, in this one process, and print one JSON line per file, then one for the process.

Per file: the exit code, the refusal's code, the seconds, and the peak memory of the reader's child
process. Last: this process's own peak memory (VmHWM), which covers every file it answered. Used
by tests/roster/test_peer_corpus.py and benchmarks/bench_import.py.
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

from competence.cli import main as cli
from competence.roster.isolation import last_run


def peak_mb() -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    found = re.search(r"VmHWM:\s+(\d+)", status.read_text())
    return int(found.group(1)) / 1024 if found else None


def answer(url: str, path: str) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        code = cli(["import-roster", path, "--db", url, "--dry-run", "--json"], out=out, err=err)
    except BaseException as exc:  # the test reports it: no file may get past the CLI's own handling
        return {"file": Path(path).name, "exit": None, "crash": repr(exc)[:300]}
    seconds = time.perf_counter() - started
    child = last_run()
    try:
        body = json.loads(out.getvalue() or "{}")
    except json.JSONDecodeError:
        body = {}
    return {
        "file": Path(path).name,
        "exit": code,
        "error": body.get("error"),
        "message": err.getvalue().strip()[:400],
        "persons": body.get("persons"),
        "seconds": seconds,
        "reader_peak_mb": child.peak_mb if child is not None else None,
    }


def main(argv: list[str]) -> int:
    url, files = argv[0], argv[1:]
    for path in files:
        print(json.dumps(answer(url, path), ensure_ascii=False), flush=True)
    print(json.dumps({"process_peak_mb": peak_mb()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
