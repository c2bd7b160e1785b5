"""Exports (issue 4): the competence matrix of 1,500 × 40 and 50,000 × 40 (time, and peak memory in
a child process), one development plan, and 1,000 plans in a batch (files and a combined file).

The registers are built once in the work folder with Core bulk inserts (or with the demo generator
when it is there) and reused by later runs.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from benchmarks.harness import Row, best_of, max_rss_mb_of_child  # noqa: E402
from competence.uow import UnitOfWork  # noqa: E402
from db.models import (  # noqa: E402
    Area,
    Assessment,
    Certificate,
    Competence,
    Employee,
    Framework,
    LearningGoal,
    OrgUnit,
    Position,
    Requirement,
    Role,
    Scale,
    ScaleLevel,
)
from db.session import Database, open_database  # noqa: E402

TITLE = "Exports (issue 4)"
REQUIRED = 40
FIRST = [
    "Åse",
    "Øystein",
    "Kari",
    "Per",
    "Ingrid",
    "Bjørn",
    "Sigrid",
    "Ola",
    "Marit",
    "Håkon",
    "Solveig",
    "Nils",
]
LAST = ["Ødegård", "Ærø", "Hansen", "Johansen", "Bråten", "Løvås", "Strøm", "Haugen", "Sæther", "Dahl"]


def build_register(database: Database, employees: int, *, seed: int = 4) -> None:
    """A register shaped like a municipality's: a unit "1" with 1,000 people in sub-units of 25
    (the batch), the rest in units "2".., roles requiring 40 competences each, 85 % assessed."""
    rng = random.Random(seed)
    today = dt.date.today()
    with database.engine.begin() as conn:
        scale_id = conn.execute(
            insert(Scale).values(key="bench-4", name="Skala 1-4", version=1)
        ).inserted_primary_key[0]
        names = ["Kjenner til", "Kan med veiledning", "Kan selvstendig", "Kan veilede andre"]
        conn.execute(
            insert(ScaleLevel),
            [
                {"scale_id": scale_id, "ordinal": i, "name": names[i - 1], "percent": 25.0 * i}
                for i in range(1, 5)
            ],
        )
        levels = dict(
            conn.execute(
                select(ScaleLevel.ordinal, ScaleLevel.id).where(ScaleLevel.scale_id == scale_id)
            ).all()
        )
        fw = conn.execute(
            insert(Framework).values(
                key="bench", name="Arbeidsgiverpolitikk", default_scale_id=scale_id, version=1
            )
        ).inserted_primary_key[0]
        areas = [
            conn.execute(
                insert(Area).values(
                    framework_id=fw, key=f"a{i}", code=f"§{6 + i}", name=n, sort_order=i, version=1
                )
            ).inserted_primary_key[0]
            for i, n in enumerate(
                [
                    "Medarbeiderskap",
                    "Lederskap",
                    "Kompetanseutvikling",
                    "HMS",
                    "Heltidskultur",
                    "Digital transformasjon",
                ]
            )
        ]
        comps = []
        for i in range(REQUIRED):
            comps.append(
                conn.execute(
                    insert(Competence).values(
                        framework_id=fw,
                        area_id=areas[i % len(areas)],
                        scale_id=scale_id,
                        key=f"k{i}",
                        code=f"K{i + 1}",
                        name=f"Kompetanse {i + 1} – øving og læring",
                        critical=i % 9 == 0,
                        kind="skill",
                        sort_order=i,
                        version=1,
                    )
                ).inserted_primary_key[0]
            )
        roles = []
        role_reqs: dict[int, list[int]] = {}
        for r in range(12):
            role_id = conn.execute(
                insert(Role).values(name=f"Rolle {r + 1}", version=1)
            ).inserted_primary_key[0]
            chosen = list(comps)  # every role asks for the 40, at its own levels
            conn.execute(
                insert(Requirement),
                [
                    {
                        "role_id": role_id,
                        "competence_id": c,
                        "level_id": levels[rng.randint(2, 4)],
                        "mandatory": True,
                        "version": 1,
                    }
                    for c in chosen
                ],
            )
            roles.append(role_id)
            role_reqs[role_id] = chosen
        unit_ids: list[int] = []
        big = conn.execute(
            insert(OrgUnit).values(number="1", name="Helse og omsorg", version=1)
        ).inserted_primary_key[0]
        for k in range(40):
            unit_ids.append(
                conn.execute(
                    insert(OrgUnit).values(
                        number=f"1{k:03d}", name=f"Avdeling {k + 1} Øst", parent_id=big, version=1
                    )
                ).inserted_primary_key[0]
            )
        rest = max(employees - 1000, 0)
        for k in range(-(-rest // 25)):
            unit_ids.append(
                conn.execute(
                    insert(OrgUnit).values(number=f"{2000 + k}", name=f"Enhet {2000 + k}", version=1)
                ).inserted_primary_key[0]
            )
        batch_emp, batch_pos, batch_ass, batch_goal, batch_cert = [], [], [], [], []
        for e in range(employees):
            batch_emp.append(
                {
                    "id": e + 1,
                    "employee_no": str(10000 + e),
                    "first_name": rng.choice(FIRST),
                    "last_name": rng.choice(LAST),
                    "version": 1,
                }
            )
            role = rng.choice(roles)
            batch_pos.append(
                {
                    "employee_id": e + 1,
                    "unit_id": unit_ids[min(e // 25, len(unit_ids) - 1)],
                    "title": "Stilling",
                    "role_id": role,
                    "fte_percent": rng.choice([100.0, 80.0, 60.0]),
                    "version": 1,
                }
            )
            for c in role_reqs[role]:
                if rng.random() < 0.85:
                    batch_ass.append(
                        {
                            "employee_id": e + 1,
                            "competence_id": c,
                            "level_id": levels[rng.randint(1, 4)],
                            "assessed_on": today - dt.timedelta(days=rng.randint(10, 700)),
                            "source": "leader",
                            "is_current": True,
                        }
                    )
            batch_goal.append(
                {
                    "employee_id": e + 1,
                    "competence_id": role_reqs[role][0],
                    "activity_type": "kurs",
                    "description": "Kurs i veiledning og læring på arbeidsplassen",
                    "due_on": today + dt.timedelta(days=rng.randint(-30, 300)),
                    "status": "planlagt",
                    "hours": 7.5,
                    "cost_nok": 3500,
                    "version": 1,
                }
            )
            batch_cert.append(
                {
                    "employee_id": e + 1,
                    "name": "Førstehjelp",
                    "completed_on": today - dt.timedelta(days=400),
                    "valid_until": today + dt.timedelta(days=rng.randint(-60, 400)),
                    "version": 1,
                }
            )
            if len(batch_ass) > 50000 or e == employees - 1:
                for table, rows in (
                    (Employee, batch_emp),
                    (Position, batch_pos),
                    (Assessment, batch_ass),
                    (LearningGoal, batch_goal),
                    (Certificate, batch_cert),
                ):
                    if rows:
                        conn.execute(insert(table), rows)
                        rows.clear()


def register_at(workdir: Path, employees: int) -> Database:
    path = workdir / f"export-{employees}.db"
    database = open_database(f"sqlite:///{path}")
    with database.engine.connect() as conn:
        filled = conn.execute(select(func.count()).select_from(Employee)).scalar_one()
    if filled < employees:
        database.dispose()
        path.unlink()
        database = open_database(f"sqlite:///{path}")
        build_register(database, employees)
    return database


def run(workdir: Path, quick: bool) -> list[Row]:
    from competence.export.excel.matrix import export_matrix
    from competence.export.pdf.batch import export_plans
    from competence.export.pdf.plan import export_plan

    rows: list[Row] = []
    small = register_at(workdir, 1500)
    uow = UnitOfWork(small, actor="benchmark")
    seconds, result = best_of(lambda: export_matrix(uow, workdir / "matrix-1500.xlsx"), repeat=3)
    rows.append(Row(f"matrix {result.people:,} × {result.competences}", seconds, "s", 1.0, "whole register"))
    export_plan(uow, "10000", workdir / "plan.pdf")  # fonts registered once per process
    seconds, _ = best_of(lambda: export_plan(uow, "10001", workdir / "plan.pdf"), repeat=5)
    rows.append(
        Row("one development plan", seconds, "s", 0.1, f"{REQUIRED} competences, goals, certificates")
    )
    plans = 100 if quick else 1000
    unit = "1000" if quick else "1"
    start = time.perf_counter()
    batch = export_plans(uow, unit, workdir / "plans", combined=workdir / "plans.pdf", subunits=True)
    seconds = time.perf_counter() - start
    rows.append(
        Row(
            f"{len(batch.files):,} plans in batch",
            seconds,
            "s",
            12.0 if plans == 1000 else None,
            f"{batch.pages:,} pages, files + combined file, 2 processes",
        )
    )
    small.dispose()
    if not quick:
        big = register_at(workdir, 50000)
        url = big.url
        big.dispose()
        out = workdir / "matrix-50000.xlsx"
        seconds, rss = max_rss_mb_of_child(
            [sys.executable, str(Path(__file__).resolve()), "matrix", url, str(out)]
        )
        rows.append(Row("matrix 50,000 × 40", seconds, "s", 15.0, "child process, includes start-up"))
        rows.append(Row("matrix 50,000 × 40 peak memory", rss, "MB", 200.0, "max RSS of the child process"))
    return rows


def _child_matrix(url: str, out: str) -> None:
    from competence.export.excel.matrix import export_matrix

    database = open_database(url, migrate_schema=False)
    try:
        export_matrix(UnitOfWork(database, actor="benchmark"), Path(out))
    finally:
        database.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "matrix":
        _child_matrix(sys.argv[2], sys.argv[3])
