"""Registers of earlier schema revisions, and what upgrading one may change in its rows.

The registers are SQL dumps of SQLite files written by the code of each revision
(``tests/fixtures/make_registers.py``; ``register-0.1.0.sql`` for revision 0002). They are loaded
into a SQLite file, or into a PostgreSQL database first migrated to that revision. A snapshot holds
every row of every table, by primary key; :func:`row_differences` says how the rows after the
upgrade differ from what the migrations promise:

* a column that existed before keeps its value, except the codes a migration renamed
  (:data:`RENAMED`);
* a column added since holds its documented value for old rows (:data:`ADDED`, else NULL);
* a table added since is empty (:data:`NEW_TABLES`), or holds the rows its migration writes
  (:data:`NEW_TABLE_ROWS`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Engine, MetaData, insert, text

from db import migrate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: revision -> the dump of a register of that revision
REGISTERS = {
    "0002": FIXTURES / "register-0.1.0.sql",
    **{path.stem.removeprefix("register-"): path for path in (FIXTURES / "registers").glob("register-*.sql")},
}

#: The revision whose migration renames stored codes (0006: English codes); registers of the
#: revisions before it hold codes it renames.
RENAMED_IN = "0006"
#: (table, column) -> old stored code -> the code after the upgrade (migration 0006: English codes)
RENAMED: dict[tuple[str, str], dict[str, str]] = {
    ("learning_goal", "status"): {
        "planlagt": "planned",
        "pagar": "in_progress",
        "fullfort": "completed",
        "avbrutt": "cancelled",
    },
    ("learning_goal", "activity_type"): {
        "kurs": "course",
        "e-laering": "e_learning",
        "hospitering": "job_shadowing",
        "veiledning": "mentoring",
        "videreutdanning": "further_education",
        "laering-i-arbeid": "on_the_job",
    },
    ("position", "employment_type"): {
        "fast": "permanent",
        "midlertidig": "temporary",
        "vikar": "substitute",
        "engasjement": "project",
    },
    # a template import that went well was 'applied', every other import 'ok'
    ("import_run", "status"): {"applied": "ok"},
}
#: (table, column) -> the value an upgrade gives the rows already there, where it is not NULL
ADDED: dict[tuple[str, str], object] = {
    # every talk recorded before talk kinds were kept was a medarbeidersamtale
    ("appraisal", "kind"): "appraisal",
}
#: Tables the migrations added after the first revision; empty after an upgrade.
NEW_TABLES = {
    "register_account",
    "program_version",
    "unit_target",
    "unit_measure",
    "unit_budget",
    "tenfactor_result",
    "qualification",
    "employee_qualification",
    "dispensation",
    "gap_cell",
    "gap_state",
    "gap_stale",
}
#: New tables whose migration writes rows: the kept gap figures' state (migration 0010), no figures
#: kept and generation 0 until the register is written or read
NEW_TABLE_ROWS: dict[str, list[tuple[Any, ...]]] = {"gap_state": [(1, 0, None, None, None)]}


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


Snapshot = dict[str, Table]


def load_sqlite(revision: str, path: Path) -> Path:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(REGISTERS[revision].read_text(encoding="utf-8"))
    finally:
        conn.close()
    return path


def sqlite_snapshot(path: Path) -> Snapshot:
    """Every row of every table, ordered by primary key."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        found: Snapshot = {}
        for name in names:
            info = list(conn.execute(f'PRAGMA table_info("{name}")'))
            columns = tuple(row[1] for row in info)
            keys = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] or list(columns)
            order = ", ".join(f'"{c}"' for c in keys)
            found[name] = Table(columns, conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}').fetchall())
        return found
    finally:
        conn.close()


def _sqlite_value(value: Any, column_type: object) -> Any:
    if value is None:
        return None
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, JSON):
        return json.loads(value)
    return value


