"""A fingerprint of a register's content, to show that the demo is deterministic.

Rows are described by natural keys (employee number, unit number, framework and competence key,
level ordinal), never by database ids or timestamps, and sorted in Python, so two registers with
the same content give the same digest on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
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


def _fingerprint(rows: Iterable[tuple[Any, ...]]) -> str:
    canonical = sorted(json.dumps(row, ensure_ascii=False, default=str) for row in rows)
    return hashlib.sha256("\n".join(canonical).encode("utf-8")).hexdigest()


def _float(value: float | None) -> str | None:
    return None if value is None else f"{value:.4f}"


def content_digest(uow: UnitOfWork) -> dict[str, str]:
    """One SHA-256 per table of the register's content."""
    with uow:
        return {name: _fingerprint(rows) for name, rows in _tables(uow.session)}


def _tables(s: Session) -> Iterable[tuple[str, Iterable[tuple[Any, ...]]]]:
    emp_no = {i: no for i, no in s.execute(select(Employee.id, Employee.employee_no))}
    unit_no = {i: no for i, no in s.execute(select(OrgUnit.id, OrgUnit.number))}
    role_name = {i: name for i, name in s.execute(select(Role.id, Role.name))}
    comp_key = {
        i: f"{fw}/{key}"
        for i, fw, key in s.execute(
            select(Competence.id, Framework.key, Competence.key).join(
                Framework, Framework.id == Competence.framework_id
            )
        )
    }
    area_key = {
        i: f"{fw}/{key}"
        for i, fw, key in s.execute(
            select(Area.id, Framework.key, Area.key).join(Framework, Framework.id == Area.framework_id)
        )
    }
    ordinal = {i: o for i, o in s.execute(select(ScaleLevel.id, ScaleLevel.ordinal))}
    qual_key = {i: key for i, key in s.execute(select(Qualification.id, Qualification.key))}
    talk_key = {
        i: (emp_no[e], str(on))
        for i, e, on in s.execute(select(Appraisal.id, Appraisal.employee_id, Appraisal.held_on))
    }

    def ref(mapping: dict[int, Any], key: int | None) -> Any:
        return None if key is None else mapping[key]

    yield (
        "org_unit",
        (
            (u.number, u.name, ref(unit_no, u.parent_id), ref(emp_no, u.leader_id), str(u.closed_on))
            for u in s.scalars(select(OrgUnit))
        ),
    )
    yield (
        "employee",
        (
            (e.employee_no, e.first_name, e.last_name, e.email, ref(emp_no, e.manager_id), str(e.left_on))
            for e in s.scalars(select(Employee))
        ),
    )
    yield (
        "position",
        (
            (
                emp_no[p.employee_id],
                unit_no[p.unit_id],
                p.title,
                ref(role_name, p.role_id),
                ref(emp_no, p.manager_id),
                _float(p.fte_percent),
                str(p.start_date),
                str(p.end_date),
            )
            for p in s.scalars(select(Position))
        ),
    )
    yield ("role", ((r.name, r.description) for r in s.scalars(select(Role))))
    yield (
        "requirement",
        (
            (
                role_name[r.role_id],
                ref(comp_key, r.competence_id),
                ref(qual_key, r.qualification_id),
                ref(ordinal, r.level_id),
                r.mandatory,
                r.deadline_months,
                str(r.valid_from),
                str(r.valid_to),
            )
            for r in s.scalars(select(Requirement))
        ),
    )
    a = aliased(Assessment)
    yield (
        "assessment",
        (
            (emp_no[e], comp_key[c], ordinal[lv], str(on), src, who, note, bool(cur))
            for e, c, lv, on, src, who, note, cur in s.execute(
                select(
                    a.employee_id,
                    a.competence_id,
                    a.level_id,
                    a.assessed_on,
                    a.source,
                    a.assessor,
                    a.note,
                    a.is_current,
                )
            )
        ),
    )
    yield (
        "certificate",
        (
            (
                emp_no[c.employee_id],
                ref(comp_key, c.competence_id),
                c.name,
                c.issuer,
                str(c.completed_on),
                str(c.valid_until),
                c.note,
            )
            for c in s.scalars(select(Certificate))
        ),
    )
    yield (
        "appraisal",
        (
            (
                emp_no[t.employee_id],
                t.kind,
                ref(emp_no, t.leader_id),
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
                emp_no[g.employee_id],
                ref(comp_key, g.competence_id),
                ref(area_key, g.area_id),
                ref(ordinal, g.target_level_id),
                ref(talk_key, g.appraisal_id),
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
                emp_no[h.employee_id],
                qual_key[h.qualification_id],
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
                emp_no[d.employee_id],
                qual_key[d.qualification_id],
                str(d.starts_on),
                str(d.ends_on),
                d.granted_by,
                d.reason,
            )
            for d in s.scalars(select(Dispensation))
        ),
    )
    yield (
        "setting",
        ((row.key, json.dumps(row.value, sort_keys=True)) for row in s.scalars(select(Setting))),
    )
