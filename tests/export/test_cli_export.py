"""The export commands end to end: files written, exit codes, the import's JSON report."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import load_workbook

from competence.cli import main
from competence.export.excel import template_layout as tl
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister


def _run(uow: UnitOfWork, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--db", uow.database.url], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_export_commands(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    code, out, _ = _run(uow, "export-matrix", str(tmp_path / "m.xlsx"), "--unit", "10", "--subunits")
    assert code == 0 and "3 ansatte × 4 kompetanser" in out
    code, out, _ = _run(uow, "export-gap", str(tmp_path / "g.xlsx"))
    assert code == 0 and (tmp_path / "g.xlsx").exists()
    code, out, _ = _run(uow, "export-plan", "1001", str(tmp_path / "p.pdf"), "--talk-date", "22.11.2026")
    assert code == 0 and "1001" in out
    code, out, _ = _run(uow, "export-unit-plan", "--unit", "10", str(tmp_path / "u.pdf"))
    assert code == 0 and (tmp_path / "u.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = _run(
        uow,
        "export-plans",
        "--unit",
        "11",
        str(tmp_path / "planer"),
        "--combined",
        str(tmp_path / "alle.pdf"),
    )
    assert code == 0 and "2 utviklingsplaner" in out and (tmp_path / "alle.pdf").exists()


def test_refusals_exit_with_1(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    code, _, err = _run(uow, "export-plan", "4242", str(tmp_path / "p.pdf"))
    assert code == 1 and "4242" in err
    code, _, err = _run(uow, "export-matrix", str(tmp_path / "m.xlsx"), "--unit", "77")
    assert code == 1 and "77" in err
    (tmp_path / "x.xlsx").write_text("ikke et regneark")
    code, _, err = _run(uow, "import-assessments", str(tmp_path / "x.xlsx"))
    assert code == 1 and "feil filendelse: innholdet er en tekstfil" in err
    code, _, _ = _run(uow, "export-template", str(tmp_path / "t.xlsx"))
    assert code == 2  # --unit is required


def test_template_round_trip_on_the_command_line(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    template = tmp_path / "mal.xlsx"
    assert _run(uow, "export-template", str(template), "--unit", "10")[0] == 0
    wb = load_workbook(template)
    ws = wb[tl.SHEET]
    per_row = next(r for r in range(tl.FIRST_ROW, ws.max_row + 1) if ws.cell(row=r, column=3).value == 1002)
    ws.cell(row=per_row, column=tl.FIRST_COMP_COL).value = "4"
    ws.cell(row=per_row, column=tl.FIRST_COMP_COL + 1).value = "Ekspert"
    wb.save(template)
    code, out, _ = _run(uow, "import-assessments", str(template), "--dry-run")
    assert code == 0 and "Prøvekjøring: 1 vurderinger ville blitt lagret, 1 celler avvist" in out
    assert "«Ekspert» er ikke et nivå" in out
    # all or nothing: the refused cell stops the save, and the command says so with exit code 1
    code, out, _ = _run(uow, "import-assessments", str(template))
    assert code == 1 and "Ingenting er lagret: 1 celler kan ikke leses inn" in out
    assert "(Per Ærlig (1002), Informasjonssikkerhet): «Ekspert» er ikke et nivå" in out
    code, out, _ = _run(uow, "import-assessments", str(template), "--json", "--lang", "en")
    report = json.loads(out)
    assert code == 1 and (report["applied"], report["refused_whole"]) == (False, True)
    code, out, _ = _run(uow, "import-assessments", str(template), "--partial", "--json", "--lang", "en")
    report = json.loads(out)
    assert code == 0 and report["applied"] is True
    assert [(c["employee_no"], c["old_level"], c["new_level"]) for c in report["changed"]] == [("1002", 2, 4)]
    assert report["refused"][0]["reason"] == "not_a_level"
    assert report["refused"][0]["person"] == "Per Ærlig (1002)"
    assert report["refused"][0]["message"].startswith("Sheet Vurdering!")
