"""Gap analysis on demo registers of 1,500 and 50,000 employees (40 required competences each).

Targets (this 2-core machine): one employee ≤ 5 ms, one unit ≤ 20 ms, the whole
municipality (≈ 2 million requirement pairs) ≤ 1 s cold, the refresh after one level changed
≤ 200 ms, ``gap-report --json`` as a process ≤ 2 s. SQLite always; PostgreSQL too when
``KOMPETANSE_BENCH_PG=1`` (building a 50,000-employee register there takes several minutes).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.harness import Row, best_of
from competence import gap
from competence.assessments import NewAssessment, add_assessments
from competence.demo.generator import generate_demo
from competence.uow import UnitOfWork
from db.codes import CompetenceKind
from db.models import Assessment, Competence, Employee, Position, Requirement
from db.session import Database, open_database

TITLE = "Gap analysis"
ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_500, 50_000)
REQUIRED_PER_ROLE = 40


def demo_database(url: str, employees: int) -> Database:
    """Open the demo register at ``url``, generating it first if it is empty."""
    db = open_database(url)
    with db.session_factory() as s:
        present = s.scalar(select(func.count()).select_from(Employee))
    if not present:
        print(f"  building a demo register of {employees} employees ...", flush=True)
        generate_demo(db, employees=employees, required_per_role=REQUIRED_PER_ROLE)
        if db.dialect == "postgresql":
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
    return db


def typical_picks(db: Database) -> tuple[int, int]:
    """An employee with a post, and the unit whose head count is the median of units with people."""
    with db.session_factory() as s:
        emp = s.scalar(select(Position.employee_id).order_by(Position.employee_id).limit(1))
        counts = s.execute(
            select(Position.unit_id, func.count(func.distinct(Position.employee_id))).group_by(
                Position.unit_id
            )
        ).all()
    median = statistics.median_low(n for _, n in counts)
    unit = next(u for u, n in counts if n == median)
    assert emp is not None
    return emp, unit


def measure(db: Database, label: str, repeat_big: int) -> list[Row]:
    uow = UnitOfWork(db)
    emp, unit = typical_picks(db)
    with db.session_factory() as s:
        current = s.scalar(select(func.count()).select_from(Assessment).where(Assessment.is_current)) or 0
        people = s.scalar(
            select(func.count(func.distinct(Position.employee_id)).filter(Position.unit_id == unit))
        )
    cases: list[tuple[str, Callable[[], object], float | None, int]] = [
        ("one employee", lambda: gap.employee_profile(uow, emp), 0.005, 20),
        (
            f"one unit ({people} people)",
            lambda: gap.unit_heatmap(uow, unit_id=unit, subunits=False),
            0.020,
            10,
        ),
        ("whole municipality: heatmap, figures kept", lambda: gap.unit_heatmap(uow), 1.0, repeat_big),
        ("whole municipality: full report, figures kept", lambda: gap.gap_report(uow), None, repeat_big),
    ]
    rows = []
    gap.unit_heatmap(uow)  # the figures kept (decision 0016), as after any earlier read
    for name, fn, target, repeat in cases:
        seconds, _ = best_of(fn, repeat)
        rows.append(Row(f"{label}: {name}", seconds, "s", target, f"{current:,} current assessments"))
    rows += kept_rows(db, label, emp, repeat_big)
    rows += live_rows(db, label, emp, repeat_big)
    return rows


def kept_rows(db: Database, label: str, emp: int, repeat: int) -> list[Row]:
    """The whole municipality when its kept figures were forgotten (the first read after a post,
    a requirement or a person's leaving was written, or on a day a date changes them), and when a
    level was written since they were kept (its pair noted, as the triggers note it)."""
    uow = UnitOfWork(db)
    comp = required_skill(db, emp)

    def forget() -> None:  # what any write of a post does (the triggers of migration 0010)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE gap_state SET built_on = NULL")
            conn.exec_driver_sql("DELETE FROM gap_cell")

    def note_a_pair() -> None:  # what the triggers do when a level is written
        gap.unit_heatmap(uow)
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f"INSERT INTO gap_stale (employee_id, competence_id) VALUES ({emp}, {comp})")

    computed, _ = best_of(lambda: gap.unit_heatmap(uow), repeat, setup=forget)
    computed_report, _ = best_of(lambda: gap.gap_report(uow), repeat, setup=forget)
    noted, _ = best_of(lambda: gap.unit_heatmap(uow), repeat, setup=note_a_pair)
    return [
        Row(
            f"{label}: whole municipality: heatmap, computed and kept",
            computed,
            "s",
            None,
            "the first read after a write that forgets them: the plain statements, then stored",
        ),
        Row(f"{label}: whole municipality: full report, computed and kept", computed_report, "s"),
        Row(
            f"{label}: whole municipality: heatmap, figures kept, one level written since",
            noted,
            "s",
            1.0,
            "the pair's cells and total computed afresh and folded into the kept figures",
        ),
    ]


def live_rows(db: Database, label: str, emp: int, repeat: int) -> list[Row]:
    """After a leader changes one level: the screens patch the whole municipality's report
    (competence/gap/patch.py), and the write itself (rolled back: the register stays as built)."""
    uow = UnitOfWork(db)
    report = gap.gap_report(uow)
    comp = required_skill(db, emp)
    seconds, _ = best_of(lambda: gap.patch_report(uow, report, {(emp, comp)}), max(repeat, 3))
    rows = [
        Row(
            f"{label}: refresh after one level changes (whole municipality patched)",
            seconds,
            "s",
            0.2,
            "the person's cells and the competence's total recomputed, the rest derived",
        )
    ]

    def edit() -> None:
        with uow:  # not committed: the benchmark register stays as it was built
            add_assessments(uow.session, uow.actor, [NewAssessment(emp, comp, 2)])
            uow.flush()

    seconds, _ = best_of(edit, 10)
    name = f"{label}: one level edit (the write; its pair noted for the kept figures)"
    rows.append(Row(name, seconds, "s"))
    return rows


def required_skill(db: Database, emp: int) -> int:
    """A skill one of the person's roles requires."""
    with db.session_factory() as s:
        found = s.scalar(
            select(Requirement.competence_id)
            .join(Position, Position.role_id == Requirement.role_id)
            .join(Competence, Competence.id == Requirement.competence_id)
            .where(Position.employee_id == emp, Competence.kind == CompetenceKind.SKILL)
            .limit(1)
        )
    assert found is not None
    return int(found)


def report_process(url: str) -> float:
    """Seconds for ``kompetanse gap-report --json`` on the whole municipality, as a process (best of 2)."""
    times = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "competence", "--db", url, "gap-report", "--json"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return min(times)


def size_mb(db: Database) -> float:
    if db.path is not None:
        return (
            sum(
                Path(str(db.path) + suffix).stat().st_size
                for suffix in ("", "-wal")
                if Path(str(db.path) + suffix).exists()
            )
            / 1e6
        )
    with db.engine.connect() as conn:
        return float(conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0) / 1e6


def run(workdir: Path, quick: bool) -> list[Row]:
    rows: list[Row] = []
    sizes = SIZES[:1] if quick else SIZES
    for employees in sizes:
        url = f"sqlite:///{workdir / f'gap-{employees}.db'}"
        db = demo_database(url, employees)
        try:
            rows += measure(db, f"SQLite {employees:,}", 3 if employees > 10_000 else 5)
            rows.append(Row(f"SQLite {employees:,}: database size", size_mb(db), "MB"))
        finally:
            db.dispose()
        rows.append(
            Row(
                f"SQLite {employees:,}: gap-report --json, whole municipality, whole process",
                report_process(url),
                "s",
                2.0,
                "python -m competence; start-up, migrations check, report, JSON; best of 2",
            )
        )
    if os.environ.get("KOMPETANSE_BENCH_PG") == "1":
        rows += run_postgresql(workdir, sizes)
    return rows


def run_postgresql(workdir: Path, sizes: tuple[int, ...]) -> list[Row]:
    import psycopg

    from tests.support.pg import start_server

    server = start_server()
    rows: list[Row] = []
    try:
        for employees in sizes:
            name = f"gap_{employees}"
            with psycopg.connect(
                host=str(server.socket_dir),
                port=server.port,
                user="postgres",
                dbname="postgres",
                autocommit=True,
            ) as conn:
                conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            db = demo_database(server.url(name), employees)
            try:
                rows += measure(db, f"PostgreSQL {employees:,}", 3)
                rows.append(Row(f"PostgreSQL {employees:,}: database size", size_mb(db), "MB"))
            finally:
                db.dispose()
    finally:
        server.stop()
    return rows
