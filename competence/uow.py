"""The unit of work: one session and one transaction per user action (docs/architecture.md).

::

    with uow:                   # an action that writes
        ...                     # read and change through uow.session
        uow.commit()            # nothing is written without this

    with uow.reading():         # an action that only reads: everything from one snapshot
        ...

    with uow.snapshot():        # reads from one snapshot, and writes a little (an export's audit event)
        ...
        uow.commit()

Leaving the outermost block without ``commit()``, or with an exception, rolls everything back.
Database errors a user can act on (busy, disk full, read-only, changed by someone else) leave the
block as :class:`db.errors.LocalizedError` subclasses; anything else propagates unchanged, as a bug.

**Joining.** A service opens its own block (``with uow:``), so it works alone; called inside an
action that already opened the unit of work, the block *joins* the action's transaction instead of
opening a second one. A ``commit()`` inside a joined block is the action's: it happens when the
outermost block ends well. An exception that leaves a joined block dooms the action (a later
``commit()`` refuses), so a caught error can never commit half of a service's work. Only the
outermost block chooses how the transaction reads:

* ``with uow:`` writes, at the database's default isolation (PostgreSQL: READ COMMITTED, where a
  concurrent change to the same row is found by the version columns);
* ``uow.reading()`` and ``uow.snapshot()`` read one snapshot: on PostgreSQL a REPEATABLE READ
  transaction (read-only for ``reading``); on SQLite every transaction is one snapshot already
  (write-ahead log: the snapshot is taken at the first read). A commit inside ``reading()`` is a bug.

**Parallel reads.** :meth:`UnitOfWork.parallel` runs read-only queries side by side on other
connections. On PostgreSQL they read the action's snapshot (``pg_export_snapshot()`` and ``SET
TRANSACTION SNAPSHOT``), so a report is one consistent picture; SQLite cannot hand a snapshot to
another connection (its C API can, but the ``sqlite3`` module does not offer it), so there each
worker reads the newest committed state when it starts: a commit by another program in that instant
can make the halves of a report disagree. (A register file has a single user, so only that user's
own second window could do it.)

**Changes.** The tables a transaction writes are noted, and once it is committed they become
:attr:`UnitOfWork.changes`, which the desktop app publishes so that screens reload only what
concerns them (:mod:`competence.changes`).
"""

from __future__ import annotations

import getpass
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Literal, Self, TypeVar

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from competence.changes import NOTHING, Changes
from db.errors import DatabaseCorruptError, LocalizedError, translate_db_error
from db.session import Database

T = TypeVar("T")
Mode = Literal["write", "snapshot", "read"]

#: Queries :meth:`UnitOfWork.parallel` runs side by side (a 2-core machine's worth).
PARALLEL_READS = 2
_WRITE_STATEMENT = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)
_SNAPSHOT_ID = re.compile(r"[0-9A-Fa-f]+(?:-[0-9A-Fa-f]+)+")
_watched: weakref.WeakSet[Engine] = weakref.WeakSet()
#: the key of a unit of work's ``Session.info`` that holds the tables its transactions write
_WRITTEN = "kr_written"
#: the key of a unit of work's ``Session.info`` that holds the (employee, competence) pairs whose
#: assessments its transactions write (:func:`writing_levels`)
_LEVELS = "kr_levels"
#: the key of a connection's ``info``: assessments written now are of pairs :func:`writing_levels` named
_NAMED = "kr_levels_named"
#: noted beside the tables written when the assessments were written without naming their pairs
UNNAMED_ASSESSMENTS = "assessment (pairs not named)"
#: the connections of open units of work → the tables their transactions write
_written_on: weakref.WeakKeyDictionary[Connection, set[str]] = weakref.WeakKeyDictionary()
_watch_lock = threading.Lock()


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still record something
        return "ukjent"


