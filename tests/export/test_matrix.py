"""The competence matrix workbook: content, safety, conditional colours, print setup."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from competence import assessments, audit
from competence.errors import NotFoundError
from competence.export.excel.matrix import LEGEND_SHEET, ROLES_SHEET, SHEET, export_matrix
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister
from tests.export.helpers import assert_no_formulas, convert_to_pdf, pdf_text


def _rows(path: Path) -> list[tuple[object, ...]]:
    ws = load_workbook(path)[SHEET]
    return [tuple(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def test_openpyxl_parses_with_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML


def test_matrix_of_a_unit_with_subunits(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = tmp_path / "matrise.xlsx"
    result = export_matrix(uow, out, unit_number="10")
    assert (result.people, result.competences, result.not_assessed) == (3, 4, 2)
    wb = load_workbook(out)
    assert wb.sheetnames == [SHEET, LEGEND_SHEET, ROLES_SHEET]
    ws = wb[SHEET]
    assert [c.value for c in ws[2]][:5] == ["Navn", "Ansattnr", "Enhet", "Rolle", "Stilling %"]
    assert [c.value for c in ws[2]][5:] == [
        "dig-1 Digitale verktøy",
        "dig-2 Informasjonssikkerhet",
        "hms-1 Risikovurdering",
        "hms-cert HMS-opplæring for ledere",
    ]
    assert ws["F1"].value == "Digital transformasjon" or ws["F1"].value == "§15"
    assert "F1:G1" in {str(r) for r in ws.merged_cells.ranges}
    rows = {r[1]: r for r in _rows(out)}
    assert set(rows) == {1001, 1002, 1003}
    # Åse: two roles → the combined role cell; levels and the valid certificate (top level 1)
    assert rows[1001] == (
        "Ødegård, Åse",
        1001,
        "Helse og omsorg, Hjemmetjenesten Øst",
        "Fagleder, Sykepleier",
        80.0,
        3,
        6,
        2,
        1,
    )
    # Per: dig-2 required but never assessed → "iv"; his mandatory course's certificate expired →
    # "Mangler" (docs/compliance.md; tests/export/test_mandatory_in_exports.py has every case)
    assert rows[1002][5:] == (2, "iv", None, "Mangler")
    assert rows[1003][5:] == (1, None, "iv", None)
    assert isinstance(rows[1002][4], float)
    assert ws.freeze_panes == "C3"
    assert ws.auto_filter.ref == "A2:I5"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$2"
    assert "Østre Toten kommune" in ws.oddFooter.left.text
    assert "10 Helse og omsorg" in ws.oddFooter.center.text


def test_colours_are_conditional_formats_against_the_role_requirements(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    out = tmp_path / "m.xlsx"
    export_matrix(sqlite_uow, out)
    wb = load_workbook(out)
    ws = wb[SHEET]
    ranges = list(ws.conditional_formatting)
    assert len(ranges) == 1 and str(ranges[0].sqref) == "F3:I6"
    formulas = [rule.formula[0] for rule in ranges[0].rules]
    assert formulas[:3] == ['F3="iv"', 'F3="Mangler"', 'F3="Forfalt"']
    assert all(f"MATCH($D3,'{ROLES_SHEET}'!$A$4:$A$6,0)" in f for f in formulas[3:])
    # no fills on the level cells themselves: the colours are computed from the values
    assert all(ws.cell(row=r, column=c).fill.fill_type is None for r in range(3, 7) for c in range(6, 10))
    roles = wb[ROLES_SHEET]
    table = {r[0]: r[2:] for r in roles.iter_rows(min_row=4, values_only=True)}
    assert table == {
        "Fagleder": (2, None, 4, None),
        "Fagleder, Sykepleier": (3, 6, 4, 1),
        "Sykepleier": (3, 6, None, 1),
    }
    assert [c.value for c in roles[3]][2:] == [4, 8, 4, 1]


def test_matrix_without_subunits_and_the_whole_municipality(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    only = export_matrix(uow, tmp_path / "a.xlsx", unit_number="10", subunits=False)
    assert only.people == 2
    rows = {r[1]: r for r in _rows(tmp_path / "a.xlsx")}
    assert rows[1001][3] == "Sykepleier"  # her Fagleder post is in the sub-unit
    everyone = export_matrix(uow, tmp_path / "b.xlsx")
    assert everyone.people == 4


def test_formula_like_text_is_written_as_text(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    out = tmp_path / "m.xlsx"
    export_matrix(uow, out)
    assert assert_no_formulas(out) >= 2  # "=Teknisk" and "@Lie, -Bjørn"
    rows = {r[1]: r for r in _rows(out)}
    assert rows[1003][0] == "@Lie, -Bjørn"
    assert rows[2001][2] == "=Teknisk"


def test_export_is_audited_without_names(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    export_matrix(uow, tmp_path / "m.xlsx", unit_number="10")
    events = audit.list_events(uow, action="export")
    assert len(events) == 1
    assert events[0].entity == "matrix"
    assert events[0].details == {
        "unit": "10",
        "subunits": True,
        "people": 3,
        "competences": 4,
        "not_assessed": 2,
        "missing": 1,
        "overdue": 0,
    }


def test_unknown_unit_is_refused_and_nothing_written(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        export_matrix(uow, tmp_path / "m.xlsx", unit_number="999")
    assert not (tmp_path / "m.xlsx").exists()


def test_newest_assessment_is_shown(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    assessments.record_assessment(
        uow, assessments.NewAssessment(register.per, register.comp("dig-1"), 4, source="leader")
    )
    export_matrix(uow, tmp_path / "m.xlsx", unit_number="10")
    rows = {r[1]: r for r in _rows(tmp_path / "m.xlsx")}
    assert rows[1002][5] == 4


@pytest.mark.libreoffice
def test_matrix_converts_with_libreoffice(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    out = tmp_path / "matrise.xlsx"
    export_matrix(sqlite_uow, out)
    text = pdf_text(convert_to_pdf(out, tmp_path))
    for expected in ("Ødegård, Åse", "Hjemmetjenesten Øst", "=Teknisk", "Østre Toten kommune", "Forklaring"):
        assert expected in text
