"""Heltidskultur figures against a register computed by hand (tests/planning/registers.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from competence.fulltime.service import fulltime_report
from competence.uow import UnitOfWork
from tests.planning.registers import TODAY, PlanningRegister, build_planning_register


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> PlanningRegister:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    return build_planning_register(uow)


def test_a_unit_with_its_subunits_counts_each_persons_total(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    report = fulltime_report(uow, unit_id=register.units["100"])
    f = report.figures
    # Åse 100, Bjørn 80 (his ended post is gone), Cecilie 120, Dag 50, Frode 75; Eli has left
    assert f.people == 5
    assert f.total_fte == pytest.approx(425)
    assert f.mean_fte == pytest.approx(85)
    assert (f.full_time, f.over_full_time) == (2, 1)
    assert f.share_full_time == pytest.approx(0.4)
    assert f.bands == {"100": 2, "75-99": 2, "50-74": 1, "<50": 0}
    assert f.several_posts == 2  # Åse and Cecilie; Frode's verv of 0 % is not a post
    assert (f.permanent, f.temporary, f.unknown_type) == (2, 2, 1)
    assert (f.desired_known, f.involuntary, f.part_time) == (2, 1, 3)
    assert f.involuntary_missing == pytest.approx(20)
    assert f.share_involuntary == pytest.approx(1 / 3)
    # posts of more than 0 % in 100 and 110: 60, 20, 50 and 80, 75
    assert report.mean_post == pytest.approx(57)


def test_per_unit_a_person_counts_with_their_total_not_the_units_post(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    report = fulltime_report(uow)
    by_number = {u.number: u.figures for u in report.units}
    assert set(by_number) == {"100", "110", "200"}
    # 100: Åse 100 (60 here), Cecilie 120 (20 here), Dag 50, Frode 75 (0 % here)
    assert (by_number["100"].people, by_number["100"].full_time) == (4, 2)
    # 110: Bjørn 80, Frode 75; 200: Åse 100 (40 here) and Cecilie 120; Bjørn's post there ended
    assert (by_number["110"].people, by_number["110"].full_time) == (2, 0)
    assert (by_number["200"].people, by_number["200"].full_time) == (2, 2)
    assert by_number["200"].share_full_time == 1.0


def test_above_full_time_and_involuntary_part_time_name_the_people(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    report = fulltime_report(uow)
    assert [(p.name, p.total) for p in report.over_full_time] == [("Cecilie Aasen", 120)]
    assert [(u.unit_name, u.fte) for u in report.over_full_time[0].posts] == [
        ("Sykehjemmet", 100),
        ("Hjemmetjenesten", 20),
    ]
    assert [(p.name, p.total, p.desired) for p in report.involuntary] == [("Bjørn Aasen", 80, 100)]


def test_the_trend_reads_the_position_history(uow: UnitOfWork, register: PlanningRegister) -> None:
    report = fulltime_report(uow, unit_id=register.units["200"], subunits=False)
    points = {p.at: p for p in report.trend}
    assert report.trend[-1].at == TODAY
    # on 30.09.2025 Bjørn still had his 30 % in 200 (110 % in total) and Eli had not left
    autumn = points[dt.date(2025, 9, 30)]
    assert autumn.people == 3
    assert autumn.share_full_time == 1.0
    assert autumn.mean_fte == pytest.approx((100 + 110 + 120) / 3)
    assert points[TODAY].people == 2
    # before Bjørn's post there started, only Åse and Cecilie
    assert points[dt.date(2024, 12, 31)].people == 2


def test_a_unit_without_people_has_empty_figures(uow: UnitOfWork, register: PlanningRegister) -> None:
    from competence import units

    empty = units.create_unit(uow, "300", "Ny enhet").id
    report = fulltime_report(uow, unit_id=empty)
    assert report.figures.people == 0
    assert report.figures.share_full_time == 0.0
    assert report.units == ()


def test_the_command_line_gives_the_figures_as_json_and_text(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    import io
    import json

    from competence.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["heltid", "--unit", "100", "--json", "--db", uow.database.url], out=out, err=err) == 0, (
        err.getvalue()
    )
    data = json.loads(out.getvalue())
    assert data["figures"]["people"] == 5 and data["figures"]["share_full_time"] == 40.0
    assert data["figures"]["involuntary_part_time"] == 1 and data["mean_post_size"] == 57.0
    assert [p["employee_no"] for p in data["above_100"]] == ["3"]
    assert [u["number"] for u in data["units"]] == ["100", "110"]
    out = io.StringIO()
    assert main(["heltid", "--db", uow.database.url], out=out, err=err) == 0
    text = out.getvalue()
    assert "5 personer, 2 i heltid (40\u00a0%), gjennomsnittlig stillingsstørrelse 85\u00a0%" in text
    assert "1 av 3 i deltid ønsker større stilling" in text
    assert "3 Cecilie Aasen: 120\u00a0%" in text


def test_the_excel_report(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: pytest.TempPathFactory
) -> None:
    from pathlib import Path

    from openpyxl import load_workbook

    from competence.export.excel.fulltime import export_fulltime

    path = Path(str(tmp_path)) / "heltid.xlsx"
    result = export_fulltime(uow, path, unit_number="100", lang="en")
    assert (result.people, result.units) == (5, 2)
    book = load_workbook(path)
    assert book.sheetnames == ["Full-time culture", "Per unit", "Above 100%", "Want a larger post", "Trend"]
    summary = {
        row[0]: row[1] for row in book["Full-time culture"].iter_rows(min_row=5, values_only=True) if row[0]
    }
    assert summary["People with a post in the selection"] == 5
    assert summary["Share full time"] == 0.4
    assert summary["Average post size (%)"] == 85
    assert summary["Involuntary part-time (want more)"] == 1
    units = [r for r in book["Per unit"].iter_rows(min_row=5, values_only=True)]
    assert [(r[0], r[2], r[3]) for r in units] == [("100", 4, 2), ("110", 2, 0)]
    above = list(book["Above 100%"].iter_rows(min_row=5, values_only=True))
    assert above == [("3", "Cecilie Aasen", 120, "Sykehjemmet: 100%; Hjemmetjenesten: 20%")]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
