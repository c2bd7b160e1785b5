"""Bulk statements at driver speed, for the import of 50,000-row rosters.

SQLAlchemy's executemany spends most of its time per row on parameter handling (defaults, type
processing) that a bulk import does not need: every value here is supplied, already typed. So the
statement is compiled once by SQLAlchemy for the connection's dialect (so the SQL is right for
SQLite and PostgreSQL alike), values go through the column types' own bind processors, and the
driver runs them, inside the session's transaction. An INSERT on SQLite goes in statements of up to
:data:`ROWS_PER_INSERT` rows each (``INSERT ... VALUES (...), (...)``): each statement SQLite runs
pays for its statement journal and the tables' triggers' conditions, once per statement rather than
once per row, which halves the time of writing 55,000 positions (docs/benchmarks.md). Anything else
goes through ``executemany``. New rows may be given column by column (:func:`insert_columns`), and
their ids taken before they are written (:func:`reserve_ids`), so that rows written together can
point at each other.

Reads of many rows go through db/driver_rows.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Insert, Table, Update, func, insert, select
from sqlalchemy.orm import Session

from db.errors import translate_db_error


def _translated(exc: Exception) -> Exception:
    """A driver error a user can act on (busy, disk full, read-only) as its localized error, as the
    unit of work does for SQLAlchemy's own statements; anything else unchanged."""
    return translate_db_error(exc) or exc


def _cursor(session: Session) -> Any:
    """A raw DBAPI cursor on the session's connection: inside its transaction."""
    return session.connection().connection.cursor()


def execute_many(
    session: Session, table: Table, statement: Insert | Update, rows: Sequence[dict[str, Any]]
) -> None:
    """Run ``statement`` once per row. Row keys are the statement's bind names; a bind named
    ``b_<column>`` or ``<column>`` takes that column's type (dates, datetimes, JSON...)."""
    if rows:
        _execute(session, table, statement, list(rows[0]), rows=rows)


def insert_columns(session: Session, table: Table, columns: Mapping[str, Sequence[Any]]) -> None:
    """INSERT rows given column by column (each sequence one column's values, all of one length).

    A column left empty in every row is left out of the statement when the table gives it no
    default: it is NULL either way, and the driver then binds nothing for it (binding None costs
    the sqlite3 module a search for an adapter, a sixth of writing 55,000 positions)."""
    given = {
        name: values
        for name, values in columns.items()
        if (values and values[0] is not None)
        or values.count(None) != len(values)
        or not _null_when_left_out(table, name)
    }
    if given and len(next(iter(given.values()))):
        _execute(session, table, insert(table).inline(), list(given), columns=given)


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` ids for new rows of ``table`` (an integer ``id`` primary key), taken before the
    rows are written so that rows written together can point at each other.

    On PostgreSQL they come from the column's sequence, as the column's default would take them.
    On SQLite they are the ids SQLite itself would give (the largest plus one, and on): the import's
    transaction is the only writer once it writes, and a writer that came first makes its first
    write fail rather than take the same ids (the primary key refuses a duplicate either way)."""
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        found = connection.execute(
            select(func.nextval(func.pg_get_serial_sequence(table.name, "id"))).select_from(
                func.generate_series(1, count)
            )
        )
        return [row[0] for row in found]
    largest = connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(largest + 1, largest + 1 + count))


def _null_when_left_out(table: Table, name: str) -> bool:
    column = table.c[name]
    return column.nullable is True and column.default is None and column.server_default is None


def _execute(
    session: Session,
    table: Table,
    statement: Insert | Update,
    keys: list[str],
    *,
    rows: Sequence[dict[str, Any]] | None = None,
    columns: Mapping[str, Sequence[Any]] | None = None,
) -> None:
    """``statement`` for values given as ``rows`` (dicts by bind name) or as ``columns`` (a
    sequence of values per bind name)."""
    dialect = session.connection().dialect
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    names: list[str] = list(compiled.positiontup or []) if compiled.positional else list(compiled.binds)
    missing = [n for n in names if n not in keys]
    if missing:
        raise ValueError(f"bulk statement needs values for {missing}")
    processors: dict[str, Callable[[Any], Any]] = {}
    for name in names:
        column = table.c.get(name[2:] if name.startswith("b_") else name)
        if column is None:
            continue
        found = column.type.dialect_impl(dialect).bind_processor(dialect)
        if found is not None:
            processors[name] = lru_cache(maxsize=4096)(found)
    values: list[Any]
    if rows is not None:
        get = itemgetter(*names)
        values = list(map(get, rows)) if len(names) > 1 else [(row[names[0]],) for row in rows]
        if processors:  # column by column: one pass of C over each column a type converts
            columns = dict(zip(names, zip(*values, strict=True), strict=True))
    if columns is not None:
        values = list(zip(*[_processed(columns[name], processors.get(name)) for name in names], strict=True))
    sql = str(compiled)
    cursor = _cursor(session)
    try:
        per_statement = _rows_per_insert(session, sql, len(names)) if isinstance(statement, Insert) else 1
        if per_statement > 1:
            _insert_in_statements(cursor, sql, values, per_statement)
        else:
            params = values if compiled.positional else [dict(zip(names, row, strict=True)) for row in values]
            cursor.executemany(sql, params)
    except Exception as exc:
        raise _translated(exc) from exc
    finally:
        cursor.close()


def _processed(values: Sequence[Any], process: Callable[[Any], Any] | None) -> Sequence[Any]:
    if process is None:
        return values
    if None not in values:
        return list(map(process, values))
    return [None if value is None else process(value) for value in values]


#: Rows in one multi-row INSERT, within SQLite's bound on a statement's parameters (999 before
#: version 3.32, 32,766 since): 500 rows took 0.30 s for 55,000 positions, 100 rows 0.39 s.
ROWS_PER_INSERT = 500


def _rows_per_insert(session: Session, sql: str, columns: int) -> int:
    """How many rows one INSERT statement takes: 1 where the rows go through ``executemany``
    (every dialect but SQLite, or a statement not of the plain ``VALUES (?, ...)`` form)."""
    if session.connection().dialect.name != "sqlite" or not sql.endswith(_values_group(columns)):
        return 1
    driver = session.connection().connection.dbapi_connection
    assert isinstance(driver, sqlite3.Connection)
    parameters = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_INSERT, parameters // max(columns, 1)))


def _values_group(columns: int) -> str:
    return " VALUES (" + ", ".join(["?"] * columns) + ")"


def _insert_in_statements(cursor: Any, sql: str, values: Sequence[Sequence[Any]], per_statement: int) -> None:
    """``INSERT ... VALUES (?, ...)`` run as statements of ``per_statement`` rows each."""
    head = sql[: sql.rindex(" VALUES (")]
    group = sql[len(head) + len(" VALUES ") :]
    statements: dict[int, str] = {}
    for start in range(0, len(values), per_statement):
        chunk = values[start : start + per_statement]
        text = statements.get(len(chunk))
        if text is None:
            text = statements[len(chunk)] = f"{head} VALUES {', '.join([group] * len(chunk))}"
        cursor.execute(text, list(chain.from_iterable(chunk)))
