"""A fingerprint of a register's content, to show that the demo is deterministic.

Rows are described by natural keys (employee number, unit number, framework and competence key,
level ordinal), never by database ids or timestamps, and sorted in Python, so two registers with
the same content give the same digest on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from competence.uow import UnitOfWork
from db.models import (
    Appraisal,
    Area,
    Assessment,
    Certificate,
    Competence,
    Dispensation,
    Employee,
    EmployeeQualification,
    Framework,
    LearningGoal,
    OrgUnit,
    Position,
    Qualification,
    Requirement,
    Role,
    ScaleLevel,
    Setting,
)
from db.planning import TenFactorResult, UnitBudget, UnitMeasure, UnitTarget


def _fingerprint(rows: Iterable[tuple[Any, ...]]) -> str:
    canonical = sorted(json.dumps(row, ensure_ascii=False, default=str) for row in rows)
    return hashlib.sha256("\n".join(canonical).encode("utf-8")).hexdigest()


def _float(value: float | None) -> str | None:
    return None if value is None else f"{value:.4f}"


def content_digest(uow: UnitOfWork) -> dict[str, str]:
    """One SHA-256 per table of the register's content."""
    with uow:
        return {name: _fingerprint(rows) for name, rows in _tables(uow.session)}


Rows = Iterable[tuple[str, Iterable[tuple[Any, ...]]]]


@dataclass(frozen=True)
class _Keys:
    """The natural key of each row other rows point at, by id."""

    employee: dict[int, str]
    unit: dict[int, str]
    role: dict[int, str]
    competence: dict[int, str]
    area: dict[int, str]
    ordinal: dict[int, int]
    talk: dict[int, tuple[str, str]]
    qualification: dict[int, str]

    @classmethod
    def read(cls, s: Session) -> _Keys:
        employee = {i: no for i, no in s.execute(select(Employee.id, Employee.employee_no))}
        by_framework = select(Competence.id, Framework.key, Competence.key).join(
            Framework, Framework.id == Competence.framework_id
        )
        areas = select(Area.id, Framework.key, Area.key).join(Framework, Framework.id == Area.framework_id)
        return cls(
            employee=employee,
            unit={i: no for i, no in s.execute(select(OrgUnit.id, OrgUnit.number))},
            role={i: name for i, name in s.execute(select(Role.id, Role.name))},
            competence={i: f"{fw}/{key}" for i, fw, key in s.execute(by_framework)},
            area={i: f"{fw}/{key}" for i, fw, key in s.execute(areas)},
            ordinal={i: o for i, o in s.execute(select(ScaleLevel.id, ScaleLevel.ordinal))},
            talk={
                i: (employee[e], str(on))
                for i, e, on in s.execute(select(Appraisal.id, Appraisal.employee_id, Appraisal.held_on))
            },
            qualification={i: key for i, key in s.execute(select(Qualification.id, Qualification.key))},
        )


def _ref(mapping: Mapping[int, Any], key: int | None) -> Any:
    return None if key is None else mapping[key]


def _tables(s: Session) -> Rows:
    keys = _Keys.read(s)
    yield from _organisation(s, keys)
    yield from _roles(s, keys)
    yield from _held(s, keys)
    yield from _plans(s, keys)
    yield from _planning(s, keys)
    yield from _qualifications(s, keys)
    yield (
        "setting",
        ((row.key, json.dumps(row.value, sort_keys=True)) for row in s.scalars(select(Setting))),
    )


def _organisation(s: Session, k: _Keys) -> Rows:
    emp_no = k.employee
    yield (
        "org_unit",
        (
            (u.number, u.name, _ref(k.unit, u.parent_id), _ref(emp_no, u.leader_id), str(u.closed_on))
            for u in s.scalars(select(OrgUnit))
        ),
    )
    yield (
        "employee",
        (
            (
                e.employee_no,
                e.first_name,
                e.last_name,
                e.email,
                _ref(emp_no, e.manager_id),
                str(e.left_on),
                _float(e.desired_fte),
            )
            for e in s.scalars(select(Employee))
        ),
    )
    yield (
        "position",
        (
            (
                emp_no[p.employee_id],
                k.unit[p.unit_id],
                p.title,
                _ref(k.role, p.role_id),
                _ref(emp_no, p.manager_id),
                _float(p.fte_percent),
                str(p.start_date),
                str(p.end_date),
                p.employment_type,
                p.main_position,
            )
            for p in s.scalars(select(Position))
        ),
    )


