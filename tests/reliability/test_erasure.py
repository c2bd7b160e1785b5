"""Erasure removes every row about a person and every trace of their name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence import appraisals, audit
from competence.cli import main
from competence.errors import ConcurrentEditError, NotFoundError
from competence.privacy.erasure import erase_person
from competence.privacy.references import person_references, table
from competence.uow import UnitOfWork
from db.models import (
    Appraisal,
    Assessment,
    AuditEvent,
    Certificate,
    Employee,
    OrgUnit,
    Position,
    Role,
)
from db.planning import UnitMeasure
from db.session import Database
from tests.reliability.bytes_on_disk import files_of_database, traces_in
from tests.reliability.people import (
    COLLEAGUE_NO,
    COLLEAGUE_TALK_NOTES_AFTER,
    SUBJECT_NAME,
    SUBJECT_NO,
    SUBJECT_TRACES,
    build_register,
)


def _count(uow: UnitOfWork, table_name: str, column: str, value: object) -> int:
    t = table(table_name)
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(t).where(t.c[column] == value)) or 0)


def test_erasure_removes_every_row_and_reference(uow: UnitOfWork) -> None:
    reg = build_register(uow)
    result = erase_person(uow, SUBJECT_NO)
    assert result.applied and result.rows_deleted["employee"] == 1
    assert result.rows_deleted["assessment"] == 2 and result.rows_deleted["appraisal"] == 1
    for ref in person_references():
        assert _count(uow, ref.table, ref.column, reg.subject_id) == 0, ref.key
    assert result.references_cleared == {
        "org_unit.leader_id": 1,
        "employee.manager_id": 1,
        "position.manager_id": 1,
        "appraisal.leader_id": 1,
        "unit_measure.responsible_id": 1,
    }
    # assessor, the talk's leader name, summary and notes, a certificate note, a role's description,
    # who granted a colleague's dispensation
    assert result.mentions_removed == 7
    with uow:
        s = uow.session
        assert s.get(Employee, reg.subject_id) is None
        colleague = s.scalar(select(Employee).where(Employee.employee_no == COLLEAGUE_NO))
        assert colleague is not None and colleague.manager_id is None
        assert s.get(OrgUnit, reg.led_unit_id).leader_id is None  # type: ignore[union-attr]
        assert s.scalars(select(UnitMeasure.responsible_id)).one() is None
        talk = s.get(Appraisal, reg.colleague_appraisal_id)
        assert talk is not None and (talk.leader_id, talk.leader_name) == (None, None)
        assert talk.summary == "Samtale ledet av [slettet]."
        assert talk.notes == COLLEAGUE_TALK_NOTES_AFTER  # her address and number too, not only her name
        role = s.scalars(select(Role.description)).one()
        assert role == "Fagansvarlig: [slettet]"
        assessed = s.get(Assessment, reg.colleague_assessment_id)
        assert assessed is not None and assessed.assessor is None and assessed.note == "Godt arbeid"
        note = s.scalar(select(Certificate.note).where(Certificate.employee_id == reg.colleague_id))
        assert note == "Kurset holdt av [slettet]"
        assert (
            s.scalar(select(func.count()).select_from(Position).where(Position.manager_id.is_not(None))) == 0
        )


def test_audit_log_keeps_only_that_an_erasure_happened(uow: UnitOfWork) -> None:
    build_register(uow)
    erase_person(uow, SUBJECT_NO)
    assert audit.list_events(uow, employee_no=SUBJECT_NO) == []
    erasures = audit.list_events(uow, action="erase")
    assert len(erasures) == 1
    assert erasures[0].employee_no is None and erasures[0].entity_id is None
    with uow:
        for event in uow.session.scalars(select(AuditEvent)):
            blob = f"{event.details} {event.employee_no} {event.entity_id}"
            assert SUBJECT_NO not in blob and "Åsebjørg" not in blob


def test_preview_changes_nothing(uow: UnitOfWork) -> None:
    reg = build_register(uow)
    preview = erase_person(uow, SUBJECT_NO, dry_run=True)
    assert not preview.applied and preview.total_rows == 10
    assert _count(uow, "employee", "id", reg.subject_id) == 1
    assert audit.list_events(uow, action="erase") == []
    with pytest.raises(NotFoundError):
        erase_person(uow, "123456789")


def test_an_editor_holding_a_changed_row_is_told(uow: UnitOfWork) -> None:
    """The erasure rewrote the colleague's talk; saving an old copy must not bring the name back."""
    reg = build_register(uow)
    talk = appraisals.appraisals_of(uow, reg.colleague_id)[0]
    erase_person(uow, SUBJECT_NO)
    stale = appraisals.AppraisalInput(talk.held_on, leader_name=SUBJECT_NAME, summary=talk.summary)
    with pytest.raises(ConcurrentEditError):
        appraisals.update_appraisal(uow, talk.id, stale, expected_version=talk.version)


