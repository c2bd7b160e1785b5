"""The audit scenarios of the unit's planning (docs/planning.md) for tests/reliability/test_audit_log.py:
targets, measures, the budget, the 10-FAKTOR import and minimum, and the planning exports. Each runs
the service on the register of tests/reliability/people.py and names the event it must leave (none
of them is about one person, so no employee number)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from competence.export.excel.fulltime import export_fulltime
from competence.export.excel.unit_plan import export_unit_plan_workbook
from competence.planning import budget, measures, targets
from competence.tenfactor import minimum, service
from competence.uow import UnitOfWork
from db.codes import Factor, MeasureKind
from db.models import Competence


class _Ctx(Protocol):
    uow: UnitOfWork
    tmp: Path

    @property
    def reg(self) -> Any: ...


Scenario = Callable[[Any], tuple[str, str | None]]


def _competence(c: _Ctx) -> int:
    with c.uow:
        found = c.uow.session.scalar(
            select(Competence.id).where(Competence.kind == "skill").order_by(Competence.id)
        )
    assert found is not None
    return int(found)


def _target(c: _Ctx) -> int:
    return targets.add_target(c.uow, c.reg.unit_id, targets.TargetInput(_competence(c), 1, 2, "Robust vakt"))


def _measure(c: _Ctx) -> measures.MeasureView:
    measures.add_measure(
        c.uow,
        c.reg.unit_id,
        measures.MeasureInput(2026, MeasureKind.DEVELOP, "Kurs", competence_id=_competence(c)),
    )
    with c.uow:
        return measures.measures_in(c.uow.session, unit_id=c.reg.unit_id, years=(2026,))[0]


def _target_view(c: _Ctx) -> targets.TargetStatus:
    target_id = _target(c)
    with c.uow:
        found = targets.targets_in(c.uow.session, unit_id=c.reg.unit_id, at=dt.date.today())
    return next(t for t in found if t.id == target_id)


def _import(c: _Ctx) -> tuple[str, str | None]:
    rows = ["Enhet;År;Antall svar;" + ";".join(str(int(f)) for f in Factor)]
    rows.append("Hjemmetjenesten;2025;12;" + ";".join("4,1" for _ in Factor))
    path = c.tmp / "10faktor.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    report = service.import_tenfactor(c.uow, path)
    assert report.applied, report.problems
    return "import", None


def planning_scenarios() -> dict[str, Scenario]:
    def update_target(c: _Ctx) -> tuple[str, str | None]:
        t = _target_view(c)
        targets.update_target(
            c.uow, t.id, targets.TargetInput(t.competence.id, 1, 3, "Flere"), expected_version=t.version
        )
        return "update", None

    def delete_target(c: _Ctx) -> tuple[str, str | None]:
        t = _target_view(c)
        targets.delete_target(c.uow, t.id, expected_version=t.version)
        return "delete", None

    def update_measure(c: _Ctx) -> tuple[str, str | None]:
        m = _measure(c)
        data = measures.MeasureInput(2026, MeasureKind.RECRUIT, "Rekruttering", competence_id=m.competence_id)
        measures.update_measure(c.uow, m.id, data, expected_version=m.version)
        return "update", None

    def delete_measure(c: _Ctx) -> tuple[str, str | None]:
        m = _measure(c)
        measures.delete_measure(c.uow, m.id, expected_version=m.version)
        return "delete", None

    return {
        "competence.planning.targets.add_target": lambda c: (_target(c), ("create", None))[1],
        "competence.planning.targets.update_target": update_target,
        "competence.planning.targets.delete_target": delete_target,
        "competence.planning.measures.add_measure": lambda c: (_measure(c), ("create", None))[1],
        "competence.planning.measures.update_measure": update_measure,
        "competence.planning.measures.delete_measure": delete_measure,
        "competence.planning.budget.set_budget": lambda c: (
            budget.set_budget(c.uow, c.reg.unit_id, 2026, 50_000),
            ("update", None),
        )[1],
        "competence.tenfactor.minimum.set_minimum_group": lambda c: (
            minimum.set_minimum_group(c.uow, 8),
            ("settings", None),
        )[1],
        "competence.tenfactor.service.import_tenfactor": _import,
        "competence.export.excel.fulltime.export_fulltime": lambda c: (
            export_fulltime(c.uow, c.tmp / "heltid.xlsx"),
            ("export", None),
        )[1],
        "competence.export.excel.unit_plan.export_unit_plan_workbook": lambda c: (
            export_unit_plan_workbook(c.uow, "100", c.tmp / "plan.xlsx"),
            ("export", None),
        )[1],
    }


#: Planning functions whose name looks like a write but that read (or are a step of one that records).
PLANNING_NOT_WRITES = {
    "competence.demo.planning.add_planning": "a step of generate_demo, which records the event",
    "competence.planning.overview.load_planning": "reads what Planlegging shows",
    "competence.planning.overview.load_planning_summary": "reads the planning panels of Oversikt and Enheter",
    "competence.tenfactor.results.load_results": "reads the stored 10-FAKTOR results",
}
