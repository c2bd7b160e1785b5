"""Closing the loop (docs/compliance.md): completing a goal records the level or the certificate it
aimed at in the same transaction; a course certificate records the level it gives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from competence import assessments, certificates, employees, goals
from competence.errors import ValidationError
from competence.uow import UnitOfWork
from db.models import Assessment, Certificate, LearningGoal
from tests.support.factories import MiniFramework, make_mini_framework

D = dt.date
TODAY = D(2026, 3, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())


def _setup(uow: UnitOfWork) -> tuple[MiniFramework, int]:
    fw = make_mini_framework(uow)
    return fw, employees.create_employee(uow, "1", "Kari", "Nordmann").id


def _count(uow: UnitOfWork, model: type) -> int:
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_completing_a_skill_goal_records_the_level_it_aimed_at(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    dig = fw.competence_ids["dig-1"]
    goal = goals.add_goal(
        uow, emp, goals.GoalInput("Teams-kurs", "mentoring", dig, target_level=3, status="in_progress")
    )
    done = goals.complete_goal(
        uow, goal.id, goals.Completion(level=3), expected_version=goal.version, result="Bruker Teams daglig"
    )
    assert (done.status, done.result) == ("completed", "Bruker Teams daglig")
    current = assessments.current_levels(uow, emp)[dig]
    assert (current.level_ordinal, current.source, current.assessor, current.assessed_on) == (
        3,
        "leader",
        "testleder" if uow.dialect == "sqlite" else uow.actor,
        TODAY,
    )
    assert current.note == "Utviklingsmål fullført: Teams-kurs"


def test_a_course_with_a_certificate_records_the_level_as_given_by_the_course(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    dig = fw.competence_ids["dig-2"]
    goal = goals.add_goal(
        uow, emp, goals.GoalInput("Kurs i informasjonssikkerhet", "course", dig, target_level=5)
    )
    cert = certificates.CertificateInput("", D(2026, 2, 20), issuer="KS Læring")
    goals.complete_goal(
        uow, goal.id, goals.Completion(level=5, certificate=cert), expected_version=goal.version
    )
    current = assessments.current_levels(uow, emp)[dig]
    assert (current.level_ordinal, current.source, current.assessor, current.assessed_on) == (
        5,
        "course",
        "KS Læring",
        D(2026, 2, 20),
    )
    (held,) = certificates.certificates_of(uow, emp)
    assert (held.name, held.competence_id, held.issuer) == ("Kurs i informasjonssikkerhet", None, "KS Læring")


def test_completing_a_course_goal_records_its_certificate_with_the_validity(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    hms = fw.competence_ids["hms-cert"]  # valid 36 months
    goal = goals.add_goal(uow, emp, goals.GoalInput("HMS-kurs for ledere", "course", hms))
    cert = certificates.CertificateInput("", D(2026, 2, 1))
    goals.complete_goal(uow, goal.id, goals.Completion(certificate=cert), expected_version=goal.version)
    (held,) = certificates.certificates_of(uow, emp)
    assert (held.name, held.competence_id, held.valid_until) == (
        "HMS-opplæring for ledere",
        hms,
        D(2029, 2, 1),
    )


def test_a_bad_completion_changes_nothing(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    hms = fw.competence_ids["hms-cert"]
    goal = goals.add_goal(uow, emp, goals.GoalInput("HMS-kurs", "course", hms, status="in_progress"))
    future = certificates.CertificateInput("", D(2026, 12, 1))  # a completion date in the future
    with pytest.raises(ValidationError):
        goals.complete_goal(uow, goal.id, goals.Completion(certificate=future), expected_version=goal.version)
    with pytest.raises(ValidationError) as info:  # a course is not assessed by level
        goals.complete_goal(uow, goal.id, goals.Completion(level=1), expected_version=goal.version)
    assert info.value.field == "level"
    with uow:
        assert uow.session.get(LearningGoal, goal.id).status == "in_progress"  # type: ignore[union-attr]
    assert _count(uow, Certificate) == 0 and _count(uow, Assessment) == 0


def test_editing_a_goal_to_completed_records_the_completion_too(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    dig = fw.competence_ids["dig-1"]
    goal = goals.add_goal(uow, emp, goals.GoalInput("Hospitering", "job_shadowing", dig, target_level=2))
    data = goals.GoalInput("Hospitering", "job_shadowing", dig, target_level=2, status="completed")
    goals.update_goal(uow, goal.id, data, expected_version=goal.version, completion=goals.Completion(level=2))
    assert assessments.current_levels(uow, emp)[dig].level_ordinal == 2


def test_a_certificate_for_a_course_that_gives_a_level(uow: UnitOfWork) -> None:
    fw, emp = _setup(uow)
    dig = fw.competence_ids["dig-1"]
    certificates.add_certificate(
        uow,
        emp,
        certificates.CertificateInput(
            "Excel for viderekomne",
            D(2026, 1, 15),
            issuer="Fagskolen",
            covers_competence_id=dig,
            covers_level=4,
        ),
    )
    current = assessments.current_levels(uow, emp)[dig]
    assert (current.level_ordinal, current.source, current.note) == (
        4,
        "course",
        "Kursbevis: Excel for viderekomne",
    )
    with pytest.raises(ValidationError):
        certificates.add_certificate(
            uow, emp, certificates.CertificateInput("Excel", D(2026, 1, 15), covers_competence_id=dig)
        )
    assert _count(uow, Certificate) == 1