class UnitOfWork:
    """Opens a session when its outermost block begins; blocks inside it join. Not shared between
    threads (its parallel readers get connections of their own)."""

    def __init__(self, database: Database, actor: str | None = None) -> None:
        self.database = database
        # on a shared server the login is who acts (the database stamps it on every audit event
        # itself, docs/security.md); the name of the PC's user means nothing there
        self.actor = database.login or actor or current_user()
        #: What the committed transactions of this unit of work changed.
        self.changes: Changes = NOTHING
        self._session: Session | None = None
        self._mode: Mode = "write"
        self._depth = 0
        self._commit_requested = False
        self._doomed = False
        self._written: set[str] = set()
        self._levels: set[tuple[int, int]] = set()

    # --- opening and joining --------------------------------------------------------------------
    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork.session used outside 'with uow:'")
        return self._session

    @property
    def dialect(self) -> str:
        return self.database.dialect

    @property
    def is_open(self) -> bool:
        return self._session is not None

    @property
    def mode(self) -> Mode:
        return self._mode

    def __enter__(self) -> Self:
        self._enter("write")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._exit(exc)

    @contextmanager
    def reading(self, *, snapshot: str | None = None) -> Iterator[Self]:
        """A block that reads from one snapshot and writes nothing (joins an open unit of work).

        ``snapshot``: the id another transaction exported (:meth:`export_snapshot`), to read
        exactly what it reads (PostgreSQL; ignored elsewhere, and when joining)."""
        self._enter("read", snapshot)
        try:
            yield self
        except BaseException as exc:
            self._exit(exc)
            raise
        self._exit(None)

    @contextmanager
    def snapshot(self) -> Iterator[Self]:
        """A block that reads from one snapshot and may write (an export and its audit event)."""
        self._enter("snapshot")
        try:
            yield self
        except BaseException as exc:
            self._exit(exc)
            raise
        self._exit(None)

    def _enter(self, mode: Mode, snapshot: str | None = None) -> None:
        if self._session is not None:
            self._depth += 1  # join the action's transaction
            return
        watch_writes(self.database.engine)
        self._mode = mode
        self._commit_requested = self._doomed = False
        self._written, self._levels = set(), set()
        session = self.database.session_factory(
            bind=_engine_for(self.database, mode), info={_WRITTEN: self._written, _LEVELS: self._levels}
        )
        if snapshot is not None and self.database.dialect == "postgresql":
            _read_snapshot(session, snapshot)
        self._session, self._depth = session, 1

    def _exit(self, exc: BaseException | None) -> None:
        session = self._session
        if session is None:
            return
        self._depth -= 1
        if self._depth > 0:
            if exc is not None:
                self._doomed = True
            return
        try:
            if exc is None and self._commit_requested:
                if self._doomed:
                    raise RuntimeError("a block of this unit of work failed after a commit was asked for")
                self._commit_now()
        finally:
            self._close(session)
        if exc is not None and isinstance(exc, DBAPIError | StaleDataError):
            translated = self._translate(exc)
            if translated is not None:
                raise translated from exc

    def _close(self, session: Session) -> None:
        self._session = None
        self._depth = 0
        try:
            session.rollback()
        finally:
            session.close()

    # --- finishing ------------------------------------------------------------------------------
    def commit(self) -> None:
        """Make the action's changes permanent: now in the outermost block, at its end in a
        joined one."""
        self.session  # noqa: B018 (raises outside a block)
        if self._mode == "read":
            raise RuntimeError("commit() inside uow.reading(): a reading action must not write")
        if self._doomed:
            raise RuntimeError("a block of this unit of work failed; its action cannot be committed")
        if self._depth > 1:
            self.flush()
            self._commit_requested = True
            return
        self._commit_now()

    def _commit_now(self) -> None:
        self._commit_requested = False
        try:
            self.session.commit()
        except (DBAPIError, StaleDataError) as exc:
            self._written.clear()
            self._levels.clear()
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc
        named = () if UNNAMED_ASSESSMENTS in self._written else self._levels
        self.changes = self.changes | Changes.of_tables(self._written, named)
        self._written.clear()
        self._levels.clear()

    def flush(self) -> None:
        try:
            self.session.flush()
        except (DBAPIError, StaleDataError) as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

    def rollback(self) -> None:
        self._written.clear()
        self._levels.clear()
        self._commit_requested = False
        self.session.rollback()

    def _translate(self, exc: BaseException) -> LocalizedError | None:
        """The driver's error as a message; a damaged file is named (the driver does not know it)."""
        translated = translate_db_error(exc)
        path = self.database.path
        if (
            isinstance(translated, DatabaseCorruptError)
            and path is not None
            and not translated.details.get("location")
        ):
            return DatabaseCorruptError(str(path), str(translated.details.get("detail", "")))
        return translated

    # --- reading side by side -------------------------------------------------------------------
    def parallel(self, jobs: Sequence[Callable[[Session], T]], *, workers: int = PARALLEL_READS) -> list[T]:
        """Run read-only ``jobs`` side by side, each worker on a connection of its own, and return
        their results in order. On PostgreSQL every worker reads this unit of work's snapshot; on
        SQLite the newest committed state (see the module's documentation). Without connections
        to spare (an in-memory database) the jobs run one after the other in this session."""
        session = self.session
        if workers <= 1 or len(jobs) <= 1 or (self.database.is_sqlite and self.database.path is None):
            return [job(session) for job in jobs]
        shared = self.export_snapshot()
        local = threading.local()
        opened: list[Session] = []
        guard = threading.Lock()

        def run(job: Callable[[Session], T]) -> T:
            worker: Session | None = getattr(local, "session", None)
            if worker is None:
                worker = local.session = reader_session(self.database, shared)
                with guard:
                    opened.append(worker)
            return job(worker)

        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="uow-read") as pool:
                return [f.result() for f in [pool.submit(run, job) for job in jobs]]
        finally:
            for worker in opened:
                worker.rollback()
                worker.close()

    def export_snapshot(self) -> str | None:
        """The id other connections (threads or processes) can read this transaction's snapshot
        with, for as long as it is open: PostgreSQL only (None on SQLite)."""
        if self.database.dialect != "postgresql":
            return None
        return str(self.session.execute(text("SELECT pg_export_snapshot()")).scalar_one())


