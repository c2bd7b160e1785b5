"""Errors of the storage layer, each with a Norwegian and an English message.

The UI and the CLI show :meth:`LocalizedError.message` in the user's language; neither ever shows a
raw SQL error or a traceback for these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class LocalizedError(Exception):
    """An error a user can act on, carrying its message in bokmål and English."""

    #: Stable machine-readable code, used in JSON reports and tests.
    code: str = "error"

    def __init__(self, message_nb: str, message_en: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message_nb)
        self.message_nb = message_nb
        self.message_en = message_en
        if code is not None:
            self.code = code
        self.details = details

    def message(self, lang: str = "nb") -> str:
        return self.message_en if lang.startswith("en") else self.message_nb

    def __str__(self) -> str:
        return self.message_nb


class StorageError(LocalizedError):
    code = "storage"


class DatabaseTooNewError(StorageError):
    code = "database_too_new"

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"Databasen er laget av en nyere versjon av Kompetanseregister (skjema {revision}). "
            "Oppdater programmet før du åpner den.",
            f"The database was created by a newer version of Kompetanseregister (schema {revision}). "
            "Update the application before opening it.",
            revision=revision,
        )


class SchemaOwnerNeededError(StorageError):
    """A shared register must be upgraded, and this login may not change its tables."""

    code = "upgrade_needs_owner"

    def __init__(self, revision: str, head: str) -> None:
        super().__init__(
            f"Det felles registeret må oppgraderes (skjema {revision} til {head}) før denne versjonen "
            "av Kompetanseregister kan bruke det, og det kan bare eieren av databasen gjøre: be HR "
            "eller databaseansvarlig åpne det én gang med sin innlogging. Ingenting ble endret.",
            f"The shared register must be upgraded (schema {revision} to {head}) before this version "
            "of Kompetanseregister can use it, and only the owner of the database can do that: ask HR "
            "or the database administrator to open it once with their login. Nothing was changed.",
            revision=revision,
        )


class DatabaseCorruptError(StorageError):
    code = "database_corrupt"

    def __init__(self, location: str, detail: str = "", *, newest_backup: str | None = None) -> None:
        if newest_backup:
            advice_nb = (
                f"Nyeste sikkerhetskopi er {newest_backup}; gjenopprett den med "
                f"«python -m competence restore {newest_backup}»."
            )
            advice_en = (
                f"The newest backup is {newest_backup}; restore it with "
                f"'python -m competence restore {newest_backup}'."
            )
        else:
            advice_nb = "Gjenopprett fra en sikkerhetskopi."
            advice_en = "Restore it from a backup."
        super().__init__(
            f"Databasefilen {location} er skadet og kan ikke brukes. Ingenting er skrevet til den. "
            f"{advice_nb}",
            f"The database file {location} is damaged and cannot be used. Nothing was written to it. "
            f"{advice_en}",
            location=location,
            detail=detail,
            newest_backup=newest_backup,
        )


class DatabaseUnavailableError(StorageError):
    code = "database_unavailable"

    def __init__(self, location: str, detail: str = "") -> None:
        super().__init__(
            f"Kan ikke åpne databasen {location}. {detail}".strip(),
            f"Cannot open the database {location}. {detail}".strip(),
            location=location,
        )


class DatabaseBusyError(StorageError):
    code = "database_busy"

    def __init__(self) -> None:
        super().__init__(
            "Databasen er opptatt av en annen bruker eller et annet vindu. Vent litt og prøv igjen.",
            "The database is busy with another user or window. Wait a moment and try again.",
        )


class DiskFullError(StorageError):
    code = "disk_full"

    def __init__(self) -> None:
        super().__init__(
            "Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.",
            "The disk is full. Nothing was saved. Free some space and try again.",
        )


class ReadOnlyDatabaseError(StorageError):
    code = "read_only"

    def __init__(self, location: str | None = None) -> None:
        if location:
            super().__init__(
                f"Databasen {location} kan ikke åpnes for skriving: filen eller mappen den ligger i er "
                "skrivebeskyttet. Flytt den til en mappe du kan skrive i, eller be IT om skrivetilgang.",
                f"The database {location} cannot be opened for writing: the file or its folder is "
                "read-only. Move it to a folder you can write to, or ask IT for write access.",
                location=location,
            )
            return
        super().__init__(
            "Databasen kan ikke skrives til (skrivebeskyttet fil eller mappe). Ingenting ble lagret.",
            "The database cannot be written to (read-only file or folder). Nothing was saved.",
        )


class StorageIOError(StorageError):
    """The operating system reported an input/output error: a failing disk, a network drive that
    went away, a removed USB stick, a file size limit."""

    code = "io_error"

    def __init__(self) -> None:
        super().__init__(
            "Kunne ikke lese eller skrive databasefilen (feil på disken eller nettverksstasjonen). "
            "Ingenting ble lagret. Sjekk at disken er tilgjengelig, og prøv igjen.",
            "Could not read or write the database file (an error on the disk or network drive). "
            "Nothing was saved. Check that the drive is available and try again.",
        )


class ConcurrentEditError(StorageError):
    code = "concurrent_edit"

    def __init__(self, what: str = "") -> None:
        super().__init__(
            "Opplysningene er endret av noen andre siden du åpnet dem. "
            "Last inn på nytt og gjør endringen igjen.",
            "The record was changed by someone else since you opened it. "
            "Reload it and make the change again.",
            what=what,
        )


class AccessDeniedError(StorageError):
    """The shared database refused: row-level security or a missing grant (PostgreSQL 42501)."""

    code = "access_denied"

    def __init__(self) -> None:
        super().__init__(
            "Du har ikke tilgang til dette i det felles registeret. En enhetsleder når bare personene "
            "i enhetene hen leder; spør HR om du trenger mer. Ingenting ble endret.",
            "You do not have access to this in the shared register. A unit leader reaches only the "
            "people in the units they lead; ask HR if you need more. Nothing was changed.",
        )


class LoginNotRegisteredError(AccessDeniedError):
    """The login connected, but the shared register has no account for it (or it was taken back)."""

    code = "login_not_registered"

    def __init__(self, login: str, location: str) -> None:
        StorageError.__init__(
            self,
            f"Innloggingen «{login}» har ikke tilgang til det felles registeret {location}. Be HR gi "
            "deg tilgang (Innstillinger → Tilganger), eller logg inn med en annen innlogging.",
            f"The login '{login}' has no access to the shared register {location}. Ask HR to give "
            "you access (Settings → Access), or log in with another login.",
            login=login,
            location=location,
        )


class LoginFailedError(StorageError):
    """The server refused the login: wrong name or password, or a password is needed."""

    code = "login_failed"

    def __init__(self, location: str, detail: str = "") -> None:
        super().__init__(
            f"Databaseserveren {location} godtok ikke innloggingen: brukernavnet eller passordet er "
            "feil, eller serveren krever et passord.",
            f"The database server {location} did not accept the login: the user name or password is "
            "wrong, or the server needs a password.",
            location=location,
            detail=detail,
        )


class ConnectionSecurityError(StorageError):
    """The encryption asked for (libpq ``sslmode``) and what the server offers do not meet."""

    code = "connection_security"

    def __init__(self, location: str, detail: str = "") -> None:
        super().__init__(
            f"Kunne ikke koble kryptert til databaseserveren {location} slik innstillingen for "
            f"kryptering (sslmode) krever. Spør databaseansvarlig hvilken som gjelder. ({detail})",
            f"Could not connect to the database server {location} with the encryption the setting "
            f"(sslmode) demands. Ask the database administrator which one applies. ({detail})",
            location=location,
            detail=detail,
        )


def is_login_refused(orig: BaseException | None) -> bool:
    """Did the server (or libpq) refuse the login itself, rather than fail to be reached?"""
    text = str(orig).lower()
    return getattr(orig, "sqlstate", None) in ("28P01", "28000") or any(
        words in text
        for words in ("no password supplied", "password authentication failed", "authentication failed")
    )


def is_ssl_refused(orig: BaseException | None) -> bool:
    text = str(orig).lower()
    return "ssl" in text and any(w in text for w in ("not support", "required", "certificate", "root cert"))


#: The register refused or could not take a write: nothing of the action was saved, and nothing
#: else should be tried on it now (not even a note that the action failed).
STORAGE_FAULTS = (
    DatabaseBusyError,
    DatabaseCorruptError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageIOError,
)


def translate_db_error(exc: BaseException) -> LocalizedError | None:
    """Map a driver error a user can act on to a :class:`LocalizedError`; None for anything else.

    Works on SQLAlchemy's wrappers and on the raw sqlite3 / psycopg errors alike.
    """
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, LocalizedError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConcurrentEditError()
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    sqlstate = getattr(orig, "sqlstate", None)
    if "database is locked" in text or "database table is locked" in text or "database is busy" in text:
        return DatabaseBusyError()
    if "database or disk is full" in text or "disk is full" in text or sqlstate == "53100":
        return DiskFullError()
    if "readonly database" in text or "read-only" in text or "unable to open database file" in text:
        return ReadOnlyDatabaseError()
    if "disk i/o error" in text:
        return StorageIOError()
    if sqlstate in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock not available
        return DatabaseBusyError()
    if sqlstate == "42501":  # insufficient privilege: a row-level security policy or a grant
        return AccessDeniedError()
    if "database disk image is malformed" in text or "file is not a database" in text:
        return DatabaseCorruptError("", str(orig))
    if "could not decode to utf-8" in text:  # every text this program stores is UTF-8: a changed byte
        return DatabaseCorruptError("", "a stored text is not UTF-8")  # (the text itself is personal data)
    return None


def raised_by_database(exc: BaseException) -> bool:
    """Did ``exc`` (or an error it came from) come out of the database: the driver, or SQLAlchemy
    turning a stored value into a Python one (a date that does not parse, a number that is not one)?

    Such an unexpected error is a reason to check the file for damage before calling it a bug.
    """
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error | SQLAlchemyError):
            return True
        tb = current.__traceback__
        while tb is not None:
            if "sqlalchemy" in Path(tb.tb_frame.f_code.co_filename).parts:
                return True
            tb = tb.tb_next
        current = current.__cause__ or current.__context__
    return False
