"""The permission model of a shared register (``docs/security.md``), tried as an adversary.

Generated from :data:`db.permissions.PERMISSIONS`: for each role (the owner, an HR login, a unit
leader's login, a login nobody registered), connected as a real login with plain SQL (psycopg, no
app in between), every verb on every table, against rows about people in and out of the leader's
reach; what the database allows must be exactly what the model says. Then the escalations a
leader's login was found to get away with, each by name, and that the leader's reach is the same
afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from db.models import Base
from db.permissions import PERMISSIONS, VERBS, Role, Rows, markdown_table, schema_tables, table_privileges
from db.session import Database, open_database
from tests.conftest import _create_database, _replace_db
from tests.reliability.pg_register import (
    LEADER_REACH,
    LEADER_UNITS,
    PEOPLE,
    REACHED,
    UNREACHED,
    SharedRegister,
    build_shared_register,
    reach_of,
    shared_register,
)
from tests.support.pg_logins import Logins, connection_params

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
#: Which targeted rows each kind of rule reaches (labels of :attr:`SharedRegister.rows`, seen from
#: the leader's login, the only role whose rules are neither all rows nor none).
COVERS: dict[Rows, frozenset[str]] = {
    Rows.ALL: frozenset({"reached", "unreached", "general", "own", "other", "spare", "new"}),
    Rows.REACH: frozenset({"reached"}),
    Rows.REACH_OR_GENERAL: frozenset({"reached", "general", "own"}),
    Rows.REACH_OR_OWN: frozenset({"reached", "own"}),
    Rows.OWN: frozenset({"own"}),
    Rows.UNITS: frozenset({"reached"}),
    Rows.NONE: frozenset(),
}
PRIMARY_KEY = {
    "setting": "key",
    "alembic_version": "version_num",
    "program_version": "version",
    "gap_cell": "unit_id",  # one row per unit in the shared register: the unit is its key there
}
ROLES = [r.value for r in Role]


def test_the_model_covers_every_table_of_the_schema() -> None:
    assert set(PERMISSIONS) == schema_tables()
    for rules in PERMISSIONS.values():
        assert set(rules.rules) == set(Role) and all(set(v) == set(VERBS) for v in rules.rules.values())
        assert all(g.allowed for g in rules.rules[Role.OWNER].values())
        assert not any(g.allowed for g in rules.rules[Role.UNREGISTERED].values())


def test_docs_security_holds_the_model_table() -> None:
    assert markdown_table() in DOC.read_text(encoding="utf-8"), (
        "docs/security.md differs from db/permissions.py: run `python -m db.permissions --write`"
    )


# --- the register and the logins -----------------------------------------------------------------


@pytest.fixture(scope="module")
def shared(pg_admin_url: str) -> Iterator[SharedRegister]:
    """Built once for the module: the generated tests roll back everything they try."""
    name = f"kt_permissions_{id(object())}"
    _create_database(pg_admin_url, name, template="kompetanse_template")
    database = open_database(_replace_db(pg_admin_url, name))
    logins = Logins(pg_admin_url, database.url)
    try:
        yield build_shared_register(database, logins)
    finally:
        database.dispose()
        logins.drop_all()
        from tests.conftest import _admin

        _admin(pg_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def connections(shared: SharedRegister) -> Iterator[dict[str, psycopg.Connection[Any]]]:
    """One plain connection per role; the owner is the role that ran the migrations."""
    conns = {"owner": psycopg.connect(**connection_params(shared.database.url))}
    for role in ("hr", "leader", "unregistered"):
        login = shared.login_of(role)
        assert login is not None
        conns[role] = psycopg.connect(**connection_params(shared.database.url, user=login))
    try:
        yield conns
    finally:
        for conn in conns.values():
            conn.close()


def _attempt(conn: psycopg.Connection[Any], statement: sql.Composable, params: Any = None) -> int | None:
    """Run one statement in a transaction that is always rolled back: its row count, or None when
    the database refused it (insufficient privilege, or a row-level security check)."""
    try:
        cursor = conn.execute(statement, params)
        return cursor.rowcount
    except psycopg.errors.InsufficientPrivilege:
        return None
    finally:
        conn.rollback()


def _select_ids(conn: psycopg.Connection[Any], table: str) -> set[Any] | None:
    pk = PRIMARY_KEY.get(table, "id")
    try:
        return {
            r[0]
            for r in conn.execute(
                sql.SQL("SELECT {} FROM {}").format(sql.Identifier(pk), sql.Identifier(table))
            )
        }
    except psycopg.errors.InsufficientPrivilege:
        return None
    finally:
        conn.rollback()


def _expected_ids(shared: SharedRegister, owner: psycopg.Connection[Any], table: str, rule: Rows) -> set[Any]:
    """The rows ``rule`` gives the leader's login, worked out by the owner from the known reach."""
    pk = PRIMARY_KEY.get(table, "id")
    reach_ids = [shared.people[p] for p in LEADER_REACH]
    reach_numbers = [PEOPLE[p][0] for p in LEADER_REACH]
    column = PERSON_COLUMN.get(table)
    own = {
        "import_run": "actor = %(login)s",
        "register_account": "login = %(login)s",
        "audit_event": "actor = %(login)s",
    }
    reach = "employee_no = ANY(%(numbers)s)" if table == "audit_event" else f"{column} = ANY(%(ids)s)"
    if rule is Rows.UNITS:  # the units Lena leads, and the units below them
        led = [shared.units[u] for u in LEADER_UNITS]
        rows = owner.execute(f'SELECT {pk} FROM "{table}" WHERE unit_id = ANY(%(units)s)', {"units": led})
        found = {r[0] for r in rows}
        owner.rollback()
        return found
    where = {
        Rows.ALL: "true",
        Rows.REACH: reach,
        Rows.REACH_OR_OWN: f"{reach} OR {own.get(table, 'false')}",
        Rows.OWN: own.get(table, "false"),
    }[rule]
    params = {"login": shared.leader, "ids": reach_ids, "numbers": reach_numbers}
    rows = owner.execute(f'SELECT {pk} FROM "{table}" WHERE {where}', params)  # type: ignore[arg-type]
    result = {r[0] for r in rows}
    owner.rollback()
    return result


