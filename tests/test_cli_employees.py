"""``kompetanse employees``: find people and their numbers, by unit and by the app's search."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from competence import employees
from competence.uow import UnitOfWork
from db.session import open_database
from tests.support.registers import TODAY, build_register
from tests.test_cli import run


@pytest.fixture
def register_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Sentrum (unit 1) holds Eva Én, Per Tø and Åse Tre; Nord (unit 2, under Sentrum) Åse Tre too.
    Per Tø has left."""
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    url = f"sqlite:///{tmp_path / 'register.db'}"
    db = open_database(url)
    reg = build_register(UnitOfWork(db))
    employees.update_employee(UnitOfWork(db), reg.e1, email="eva.en@kommune.no", expected_version=None)
    employees.mark_left(UnitOfWork(db), reg.e2, TODAY - dt.timedelta(days=10), expected_version=None)
    db.dispose()
    return url


def numbers(out: str) -> list[str]:
    return [row["employee_no"] for row in json.loads(out)]


def test_lists_everyone_still_employed_in_the_apps_order(register_url: str) -> None:
    code, out, err = run("employees", "--db", register_url)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Ansattnr", "Navn", "Enhet", "Stilling"]
    db = open_database(register_url)
    in_app = [row.employee_no for row in employees.list_employees(UnitOfWork(db))]
    db.dispose()
    assert [line.split()[0] for line in lines[1:-1]] == in_app and sorted(in_app) == ["1", "3"]  # not Tø
    eva = next(line for line in lines if line.startswith("1 "))
    assert "Én, Eva" in eva and "Sentrum" in eva
    assert lines[-1] == "2 ansatte"


def test_search_uses_every_word(register_url: str) -> None:
    code, out, _ = run("employees", "--db", register_url, "--search", "tre åse", "--json")
    assert code == 0 and numbers(out) == ["3"]
    assert numbers(run("employees", "--db", register_url, "--search", "ÅSE NORD", "--json")[1]) == ["3"]
    assert numbers(run("employees", "--db", register_url, "--search", "eva.en@", "--json")[1]) == ["1"]
    code, out, _ = run("employees", "--db", register_url, "--search", "ingen slik")
    assert code == 0 and out.strip() == "Ingen ansatte passer."


def test_unit_subunits_and_people_who_left(register_url: str) -> None:
    assert sorted(numbers(run("employees", "--db", register_url, "--unit", "1", "--json")[1])) == ["1", "3"]
    assert numbers(run("employees", "--db", register_url, "--unit", "2", "--json")[1]) == ["3"]
    code, out, _ = run("employees", "--db", register_url, "--unit", "1", "--include-left", "--json")
    assert code == 0 and sorted(numbers(out)) == ["1", "2", "3"]
    left = next(row for row in json.loads(out) if row["employee_no"] == "2")
    assert left["left_on"] == (TODAY - dt.timedelta(days=10)).isoformat()
    assert "(sluttet)" in run("employees", "--db", register_url, "--include-left")[1]


def test_no_subunits(register_url: str) -> None:
    """Åse Tre works in Sentrum and in Nord: she is in Sentrum without its subunits too."""
    code, out, _ = run("employees", "--db", register_url, "--unit", "1", "--no-subunits", "--json")
    assert code == 0 and sorted(numbers(out)) == ["1", "3"]


def test_json_fields(register_url: str) -> None:
    row = json.loads(run("employees", "--db", register_url, "--search", "eva", "--json")[1])[0]
    assert row == {
        "employee_no": "1",
        "first_name": "Eva",
        "last_name": "Én",
        "email": "eva.en@kommune.no",
        "units": "Sentrum",
        "titles": "A",
        "roles": "Rolle A",
        "fte_percent": 100.0,
        "left_on": None,
    }


def test_unknown_unit_is_refused_in_the_chosen_language(register_url: str) -> None:
    code, out, err = run("employees", "--db", register_url, "--unit", "99")
    assert code == 1 and out == "" and "99" in err and err.startswith("Feil: ")
    code, out, err = run("employees", "--db", register_url, "--unit", "99", "--lang", "en")
    assert code == 1 and err.startswith("Error: ")


def test_english(register_url: str) -> None:
    code, out, _ = run("employees", "--db", register_url, "--lang", "en")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["Employee", "no"] and out.splitlines()[-1] == "2 employee(s)"
