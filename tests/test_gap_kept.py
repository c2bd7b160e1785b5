"""The whole municipality's kept figures (competence/gap/kept.py, migration 0010): served when they
are the figures of today, forgotten or marked by the database on every write they count, whoever
writes, and never stored when something was written while they were computed.

Each test compares with the plain statements over the live tables, on SQLite and PostgreSQL. The
random sequences of tests/test_gap_exact.py go through the kept figures too.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select, text

from competence import assessments, certificates, gap
from competence.clock import ENV_TODAY, today
from competence.gap import kept
from competence.gap.queries import Selection, totals, unit_cells
from competence.uow import UnitOfWork
from db.models import Assessment, GapCell, GapStale, GapState, Position
from db.session import Database


@pytest.fixture
def demo(database: Database) -> Iterator[UnitOfWork]:
    """A demo municipality of 80 people (posts in several units, courses, history), today pinned."""
    from competence.demo.generator import generate_demo

    before = os.environ.get(ENV_TODAY)
    os.environ[ENV_TODAY] = dt.date.today().isoformat()
    generate_demo(database, employees=80, seed=11)
    yield UnitOfWork(database)
    if before is None:
        os.environ.pop(ENV_TODAY, None)
    else:
        os.environ[ENV_TODAY] = before


def live(uow: UnitOfWork) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Today's cells and totals by the plain statements (no kept figures, no halves)."""
    with uow.reading():
        whole = Selection(today())
        return unit_cells(uow.session, whole), totals(uow.session, whole)


def served(uow: UnitOfWork) -> tuple[dict[Any, Any], dict[Any, Any]]:
    heatmap = gap.unit_heatmap(uow)
    return dict(heatmap.cells), dict(heatmap.totals)


def state(uow: UnitOfWork) -> tuple[dt.date | None, dt.date | None, int, int]:
    """built_on, fresh_until, the kept cells and totals, the pairs noted."""
    with uow.reading():
        s = uow.session
        row = s.execute(select(GapState.built_on, GapState.fresh_until)).one()
        cells = s.scalar(select(func.count()).select_from(GapCell)) or 0
        stale = s.scalar(select(func.count()).select_from(GapStale)) or 0
        return row[0], row[1], cells, stale


def plain_sql(uow: UnitOfWork, statement: str, **params: Any) -> None:
    with uow:
        uow.session.execute(text(statement), params)
        uow.commit()


def test_a_report_keeps_the_figures_and_the_next_one_is_served_from_them(demo: UnitOfWork) -> None:
    uow = demo
    first = served(uow)
    assert first == live(uow)
    built_on, _fresh_until, kept_rows, stale = state(uow)
    assert built_on == today()
    assert kept_rows == len(first[0]) + len(first[1])
    assert stale == 0
    # a kept figure altered behind the program's back (nothing the triggers watch): the next report
    # shows it, so it was served from the kept rows and not computed again
    unit, comp = next(iter(first[0]))
    plain_sql(
        uow, "UPDATE gap_cell SET met = met + 1000 WHERE unit_id = :u AND competence_id = :c", u=unit, c=comp
    )
    assert served(uow)[0][unit, comp].met == first[0][unit, comp].met + 1000


FORGETTING = {
    "a post ends": "UPDATE position SET end_date = :yesterday WHERE id = (SELECT min(id) FROM position)",
    "a post moves": "UPDATE position SET unit_id = (SELECT max(unit_id) FROM position) "
    "WHERE id = (SELECT min(id) FROM position)",
    "a post is deleted": "DELETE FROM position WHERE id = (SELECT max(id) FROM position)",
    "a person leaves": "UPDATE employee SET left_on = :yesterday "
    "WHERE id = (SELECT min(employee_id) FROM position)",
    "a requirement goes": "DELETE FROM requirement WHERE id = (SELECT min(id) FROM requirement)",
    "a requirement's level": "UPDATE requirement SET level_id = level_id "
    "WHERE id = (SELECT min(id) FROM requirement)",
    "a level's percentage": "UPDATE scale_level SET percent = percent / 2 "
    "WHERE id = (SELECT max(id) FROM scale_level)",
    "a competence's kind": "UPDATE competence SET kind = kind WHERE id = (SELECT min(id) FROM competence)",
}


@pytest.mark.parametrize("statement", FORGETTING.values(), ids=FORGETTING.keys())
def test_every_write_the_figures_count_forgets_them_even_in_plain_sql(
    demo: UnitOfWork, statement: str
) -> None:
    uow = demo
    served(uow)
    assert state(uow)[0] == today()
    plain_sql(uow, statement, yesterday=today() - dt.timedelta(days=1))
    assert state(uow) == (None, None, 0, 0)
    assert served(uow) == live(uow)
    assert state(uow)[0] == today()  # and kept again