def _roles(s: Session, k: _Keys) -> Rows:
    yield ("role", ((r.name, r.description) for r in s.scalars(select(Role))))
    yield (
        "requirement",
        (
            (
                k.role[r.role_id],
                _ref(k.competence, r.competence_id),
                _ref(k.qualification, r.qualification_id),
                _ref(k.ordinal, r.level_id),
                r.mandatory,
                r.deadline_months,
                str(r.valid_from),
                str(r.valid_to),
            )
            for r in s.scalars(select(Requirement))
        ),
    )


def _held(s: Session, k: _Keys) -> Rows:
    a = aliased(Assessment)
    columns = (a.employee_id, a.competence_id, a.level_id, a.assessed_on, a.source, a.assessor, a.note)
    yield (
        "assessment",
        (
            (k.employee[e], k.competence[c], k.ordinal[lv], str(on), src, who, note, bool(cur))
            for e, c, lv, on, src, who, note, cur in s.execute(select(*columns, a.is_current))
        ),
    )
    yield (
        "certificate",
        (
            (
                k.employee[c.employee_id],
                _ref(k.competence, c.competence_id),
                c.name,
                c.issuer,
                str(c.completed_on),
                str(c.valid_until),
                c.note,
            )
            for c in s.scalars(select(Certificate))
        ),
    )


def _plans(s: Session, k: _Keys) -> Rows:
    yield (
        "appraisal",
        (
            (
                k.employee[t.employee_id],
                t.kind,
                _ref(k.employee, t.leader_id),
                t.leader_name,
                str(t.held_on),
                t.summary,
                t.agreed,
                t.notes,
            )
            for t in s.scalars(select(Appraisal))
        ),
    )
    yield (
        "learning_goal",
        (
            (
                k.employee[g.employee_id],
                _ref(k.competence, g.competence_id),
                _ref(k.area, g.area_id),
                _ref(k.ordinal, g.target_level_id),
                _ref(k.talk, g.appraisal_id),
                g.activity_type,
                g.description,
                str(g.start_on),
                str(g.due_on),
                g.status,
                _float(g.hours),
                g.cost_nok,
                g.result,
            )
            for g in s.scalars(select(LearningGoal))
        ),
    )


def _planning(s: Session, k: _Keys) -> Rows:
    """The unit's planning (competence/demo/planning.py), by the same natural keys."""
    # a target names a competence with a level, or a qualification
    target_key = {
        t.id: (
            k.unit[t.unit_id],
            _ref(k.competence, t.competence_id),
            _ref(k.ordinal, t.level_id),
            _ref(k.qualification, t.qualification_id),
        )
        for t in s.scalars(select(UnitTarget))
    }
    yield (
        "unit_target",
        (
            (*target_key[t.id], t.people_needed, t.reason, str(t.due_on))
            for t in s.scalars(select(UnitTarget))
        ),
    )
    yield (
        "unit_measure",
        (
            (
                k.unit[m.unit_id],
                m.year,
                m.kind,
                m.title,
                m.description,
                _ref(target_key, m.target_id),
                _ref(k.competence, m.competence_id),
                _ref(k.area, m.area_id),
                m.cost_nok,
                m.spent_nok,
                m.funding,
                _ref(k.employee, m.responsible_id),
                str(m.due_on),
                m.status,
                m.evaluation,
            )
            for m in s.scalars(select(UnitMeasure))
        ),
    )
    yield (
        "unit_budget",
        ((k.unit[b.unit_id], b.year, b.amount_nok, b.note) for b in s.scalars(select(UnitBudget))),
    )
    yield (
        "tenfactor_result",
        (
            (k.unit[r.unit_id], r.year, r.factor, _float(r.mean), r.respondents)
            for r in s.scalars(select(TenFactorResult))
        ),
    )


def _qualifications(s: Session, k: _Keys) -> Rows:
    yield (
        "qualification",
        (
            (q.key, q.kind, q.name, q.name_en, q.education_level, q.field, q.legal_basis, q.builtin)
            for q in s.scalars(select(Qualification))
        ),
    )
    yield (
        "employee_qualification",
        (
            (
                k.employee[h.employee_id],
                k.qualification[h.qualification_id],
                str(h.obtained_on),
                str(h.expires_on),
                h.issuer,
                h.document_ref,
                h.note,
            )
            for h in s.scalars(select(EmployeeQualification))
        ),
    )
    yield (
        "dispensation",
        (
            (
                k.employee[d.employee_id],
                k.qualification[d.qualification_id],
                str(d.starts_on),
                str(d.ends_on),
                d.granted_by,
                d.reason,
            )
            for d in s.scalars(select(Dispensation))
        ),
    )