PERSON_COLUMN = {"employee": "id", "position": "employee_id", "assessment": "employee_id"} | {
    t: "employee_id"
    for t in (
        "certificate",
        "learning_goal",
        "appraisal",
        "register_account",
        "employee_qualification",
        "dispensation",
    )
}


# --- the generated tests ----------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("table", sorted(PERMISSIONS))
def test_select_is_exactly_what_the_model_allows(
    shared: SharedRegister, connections: dict[str, psycopg.Connection[Any]], role: str, table: str
) -> None:
    grant = PERMISSIONS[table].grant(Role(role), "select")
    seen = _select_ids(connections[role], table)
    if not grant.allowed:
        assert seen is None, f"{role} may not read {table}, but read {len(seen or ())} rows"
        return
    assert seen is not None, f"{role} was refused reading {table}"
    assert seen == _expected_ids(shared, connections["owner"], table, grant.rows)


@pytest.mark.postgres
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("table", sorted(PERMISSIONS))
def test_insert_is_exactly_what_the_model_allows(
    shared: SharedRegister, connections: dict[str, psycopg.Connection[Any]], role: str, table: str
) -> None:
    grant = PERMISSIONS[table].grant(Role(role), "insert")
    for label, (statement, params) in _inserts(shared, table).items():
        count = _attempt(connections[role], statement, params)
        allowed = grant.allowed and label in COVERS[grant.rows]
        assert (count == 1) == allowed, f"{role} inserting into {table} ({label}): {count}"


