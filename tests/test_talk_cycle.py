"""The talk cycle (docs/compliance.md): the next medarbeidersamtale falls due a set interval after
the last one, or after the person started; follow-up and life-phase talks do not move it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from competence import appraisals, employees, settings, units
from competence.cli import main
from competence.errors import ValidationError
from competence.talk_cycle import appraisals_due, overdue_talk_ids
from competence.uow import UnitOfWork
from db.codes import AppraisalKind, TalkDue
from db.session import Database

D = dt.date
TODAY = D(2026, 3, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())


def _person(uow: UnitOfWork, no: str, unit: int, start: dt.date | None, first: str = "Kari") -> int:
    emp = employees.create_employee(uow, no, first, f"Nordmann{no}")
    employees.add_position(uow, emp.id, employees.PositionInput(unit, "Pleier", None, 100, start_date=start))
    return emp.id


def _talk(uow: UnitOfWork, emp: int, on: dt.date, kind: AppraisalKind = AppraisalKind.APPRAISAL) -> None:
    appraisals.record_appraisal(
        uow, emp, appraisals.AppraisalInput(on, leader_name="Mona Leder", kind=kind.value)
    )


def test_hand_computed_standings(uow: UnitOfWork) -> None:
    home = units.create_unit(uow, "100", "Hjemmetjenesten").id
    school = units.create_unit(uow, "200", "Skole").id
    held_last_spring = _person(uow, "1", home, D(2015, 1, 1))  # talk 15.03.2025 → due 15.03.2026: soon
    _talk(uow, held_last_spring, D(2024, 2, 1))
    _talk(uow, held_last_spring, D(2025, 3, 15))
    overdue = _person(uow, "2", home, D(2015, 1, 1))  # talk 10.01.2025 → due 10.01.2026: overdue
    _talk(uow, overdue, D(2025, 1, 10))
    _talk(uow, overdue, D(2025, 11, 1), AppraisalKind.FOLLOW_UP)  # a follow-up does not move it
    new_hire = _person(uow, "3", home, D(2025, 9, 1))  # no talk: due a year after starting
    never = _person(uow, "4", home, D(2020, 1, 1))  # no talk since 2020: overdue since 01.01.2021
    unknown = _person(uow, "5", home, None)  # no talk, no start date: due now
    in_order = _person(uow, "6", school, D(2010, 1, 1))
    _talk(uow, in_order, D(2026, 2, 1))
    everyone = appraisals_due(uow, everyone=True)
    got = {s.employee_id: (s.status, s.due_on, s.last_held) for s in everyone.standings}
    assert got == {
        held_last_spring: (TalkDue.DUE_SOON, D(2026, 3, 15), D(2025, 3, 15)),
        overdue: (TalkDue.OVERDUE, D(2026, 1, 10), D(2025, 1, 10)),
        new_hire: (TalkDue.IN_ORDER, D(2026, 9, 1), None),
        never: (TalkDue.OVERDUE, D(2021, 1, 1), None),
        unknown: (TalkDue.OVERDUE, None, None),
        in_order: (TalkDue.IN_ORDER, D(2027, 2, 1), D(2026, 2, 1)),
    }
    due = appraisals_due(uow, unit_number="100")
    assert (due.people, due.overdue, due.due_soon) == (5, 3, 1)
    # the longest overdue first; unknown dates before all
    assert [s.employee_id for s in due.standings] == [unknown, never, overdue, held_last_spring]
    assert due.standings[2].days_overdue(TODAY) == 50 and due.standings[2].last_leader == "Mona Leder"
    assert overdue_talk_ids(uow) == {unknown, never, overdue}
    assert appraisals_due(uow, unit_number="200").standings == ()


def test_interval_and_warning_come_from_the_settings(uow: UnitOfWork) -> None:
    home = units.create_unit(uow, "100", "Hjemmetjenesten").id
    emp = _person(uow, "1", home, D(2015, 1, 1))
    _talk(uow, emp, D(2025, 9, 1))
    assert appraisals_due(uow).standings == ()
    current = settings.get_settings(uow)
    settings.save_settings(uow, replace(current, appraisal_interval_months=6))
    assert [s.status for s in appraisals_due(uow).standings] == [TalkDue.DUE_SOON]  # due 01.03.2026
    settings.save_settings(uow, replace(current, appraisal_interval_months=6, appraisal_warning_days=0))
    assert [s.status for s in appraisals_due(uow).standings] == [TalkDue.DUE_SOON]  # due today
    with pytest.raises(ValidationError):
        settings.save_settings(uow, replace(current, appraisal_interval_months=0))


def test_leavers_and_ended_posts_are_not_counted(uow: UnitOfWork) -> None:
    home = units.create_unit(uow, "100", "Hjemmetjenesten").id
    gone = _person(uow, "1", home, D(2015, 1, 1))
    employees.mark_left(uow, gone, D(2026, 1, 31), expected_version=None)
    assert appraisals_due(uow).people == 0


def test_an_unknown_talk_kind_is_refused(uow: UnitOfWork) -> None:
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann")
    with pytest.raises(ValidationError) as info:
        appraisals.record_appraisal(uow, emp.id, appraisals.AppraisalInput(D(2026, 1, 1), kind="kaffeprat"))
    assert info.value.field == "kind"
    talk = appraisals.record_appraisal(
        uow, emp.id, appraisals.AppraisalInput(D(2026, 1, 1), kind=AppraisalKind.LIFE_PHASE.value)
    )
    assert (
        talk.kind_label("nb") == "Livsfase-/seniorsamtale"
        and talk.kind_label("en") == "Life-phase/senior talk"
    )


def test_cli_json_on_a_register_built_here(
    sqlite_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    uow = UnitOfWork(sqlite_database, "hr")
    home = units.create_unit(uow, "100", "Hjemmetjenesten").id
    overdue = _person(uow, "7", home, D(2015, 1, 1))
    _talk(uow, overdue, D(2025, 1, 10))
    _person(uow, "8", home, D(2025, 12, 1))  # due 01.12.2026: in order
    db = ["--db", sqlite_database.url]
    assert main(["appraisals-due", "--unit", "100", "--json", *db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "at": "2026-03-01",
        "unit": "100",
        "interval_months": 12,
        "warning_days": 30,
        "people": 2,
        "overdue": 1,
        "due_soon": 0,
        "talks": [
            {
                "employee_no": "7",
                "name": "Kari Nordmann7",
                "units": "Hjemmetjenesten",
                "status": "overdue",
                "status_text": "Forfalt",
                "last_talk": "2025-01-10",
                "last_leader": "Mona Leder",
                "due_on": "2026-01-10",
                "days_overdue": 50,
            }
        ],
    }
    assert main(["appraisals-due", "--all", "--lang", "en", *db]) == 0
    text = capsys.readouterr().out
    assert "2 people, 1 overdue, 0 due within 30 days" in text
    assert "On schedule" in text and "Overdue" in text
    assert main(["appraisals-due", "--unit", "999", *db]) == 1
