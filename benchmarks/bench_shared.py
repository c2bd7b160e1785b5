"""A shared PostgreSQL register under row-level security (docs/security.md): what the rules cost.

The same calls as the owner of the tables (not subject to the rules), as an HR login (reaches
everyone through the rules) and as a unit leader's login (reaches one unit's people): the employee
list, one unit's heatmap, the whole municipality. The rules are the permission model of
``docs/security.md`` (migration 0003): row-level security on every table, the reference tables'
read rule included, so "leader login: one unit's heatmap" is the leader's heatmap under them.
On demo registers of 1,500 and 50,000 employees (``--quick``: 1,500), only with
``KOMPETANSE_BENCH_PG=1`` (it starts its own PostgreSQL server).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from benchmarks.bench_gap import SIZES, demo_database, typical_picks
from benchmarks.harness import Row, best_of
from competence import access, employees, gap
from competence.uow import UnitOfWork
from db.models import Employee, OrgUnit
from db.session import open_database

TITLE = "Shared register with row-level security (PostgreSQL)"


def run(workdir: Path, quick: bool) -> list[Row]:
    if os.environ.get("KOMPETANSE_BENCH_PG") != "1":
        print("  skipped: set KOMPETANSE_BENCH_PG=1 to run it")
        return []
    import psycopg

    from tests.support.pg import start_server

    server = start_server()
    rows: list[Row] = []
    try:
        admin = {"host": str(server.socket_dir), "port": server.port, "user": "postgres", "autocommit": True}
        with psycopg.connect(dbname="postgres", **admin) as conn:  # type: ignore[arg-type]
            conn.execute('CREATE ROLE "bench_hr" LOGIN')
            conn.execute('CREATE ROLE "bench_leader" LOGIN')
        for size in SIZES[:1] if quick else SIZES:
            name = f"shared_{size}"
            with psycopg.connect(dbname="postgres", **admin) as conn:  # type: ignore[arg-type]
                conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            rows += _measure(server.url(name), size)
    finally:
        server.stop()
    return rows


def _measure(url: str, size: int) -> list[Row]:
    owner_db = demo_database(url, size)
    owner = UnitOfWork(owner_db, "bench")
    _, unit = typical_picks(owner_db)
    with owner:
        leader_id = owner.session.scalar(select(OrgUnit.leader_id).where(OrgUnit.id == unit))
        leader_no = owner.session.scalar(select(Employee.employee_no).where(Employee.id == leader_id))
    access.grant_access(owner, "bench_hr", "hr")
    access.grant_access(owner, "bench_leader", "leader", leader_no)
    logins = {"owner": owner_db}
    for login in ("bench_hr", "bench_leader"):
        logins[login] = open_database(make_url(url).set(username=login).render_as_string(hide_password=False))
    rows: list[Row] = []
    try:
        for who, db in logins.items():
            uow = UnitOfWork(db, who)
            label = {"owner": "owner", "bench_hr": "HR login", "bench_leader": "leader login"}[who]
            listed = len(employees.list_employees(uow))
            note = f"{listed:,} people reached"
            seconds, _ = best_of(lambda u=uow: employees.list_employees(u), 3)
            rows.append(Row(f"{size:,}, {label}: employee list", seconds, "s", None, note))
            seconds, _ = best_of(lambda u=uow: gap.unit_heatmap(u, unit_id=unit, subunits=False), 5)
            rows.append(Row(f"{size:,}, {label}: one unit's heatmap", seconds, "s", 0.020, note))
            seconds, _ = best_of(lambda u=uow: gap.unit_heatmap(u), 2)
            rows.append(Row(f"{size:,}, {label}: whole municipality", seconds, "s", None, note))
    finally:
        for db in logins.values():
            db.dispose()
    return rows
