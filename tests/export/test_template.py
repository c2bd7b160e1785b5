"""The assessment template round trip: export, fill in, import; refusals by cell; foreign files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from competence import assessments, audit
from competence.errors import LocalizedError, ValidationError
from competence.export.excel import template_layout as tl
from competence.export.excel.template import export_template
from competence.export.excel.template_import import import_assessments
from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.export.conftest import TODAY, ExportRegister, build_register
from tests.export.helpers import assert_no_formulas, convert_to_pdf, pdf_text


def _template(uow: UnitOfWork, tmp_path: Path) -> Path:
    out = tmp_path / "mal.xlsx"
    export_template(uow, out, unit_number="10", subunits=True)
    return out


def _cells(path: Path) -> dict[tuple[int, str], object]:
    """(ansattnr, competence header) → cell value of the Vurdering sheet."""
    ws = load_workbook(path)[tl.SHEET]
    headers = [c.value for c in ws[tl.HEADER_ROW]]
    result = {}
    for row in ws.iter_rows(min_row=tl.FIRST_ROW, values_only=True):
        for col in range(tl.FIRST_COMP_COL - 1, len(headers)):
            result[(row[2], headers[col])] = row[col]
    return result


def _fill(path: Path, edits: dict[str, object]) -> None:
    wb = load_workbook(path)
    ws = wb[tl.SHEET]
    for ref, value in edits.items():
        ws[ref] = value
    wb.save(path)


def _where(path: Path, employee_no: int, competence: str) -> str:
    ws = load_workbook(path)[tl.SHEET]
    headers = [c.value for c in ws[tl.HEADER_ROW]]
    col = headers.index(competence) + 1
    for row in ws.iter_rows(min_row=tl.FIRST_ROW):
        if row[2].value == employee_no:
            return row[col - 1].coordinate
    raise AssertionError((employee_no, competence))


def test_template_layout(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = _template(uow, tmp_path)
    wb = load_workbook(out)
    assert wb[tl.META_SHEET].sheet_state == "veryHidden"
    assert wb[tl.LEVELS_SHEET].sheet_state == "hidden"
    assert wb.security.lockStructure
    ws = wb[tl.SHEET]
    assert ws.protection.sheet
    assert ws.column_dimensions["A"].hidden and ws.row_dimensions[tl.ID_ROW].hidden
    cells = _cells(out)
    # only competences assessed by level: the HMS certificate is not in the template
    assert {k[1] for k in cells} == {
        "dig-1 Digitale verktøy",
        "dig-2 Informasjonssikkerhet",
        "hms-1 Risikovurdering",
    }
    assert cells[(1002, "dig-1 Digitale verktøy")] == "2 – Nivå 2"
    assert cells[(1002, "dig-2 Informasjonssikkerhet")] is None
    level_cell = ws[_where(out, 1002, "dig-1 Digitale verktøy")]
    assert not level_cell.protection.locked
    assert ws["B4"].protection.locked
    validations = ws.data_validations.dataValidation
    assert len(validations) == 3 and all(v.type == "list" for v in validations)
    assert any("$B$2:$B$9" in v.formula1 for v in validations)  # the 1-8 scale
    assert assert_no_formulas(out) >= 1  # "@Lie, -Bjørn"


def test_round_trip_writes_new_assessments(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = _template(uow, tmp_path)
    per_dig1 = _where(out, 1002, "dig-1 Digitale verktøy")
    per_dig2 = _where(out, 1002, "dig-2 Informasjonssikkerhet")
    bjorn_hms = _where(out, 1003, "hms-1 Risikovurdering")
    ase_dig2 = _where(out, 1001, "dig-2 Informasjonssikkerhet")
    ase_hms = _where(out, 1001, "hms-1 Risikovurdering")
    _fill(out, {per_dig1: "3 – Nivå 3", per_dig2: 4, bjorn_hms: "Nivå 9", ase_dig2: None, ase_hms: "=1+2"})

    preview = import_assessments(uow, out, dry_run=True)
    assert not preview.applied
    assert [(c.cell, c.old_level, c.new_level) for c in preview.changed] == [
        (f"Vurdering!{per_dig1}", 2, 3),
        (f"Vurdering!{per_dig2}", None, 4),
    ]
    refused = {r.cell: r for r in preview.refused}
    assert set(refused) == {f"Vurdering!{c}" for c in (bjorn_hms, ase_dig2, ase_hms)}
    assert refused[f"Vurdering!{bjorn_hms}"].code == "not_a_level"
    # each bad cell named: the cell, the person, the competence and the levels allowed
    assert refused[f"Vurdering!{bjorn_hms}"].message() == (
        f"Ark Vurdering!{bjorn_hms} (-Bjørn @Lie (1003), Risikovurdering): «Nivå 9» er ikke et nivå på "
        "skalaen for «Risikovurdering» (gyldige nivåer: 1 Nivå 1, 2 Nivå 2, 3 Nivå 3, 4 Nivå 4)."
    )
    assert (
        refused[f"Vurdering!{bjorn_hms}"]
        .message("en")
        .endswith("(valid levels: 1 Level 1, 2 Level 2, 3 Level 3, 4 Level 4).")
    )
    assert refused[f"Vurdering!{ase_dig2}"].code == "cleared"
    assert refused[f"Vurdering!{ase_hms}"].code == "formula"
    assert assessments.current_levels(uow, register.per)[register.comp("dig-1")].level_ordinal == 2

    # all or nothing: three refused cells save nothing, not even the two good ones
    refused_whole = import_assessments(uow, out)
    assert not refused_whole.applied and refused_whole.refused_whole and len(refused_whole.refused) == 3
    assert assessments.current_levels(uow, register.per)[register.comp("dig-1")].level_ordinal == 2
    assert audit.list_events(uow, action="import") == []

    result = import_assessments(uow, out, partial=True)  # the good cells, on request
    assert result.applied and len(result.changed) == 2
    levels = assessments.current_levels(uow, register.per)
    new = levels[register.comp("dig-2")]
    # the assessor is who acted: on a shared register the database login (docs/security.md)
    assert (new.level_ordinal, new.source, new.assessor, new.assessed_on) == (4, "leader", uow.actor, TODAY)
    assert uow.actor == ("testleder" if uow.dialect == "sqlite" else uow.database.login)
    assert levels[register.comp("dig-1")].level_ordinal == 3
    assert (
        len(assessments.history(uow, register.per, register.comp("dig-1"))) == 2
    )  # appended, not overwritten
    events = audit.list_events(uow, action="import")
    assert events[0].entity == "assessment_template" and events[0].details["changed"] == 2
    assert len(audit.list_events(uow, action="assess")) == 6 + 2

    again = import_assessments(uow, out, partial=True)
    assert (len(again.changed), again.already_registered) == (0, 2)


def test_level_changed_in_the_register_meanwhile_is_not_overwritten(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    out = _template(uow, tmp_path)
    cell = _where(out, 1002, "dig-1 Digitale verktøy")
    assessments.record_assessment(
        uow, assessments.NewAssessment(register.per, register.comp("dig-1"), 4, source="leader")
    )
    _fill(out, {cell: "3"})
    result = import_assessments(uow, out)
    assert [r.code for r in result.refused] == ["changed_since"]
    assert assessments.current_levels(uow, register.per)[register.comp("dig-1")].level_ordinal == 4


def test_tampered_identifiers_are_refused(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = _template(uow, tmp_path)
    wb = load_workbook(out)
    wb[tl.SHEET].cell(row=tl.FIRST_ROW, column=tl.ID_COL).value = register.kari  # someone outside the unit
    wb.save(out)
    with pytest.raises(ValidationError) as err:
        import_assessments(uow, out)
    assert err.value.code == "tampered"
    assert "endret utenfor cellene" in err.value.message("nb")


def test_template_of_another_register_is_refused(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    other: Database = open_database(f"sqlite:///{tmp_path / 'annen.db'}")
    try:
        other_uow = UnitOfWork(other, actor="annen")
        build_register(other_uow)
        foreign = tmp_path / "fremmed.xlsx"
        export_template(other_uow, foreign, unit_number="10")
    finally:
        other.dispose()
    with pytest.raises(ValidationError) as err:
        import_assessments(sqlite_uow, foreign)
    assert err.value.code == "foreign_register"


def test_files_that_are_not_templates_are_refused(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    plain = tmp_path / "vanlig.xlsx"
    Workbook().save(plain)
    text = tmp_path / "liste.xlsx"
    text.write_text("navn;nivå\n", encoding="utf-8")
    bomb = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    codes = {}
    for path in (plain, text, bomb, tmp_path / "finnes-ikke.xlsx"):
        with pytest.raises(LocalizedError) as err:
            import_assessments(sqlite_uow, path)
        codes[path.name] = err.value.code
    assert codes == {
        "vanlig.xlsx": "not_a_template",
        "liste.xlsx": "wrong_extension",
        "bombe.xlsx": "zip_bomb",
        "finnes-ikke.xlsx": "not_found",
    }


def test_xml_entities_are_refused(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    good = _template(sqlite_uow, tmp_path)
    evil = tmp_path / "entiteter.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' + data
            dst.writestr(info, data)
    with pytest.raises(LocalizedError) as err:
        import_assessments(sqlite_uow, evil)
    assert "DTD" in err.value.message("nb")


@pytest.mark.libreoffice
def test_template_converts_with_libreoffice(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    out = _template(sqlite_uow, tmp_path)
    text = pdf_text(convert_to_pdf(out, tmp_path))
    assert "Ødegård, Åse" in text and "3 – Nivå 3" in text