def reader_session(database: Database, snapshot: str | None) -> Session:
    """A read-only session for a worker (a thread or a process): on PostgreSQL it reads the
    exported ``snapshot`` when one is given. Close it with ``rollback()`` and ``close()``."""
    session = database.session_factory(bind=_engine_for(database, "read"))
    if snapshot is not None and database.dialect == "postgresql":
        _read_snapshot(session, snapshot)
    return session


def _read_snapshot(session: Session, snapshot: str) -> None:
    """Make the session's (REPEATABLE READ) transaction read the exported ``snapshot``: its first
    statement, as PostgreSQL requires."""
    if _SNAPSHOT_ID.fullmatch(snapshot) is None:
        raise ValueError(f"not a snapshot id: {snapshot!r}")
    session.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))


_option_engines: weakref.WeakKeyDictionary[Engine, dict[Mode, Engine]] = weakref.WeakKeyDictionary()


def _engine_for(database: Database, mode: Mode) -> Engine:
    """The engine a transaction of ``mode`` runs on: on PostgreSQL a snapshot is REPEATABLE READ
    (and READ ONLY for reading); SQLite needs nothing (each transaction is one snapshot)."""
    engine = database.engine
    if mode == "write" or database.dialect != "postgresql":
        return engine
    per_mode = _option_engines.setdefault(engine, {})
    found = per_mode.get(mode)
    if found is None:
        found = per_mode[mode] = engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=mode == "read"
        )
    return found


def watch_writes(engine: Engine) -> None:
    """Note, on each connection of ``engine``, the tables its statements write (INSERT, UPDATE,
    DELETE, whether the ORM, SQLAlchemy Core or plain SQL issued them), where a unit of work asked
    for it. Once per engine."""
    if engine in _watched:
        return
    with _watch_lock:
        if engine in _watched:
            return

        def before_execute(
            conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
        ) -> None:
            written = _written_on.get(conn)
            if written is not None:
                found = _WRITE_STATEMENT.match(statement)
                if found is not None:
                    name = found.group(1).lower()
                    written.add(name)
                    if name == "assessment" and not conn.info.get(_NAMED):
                        written.add(UNNAMED_ASSESSMENTS)

        event.listen(engine, "before_cursor_execute", before_execute)
        _watched.add(engine)


@contextmanager
def writing_levels(session: Session, pairs: Iterable[tuple[int, int]]) -> Iterator[None]:
    """Assessments written to the database inside this block are of these (employee, competence)
    ``pairs``: the change notification names them (:attr:`competence.changes.Changes.assessed`),
    so that a screen of figures recomputes only what they touch. A write to the assessments
    outside such a block (a bulk import, a setting, an erasure) leaves the pairs unknown."""
    noted = session.info.get(_LEVELS)
    if noted is not None:
        noted.update(pairs)
    info = session.connection().info
    info[_NAMED] = True
    try:
        yield
    finally:
        info.pop(_NAMED, None)


@event.listens_for(Session, "after_begin")
def _note_writes_on(session: Session, _transaction: Any, connection: Connection) -> None:
    """Each transaction of a unit of work's session notes the tables it writes (see watch_writes)."""
    written = session.info.get(_WRITTEN)
    if written is not None:
        _written_on[connection] = written
