"""Exports: the competence matrix of 1,500 and of 50,000 people (time, and peak memory in
a child process), one development plan, and 1,000 plans in a batch (files and a combined file).

Targets: the matrix of 50,000 people within 5 s and the 1,000 plans within 6 s on the 2-core
machine (docs/benchmarks.md says where the time goes).

The registers are demo kommuner (``competence.demo``, 40 requirements per role), built once in the
work folder and reused by later runs. A matrix has a column for every competence some role in it
requires, so the demo's matrices are wider than 40 columns: the table says how wide.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.harness import Row, best_of  # noqa: E402
from competence.uow import UnitOfWork  # noqa: E402
from db.models import Employee  # noqa: E402
from db.session import Database, open_database  # noqa: E402

TITLE = "Exports"
REQUIRED = 40


def register_at(workdir: Path, employees: int) -> Database:
    """The demo kommune of ``employees`` people with 40 requirements per role, built once."""
    from competence.demo import generate_demo

    path = workdir / f"demo-{employees}-k{REQUIRED}.db"
    database = open_database(f"sqlite:///{path}")
    with database.engine.connect() as conn:
        filled = conn.execute(select(func.count()).select_from(Employee)).scalar_one()
    if filled == 0:
        generate_demo(database, employees=employees, required_per_role=REQUIRED)
    return database


def run(workdir: Path, quick: bool) -> list[Row]:
    from competence.export.excel.matrix import export_matrix
    from competence.export.pdf.batch import export_plans_of
    from competence.export.pdf.plan import export_plan
    from competence.export.scope import people_in, resolve_scope

    rows: list[Row] = []
    small = register_at(workdir, 1500)
    uow = UnitOfWork(small, actor="benchmark")
    seconds, result = best_of(lambda: export_matrix(uow, workdir / "matrix-1500.xlsx"), repeat=3)
    rows.append(
        Row(
            f"matrix {result.people:,} × {result.competences}",
            seconds,
            "s",
            1.0,
            "whole demo register (40 per role; the columns are every competence some role requires)",
        )
    )
    with uow:
        people = people_in(uow.session, resolve_scope(uow.session, None))
    person = max(people[:200], key=lambda p: len(p.roles)).employee_no  # someone with two posts
    export_plan(uow, people[0].employee_no, workdir / "plan.pdf")  # fonts registered once per process
    seconds, _ = best_of(lambda: export_plan(uow, person, workdir / "plan.pdf"), repeat=5)
    rows.append(Row("one development plan", seconds, "s", 0.1, "demo person with two posts"))
    plans = 100 if quick else 1000
    workers_before = _children_cpu()
    start = time.perf_counter()
    batch = export_plans_of(uow, people[:plans], workdir / "plans", combined=workdir / "plans.pdf")
    seconds = time.perf_counter() - start
    worker_cpu = _children_cpu() - workers_before
    rows.append(
        Row(
            f"{len(batch.files):,} plans in batch",
            seconds,
            "s",
            6.0 if plans == 1000 else None,
            f"{batch.pages:,} pages, files + combined file; workers used {worker_cpu:.1f} s CPU",
        )
    )
    small.dispose()
    if not quick:
        big = register_at(workdir, 50000)
        url = big.url
        big.dispose()
        out = workdir / "matrix-50000.xlsx"
        seconds, rss = _matrix_in_child(url, out)
        rows.append(Row("matrix 50,000 people", seconds, "s", 5.0, "child process: start-up and export"))
        rows.append(
            Row("matrix 50,000 people, peak memory", rss, "MB", 200.0, "peak RSS (VmHWM) of the child")
        )
    return rows


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children: the batch's workers."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _matrix_in_child(url: str, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process writing the matrix.

    The peak is the child's own high-water mark (``VmHWM``): ``ru_maxrss`` of a child counts the
    parent's memory too, copied at fork before the exec, and this parent holds a big register.
    """
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "matrix", url, str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak_kb = int(done.stdout.split("VmHWM:")[-1].split()[0])
    return seconds, peak_kb / 1024


def _child_matrix(url: str, out: str) -> None:
    """Write the matrix of the whole register; the register is open already, as in the app (the
    integrity check of opening a 500 MB file is not part of the export)."""
    from sqlalchemy.orm import sessionmaker

    from competence.export.excel.matrix import export_matrix
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        database = Database(url, engine, sessionmaker(bind=engine, expire_on_commit=False))
        export_matrix(UnitOfWork(database, actor="benchmark"), Path(out))
    finally:
        engine.dispose()
    status = Path("/proc/self/status").read_text().splitlines()
    print(next(line for line in status if line.startswith("VmHWM")))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "matrix":
        _child_matrix(sys.argv[2], sys.argv[3])
