"""Requirements have a history (docs/compliance.md): a change is a new period from the day it takes
effect, removing ends it, and the requirements in force on a date are the ones of that date."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from competence import qualifications, roles
from competence.errors import ValidationError
from competence.uow import UnitOfWork
from db.models import Requirement
from tests.support.factories import make_mini_framework

D = dt.date


def _periods(uow: UnitOfWork, role_id: int) -> list[tuple[int | None, dt.date | None, dt.date | None]]:
    with uow:
        rows = uow.session.execute(
            select(Requirement.level_id, Requirement.valid_from, Requirement.valid_to)
            .where(Requirement.role_id == role_id)
            .order_by(Requirement.id)
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_change_is_a_new_period_and_the_old_one_stays(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    role = roles.create_role(uow, "Sykepleier")
    dig = fw.competence_ids["dig-1"]
    first = roles.set_requirement(uow, role.id, dig, 2)  # from the start
    assert (first.valid_from, first.valid_to, first.level_ordinal) == (None, None, 2)
    second = roles.set_requirement(uow, role.id, dig, 3, valid_from=D(2026, 1, 1))
    assert (second.valid_from, second.valid_to, second.level_ordinal) == (D(2026, 1, 1), None, 3)
    history = roles.requirement_history(uow, role.id, competence_id=dig)
    assert [(r.level_ordinal, r.valid_from, r.valid_to) for r in history] == [  # type: ignore[union-attr]
        (2, None, D(2025, 12, 31)),
        (3, D(2026, 1, 1), None),
    ]
    with uow:
        s = uow.session
        assert [r.level_ordinal for r in roles.role_requirements(s, role.id, at=D(2025, 6, 1))] == [2]
        assert [r.level_ordinal for r in roles.role_requirements(s, role.id, at=D(2026, 6, 1))] == [3]
        assert [r.level_ordinal for r in roles.role_requirements(s, role.id)] == [3]
    assert roles.list_roles(uow)[0].requirement_count == 1


def test_the_same_day_corrects_in_place_and_an_earlier_day_is_refused(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    role = roles.create_role(uow, "Sykepleier")
    dig = fw.competence_ids["dig-1"]
    roles.set_requirement(uow, role.id, dig, 2, valid_from=D(2026, 1, 1))
    roles.set_requirement(uow, role.id, dig, 3, valid_from=D(2026, 1, 1))  # a correction
    roles.set_requirement(uow, role.id, dig, 4)  # None: a correction too
    assert len(_periods(uow, role.id)) == 1
    with pytest.raises(ValidationError) as info:
        roles.set_requirement(uow, role.id, dig, 2, valid_from=D(2025, 6, 1))
    assert "01.01.2026" in info.value.message("nb") and info.value.field == "valid_from"
    # the same terms from a later date make no new period
    roles.set_requirement(uow, role.id, dig, 4, valid_from=D(2026, 5, 1))
    assert len(_periods(uow, role.id)) == 1


def test_removing_ends_the_period_and_a_new_one_starts_after_it(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    fw = make_mini_framework(uow)
    role = roles.create_role(uow, "Sykepleier")
    dig = fw.competence_ids["dig-1"]
    roles.set_requirement(uow, role.id, dig, 2)
    roles.remove_requirement(uow, role.id, dig)
    assert [(f, t) for _, f, t in _periods(uow, role.id)] == [(None, D(2026, 2, 28))]
    assert roles.requirements_of(uow, role.id) == []
    again = roles.set_requirement(uow, role.id, dig, 3)  # "from the start" cannot overlap the old period
    assert again.valid_from == D(2026, 3, 1)
    # a period that never took effect is simply deleted
    roles.set_requirement(uow, role.id, dig, 4, valid_from=D(2026, 9, 1))
    roles.remove_requirement(uow, role.id, dig, from_date=D(2026, 9, 1))
    assert [(f, t) for _, f, t in _periods(uow, role.id)] == [
        (None, D(2026, 2, 28)),
        (D(2026, 3, 1), D(2026, 8, 31)),
    ]


def test_a_deadline_belongs_to_mandatory_documented_requirements(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    role = roles.create_role(uow, "Enhetsleder")
    hms = roles.set_requirement(uow, role.id, fw.competence_ids["hms-cert"], 1, deadline_months=6)
    assert hms.deadline_months == 6
    with pytest.raises(ValidationError) as info:
        roles.set_requirement(uow, role.id, fw.competence_ids["dig-1"], 2, deadline_months=6)
    assert info.value.field == "deadline_months" and "ferdighet" in info.value.message("nb")
    with pytest.raises(ValidationError):
        roles.set_requirement(
            uow, role.id, fw.competence_ids["hms-cert"], 1, mandatory=False, deadline_months=6
        )
    with pytest.raises(ValidationError):
        roles.set_requirement(uow, role.id, fw.competence_ids["hms-cert"], 1, deadline_months=0)


def test_a_role_requires_a_qualification(uow: UnitOfWork) -> None:
    role = roles.create_role(uow, "Pedagogisk leder")
    q = qualifications.create_qualification(
        uow,
        qualifications.QualificationInput("education", "Barnehagelærerutdanning", education_level="bachelor"),
    )
    req = roles.set_qualification_requirement(uow, role.id, q.id, deadline_months=12)
    assert (req.qualification_id, req.mandatory, req.deadline_months) == (q.id, True, 12)
    loaded = roles.role_profile(uow, role.id)
    assert loaded.competences == () and [r.qualification_id for r in loaded.qualifications] == [q.id]
    assert roles.list_roles(uow)[0].requirement_count == 1
    assert qualifications.list_qualifications(uow)[0].required_by == 1
    roles.remove_qualification_requirement(uow, role.id, q.id, from_date=D(2030, 1, 1))
    assert roles.role_profile(uow, role.id).qualifications == ()


def test_the_gap_analysis_uses_the_requirement_in_force_on_its_date(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sykepleier required dig-1 at level 2, and from 01.01.2026 at level 4. A nurse assessed at 3
    met it in 2025 and falls short by one level (25 points on a 4-level scale) now; the changed
    requirement is one requirement on each date, never two."""
    from competence import assessments, employees, gap, units

    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    fw = make_mini_framework(uow)
    dig = fw.competence_ids["dig-1"]
    unit = units.create_unit(uow, "100", "Sengepost").id
    role = roles.create_role(uow, "Sykepleier")
    roles.set_requirement(uow, role.id, dig, 2)
    roles.set_requirement(uow, role.id, dig, 4, valid_from=D(2026, 1, 1))
    emp = employees.create_employee(uow, "1", "Siri", "Sykepleier").id
    employees.add_position(uow, emp, employees.PositionInput(unit, "Sykepleier", role.id, 100, D(2020, 1, 1)))
    assessments.record_assessment(uow, assessments.NewAssessment(emp, dig, 3, D(2025, 6, 1)))

    now, then = gap.employee_profile(uow, emp), gap.employee_profile(uow, emp, at=D(2025, 12, 1))
    assert [(i.required_level, i.status, i.gap) for i in now.items] == [(4, "gap", 25.0)]
    assert [(i.required_level, i.status, i.gap) for i in then.items] == [(2, "met", 0.0)]
    cell_now = gap.unit_heatmap(uow, unit_id=unit).cells[(unit, dig)]
    cell_then = gap.unit_heatmap(uow, unit_id=unit, at=D(2025, 12, 1)).cells[(unit, dig)]
    assert (cell_now.people, cell_now.met, cell_now.mean_gap) == (1, 0, 25.0)
    assert (cell_then.people, cell_then.met, cell_then.mean_gap) == (1, 1, 0.0)
