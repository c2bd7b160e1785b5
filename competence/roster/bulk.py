"""Bulk statements at driver speed, for the import of 50,000-row rosters.

SQLAlchemy's executemany spends most of its time per row on parameter handling (defaults, type
processing) that a bulk import does not need: every value here is supplied, already typed. So the
statement is compiled once by SQLAlchemy for the connection's dialect (so the SQL is right for
SQLite and PostgreSQL alike), values go through the column types' own bind processors, and the
driver runs ``executemany``, inside the session's transaction.

Reads work the same way: one compiled SELECT, raw driver rows (dates as ISO text on SQLite,
converted with :func:`as_date`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Insert, Select, Table, Update
from sqlalchemy.orm import Session

from db.errors import translate_db_error


def as_date(value: object) -> dt.date | None:
    """A date column's raw value (a date, or ISO text on SQLite) as a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _translated(exc: Exception) -> Exception:
    """A driver error a user can act on (busy, disk full, read-only) as its localized error, as the
    unit of work does for SQLAlchemy's own statements; anything else unchanged."""
    return translate_db_error(exc) or exc


def _cursor(session: Session) -> Any:
    """A raw DBAPI cursor on the session's connection: inside its transaction."""
    return session.connection().connection.cursor()


def fetch(session: Session, statement: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """All rows of a SELECT (with its values inlined), as the driver returns them."""
    sql = str(statement.compile(dialect=session.connection().dialect, compile_kwargs={"literal_binds": True}))
    cursor = _cursor(session)
    try:
        cursor.execute(sql)
        return [tuple(row) for row in cursor.fetchall()]
    except Exception as exc:
        raise _translated(exc) from exc
    finally:
        cursor.close()


def execute_many(
    session: Session, table: Table, statement: Insert | Update, rows: Sequence[dict[str, Any]]
) -> None:
    """Run ``statement`` once per row. Row keys are the statement's bind names; a bind named
    ``b_<column>`` or ``<column>`` takes that column's type (dates, datetimes, JSON...)."""
    if not rows:
        return
    dialect = session.connection().dialect
    compiled = statement.compile(dialect=dialect, column_keys=list(rows[0]))
    names: list[str] = list(compiled.positiontup or []) if compiled.positional else list(compiled.binds)
    missing = [n for n in names if n not in rows[0]]
    if missing:
        raise ValueError(f"bulk statement needs values for {missing}")
    processors: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(names):
        column = table.c.get(name[2:] if name.startswith("b_") else name)
        if column is None:
            continue
        found = column.type.dialect_impl(dialect).bind_processor(dialect)
        if found is not None:
            processors.append((index, lru_cache(maxsize=4096)(found)))
    get = itemgetter(*names)
    values: list[Any] = list(map(get, rows)) if len(names) > 1 else [(row[names[0]],) for row in rows]
    if processors:  # column by column: one pass of C over each column a type converts
        columns: list[Any] = list(zip(*values, strict=True))
        for index, process in processors:
            column = columns[index]
            columns[index] = (
                list(map(process, column))
                if None not in column
                else [None if value is None else process(value) for value in column]
            )
        values = list(zip(*columns, strict=True))
    params = values if compiled.positional else [dict(zip(names, row, strict=True)) for row in values]
    cursor = _cursor(session)
    try:
        cursor.executemany(str(compiled), params)
    except Exception as exc:
        raise _translated(exc) from exc
    finally:
        cursor.close()