def test_no_trace_remains_in_the_database_file(sqlite_database: Database) -> None:
    uow = UnitOfWork(sqlite_database, "hr")
    build_register(uow)
    path = sqlite_database.path
    assert path is not None
    with sqlite_database.engine.connect() as conn:  # the data reach the main file, not just the WAL
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    needles = (*SUBJECT_TRACES, SUBJECT_NO)
    before = traces_in(files_of_database(path), needles)
    assert {needle for _, needle in before} == set(needles)  # the grep does find them
    result = erase_person(uow, SUBJECT_NO)
    assert result.compacted
    assert traces_in(files_of_database(path), needles) == []
    with sqlite_database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_no_trace_after_the_app_closes(sqlite_database: Database) -> None:
    """Also after the last connection closes (which checkpoints whatever the WAL still holds)."""
    uow = UnitOfWork(sqlite_database, "hr")
    build_register(uow)
    erase_person(uow, SUBJECT_NO)
    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    assert traces_in([path, *Path(path).parent.glob(path.name + "*")], SUBJECT_TRACES) == []


def test_postgres_tables_are_vacuumed(pg_database: Database) -> None:
    uow = UnitOfWork(pg_database, "hr")
    build_register(uow)
    assert erase_person(uow, SUBJECT_NO).compacted
    with pg_database.engine.connect() as conn:
        vacuumed = conn.exec_driver_sql(
            # VACUUM (FULL, ANALYZE): a rewrite, which PostgreSQL records as the analyze it includes
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'employee' AND last_analyze IS NOT NULL"
        ).scalar()
    assert vacuumed == 1


def test_cli_asks_for_confirmation(sqlite_database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    build_register(UnitOfWork(sqlite_database, "hr"))
    url = sqlite_database.url
    assert main(["erase-person", SUBJECT_NO, "--db", url]) == 1
    captured = capsys.readouterr()
    assert "Ingenting er slettet" in captured.err and "assessment: 2" in captured.out
    assert _count(UnitOfWork(sqlite_database), "employee", "employee_no", SUBJECT_NO) == 1
    assert main(["erase-person", SUBJECT_NO, "--yes", "--db", url]) == 0
    assert "er slettet" in capsys.readouterr().out
    assert _count(UnitOfWork(sqlite_database), "employee", "employee_no", SUBJECT_NO) == 0


def test_her_address_and_number_go_from_others_text_too(uow: UnitOfWork) -> None:
    """Not only her name: her e-mail address and her employee number (written with a leading zero,
    as the HR system does) in a colleague's appraisal notes, and her name in a role's description."""
    reg = build_register(uow)
    erase_person(uow, SUBJECT_NO)
    with uow:
        talk = uow.session.get(Appraisal, reg.colleague_appraisal_id)
        assert talk is not None and talk.notes == COLLEAGUE_TALK_NOTES_AFTER
        assert uow.session.scalars(select(Role.description)).one() == "Fagansvarlig: [slettet]"
