"""The self-assessment form round trip (docs/compliance.md): a sheet per person, filled in with
openpyxl as an employee would (picking level texts, typing a number, writing a comment), read back
as source "self", all or nothing; bad cells named with the person, the sheet and the cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competence import assessments
from competence.cli import main
from competence.errors import ValidationError
from competence.export.excel import self_assessment_layout as sl
from competence.export.excel.self_assessment import export_self_assessment
from competence.export.excel.self_assessment_import import import_self_assessment
from competence.uow import UnitOfWork
from db.session import Database
from tests.export.conftest import TODAY, ExportRegister

PER = "Ærlig, Per (1002)"
ASE = "Ødegård, Åse (1001)"


def _form(uow: UnitOfWork, tmp_path: Path, unit: str = "10", lang: str = "nb") -> Path:
    out = tmp_path / "egenvurdering.xlsx"
    export_self_assessment(uow, out, unit_number=unit, lang=lang)
    return out


def _rows(path: Path, sheet: str) -> dict[str, tuple[int, str | None]]:
    """competence name → (row, what stands under Ditt nivå)."""
    ws = load_workbook(path)[sheet]
    found = {}
    for row in range(sl.FIRST_ROW, ws.max_row + 1):
        name = ws.cell(row=row, column=sl.NAME_COL).value
        if name:
            found[str(name)] = (row, ws.cell(row=row, column=sl.LEVEL_COL).value)
    return found


def _fill(path: Path, sheet: str, edits: dict[str, tuple[object, object]]) -> None:
    """As an employee would: a level (a text from the list, or a number) and a comment per row."""
    wb = load_workbook(path)
    ws = wb[sheet]
    rows = _rows(path, sheet)
    for competence, (level, comment) in edits.items():
        row = rows[competence][0]
        ws.cell(row=row, column=sl.LEVEL_COL).value = level
        ws.cell(row=row, column=sl.COMMENT_COL).value = comment
    wb.save(path)


def test_one_sheet_per_person_with_their_required_competences(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    assessments.record_assessment(
        uow, assessments.NewAssessment(register.per, register.comp("dig-1"), 1, TODAY, "self")
    )
    out = _form(uow, tmp_path)
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Veiledning", sl.LISTS_SHEET]
    assert set(wb.sheetnames[2:-1]) == {ASE, PER}
    assert wb[sl.META_SHEET].sheet_state == "veryHidden" and wb[sl.LISTS_SHEET].sheet_state == "hidden"
    assert wb.security.lockStructure
    # Per (Sykepleier) has the two skills his role requires, not the course certificate; his last
    # self-assessment stands under Ditt nivå
    rows = _rows(out, PER)
    assert set(rows) == {"dig-1 Digitale verktøy", "dig-2 Informasjonssikkerhet"}
    assert (
        rows["dig-1 Digitale verktøy"][1] == "1 – Nivå 1" and rows["dig-2 Informasjonssikkerhet"][1] is None
    )
    ws = wb[PER]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    level, comment = (ws.cell(row=sl.FIRST_ROW, column=c) for c in (sl.LEVEL_COL, sl.COMMENT_COL))
    assert not level.protection.locked and not comment.protection.locked
    assert ws.cell(row=sl.FIRST_ROW, column=sl.NAME_COL).protection.locked
    assert ws.cell(row=sl.FIRST_ROW, column=sl.REQUIRED_COL).value == "3 – Nivå 3"
    (validation,) = [v for v in ws.data_validations.dataValidation if level.coordinate in str(v.sqref)]
    assert validation.type == "list" and sl.LISTS_SHEET in validation.formula1
    # Åse counts with her post in the unit (as in every export); with the sub-units her second role
    # adds its requirements, each competence once at the higher level
    assert set(_rows(out, ASE)) == {"dig-1 Digitale verktøy", "dig-2 Informasjonssikkerhet"}
    with_subunits = tmp_path / "med-underenheter.xlsx"
    export_self_assessment(uow, with_subunits, unit_number="10", subunits=True)
    rows = _rows(with_subunits, ASE)
    assert set(rows) == {"dig-1 Digitale verktøy", "dig-2 Informasjonssikkerhet", "hms-1 Risikovurdering"}
    ws = load_workbook(with_subunits)[ASE]
    assert ws.cell(row=rows["dig-1 Digitale verktøy"][0], column=sl.REQUIRED_COL).value == "3 – Nivå 3"


def test_round_trip_records_self_assessments_beside_the_leaders(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    out = tmp_path / "egenvurdering.xlsx"
    export_self_assessment(uow, out, unit_number="10", subunits=True)
    _fill(
        out,
        PER,
        {
            "dig-1 Digitale verktøy": ("3 – Nivå 3", "Har tatt kurs i Teams"),
            "dig-2 Informasjonssikkerhet": (5, None),
        },
    )
    _fill(out, ASE, {"hms-1 Risikovurdering": ("Nivå 3", None)})  # the level's name alone
    preview = import_self_assessment(uow, out, dry_run=True)
    assert not preview.applied and preview.refused == ()
    assert sorted((r.name, r.competence, r.new_level, r.note) for r in preview.recorded) == [
        ("Per Ærlig", "Digitale verktøy", 3, "Har tatt kurs i Teams"),
        ("Per Ærlig", "Informasjonssikkerhet", 5, None),
        ("Åse Ødegård", "Risikovurdering", 3, None),
    ]
    result = import_self_assessment(uow, out)
    assert result.applied and len(result.recorded) == 3 and result.people == 3  # with Bjørn in 11
    history = assessments.history(uow, register.per, register.comp("dig-1"))
    newest = history[0]
    assert (newest.source, newest.level_ordinal, newest.assessor, newest.note, newest.assessed_on) == (
        "self",
        3,
        "Per Ærlig",
        "Har tatt kurs i Teams",
        TODAY,
    )
    # the leader's level still counts (docs/compliance.md)
    current = assessments.current_levels(uow, register.per)[register.comp("dig-1")]
    assert (current.level_ordinal, current.source) == (2, "leader")
    # the same file again records nothing twice
    again = import_self_assessment(uow, out)
    assert again.applied and (len(again.recorded), again.already_registered) == (0, 3)


def test_bad_cells_refuse_the_whole_form_each_named(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    assessments.record_assessment(
        uow, assessments.NewAssessment(register.ase, register.comp("hms-1"), 2, TODAY, "self")
    )
    out = tmp_path / "egenvurdering.xlsx"
    export_self_assessment(uow, out, unit_number="10", subunits=True)
    _fill(
        out,
        PER,
        {
            "dig-1 Digitale verktøy": ("3 – Nivå 3", None),  # a good cell
            "dig-2 Informasjonssikkerhet": ("9", None),  # not a level of the 1-8 scale
        },
    )
    _fill(
        out,
        ASE,
        {
            "dig-1 Digitale verktøy": ("=1+2", None),  # a formula
            "hms-1 Risikovurdering": (None, None),  # her earlier self-assessment emptied
            "dig-2 Informasjonssikkerhet": (None, "Usikker"),  # a comment without a level
        },
    )
    result = import_self_assessment(uow, out)
    assert not result.applied and result.refused_whole
    messages = {r.code: r.message("nb") for r in result.refused}
    assert set(messages) == {"not_a_level", "formula", "cleared", "comment_without_level"}
    per_dig2 = _rows(out, PER)["dig-2 Informasjonssikkerhet"][0]
    assert messages["not_a_level"] == (
        f"Ark {PER}!F{per_dig2} (Per Ærlig (1002), Informasjonssikkerhet): «9» er ikke et nivå på skalaen "
        "for «Informasjonssikkerhet» (gyldige nivåer: 1 Nivå 1, 2 Nivå 2, 3 Nivå 3, 4 Nivå 4, 5 Nivå 5, "
        "6 Nivå 6, 7 Nivå 7, 8 Nivå 8)."
    )
    assert messages["formula"].startswith(f"Ark {ASE}!F")
    # nothing at all was saved, not even Per's good cell
    assert [a.source for a in assessments.history(uow, register.per, register.comp("dig-1"))] == ["leader"]


def test_a_form_changed_outside_its_cells_or_from_elsewhere_is_refused(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    out = _form(uow, tmp_path)
    wb = load_workbook(out)
    wb[PER].cell(row=sl.FIRST_ROW, column=sl.ID_COL).value = register.comp("hms-1")  # another competence
    wb.save(out)
    with pytest.raises(ValidationError) as info:
        import_self_assessment(uow, out)
    assert info.value.code == "tampered"
    template = tmp_path / "mal.xlsx"
    from competence.export.excel.template import export_template

    export_template(uow, template, unit_number="10")
    with pytest.raises(ValidationError) as info:
        import_self_assessment(uow, template)
    assert info.value.code == "not_a_template"
    assert "egenvurderingsskjema" in info.value.message("nb")


def test_the_english_form_reads_back(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = _form(uow, tmp_path, lang="en")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Guide"
    assert wb[PER].cell(row=sl.HEADER_ROW, column=sl.LEVEL_COL).value == "Your level"
    _fill(out, PER, {"dig-1 Digital tools": ("4 – Level 4", "Teaches others")})
    result = import_self_assessment(uow, out)
    assert [(r.new_level, r.new_label) for r in result.recorded] == [(4, "4 – Level 4")]


def test_a_unit_without_requirements_has_nothing_to_fill_in(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    from competence import units

    units.create_unit(uow, "30", "Tom enhet")
    with pytest.raises(ValidationError) as info:
        export_self_assessment(uow, tmp_path / "x.xlsx", unit_number="30")
    assert "ikke noe å fylle ut" in info.value.message("nb")
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_round_trip_and_json(
    sqlite_database: Database,
    sqlite_register: ExportRegister,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = ["--db", sqlite_database.url]
    out = tmp_path / "skjema.xlsx"
    assert main(["export-self-assessment", str(out), "--unit", "10", *db]) == 0
    assert "Egenvurderingsskjema skrevet til" in capsys.readouterr().out
    _fill(out, PER, {"dig-1 Digitale verktøy": ("2", None), "dig-2 Informasjonssikkerhet": ("nivå 99", None)})
    assert main(["import-self-assessment", str(out), "--json", *db]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["applied"], data["refused_whole"], data["people"]) == (False, True, 2)
    assert [(r["person"], r["reason"]) for r in data["refused"]] == [("Per Ærlig (1002)", "not_a_level")]
    _fill(out, PER, {"dig-2 Informasjonssikkerhet": ("6 – Nivå 6", "Ok")})
    assert main(["import-self-assessment", str(out), *db]) == 0
    text = capsys.readouterr().out
    assert "2 egenvurderinger lagret for 2 ansatte" in text
