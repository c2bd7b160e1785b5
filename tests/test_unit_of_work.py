"""The unit of work: joining, one snapshot, parallel readers and what a transaction changed
(competence/uow.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from competence.changes import TABLE_KINDS, Changes
from competence.errors import NotFoundError
from competence.uow import UnitOfWork
from db.models import Base, Employee
from db.session import Database


def _count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Employee)) or 0)


def _add(uow: UnitOfWork, no: str) -> None:
    """A service that writes: opens its own block and commits."""
    with uow:
        uow.session.add(Employee(employee_no=no, first_name="A", last_name="B"))
        uow.commit()


def test_a_service_inside_an_action_joins_its_transaction(uow: UnitOfWork) -> None:
    begun: list[object] = []
    from sqlalchemy import event

    event.listen(uow.database.engine, "begin", begun.append)
    with uow:
        _add(uow, "1")
        _add(uow, "2")
        assert uow.is_open  # the services' commits waited for the action
        uow.commit()
    assert len(begun) == 1
    with uow.reading():
        assert _count(uow.session) == 2


def test_joined_commits_are_made_when_the_action_ends_and_not_when_it_fails(uow: UnitOfWork) -> None:
    with uow:
        _add(uow, "1")
    with uow.reading():
        assert _count(uow.session) == 1  # a service's commit is the action's: made at its end
    with pytest.raises(ValueError), uow:
        _add(uow, "2")
        raise ValueError("the action failed after the service")
    with uow.reading():
        assert _count(uow.session) == 1


def test_a_failed_block_that_was_caught_cannot_be_committed(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError, match="cannot be committed"), uow:
        try:
            with uow:
                uow.session.add(Employee(employee_no="1", first_name="A", last_name="B"))
                uow.flush()
                raise NotFoundError("ansatt", "Employee", "1")
        except NotFoundError:
            pass
        uow.commit()
    with uow.reading():
        assert _count(uow.session) == 0


def test_reading_refuses_to_commit(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError, match="reading"), uow.reading():
        _add(uow, "1")
    with uow.reading():
        assert _count(uow.session) == 0


def test_a_snapshot_does_not_see_a_commit_made_meanwhile(database: Database) -> None:
    """What a reading action reads comes from one snapshot, also when another connection commits
    between two of its queries."""
    uow, other = UnitOfWork(database, "a"), UnitOfWork(database, "b")
    _add(other, "1")
    with uow.reading():
        assert _count(uow.session) == 1
        _add(other, "2")
        assert _count(uow.session) == 1
    with uow.reading():
        assert _count(uow.session) == 2


def test_parallel_readers_read_the_actions_snapshot_on_postgresql(pg_database: Database) -> None:
    uow, other = UnitOfWork(pg_database, "a"), UnitOfWork(pg_database, "b")
    _add(other, "1")
    with uow.reading():
        assert _count(uow.session) == 1
        _add(other, "2")
        assert uow.parallel([_count, _count, _count]) == [1, 1, 1]


def test_parallel_readers_on_sqlite_read_the_newest_state(sqlite_database: Database) -> None:
    """The limit the unit of work documents: SQLite cannot share a snapshot between connections."""
    uow, other = UnitOfWork(sqlite_database, "a"), UnitOfWork(sqlite_database, "b")
    _add(other, "1")
    with uow.reading():
        assert _count(uow.session) == 1
        _add(other, "2")
        assert uow.parallel([_count, _count]) == [2, 2]


def test_parallel_readers_cannot_write_on_postgresql(pg_database: Database) -> None:
    uow = UnitOfWork(pg_database, "a")

    def write(session: Session) -> None:
        session.execute(update(Employee).values(first_name="X"))

    with uow.reading(), pytest.raises(Exception, match="read-only"):
        uow.parallel([write, write])


def test_changes_name_what_the_committed_transaction_wrote(uow: UnitOfWork) -> None:
    _add(uow, "1")
    assert uow.changes == Changes(people=True)
    with uow:
        uow.session.execute(text("UPDATE role SET name = name"))
        uow.session.execute(text('DELETE FROM "certificate"'))
        uow.rollback()  # rolled back: not a change
        uow.session.execute(text("UPDATE org_unit SET name = name"))
        uow.commit()
    assert uow.changes == Changes(people=True, units=True)


def test_a_failed_or_uncommitted_action_changed_nothing(uow: UnitOfWork) -> None:
    with uow:
        uow.session.add(Employee(employee_no="1", first_name="A", last_name="B"))
        uow.flush()
    with pytest.raises(ValueError), uow:
        _add(uow, "2")
        raise ValueError
    assert not uow.changes


def test_every_table_has_a_kind_of_change() -> None:
    assert set(TABLE_KINDS) == set(Base.metadata.tables)
    assert Changes.everything().kinds == set(TABLE_KINDS.values())


def test_changes_combine_and_touch() -> None:
    both = Changes(people=True) | Changes(assessments=True)
    assert both.touches(Changes(assessments=True, frameworks=True))
    assert not both.touches(Changes(frameworks=True))
    assert not Changes()


def test_a_whole_municipality_report_is_one_moment_on_postgresql(
    pg_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster committed while the report runs (after its first query, before its parallel halves)
    is in none of its figures: the halves read the report's snapshot."""
    from competence import gap
    from competence.assessments import NewAssessment, record_assessment
    from competence.demo.generator import generate_demo
    from competence.gap import analysis
    from competence.search import competence_levels

    generate_demo(pg_database, employees=40, seed=3)
    before = gap.gap_report(UnitOfWork(pg_database, "a"))
    shortfall = gap.shortfalls(UnitOfWork(pg_database, "a"))[0]
    halves = analysis._unit_halves

    top = max(level.ordinal for level in competence_levels(UnitOfWork(pg_database), shortfall.competence_id))

    def halves_then_a_commit(session: Session, on: dt.date) -> object:
        found = halves(session, on)
        record_assessment(
            UnitOfWork(pg_database, "b"),
            NewAssessment(shortfall.employee_id, shortfall.competence_id, top, on, "leader", "b"),
        )
        return found

    # the figures kept by the first report forgotten (a post written), so that this one computes
    # them: the commit in the middle must keep them from being stored, too
    with UnitOfWork(pg_database) as forget:
        forget.session.execute(
            text("UPDATE position SET end_date = end_date WHERE id = (SELECT min(id) FROM position)")
        )
        forget.commit()
    monkeypatch.setattr(analysis, "_unit_halves", halves_then_a_commit)
    during = gap.gap_report(UnitOfWork(pg_database, "a"))
    monkeypatch.setattr(analysis, "_unit_halves", halves)
    after = gap.gap_report(UnitOfWork(pg_database, "a"))
    assert during.summary == before.summary
    assert during.heatmap.totals == before.heatmap.totals
    assert after.summary.met > before.summary.met  # the commit did land, after the report