@pytest.mark.postgres
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("table", sorted(PERMISSIONS))
def test_update_is_exactly_what_the_model_allows(
    shared: SharedRegister, connections: dict[str, psycopg.Connection[Any]], role: str, table: str
) -> None:
    grant = PERMISSIONS[table].grant(Role(role), "update")
    allowed_columns = table_privileges(Role(role)).get(table, {}).get("update", None)
    pk = PRIMARY_KEY.get(table, "id")
    for column in _columns(table):
        statement = sql.SQL("UPDATE {t} SET {c} = {c} WHERE {pk} = %s").format(
            t=sql.Identifier(table), c=sql.Identifier(column), pk=sql.Identifier(pk)
        )
        may_change = grant.allowed and (allowed_columns is None or column in allowed_columns)
        for label, key in shared.rows[table].items():
            count = _attempt(connections[role], statement, (key,))
            if not may_change:
                assert count is None, f"{role} changed {table}.{column} ({label})"
            else:
                expected = 1 if label in COVERS[grant.rows] else 0
                assert count == expected, f"{role} updating {table}.{column} ({label}): {count}"


@pytest.mark.postgres
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("table", sorted(PERMISSIONS))
def test_delete_is_exactly_what_the_model_allows(
    shared: SharedRegister, connections: dict[str, psycopg.Connection[Any]], role: str, table: str
) -> None:
    grant = PERMISSIONS[table].grant(Role(role), "delete")
    pk = PRIMARY_KEY.get(table, "id")
    statement = sql.SQL("DELETE FROM {t} WHERE {pk} = %s").format(
        t=sql.Identifier(table), pk=sql.Identifier(pk)
    )
    for label, key in shared.rows[table].items():
        count = _attempt(connections[role], statement, (key,))
        if not grant.allowed:
            assert count is None, f"{role} deleted from {table} ({label})"
        else:
            assert count == (1 if label in COVERS[grant.rows] else 0), f"{role} deleting {table} ({label})"


@pytest.mark.postgres
@pytest.mark.parametrize("role", ["hr", "leader", "unregistered"])
def test_a_login_holds_no_privilege_the_model_does_not_give(
    shared: SharedRegister, connections: dict[str, psycopg.Connection[Any]], role: str
) -> None:
    """What ``\\dp`` shows: the table and column privileges of the login, nothing more."""
    login = shared.login_of(role)
    owner = connections["owner"]
    held: dict[str, dict[str, set[str] | None]] = {}
    for table, verb in owner.execute(
        "SELECT c.relname, a.privilege_type FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
        "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.grantee = %s::regrole",
        (login,),
    ):
        held.setdefault(table, {})[verb.lower()] = None
    for table, column, verb in owner.execute(
        "SELECT c.relname, t.attname, a.privilege_type FROM pg_attribute t "
        "JOIN pg_class c ON c.oid = t.attrelid CROSS JOIN LATERAL aclexplode(t.attacl) a "
        "WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = %s::regrole",
        (login,),
    ):
        columns = held.setdefault(table, {}).setdefault(verb.lower(), set())
        assert columns is not None, f"{verb} on {table} granted on the table and on {column}"
        columns.add(column)
    owner.rollback()
    expected = {
        table: {verb: set(columns) if columns is not None else None for verb, columns in verbs.items()}
        for table, verbs in table_privileges(Role(role)).items()
    }
    assert held == expected


# --- the escalations found, by name ---------------------------------------------------------------


def _as_leader(shared: SharedRegister, statement: str, params: Any = None) -> int | None:
    """Run ``statement`` as the leader's login and commit it if the database lets it through."""
    with shared.logins.connect(shared.leader) as conn:
        try:
            count = conn.execute(statement, params).rowcount  # type: ignore[arg-type]
        except psycopg.errors.InsufficientPrivilege:
            return None
        conn.commit()
        return count


