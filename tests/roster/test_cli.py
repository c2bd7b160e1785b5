"""``python -m competence import-roster``: the JSON report (docs/import.md), exit codes, languages."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from competence.cli import main
from db.session import open_database
from tests.roster.builders import MESSY_IGNORED, MESSY_REJECTED, RosterSpec, simple_rows


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'register.db'}"


def test_json_report(messy_xlsx: Path, db_url: str) -> None:
    code, out, err = run("import-roster", str(messy_xlsx), "--json", "--db", db_url)
    assert code == 0, err
    report = json.loads(out)
    for key in ("persons", "positions", "created", "updated", "unchanged", "left", "rejected", "warnings"):
        assert key in report
    assert (report["persons"], report["positions"], report["created"]) == (4, 5, 4)
    assert {r["row"]: r["reason"] for r in report["rejected"]} == MESSY_REJECTED
    assert all(set(r) == {"row", "reason", "message"} for r in report["rejected"])
    assert all(set(w) == {"code", "row", "message"} for w in report["warnings"])
    assert report["ignored_rows"] == MESSY_IGNORED
    assert {w["code"] for w in report["warnings"]} == {"national_id_column", "unknown_manager"}
    assert "Stillingsprosent" in next(r["message"] for r in report["rejected"] if r["reason"] == "fte_range")
    assert report["import_run"] == 1 and report["dry_run"] is False


def test_english_messages_and_db_before_the_command(messy_xlsx: Path, db_url: str) -> None:
    code, out, _ = run(
        "--db", db_url, "--lang", "en", "import-roster", str(messy_xlsx), "--json", "--dry-run"
    )
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] is True and report["import_run"] is None
    message = next(r["message"] for r in report["rejected"] if r["reason"] == "fte_range")
    assert message.startswith("FTE percent must be between 0 and 100")


def test_dry_run_writes_nothing_and_text_output(messy_xlsx: Path, db_url: str) -> None:
    code, out, _ = run("import-roster", str(messy_xlsx), "--dry-run", "--db", db_url)
    assert code == 0
    assert "Forhåndsvisning: ingenting er lagret." in out
    assert "rad 11: Stillingsprosent må være mellom 0 og 100 (fikk 150)." in out
    assert "Ansattnummer ← A «Ansatt nr.»" in out
    from sqlalchemy import func, select

    from db.models import Employee, ImportRun

    database = open_database(db_url)
    try:
        with database.session_factory() as s:
            assert s.scalar(select(func.count()).select_from(Employee)) == 0
            assert s.scalar(select(func.count()).select_from(ImportRun)) == 0
    finally:
        database.dispose()


def test_refused_file_exits_1_with_a_json_error(tmp_path: Path, db_url: str) -> None:
    fake = tmp_path / "roster.xlsx"
    fake.write_text("Ansattnr;Navn\n1;Aas\n", encoding="utf-8")
    code, out, err = run("import-roster", str(fake), "--json", "--db", db_url, "--lang", "en")
    assert code == 1
    assert json.loads(out)["error"] == "wrong_extension"
    assert err.startswith("Error: The file roster.xlsx has the wrong extension: its content is a text file")


def test_missing_column_exits_1_and_map_fixes_it(make_roster: Callable[..., Path], db_url: str) -> None:
    header = ("Nummer", "Navn", "Avdeling")
    path = make_roster(
        RosterSpec(header=header, rows=[[1, "Aas, Anne", "Enhet 1"], [2, "Berg, Bo", "Enhet 1"]])
    )
    code, _, err = run("import-roster", str(path), "--db", db_url)
    assert code == 1 and "Fant ikke kolonnen for Ansattnummer" in err
    code, out, err = run("import-roster", str(path), "--db", db_url, "--map", "employee_no=Nummer", "--json")
    assert code == 0, err
    assert json.loads(out)["created"] == 2
    code, out, err = run("import-roster", str(path), "--db", db_url, "--json")
    assert code == 0, err  # the mapping was remembered for this layout
    assert json.loads(out)["unchanged"] == 2


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--map", "employee_no"], "FELT=KOLONNE"),
        (["--map", "shoe_size=A"], "Ukjent felt «shoe_size»"),
        (["--map", "employee_no=Finnes ikke"], "Fant ikke kolonnen «Finnes ikke»"),
        (["--map", "employee_no=A", "--map", "email=A"], "Kolonne A er valgt både for"),
        (["--sheet", "Nope"], "ikke noe ark som heter «Nope»"),
    ],
)
def test_usage_errors_exit_2(
    messy_xlsx: Path, db_url: str, argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run("import-roster", str(messy_xlsx), "--db", db_url, *argv)
    assert code == 2
    assert fragment in err + capsys.readouterr().err  # argparse itself writes to sys.stderr


def test_a_national_id_column_cannot_be_mapped(messy_xlsx: Path, db_url: str) -> None:
    code, _, err = run(
        "import-roster", str(messy_xlsx), "--db", db_url, "--map", "employee_no=J", "--lang", "en"
    )
    assert code == 2 and "national identity numbers" in err


def test_partial_roster_keeps_others(make_roster: Callable[..., Path], db_url: str) -> None:
    rows = simple_rows(4)
    full = make_roster(RosterSpec(rows=rows), name="full.xlsx")
    part = make_roster(RosterSpec(rows=rows[:1]), name="part.xlsx")
    assert run("import-roster", str(full), "--db", db_url)[0] == 0

    def report(*extra: str) -> dict[str, Any]:
        code, out, err = run("import-roster", str(part), "--db", db_url, "--json", "--dry-run", *extra)
        assert code == 0, err
        return json.loads(out)  # type: ignore[no-any-return]

    assert report("--partial")["left"] == 0 and report("--partial")["mode"] == "partial"
    assert report()["left"] == 3 and [p["employee_no"] for p in report()["leavers"]] == [
        "1001",
        "1002",
        "1003",
    ]


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_file_is_read_while_the_register_opens(
    messy_xlsx: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    """The command starts the reader child before it opens the register (whose damage check reads
    the whole file), and the import takes that reading: one child, started first."""
    import competence.cli.context as context
    from competence.roster import loading
    from competence.roster.isolation import start_in_child as start

    order: list[str] = []

    def started(*args: Any, **kwargs: Any) -> Any:
        order.append("read")
        return start(*args, **kwargs)

    def opened(*args: Any, **kwargs: Any) -> Any:
        order.append("open")
        return open_database(*args, **kwargs)

    monkeypatch.setattr(loading, "start_in_child", started)
    monkeypatch.setattr(context, "open_database", opened)
    dry = ["--dry-run"] if dry_run else []
    code, out, err = run("import-roster", str(messy_xlsx), "--json", "--db", db_url, *dry)
    assert code == 0, err
    assert order == ["read", "open"]
    assert json.loads(out)["persons"] == 4


def test_a_register_that_cannot_be_opened_stops_the_reading(
    tmp_path: Path, messy_xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader child started before the register opened is stopped when the register cannot be."""
    from competence.roster import loading
    from competence.roster.isolation import start_in_child as start

    children: list[Any] = []

    def started(*args: Any, **kwargs: Any) -> Any:
        pending = start(*args, **kwargs)
        children.append(pending)
        return pending

    monkeypatch.setattr(loading, "start_in_child", started)
    not_a_register = tmp_path / "not-a-register.db"
    not_a_register.write_bytes(b"this is not a database" * 100)
    code, _, err = run("import-roster", str(messy_xlsx), "--db", f"sqlite:///{not_a_register}")
    assert code != 0 and err
    assert len(children) == 1 and children[0].child.poll() is not None
