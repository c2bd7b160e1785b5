"""Who leaves, and what a position carries: the leavers guard, leavers' positions ended, end dates,
employment type, main position, desired FTE, position and STYRK codes, and employee numbers as the
roster writes them (docs/import.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from competence.cli import main
from competence.clock import today
from competence.roster import ImportOptions, LeaversNotConfirmedError, preview_import, run_import
from competence.uow import UnitOfWork
from db.models import Employee, ImportRun, Position
from tests.roster.builders import STANDARD_HEADER, RosterSpec, simple_rows

MakeRoster = Callable[..., Path]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def left_on(uow: UnitOfWork) -> dict[str, dt.date | None]:
    with uow:
        return {no: day for no, day in uow.session.execute(select(Employee.employee_no, Employee.left_on))}


def open_positions(uow: UnitOfWork, number: str) -> list[tuple[str, dt.date | None]]:
    with uow:
        rows = uow.session.execute(
            select(Position.title, Position.end_date)
            .join(Employee, Employee.id == Position.employee_id)
            .where(Employee.employee_no == number)
            .order_by(Position.id)
        )
        return [(title, end) for title, end in rows]


# --------------------------------------------------------------------------------------------
# The leavers guard
# --------------------------------------------------------------------------------------------


def test_a_header_only_roster_is_refused_instead_of_marking_everyone_as_left(
    tmp_path: Path, make_roster: MakeRoster
) -> None:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    assert cli("import-roster", str(make_roster(RosterSpec(rows=simple_rows(30)))), "--db", url)[0] == 0
    header_only = make_roster(RosterSpec(rows=[]), name="bare-overskrifter.xlsx")
    code, out, err = cli("import-roster", str(header_only), "--db", url, "--json")
    assert code == 1, err
    assert json.loads(out)["error"] == "many_leavers"
    assert "30 av 30 aktive" in err and "--accept-leavers" in err
    code, out, _ = cli("import-roster", str(header_only), "--db", url, "--json", "--dry-run")
    assert code == 0 and json.loads(out)["confirm_leavers"] is True and json.loads(out)["left"] == 30
    from db.session import open_database

    database = open_database(url)
    try:
        uow = UnitOfWork(database)
        assert set(left_on(uow).values()) == {None}  # nothing was written
        with uow:
            runs = [
                (r.status, r.counts) for r in uow.session.scalars(select(ImportRun).order_by(ImportRun.id))
            ]
        assert runs[-1] == ("failed", {"reason": "many_leavers"})
    finally:
        database.dispose()
    code, out, err = cli("import-roster", str(header_only), "--db", url, "--json", "--accept-leavers")
    assert code == 0, err
    assert json.loads(out)["left"] == 30


@pytest.mark.parametrize(("people", "kept", "refused"), [(30, 25, False), (30, 23, True), (100, 90, False)])
def test_the_guard_counts_more_than_a_fifth_and_more_than_five(
    people: int, kept: int, refused: bool, uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    rows = simple_rows(people)
    run_import(uow, make_roster(RosterSpec(rows=rows)))
    shorter = make_roster(RosterSpec(rows=rows[:kept]), name="kortere.xlsx")
    preview = preview_import(uow, shorter)
    assert preview.confirm_leavers is refused and preview.left == people - kept
    if not refused:
        assert run_import(uow, shorter).left == people - kept
        return
    with pytest.raises(LeaversNotConfirmedError) as info:
        run_import(uow, shorter)
    assert info.value.count == 7 and "7 av 30" in info.value.message("nb")
    with pytest.raises(LeaversNotConfirmedError):
        run_import(uow, shorter, ImportOptions(accept_leavers=6))  # confirmed for another count
    assert run_import(uow, shorter, ImportOptions(accept_leavers=7)).left == 7
    assert run_import(
        uow, make_roster(RosterSpec(rows=rows[:1]), name="del.xlsx"), ImportOptions(partial=True)
    )


# --------------------------------------------------------------------------------------------
# Leavers' positions
# --------------------------------------------------------------------------------------------


def test_people_marked_as_left_have_their_positions_ended_on_the_leaving_date(
    uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    rows = simple_rows(6)
    rows.append([1005, "Etternavn5, Fornavn5", None, 101, "Enhet 101", "Nattevakt", 20, None, 1000])
    run_import(uow, make_roster(RosterSpec(rows=rows)))
    assert [end for _, end in open_positions(uow, "1005")] == [None, None]
    report = run_import(uow, make_roster(RosterSpec(rows=rows[:5]), name="uten-1005.xlsx"))
    assert [p.employee_no for p in report.leavers] == ["1005"] and report.positions_ended == 2
    assert left_on(uow)["1005"] == today()
    assert [end for _, end in open_positions(uow, "1005")] == [today(), today()]


# --------------------------------------------------------------------------------------------
# End dates and position details
# --------------------------------------------------------------------------------------------

HEADER = (
    "Ansattnr",
    "Navn",
    "Enhetsnr",
    "Enhet",
    "Stilling",
    "Stillingsprosent",
    "Startdato",
    "Sluttdato",
    "Ansettelsesform",
    "Hovedstilling",
    "Ønsket stillingsprosent",
    "Stillingskode",
    "STYRK-08",
    "Telefon",
)
PAST = dt.date(2020, 6, 30)
SOON = today() + dt.timedelta(days=90)


def _row(number: Any, name: str, unit: int, title: str, fte: Any, end: Any, *details: Any) -> list[Any]:
    return [
        number,
        name,
        unit,
        f"Enhet {unit}",
        title,
        fte,
        dt.date(2015, 1, 1),
        end,
        *details,
        "99 99 99 99",
    ]


def test_position_details_are_read_stored_and_compared(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    rows = [
        _row("015837", "Hansen, Kari", 100, "Sykepleier", 60, None, "Fast", "Ja", 100, 7174, "2223.101"),
        _row(15837, "Hansen, Kari", 200, "Sykepleier", 20, SOON, "Vikar", "Nei", 100, "7174", 2223101),
        _row(4712, "Berg, Per", 100, "Assistent", 50, None, "Midlertidig", "X", 80, 6545, 5321),
        _row(4713, "Lie, Nils", 100, "Assistent", 50, None, "Sommerjobb", "kanskje", "mye", "12", "abc"),
    ]
    report = run_import(uow, make_roster(RosterSpec(header=HEADER, rows=rows, date_columns=(6, 7))))
    assert report.created == 3 and report.rejected == ()
    assert report.ignored_columns == (("N", "Telefon"),)
    warned = sorted((w.code, w.row) for w in report.warnings if w.row)
    assert warned == [
        ("code_invalid", 7),
        ("code_invalid", 7),
        ("desired_fte_invalid", 7),
        ("employment_type_unknown", 7),
        ("main_position_invalid", 7),
    ]
    with uow:
        s = uow.session
        kari = s.scalar(select(Employee).where(Employee.employee_no == "15837"))
        assert kari is not None and kari.desired_fte == 100.0 and kari.shown_no == "015837"
        positions = s.execute(
            select(
                Position.fte_percent,
                Position.end_date,
                Position.employment_type,
                Position.main_position,
                Position.position_code,
                Position.styrk_code,
            )
            .where(Position.employee_id == kari.id)
            .order_by(Position.id)
        ).all()
        assert [tuple(p) for p in positions] == [
            (60.0, None, "permanent", True, "7174", "2223101"),
            (20.0, SOON, "substitute", False, "7174", "2223101"),
        ]
        nils = s.execute(
            select(
                Position.employment_type, Position.main_position, Position.position_code, Employee.desired_fte
            )
            .join(Employee, Employee.id == Position.employee_id)
            .where(Employee.employee_no == "4713")
        ).one()
        assert tuple(nils) == (None, None, None, None)
    again = run_import(
        uow, make_roster(RosterSpec(header=HEADER, rows=rows, date_columns=(6, 7)), name="v2.xlsx")
    )
    assert again.changes == 0
    rows[2][8] = "Fast"
    changed = run_import(
        uow, make_roster(RosterSpec(header=HEADER, rows=rows, date_columns=(6, 7)), name="v3.xlsx")
    )
    assert (changed.updated, changed.positions_updated) == (1, 1)


def test_past_end_dates_end_positions_and_people(uow: UnitOfWork, make_roster: MakeRoster) -> None:
    before = [
        _row(1, "Aas, Anne", 100, "Lærer", 60, None, "Fast", "Ja", None, None, None),
        _row(1, "Aas, Anne", 200, "Lærer", 40, None, "Fast", "Nei", None, None, None),
        _row(2, "Berg, Bo", 100, "Lærer", 100, None, "Fast", "Ja", None, None, None),
        _row(3, "Dahl, Di", 100, "Lærer", 100, None, "Fast", "Ja", None, None, None),
    ]
    run_import(uow, make_roster(RosterSpec(header=HEADER, rows=before, date_columns=(6, 7))))
    after = [
        _row(1, "Aas, Anne", 100, "Lærer", 60, None, "Fast", "Ja", None, None, None),
        _row(1, "Aas, Anne", 200, "Lærer", 40, PAST, "Fast", "Nei", None, None, None),  # one post ended
        _row(2, "Berg, Bo", 100, "Lærer", 100, PAST, "Fast", "Ja", None, None, None),  # left
        _row(3, "Dahl, Di", 100, "Lærer", 100, None, "Fast", "Ja", None, None, None),
        _row(
            9, "Ny, Nora", 100, "Lærer", 100, PAST, "Fast", "Ja", None, None, None
        ),  # left before we knew her
    ]
    report = run_import(
        uow, make_roster(RosterSpec(header=HEADER, rows=after, date_columns=(6, 7)), name="v2.xlsx")
    )
    assert [(p.employee_no, p.left_on, p.reason) for p in report.leavers] == [("2", PAST, "positions_ended")]
    assert report.created == 0 and report.left_before == 1
    assert "left_before" in {w.code for w in report.warnings}
    assert left_on(uow) == {"1": None, "2": PAST, "3": None}
    assert open_positions(uow, "1") == [("Lærer", None), ("Lærer", PAST)]
    assert open_positions(uow, "2") == [("Lærer", PAST)]
    again = run_import(
        uow, make_roster(RosterSpec(header=HEADER, rows=after, date_columns=(6, 7)), name="v3.xlsx")
    )
    assert again.changes == 0 and again.returned == 0


def test_employee_numbers_match_canonically_and_show_as_the_latest_roster_wrote_them(
    uow: UnitOfWork, make_roster: MakeRoster
) -> None:
    def roster(number: Any, name: str) -> Path:
        row = [number, "Hansen, Kari", None, 100, "Enhet 100", "Sykepleier", 100, None, None]
        return make_roster(RosterSpec(header=STANDARD_HEADER, rows=[row]), name=name)

    first = run_import(uow, roster("015837", "a.xlsx"))
    assert [p.employee_no for p in first.people] == ["015837"]
    second = run_import(uow, roster(15837, "b.xlsx"))  # the same person, written without the zero
    assert (second.created, second.updated) == (0, 1) and second.people[0].changes == ("employee_no",)
    with uow:
        (kari,) = uow.session.scalars(select(Employee))
        assert (kari.employee_no, kari.employee_no_display, kari.shown_no) == ("15837", None, "15837")
    run_import(uow, roster(" 0015837 ", "c.xlsx"))
    with uow:
        (kari,) = uow.session.scalars(select(Employee))
        assert (kari.employee_no, kari.shown_no) == ("15837", "0015837")


def test_the_number_as_written_is_what_the_app_exports_and_innsyn_show(
    tmp_path: Path, make_roster: MakeRoster
) -> None:
    import openpyxl
    from pypdf import PdfReader

    from competence import employees
    from db.session import open_database

    url = f"sqlite:///{tmp_path / 'register.db'}"
    row = ["015837", "Hansen, Kari", None, 100, "Enhet 100", "Sykepleier", 100, None, None]
    assert cli("import-roster", str(make_roster(RosterSpec(rows=[row]))), "--db", url)[0] == 0
    database = open_database(url)
    try:
        uow = UnitOfWork(database)
        (listed,) = employees.list_employees(uow)
        assert listed.employee_no == "015837"
        assert employees.get_employee(uow, listed.id).employee_no == "015837"
        assert employees.find_employee(uow, 15837).id == listed.id  # looked up by any spelling
    finally:
        database.dispose()
    matrix, person, plan = tmp_path / "matrise.xlsx", tmp_path / "innsyn.json", tmp_path / "innsyn.pdf"
    assert cli("export-matrix", str(matrix), "--db", url)[0] == 0
    sheet = openpyxl.load_workbook(matrix).worksheets[0]
    assert "015837" in [c.value for r in sheet.iter_rows() for c in r]
    assert cli("export-person", "15837", str(person), "--db", url)[0] == 0
    held = json.loads(person.read_text(encoding="utf-8"))["person"]
    assert (held["employee_no"], held["employee_no_display"]) == ("15837", "015837")
    assert cli("export-person", "015837", str(plan), "--db", url)[0] == 0
    text = "".join(page.extract_text() for page in PdfReader(plan).pages)
    assert "015837" in text
