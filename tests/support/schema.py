"""What Alembic's comparison leaves out: the CHECK constraints of a migrated register.

``compare_metadata`` compares tables, columns, indexes, keys and unique constraints, not CHECK
constraints, so a value set could change in the models and never reach the registers people have.
Here the constraints of a database are read back, and compared with those the models make when
they create the same tables on the same kind of database (so both sides are written by the same
database: PostgreSQL rewrites ``x IN ('a')`` as ``x = ANY (ARRAY[...])``).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, MetaData, create_engine, inspect, text

from db.models import Base

Checks = dict[tuple[str, str], str]


def _normalised(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip()
    while sql.startswith("(") and sql.endswith(")") and _balanced(sql[1:-1]):
        sql = sql[1:-1].strip()
    return sql


def _balanced(sql: str) -> bool:
    depth = 0
    for char in sql:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def check_constraints(conn: Connection, schema: str | None = None) -> Checks:
    """(table, constraint name) -> the condition, for every table of the models the database has
    (an older revision lacks the newer tables: their constraints are then missing, not an error)."""
    inspector = inspect(conn)
    present = set(inspector.get_table_names(schema=schema))
    found: Checks = {}
    for table in Base.metadata.tables:
        if table not in present:
            continue
        for check in inspector.get_check_constraints(table, schema=schema):
            found[(table, str(check["name"]))] = _normalised(check["sqltext"])
    return found


def model_check_constraints(conn: Connection) -> Checks:
    """The CHECK constraints the models create, as the database of ``conn`` writes them back."""
    if conn.dialect.name == "sqlite":
        scratch = create_engine("sqlite://")
        try:
            with scratch.begin() as other:
                Base.metadata.create_all(other)
                return check_constraints(other)
        finally:
            scratch.dispose()
    schema = "kr_model_copy"
    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        copy = MetaData()
        for table in Base.metadata.sorted_tables:
            table.to_metadata(copy, schema=schema)
        copy.create_all(conn)
        return check_constraints(conn, schema)
    finally:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def check_differences(conn: Connection) -> list[str]:
    """Where the database's CHECK constraints differ from the models': empty when they agree."""
    found, wanted = check_constraints(conn), model_check_constraints(conn)
    lines = []
    for key in sorted(set(found) | set(wanted)):
        if found.get(key) != wanted.get(key):
            lines.append(f"{key[0]}.{key[1]}: database {found.get(key)!r}, models {wanted.get(key)!r}")
    return lines
