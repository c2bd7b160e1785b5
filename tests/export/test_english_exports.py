"""Exports in the user's language: with ``--lang en`` (the CLI) or ``lang="en"`` (the app passes
its own), the PDFs and workbooks hold no bokmål text of the program's own, show the frameworks'
English names and English dates and numbers, and an English assessment template reads back."""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competence import assessments
from competence.cli import main
from competence.export.excel import template_layout as tl
from competence.export.excel.template import export_template
from competence.export.excel.template_import import import_assessments
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister
from tests.export.helpers import pdf_text

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^}]*\}|<[^>]*>|&\w+;")


def _bokmal_texts() -> set[str]:
    """The bokmål halves of the exports' own texts (``pick(lang, nb, en)`` and ``t(nb, en)``
    with literals), cut at their placeholders into pieces long enough to be telling (8 letters)."""
    pieces: set[str] = set()
    for path in sorted((ROOT / "competence" / "export").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            literals = [
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if name in ("pick", "t") and len(literals) >= 2 and literals[-2] != literals[-1]:
                for piece in PLACEHOLDER.split(literals[-2]):
                    piece = piece.strip(" .:,()·–-\n")
                    if len(piece) >= 8:
                        pieces.add(piece)
    return pieces


def _run(uow: UnitOfWork, *argv: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--db", uow.database.url, "--lang", "en"], out=out, err=err)
    assert code == 0, err.getvalue()


def _workbook_text(path: Path) -> str:
    wb = load_workbook(path)
    parts = [ws.title for ws in wb.worksheets]
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        parts += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        parts += [ws.oddFooter.right.text or "", ws.oddFooter.center.text or ""]
    return "\n".join(parts)


@pytest.fixture
def english_exports(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> Iterator[dict[str, str]]:
    _run(uow, "export-plan", "1001", str(tmp_path / "plan.pdf"))
    _run(uow, "export-unit-plan", "--unit", "10", str(tmp_path / "unit-plan.pdf"))
    _run(uow, "export-matrix", str(tmp_path / "matrix.xlsx"))
    _run(uow, "export-gap", str(tmp_path / "gaps.xlsx"))
    _run(uow, "export-template", "--unit", "10", str(tmp_path / "template.xlsx"))
    yield {
        "plan": pdf_text(tmp_path / "plan.pdf"),
        "unit plan": pdf_text(tmp_path / "unit-plan.pdf"),
        "matrix": _workbook_text(tmp_path / "matrix.xlsx"),
        "gap report": _workbook_text(tmp_path / "gaps.xlsx"),
        "template": _workbook_text(tmp_path / "template.xlsx"),
    }


def test_english_exports_hold_no_bokmal_of_their_own(english_exports: dict[str, str]) -> None:
    pieces = _bokmal_texts()
    assert len(pieces) > 80  # the exports' texts were found
    found = {
        name: sorted(p for p in pieces if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", " ".join(text.split())))
        for name, text in english_exports.items()
    }
    assert not any(found.values()), found


def test_english_exports_use_english_names_dates_and_numbers(english_exports: dict[str, str]) -> None:
    plan = " ".join(english_exports["plan"].split())
    assert "Individual development plan" in plan and "Competence profile" in plan
    assert "dig-1 Digital tools" in plan and "Digitale verktøy" not in plan
    assert "§15 Digital transformation" in plan and "Level 3" in plan
    assert "22/11/2026" in plan and "Page 1 of" in plan
    unit_plan = " ".join(english_exports["unit plan"].split())
    assert "Unit competence plan" in unit_plan and "Mean gap" in unit_plan and "%" in unit_plan
    assert " %" not in unit_plan.replace("\u00a0", " ").replace("( %", "")  # 51%, not 51 %
    matrix = english_exports["matrix"]
    assert "Competence matrix" in matrix and "Legend" in matrix and "Information security" in matrix
    assert "Page &P of &N" in matrix
    gaps = english_exports["gap report"]
    assert "Gaps per employee" in gaps and "Summary" in gaps and "Not assessed" in gaps
    assert "Assessment" in english_exports["template"] and "Level 3" in english_exports["template"]


def test_an_english_template_is_read_back(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    export_template(uow, path, unit_number="10", lang="en")
    wb = load_workbook(path)
    assert tl.SHEETS_EN[tl.SHEET] in wb.sheetnames and tl.SHEET not in wb.sheetnames
    ws = wb[tl.SHEETS_EN[tl.SHEET]]
    per_row = next(r for r in range(tl.FIRST_ROW, tl.FIRST_ROW + 5) if ws.cell(r, 2).value == "Ærlig, Per")
    dig1_col = next(
        c
        for c in range(tl.FIRST_COMP_COL, tl.FIRST_COMP_COL + 5)
        if ws.cell(tl.ID_ROW, c).value == register.comp("dig-1")
    )
    ws.cell(per_row, dig1_col).value = "4 – Level 4"  # the English name of the level, as the list offers it
    wb.save(path)
    result = import_assessments(uow, path)
    assert [(c.employee_no, c.new_level) for c in result.changed] == [("1002", 4)], result.refused
    assert result.changed[0].cell.startswith("Assessment!")
    assert assessments.history(uow, register.per, register.comp("dig-1"))[0].level_ordinal == 4
