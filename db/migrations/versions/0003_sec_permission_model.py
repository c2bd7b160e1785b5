"""the permission model of a shared register, enforced by the database

On PostgreSQL: every table under row-level security; each registered login holds exactly the
table privileges its kind needs (``docs/security.md``), granted and taken back by a trigger on
``register_account``; the audit log append-only, its actor and time set by the database; the
functions the rules use read only the register's own tables (``pg_temp`` last in their path).
SQLite (one user, one file) is left as it is.

This is a frozen copy of ``db/permissions.py`` at this revision; the tests compare the two.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db.migrations.pg_rules import SAFE_PATH, apply_privileges_function


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = (
    'org_unit', 'scale', 'scale_level', 'framework', 'area', 'competence', 'role', 'requirement', 'setting',
)
PERSON_TABLES = ('employee', 'position', 'assessment', 'certificate', 'learning_goal', 'appraisal')
ALL_TABLES = (
    *REFERENCE_TABLES, *PERSON_TABLES, 'import_run', 'import_mapping', 'audit_event', 'register_account',
    'alembic_version',
)
#: kind -> table -> verb -> columns ('' for the whole table)
PRIVILEGES: dict[str, dict[str, dict[str, str]]] = {
    'hr': {
        **{t: {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''} for t in (*REFERENCE_TABLES, *PERSON_TABLES)},
        'import_run': {'SELECT': '', 'INSERT': '', 'UPDATE': ''},
        'import_mapping': {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''},
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''},
        'alembic_version': {'SELECT': ''},
    },
    'leader': {
        **{t: {'SELECT': ''} for t in REFERENCE_TABLES},
        'employee': {'SELECT': '', 'UPDATE': 'first_name, last_name, email, left_on, version, updated_at'},
        'position': {'SELECT': '', 'UPDATE': 'title, role_id, fte_percent, version'},
        'assessment': {'SELECT': '', 'INSERT': '', 'UPDATE': 'is_current'},
        **{t: {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''}
           for t in ('certificate', 'learning_goal', 'appraisal')},
        'import_run': {'SELECT': '', 'INSERT': ''},
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': {'SELECT': ''},
        'alembic_version': {'SELECT': ''},
    },
}


FUNCTIONS = [
    f"""
CREATE OR REPLACE FUNCTION kr_sees_all() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {SAFE_PATH} AS $$
    SELECT EXISTS (SELECT 1 FROM public.register_account WHERE login = session_user AND kind = 'hr')
$$
""",
    f"""
CREATE OR REPLACE FUNCTION kr_is_owner() RETURNS boolean
LANGUAGE sql STABLE {SAFE_PATH} AS $$
    SELECT pg_has_role(session_user, c.relowner, 'USAGE') FROM pg_catalog.pg_class c
    WHERE c.oid = 'public.employee'::regclass
$$
""",
    f"""
CREATE OR REPLACE FUNCTION kr_visible_employees() RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    me integer[];
    led integer[];
BEGIN
    -- arrays, not subqueries: "= ANY(array)" lets every step use its index, at any register size
    SELECT array_agg(employee_id) INTO me FROM public.register_account
    WHERE login = session_user AND kind = 'leader' AND employee_id IS NOT NULL;
    IF me IS NULL THEN
        RETURN;
    END IF;
    WITH RECURSIVE below(id) AS (
        SELECT u.id FROM public.org_unit u WHERE u.leader_id = ANY(me)
        UNION
        SELECT c.id FROM public.org_unit c JOIN below ON c.parent_id = below.id
    )
    SELECT array_agg(id) INTO led FROM below;
    RETURN QUERY
        SELECT unnest(me)
        UNION
        SELECT p.employee_id FROM public.position p
        WHERE p.unit_id = ANY(coalesce(led, '{{}}')) AND (p.end_date IS NULL OR p.end_date >= current_date)
        UNION
        SELECT p.employee_id FROM public.position p
        WHERE p.manager_id = ANY(me) AND (p.end_date IS NULL OR p.end_date >= current_date)
        UNION
        SELECT e.id FROM public.employee e WHERE e.manager_id = ANY(me);
END
$$
""",
    # the database, not the client, says who recorded an event and when
    f"""
