"""The headless commands: gap-report, backup, restore; options and exit codes."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from competence import employees
from competence.cli import main
from competence.cli.context import CliContext
from competence.uow import UnitOfWork
from db.session import open_database
from tests.support.registers import TODAY, build_register


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def register_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    url = f"sqlite:///{tmp_path / 'register.db'}"
    db = open_database(url)
    build_register(UnitOfWork(db))
    db.dispose()
    return url


def test_gap_report_json_heatmap(register_url: str) -> None:
    code, out, err = run("--db", register_url, "gap-report", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["at"] == TODAY.isoformat()
    assert [u["name"] for u in data["units"]] == ["Sentrum", "Nord"]
    names = {c["id"]: c["name"] for c in data["competences"]}
    cells = {(c["unit_id"], names[c["competence_id"]]): c for c in data["heatmap"]}
    sentrum = data["units"][0]["id"]
    cell = cells[(sentrum, "Informasjonssikkerhet")]
    assert cell == {
        "unit_id": sentrum,
        "competence_id": cell["competence_id"],
        "people": 3,
        "met": 1,
        "share_met": 33.3,
        "not_assessed": 1,
        "missing": 0,  # mandatory and lacking (a certificate competence); informasjonssikkerhet is a skill
        "mean_gap": 37.5,
    }
    assert data["summary"]["people"] == 3
    assert data["summary"]["vulnerable"] == 2  # Sentrum's dig-2 and hms-cert (tests/test_gap.py)
    assert {c["status"] for c in data["certificates"]} == {"expiring", "expired"}


def test_gap_report_for_one_unit_and_an_earlier_date(register_url: str) -> None:
    code, out, _ = run("gap-report", "--unit", "02", "--json", "--db", register_url)
    assert code == 0
    assert [u["number"] for u in json.loads(out)["units"]] == ["2"]
    code, out, _ = run("gap-report", "--db", register_url, "--at", "01.01.2025")
    assert code == 0
    assert "Avviksanalyse per 01.01.2025" in out
    assert "Sårbarhet" in out


def test_gap_report_in_english(register_url: str) -> None:
    code, out, _ = run("--lang", "en", "--db", register_url, "gap-report")
    assert code == 0
    assert out.startswith("Gap analysis as of 22/11/2026")  # dates as the English app writes them


def test_bad_input_is_refused_with_a_norwegian_message(register_url: str) -> None:
    code, _, err = run("gap-report", "--unit", "999", "--db", register_url)
    assert code == 1
    assert "Fant ikke enhet med nummer «999»" in err
    code, _, err = run("gap-report", "--at", "31.02.2025", "--db", register_url)
    assert code == 1
    assert "er ikke en dato" in err
    code, _, err = run("gap-report", "--bogus")
    assert code == 2
    code, _, err = run("no-such-command")
    assert code == 2


def test_backup_and_restore_round_trip(register_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "kopi.db"
    assert run("backup", str(backup), "--db", register_url)[0] == 0
    assert backup.stat().st_mode & 0o077 == 0
    db = open_database(register_url)
    uow = UnitOfWork(db)
    employees.create_employee(uow, "99", "Etter", "Kopien")
    assert len(employees.list_employees(uow)) == 4
    db.dispose()
    code, out, err = run("restore", str(backup), "--db", register_url)
    assert code == 0, err
    assert "gjenopprettet" in out
    db = open_database(register_url)
    assert sorted(r.employee_no for r in employees.list_employees(UnitOfWork(db))) == ["1", "2", "3"]
    db.dispose()


def test_restore_refuses_a_damaged_backup(register_url: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    code, _, err = run("restore", str(broken), "--db", register_url)
    assert code == 1
    assert "skadet" in err


def test_backup_and_restore_on_postgresql(pg_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    uow = UnitOfWork(pg_database)
    build_register(uow)
    backup = tmp_path / "pg.db"
    assert run("backup", str(backup), "--db", pg_database.url)[0] == 0
    employees.create_employee(uow, "77", "Ny", "Person")
    code, _, err = run("restore", str(backup), "--db", pg_database.url)
    assert code == 0, err
    assert sorted(r.employee_no for r in employees.list_employees(uow)) == ["1", "2", "3"]
    created = employees.create_employee(uow, "78", "Etter", "Gjenoppretting")  # sequences moved past the copy
    assert created.id > 3


def test_python_dash_m_competence_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "competence", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "gap-report" in result.stdout


def test_an_output_that_cannot_be_written_gets_a_clear_message(register_url: str, tmp_path: Path) -> None:
    """Writing into a path whose folder is a file: a refusal naming the file asked for (not the
    temporary name it is written under), exit 1, no traceback and no "unexpected error"."""
    blocker = tmp_path / "rapporter"
    blocker.write_text("en fil der mappen skulle vært", encoding="utf-8")
    code, out, err = run("--db", register_url, "export-matrix", str(blocker / "matrise.xlsx"))
    assert code == 1 and not out
    assert err.strip() == (
        f"Feil: Kan ikke skrive {blocker / 'matrise.xlsx'}: mappen {blocker} finnes ikke, "
        "eller er ikke en mappe. Ingenting ble lagret."
    )
    code, _, err = run("--lang", "en", "--db", register_url, "audit", "--out", str(blocker / "logg.csv"))
    assert code == 1
    assert err.startswith(f"Error: Cannot write {blocker / 'logg.csv'}: the folder {blocker} does not exist")
    assert "Traceback" not in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_json_is_indented_at_a_terminal_and_one_line_for_a_script() -> None:
    data = {"navn": "Åse", "tall": [1, 2]}
    piped, terminal = io.StringIO(), _Terminal()
    CliContext(argparse.Namespace(), out=piped).print_json(data)
    CliContext(argparse.Namespace(), out=terminal).print_json(data)
    assert piped.getvalue() == '{"navn":"Åse","tall":[1,2]}\n'
    assert terminal.getvalue().startswith('{\n  "navn": "Åse",')
    assert json.loads(piped.getvalue()) == json.loads(terminal.getvalue()) == data
