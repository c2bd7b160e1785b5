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


def refused(code: str, message_nb: str, message_en: str) -> RosterFileError:
    return RosterFileError(message_nb, message_en, code=code)
