"""Mandatory means mandatory in the workbooks (docs/compliance.md): a mandatory course a person
lacks reads *Mangler* (missing) or, past its deadline, *Forfalt* (overdue), each in its own colour
and explained in the legend, never "ikke vurdert" and never a plain gap; a desirable course not
taken is a gap. Checked on a small register made by hand, cell by cell, in bokmål and English.

Today is 2026-11-22. The course "hms-cert" (HMS-opplæring for ledere) is required by

* Leder: mandatory, within 6 months of taking up the post; Leder also requires dig-1 at level 3;
* Verneombud: mandatory, no deadline;
* Assistent: desirable.

| person | role, since | certificate | status |
|---|---|---|---|
| 3001 Anna Aldri | Leder, 2026-09-01 | none | missing, deadline 01.03.2027 |
| 3002 Bjørn Brukt | Leder, 2020-01-01 | expired 2025-01-01 | overdue |
| 3003 Cecilie Utløpt | Verneombud, 2019-05-01 | expired 2024-06-30 | missing (no deadline) |
| 3004 Dag Ønsket | Assistent, 2024-01-01 | none | gap (desirable) |
| 3005 Eva Gyldig | Leder, 2018-03-01 | valid to 2028-01-01 | met |
| 3006 Frank Frist | Leder, 2026-01-01 | none | overdue (deadline 01.07.2026) |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from competence import assessments, certificates, employees, roles, settings, units
from competence.compliance.report import compliance_report
from competence.export import palette
from competence.export.excel.gap_report import export_gap_report
from competence.export.excel.matrix import LEGEND_SHEET, SHEET, export_matrix, sheet_name
from competence.export.excel.template import export_template
from competence.uow import UnitOfWork
from db.codes import RequirementStatus
from tests.support.factories import make_mini_framework

TODAY = dt.date(2026, 11, 22)
COURSE = "hms-cert HMS-opplæring for ledere"
COURSE_EN = "hms-cert HSE training for managers"


@dataclass
class Register:
    unit: str
    dig_1: int
    course: int


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> Register:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    fw = make_mini_framework(uow)
    c = fw.competence_ids
    settings.save_settings(uow, settings.RegisterSettings(municipality="Testvik kommune"))
    unit = units.create_unit(uow, "50", "Driftsenheten")
    leder = roles.create_role(uow, "Leder")
    verneombud = roles.create_role(uow, "Verneombud")
    assistent = roles.create_role(uow, "Assistent")
    roles.set_requirement(uow, leder.id, c["hms-cert"], 1, mandatory=True, deadline_months=6)
    roles.set_requirement(uow, leder.id, c["dig-1"], 3)
    roles.set_requirement(uow, verneombud.id, c["hms-cert"], 1, mandatory=True)
    roles.set_requirement(uow, assistent.id, c["hms-cert"], 1, mandatory=False)
    people = [
        ("3001", "Anna", "Aldri", leder.id, dt.date(2026, 9, 1), None),
        ("3002", "Bjørn", "Brukt", leder.id, dt.date(2020, 1, 1), (dt.date(2022, 1, 1), dt.date(2025, 1, 1))),
        (
            "3003",
            "Cecilie",
            "Utløpt",
            verneombud.id,
            dt.date(2019, 5, 1),
            (dt.date(2021, 6, 30), dt.date(2024, 6, 30)),
        ),
        ("3004", "Dag", "Ønsket", assistent.id, dt.date(2024, 1, 1), None),
        ("3005", "Eva", "Gyldig", leder.id, dt.date(2018, 3, 1), (dt.date(2025, 1, 1), dt.date(2028, 1, 1))),
        ("3006", "Frank", "Frist", leder.id, dt.date(2026, 1, 1), None),
    ]
    for number, first, last, role_id, start, certificate in people:
        emp = employees.create_employee(uow, number, first, last)
        employees.add_position(uow, emp.id, employees.PositionInput(unit.id, "", role_id, 100, start))
        if certificate is not None:
            completed, valid_until = certificate
            certificates.add_certificate(
                uow, emp.id, certificates.CertificateInput("", completed, valid_until, c["hms-cert"])
            )
        if number in ("3002", "3005", "3006"):
            assessments.record_assessment(
                uow, assessments.NewAssessment(emp.id, c["dig-1"], 3, dt.date(2025, 5, 1), "leader")
            )
    return Register(unit.number, c["dig-1"], c["hms-cert"])


def _column(ws: Worksheet, header_row: int, header: str) -> int:
    return next(cell.column for cell in ws[header_row] if cell.value == header)


def _matrix(uow: UnitOfWork, tmp_path: Path, lang: str) -> tuple[dict[int, tuple[object, object]], Path]:
    """Employee number → (the dig-1 cell, the course cell) of the matrix in ``lang``."""
    out = tmp_path / f"matrix-{lang}.xlsx"
    export_matrix(uow, out, lang=lang)
    ws = load_workbook(out)[sheet_name(SHEET, lang)]
    course = _column(ws, 2, COURSE if lang == "nb" else COURSE_EN)
    dig = _column(ws, 2, "dig-1 Digitale verktøy" if lang == "nb" else "dig-1 Digital tools")
    cells = {
        row[1].value: (row[dig - 1].value, row[course - 1].value)
        for row in ws.iter_rows(min_row=3)
        if row[1].value is not None
    }
    return cells, out


@pytest.mark.parametrize(
    ("lang", "missing", "overdue", "not_assessed"),
    [("nb", "Mangler", "Forfalt", "iv"), ("en", "Missing", "Overdue", "na")],
)
def test_the_matrix_says_missing_and_overdue_for_mandatory_courses(
    uow: UnitOfWork,
    register: Register,
    tmp_path: Path,
    lang: str,
    missing: str,
    overdue: str,
    not_assessed: str,
) -> None:
    cells, _ = _matrix(uow, tmp_path, lang)
    assert cells == {
        3001: (not_assessed, missing),  # a skill nobody assessed stays "not assessed"; the course is missing
        3002: (3, overdue),  # expired, past the deadline
        3003: (None, missing),  # expired, no deadline
        3004: (None, 0),  # desirable, never taken: the lowest level, a gap
        3005: (3, 1),  # valid certificate
        3006: (3, overdue),  # never taken, past the deadline
    }


def test_the_matrix_counts_what_is_lacking(uow: UnitOfWork, register: Register, tmp_path: Path) -> None:
    result = export_matrix(uow, tmp_path / "m.xlsx")
    assert (result.not_assessed, result.missing, result.overdue) == (1, 2, 2)


@pytest.mark.parametrize(
    ("lang", "missing", "overdue"), [("nb", "Mangler", "Forfalt"), ("en", "Missing", "Overdue")]
)
def test_missing_and_overdue_have_colours_of_their_own_and_a_legend(
    uow: UnitOfWork, register: Register, tmp_path: Path, lang: str, missing: str, overdue: str
) -> None:
    _, out = _matrix(uow, tmp_path, lang)
    wb = load_workbook(out)
    ws = wb[sheet_name(SHEET, lang)]
    rules = {
        rule.formula[0]: (rule.dxf.fill.fgColor.rgb[-6:], rule.dxf.font.color.rgb[-6:])
        for cf in ws.conditional_formatting
        for rule in cf.rules
    }
    assert rules[f'F3="{missing}"'] == palette.MISSING
    assert rules[f'F3="{overdue}"'] == palette.OVERDUE
    fills = {colours[0] for colours in rules.values()}
    assert len(fills) == len(rules)  # every status its own colour: missing and overdue are not a gap
    assert palette.MISSING[0] not in {palette.GAP[0], palette.NEAR[0], palette.NOT_ASSESSED[0]}
    assert palette.OVERDUE[0] not in {palette.GAP[0], palette.NEAR[0], palette.NOT_ASSESSED[0]}
    legend = wb[sheet_name(LEGEND_SHEET, lang)]
    samples = {row[0].value: row for row in legend.iter_rows(min_row=1) if row[0].value in (missing, overdue)}
    assert set(samples) == {missing, overdue}
    for word, colours in ((missing, palette.MISSING), (overdue, palette.OVERDUE)):
        sample, meaning = samples[word][0], samples[word][1]
        assert sample.fill.fgColor.rgb[-6:] == colours[0]
        assert str(meaning.value).startswith(f"{word}:")


def test_the_matrix_lists_what_the_compliance_report_lists(
    uow: UnitOfWork, register: Register, tmp_path: Path
) -> None:
    """The matrix and the report Lovpålagt opplæring agree on who lacks the course, and how."""
    cells, _ = _matrix(uow, tmp_path, "nb")
    words = {"Mangler": RequirementStatus.MISSING, "Forfalt": RequirementStatus.OVERDUE}
    in_matrix = {str(no): words[course] for no, (_, course) in cells.items() if course in words}
    report = compliance_report(uow, unit_number=register.unit)
    assert in_matrix == {row.employee_no: row.status for row in report.lacking}


@pytest.mark.parametrize(
    ("lang", "sheet", "words"),
    [
        (
            "nb",
            "Avvik per ansatt",
            ("Mangler, frist 01.03.2027", "Forfalt", "Mangler", "Avvik", "Ikke vurdert"),
        ),
        (
            "en",
            "Gaps per employee",
            ("Missing, deadline 01/03/2027", "Overdue", "Missing", "Gap", "Not assessed"),
        ),
    ],
)
def test_the_gap_report_says_missing_for_mandatory_courses(
    uow: UnitOfWork, register: Register, tmp_path: Path, lang: str, sheet: str, words: tuple[str, ...]
) -> None:
    out = tmp_path / "avvik.xlsx"
    export_gap_report(uow, out, lang=lang)
    ws = load_workbook(out)[sheet]
    status_col = _column(ws, 4, "Status")
    competence_col = _column(ws, 4, "Kompetanse" if lang == "nb" else "Competence")
    course = COURSE if lang == "nb" else COURSE_EN
    found: dict[tuple[int, str], tuple[str, str]] = {}
    for row in ws.iter_rows(min_row=5):
        cell = row[status_col - 1]
        found[(row[0].value, row[competence_col - 1].value)] = (cell.value, cell.fill.fgColor.rgb[-6:])
    missing_deadline, overdue, missing, gap, not_assessed = words
    assert found[(3001, course)] == (missing_deadline, palette.MISSING[0])
    assert found[(3002, course)] == (overdue, palette.OVERDUE[0])
    assert found[(3003, course)] == (missing, palette.MISSING[0])
    assert found[(3004, course)] == (gap, palette.GAP[0])
    assert found[(3006, course)] == (overdue, palette.OVERDUE[0])
    assert (3005, course) not in found  # a valid certificate is met
    dig = "dig-1 Digitale verktøy" if lang == "nb" else "dig-1 Digital tools"
    assert found[(3001, dig)] == (not_assessed, palette.NOT_ASSESSED[0])


def test_the_assessment_template_leaves_courses_to_their_certificates(
    uow: UnitOfWork, register: Register, tmp_path: Path
) -> None:
    """The template is filled in with levels: a course is proven by a certificate, so it has no
    column there (nor a Mangler to overwrite), and the skills keep their levels."""
    out = tmp_path / "mal.xlsx"
    export_template(uow, out, unit_number=register.unit)
    ws = load_workbook(out)["Vurdering"]
    headers = [cell.value for cell in ws[2]]
    assert COURSE not in headers and "dig-1 Digitale verktøy" in headers
    values = {cell.value for row in ws.iter_rows(min_row=4) for cell in row}
    assert not values & {"Mangler", "Forfalt", "Missing", "Overdue"}
