"""``python -m competence demo-data``: summary, JSON, refusal, options, and the issue's "done when"."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from competence.cli import main

TODAY = "2026-03-01"


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_data_prints_a_summary(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out, err = run("--db", url, "demo-data", "--employees", "40")
    assert code == 0, err
    assert "Fjordvik kommune er opprettet" in out
    assert "Ansatte" in out and "40" in out
    assert "utløper innen 90 dager" in out
    assert "Frø 2019, dato 2026-03-01" in out


def test_demo_data_json_and_options_after_the_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out, err = run(
        "demo-data", "--employees", "25", "--seed", "4", "--required-per-role", "12", "--json", "--db", url
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["employees"] == 25 and data["seed"] == 4 and data["required_per_role"] == 12
    assert data["requirements"] == 12 * data["roles"]
    assert data["today"] == TODAY
    assert data["municipality"] == "Fjordvik kommune"
    for key in (
        "assessments",
        "current_assessments",
        "not_assessed",
        "certificates_expiring",
        "goals_overdue",
    ):
        assert data[key] > 0, key


def test_demo_data_refuses_a_filled_register(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run("--db", url, "demo-data", "--employees", "20")[0] == 0
    code, out, err = run("--db", url, "demo-data", "--employees", "20")
    assert code == 1
    assert "tomt register" in err and out == ""
    code, _, err = run("--db", url, "--lang", "en", "demo-data", "--employees", "20")
    assert code == 1 and "empty register" in err


def test_demo_data_refuses_a_size_out_of_range(tmp_path: Path) -> None:
    code, _, err = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "demo-data", "--employees", "10")
    assert code == 1 and "mellom 20 og 50 000" in err


def test_demo_data_usage_errors(tmp_path: Path) -> None:
    code, _, _ = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "demo-data", "--employees", "many")
    assert code == 2


def test_demo_then_gap_report_gives_a_heatmap(tmp_path: Path) -> None:
    """The issue's "done when": demo-data --employees 300, then gap-report --json."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert run("--db", url, "demo-data", "--employees", "300")[0] == 0
    code, out, err = run("--db", url, "gap-report", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["heatmap"] and data["units"] and data["competences"]
    assert data["summary"]["not_assessed"] > 0 and data["summary"]["overdue_goals"] > 0


def _figure(pattern: str, text: str) -> int:
    match = re.search(pattern, text.replace("\u00a0", " "))
    assert match is not None, (pattern, text)
    return int(match.group(1).replace(" ", ""))


def test_demo_data_and_gap_report_give_the_same_figures(tmp_path: Path) -> None:
    """The demo's summary and ``gap-report`` count "ikke vurdert" and the certificates one way
    (they once said 106 and 127 for the same register: the demo left out trainings without a
    certificate)."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, demo, err = run("--db", url, "demo-data")
    assert code == 0, err
    code, report, err = run("--db", url, "gap-report")
    assert code == 0, err
    assert _figure(r"(\d[\d ]*) krav ikke vurdert", demo) == _figure(
        r"krav, [^,]+, (\d[\d ]*) ikke vurdert", report
    )
    assert _figure(r"(\d+) utløpt, \d+ utløper", demo) == _figure(r"snart, (\d+) utløpt", report)
    assert _figure(r"utløpt, (\d+) utløper innen", demo) == _figure(
        r"(\d+) sertifikater utløper snart", report
    )
