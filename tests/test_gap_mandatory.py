"""The heatmap and its drill-down tell *mangler* apart (docs/compliance.md), and figures on an earlier
date follow the register's rule for whose assessment counts, as today's do.

Hand-computed on a small register: four leaders required to hold the HMS course (mandatory), one
with a valid certificate, one whose certificate expired, one who never took it, and one whose role
asks for the course as desirable only; and a skill with the leader's and the employee's own levels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from competence import assessments, employees, gap, roles, settings, units
from competence.certificates import CertificateInput, add_certificate
from competence.uow import UnitOfWork
from db.codes import LevelSource
from tests.support.factories import make_mini_framework

D = dt.date


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-06-01")
    fw = make_mini_framework(uow)
    hms, dig = fw.competence_ids["hms-cert"], fw.competence_ids["dig-1"]
    unit = units.create_unit(uow, "100", "Sengepost").id
    leader = roles.create_role(uow, "Avdelingsleder").id
    deputy = roles.create_role(uow, "Stedfortreder").id
    roles.set_requirement(uow, leader, hms, 1)  # mandatory
    roles.set_requirement(uow, leader, dig, 3)
    roles.set_requirement(uow, deputy, hms, 1, mandatory=False)
    ids: dict[str, int] = {"unit": unit, "hms": hms, "dig": dig}
    for no, name, role in (
        ("1", "Anne", leader),
        ("2", "Bjørn", leader),
        ("3", "Cecilie", leader),
        ("4", "Dag", deputy),
    ):
        emp = employees.create_employee(uow, no, name, "Testesen").id
        employees.add_position(uow, emp, employees.PositionInput(unit, "Leder", role, 100, D(2020, 1, 1)))
        ids[name] = emp
    add_certificate(uow, ids["Anne"], CertificateInput("HMS for ledere", D(2025, 3, 1), competence_id=hms))
    add_certificate(  # expired at the end of 2025
        uow,
        ids["Bjørn"],
        CertificateInput("HMS for ledere", D(2022, 3, 1), D(2025, 12, 31), competence_id=hms),
    )
    # Cecilie never took it; Dag neither, but his role only wishes for it
    new = assessments.NewAssessment
    assessments.record_assessment(uow, new(ids["Anne"], dig, 2, D(2025, 1, 10), "leader"))
    assessments.record_assessment(uow, new(ids["Anne"], dig, 4, D(2025, 6, 1), "self"))
    return ids


def test_the_heatmap_counts_the_mandatory_courses_missing(uow: UnitOfWork, register: dict[str, int]) -> None:
    heat = gap.unit_heatmap(uow, unit_id=register["unit"])
    cell = heat.cell(register["unit"], register["hms"])
    assert cell is not None
    assert (cell.people, cell.met, cell.not_assessed, cell.missing) == (4, 1, 0, 2)
    total = heat.totals[register["hms"]]
    assert (total.people, total.met, total.missing) == (4, 1, 2)
    skill = heat.cell(register["unit"], register["dig"])
    assert skill is not None and skill.missing == 0  # a skill is a gap or not assessed, never missing
    # the whole municipality (two halves run side by side and merged) says the same
    whole = gap.unit_heatmap(uow)
    assert whole.totals[register["hms"]].missing == 2
    assert whole.cell(register["unit"], register["hms"]) == cell


def test_the_drill_down_names_who_lacks_the_course_first(uow: UnitOfWork, register: dict[str, int]) -> None:
    people = gap.cell_people(uow, register["unit"], register["hms"])
    assert [(p.name, p.status) for p in people] == [
        ("Bjørn Testesen", "missing"),
        ("Cecilie Testesen", "missing"),
        ("Dag Testesen", "gap"),
        ("Anne Testesen", "met"),
    ]


def test_the_profile_says_since_when_a_mandatory_course_is_lacking(
    uow: UnitOfWork, register: dict[str, int]
) -> None:
    """From the day after the certificate ran out (Bjørn), or from when the post began (Cecilie)."""

    def lacking(name: str) -> tuple[object, object]:
        item = next(
            i for i in gap.employee_profile(uow, register[name]).items if i.competence.id == register["hms"]
        )
        return item.lacking, item.lacking_since

    assert lacking("Bjørn")[1] == D(2026, 1, 1)
    assert lacking("Cecilie")[1] == D(2020, 1, 1)
    assert lacking("Anne") == (None, None)


def test_the_profile_shows_a_course_held_at_its_scales_top_and_one_run_out_at_its_lowest(
    uow: UnitOfWork, register: dict[str, int]
) -> None:
    """A course's scale has two levels (0: not held, 1: held); the profile names the level as the
    certificates make it, and a skill's level that counts beside the employee's own newer one."""

    def item(name: str, competence: str) -> tuple[object, ...]:
        found = next(
            i
            for i in gap.employee_profile(uow, register[name]).items
            if i.competence.id == register[competence]
        )
        own = found.self_level.ordinal if found.self_level is not None else None
        return found.current_level, found.current_percent, found.assessed_on, own

    assert item("Anne", "hms") == (1, 100.0, D(2025, 3, 1), None)
    assert item("Bjørn", "hms") == (0, 0.0, D(2022, 3, 1), None)
    assert item("Cecilie", "hms") == (None, None, None, None)
    assert item("Anne", "dig") == (2, 50.0, D(2025, 1, 10), 4)


def test_an_earlier_date_counts_the_leaders_level_not_the_employees_own(
    uow: UnitOfWork, register: dict[str, int]
) -> None:
    """On 01.09.2025 Anne's newest assessment is her own 4; the leader's 2 is the level that counts,
    below the required 3. With the newest of any source, her own 4 counts and meets it."""
    on = D(2025, 9, 1)
    unit, dig = register["unit"], register["dig"]

    def figures() -> tuple[int, int, list[int | None]]:
        cell = gap.unit_heatmap(uow, unit_id=unit, at=on).cell(unit, dig)
        assert cell is not None
        (point,) = gap.trend(uow, dates=[on], unit_id=unit)
        anne = [p for p in gap.cell_people(uow, unit, dig, at=on) if p.name.startswith("Anne")]
        assert point.requirements == 7  # 4 courses and 3 skills
        return cell.met, point.met, [p.current_level for p in anne]

    # of the trend's 7: Anne's course and Bjørn's (still valid then) are met, no skill
    assert figures() == (0, 2, [2])
    current = settings.get_settings(uow)
    settings.save_settings(uow, replace(current, level_source=LevelSource.NEWEST.value))
    assert figures() == (1, 3, [4])
