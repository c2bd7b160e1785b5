"""The demo register on SQLite and PostgreSQL: invariants, determinism, refusal, cancelling."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import and_, exists, func, inspect, or_, select

from competence.assessments import refresh_current_flags
from competence.demo import DemoSummary, generate_demo
from competence.demo.digest import content_digest
from competence.errors import ConflictError, ValidationError
from competence.gap import summary as gap_summary
from competence.progress import Cancelled, CancelToken
from competence.settings import get_settings
from competence.units import create_unit
from competence.uow import UnitOfWork
from db.models import (
    Appraisal,
    Assessment,
    AuditEvent,
    Certificate,
    Competence,
    Employee,
    LearningGoal,
    OrgUnit,
    Position,
    Requirement,
    Role,
    ScaleLevel,
)
from db.session import Database, open_database
from tests.test_demo_plan import STANDIN, standin

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())


def _generate(database: Database, employees: int, **kwargs: object) -> DemoSummary:
    return generate_demo(database, employees=employees, **kwargs)  # type: ignore[arg-type]


def _count(uow: UnitOfWork, model: type, *where: object) -> int:
    stmt = select(func.count()).select_from(model)
    if where:
        stmt = stmt.where(*where)  # type: ignore[arg-type]
    return int(uow.session.scalar(stmt) or 0)


def check_invariants(uow: UnitOfWork, summary: DemoSummary) -> None:
    window_start = TODAY - dt.timedelta(days=730)
    with uow:
        s = uow.session
        # the summary tells the truth
        assert _count(uow, Employee) == summary.employees
        assert _count(uow, Employee, Employee.left_on.is_not(None)) == summary.left_employees >= 1
        assert _count(uow, OrgUnit) == summary.units
        assert _count(uow, Position) == summary.positions
        assert _count(uow, Assessment) == summary.assessments
        assert _count(uow, Assessment, Assessment.is_current) == summary.current_assessments
        assert _count(uow, Certificate) == summary.certificates
        assert _count(uow, LearningGoal) == summary.goals
        assert _count(uow, Appraisal) == summary.appraisals

        # every active employee has an active position; every position has a role with requirements
        active_post = exists().where(Position.employee_id == Employee.id, Position.end_date.is_(None))
        assert _count(uow, Employee, Employee.left_on.is_(None), ~active_post) == 0
        assert _count(uow, Position, Position.role_id.is_(None)) == 0
        roles_with_reqs = select(Requirement.role_id).distinct()
        assert _count(uow, Position, Position.role_id.not_in(roles_with_reqs)) == 0
        # leavers' positions ended when they left
        ended = s.execute(
            select(Employee.left_on, Position.end_date)
            .join(Position, Position.employee_id == Employee.id)
            .where(Employee.left_on.is_not(None))
        ).all()
        assert ended and all(left == end for left, end in ended)
        # some people combine posts; FTE above 100 % only for the few given extra shifts (heltidskultur
        # flags them)
        per_person = select(
            Position.employee_id, func.sum(Position.fte_percent).label("fte"), func.count().label("n")
        )
        per_person_sq = per_person.group_by(Position.employee_id).subquery()
        above = s.scalar(select(func.count()).select_from(per_person_sq).where(per_person_sq.c.fte > 100))
        assert above == summary.above_full_time >= 1
        assert s.scalar(select(func.max(per_person_sq.c.fte))) <= 110
        assert s.scalar(select(func.max(per_person_sq.c.n))) >= 2
        # units: a tree with one root, every enhet and avdeling led by someone
        assert _count(uow, OrgUnit, OrgUnit.parent_id.is_(None)) == 1
        assert _count(uow, OrgUnit, OrgUnit.leader_id.is_(None)) == 0
        assert _count(uow, Employee, Employee.manager_id.is_(None)) == 1

        # assessments: exactly one current row per pair a leader (or a course) assessed, the newest
        # of those (a self-assessment is kept beside it, docs/compliance.md)
        pairs = s.execute(
            select(func.count()).select_from(
                select(Assessment.employee_id, Assessment.competence_id)
                .where(Assessment.source != "self")
                .distinct()
                .subquery()
            )
        ).scalar_one()
        assert pairs == summary.current_assessments
        assert refresh_current_flags(s) == 0  # recomputing the flags from the history changes nothing
        first, last = s.execute(
            select(func.min(Assessment.assessed_on), func.max(Assessment.assessed_on))
        ).one()
        assert window_start <= first and last <= TODAY
        sources = set(s.scalars(select(Assessment.source).distinct()))
        assert {"self", "leader", "course"} <= sources
        assert (
            _count(
                uow,
                Assessment,
                Assessment.competence_id.in_(select(Competence.id).where(Competence.kind == "certificate")),
            )
            == 0
        )
        # levels drift upwards: the current level is never below an earlier one
        newer, older = Assessment.__table__.alias("newer"), Assessment.__table__.alias("older")
        lv_new, lv_old = ScaleLevel.__table__.alias("lv_new"), ScaleLevel.__table__.alias("lv_old")
        fallbacks = s.scalar(
            select(func.count())
            .select_from(newer)
            .join(
                older,
                and_(
                    older.c.employee_id == newer.c.employee_id, older.c.competence_id == newer.c.competence_id
                ),
            )
            .join(lv_new, lv_new.c.id == newer.c.level_id)
            .join(lv_old, lv_old.c.id == older.c.level_id)
            .where(
                newer.c.is_current,
                older.c.assessed_on < newer.c.assessed_on,
                lv_old.c.ordinal > lv_new.c.ordinal,
            )
        )
        assert fallbacks == 0
        assert summary.not_assessed > 0

        # certificates: some expired, some expiring within 90 days, never completed in the future
        soon = TODAY + dt.timedelta(days=90)
        assert _count(uow, Certificate, Certificate.valid_until < TODAY) >= summary.certificates_expired > 0
        assert (
            _count(uow, Certificate, Certificate.valid_until >= TODAY, Certificate.valid_until <= soon)
            >= summary.certificates_expiring
            > 0
        )
        assert _count(uow, Certificate, Certificate.completed_on > TODAY) == 0

        # learning goals in every status, some overdue, with activities, hours and costs
        statuses = set(s.scalars(select(LearningGoal.status).distinct()))
        assert statuses == {"planned", "in_progress", "completed", "cancelled"} or summary.employees < 100
        overdue = _count(
            uow,
            LearningGoal,
            LearningGoal.status.in_(("planned", "in_progress")),
            LearningGoal.due_on < TODAY,
        )
        assert overdue == summary.goals_overdue > 0
        assert _count(uow, LearningGoal, LearningGoal.start_on > LearningGoal.due_on) == 0
        assert _count(uow, LearningGoal, LearningGoal.hours.is_(None)) == 0
        assert s.scalar(select(func.sum(LearningGoal.cost_nok))) > 0
        assert _count(uow, LearningGoal, LearningGoal.appraisal_id.is_not(None)) > 0

        # names and e-mail addresses
        names = [f"{f} {ln}" for f, ln in s.execute(select(Employee.first_name, Employee.last_name))]
        for letter in "æøå":
            assert any(letter in n.lower() for n in names), letter
        emails = [e for (e,) in s.execute(select(Employee.email))]
        assert len(set(emails)) == len(emails) and all(e.isascii() for e in emails)
        assert _count(uow, AuditEvent, AuditEvent.entity == "demo") == 1
    assert get_settings(uow).municipality == "Fjordvik kommune"


@pytest.mark.parametrize("employees", [20, 300])
def test_demo_register_holds_what_a_demo_needs(database: Database, employees: int) -> None:
    summary = _generate(database, employees)
    assert summary.employees == employees
    assert summary.today == TODAY
    check_invariants(UnitOfWork(database), summary)


def test_gap_analysis_sees_gaps_not_assessed_expiry_and_overdue(database: Database) -> None:
    _generate(database, 300)
    figures = gap_summary(UnitOfWork(database))
    assert 0.25 < figures.share_met < 0.9
    assert figures.not_assessed > 0
    assert figures.expiring > 0 and figures.expired > 0
    assert figures.overdue_goals > 0
    assert figures.largest_gaps
    assert set(figures.fte_mix) >= {"100", "75-99", "50-74", "<50"}


def test_same_seed_same_register_on_both_backends(
    sqlite_database: Database, pg_database: Database, tmp_path: Path
) -> None:
    first = _generate(sqlite_database, 120, seed=77)
    again = open_database(f"sqlite:///{tmp_path / 'again.db'}")
    try:
        second = _generate(again, 120, seed=77)
        digest = content_digest(UnitOfWork(sqlite_database))
        assert content_digest(UnitOfWork(again)) == digest
    finally:
        again.dispose()
    on_pg = _generate(pg_database, 120, seed=77)
    assert content_digest(UnitOfWork(pg_database)) == digest
    ignore_time = {"seconds": 0.0}
    assert dataclasses.replace(first, **ignore_time) == dataclasses.replace(second, **ignore_time)
    assert dataclasses.replace(on_pg, **ignore_time) == dataclasses.replace(first, **ignore_time)


def test_another_seed_another_register(sqlite_database: Database, tmp_path: Path) -> None:
    _generate(sqlite_database, 60, seed=1)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        _generate(other, 60, seed=2)
        a, b = content_digest(UnitOfWork(sqlite_database)), content_digest(UnitOfWork(other))
    finally:
        other.dispose()
    assert a["employee"] != b["employee"] and a["assessment"] != b["assessment"]


def test_required_per_role_gives_every_role_exactly_that_many(database: Database) -> None:
    summary = _generate(database, 40, required_per_role=40)
    uow = UnitOfWork(database)
    with uow:
        per_role = dict(
            uow.session.execute(
                select(Role.name, func.count(Requirement.id))
                .join(Requirement)
                .where(Requirement.competence_id.is_not(None))  # formal qualifications come on top
                .group_by(Role.name)
            ).all()
        )
    assert len(per_role) == summary.roles and set(per_role.values()) == {40}
    assert summary.requirements == 40 * summary.roles


def test_refuses_a_register_with_employees_and_changes_nothing(database: Database) -> None:
    _generate(database, 20)
    uow = UnitOfWork(database)
    before = content_digest(uow)
    with pytest.raises(ConflictError) as err:
        _generate(database, 20, seed=5)
    assert "tomt register" in err.value.message("nb") and "empty register" in err.value.message("en")
    assert content_digest(uow) == before


def test_refuses_a_register_with_units(database: Database) -> None:
    uow = UnitOfWork(database)
    create_unit(uow, "1000", "Min kommune")
    with pytest.raises(ConflictError) as err:
        _generate(database, 20)
    assert "1 enheter" in err.value.message("nb")
    with uow:
        assert _count(uow, Employee) == 0


@pytest.mark.parametrize("employees", [19, 50_001, 0])
def test_size_out_of_range_is_refused(sqlite_database: Database, employees: int) -> None:
    with pytest.raises(ValidationError) as err:
        _generate(sqlite_database, employees)
    assert "mellom 20 og 50 000" in err.value.message("nb")


def test_without_frameworks_it_says_so(sqlite_database: Database) -> None:
    with pytest.raises(ValidationError) as err:
        generate_demo(sqlite_database, employees=20, frameworks=lambda uow: None)
    assert "rammeverk" in err.value.message("nb")


def test_works_with_only_some_frameworks(sqlite_database: Database) -> None:
    only = standin({k: STANDIN[k] for k in ("digcomp-2.2", "lovpalagt-opplaering")})
    summary = generate_demo(sqlite_database, employees=50, frameworks=only)
    assert summary.assessments > 0 and summary.requirements > 0


def test_cancel_rolls_everything_back_and_keeps_the_indexes(database: Database) -> None:
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, message: str = "") -> None:
        seen.append((done, total))
        if done > 0 and done < total:
            token.cancel()

    with pytest.raises(Cancelled):
        _generate(database, 1_200, progress=progress, cancel=token)
    uow = UnitOfWork(database)
    with uow:
        assert _count(uow, Employee) == 0 and _count(uow, OrgUnit) == 0 and _count(uow, Assessment) == 0
    with database.engine.connect() as conn:
        names = {ix["name"] for ix in inspect(conn).get_indexes("assessment")}
    assert {"ix_assessment_current", "ix_assessment_history"} <= names
    # and a clean run afterwards works
    check_invariants(uow, _generate(database, 20))


def test_progress_rises_to_the_end(sqlite_database: Database) -> None:
    seen: list[tuple[int, int, str]] = []
    _generate(sqlite_database, 2_100, progress=lambda d, t, m="": seen.append((d, t, m)))
    fractions = [d / t for d, t, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0 and len(seen) >= 5
    assert all(m for _, _, m in seen)


def test_indexes_are_rebuilt_after_the_bulk_load(sqlite_database: Database) -> None:
    _generate(sqlite_database, 20)
    with sqlite_database.engine.connect() as conn:
        indexes = {ix["name"]: ix for ix in inspect(conn).get_indexes("assessment")}
    assert indexes["ix_assessment_current"]["unique"]
    assert set(indexes) >= {"ix_assessment_current", "ix_assessment_history", "ix_assessment_competence_id"}


def test_not_assessed_pairs_exist_in_the_database(sqlite_database: Database) -> None:
    """The summary's "ikke vurdert" is every requirement of a skill of someone still employed with no
    assessment that counts (a self-assessment alone does not: docs/compliance.md): counted here from
    the tables. A training without a certificate is lacking (0 %), never "ikke vurdert"."""
    summary = _generate(sqlite_database, 150)
    uow = UnitOfWork(sqlite_database)
    with uow:
        required = (
            select(Position.employee_id, Requirement.competence_id, Competence.kind)
            .join(Requirement, Requirement.role_id == Position.role_id)
            .join(Competence, Competence.id == Requirement.competence_id)
            .join(Employee, Employee.id == Position.employee_id)
            .where(
                Employee.left_on.is_(None),
                Position.start_date <= TODAY,
                or_(Position.end_date.is_(None), Position.end_date >= TODAY),
            )
            .distinct()
            .subquery()
        )
        assessed = exists().where(
            Assessment.employee_id == required.c.employee_id,
            Assessment.competence_id == required.c.competence_id,
            Assessment.source != "self",
        )
        certified = exists().where(
            Certificate.employee_id == required.c.employee_id,
            Certificate.competence_id == required.c.competence_id,
            Certificate.completed_on <= TODAY,
        )
        skills = uow.session.scalar(
            select(func.count()).select_from(required).where(required.c.kind == "skill", ~assessed)
        )
        trainings = uow.session.scalar(
            select(func.count()).select_from(required).where(required.c.kind == "certificate", ~certified)
        )
        total = uow.session.scalar(select(func.count()).select_from(required))
    assert skills > 0 and trainings > 0
    assert skills == summary.not_assessed
    assert 0 < summary.not_assessed < 0.3 * total


def test_the_demo_shows_compliance_and_the_talk_cycle(sqlite_database: Database) -> None:
    """Every new screen of docs/compliance.md shows something on first start: qualifications held,
    lacking and covered by a dispensation, mandatory courses with a deadline, self-assessments beside
    the leader's, and talks of each kind, some overdue."""
    from competence.compliance.card import compliance_card
    from competence.talk_cycle import appraisals_due
    from db.codes import RequirementStatus
    from db.models import Dispensation, EmployeeQualification

    summary = _generate(sqlite_database, 150)
    uow = UnitOfWork(sqlite_database)
    with uow:
        s = uow.session
        assert _count(uow, EmployeeQualification) == summary.qualifications > 50
        assert _count(uow, Dispensation) == summary.dispensations >= 1
        assert _count(uow, Requirement, Requirement.qualification_id.is_not(None)) >= 8
        assert _count(uow, Requirement, Requirement.deadline_months.is_not(None)) >= 3
        kinds = set(s.scalars(select(Appraisal.kind).distinct()))
        assert kinds == {"appraisal", "follow_up", "life_phase"}
        lacking = s.scalars(select(Employee.id).where(Employee.left_on.is_(None)).order_by(Employee.id)).all()
    statuses = {
        st.status for emp in lacking for st in compliance_card(UnitOfWork(sqlite_database), emp).standings
    }
    assert {RequirementStatus.MET, RequirementStatus.MISSING} <= statuses | {RequirementStatus.MISSING}
    assert any(
        s.status.lacking
        for emp in lacking[:150]
        for s in compliance_card(UnitOfWork(sqlite_database), emp).standings
    )
    due = appraisals_due(UnitOfWork(sqlite_database))
    assert due.overdue > 0 and due.due_soon > 0
