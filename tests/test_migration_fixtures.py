"""A register of every earlier schema revision upgrades to the newest one and keeps every row.

Each revision has a register written by the code of that revision (``tests/fixtures/registers/``,
made by ``tests/fixtures/make_registers.py``; revision 0002 is release 0.1.0's). It is upgraded on
SQLite and, loaded into a PostgreSQL database built by the migrations up to its revision, on
PostgreSQL; then every row is compared with the row before (``tests/support/upgrades.py`` says what
an upgrade may change), and the schema with the models, CHECK constraints included. On PostgreSQL
the registered logins hold exactly the privileges of the permission model afterwards, and the rules
(row-level security, policies, functions, triggers) are those of a register made new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import IntegrityError

from db import migrate
from db.engine import make_engine
from db.models import Base
from db.permissions import Role, table_privileges
from db.session import Database
from tests.support.pg_logins import Logins
from tests.support.schema import check_differences
from tests.support.upgrades import (
    REGISTERS,
    RENAMED_IN,
    load_postgresql,
    load_sqlite,
    postgresql_snapshot,
    renamed_count,
    row_differences,
    sqlite_snapshot,
)

REVISIONS = sorted(REGISTERS)
#: The revision from which the database itself grants each account its privileges.
PERMISSION_MODEL_FROM = "0003"


def test_every_revision_has_a_register() -> None:
    """A new migration needs a register of its revision (make_registers.py), for the next one."""
    assert set(REGISTERS) == migrate.known_revisions()


def _schema_matches_models(conn: Connection) -> None:
    assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert check_differences(conn) == []


@pytest.mark.parametrize("revision", REVISIONS)
def test_sqlite_register_upgrades_and_keeps_every_row(revision: str, tmp_path: Path) -> None:
    path = load_sqlite(revision, tmp_path / "register.db")
    before = sqlite_snapshot(path)
    assert before["alembic_version"].rows == [(revision,)]
    assert len(before["employee"].rows) >= 30 and len(before["assessment"].rows) > 500
    assert revision >= RENAMED_IN or renamed_count(before) > 0  # the renames are exercised
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine, take_backup=False)
        with engine.begin() as conn:
            _schema_matches_models(conn)
    finally:
        engine.dispose()
    after = sqlite_snapshot(path)
    assert after["alembic_version"].rows == [(migrate.HEAD,)]
    assert row_differences(before, after) == []


def test_the_row_comparison_sees_a_changed_row(tmp_path: Path) -> None:
    path = load_sqlite("0005", tmp_path / "register.db")
    before = sqlite_snapshot(path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine, take_backup=False)
        with engine.begin() as conn:
            conn.execute(text("UPDATE certificate SET note = 'endret' WHERE id = 3"))
            conn.execute(text("UPDATE learning_goal SET status = 'planned' WHERE status = 'completed'"))
    finally:
        engine.dispose()
    problems = row_differences(before, sqlite_snapshot(path))
    assert [p.split(":")[0] for p in problems] == ["certificate", "learning_goal"]


# --- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture
def logins(pg_admin_url: str, pg_empty_url: str) -> Iterator[Logins]:
    made = Logins(pg_admin_url, pg_empty_url)
    try:
        yield made
    finally:
        made.drop_all()


def _register_accounts(conn: Connection, logins: Logins) -> dict[Role, str]:
    """An HR login and the login of a unit's leader, registered as the app's HR would."""
    hr, leader = logins.make("kr_fx_hr"), logins.make("kr_fx_leader")
    leader_id = conn.execute(
        text("SELECT leader_id FROM org_unit WHERE leader_id IS NOT NULL ORDER BY id LIMIT 1")
    ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO register_account (login, kind, employee_id, created_at) "
            "VALUES (:hr, 'hr', NULL, now()), (:leader, 'leader', :employee, now())"
        ),
        {"hr": hr, "leader": leader, "employee": leader_id},
    )
    return {Role.HR: hr, Role.LEADER: leader}


def _privileges(conn: Connection, login: str) -> dict[str, dict[str, frozenset[str] | None]]:
    """What ``login`` may do, table by table: verb -> None (the whole table) or the columns."""
    result: dict[str, dict[str, frozenset[str] | None]] = {}
    for table in Base.metadata.tables.values():
        verbs: dict[str, frozenset[str] | None] = {}
        for verb in ("select", "insert", "update", "delete"):
            if conn.execute(
                text("SELECT has_table_privilege(:l, :t, :v)"), {"l": login, "t": table.name, "v": verb}
            ).scalar():
                verbs[verb] = None
            elif verb == "update":
                columns = frozenset(
                    c.name
                    for c in table.columns
                    if conn.execute(
                        text("SELECT has_column_privilege(:l, :t, :c, 'UPDATE')"),
                        {"l": login, "t": table.name, "c": c.name},
                    ).scalar()
                )
                if columns:
                    verbs[verb] = columns
        if verbs:
            result[table.name] = verbs
    return result


def _model_privileges(role: Role) -> dict[str, dict[str, frozenset[str] | None]]:
    return {
        table: {verb: None if cols is None else frozenset(cols) for verb, cols in verbs.items()}
        for table, verbs in table_privileges(role).items()
        if table in Base.metadata.tables
    }


def _rules(conn: Connection) -> dict[str, object]:
    """The shared register's rules: row-level security, policies, functions and triggers."""
    return {
        "rls": sorted(
            conn.execute(
                text(
                    "SELECT relname, relrowsecurity FROM pg_class "
                    "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
                )
            ).all()
        ),
        "policies": sorted(
            conn.execute(text("SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies")).all()
        ),
        "functions": sorted(
            conn.execute(
                text(
                    "SELECT proname, pg_get_functiondef(oid) FROM pg_proc "
                    "WHERE pronamespace = 'public'::regnamespace"
                )
            ).all()
        ),
        "triggers": sorted(
            conn.execute(
                text("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal")
            ).all()
        ),
    }


