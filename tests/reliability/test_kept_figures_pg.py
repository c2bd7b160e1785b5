"""The kept whole-municipality figures on a shared register, tried through real logins with plain SQL.

A unit leader's login may not read the kept figures (they sum every unit's people), yet its writes
must keep them honest: the triggers run as the owner. HR's program is served from them; a leader's
program computes the figures its rows allow and stores nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from competence import gap
from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.reliability.pg_register import REACHED, SharedRegister, shared_register
from tests.support.pg_logins import connection_params, url_as

pytestmark = pytest.mark.postgres


@pytest.fixture
def register(pg_admin_url: str, pg_database: Database) -> Iterator[SharedRegister]:
    with shared_register(pg_admin_url, pg_database) as reg:
        yield reg


def _owner(reg: SharedRegister, query: str, params: Any = None) -> Any:
    with psycopg.connect(**connection_params(reg.database.url)) as conn:
        row = conn.execute(query, params).fetchone()
        return row[0] if row else None


def _kept_by_hr(reg: SharedRegister) -> Database:
    """HR's program opens the register and shows the whole municipality: the figures are kept."""
    hr = open_database(url_as(reg.database.url, reg.hr))
    gap.unit_heatmap(UnitOfWork(hr))
    assert _owner(reg, "SELECT built_on FROM gap_state") == dt.date.today()
    return hr


def test_a_leader_may_not_read_or_write_the_kept_figures(register: SharedRegister) -> None:
    _kept_by_hr(register).dispose()
    with register.logins.connect(register.leader) as conn:
        for statement in (
            "SELECT * FROM gap_cell",
            "SELECT * FROM gap_state",
            "SELECT * FROM gap_stale",
            "DELETE FROM gap_stale",
            "UPDATE gap_state SET built_on = NULL",
            "INSERT INTO gap_cell VALUES (1, 1, 1, 1, 0, 0, 0, 0, 0)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_a_level_a_leader_writes_in_plain_sql_is_noted(register: SharedRegister) -> None:
    hr = _kept_by_hr(register)
    before = _owner(register, "SELECT generation FROM gap_state")
    person = register.people[REACHED]
    level = _owner(register, "SELECT level_id FROM assessment WHERE employee_id = %s LIMIT 1", (person,))
    with register.logins.connect(register.leader) as conn:
        conn.execute(
            "UPDATE assessment SET is_current = false WHERE employee_id = %s AND is_current", (person,)
        )
        conn.execute(
            "INSERT INTO assessment (employee_id, competence_id, level_id, assessed_on, source, is_current, "
            "created_at) VALUES (%s, %s, %s, current_date, 'leader', true, now())",
            (person, register.framework_competence_id, level),
        )
        conn.commit()
    assert _owner(register, "SELECT count(*) FROM gap_stale WHERE employee_id = %s", (person,)) >= 1
    assert _owner(register, "SELECT generation FROM gap_state") != before
    assert _owner(register, "SELECT built_on FROM gap_state") is not None
    hr.dispose()


def test_a_post_a_leader_changes_in_plain_sql_forgets_them(register: SharedRegister) -> None:
    hr = _kept_by_hr(register)
    person = register.people[REACHED]
    with register.logins.connect(register.leader) as conn:
        assert conn.execute("UPDATE position SET role_id = NULL WHERE employee_id = %s", (person,)).rowcount
        conn.commit()
    assert _owner(register, "SELECT built_on FROM gap_state") is None
    assert _owner(register, "SELECT count(*) FROM gap_cell") == 0
    hr.dispose()


def test_a_leaders_program_computes_its_own_figures_and_stores_nothing(register: SharedRegister) -> None:
    leader = open_database(url_as(register.database.url, register.leader))
    try:
        heatmap = gap.unit_heatmap(UnitOfWork(leader))
    finally:
        leader.dispose()
    assert heatmap.cells  # the leader's units
    assert _owner(register, "SELECT built_on FROM gap_state") is None


def test_a_bulk_write_changes_the_state_row_once_per_transaction(register: SharedRegister) -> None:
    """A bulk write through executemany is a statement per row; each statement's trigger must not
    add a version of the one state row (a million versions in one transaction, walked every time)."""
    _kept_by_hr(register).dispose()
    person = register.people[REACHED]
    level = _owner(register, "SELECT level_id FROM assessment WHERE employee_id = %s LIMIT 1", (person,))
    with psycopg.connect(**connection_params(register.database.url)) as conn:
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO assessment (employee_id, competence_id, level_id, assessed_on, source, "
                "is_current, created_at) VALUES (%s, %s, %s, current_date, 'leader', false, now())",
                [(person, register.framework_competence_id, level)] * 50,
            )
            cursor.execute("UPDATE position SET end_date = end_date WHERE employee_id = %s", (person,))
            cursor.execute("UPDATE position SET end_date = end_date WHERE employee_id = %s", (person,))
            cursor.execute("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'gap_state'")
            row = cursor.fetchone()
        assert row is not None
        # once for the first note (the figures kept), once when the post forgot them; then never again
        assert row[0] == 2
        conn.commit()
    assert _owner(register, "SELECT built_on FROM gap_state") is None
