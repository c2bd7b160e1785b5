"""Bulk writes for the demo: SQLAlchemy Core ``executemany`` in chunks, never the ORM per row.

Ids of parent rows (units, roles, employees, appraisals) come back with ``RETURNING`` in the order
the rows were given (``sort_by_parameter_order``), which both SQLite and PostgreSQL support.

The millions of assessment rows take :func:`insert_tuples`: the INSERT is compiled once and the
values are converted column by column with the column types' own bind processors, each distinct
value once (a run has a few hundred distinct dates and two flag values), instead of SQLAlchemy
building every parameter set anew. That halves the time of the largest demo.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update

from db.models import Base

CHUNK_ROWS = 20_000


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def insert_returning_ids(conn: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their new ids, in the same order."""
    table = _table(model)
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), list(chunk))
        ids.extend(int(row[0]) for row in result)
    return ids


def insert_rows(conn: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    table = _table(model)
    for start in range(0, len(rows), CHUNK_ROWS):
        conn.execute(insert(table), list(rows[start : start + CHUNK_ROWS]))


def insert_tuples(
    conn: Connection, model: type[Base], columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (values in the order of ``columns``, hashable) with the DBAPI's executemany.

    Every column with a Python-side default, or required without a server default, must be given:
    the DBAPI knows nothing of SQLAlchemy's defaults.
    """
    table = _table(model)
    missing = [
        c.key
        for c in table.c
        if c.key not in columns
        and not c.primary_key
        and (c.default is not None or (not c.nullable and c.server_default is None))
    ]
    if missing:
        raise ValueError(f"insert_tuples into {table.name} lacks required columns {missing}")
    dialect = conn.dialect
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=list(columns))
    sql = str(compiled)
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    order = [columns.index(name) for name in compiled.positiontup or ()] if compiled.positional else None
    for start in range(0, len(rows), CHUNK_ROWS):
        values = list(zip(*rows[start : start + CHUNK_ROWS], strict=True))
        for i, proc in enumerate(processors):
            if proc is not None:  # convert each distinct value once (dates, flags and stamps repeat)
                memo = {v: proc(v) for v in set(values[i])}
                values[i] = tuple(map(memo.__getitem__, values[i]))
        if order is not None:
            conn.exec_driver_sql(sql, list(zip(*(values[j] for j in order), strict=True)))
        else:
            conn.exec_driver_sql(
                sql, [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
            )


@contextmanager
def indexes_deferred(conn: Connection, model: type[Base]) -> Iterator[None]:
    """Drop the secondary indexes of an empty table for a bulk load; build them again afterwards.

    Building an index once over sorted data is several times faster than keeping it up to date
    row by row. Inside the caller's transaction (DDL is transactional on SQLite and PostgreSQL),
    so a failed load leaves the schema as it was; rebuilding a unique index also checks the data.
    """
    table = _table(model)
    indexes = sorted(table.indexes, key=lambda ix: str(ix.name))
    for index in indexes:
        index.drop(conn)
    yield
    for index in indexes:
        index.create(conn)


def set_column(conn: Connection, model: type[Base], column: str, values: Sequence[tuple[int, int]]) -> None:
    """``UPDATE table SET column = value WHERE id = row_id`` for each (row_id, value)."""
    table = _table(model)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({column: bindparam("new_value")})
        .execution_options(synchronize_session=False)
    )
    params = [{"row_id": row_id, "new_value": value} for row_id, value in values]
    for start in range(0, len(params), CHUNK_ROWS):
        conn.execute(stmt, params[start : start + CHUNK_ROWS])
