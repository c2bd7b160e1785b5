"""The level that counts (docs/compliance.md): the leader's newest assessment, with self-assessments
kept beside it; or, when the municipality chooses so in Innstillinger, the newest of any source."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from competence import assessments, employees, settings
from competence.uow import UnitOfWork
from db.codes import LevelSource
from tests.support.factories import make_mini_framework

D = dt.date


def _assess(uow: UnitOfWork, emp: int, comp: int, level: int, on: dt.date, source: str) -> None:
    assessments.record_assessment(uow, assessments.NewAssessment(emp, comp, level, on, source))


def _current(uow: UnitOfWork, emp: int, comp: int) -> tuple[int, str] | None:
    found = assessments.current_levels(uow, emp).get(comp)
    return None if found is None else (found.level_ordinal, found.source)


def test_a_newer_self_assessment_does_not_replace_the_leaders_level(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    comp = fw.competence_ids["dig-1"]
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann").id
    _assess(uow, emp, comp, 1, D(2025, 1, 10), "self")
    assert _current(uow, emp, comp) is None  # a self-assessment alone: not assessed by the leader
    _assess(uow, emp, comp, 2, D(2025, 3, 1), "leader")
    _assess(uow, emp, comp, 4, D(2025, 9, 1), "self")
    assert _current(uow, emp, comp) == (2, "leader")
    _assess(uow, emp, comp, 3, D(2025, 10, 1), "course")  # a course counts like the leader
    assert _current(uow, emp, comp) == (3, "course")
    assert [a.level_ordinal for a in assessments.history(uow, emp, comp)] == [3, 4, 2, 1]  # all kept


def test_choosing_newest_of_any_source_recomputes_every_pair_and_back(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    comp = fw.competence_ids["dig-1"]
    other = fw.competence_ids["hms-1"]
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann").id
    _assess(uow, emp, comp, 2, D(2025, 3, 1), "leader")
    _assess(uow, emp, comp, 4, D(2025, 9, 1), "self")
    _assess(uow, emp, other, 1, D(2025, 9, 1), "self")
    current = settings.get_settings(uow)
    settings.save_settings(uow, replace(current, level_source=LevelSource.NEWEST.value))
    assert _current(uow, emp, comp) == (4, "self") and _current(uow, emp, other) == (1, "self")
    _assess(uow, emp, comp, 3, D(2025, 10, 1), "self")  # under this setting, a new one counts at once
    assert _current(uow, emp, comp) == (3, "self")
    settings.save_settings(uow, replace(current, level_source=LevelSource.LEADER.value))
    assert _current(uow, emp, comp) == (2, "leader") and _current(uow, emp, other) is None
    with uow:
        assert assessments.refresh_current_flags(uow.session) == 0


def test_the_profile_and_the_plan_show_self_and_leader_side_by_side(
    uow: UnitOfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leader 2 (01.03.2025), then the employee's own 4 (01.09.2025): the profile counts 2 and shows
    4 beside it, two levels higher; on a date before the self-assessment there is none; with the
    newest of any source the own level counts. The plan for the talk prints both."""
    from pypdf import PdfReader

    from competence import gap, roles, units
    from competence.export.pdf.plan import export_plan

    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-10-01")
    fw = make_mini_framework(uow)
    comp = fw.competence_ids["dig-1"]
    unit = units.create_unit(uow, "100", "Sengepost").id
    role = roles.create_role(uow, "Sykepleier").id
    roles.set_requirement(uow, role, comp, 3)
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann").id
    employees.add_position(uow, emp, employees.PositionInput(unit, "Sykepleier", role, 100, D(2020, 1, 1)))
    _assess(uow, emp, comp, 2, D(2025, 3, 1), "leader")
    _assess(uow, emp, comp, 4, D(2025, 9, 1), "self")

    (item,) = gap.employee_profile(uow, emp).items
    assert (item.current_level, item.status, item.self_difference) == (2, "gap", 2)
    assert item.self_level is not None and (item.self_level.ordinal, item.self_level.assessed_on) == (
        4,
        D(2025, 9, 1),
    )
    (earlier,) = gap.employee_profile(uow, emp, at=D(2025, 6, 1)).items
    assert (earlier.current_level, earlier.self_level) == (2, None)

    plan = tmp_path / "plan.pdf"
    export_plan(uow, "1", plan)
    text = " ".join(page.extract_text() for page in PdfReader(plan).pages)
    assert "Egen" in text and "4 Nivå 4 (+2)" in text

    current = settings.get_settings(uow)
    settings.save_settings(uow, replace(current, level_source=LevelSource.NEWEST.value))
    (newest,) = gap.employee_profile(uow, emp).items
    assert (newest.current_level, newest.status, newest.self_difference) == (4, "met", 0)


def test_the_plan_marks_the_goals_agreed_at_this_talk(uow: UnitOfWork, tmp_path: Path) -> None:
    """A goal agreed at the talk the plan is printed for says so; one from an earlier talk says when."""
    from pypdf import PdfReader

    from competence import appraisals, goals, units
    from competence.export.pdf.plan import export_plan

    fw = make_mini_framework(uow)
    unit = units.create_unit(uow, "100", "Sengepost").id
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann").id
    employees.add_position(uow, emp, employees.PositionInput(unit, "Sykepleier", None, 100, D(2020, 1, 1)))
    earlier = appraisals.record_appraisal(uow, emp, appraisals.AppraisalInput(D(2025, 3, 1))).id
    today_talk = appraisals.record_appraisal(uow, emp, appraisals.AppraisalInput(D(2026, 3, 1))).id
    dig = fw.competence_ids["dig-1"]
    goals.add_goal(uow, emp, goals.GoalInput("Teams-kurs", "course", dig, appraisal_id=earlier))
    goals.add_goal(uow, emp, goals.GoalInput("Hospitering", "job_shadowing", dig, appraisal_id=today_talk))
    goals.add_goal(uow, emp, goals.GoalInput("Lese veileder", "on_the_job", dig))
    plan = tmp_path / "plan.pdf"
    export_plan(uow, "1", plan, talk_on=D(2026, 3, 1))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(plan).pages).split())
    assert "Hospitering – avtalt i denne samtalen" in text
    assert "Teams-kurs – avtalt 01.03.2025" in text
    assert "Lese veileder –" not in text
