"""The unit of work: one session and one transaction per user action (DESIGN §2).

::

    with uow:
        ...                 # read and change through uow.session
        uow.commit()        # nothing is written without this

Leaving the block without ``commit()``, or with an exception, rolls everything back. Database
errors a user can act on (busy, disk full, read-only, changed by someone else) leave the block as
:class:`db.errors.LocalizedError` subclasses; anything else propagates unchanged, as a bug.
"""

from __future__ import annotations

import getpass
from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.errors import DatabaseCorruptError, LocalizedError, translate_db_error
from db.session import Database


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still record something
        return "ukjent"


class UnitOfWork:
    """Opens a fresh session for each ``with`` block. Not shared between threads."""

    def __init__(self, database: Database, actor: str | None = None) -> None:
        self.database = database
        # on a shared server the login is who acts (the database stamps it on every audit event
        # itself, docs/security.md); the name of the PC's user means nothing there
        self.actor = database.login or actor or current_user()
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork.session used outside 'with uow:'")
        return self._session

    @property
    def dialect(self) -> str:
        return self.database.dialect

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("UnitOfWork is already open; services must not nest units of work")
        self._session = self.database.session_factory()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self._session
        self._session = None
        if session is None:
            return
        try:
            session.rollback()
        finally:
            session.close()
        if exc is not None and isinstance(exc, DBAPIError | StaleDataError):
            translated = self._translate(exc)
            if translated is not None:
                raise translated from exc

    def commit(self) -> None:
        try:
            self.session.commit()
        except (DBAPIError, StaleDataError) as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

    def flush(self) -> None:
        try:
            self.session.flush()
        except (DBAPIError, StaleDataError) as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

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

    def rollback(self) -> None:
        self.session.rollback()