def _owner_row(shared: SharedRegister, query: str, params: Any = None) -> tuple[Any, ...] | None:
    with psycopg.connect(**connection_params(shared.database.url)) as conn:
        return conn.execute(query, params).fetchone()  # type: ignore[arg-type]


def _owner_value(shared: SharedRegister, query: str, params: Any = None) -> Any:
    row = _owner_row(shared, query, params)
    return row[0] if row else None


@pytest.fixture
def own_register(pg_admin_url: str, pg_database: Database) -> Iterator[SharedRegister]:
    """A register of its own: an escalation that got through must not spoil the other tests."""
    with shared_register(pg_admin_url, pg_database) as register:
        yield register


@pytest.fixture
def escalation(own_register: SharedRegister) -> Iterator[SharedRegister]:
    """... and the leader reaches the same people before and after the attempt."""
    assert reach_of(own_register, own_register.leader) == LEADER_REACH
    yield own_register
    assert reach_of(own_register, own_register.leader) == LEADER_REACH, "the leader's reach changed"


@pytest.mark.postgres
def test_a_leader_cannot_make_themselves_leader_of_the_top_units(escalation: SharedRegister) -> None:
    lena = escalation.people["Lena"]
    assert (
        _as_leader(escalation, "UPDATE org_unit SET leader_id = %s WHERE parent_id IS NULL", (lena,)) is None
    )
    assert _owner_value(escalation, "SELECT count(*) FROM org_unit WHERE leader_id = %s", (lena,)) == 1


@pytest.mark.postgres
def test_a_leader_cannot_change_municipality_wide_data(escalation: SharedRegister) -> None:
    for statement in (
        "DELETE FROM requirement",
        "UPDATE setting SET value = '{}'",
        "UPDATE org_unit SET name = 'HACKED'",
        "INSERT INTO org_unit (number, name, version, created_at) VALUES ('666', 'Ny', 1, now())",
        "UPDATE competence SET name = 'HACKED'",
        "DELETE FROM role",
    ):
        assert _as_leader(escalation, statement) is None, statement
    assert _owner_value(escalation, "SELECT count(*) FROM requirement") == 2
    assert _owner_value(escalation, "SELECT count(*) FROM org_unit WHERE name = 'HACKED'") == 0
    assert _owner_value(escalation, "SELECT value->>'municipality' FROM setting WHERE key = 'register'") == (
        "Fjordvik kommune"
    )


@pytest.mark.postgres
def test_a_leader_cannot_place_someone_in_their_unit(escalation: SharedRegister) -> None:
    helse, siri, tor = escalation.units["helse"], escalation.people["Siri"], escalation.people["Tor"]
    insert = (
        "INSERT INTO position (employee_id, unit_id, title, fte_percent, version) VALUES (%s, %s, 'x', 10, 1)"
    )
    assert _as_leader(escalation, insert, (siri, helse)) is None
    assert _as_leader(escalation, insert, (tor, helse)) is None
    assert (
        _as_leader(escalation, "UPDATE position SET unit_id = %s WHERE employee_id = %s", (helse, tor))
        is None
    )
    assert (
        _as_leader(escalation, "UPDATE position SET employee_id = %s WHERE employee_id = %s", (siri, tor))
        is None
    )
    assert _owner_value(escalation, "SELECT count(*) FROM position WHERE unit_id = %s", (helse,)) == 2


@pytest.mark.postgres
def test_a_leader_cannot_change_a_manager(escalation: SharedRegister) -> None:
    lena, sven, hans = (escalation.people[p] for p in ("Lena", "Sven", "Hans"))
    assert _as_leader(escalation, "UPDATE employee SET manager_id = %s WHERE id = %s", (sven, hans)) is None
    assert _as_leader(escalation, "UPDATE employee SET manager_id = %s", (lena,)) is None
    assert _as_leader(escalation, "UPDATE position SET manager_id = %s", (lena,)) is None
    assert _owner_value(escalation, "SELECT count(*) FROM employee WHERE manager_id IS NOT NULL") == 1


