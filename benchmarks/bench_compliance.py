"""Compliance and the talk cycle on the demo registers of 1,500 and 50,000 employees.

Target (docs/compliance.md, this 2-core machine): ``appraisals-due`` and ``compliance`` for the
whole municipality each at most 1 s on SQLite at 50,000 people; one unit well under that. The
registers are those of bench_gap (same files in the work folder, built once).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.bench_gap import SIZES, demo_database
from benchmarks.harness import Row, best_of
from competence.compliance.report import ComplianceReport, compliance_report
from competence.talk_cycle import TalksDue, appraisals_due
from competence.uow import UnitOfWork
from db.models import OrgUnit, Position
from db.session import Database

TITLE = "Compliance and the talk cycle"


def median_unit(db: Database) -> tuple[str, int]:
    """The number of the unit at the median head count of units with people, and that count."""
    with db.session_factory() as s:
        counts = s.execute(
            select(OrgUnit.number, func.count(func.distinct(Position.employee_id)))
            .join(Position, Position.unit_id == OrgUnit.id)
            .group_by(OrgUnit.number)
        ).all()
    median = statistics.median_low(n for _, n in counts)
    return next((number, n) for number, n in counts if n == median)


def measure(db: Database, label: str, repeat: int) -> list[Row]:
    uow = UnitOfWork(db)
    unit, people = median_unit(db)
    cases: list[tuple[str, Callable[[], object], float | None]] = [
        ("compliance, whole municipality", lambda: compliance_report(uow), 1.0),
        (f"compliance, one unit ({people} people)", lambda: compliance_report(uow, unit_number=unit), 0.1),
        ("appraisals-due, whole municipality", lambda: appraisals_due(uow), 1.0),
        (f"appraisals-due, one unit ({people} people)", lambda: appraisals_due(uow, unit_number=unit), 0.1),
    ]
    rows = []
    for name, fn, target in cases:
        seconds, result = best_of(fn, repeat)
        rows.append(Row(f"{label}: {name}", seconds, "s", target, note(result)))
    return rows


def note(result: object) -> str:
    if isinstance(result, ComplianceReport):
        return f"{result.people_lacking:,} lacking a mandatory requirement of {result.people:,}"
    if isinstance(result, TalksDue):
        return f"{len(result.standings):,} overdue or due soon of {result.people:,}"
    return ""


def run(workdir: Path, quick: bool) -> list[Row]:
    rows: list[Row] = []
    for employees in SIZES[:1] if quick else SIZES:
        db = demo_database(f"sqlite:///{workdir / f'gap-{employees}.db'}", employees)
        try:
            rows += measure(db, f"SQLite {employees:,}", 3 if employees > 10_000 else 5)
        finally:
            db.dispose()
    return rows
