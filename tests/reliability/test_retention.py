"""People who left are anonymised (or erased) after the retention period."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence import audit, employees, settings
from competence.cli import main
from competence.privacy.retention import ANONYMOUS_NAME, apply_retention
from competence.uow import UnitOfWork
from db.models import Appraisal, Assessment, Certificate, Employee, LearningGoal, Position
from db.session import Database
from tests.reliability.bytes_on_disk import files_of_database, traces_in
from tests.reliability.people import (
    COLLEAGUE_NO,
    MANAGER_NO,
    SUBJECT_NO,
    SUBJECT_TRACES,
    Register,
    build_register,
)


def _leave(uow: UnitOfWork, person_id: int, on: dt.date) -> None:
    version = employees.get_employee(uow, person_id).version
    employees.mark_left(uow, person_id, on, expected_version=version)


def _register_with_leavers(uow: UnitOfWork) -> Register:
    reg = build_register(uow)
    _leave(uow, reg.subject_id, dt.date(2025, 1, 31))
    _leave(uow, reg.manager_id, dt.date(2025, 6, 30))
    return reg


def _set(uow: UnitOfWork, **changes: object) -> None:
    settings.save_settings(uow, dataclasses.replace(settings.get_settings(uow), **changes))  # type: ignore[arg-type]


def test_nobody_is_touched_before_the_period_ends(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> None:
    _register_with_leavers(uow)
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-01-30")
    result = apply_retention(uow)
    assert (result.cutoff, result.items) == (dt.date(2025, 1, 30), ())
    assert employees.find_employee(uow, SUBJECT_NO).last_name == "Quistgaard-Ødegård"


def test_leavers_are_anonymised_after_twelve_months(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _register_with_leavers(uow)
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-02-01")
    preview = apply_retention(uow, dry_run=True)
    assert [(i.employee_no, i.action) for i in preview.items] == [(SUBJECT_NO, "anonymise")]
    assert employees.find_employee(uow, SUBJECT_NO).first_name == "Åsebjørg"

    result = apply_retention(uow)
    assert result.retention_months == 12 and len(result.items) == 1
    token = employees.get_employee(uow, reg.subject_id).employee_no
    assert token is not None and token.startswith("anon-") and SUBJECT_NO not in token
    person = employees.get_employee(uow, reg.subject_id)
    assert (person.full_name, person.email, person.employee_no) == (ANONYMOUS_NAME, None, token)
    assert (person.manager_id, person.anonymised_on) == (None, dt.date(2026, 2, 1))
    with uow:
        s = uow.session
        own = Assessment.employee_id == reg.subject_id
        # The aggregated history stays; what was written about the person goes.
        assert s.scalar(select(func.count()).select_from(Assessment).where(own)) == 2
        assert s.scalars(select(Assessment.note).where(own)).all() == [None, None]
        assert s.scalars(select(Assessment.assessor).where(own)).all() == [None, None]
        talk = s.get(Appraisal, reg.subject_appraisal_id)
        assert talk is not None and (talk.summary, talk.agreed, talk.notes, talk.leader_id) == (None,) * 4
        goal = s.scalar(select(LearningGoal).where(LearningGoal.employee_id == reg.subject_id))
        assert goal is not None and (goal.result, goal.hours, goal.cost_nok) == (None, 6, 1500)
        assert s.scalar(select(Certificate.note).where(Certificate.employee_id == reg.subject_id)) is None
        assert s.scalar(select(Position.fte_percent).where(Position.employee_id == reg.subject_id)) == 80.0
        colleague = s.get(Employee, reg.colleague_id)
        assert colleague is not None and colleague.manager_id is None
    assert audit.list_events(uow, employee_no=SUBJECT_NO) == []
    assert "anonymise" in {e.action for e in audit.list_events(uow, employee_no=token)}
    assert apply_retention(uow).items == ()  # done once


def test_erase_when_configured(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _register_with_leavers(uow)
    _set(uow, retention_action="erase", retention_months=6)
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-08-01")
    result = apply_retention(uow)
    assert [(i.employee_no, i.action) for i in result.items] == [(SUBJECT_NO, "erase")]
    with uow:
        assert uow.session.get(Employee, reg.subject_id) is None
        assert uow.session.get(Employee, reg.manager_id) is not None  # left 30.06: not due yet
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-01-01")
    assert [i.employee_no for i in apply_retention(uow).items] == [MANAGER_NO]


def test_anonymised_people_are_erased_if_the_setting_changes(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = _register_with_leavers(uow)
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-02-01")
    apply_retention(uow)
    _set(uow, retention_action="erase")
    assert [i.action for i in apply_retention(uow).items] == ["erase"]
    with uow:
        assert uow.session.get(Employee, reg.subject_id) is None


def test_anonymised_name_is_gone_from_the_file(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    uow = UnitOfWork(sqlite_database, "hr")
    _register_with_leavers(uow)
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-02-01")
    assert apply_retention(uow).compacted
    path = sqlite_database.path
    assert path is not None
    assert traces_in(files_of_database(path), (*SUBJECT_TRACES, SUBJECT_NO)) == []


def test_cli_apply_retention(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _register_with_leavers(UnitOfWork(sqlite_database, "hr"))
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-02-01")
    url = sqlite_database.url
    assert main(["apply-retention", "--dry-run", "--json", "--db", url]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["dry_run"], report["cutoff"], report["action"]) == (True, "2025-02-01", "anonymise")
    assert [p["employee_no"] for p in report["persons"]] == [SUBJECT_NO]
    assert main(["apply-retention", "--db", url]) == 0
    assert "1 personer er anonymisert" in capsys.readouterr().out
    assert main(["--lang", "en", "apply-retention", "--db", url]) == 0
    assert "0 people were anonymised" in capsys.readouterr().out


def test_many_leavers_at_once(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> None:
    """More leavers than the per-person SQL filter handles: one pass over the text finds them all."""
    from competence import assessments
    from competence.privacy.traces import SQL_PREFILTER_MAX
    from tests.support.factories import make_mini_framework

    fw = make_mini_framework(uow)
    stayer = employees.create_employee(uow, 1, "Kari", "Blir")
    boss = employees.create_employee(uow, 2, "Berit", "Sjef")
    count = SQL_PREFILTER_MAX + 5
    leavers = []
    for i in range(count):
        emp = employees.create_employee(uow, 100 + i, f"Per{i}", f"Slutter{i}", manager_id=boss.id)
        leavers.append(emp)
        assessments.record_assessment(
            uow,
            assessments.NewAssessment(
                stayer.id,
                fw.competence_ids["dig-1"],
                1 + i % 4,
                dt.date(2024, 1, 1 + i),
                "leader",
                f"Per{i} Slutter{i}",
            ),
        )
    employees.update_employee(uow, boss.id, expected_version=boss.version, manager_id=leavers[0].id)
    for emp in [*leavers, employees.get_employee(uow, boss.id)]:
        _leave(uow, emp.id, dt.date(2024, 6, 30))
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-07-01")
    result = apply_retention(uow)
    assert len(result.items) == count + 1
    with uow:
        s = uow.session
        assert (
            s.scalars(select(Assessment.assessor).where(Assessment.employee_id == stayer.id)).all()
            == [None] * count
        )
        names = s.scalars(select(Employee.last_name).where(Employee.id != stayer.id)).all()
        assert set(names) == {ANONYMOUS_NAME}
        assert (
            s.scalar(select(func.count()).select_from(Employee).where(Employee.manager_id.is_not(None))) == 0
        )


def test_nothing_printed_or_logged_links_an_old_number_to_its_token(
    sqlite_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    _isolated_data_dir: Path,
) -> None:
    """After an anonymisation the old number must not stand beside the new one anywhere: not in the
    command's output (JSON or text), not in the audit log, not in the program's log file."""
    reg = _register_with_leavers(UnitOfWork(sqlite_database, "hr"))
    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-02-01")
    url = sqlite_database.url
    assert main(["apply-retention", "--json", "--db", url]) == 0
    printed = capsys.readouterr().out
    token = employees.get_employee(UnitOfWork(sqlite_database), reg.subject_id).employee_no
    assert token.startswith("anon-")
    assert SUBJECT_NO not in printed and token not in printed
    report = json.loads(printed)
    assert (report["dry_run"], report["action"], report["count"]) == (False, "anonymise", 1)
    _leave(UnitOfWork(sqlite_database, "hr"), reg.colleague_id, dt.date(2024, 1, 1))
    assert main(["apply-retention", "--db", url]) == 0
    text = capsys.readouterr().out
    assert "1 personer er anonymisert" in text and COLLEAGUE_NO not in text and "anon-" not in text
    assert main(["audit", "--json", "--limit", "10000", "--db", url]) == 0
    log = capsys.readouterr().out
    assert SUBJECT_NO not in log and COLLEAGUE_NO not in log
    for path in _isolated_data_dir.rglob("*.log*"):
        assert SUBJECT_NO not in path.read_text(encoding="utf-8", errors="replace")
