"""Rows as the database driver returns them, for the reads of tens of thousands of rows.

SQLAlchemy's handling of each row (its Row objects, result processors) costs as much as reading
the row: for the employee list of 50,000 people, the roster import's view of the register, the
kept gap figures and the matrix export, the rows are read through the DB-API cursor of the
caller's connection instead: inside its transaction, so with its snapshot and, on a shared
PostgreSQL register, its login and row-level security. The statement is compiled by SQLAlchemy
for the connection's dialect with its values written into the text (ids, dates, codes from the
register, never a user's free text).

What the drivers return differs in one way that matters here: a date is a ``datetime.date`` from
psycopg and ISO text from sqlite3 (:func:`as_date`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement


def as_date(value: object) -> dt.date | None:
    """A date column's raw value (a date, or ISO text on SQLite) as a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def literal_sql(on: Session | Connection, statement: ClauseElement) -> str:
    """``statement`` as SQL text for the connection's dialect, its values written in."""
    connection = on.connection() if isinstance(on, Session) else on
    return str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))


@contextmanager
def driver_cursor(on: Session | Connection, statement: str) -> Iterator[Any]:
    """A cursor of the DB-API connection under the caller's transaction. The driver's errors leave
    as SQLAlchemy's, which the unit of work turns into messages (a damaged file, a full disk, a
    busy register) as it does for its own statements."""
    connection = on.connection() if isinstance(on, Session) else on
    dbapi = connection.dialect.dbapi
    assert dbapi is not None
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        yield cursor
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc
    finally:
        cursor.close()


def fetch_all(on: Session | Connection, statement: ClauseElement) -> list[tuple[Any, ...]]:
    """Every row of ``statement``, as the driver returns them."""
    sql = literal_sql(on, statement)
    with driver_cursor(on, sql) as cursor:
        cursor.execute(sql)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


def fetch_batches(on: Session | Connection, statement: ClauseElement, size: int = 5000) -> Iterator[Any]:
    """The rows of ``statement`` one by one, fetched ``size`` at a time (a million and more)."""
    sql = literal_sql(on, statement)
    with driver_cursor(on, sql) as cursor:
        cursor.execute(sql)
        while batch := cursor.fetchmany(size):
            yield from batch
