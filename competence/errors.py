"""Domain errors: what went wrong in terms a unit leader or HR adviser understands.

Every error carries its message in bokmål and English (see :class:`db.errors.LocalizedError`);
services raise these, never raw SQL errors.
"""

from __future__ import annotations

from db.errors import (
    ConcurrentEditError,
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseTooNewError,
    DiskFullError,
    LocalizedError,
    ReadOnlyDatabaseError,
    StorageError,
)


class DomainError(LocalizedError):
    code = "domain"


class ValidationError(DomainError):
    """Input a user typed or a file held is not acceptable. ``field`` names what to correct."""

    code = "invalid"

    def __init__(
        self, message_nb: str, message_en: str, *, field: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(message_nb, message_en, code=code, field=field)
        self.field = field


class NotFoundError(DomainError):
    code = "not_found"

    def __init__(self, what_nb: str, what_en: str, key: object) -> None:
        super().__init__(f"Fant ikke {what_nb} «{key}».", f"{what_en} '{key}' was not found.", key=str(key))


class ConflictError(DomainError):
    """The change would break a rule of the register (a duplicate number, a unit in use...)."""

    code = "conflict"


__all__ = [
    "ConcurrentEditError",
    "ConflictError",
    "DatabaseBusyError",
    "DatabaseCorruptError",
    "DatabaseTooNewError",
    "DiskFullError",
    "DomainError",
    "LocalizedError",
    "NotFoundError",
    "ReadOnlyDatabaseError",
    "StorageError",
    "ValidationError",
]
