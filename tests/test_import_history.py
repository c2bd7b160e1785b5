"""The list of imports done in the register, newest first, with counts and failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from competence.frameworks.transfer import import_framework_file
from competence.import_history import list_import_runs
from competence.roster import RosterFileError, run_import
from competence.uow import UnitOfWork
from tests.roster.builders import RosterSpec, simple_rows, write_roster


def test_imports_are_listed_newest_first_with_their_counts(uow: UnitOfWork, tmp_path: Path) -> None:
    assert list_import_runs(uow) == []
    run_import(uow, write_roster(tmp_path / "mars.xlsx", RosterSpec(rows=simple_rows(4))))
    bogus = tmp_path / "april.xlsx"
    bogus.write_text("ikke et regneark")
    with pytest.raises(RosterFileError):
        run_import(uow, bogus)
    runs = list_import_runs(uow)
    assert [(r.kind, r.file_name, r.status, r.succeeded) for r in runs] == [
        ("roster", "april.xlsx", "failed", False),
        ("roster", "mars.xlsx", "ok", True),
    ]
    assert runs[1].count("created") == 4 and runs[1].count("rejected") == 0
    assert runs[1].mode == "full" and runs[1].actor
    assert runs[0].count("created") is None  # a failed run has only its reason
    assert list_import_runs(uow, limit=1)[0].file_name == "april.xlsx"


def test_framework_imports_are_listed(uow: UnitOfWork, tmp_path: Path) -> None:
    doc = {
        "format": "kompetanseregister-framework",
        "format_version": 1,
        "key": "var-plan",
        "version": 1,
        "name": "Vår plan",
        "default_scale": "plan-3",
        "scales": [
            {
                "key": "plan-3",
                "name": "Tre trinn",
                "levels": [{"ordinal": i, "name": f"Trinn {i}"} for i in (1, 2, 3)],
            }
        ],
        "areas": [{"key": "a", "name": "Område", "competences": [{"key": "k", "name": "Kompetanse"}]}],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    import_framework_file(uow, path)
    (run,) = list_import_runs(uow)
    assert (run.kind, run.file_name, run.count("competences")) == ("framework", "plan.json", 1)
