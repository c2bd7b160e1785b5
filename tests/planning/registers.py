"""A small hand-made register for the planning tests (docs/planning.md): four units, six people with
posts that make every heltidskultur figure worth computing by hand, and the mini framework.

Units: 1000 Fjordvik kommune → 100 Hjemmetjenesten → 110 Sone nord; 1000 → 200 Sykehjemmet.
Today is 01.03.2026. People, with their active posts (type) and desired FTE:

* Åse (1): 60 % in 100 (permanent) and 40 % in 200 (permanent): 100 % in total, full time in both units.
* Bjørn (2): 80 % in 110 (temporary); 30 % in 200 ended 31.12.2025; wants 100 %.
* Cecilie (3): 100 % in 200 (permanent) and 20 % in 100 (project): 120 %, above full time.
* Dag (4): 50 % in 100 (substitute); wants 50 %.
* Eli (5): 100 % in 100, left 31.01.2026: not counted.
* Frode (6): 75 % in 110 (type not given) and a 0 % verneombud verv in 100.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from competence import employees, units
from competence.uow import UnitOfWork
from db.models import Employee, Position
from tests.support.factories import MiniFramework, make_mini_framework

TODAY = dt.date(2026, 3, 1)


@dataclass
class PlanningRegister:
    units: dict[str, int]
    people: dict[str, int]
    framework: MiniFramework


#: name -> (number, desired FTE, left on, posts: (unit, fte, type, start, end))
PEOPLE: dict[
    str,
    tuple[
        str,
        float | None,
        dt.date | None,
        tuple[tuple[str, float, str | None, dt.date | None, dt.date | None], ...],
    ],
] = {
    "Åse": ("1", None, None, (("100", 60, "permanent", None, None), ("200", 40, "permanent", None, None))),
    "Bjørn": (
        "2",
        100,
        None,
        (
            ("110", 80, "temporary", None, None),
            ("200", 30, "permanent", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ),
    ),
    "Cecilie": ("3", None, None, (("200", 100, "permanent", None, None), ("100", 20, "project", None, None))),
    "Dag": ("4", 50, None, (("100", 50, "substitute", None, None),)),
    "Eli": ("5", None, dt.date(2026, 1, 31), (("100", 100, "permanent", None, dt.date(2026, 1, 31)),)),
    "Frode": ("6", None, None, (("110", 75, None, None, None), ("100", 0, None, None, None))),
}


def build_planning_register(uow: UnitOfWork) -> PlanningRegister:
    framework = make_mini_framework(uow)
    root = units.create_unit(uow, "1000", "Fjordvik kommune").id
    home = units.create_unit(uow, "100", "Hjemmetjenesten", parent_id=root).id
    north = units.create_unit(uow, "110", "Sone nord", parent_id=home).id
    nursing = units.create_unit(uow, "200", "Sykehjemmet", parent_id=root).id
    unit_ids = {"1000": root, "100": home, "110": north, "200": nursing}
    people: dict[str, int] = {}
    for first, (number, _desired, _left, posts) in PEOPLE.items():
        emp = employees.create_employee(uow, number, first, "Aasen")
        people[first] = emp.id
        for unit, fte, _kind, start, end in posts:
            employees.add_position(
                uow,
                emp.id,
                employees.PositionInput(unit_ids[unit], "Pleier", None, fte, start_date=start, end_date=end),
            )
    with uow:
        s = uow.session
        for first, (_number, desired, left, posts) in PEOPLE.items():
            emp = s.get(Employee, people[first])
            assert emp is not None
            emp.desired_fte = desired
            emp.left_on = left
            kinds = {(unit_ids[unit], fte): kind for unit, fte, kind, _s, _e in posts}
            for pos in s.query(Position).filter(Position.employee_id == emp.id):
                pos.employment_type = kinds[(pos.unit_id, pos.fte_percent)]
        uow.commit()
    return PlanningRegister(unit_ids, people, framework)
