"""The level that counts (docs/compliance.md): the leader's newest assessment, with self-assessments
kept beside it; or, when the municipality chooses so in Innstillinger, the newest of any source."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

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