@pytest.mark.postgres
def test_a_leader_cannot_edit_their_own_account(escalation: SharedRegister) -> None:
    for statement in (
        "UPDATE register_account SET kind = 'hr', employee_id = NULL WHERE login = session_user",
        "UPDATE register_account SET employee_id = (SELECT id FROM employee WHERE employee_no = '4')",
        "INSERT INTO register_account (login, kind, created_at) VALUES (session_user || '_2', 'hr', now())",
        "DELETE FROM register_account WHERE login = session_user",
    ):
        assert _as_leader(escalation, statement) is None, statement
    kind = _owner_value(
        escalation, "SELECT kind FROM register_account WHERE login = %s", (escalation.leader,)
    )
    assert kind == "leader"


@pytest.mark.postgres
def test_a_leader_cannot_forge_the_actor_or_time_of_an_audit_event(escalation: SharedRegister) -> None:
    inserted = _as_leader(
        escalation,
        "INSERT INTO audit_event (at, actor, action, details) VALUES ('2020-01-01', %s, 'erase', '{}')",
        (escalation.hr,),
    )
    assert inserted == 1  # an event is welcome; its actor and time are the database's
    actor, at = _owner_row(
        escalation, "SELECT actor, at FROM audit_event WHERE action = 'erase' ORDER BY id DESC LIMIT 1"
    )
    assert actor == escalation.leader
    assert at.year >= dt.date.today().year
    assert _as_leader(escalation, "UPDATE audit_event SET actor = %s", (escalation.hr,)) is None


@pytest.mark.postgres
def test_no_login_but_the_owner_deletes_or_changes_audit_events(escalation: SharedRegister) -> None:
    before = _owner_value(escalation, "SELECT count(*) FROM audit_event")
    assert (
        _as_leader(escalation, "DELETE FROM audit_event WHERE action = 'erase' OR employee_no IS NULL")
        is None
    )
    assert _as_leader(escalation, "DELETE FROM audit_event") is None
    with escalation.logins.connect(escalation.hr) as hr:
        for statement in ("DELETE FROM audit_event", "UPDATE audit_event SET action = 'export'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                hr.execute(statement)
            hr.rollback()
        # the erasure's door lets through only the events of a person no longer in the register
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            hr.execute("SELECT kr_relabel_person_events('3', '5')")
        hr.rollback()
        assert hr.execute("SELECT kr_forget_person_events(ARRAY['3', '5'])").fetchone() == (0,)
        hr.commit()
    with (
        escalation.logins.connect(escalation.leader) as leader,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        leader.execute("SELECT kr_forget_person_events(ARRAY['99'])")
    assert _owner_value(escalation, "SELECT count(*) FROM audit_event") == before


@pytest.mark.postgres
def test_a_temporary_table_cannot_stand_in_for_the_accounts(escalation: SharedRegister) -> None:
    """The rules' functions run as the owner; a login's own temporary ``register_account`` (found
    before the real one unless the functions' path puts ``pg_temp`` last) must not fool them."""
    with escalation.logins.connect(escalation.leader) as conn:
        conn.execute("CREATE TEMP TABLE register_account (login text, kind text, employee_id integer)")
        conn.execute("INSERT INTO register_account VALUES (session_user, 'hr', NULL)")
        conn.execute("CREATE TEMP TABLE org_unit (id integer, leader_id integer, parent_id integer)")
        seen = {r[0] for r in conn.execute("SELECT first_name FROM public.employee")}
    assert seen == LEADER_REACH


@pytest.mark.postgres
def test_an_unregistered_login_reaches_nothing(escalation: SharedRegister) -> None:
    with escalation.logins.connect(escalation.unregistered) as conn:
        for table in sorted(schema_tables()):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))
            conn.rollback()


