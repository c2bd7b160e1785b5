"""The whole municipality's cells and totals, kept between reads and kept honest by the database.

docs/decisions/0016-kept-figures-for-the-whole-municipality.md says why and how. In short:

* :func:`cells_and_totals` answers from ``gap_cell`` when it holds the figures of a day from which
  nothing in the register's dates has changed them (``gap_state.built_on`` ≤ today <
  ``fresh_until``), with the cells of the pairs written since (``gap_stale``) computed afresh
  (:mod:`competence.gap.recount`). Otherwise it computes them by the plain statements and stores
  them for the next read.
* The database forgets or marks the kept figures itself: triggers on every table they depend on
  (migration 0010), whoever writes (the app, a bulk import, a restore, plain SQL).
* A store happens in its own short transaction, only when the action only reads, and only when
  ``gap_state.generation`` is still the one the figures were computed under: any write of what
  they count in between changes it. (On SQLite the triggers rest while nothing is kept, so a read
  that computes the figures first writes a token of its own there and computes after it.) A store
  that cannot happen (someone wrote, the file is read-only or full, the database is busy) is
  dropped: the figures were computed and are shown all the same, and the next read tries again.
* On a shared PostgreSQL register only a login that may read them uses them (HR's, the owner's);
  a unit leader's login computes the live figures its rows allow.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from competence.clock import today
from competence.collector import collector_paused
from competence.gap.recount import Cells, Totals, recount
from competence.gap.results import HeatCell
from competence.uow import UnitOfWork
from db.driver_rows import driver_cursor
from db.errors import LocalizedError
from db.models import Certificate, Employee, GapCell, GapStale, GapState, Position, Requirement

#: More pairs written since the figures were stored than this (a bulk import of assessments):
#: computing the municipality afresh is as quick as computing their cells.
MOST_STALE = 500
#: ``gap_cell.unit_id`` of a competence's total over the municipality (unit ids start at 1)
TOTAL = 0
#: the columns of ``gap_cell`` in the order of :class:`HeatCell`'s fields
_COLUMNS = (
    "unit_id",
    "competence_id",
    "people",
    "met",
    "not_assessed",
    "gap_units",
    "required_units",
    "current_units",
    "missing",
)
_STATE_ID = 1


class State(NamedTuple):
    generation: int
    built_on: dt.date | None
    fresh_until: dt.date | None

    def serves(self, on: dt.date) -> bool:
        """Whether figures of ``built_on`` are the figures of ``on``."""
        if self.built_on is None or on < self.built_on:
            return False
        return self.fresh_until is None or on < self.fresh_until


def applies(uow: UnitOfWork, on: dt.date) -> bool:
    """Whether the kept figures can answer for the whole municipality on ``on``: only today's are
    kept, and on a shared register only a login that may read them (HR's) uses them."""
    if on != today():
        return False
    if uow.dialect != "postgresql":
        return True
    return bool(uow.session.scalar(text("SELECT has_table_privilege('public.gap_cell', 'SELECT, INSERT')")))


def cells_and_totals(
    uow: UnitOfWork, on: dt.date, compute: Callable[[UnitOfWork], tuple[Cells, Totals]]
) -> tuple[Cells, Totals]:
    """The whole municipality's cells and totals on ``on`` (today): kept, or computed by
    ``compute(a unit of work)`` and kept. Inside the caller's ``uow.reading()``; ``applies`` must hold."""
    s = uow.session
    state = _state(s)
    if state is not None and state.serves(on):
        pairs = _stale_pairs(s)
        if pairs is not None:
            cells, totals = _load(s)
            if not pairs:
                return cells, totals
            moved = recount(uow, on, cells, totals, pairs)
            fresh_until = _earliest(state.fresh_until, _next_certificate_change(s, on, pairs))
            folding = _Folding(moved.units, moved.competences)
            _store(uow, state.generation, on, fresh_until, folding, moved.cells, moved.totals)
            return moved.cells, moved.totals
    if state is None or uow.mode != "read":
        return compute(uow)
    if uow.dialect == "postgresql":
        # every write the figures count changes the generation this snapshot read
        cells, totals = compute(uow)
        _store(uow, state.generation, on, _next_change(s, on), None, cells, totals)
        return cells, totals
    # SQLite: the triggers rest while nothing is kept (a bulk write must not pay for them), so the
    # read first sets a token of its own, which any write they count clears, and then computes on a
    # snapshot taken after it (a reading of its own; the parallel readers read the newest state)
    token = _arm(uow)
    if token is None:
        return compute(uow)
    after = UnitOfWork(uow.database, uow.actor)
    with after.reading():
        cells, totals = compute(after)
        fresh_until = _next_change(after.session, on)
    _store(uow, token, on, fresh_until, None, cells, totals)
    return cells, totals


def _arm(uow: UnitOfWork) -> int | None:
    """SQLite: a new token in ``gap_state.generation``, committed; None when it cannot be written."""
    token = secrets.randbits(62) | 1
    writer = UnitOfWork(uow.database, uow.actor)
    try:
        with writer:
            writer.session.execute(update(GapState).where(GapState.id == _STATE_ID).values(generation=token))
            writer.commit()
    except LocalizedError:
        return None
    return token


def _state(s: Session) -> State | None:
    row = s.execute(
        select(GapState.generation, GapState.built_on, GapState.fresh_until).where(GapState.id == _STATE_ID)
    ).one_or_none()
    return None if row is None else State(*row)


def _stale_pairs(s: Session) -> set[tuple[int, int]] | None:
    """The pairs written since the figures were stored; None when there are too many."""
    rows = s.execute(select(GapStale.employee_id, GapStale.competence_id).limit(MOST_STALE * 4 + 1)).all()
    pairs = {(e, c) for e, c in rows}
    return None if len(rows) > MOST_STALE * 4 or len(pairs) > MOST_STALE else pairs


def _load(s: Session) -> tuple[Cells, Totals]:
    """Every kept cell and total. A municipality has 200,000 cells: they are read through the
    driver's own cursor, as plain tuples, with the collector paused (a third of the time each)."""
    make = HeatCell._make
    cells: Cells = {}
    totals: Totals = {}
    statement = f"SELECT {', '.join(_COLUMNS)} FROM gap_cell"
    with driver_cursor(s, statement) as cursor, collector_paused():
        cursor.execute(statement)
        for row in cursor:
            if row[0] == TOTAL:
                totals[row[1]] = make((None, *row[1:]))
            else:
                cells[row[0], row[1]] = make(row)
    return cells, totals


# ------------------------------------------------------------------------------------------------
# When the figures change by themselves: the register's dates
# ------------------------------------------------------------------------------------------------


def _next_change(s: Session, on: dt.date) -> dt.date | None:
    """The first day after ``on`` on which a date in the register can change the figures: a post
    starts or ends, a person leaves, a requirement's period starts or ends, a certificate is
    completed or runs out. Counted over every row (over-cautious is safe: the figures are only
    computed again sooner)."""
    day = dt.timedelta(days=1)
    beginning = (Position.start_date, Employee.left_on, Requirement.valid_from, Certificate.completed_on)
    starts = [s.scalar(select(func.min(column)).where(column > on)) for column in beginning]
    ends = [
        s.scalar(select(func.min(column)).where(column >= on))
        for column in (Position.end_date, Requirement.valid_to, Certificate.valid_until)
    ]
    return _earliest(*starts, *(end + day for end in ends if end is not None))


def _next_certificate_change(s: Session, on: dt.date, pairs: Collection[tuple[int, int]]) -> dt.date | None:
    """As :func:`_next_change`, for the certificates of ``pairs`` (written since the figures were
    stored; every other date is counted in ``fresh_until`` already)."""
    people = sorted({e for e, _ in pairs})
    comps = sorted({c for _, c in pairs})
    mine = (Certificate.employee_id.in_(people), Certificate.competence_id.in_(comps))
    starts = s.scalar(select(func.min(Certificate.completed_on)).where(*mine, Certificate.completed_on > on))
    ends = s.scalar(select(func.min(Certificate.valid_until)).where(*mine, Certificate.valid_until >= on))
    return _earliest(starts, ends + dt.timedelta(days=1) if ends is not None else None)


def _earliest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


# ------------------------------------------------------------------------------------------------
# Storing
# ------------------------------------------------------------------------------------------------


class _Folding(NamedTuple):
    """The cells a store replaces: of these units and competences, and these competences' totals."""

    units: tuple[int, ...]
    competences: tuple[int, ...]


def _store(
    uow: UnitOfWork,
    generation: int,
    on: dt.date,
    fresh_until: dt.date | None,
    folding: _Folding | None,
    cells: Cells,
    totals: Totals,
) -> None:
    """Keep ``cells`` and ``totals`` (all of them, or with ``folding`` only what it names) as the
    figures of ``on``, in a transaction of their own, if nothing they count was written since
    ``generation`` was read. Only when the action only reads: one that writes may hold or take the
    write lock and count its own changes, and an export's snapshot that writes its audit event after
    another commit would be refused on SQLite. Dropped on any error a user could meet."""
    if uow.mode != "read":
        return
    writer = UnitOfWork(uow.database, uow.actor)
    try:
        with writer:
            w = writer.session
            current = w.scalar(select(GapState.generation).where(GapState.id == _STATE_ID).with_for_update())
            if current != generation:
                return  # someone wrote what the figures count since they were computed
            if folding is None:
                w.execute(delete(GapCell))
                rows: Iterable[HeatCell] = [*cells.values(), *totals.values()]
            else:
                units, comps = folding
                w.execute(delete(GapCell).where(GapCell.unit_id.in_(units), GapCell.competence_id.in_(comps)))
                w.execute(delete(GapCell).where(GapCell.unit_id == TOTAL, GapCell.competence_id.in_(comps)))
                rows = [
                    *(cells[u, c] for u in units for c in comps if (u, c) in cells),
                    *(totals[c] for c in comps if c in totals),
                ]
            _insert_cells(w, writer.dialect, [(r.unit_id or TOTAL, *r[1:]) for r in rows])
            w.execute(delete(GapStale))
            w.execute(
                update(GapState).where(GapState.id == _STATE_ID).values(built_on=on, fresh_until=fresh_until)
            )
            writer.commit()
    except LocalizedError:
        return  # busy, read-only, disk full: not kept this time; the figures are right all the same


def _insert_cells(s: Session, dialect: str, rows: list[tuple[int, ...]]) -> None:
    """Write ``rows`` into ``gap_cell`` through the driver, several times faster than the ORM's
    batches for 200,000 rows: PostgreSQL in one statement of one array per column (``COPY`` is
    refused on a table under row-level security), SQLite by one prepared statement."""
    if not rows:
        return
    listed = ", ".join(_COLUMNS)
    if dialect == "postgresql":
        # the sums of percentage units outgrow 32 bits at a few thousand people (migration 0010)
        arrays = ", ".join(f"%s::{'bigint' if c.endswith('_units') else 'integer'}[]" for c in _COLUMNS)
        statement = f"INSERT INTO gap_cell ({listed}) SELECT * FROM unnest({arrays})"
        with driver_cursor(s, statement) as cursor:
            cursor.execute(statement, [list(column) for column in zip(*rows, strict=True)])
    else:
        statement = f"INSERT INTO gap_cell ({listed}) VALUES ({', '.join('?' * len(_COLUMNS))})"
        with driver_cursor(s, statement) as cursor:
            cursor.executemany(statement, rows)