def test_a_change_that_counts_nowhere_keeps_them(demo: UnitOfWork) -> None:
    uow = demo
    served(uow)
    plain_sql(uow, "UPDATE employee SET first_name = 'Ny' WHERE id = (SELECT min(id) FROM employee)")
    plain_sql(uow, "UPDATE position SET title = 'Ny' WHERE id = (SELECT min(id) FROM position)")
    assert state(uow)[0] == today()


def _someone_with_a_skill(uow: UnitOfWork) -> tuple[int, int, int]:
    """(employee, competence, level ordinal) of a current assessment of someone with a post."""
    with uow.reading():
        row = uow.session.execute(
            select(Assessment.employee_id, Assessment.competence_id, Assessment.level_id)
            .join(Position, Position.employee_id == Assessment.employee_id)
            .where(Assessment.is_current)
            .order_by(Assessment.id)
            .limit(1)
        ).one()
        from db.models import ScaleLevel

        level = uow.session.get(ScaleLevel, row[2])
        assert level is not None
        return row[0], row[1], level.ordinal


def test_a_level_changed_is_noted_counted_and_folded_in(demo: UnitOfWork) -> None:
    uow = demo
    served(uow)
    person, comp, ordinal = _someone_with_a_skill(uow)
    new = assessments.NewAssessment(person, comp, 1 if ordinal > 1 else 2, today(), "leader")
    assessments.record_assessment(uow, new)
    built_on, _, _, stale = state(uow)
    assert built_on == today() and stale >= 1  # noted, not forgotten
    assert served(uow) == live(uow)
    assert state(uow)[3] == 0  # folded into the kept figures
    # and the folded rows are right: served again from them alone
    assert served(uow) == live(uow)


def test_a_level_flag_changed_in_plain_sql_is_noted(demo: UnitOfWork) -> None:
    uow = demo
    served(uow)
    person, comp, _ = _someone_with_a_skill(uow)
    plain_sql(
        uow,
        "UPDATE assessment SET is_current = :no WHERE employee_id = :e AND competence_id = :c AND is_current",
        no=False,
        e=person,
        c=comp,
    )
    assert state(uow)[3] >= 1
    assert served(uow) == live(uow)


def test_a_certificate_running_out_tomorrow_is_counted_on_the_day_after(demo: UnitOfWork) -> None:
    uow = demo
    served(uow)
    with uow.reading():
        course = uow.session.scalar(
            text("SELECT id FROM competence WHERE kind = 'certificate' ORDER BY id LIMIT 1")
        )
        person = uow.session.scalar(text("SELECT min(employee_id) FROM position"))
    tomorrow = today() + dt.timedelta(days=1)
    certificates.add_certificate(
        uow, person, certificates.CertificateInput("Kurs", today() - dt.timedelta(days=30), tomorrow, course)
    )
    assert served(uow) == live(uow)
    fresh_until = state(uow)[1]
    assert fresh_until is not None and fresh_until <= tomorrow + dt.timedelta(days=1)
    os.environ[ENV_TODAY] = (tomorrow + dt.timedelta(days=1)).isoformat()
    assert served(uow) == live(uow)
    assert state(uow)[0] == today()


def test_a_write_while_they_are_computed_keeps_nothing(demo: UnitOfWork) -> None:
    uow = demo
    other = UnitOfWork(uow.database)
    person, comp, ordinal = _someone_with_a_skill(uow)

    def compute_while_someone_writes(u: UnitOfWork) -> tuple[dict[Any, Any], dict[Any, Any]]:
        figures = (unit_cells(u.session, Selection(today())), totals(u.session, Selection(today())))
        new = assessments.NewAssessment(person, comp, 1 if ordinal > 1 else 2, today(), "leader")
        assessments.record_assessment(other, new)  # committed on another connection meanwhile
        return figures

    with uow.reading():
        kept.cells_and_totals(uow, today(), compute_while_someone_writes)
    assert state(uow)[0] is None
    assert served(uow) == live(uow)


def test_inside_an_action_that_writes_nothing_is_stored(demo: UnitOfWork) -> None:
    uow = demo
    with uow:
        gap.unit_heatmap(uow)
    with uow.snapshot():  # an export: reads, then writes its audit event
        gap.unit_heatmap(uow)
    assert state(uow)[0] is None


def test_a_report_inside_a_longer_reading_is_kept(demo: UnitOfWork) -> None:
    """The command line and the screens read a unit and its figures in one reading action."""
    uow = demo
    with uow.reading():
        gap.gap_report(uow)
    assert state(uow)[0] == today()