@pytest.mark.postgres
def test_erasing_a_leader_takes_their_privileges_with_their_account(own_register: SharedRegister) -> None:
    from competence.privacy.erasure import erase_person

    reg = own_register
    erase_person(reg.owner, PEOPLE["Lena"][0])
    assert not _owner_value(reg, "SELECT has_table_privilege(%s, 'public.org_unit', 'SELECT')", (reg.leader,))
    with reg.logins.connect(reg.leader) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM employee")


# --- inserts, one builder per table ----------------------------------------------------------------

Insert = tuple[sql.Composable, dict[str, Any]]


def _inserts(shared: SharedRegister, table: str) -> dict[str, Insert]:
    """Statements inserting a new row into ``table``: per label, about whom."""
    builder = INSERTS.get(table)
    assert builder is not None, f"no insert for the table {table}: add one to INSERTS"
    return builder(shared)


def _row(table: str, **values: Any) -> Insert:
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, values)),
        sql.SQL(", ").join(sql.Placeholder(k) for k in values),
    )
    return statement, values


def _about_people(
    make: Callable[[SharedRegister, int], Insert],
) -> Callable[[SharedRegister], dict[str, Insert]]:
    return lambda s: {"reached": make(s, s.people[REACHED]), "unreached": make(s, s.people[UNREACHED])}


NOW = dt.datetime(2026, 3, 1, 12, 0)
SPARE: Callable[[SharedRegister, str], Any] = lambda s, table: s.rows[table]["spare"]  # noqa: E731

