"""A small register for the export tests, built through the services (today pinned to 2026-11-22).

* Units 10 "Helse og omsorg" with sub-unit 11 "Hjemmetjenesten Øst", and 20 "=Teknisk" (a name a
  spreadsheet would run as a formula).
* Role "Sykepleier" requires dig-1 3/4, dig-2 6/8 (critical), hms-cert; role "Fagleder" requires
  dig-1 2/4 and hms-1 4/4.
* Åse Ødegård (1001, Sykepleier in 10 and Fagleder in 11), Per Ærlig (1002, Sykepleier in 10, 60 %),
  "-Bjørn" "@Lie" (1003, Fagleder in 11) whose names start with formula characters, and Kari Nord
  (2001, Fagleder in 20).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from competence import appraisals, assessments, certificates, employees, goals, roles, settings, units
from competence.uow import UnitOfWork
from tests.support.factories import MiniFramework, make_mini_framework

TODAY = dt.date(2026, 11, 22)


@dataclass
class ExportRegister:
    fw: MiniFramework
    helse: int
    ost: int
    teknisk: int
    ase: int
    per: int
    bjorn: int
    kari: int
    sykepleier: int
    fagleder: int

    def comp(self, key: str) -> int:
        return self.fw.competence_ids[key]


def build_register(uow: UnitOfWork) -> ExportRegister:
    fw = make_mini_framework(uow)
    c = fw.competence_ids
    settings.save_settings(uow, settings.RegisterSettings(municipality="Østre Toten kommune"))
    helse = units.create_unit(uow, "10", "Helse og omsorg")
    ost = units.create_unit(uow, "11", "Hjemmetjenesten Øst", parent_id=helse.id)
    teknisk = units.create_unit(uow, "20", "=Teknisk")
    syk = roles.create_role(uow, "Sykepleier")
    leder = roles.create_role(uow, "Fagleder")
    roles.set_requirement(uow, syk.id, c["dig-1"], 3)
    roles.set_requirement(uow, syk.id, c["dig-2"], 6)
    roles.set_requirement(uow, syk.id, c["hms-cert"], 1)
    roles.set_requirement(uow, leder.id, c["dig-1"], 2)
    roles.set_requirement(uow, leder.id, c["hms-1"], 4)
    ase = employees.create_employee(uow, "1001", "Åse", "Ødegård")
    per = employees.create_employee(uow, "1002", "Per", "Ærlig")
    bjorn = employees.create_employee(uow, "1003", "-Bjørn", "@Lie")
    kari = employees.create_employee(uow, "2001", "Kari", "Nord")
    pos = employees.PositionInput
    employees.add_position(uow, ase.id, pos(helse.id, "Sykepleier", syk.id, 50))
    employees.add_position(uow, ase.id, pos(ost.id, "Fagleder", leder.id, 30))
    employees.add_position(uow, per.id, pos(helse.id, "Sykepleier", syk.id, 60))
    employees.add_position(uow, bjorn.id, pos(ost.id, "Fagleder", leder.id, 100))
    employees.add_position(uow, kari.id, pos(teknisk.id, "Fagleder", leder.id, 100))

    def assess(emp: int, key: str, level: int, on: dt.date) -> None:
        assessments.record_assessment(uow, assessments.NewAssessment(emp, c[key], level, on, "leader"))

    assess(ase.id, "dig-1", 3, dt.date(2025, 3, 1))
    assess(ase.id, "dig-2", 6, dt.date(2025, 3, 1))
    assess(ase.id, "hms-1", 2, dt.date(2025, 3, 1))
    assess(per.id, "dig-1", 2, dt.date(2024, 6, 1))
    assess(bjorn.id, "dig-1", 1, dt.date(2025, 1, 10))
    assess(kari.id, "hms-1", 4, dt.date(2025, 1, 10))
    cert = certificates.CertificateInput
    certificates.add_certificate(
        uow, ase.id, cert("", dt.date(2024, 5, 1), dt.date(2027, 5, 1), c["hms-cert"])
    )
    certificates.add_certificate(
        uow, per.id, cert("", dt.date(2021, 1, 1), dt.date(2024, 1, 1), c["hms-cert"])
    )
    certificates.add_certificate(
        uow, ase.id, cert("Førstehjelp", dt.date(2024, 12, 22), TODAY + dt.timedelta(30))
    )
    talk = appraisals.record_appraisal(
        uow,
        ase.id,
        appraisals.AppraisalInput(
            dt.date(2025, 11, 3), leader_name="Lise Leder", summary="Trives godt.", notes="Ønsker mer ansvar."
        ),
    )
    goals.add_goal(
        uow,
        ase.id,
        goals.GoalInput(
            "Kurs i risikovurdering på sykehjem",
            "course",
            competence_id=c["hms-1"],
            target_level=4,
            start_on=dt.date(2026, 1, 5),
            due_on=dt.date(2026, 6, 30),
            status="in_progress",
            hours=14,
            cost_nok=4500,
            appraisal_id=talk.id,
        ),
    )
    goals.add_goal(
        uow,
        per.id,
        goals.GoalInput(
            '=HYPERLINK("http://x") e-læring',
            "e_learning",
            competence_id=c["dig-1"],
            target_level=3,
            due_on=dt.date(2026, 3, 1),
            hours=6,
        ),
    )
    return ExportRegister(
        fw, helse.id, ost.id, teknisk.id, ase.id, per.id, bjorn.id, kari.id, syk.id, leder.id
    )


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def register(uow: UnitOfWork, pinned_today: dt.date) -> ExportRegister:
    return build_register(uow)


@pytest.fixture
def sqlite_register(sqlite_uow: UnitOfWork, pinned_today: dt.date) -> ExportRegister:
    return build_register(sqlite_uow)
