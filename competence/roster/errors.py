"""Why a roster file or a mapping is refused, in words an HR adviser understands.

A refused file stops the import before anything is written; the CLI exits 1. No message here ever
quotes a cell value: the reasons name the file, a sheet, a column header or a limit, nothing more.
"""

from __future__ import annotations

from db.errors import LocalizedError


class RosterFileError(LocalizedError):
    """The file cannot be read safely as a roster (wrong type, too big, damaged, crafted...)."""

    code = "file_refused"


class RosterMappingError(LocalizedError):
    """The roster's columns cannot be mapped to the register's fields (a required field is missing)."""

    code = "mapping_refused"


class MappingUsageError(LocalizedError):
    """A mapping given by the user (``--map``, the wizard) names an unknown field or column."""

    code = "mapping_usage"


class FileChangedError(LocalizedError):
    """The file changed between the preview and the import."""

    code = "file_changed"

    def __init__(self, file_name: str) -> None:
        super().__init__(
            f"Filen {file_name} er endret siden forhåndsvisningen. Se gjennom forhåndsvisningen på nytt.",
            f"The file {file_name} has changed since the preview. Review the preview again.",
        )


class LeaversNotConfirmedError(LocalizedError):
    """A full roster would mark so many people as left that it is likely cut short (docs/import.md)."""

    code = "many_leavers"

    def __init__(self, count: int, active: int) -> None:
        super().__init__(
            f"Importen ville markert {count} av {active} aktive ansatte som sluttet. Det er mer enn en "
            "femtedel, og skjer oftest når filen bare er en del av ansattlisten (eller bare overskriftene). "
            f"Ingenting ble lagret. Er det riktig, bekreft at {count} personer skal markeres som sluttet "
            "(--accept-leavers); gjelder listen bare noen enheter, bruk delvis import (--partial).",
            f"The import would mark {count} of {active} active employees as having left. That is more than a "
            "fifth, and happens most often when the file is only part of the roster (or only its headers). "
            f"Nothing was saved. If it is right, confirm that {count} people are to be marked as having left "
            "(--accept-leavers); if the list covers some units only, use a partial import (--partial).",
            count=count,
            active=active,
        )
        self.count = count


def refused(code: str, message_nb: str, message_en: str) -> RosterFileError:
    return RosterFileError(message_nb, message_en, code=code)


def damaged(file_name: str) -> RosterFileError:
    return refused(
        "damaged",
        f"Filen {file_name} er skadet eller ufullstendig og kan ikke leses. "
        "Åpne den i Excel eller LibreOffice, lagre på nytt og prøv igjen.",
        f"The file {file_name} is damaged or incomplete and cannot be read. "
        "Open it in Excel or LibreOffice, save it again and retry.",
    )


def password_protected(file_name: str) -> RosterFileError:
    return refused(
        "password_protected",
        f"Filen {file_name} er passordbeskyttet. Fjern passordet i Excel og prøv igjen.",
        f"The file {file_name} is password protected. Remove the password in Excel and retry.",
    )