@pytest.mark.postgres
@pytest.mark.parametrize("revision", REVISIONS)
def test_postgresql_register_upgrades_and_keeps_every_row(
    revision: str, pg_empty_url: str, pg_database: Database, logins: Logins, tmp_path: Path
) -> None:
    engine = make_engine(pg_empty_url)
    try:
        load_postgresql(revision, engine, tmp_path / "register.db")
        accounts: dict[Role, str] = {}
        if revision >= "0002":  # the revision that brought register accounts
            with engine.begin() as conn:
                accounts = _register_accounts(conn, logins)
        with engine.connect() as conn:
            before = postgresql_snapshot(conn)
        assert before["alembic_version"].rows == [(revision,)]
        assert revision >= RENAMED_IN or renamed_count(before) > 0
        migrate.upgrade(engine, take_backup=False)
        with engine.begin() as conn:
            after = postgresql_snapshot(conn)
            _schema_matches_models(conn)
            for role, login in accounts.items():
                assert _privileges(conn, login) == _model_privileges(role), role
            rules = _rules(conn)
        assert after["alembic_version"].rows == [(migrate.HEAD,)]
        assert row_differences(before, after) == []
        with pg_database.engine.connect() as fresh:
            assert rules == _rules(fresh)  # the same rules as a register made at this version
    finally:
        engine.dispose()


def test_fixture_revisions_are_ordered() -> None:
    """The comparisons above (``revision >= "0002"``) rely on revisions that sort as they follow."""
    assert sorted(migrate.known_revisions()) == REVISIONS
    assert PERMISSION_MODEL_FROM in REVISIONS


# --- a register with targets (revision 0009: a target may name a qualification) ------------------


def _add_targets(conn: Connection) -> tuple[int, int]:
    """Two competence targets and a measure aimed at the first, written as revision 0008 stored
    them (the fixture register of 0008 has none: its demo is too small for targets); the ids of
    the first unit and of a qualification of the catalogue."""
    units = conn.execute(text("SELECT id FROM org_unit ORDER BY number LIMIT 2")).scalars().all()
    competence, level = conn.execute(
        text(
            "SELECT c.id, l.id FROM competence c JOIN scale_level l ON l.scale_id = c.scale_id "
            "ORDER BY c.id, l.ordinal DESC LIMIT 1"
        )
    ).one()
    for unit in units:
        conn.execute(
            text(
                "INSERT INTO unit_target (unit_id, competence_id, level_id, people_needed, reason, "
                "created_at, version) VALUES (:unit, :competence, :level, 3, 'To på hver vakt', :now, 1)"
            ),
            {"unit": unit, "competence": competence, "level": level, "now": dt.datetime(2026, 11, 1)},
        )
    target = conn.execute(text("SELECT min(id) FROM unit_target")).scalar_one()
    conn.execute(
        text(
            "INSERT INTO unit_measure (unit_id, year, kind, title, target_id, status, created_at, version) "
            "VALUES (:unit, 2026, 'develop', 'Kurs', :target, 'planned', :now, 1)"
        ),
        {"unit": units[0], "target": target, "now": dt.datetime(2026, 11, 1)},
    )
    qualification = conn.execute(text("SELECT min(id) FROM qualification")).scalar_one()
    return units[0], qualification