INSERTS: dict[str, Callable[[SharedRegister], dict[str, Insert]]] = {
    "org_unit": lambda s: {"new": _row("org_unit", number="777", name="Ny", version=1, created_at=NOW)},
    "scale": lambda s: {"new": _row("scale", key="ny", name="Ny", version=1)},
    "scale_level": lambda s: {
        "new": _row("scale_level", scale_id=SPARE(s, "scale"), ordinal=7, name="Sju", percent=70.0)
    },
    "framework": lambda s: {
        "new": _row(
            "framework", key="ny", name="Ny", data_version=1, builtin=False, version=1, created_at=NOW
        )
    },
    "area": lambda s: {
        "new": _row("area", framework_id=SPARE(s, "framework"), key="ny", name="Ny", sort_order=0, version=1)
    },
    "competence": lambda s: {
        "new": _row(
            "competence",
            framework_id=SPARE(s, "framework"),
            area_id=SPARE(s, "area"),
            scale_id=SPARE(s, "scale"),
            key="ny",
            name="Ny",
            kind="skill",
            critical=False,
            sort_order=0,
            version=1,
        )
    },
    "role": lambda s: {"new": _row("role", name="Ny rolle", version=1, created_at=NOW)},
    "requirement": lambda s: {
        "new": _row(
            "requirement",
            role_id=SPARE(s, "role"),
            competence_id=s.framework_competence_id,
            level_id=s.level_id,
            mandatory=True,
            version=1,
        )
    },
    "setting": lambda s: {"new": _row("setting", key="ny", value="{}", updated_at=NOW)},
    "employee": lambda s: {
        "new": _row(
            "employee",
            employee_no="99",
            first_name="Ny",
            last_name="Person",
            version=1,
            created_at=NOW,
            updated_at=NOW,
        )
    },
    "position": _about_people(
        lambda s, p: _row(
            "position", employee_id=p, unit_id=s.units["ledig"], title="x", fte_percent=10.0, version=1
        )
    ),
    "assessment": _about_people(
        lambda s, p: _row(
            "assessment",
            employee_id=p,
            competence_id=s.competence_id,
            level_id=s.level_id,
            assessed_on=dt.date(2026, 3, 1),
            source="leader",
            is_current=False,
            created_at=NOW,
        )
    ),
    "certificate": _about_people(
        lambda s, p: _row(
            "certificate", employee_id=p, name="Kurs", completed_on=dt.date(2026, 1, 1), version=1
        )
    ),
    "learning_goal": _about_people(
        lambda s, p: _row(
            "learning_goal",
            employee_id=p,
            activity_type="course",
            description="",
            status="planned",
            version=1,
            created_at=NOW,
        )
    ),
    "appraisal": _about_people(
        lambda s, p: _row("appraisal", employee_id=p, held_on=dt.date(2026, 3, 1), version=1)
    ),
    "qualification": lambda s: {
        "new": _row(
            "qualification", key="ny", kind="licence", name="Ny", builtin=False, version=1, created_at=NOW
        )
    },
    "employee_qualification": _about_people(
        lambda s, p: _row(
            "employee_qualification",
            employee_id=p,
            qualification_id=s.qualification_id,
            obtained_on=dt.date(2020, 6, 1),
            version=1,
            created_at=NOW,
        )
    ),
    "dispensation": _about_people(
        lambda s, p: _row(
            "dispensation",
            employee_id=p,
            qualification_id=s.qualification_id,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
            version=1,
            created_at=NOW,
        )
    ),
    "import_run": lambda s: {
        "own": _row(
            "import_run",
            kind="roster",
            actor=s.hr,
            file_name="f",
            file_sha256="",
            status="ok",
            counts="{}",
            started_at=NOW,
        )
    },
    "import_mapping": lambda s: {
        "new": _row("import_mapping", source_key="ny", mapping="{}", updated_at=NOW)
    },
    "audit_event": lambda s: {
        label: _row("audit_event", at=NOW, actor=s.hr, action="update", employee_no=number, details="{}")
        for label, number in (
            ("reached", PEOPLE[REACHED][0]),
            ("unreached", PEOPLE[UNREACHED][0]),
            ("general", None),
        )
    },
    "register_account": lambda s: {
        "new": _row("register_account", login="kr_ghost", kind="hr", created_at=NOW)
    },
    "alembic_version": lambda s: {"new": _row("alembic_version", version_num="9999")},
    "program_version": lambda s: {
        "new": _row("program_version", version="9.9.9", first_opened_at=NOW, last_opened_at=NOW)
    },
    "unit_target": lambda s: {
        label: _row(
            "unit_target",
            unit_id=s.units[unit],
            competence_id=s.competence_id,
            level_id=s.level_id,
            people_needed=2,
            created_at=NOW,
            version=1,
        )
        for label, unit in (("reached", "hjemme"), ("unreached", "ledig"))
    },
    "unit_measure": lambda s: {
        label: _row(
            "unit_measure",
            unit_id=s.units[unit],
            year=2026,
            kind="develop",
            title="Kurs",
            status="planned",
            created_at=NOW,
            version=1,
        )
        for label, unit in (("reached", "hjemme"), ("unreached", "skole"))
    },
    "unit_budget": lambda s: {
        label: _row("unit_budget", unit_id=s.units[unit], year=2030, amount_nok=1000, version=1)
        for label, unit in (("reached", "hjemme"), ("unreached", "skole"))
    },
    "gap_cell": lambda s: {
        "new": _row(
            "gap_cell",
            unit_id=999998,
            competence_id=s.framework_competence_id,
            people=1,
            met=1,
            not_assessed=0,
            gap_units=0,
            required_units=10,
            current_units=10,
            missing=0,
        )
    },
    "gap_state": lambda s: {"new": _row("gap_state", id=2, generation=0)},
    "gap_stale": lambda s: {
        "new": _row("gap_stale", employee_id=s.people[REACHED], competence_id=s.framework_competence_id)
    },
    "tenfactor_result": lambda s: {
        "new": _row(
            "tenfactor_result",
            unit_id=s.units["skole"],
            year=2030,
            factor=4,
            mean=3.5,
            respondents=12,
            imported_at=NOW,
        )
    },
}


def _columns(table: str) -> list[str]:
    if table == "alembic_version":
        return ["version_num"]
    return [c.name for c in Base.metadata.tables[table].columns]
