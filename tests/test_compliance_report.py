"""Who lacks a mandatory requirement, per unit (docs/compliance.md), computed by hand on a small
register: a never-taken HMS course, one that expired, one in time, a qualification held, lacking
and waived by a dispensation, and a requirement that a role carries only from a date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import update

from competence import employees, qualifications, roles, units
from competence.certificates import CertificateInput, add_certificate
from competence.compliance.report import ComplianceReport, compliance_report
from competence.uow import UnitOfWork
from db.codes import DocumentKind
from db.codes import RequirementStatus as S
from db.models import Employee
from db.session import Database
from tests.support.factories import make_mini_framework

D = dt.date


@dataclass(frozen=True)
class Register:
    people: dict[str, int]
    hms: int
    authorisation: int


def _build(uow: UnitOfWork) -> Register:
    fw = make_mini_framework(uow)
    hms, dig = fw.competence_ids["hms-cert"], fw.competence_ids["dig-1"]
    health = units.create_unit(uow, "100", "Helse og omsorg").id
    home = units.create_unit(uow, "110", "Hjemmetjenesten", parent_id=health).id
    school = units.create_unit(uow, "200", "Skole").id
    leader = roles.create_role(uow, "Avdelingsleder").id
    worker = roles.create_role(uow, "Fagarbeider").id
    teacher = roles.create_role(uow, "Lærer").id
    authorisation = qualifications.create_qualification(
        uow, qualifications.QualificationInput("authorisation", "Autorisasjon som sykepleier")
    ).id
    # the leader: HMS training within 6 months, the authorisation (no deadline), a skill (never
    # "missing": a skill is a gap or not assessed)
    roles.set_requirement(uow, leader, hms, 1, deadline_months=6)
    roles.set_requirement(uow, leader, dig, 3)
    roles.set_qualification_requirement(uow, leader, authorisation)
    # the skilled worker: the HMS course only from 01.02.2026, within 3 months
    roles.set_requirement(uow, worker, hms, 1, deadline_months=3, valid_from=D(2026, 2, 1))
    roles.set_requirement(uow, teacher, dig, 2)
    people: dict[str, int] = {}

    def person(key: str, unit: int, role: int, start: dt.date) -> int:
        emp = employees.create_employee(uow, str(len(people) + 1), key, "Testesen").id
        employees.add_position(
            uow, emp, employees.PositionInput(unit, "Stilling", role, 100, start_date=start)
        )
        people[key] = emp
        return emp

    def certificate(emp: int, completed: dt.date) -> None:
        add_certificate(uow, emp, CertificateInput("HMS for ledere", completed, competence_id=hms))

    def authorised(emp: int) -> None:
        qualifications.add_held_qualification(
            uow, emp, qualifications.HeldInput(authorisation, D(2010, 6, 1))
        )

    authorised(person("Anne", health, leader, D(2025, 1, 1)))  # never took the HMS course
    b = person("Bjørn", home, leader, D(2026, 1, 15))  # new leader: HMS due 15.07.2026
    qualifications.add_dispensation(
        uow, b, qualifications.DispensationInput(authorisation, D(2026, 1, 15), D(2026, 12, 31))
    )
    certificate(person("Cecilie", home, leader, D(2020, 1, 1)), D(2020, 3, 1))  # 36 months: expired
    d = person("Dag", health, leader, D(2024, 1, 1))  # all in order
    certificate(d, D(2025, 6, 1))
    authorised(d)
    person("Eva", health, leader, D(2024, 1, 1))  # left: not counted
    with uow:
        uow.session.execute(
            update(Employee).where(Employee.id == people["Eva"]).values(left_on=D(2026, 2, 1))
        )
        uow.commit()
    person("Geir", home, worker, D(2019, 1, 1))  # came under the course on 01.02.2026
    person("Frida", school, teacher, D(2022, 8, 1))  # no mandatory document requirement
    return Register(people, hms, authorisation)


def _rows(report: ComplianceReport) -> list[tuple[str, str, str, S, dt.date | None, dt.date | None]]:
    return [
        (r.unit_number, r.first_name, r.requirement, r.status, r.since, r.deadline) for r in report.lacking
    ]


def test_hand_computed_compliance_of_a_small_register(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    reg = _build(uow)
    report = compliance_report(uow)
    hms, auth = "HMS-opplæring for ledere", "Autorisasjon som sykepleier"
    assert _rows(report) == [
        # 100: Anne never took the course: overdue since 01.07.2025
        ("100", "Anne", hms, S.OVERDUE, D(2025, 1, 1), D(2025, 7, 1)),
        # 110: Cecilie's certificate expired 01.03.2023, after her deadline: overdue at once;
        # she never had the authorisation (no deadline: missing); Bjørn and Geir are in time
        ("110", "Cecilie", hms, S.OVERDUE, D(2023, 3, 2), D(2020, 7, 1)),
        ("110", "Geir", hms, S.MISSING, D(2026, 2, 1), D(2026, 5, 1)),
        ("110", "Bjørn", hms, S.MISSING, D(2026, 1, 15), D(2026, 7, 15)),
        ("110", "Cecilie", auth, S.MISSING, D(2020, 1, 1), None),
    ]
    by_key = {(r.first_name, r.kind): r for r in report.lacking}
    assert by_key["Cecilie", DocumentKind.COURSE].expired_on == D(2023, 3, 1)
    assert by_key["Anne", DocumentKind.COURSE].expired_on is None
    assert by_key["Cecilie", DocumentKind.QUALIFICATION].requirement_id == reg.authorisation
    # Anne, Bjørn, Cecilie, Dag, Geir are bound; Frida is not; Eva has left
    assert (report.people, report.people_bound, report.people_lacking, report.overdue) == (6, 5, 4, 2)
    assert report.people_compliant == 2  # Dag and Frida
    assert [(number, len(rows)) for number, _, rows in report.by_unit()] == [("100", 1), ("110", 4)]
    # Bjørn holds his post on a dispensation from the authorisation until 31.12.2026
    assert [(d.unit_number, d.first_name, d.qualification, d.ends_on) for d in report.dispensations] == [
        ("110", "Bjørn", auth, D(2026, 12, 31))
    ]
    assert compliance_report(uow, unit_number="100", subunits=False).dispensations == ()
    assert compliance_report(uow, at=D(2027, 1, 1)).dispensations == ()

    # one unit without its sub-units; a unit with its sub-units
    assert [r.first_name for r in compliance_report(uow, unit_number="100", subunits=False).lacking] == [
        "Anne"
    ]
    assert len(compliance_report(uow, unit_number="100").lacking) == 5
    assert compliance_report(uow, unit_number="200").lacking == ()


def test_an_earlier_date_uses_the_requirements_and_documents_of_then(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    _build(uow)
    report = compliance_report(uow, at=D(2025, 3, 1))
    hms, auth = "HMS-opplæring for ledere", "Autorisasjon som sykepleier"
    # Bjørn had not started and Geir's role did not yet require the course; Eva had not left;
    # Dag's certificate was not yet taken; Anne was within her six months
    assert _rows(report) == [
        ("100", "Dag", hms, S.OVERDUE, D(2024, 1, 1), D(2024, 7, 1)),
        ("100", "Eva", hms, S.OVERDUE, D(2024, 1, 1), D(2024, 7, 1)),
        ("100", "Anne", hms, S.MISSING, D(2025, 1, 1), D(2025, 7, 1)),
        ("100", "Eva", auth, S.MISSING, D(2024, 1, 1), None),
        ("110", "Cecilie", hms, S.OVERDUE, D(2023, 3, 2), D(2020, 7, 1)),
        ("110", "Cecilie", auth, S.MISSING, D(2020, 1, 1), None),
    ]
    assert (report.people, report.people_bound, report.people_lacking) == (6, 4, 4)  # Geir not bound yet


def test_the_workbook_lists_the_same_rows_with_dates_and_status_colours(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from competence.export import palette
    from competence.export.excel.compliance import write_compliance_workbook

    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    _build(uow)
    report = compliance_report(uow, unit_number="100")
    out = tmp_path / "lovpalagt.xlsx"
    write_compliance_workbook(report, out, municipality="Testkommune", lang="nb")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Lovpålagt opplæring", "Dispensasjoner"]
    ws = wb["Lovpålagt opplæring"]
    assert ws["A1"].value == "Lovpålagt opplæring og kvalifikasjoner – 100 Helse og omsorg"
    assert ws["A2"].value == (
        "Per 01.03.2026: 4 av 5 ansatte mangler minst ett lovpålagt krav (2 krav er forfalt); "
        "1 oppfyller alle lovpålagte krav."
    )
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Enhetsnr.")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1, max_col=10)]
    assert [(r[0], r[3], r[6], r[7], r[8], r[9]) for r in rows] == [
        (100, "Anne Testesen", "Forfalt", dt.datetime(2025, 1, 1), dt.datetime(2025, 7, 1), None),
        (
            110,
            "Cecilie Testesen",
            "Forfalt",
            dt.datetime(2023, 3, 2),
            dt.datetime(2020, 7, 1),
            dt.datetime(2023, 3, 1),
        ),
        (110, "Geir Testesen", "Mangler", dt.datetime(2026, 2, 1), dt.datetime(2026, 5, 1), None),
        (110, "Bjørn Testesen", "Mangler", dt.datetime(2026, 1, 15), dt.datetime(2026, 7, 15), None),
        (110, "Cecilie Testesen", "Mangler", dt.datetime(2020, 1, 1), None, None),
    ]
    assert [r[5] for r in rows] == ["Kurs", "Kurs", "Kurs", "Kurs", "Kvalifikasjon"]
    assert ws.cell(row=header + 1, column=7).fill.start_color.rgb.endswith(palette.OVERDUE[0])
    assert ws.cell(row=header + 1, column=7).font.color.rgb.endswith(palette.OVERDUE[1])
    assert ws.cell(row=header + 3, column=7).fill.start_color.rgb.endswith(palette.MISSING[0])
    assert ws.cell(row=header + 1, column=8).number_format == "DD.MM.YYYY"
    disp = wb["Dispensasjoner"]
    found = [[c.value for c in row] for row in disp.iter_rows(min_row=header + 1, max_col=7)]
    assert [(r[3], r[4], r[5]) for r in found] == [
        ("Bjørn Testesen", "Autorisasjon som sykepleier", dt.datetime(2026, 12, 31))
    ]

    write_compliance_workbook(compliance_report(uow, unit_number="200"), out, municipality="K", lang="en")
    ws = load_workbook(out)["Mandatory training"]
    assert ws["A1"].value == "Mandatory training and qualifications – 200 Skole"
    assert ws.cell(row=header + 1, column=1).value == "Everyone meets every mandatory requirement."


def test_cli_json_and_text_on_a_register_built_here(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from competence.cli import main

    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    _build(UnitOfWork(sqlite_database, "hr"))
    db = ["--db", sqlite_database.url]
    assert main(["compliance", "--unit", "110", "--json", "--lang", "en", *db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in data.items() if k not in ("units", "dispensations")} == {
        "at": "2026-03-01",
        "unit": "110",
        "people": 3,
        "people_bound": 3,
        "people_lacking": 3,
        "people_compliant": 0,
        "overdue": 1,
    }
    assert data["units"] == [
        {
            "number": "110",
            "name": "Hjemmetjenesten",
            "lacking": [
                {
                    "employee_no": "3",
                    "name": "Cecilie Testesen",
                    "requirement": "HSE training for managers",
                    "kind": "course",
                    "kind_text": "Course",
                    "status": "overdue",
                    "status_text": "Overdue",
                    "since": "2023-03-02",
                    "deadline": "2020-07-01",
                    "expired_on": "2023-03-01",
                },
                {
                    "employee_no": "6",
                    "name": "Geir Testesen",
                    "requirement": "HSE training for managers",
                    "kind": "course",
                    "kind_text": "Course",
                    "status": "missing",
                    "status_text": "Missing",
                    "since": "2026-02-01",
                    "deadline": "2026-05-01",
                    "expired_on": None,
                },
                {
                    "employee_no": "2",
                    "name": "Bjørn Testesen",
                    "requirement": "HSE training for managers",
                    "kind": "course",
                    "kind_text": "Course",
                    "status": "missing",
                    "status_text": "Missing",
                    "since": "2026-01-15",
                    "deadline": "2026-07-15",
                    "expired_on": None,
                },
                {
                    "employee_no": "3",
                    "name": "Cecilie Testesen",
                    "requirement": "Autorisasjon som sykepleier",
                    "kind": "qualification",
                    "kind_text": "Qualification",
                    "status": "missing",
                    "status_text": "Missing",
                    "since": "2020-01-01",
                    "deadline": None,
                    "expired_on": None,
                },
            ],
        }
    ]
    assert data["dispensations"] == [
        {
            "unit": "110",
            "employee_no": "2",
            "name": "Bjørn Testesen",
            "qualification": "Autorisasjon som sykepleier",
            "ends_on": "2026-12-31",
            "granted_by": None,
        }
    ]
    assert main(["compliance", *db]) == 0
    text = capsys.readouterr().out
    assert "Lovpålagte krav per 01.03.2026, Hele kommunen: 4 av 6 ansatte mangler" in text
    assert (
        "Forfalt          1  Anne Testesen: HMS-opplæring for ledere (siden 01.01.2025, frist 01.07.2025)"
        in text
    )
    assert (
        "Mangler          3  Cecilie Testesen: Autorisasjon som sykepleier (siden 01.01.2020, ingen frist)"
        in text
    )
    assert "Dispensasjoner (1):" in text
    assert main(["compliance", "--unit", "999", *db]) == 1
