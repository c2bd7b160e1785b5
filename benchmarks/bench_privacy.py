"""Privacy and reliability operations on a municipality-sized register.

50,000 people with four assessments each (a third with a note and the assessor's name), positions
and audit events, in a SQLite file. Measured: opening the file three ways (after a clean close, with
the damage check, a SHA-256 of the whole file compared with the one recorded at the close, waited
for as the command line does, or running in the background as the desktop app does; and after a
crash, with the full quick check), the clean close that records the digest, innsyn for one person,
erasing one person (with the compaction that removes them from the file), a backup, and a retention
run over 500 leavers.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from benchmarks.harness import Row
from competence.backups import take_backup
from competence.privacy.erasure import erase_person
from competence.privacy.innsyn import export_person
from competence.privacy.retention import apply_retention
from competence.uow import UnitOfWork
from db import clean_close
from db.models import Assessment, AuditEvent, Competence, Employee, OrgUnit, Position, ScaleLevel
from db.session import Database, open_database
from tests.support.factories import make_mini_framework

TITLE = "Privacy and reliability: open, innsyn, erasure, backup, retention"
FIRST = ("Åse", "Per", "Kari", "Ola", "Ingrid", "Nils", "Sofie", "Jonas", "Marit", "Emil")
LAST = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen")


def build(path: Path, people: int, leavers: int) -> Database:
    database = open_database(f"sqlite:///{path}")
    uow = UnitOfWork(database, "bench")
    make_mini_framework(uow)
    rng = random.Random(6)
    with database.engine.begin() as conn:
        conn.execute(insert(OrgUnit), [{"number": str(100 + i), "name": f"Enhet {i}"} for i in range(50)])
        units = list(conn.scalars(select(OrgUnit.id)))
        competences = list(conn.scalars(select(Competence.id).where(Competence.kind == "skill")))
        level_stmt = select(ScaleLevel.id).join(Competence, Competence.scale_id == ScaleLevel.scale_id)
        levels = {c: list(conn.scalars(level_stmt.where(Competence.id == c))) for c in competences}
        left = dt.date(2024, 1, 31)
        conn.execute(
            insert(Employee),
            [
                {
                    "employee_no": str(10_000 + i),
                    "first_name": f"{FIRST[i % len(FIRST)]}{i}",
                    "last_name": LAST[i % len(LAST)],
                    "email": f"p{i}@kommune.no",
                    "left_on": left if i < leavers else None,
                }
                for i in range(people)
            ],
        )
        ids = list(conn.scalars(select(Employee.id).order_by(Employee.id)))
        conn.execute(
            insert(Position),
            [
                {"employee_id": e, "unit_id": units[i % len(units)], "title": "Stilling"}
                for i, e in enumerate(ids)
            ],
        )
        rows = []
        for i, e in enumerate(ids):
            for c in competences:
                noted = rng.random() < 0.33
                rows.append(
                    {
                        "employee_id": e,
                        "competence_id": c,
                        "level_id": rng.choice(levels[c]),
                        "assessed_on": dt.date(2025, 1, 1 + i % 28),
                        "source": "leader",
                        "assessor": f"{FIRST[(i + 3) % len(FIRST)]}{i + 3} {LAST[(i + 3) % len(LAST)]}"
                        if noted
                        else None,
                        "note": "God framgang siste halvår" if noted else None,
                    }
                )
        conn.execute(insert(Assessment), rows)
        events = [
            {"actor": "hr", "action": "create", "entity": "employee", "employee_no": str(10_000 + i)}
            for i in range(people)
        ]
        conn.execute(insert(AuditEvent), events)
    return database


def _timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds of one run (erasure and retention change the data: no repeats)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _opening(url: str, path: Path, note: str) -> list[Row]:
    """Opening the file as each kind of start finds it; best of three (opening changes nothing)."""
    waited, returned, checked, full, closed = [], [], [], [], []
    for _ in range(3):
        start = time.perf_counter()
        database = open_database(url)  # the command line: the damage check is waited for
        waited.append(time.perf_counter() - start)
        start = time.perf_counter()
        database.dispose()  # the clean close: the file's digest is recorded
        closed.append(time.perf_counter() - start)
        start = time.perf_counter()
        database = open_database(url, check_in_background=True)  # the desktop app
        returned.append(time.perf_counter() - start)
        assert database.damage_check is not None
        database.damage_check.wait()
        checked.append(time.perf_counter() - start)
        database.dispose()
        clean_close.stamp_path(path).unlink()  # as after a crash
        start = time.perf_counter()
        open_database(url).engine.dispose()  # no clean close: the next round starts stamped anew
        full.append(time.perf_counter() - start)
        open_database(url).dispose()
    return [
        Row(
            "open database with damage check (SHA-256, waited for: command line)", min(waited), "s", 3.0, note
        ),
        Row(
            "open database, damage check in the background (app): usable after",
            min(returned),
            "s",
            None,
            note,
        ),
        Row("  the background damage check done (first write allowed) after", min(checked), "s", 3.0, note),
        Row("open database after a crash (full quick_check)", min(full), "s", 3.0, note),
        Row("clean close (digest of the file recorded)", min(closed), "s", None, note),
    ]


def run(workdir: Path, quick: bool) -> list[Row]:
    people, leavers = (5_000, 50) if quick else (50_000, 500)
    path = workdir / "privacy.db"
    for old in workdir.glob("privacy.db*"):
        old.unlink()
    build(path, people, leavers).dispose()
    note = f"{people:_} people, {path.stat().st_size / 1e6:.0f} MB".replace("_", " ")
    url = f"sqlite:///{path}"
    rows = _opening(url, path, note)
    database = open_database(url)
    uow = UnitOfWork(database, "bench")
    last_no = str(10_000 + people - 1)
    rows += [
        Row(
            "innsyn export of one person",
            _timed(lambda: export_person(uow, last_no, workdir / "innsyn.json", as_pdf=False)),
            "s",
            1.0,
            note,
        ),
        Row("erase one person + compaction", _timed(lambda: erase_person(uow, last_no)), "s", 5.0, note),
        Row(
            "backup (SQLite backup API)",
            _timed(lambda: take_backup(database, workdir / "b.db")),
            "s",
            5.0,
            note,
        ),
        Row(
            f"retention: anonymise {leavers} leavers",
            _timed(lambda: apply_retention(uow, on=dt.date(2026, 6, 1))),
            "s",
            15.0,
            note,
        ),
    ]
    database.dispose()
    return rows
