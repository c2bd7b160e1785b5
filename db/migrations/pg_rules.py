"""SQL of the shared register's permission model, for the migrations that change it.

A migration that adds a table to a shared PostgreSQL register must put it under row-level security
and re-create ``kr_apply_privileges`` with the privileges each kind of login holds on it (the model
is ``db/permissions.py``, rendered in ``docs/security.md``). Each such migration keeps its own frozen
copy of the privileges (a dict, as migration ``0003`` does) and builds the SQL here.

What this module writes must never change for a revision that already uses it: a change of the SQL
itself belongs in a new function, used by a new migration.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Every function the rules call runs with this path: pg_temp last, so a login's temporary table
#: named like one of the register's can never stand in for it.
SAFE_PATH = "SET search_path = pg_catalog, public, pg_temp"

#: kind of login -> table -> verb -> columns ('' for the whole table)
Privileges = Mapping[str, Mapping[str, Mapping[str, str]]]

#: Tables whose inserts take no number from a sequence.
_NO_SEQUENCE = frozenset({"alembic_version", "setting"})


def apply_privileges_function(privileges: Privileges, *, no_sequence: frozenset[str] = _NO_SEQUENCE) -> str:
    """``kr_apply_privileges(login)``: take every privilege on the register's tables from the login,
    then grant what its account's kind holds (nothing when it has no account). Runs as the owner."""
    branches = []
    for kind, tables in privileges.items():
        grants = []
        for table, verbs in tables.items():
            for verb, columns in verbs.items():
                on = f"({columns}) ON public.{table}" if columns else f"ON public.{table}"
                grants.append(f"EXECUTE format('GRANT {verb} {on} TO %I', login);")
                if verb == "INSERT" and table not in no_sequence:
                    grants.append(
                        "EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I', "
                        f"pg_get_serial_sequence('public.{table}', 'id'), login);"
                    )
        branches.append(f"IF kind = '{kind}' THEN\n        " + "\n        ".join(grants) + "\n    END IF;")
    body = "\n    ".join(branches)
    return f"""
CREATE OR REPLACE FUNCTION kr_apply_privileges(login text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    kind text;
    r pg_catalog.pg_roles%ROWTYPE;
    owner_oid oid;
BEGIN
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = login;
    IF NOT FOUND THEN
        RETURN;  -- an account restored for a login this server does not have: nothing to grant
    END IF;
    SELECT relowner INTO owner_oid FROM pg_catalog.pg_class WHERE oid = 'public.employee'::regclass;
    SELECT a.kind INTO kind FROM public.register_account a WHERE a.login = r.rolname;
    IF kind IS NOT NULL AND (
        NOT r.rolcanlogin OR r.rolsuper OR r.rolbypassrls OR pg_has_role(r.oid, owner_oid, 'MEMBER')
    ) THEN
        RAISE EXCEPTION 'kr_account_role: % must be an ordinary login, not the owner or a superuser', login
            USING ERRCODE = '22023';
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', login);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', login);
    {body}
END
$$
"""


def reapply_all_privileges() -> str:
    """Grant every registered login what the current ``kr_apply_privileges`` says."""
    return "SELECT kr_apply_privileges(login) FROM register_account"