def _targets_after_upgrade(conn: Connection, unit: int, qualification: int) -> None:
    """The old targets are competence targets; a qualification target goes in, both or neither not."""
    rows = conn.execute(
        text("SELECT competence_id IS NOT NULL, level_id IS NOT NULL, qualification_id FROM unit_target")
    ).all()
    assert [tuple(r) for r in rows] == [(True, True, None), (True, True, None)]
    conn.execute(
        text(
            "INSERT INTO unit_target (unit_id, qualification_id, people_needed, created_at, version) "
            "VALUES (:unit, :q, 2, :now, 1)"
        ),
        {"unit": unit, "q": qualification, "now": dt.datetime(2026, 12, 1)},
    )
    for columns, values in (
        ("competence_id, level_id, qualification_id", "(SELECT competence_id FROM unit_target LIMIT 1), "
         "(SELECT level_id FROM unit_target LIMIT 1), :q"),
        ("qualification_id", "NULL"),
    ):  # fmt: skip
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(
                text(
                    f"INSERT INTO unit_target (unit_id, {columns}, people_needed, created_at, version) "
                    f"VALUES (:unit, {values}, 1, :now, 1)"
                ),
                {"unit": unit, "q": qualification, "now": dt.datetime(2026, 12, 1)},
            )
    with pytest.raises(IntegrityError), conn.begin_nested():  # one target per unit and qualification
        conn.execute(
            text(
                "INSERT INTO unit_target (unit_id, qualification_id, people_needed, created_at, version) "
                "VALUES (:unit, :q, 5, :now, 1)"
            ),
            {"unit": unit, "q": qualification, "now": dt.datetime(2026, 12, 1)},
        )
    with pytest.raises(IntegrityError), conn.begin_nested():  # the catalogue keeps what a target names
        conn.execute(text("DELETE FROM qualification WHERE id = :q"), {"q": qualification})


def test_sqlite_register_with_targets_upgrades_to_qualification_targets(tmp_path: Path) -> None:
    path = load_sqlite("0008", tmp_path / "register.db")
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            unit, qualification = _add_targets(conn)
        before = sqlite_snapshot(path)
        migrate.upgrade(engine, take_backup=False)
        assert row_differences(before, sqlite_snapshot(path)) == []
        with engine.begin() as conn:
            _schema_matches_models(conn)
            _targets_after_upgrade(conn, unit, qualification)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_register_with_targets_upgrades_and_a_leader_sets_a_qualification_target(
    pg_empty_url: str, logins: Logins, tmp_path: Path
) -> None:
    engine = make_engine(pg_empty_url)
    try:
        load_postgresql("0008", engine, tmp_path / "register.db")
        leader = logins.make("kr_fx_unit_leader")
        with engine.begin() as conn:
            unit, qualification = _add_targets(conn)
            # the leader of one enhet (not of the whole municipality), and an enhet outside it
            led, employee = conn.execute(
                text("SELECT id, leader_id FROM org_unit WHERE number = '2001'")
            ).one()
            outside = conn.execute(text("SELECT id FROM org_unit WHERE number = '3001'")).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO register_account (login, kind, employee_id, created_at) "
                    "VALUES (:login, 'leader', :employee, now())"
                ),
                {"login": leader, "employee": employee},
            )
        with engine.connect() as conn:
            before = postgresql_snapshot(conn)
        migrate.upgrade(engine, take_backup=False)
        with engine.begin() as conn:
            assert row_differences(before, postgresql_snapshot(conn)) == []
            _schema_matches_models(conn)
            assert _privileges(conn, leader) == _model_privileges(Role.LEADER)
            _targets_after_upgrade(conn, unit, qualification)
        # the leader, through plain SQL, sets a qualification target for the unit they lead (the
        # row-level security policy of 0007 still decides where)
        insert = (
            "INSERT INTO unit_target (unit_id, qualification_id, people_needed, created_at) "
            "VALUES (%s, %s, 1, now())"
        )
        with logins.connect(leader) as as_leader:
            as_leader.execute(insert, (led, qualification + 1))
            as_leader.commit()
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                as_leader.execute(insert, (outside, qualification + 2))
        with engine.connect() as conn:
            made = conn.execute(
                text("SELECT unit_id FROM unit_target WHERE qualification_id = :q"), {"q": qualification + 1}
            )
            assert made.scalars().all() == [led]
    finally:
        engine.dispose()