def load_postgresql(revision: str, engine: Engine, scratch: Path) -> None:
    """The register of ``revision`` in the empty PostgreSQL database of ``engine``: the schema made
    by the migrations up to that revision, then every row of the dump (as the owner, with the
    triggers off, so that stamped columns keep the values the dump holds)."""
    migrate.upgrade_to(engine, revision)
    source = sqlite3.connect(load_sqlite(revision, scratch))
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            meta = MetaData()
            meta.reflect(conn)
            for table in meta.sorted_tables:
                if table.name == "alembic_version":
                    continue
                columns = [c.name for c in table.columns]
                listed = ", ".join(f'"{c}"' for c in columns)
                rows = [
                    {c: _sqlite_value(v, table.c[c].type) for c, v in zip(columns, row, strict=True)}
                    for row in source.execute(f'SELECT {listed} FROM "{table.name}"')
                ]
                if rows:
                    conn.execute(table.delete())  # the rows its migration wrote (NEW_TABLE_ROWS)
                    conn.execute(insert(table), rows)
                if "id" in table.c and table.c.id.primary_key:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                        )
                    )
    finally:
        source.close()


def postgresql_snapshot(conn: Connection) -> Snapshot:
    """Every row of every table of the public schema, ordered by primary key."""
    found: Snapshot = {}
    names = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    for name in list(names):
        columns = tuple(
            conn.execute(
                text(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = :t ORDER BY ordinal_position"
                ),
                {"t": name},
            ).scalars()
        )
        keys = list(
            conn.execute(
                text(
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                    "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = CAST(:t AS regclass) AND i.indisprimary"
                ),
                {"t": f'public."{name}"'},
            ).scalars()
        ) or list(columns)
        listed = ", ".join(f'"{c}"' for c in columns)
        order = ", ".join(f'"{c}"' for c in keys)
        rows = [tuple(r) for r in conn.execute(text(f'SELECT {listed} FROM "{name}" ORDER BY {order}'))]
        found[name] = Table(columns, rows)
    return found


def expected_rows(table: str, before: Table, after_columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The rows of ``before`` as the upgrade should leave them, in the columns of ``after_columns``."""
    result = []
    for row in before.rows:
        values = dict(zip(before.columns, row, strict=True))
        for (renamed_table, column), codes in RENAMED.items():
            if renamed_table == table and values.get(column) in codes:
                values[column] = codes[values[column]]
        result.append(tuple(values[c] if c in values else ADDED.get((table, c)) for c in after_columns))
    return result


def row_differences(before: Snapshot, after: Snapshot) -> list[str]:
    """Where the rows after the upgrade are not what :data:`RENAMED`, :data:`ADDED` and
    :data:`NEW_TABLES` promise; empty when every row was kept."""
    problems = []
    for table, old in before.items():
        if table == "alembic_version":
            continue
        if table not in after:
            problems.append(f"{table}: the table is gone")
            continue
        new = after[table]
        gone = [c for c in old.columns if c not in new.columns]
        if gone:
            problems.append(f"{table}: columns gone: {gone}")
            continue
        wanted = expected_rows(table, old, new.columns)
        if new.rows != wanted:
            changed = next(
                (i for i, (a, b) in enumerate(zip(new.rows, wanted, strict=False)) if a != b), None
            )
            where = (
                f"first at row {changed}: {new.rows[changed]} != {wanted[changed]}"
                if changed is not None
                else ""
            )
            problems.append(f"{table}: {len(old.rows)} rows before, {len(new.rows)} after; {where}")
    for table in set(after) - set(before):
        if table not in NEW_TABLES:
            problems.append(f"{table}: a new table the tests do not know (add it to NEW_TABLES)")
        elif after[table].rows != NEW_TABLE_ROWS.get(table, []):
            problems.append(
                f"{table}: a new table with other rows after the upgrade: {after[table].rows[:3]}"
            )
    return problems


def renamed_count(before: Snapshot) -> int:
    """How many stored codes of ``before`` the upgrade renames (the fixtures must have some)."""
    count = 0
    for (table, column), codes in RENAMED.items():
        if table in before and column in before[table].columns:
            index = before[table].columns.index(column)
            count += sum(1 for row in before[table].rows if row[index] in codes)
    return count
