"""Erasure on a shared PostgreSQL register (``docs/privacy.md``): after the owner erases a person,
their name, e-mail and number are in no page of any of the register's live relation files (tables,
their TOAST tables, indexes), read page by page with ``pageinspect``, nor in the planner's
statistics. An HR login may erase but not rewrite the tables: it is told so, and the log names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from competence.cli import main
from competence.privacy.compaction import Compaction
from competence.privacy.erasure import erase_person
from competence.uow import UnitOfWork
from db.session import Database
from tests.reliability.people import SUBJECT_NO, SUBJECT_TRACES, build_register
from tests.support.pg_logins import Logins, connection_params, url_as

NEEDLES = (*SUBJECT_TRACES, SUBJECT_NO)


def _relations(conn: psycopg.Connection[Any]) -> list[tuple[str, int]]:
    """Every relation file of the register: its tables, indexes, TOAST tables and their indexes."""
    rows = conn.execute(
        """
        WITH own AS (
            SELECT oid, reltoastrelid FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')
        ), toast AS (
            SELECT reltoastrelid AS oid FROM own WHERE reltoastrelid <> 0
        ), rels AS (
            SELECT oid FROM own UNION SELECT oid FROM toast
            UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM toast)
        )
        SELECT oid::regclass::text, pg_relation_size(oid) / current_setting('block_size')::int FROM rels
        """
    ).fetchall()
    return [(str(name), int(blocks)) for name, blocks in rows]


def pages_holding(conn: psycopg.Connection[Any], needles: Iterable[str]) -> set[str]:
    """The needles found anywhere in the raw pages of the register's relations."""
    encoded = {n: n.encode() for n in needles}
    found: set[str] = set()
    for name, blocks in _relations(conn):
        for block in range(blocks):
            page = conn.execute("SELECT get_raw_page(%s, %s)", (name, block)).fetchone()
            assert page is not None
            found.update(n for n, raw in encoded.items() if raw in page[0])
    return found


def in_statistics(conn: psycopg.Connection[Any], needles: Iterable[str]) -> set[str]:
    stats = conn.execute(
        "SELECT string_agg(coalesce(most_common_vals::text, '') || histogram_bounds::text, ' ') "
        "FROM pg_stats WHERE schemaname = 'public'"
    ).fetchone()
    blob = (stats[0] if stats else "") or ""
    return {n for n in needles if n in blob}


@pytest.fixture
def inspector(pg_database: Database) -> Iterator[psycopg.Connection[Any]]:
    """The server's superuser, able to read raw pages (``pageinspect``)."""
    with psycopg.connect(**connection_params(pg_database.url), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        yield conn


@pytest.mark.postgres
def test_the_owners_erasure_leaves_no_trace_in_the_live_files(
    pg_database: Database, inspector: psycopg.Connection[Any]
) -> None:
    uow = UnitOfWork(pg_database)
    build_register(uow)
    with pg_database.engine.begin() as conn:  # old row versions too: the name changed once
        conn.execute(text("UPDATE employee SET email = email WHERE employee_no = :n"), {"n": SUBJECT_NO})
    inspector.execute("ANALYZE")
    assert pages_holding(inspector, NEEDLES) == set(NEEDLES)  # the search finds them while they exist
    assert in_statistics(inspector, SUBJECT_TRACES)

    result = erase_person(uow, SUBJECT_NO)

    assert result.compaction == Compaction.DONE and result.compacted
    assert pages_holding(inspector, NEEDLES) == set()
    assert in_statistics(inspector, SUBJECT_TRACES) == set()


@pytest.mark.postgres
def test_a_plain_vacuum_would_leave_the_name_in_the_pages(
    pg_database: Database, inspector: psycopg.Connection[Any]
) -> None:
    """Why the tables are rewritten: a dead row's bytes stay in its page after a plain VACUUM."""
    build_register(UnitOfWork(pg_database))
    inspector.execute("DELETE FROM employee WHERE employee_no = %s", (SUBJECT_NO,))
    inspector.execute("VACUUM employee")
    assert "Quistgaard" in pages_holding(inspector, ["Quistgaard"])


@pytest.mark.postgres
def test_an_hr_login_erases_is_named_in_the_log_and_told_what_remains(
    pg_database: Database, pg_admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = UnitOfWork(pg_database)
    build_register(owner)
    logins = Logins(pg_admin_url, pg_database.url)
    try:
        hr = logins.make("kr_hr")
        from competence.access import grant_access

        grant_access(owner, hr, "hr")
        assert main(["erase-person", SUBJECT_NO, "--yes", "--db", url_as(pg_database.url, hr)]) == 0
        out = capsys.readouterr()
        assert "Bare eieren av det felles registeret kan bygge tabellene om" in out.err
        with pg_database.engine.connect() as conn:
            actor = conn.scalar(text("SELECT actor FROM audit_event WHERE action = 'erase'"))
            assert (
                conn.scalar(text("SELECT count(*) FROM employee WHERE employee_no = :n"), {"n": SUBJECT_NO})
                == 0
            )
        assert actor == hr  # the database login, not the name of the PC's user
    finally:
        pg_database.dispose()
        logins.drop_all()
