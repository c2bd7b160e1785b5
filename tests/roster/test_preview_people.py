"""The preview lists every person of the roster with what the import does to them (for the wizard)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from competence import employees
from competence.clock import today
from competence.roster import ImportOptions, PersonOutcome, preview_import, run_import
from competence.uow import UnitOfWork
from tests.roster.builders import RosterSpec, simple_rows

MakeRoster = Callable[..., Path]


def _by_number(people: tuple[PersonOutcome, ...]) -> dict[str, PersonOutcome]:
    return {p.employee_no: p for p in people}


def test_a_first_import_creates_everyone(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    report = preview_import(uow, make_roster(RosterSpec(rows=simple_rows(3))))
    assert [(p.employee_no, p.name, p.outcome, p.changes) for p in report.people] == [
        ("1000", "Fornavn0 Etternavn0", "created", ()),
        ("1001", "Fornavn1 Etternavn1", "created", ()),
        ("1002", "Fornavn2 Etternavn2", "created", ()),
    ]
    assert [p.rows for p in report.people] == [(4,), (5,), (6,)]  # as the spreadsheet numbers them


def test_one_person_on_several_rows_is_one_outcome(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(2)
    second_post = list(rows[0])
    second_post[3:6] = [101, "Enhet 101", "Nattevakt"]
    rows.append(second_post)
    report = preview_import(uow, make_roster(RosterSpec(rows=rows)))
    assert [(p.employee_no, p.rows) for p in report.people] == [("1000", (4, 6)), ("1001", (5,))]


def test_changes_are_named_per_person(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(5)
    run_import(uow, make_roster(RosterSpec(rows=rows)))
    rows[1][1] = "Nyttnavn, Fornavn1"
    rows[2][2] = "ny.adresse@testkommune.no"
    rows[3][6] = 80
    rows[4][8] = 1001  # another manager
    left = next(e for e in employees.list_employees(uow) if e.employee_no == "1000")
    employees.mark_left(uow, left.id, today(), expected_version=None)
    report = preview_import(uow, make_roster(RosterSpec(rows=rows), name="v2.xlsx"))
    people = _by_number(report.people)
    assert people["1000"].changes == ("returned",)
    assert people["1001"].changes == ("name",)
    assert people["1002"].changes == ("email",)
    assert people["1003"].changes == ("positions",)
    assert people["1004"].changes == ("manager", "positions")
    assert {p.outcome for p in report.people} == {"updated"}
    assert report.updated == 5 and report.unchanged == 0


def test_unchanged_people_and_partial_rosters(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = simple_rows(4)
    path = make_roster(RosterSpec(rows=rows))
    run_import(uow, path)
    report = preview_import(uow, path)
    assert [p.outcome for p in report.people] == ["unchanged"] * 4
    assert report.unchanged == 4
    partial = preview_import(
        uow, make_roster(RosterSpec(rows=rows[:2]), name="part.xlsx"), ImportOptions(partial=True)
    )
    assert [p.employee_no for p in partial.people] == ["1000", "1001"]
    assert partial.leavers == ()
