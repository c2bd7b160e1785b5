"""The gap report workbook: figures from competence.gap, per unit and area, certificates, goals."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from competence import audit
from competence.export.excel.gap_report import export_gap_report
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister
from tests.export.helpers import assert_no_formulas, convert_to_pdf, pdf_text


def _table(path: Path, sheet: str) -> list[tuple[object, ...]]:
    ws = load_workbook(path)[sheet]
    return [tuple(r) for r in ws.iter_rows(min_row=5, values_only=True)]


def test_gap_report_of_a_unit(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = tmp_path / "avvik.xlsx"
    result = export_gap_report(uow, out, unit_number="10")
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Sammendrag",
        "Enheter og områder",
        "Strategiområder",
        "Avvik per ansatt",
        "Sårbarhet",
        "Sertifikater",
        "Utviklingsmål",
    ]
    figures = {r[0]: r[1] for r in wb["Sammendrag"].iter_rows(min_row=5, max_row=14, values_only=True)}
    assert figures["Ansatte"] == 3
    assert figures["Krav (person × kompetanse)"] == 9
    assert figures["Ikke vurdert"] == 2
    units = {(r[0], r[2]): r for r in _table(out, "Enheter og områder")}
    # unit 10, digital: Åse dig-1 met, dig-2 met; Per dig-1 2/4 (gap 25), dig-2 not assessed (gap 75)
    row = units[(10, "§15 Digital transformasjon")]
    assert row[3:] == (4, 0.5, 25.0, 1, 1)
    assert units[(11, "§13 HMS")][3:] == (2, 0.0, 75.0, 1, 1)
    assert wb["Enheter og områder"].cell(row=5, column=5).number_format == "0\\ %"  # shows "50 %"
    gaps = {(r[1], r[3]): r for r in _table(out, "Avvik per ansatt")}
    assert gaps[("Ærlig, Per", "dig-1 Digitale verktøy")][5:] == (75.0, 50.0, 25.0, "Avvik")
    assert gaps[("Ærlig, Per", "dig-2 Informasjonssikkerhet")][5:] == (75.0, None, 75.0, "Ikke vurdert")
    assert not any(r[1] == "Ødegård, Åse" and r[3].startswith("dig") for r in gaps.values())
    vulnerable = _table(out, "Sårbarhet")
    # critical, required of Åse and Bjørn (Fagleder in 11), held by neither
    assert ("Hjemmetjenesten Øst", "hms-1 Risikovurdering", "kritisk, kreves av 2, har 0", 0, "ingen") in {
        (r[1], r[2], r[4], r[6], r[7]) for r in vulnerable
    }
    certs = _table(out, "Sertifikater")
    assert [(r[0], r[3], r[6]) for r in certs] == [
        (1002, "HMS-opplæring for ledere", "Utløpt"),
        (1001, "Førstehjelp", "Utløper"),
    ]
    goals = _table(out, "Utviklingsmål")
    assert [(r[0], r[9], r[10], r[11], r[12]) for r in goals] == [
        (1002, "Planlagt", 6, None, "Ja"),
        (1001, "Pågår", 14, 4500, "Ja"),
    ]
    assert result.goals == 2 and result.certificates == 2
    assert assert_no_formulas(out) >= 1  # the goal described as "=HYPERLINK(...)"
    events = audit.list_events(uow, action="export")
    assert events[0].entity == "gap_report" and events[0].details["unit"] == "10"
    assert "Ærlig" not in str(events[0].details)


def test_gap_report_of_an_empty_unit(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    from competence import units

    units.create_unit(uow, "99", "Tom enhet")
    export_gap_report(uow, tmp_path / "tom.xlsx", unit_number="99")
    assert _table(tmp_path / "tom.xlsx", "Sårbarhet")[0][0] == "Ingen."


@pytest.mark.libreoffice
def test_gap_report_converts_with_libreoffice(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    out = tmp_path / "avvik.xlsx"
    export_gap_report(sqlite_uow, out)
    text = pdf_text(convert_to_pdf(out, tmp_path))
    assert "Avviksrapport" in text and "Hjemmetjenesten Øst" in text and "Førstehjelp" in text
