"""Importing 10-FAKTOR results from synthetic files in both layouts (tests/planning/tenfactor_files.py):
column detection, the minimum group size, a unit name that needs mapping (remembered), refusals that
write nothing, and the results beside the municipality's with their trend."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence.cli import main
from competence.tenfactor.layout import TenFactorFileError
from competence.tenfactor.minimum import set_minimum_group
from competence.tenfactor.results import survey_in
from competence.tenfactor.service import TenFactorOptions, import_tenfactor, preview_tenfactor
from competence.uow import UnitOfWork
from db.codes import Factor, TenFactorOutcome, UnitMatch
from db.models import AuditEvent, ImportRun
from db.planning import TenFactorResult
from tests.planning.registers import TODAY, PlanningRegister, build_planning_register
from tests.planning.tenfactor_files import (
    GROUPS_2024,
    GROUPS_2025,
    long_rows,
    wide_rows,
    write_csv,
    write_xlsx,
)


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> PlanningRegister:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    return build_planning_register(uow)


def _stored(uow: UnitOfWork) -> dict[tuple[str, int], dict[int, tuple[float, int]]]:
    from db.models import OrgUnit

    with uow:
        rows = uow.session.execute(
            select(
                OrgUnit.number,
                TenFactorResult.year,
                TenFactorResult.factor,
                TenFactorResult.mean,
                TenFactorResult.respondents,
            ).join(OrgUnit, OrgUnit.id == TenFactorResult.unit_id)
        ).all()
    found: dict[tuple[str, int], dict[int, tuple[float, int]]] = {}
    for number, year, factor, mean, n in rows:
        found.setdefault((number, year), {})[factor] = (round(mean, 2), n)
    return found


def test_a_long_file_needs_the_unit_it_cannot_find_chosen_then_remembers_it(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "10faktor-2025.xlsx", long_rows(GROUPS_2025))
    preview = preview_tenfactor(uow, path)
    assert (preview.sheet, preview.layout, preview.header_row, preview.minimum) == (
        "Resultater",
        "long",
        3,
        5,
    )
    outcomes = {g.unit_text: (g.outcome, g.choice.matched_by, g.choice.unit_number) for g in preview.groups}
    assert outcomes == {
        "Hjemmetjenesten": (TenFactorOutcome.NEW, UnitMatch.NAME, "100"),
        "Sone N.": (TenFactorOutcome.UNMAPPED, UnitMatch.NONE, None),
        "Sykehjemmet": (TenFactorOutcome.BELOW_MINIMUM, UnitMatch.NAME, "200"),
        "Totalt": (TenFactorOutcome.NEW, UnitMatch.TOTAL, "1000"),
    }
    # the group under the minimum carries no figures past the parser, not even in a preview
    assert next(g for g in preview.groups if g.unit_text == "Sykehjemmet").means == ()
    refused = import_tenfactor(uow, path)
    assert refused.refused and not refused.applied and refused.unmapped == ("Sone N.",)
    assert _stored(uow) == {}

    done = import_tenfactor(uow, path, TenFactorOptions(unit_map={"Sone N.": "110"}))
    assert done.applied and done.stored_groups == 3
    stored = _stored(uow)
    assert set(stored) == {("100", 2025), ("110", 2025), ("1000", 2025)}
    assert stored[("110", 2025)][4] == (3.94, 7)
    assert stored[("100", 2025)][7] == (3.57, 12)
    assert len(stored[("1000", 2025)]) == 10
    with uow:
        assert (
            uow.session.scalar(
                select(func.count()).select_from(ImportRun).where(ImportRun.kind == "tenfactor")
            )
            == 1
        )
        details = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.entity == "tenfactor_result")
        ).one()
    assert details["counts"]["new"] == 3 and details["counts"]["below_minimum"] == 1
    # the next import finds "Sone N." by itself, and changes nothing
    again = import_tenfactor(uow, path)
    assert again.applied
    assert {g.unit_text: (g.outcome, g.choice.matched_by) for g in again.groups}["Sone N."] == (
        TenFactorOutcome.UNCHANGED,
        UnitMatch.SAVED,
    )


def test_a_wide_csv_as_excel_saves_it_with_the_year_given(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    rows = [[c for i, c in enumerate(row) if i != 1] for row in wide_rows(GROUPS_2024)]  # no year column
    path = write_csv(tmp_path / "10faktor 2024.csv", rows)
    report = preview_tenfactor(uow, path)
    assert report.problems and "ingen kolonne for år" in report.problems[0].message("nb")
    done = import_tenfactor(uow, path, TenFactorOptions(year=2024))
    assert done.applied and done.layout == "wide"
    outcomes = {g.unit_text: g.outcome for g in done.groups}
    assert outcomes == {
        "Hjemmetjenesten": TenFactorOutcome.NEW,
        "Fjordvik kommune": TenFactorOutcome.NEW,  # the municipality's own name: the top unit
        "Sykehjemmet": TenFactorOutcome.BELOW_MINIMUM,  # "<5": hidden by the survey
    }
    assert _stored(uow)[("100", 2024)][1] == (3.21, 11)


def test_results_beside_the_municipality_with_the_trend(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    import_tenfactor(uow, write_xlsx(tmp_path / "2024.xlsx", wide_rows(GROUPS_2024)))
    import_tenfactor(
        uow,
        write_xlsx(tmp_path / "2025.xlsx", long_rows(GROUPS_2025)),
        TenFactorOptions(unit_map={"Sone N.": "110"}),
    )
    with uow:
        home = survey_in(uow.session, register.units["100"])
        north = survey_in(uow.session, register.units["110"])
        town = survey_in(uow.session, None)
        nursing = survey_in(uow.session, register.units["200"])
        earlier = survey_in(uow.session, register.units["100"], year=2024)
    four = home.factor(Factor.USE_OF_COMPETENCE)
    assert (home.year, home.previous_year, home.respondents, home.computed) == (2025, 2024, 12, False)
    assert (four.mean, four.municipality, four.previous) == (3.54, 3.74, 3.24)
    assert four.change == pytest.approx(0.30)
    assert four.difference == pytest.approx(-0.20)
    assert home.trend[Factor.COMPETENCE_DEVELOPMENT] == ((2024, 3.27), (2025, 3.57))
    assert town.municipality_trend[Factor.USE_OF_COMPETENCE] == ((2024, 3.64), (2025, 3.74))
    assert north.factor(Factor.USE_OF_COMPETENCE).previous is None and north.years == (2025,)
    # Sykehjemmet was under the minimum both years: nothing, ever
    assert not nursing.has_results and nursing.years == ()
    assert earlier.year == 2024 and earlier.previous_year is None


def test_a_unit_without_its_own_result_is_computed_from_the_units_below(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    rows = long_rows(
        [g for g in GROUPS_2025 if g.unit in ("Sone N.",)]
        + [type(GROUPS_2025[0])("Sykehjemmet", 2025, 9, 3.0)]
    )
    import_tenfactor(
        uow, write_xlsx(tmp_path / "f.xlsx", rows), TenFactorOptions(unit_map={"Sone N.": "110"})
    )
    with uow:
        home = survey_in(uow.session, register.units["100"])
        town = survey_in(uow.session, None)
    assert (home.computed, home.respondents) == (True, 7)
    assert home.factor(Factor.AUTONOMY).mean == pytest.approx(3.93)
    # the municipality: 110 (7 answers) and 200 (9) weighted
    assert town.factor(Factor.AUTONOMY).mean == pytest.approx((3.93 * 7 + 3.03 * 9) / 16)


def test_raising_the_minimum_removes_what_is_now_under_it(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    import_tenfactor(
        uow,
        write_xlsx(tmp_path / "f.xlsx", long_rows(GROUPS_2025)),
        TenFactorOptions(unit_map={"Sone N.": "110"}),
    )
    assert set_minimum_group(uow, 10) == 10  # the ten factors of Sone N. (7 answered)
    assert ("110", 2025) not in _stored(uow)
    with uow:
        assert not survey_in(uow.session, register.units["110"]).has_results
    from competence.errors import ValidationError

    with pytest.raises(ValidationError):
        set_minimum_group(uow, 4)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ["Enhet", "Ansattnr", "År", "Faktor", "Snitt", "Antall svar"],
                ["Hjemmetjenesten", "17", 2025, 4, 4, 1],
            ],
            "svarene til enkeltpersoner",
        ),
        (
            [["Enhet", "År", "Faktor", "Snitt"], ["Hjemmetjenesten", 2025, 4, 3.9]],
            "ingen kolonne for antall svar",
        ),
        ([["Navn på rapport"], ["Noe annet", "helt"]], "Fant ingen 10-FAKTOR-resultater"),
    ],
)
def test_files_that_are_not_unit_results_are_refused(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path, rows: list[list[object]], expected: str
) -> None:
    path = write_xlsx(tmp_path / "feil.xlsx", rows)
    with pytest.raises(TenFactorFileError) as info:
        import_tenfactor(uow, path)
    assert expected in info.value.message("nb")
    assert _stored(uow) == {}


def test_bad_values_are_named_by_row_and_column_and_nothing_is_written(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    rows = long_rows(GROUPS_2025[:1])
    rows[4][3] = 6.2  # factor 2's mean, off the scale
    rows[6][2] = "Trivsel"  # not a factor
    rows[8][1] = "i fjor"  # not a year
    rows.append(["Hjemmetjenesten", 2025, "9 Mestringsklima", 3.1, 12])  # factor 9 twice
    report = import_tenfactor(
        uow, write_xlsx(tmp_path / "f.xlsx", rows), TenFactorOptions(unit_map={"Sone N.": "110"})
    )
    assert not report.applied
    assert [(p.row, p.column) for p in report.problems] == [
        (5, "Gjennomsnitt"),
        (7, "Faktor"),
        (9, "År"),
        (14, "Gjennomsnitt"),
    ]
    assert "utenfor skalaen 1-5" in report.problems[0].message("nb")
    assert (
        report.problems[3].message("en")
        == "Row 14, Gjennomsnitt: factor 9 of Hjemmetjenesten in 2025 is also in row 12"
    )
    assert _stored(uow) == {}


def test_the_command_line_imports_and_reports_as_json(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    database_url = uow.database.url
    path = write_xlsx(tmp_path / "10faktor.xlsx", long_rows(GROUPS_2025))
    out, err = io.StringIO(), io.StringIO()
    code = main(["import-10faktor", str(path), "--json", "--db", database_url], out=out, err=err)
    assert code == 1
    refused = json.loads(out.getvalue())
    assert refused["applied"] is False and refused["unmapped"] == ["Sone N."]
    out = io.StringIO()
    code = main(
        ["import-10faktor", str(path), "--map", "Sone N.=110", "--db", database_url, "--lang", "en"],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    assert "3 units' results stored" in out.getvalue()
    assert "1 group under the minimum (5 answers) was not read" in out.getvalue()


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_files_saved_by_libreoffice_import_like_the_original(
    sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    from tests.roster.conftest import IN_CI, _soffice, convert_with_libreoffice

    if _soffice() is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) is required in CI: scripts/install-system-deps.sh test")
        pytest.skip("LibreOffice (soffice) is not installed: scripts/install-system-deps.sh test")
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    build_planning_register(sqlite_uow)
    (tmp_path / "source").mkdir()
    source = write_xlsx(tmp_path / "source" / "tifaktor.xlsx", wide_rows(GROUPS_2024))
    converted = convert_with_libreoffice([source], fmt, tmp_path / "lo", tmp_path / "profile")[source]
    report = import_tenfactor(sqlite_uow, converted)
    assert report.applied, [p.message("nb") for p in report.problems]
    assert report.layout == "wide" and report.stored_groups == 2
    assert _stored(sqlite_uow)[("1000", 2024)][10] == (3.7, 58)