CREATE OR REPLACE FUNCTION kr_stamp_actor() RETURNS trigger
LANGUAGE plpgsql {SAFE_PATH} AS $$
BEGIN
    NEW.actor := session_user;
    IF TG_TABLE_NAME = 'audit_event' THEN
        NEW.at := statement_timestamp() AT TIME ZONE 'UTC';
    END IF;
    RETURN NEW;
END
$$
""",
    # erasure (GDPR art. 17): the events of a person who is no longer in the register
    f"""
CREATE OR REPLACE FUNCTION kr_forget_person_events(numbers text[]) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    removed integer;
BEGIN
    IF NOT (kr_sees_all() OR kr_is_owner()) THEN
        RAISE EXCEPTION 'only HR or the owner may remove audit events' USING ERRCODE = '42501';
    END IF;
    DELETE FROM public.audit_event a
    WHERE a.employee_no = ANY(numbers)
      AND NOT EXISTS (SELECT 1 FROM public.employee e WHERE e.employee_no = a.employee_no);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END
$$
""",
    # anonymisation: the events move from the old number to the person's anonymous token
    f"""
CREATE OR REPLACE FUNCTION kr_relabel_person_events(old_number text, new_number text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    changed integer;
BEGIN
    IF NOT (kr_sees_all() OR kr_is_owner()) THEN
        RAISE EXCEPTION 'only HR or the owner may relabel audit events' USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM public.employee WHERE employee_no = old_number)
       OR NOT EXISTS (SELECT 1 FROM public.employee WHERE employee_no = new_number AND anonymised_on IS NOT NULL)
    THEN
        RAISE EXCEPTION 'events move only from a number no one has to an anonymised person'
            USING ERRCODE = '42501';
    END IF;
    UPDATE public.audit_event SET employee_no = new_number WHERE employee_no = old_number;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$
""",
]


def _apply_privileges_function() -> str:
    """``kr_apply_privileges(login)`` for the privileges of this revision."""
    return apply_privileges_function(PRIVILEGES)


ACCOUNT_TRIGGER = f"""
CREATE OR REPLACE FUNCTION kr_account_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE_PATH} AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM kr_apply_privileges(OLD.login);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM kr_apply_privileges(NEW.login);
    END IF;
    RETURN NULL;
