"""A small register for the UI tests, built through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from competence.assessments import NewAssessment, record_assessment
from competence.employees import PositionInput, add_position, create_employee, mark_left
from competence.roles import create_role, set_requirement
from competence.units import create_unit
from competence.uow import UnitOfWork
from tests.support.factories import MiniFramework, make_mini_framework


@dataclass
class Register:
    fw: MiniFramework
    units: dict[str, int]
    roles: dict[str, int]
    people: dict[str, int]


def build_register(uow: UnitOfWork) -> Register:
    """Two units under a sector, two roles, five people (one has left), a few assessments."""
    fw = make_mini_framework(uow)
    sector = create_unit(uow, "100", "Helse og omsorg").id
    home = create_unit(uow, "110", "Hjemmetjenesten", parent_id=sector).id
    school = create_unit(uow, "200", "Fjordvik skole").id
    nurse = create_role(uow, "Sykepleier").id
    teacher = create_role(uow, "Lærer").id
    set_requirement(uow, nurse, fw.competence_ids["dig-1"], 3)
    set_requirement(uow, nurse, fw.competence_ids["dig-2"], 5)
    set_requirement(uow, teacher, fw.competence_ids["dig-1"], 2)
    specs = [
        ("aase", 1001, "Åse", "Ødegård", home, nurse, 80.0),
        ("bjorn", 1002, "Bjørn", "Sæther", home, nurse, 100.0),
        ("kari", 1003, "Kari", "Andersen", school, teacher, 100.0),
        ("zed", 1004, "Zacharias", "Berg", school, teacher, 50.0),
        ("left", 1005, "Lise", "Aas", home, nurse, 100.0),
    ]
    people: dict[str, int] = {}
    for key, number, first, last, unit, role, fte in specs:
        emp = create_employee(uow, number, first, last, email=f"{key}@fjordvik.kommune.no")
        add_position(
            uow, emp.id, PositionInput(unit_id=unit, title=f"Stilling {key}", role_id=role, fte_percent=fte)
        )
        people[key] = emp.id
    mark_left(uow, people["left"], dt.date(2024, 1, 31), expected_version=None)
    dig2 = fw.competence_ids["dig-2"]
    record_assessment(uow, NewAssessment(people["aase"], dig2, 6, assessed_on=dt.date(2024, 3, 1)))
    record_assessment(uow, NewAssessment(people["bjorn"], dig2, 4, assessed_on=dt.date(2024, 3, 1)))
    record_assessment(uow, NewAssessment(people["kari"], dig2, 7, assessed_on=dt.date(2024, 3, 1)))
    return Register(
        fw, {"sector": sector, "home": home, "school": school}, {"nurse": nurse, "teacher": teacher}, people
    )
