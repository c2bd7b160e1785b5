"""A small hand-built register whose gap figures the tests compute by hand (see tests/test_gap.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from competence import assessments, certificates, employees, roles, units
from competence.uow import UnitOfWork
from tests.support.factories import MiniFramework, make_mini_framework

TODAY = dt.date(2026, 11, 22)


@dataclass
class Register:
    fw: MiniFramework
    u1: int
    u2: int
    e1: int
    e2: int
    e3: int

    def comp(self, key: str) -> int:
        return self.fw.competence_ids[key]


def build_register(uow: UnitOfWork) -> Register:
    """Build the register of tests/test_gap.py's docstring; set KOMPETANSE_TODAY to TODAY first."""
    fw = make_mini_framework(uow)
    c = fw.competence_ids
    u1 = units.create_unit(uow, "1", "Sentrum")
    u2 = units.create_unit(uow, "2", "Nord", parent_id=u1.id)
    role_a = roles.create_role(uow, "Rolle A")
    role_b = roles.create_role(uow, "Rolle B")
    roles.set_requirement(uow, role_a.id, c["dig-1"], 3)
    roles.set_requirement(uow, role_a.id, c["dig-2"], 6)
    roles.set_requirement(uow, role_a.id, c["hms-cert"], 1)
    roles.set_requirement(uow, role_b.id, c["dig-1"], 2)
    roles.set_requirement(uow, role_b.id, c["hms-1"], 4)
    e1 = employees.create_employee(uow, "1", "Eva", "Én")
    e2 = employees.create_employee(uow, "2", "Per", "Tø")
    e3 = employees.create_employee(uow, "3", "Åse", "Tre")
    employees.add_position(uow, e1.id, employees.PositionInput(u1.id, "A", role_a.id, 100))
    employees.add_position(uow, e2.id, employees.PositionInput(u1.id, "A", role_a.id, 60))
    employees.add_position(uow, e3.id, employees.PositionInput(u1.id, "A", role_a.id, 50))
    employees.add_position(uow, e3.id, employees.PositionInput(u2.id, "B", role_b.id, 30))

    def assess(emp: int, key: str, level: int, on: dt.date) -> None:
        assessments.record_assessment(uow, assessments.NewAssessment(emp, c[key], level, on, "leader"))

    assess(e1.id, "dig-1", 1, dt.date(2024, 1, 1))
    assess(e1.id, "dig-1", 4, dt.date(2025, 6, 1))
    assess(e1.id, "dig-2", 3, dt.date(2025, 6, 1))
    assess(e2.id, "dig-1", 2, dt.date(2024, 6, 1))
    assess(e3.id, "dig-1", 3, dt.date(2025, 3, 1))
    assess(e3.id, "dig-2", 6, dt.date(2025, 3, 1))
    assess(e3.id, "hms-1", 2, dt.date(2025, 3, 1))
    cert = certificates.CertificateInput
    certificates.add_certificate(
        uow, e1.id, cert("", dt.date(2024, 5, 1), dt.date(2027, 5, 1), c["hms-cert"])
    )
    certificates.add_certificate(
        uow, e2.id, cert("", dt.date(2021, 1, 1), dt.date(2024, 1, 1), c["hms-cert"])
    )
    certificates.add_certificate(
        uow, e3.id, cert("Førstehjelp", dt.date(2024, 12, 22), TODAY + dt.timedelta(30))
    )
    return Register(fw, u1.id, u2.id, e1.id, e2.id, e3.id)