END
$$
"""

# Reading municipality-wide data needs the table privilege, which only a registered login holds
# (the account trigger grants and takes it back); the read rule adds no lookup to every query.
REGISTERED = 'true'
HR = '(SELECT kr_sees_all())'
MINE = '(SELECT kr_sees_all()) OR {column} IN (SELECT kr_visible_employees())'
ABOUT_MY_PEOPLE = 'employee_no IN (SELECT e.employee_no FROM employee e)'  # employee's own rules apply


def _policies() -> list[str]:
    statements: list[str] = []

    def policy(table: str, name: str, verb: str, using: str | None = None, check: str | None = None) -> None:
        clause = f'CREATE POLICY {name} ON "{table}" FOR {verb}'
        if using:
            clause += f' USING ({using})'
        if check:
            clause += f' WITH CHECK ({check})'
        statements.append(clause)

    for table in REFERENCE_TABLES:
        policy(table, 'kr_read', 'SELECT', REGISTERED)
        policy(table, 'kr_hr_insert', 'INSERT', check=HR)
        policy(table, 'kr_hr_update', 'UPDATE', HR, HR)
        policy(table, 'kr_hr_delete', 'DELETE', HR)
    policy('alembic_version', 'kr_read', 'SELECT', REGISTERED)
    # personal tables keep 0002's rule kr_person_data (all verbs: the people the login reaches);
    # what a leader may do with them is decided by the table privileges
    policy('audit_event', 'kr_read', 'SELECT', f'{HR} OR actor = session_user OR {ABOUT_MY_PEOPLE}')
    policy('audit_event', 'kr_append', 'INSERT', check=f'{HR} OR employee_no IS NULL OR {ABOUT_MY_PEOPLE}')
    policy('register_account', 'kr_read', 'SELECT', f'{HR} OR login = session_user')
    policy('register_account', 'kr_hr_insert', 'INSERT', check=HR)
    policy('register_account', 'kr_hr_update', 'UPDATE', HR, HR)
    policy('register_account', 'kr_hr_delete', 'DELETE', HR)
    policy('import_run', 'kr_read', 'SELECT', f'{HR} OR actor = session_user')
    policy('import_run', 'kr_append', 'INSERT', check=f'{HR} OR actor = session_user')
    policy('import_run', 'kr_hr_update', 'UPDATE', HR, HR)
    policy('import_mapping', 'kr_hr_all', 'ALL', HR, HR)
    return statements


# Privileges nobody but the owner should hold: everything a grantee other than the owner has on the
# register's tables and sequences, including what 0002 granted and its default privileges.
REVOKE_STRAY = """
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT a.grantee::regrole::text AS name
        FROM pg_catalog.pg_class c
        CROSS JOIN LATERAL aclexplode(c.relacl) a
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S')
          AND a.grantee <> 0 AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %s', g.name);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %s', g.name);
    END LOOP;
    FOR g IN
        SELECT DISTINCT a.grantee::regrole::text AS name
        FROM pg_catalog.pg_default_acl d
        CROSS JOIN LATERAL aclexplode(d.defaclacl) a
        WHERE d.defaclnamespace = 'public'::regnamespace AND d.defaclrole = current_user::regrole
          AND a.grantee <> 0 AND a.grantee <> d.defaclrole
    LOOP
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM %s', g.name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM %s', g.name);
    END LOOP;
    -- tables granted to everyone (PUBLIC) are not part of the model either
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for statement in FUNCTIONS:
        op.execute(statement)
    op.execute(_apply_privileges_function())
    op.execute(ACCOUNT_TRIGGER)
    # only the account trigger (running as the owner) may hand out privileges
    op.execute('REVOKE EXECUTE ON FUNCTION kr_apply_privileges(text) FROM PUBLIC')
    for table in ('audit_event', 'import_run'):
        op.execute(
            f'CREATE TRIGGER kr_stamp_actor BEFORE INSERT ON "{table}" '
            'FOR EACH ROW EXECUTE FUNCTION kr_stamp_actor()'
        )
    op.execute(
        'CREATE TRIGGER kr_account_changed AFTER INSERT OR UPDATE OR DELETE ON register_account '
        'FOR EACH ROW EXECUTE FUNCTION kr_account_changed()'
    )
    for table in ('audit_event', 'register_account'):
        op.execute(f'DROP POLICY IF EXISTS kr_person_data ON "{table}"')
    for table in ALL_TABLES:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
    for statement in _policies():
        op.execute(statement)
    op.execute(REVOKE_STRAY)
    op.execute('SELECT kr_apply_privileges(login) FROM register_account')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('DROP TRIGGER IF EXISTS kr_account_changed ON register_account')
    for table in ('audit_event', 'import_run'):
        op.execute(f'DROP TRIGGER IF EXISTS kr_stamp_actor ON "{table}"')
    for table in ALL_TABLES:
        for name in ('kr_read', 'kr_hr_insert', 'kr_hr_update', 'kr_hr_delete', 'kr_append', 'kr_hr_all'):
            op.execute(f'DROP POLICY IF EXISTS {name} ON "{table}"')
    for table in (*REFERENCE_TABLES, 'import_run', 'import_mapping', 'alembic_version'):
        op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
    # 0002's rules and privileges: every registered login may use every table
    op.execute(
        'CREATE POLICY kr_person_data ON audit_event USING ((SELECT kr_sees_all()) OR employee_no IS NULL '
        'OR employee_no IN (SELECT e.employee_no FROM employee e)) WITH CHECK (true)'
    )
    op.execute(
        "CREATE POLICY kr_person_data ON register_account USING ((SELECT kr_sees_all()) OR "
        "login = session_user) WITH CHECK ((SELECT kr_sees_all()))"
    )
    op.execute("""
DO $$
DECLARE
    a record;
BEGIN
    FOR a IN SELECT login FROM register_account WHERE login IN (SELECT rolname FROM pg_roles) LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', a.login);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', a.login);
    END LOOP;
END
$$
""")
    for name in (
        'kr_account_changed()', 'kr_apply_privileges(text)', 'kr_stamp_actor()',
        'kr_forget_person_events(text[])', 'kr_relabel_person_events(text, text)', 'kr_is_owner()',
    ):
        op.execute(f'DROP FUNCTION IF EXISTS {name}')
