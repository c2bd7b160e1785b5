"""Importing HR rosters (ansattlister) from real-world spreadsheets: xlsx, xlsm, xls and ods.

The steps, for the CLI (``import-roster``) and the desktop wizard alike::

    inspection = inspect_roster(uow, path)                    # sheets, header row, mapping, refused columns
    report = preview_import(uow, path, ImportOptions(...))    # dry run: created/updated/left/rejected
    report = run_import(uow, path, options, progress=..., cancel=...)   # one transaction

See docs/import.md for the rules (identity of people, units and positions, normalising cells,
national identity numbers, the guards against crafted files).
"""

from competence.roster.errors import FileChangedError, MappingUsageError, RosterFileError, RosterMappingError
from competence.roster.limits import DEFAULT_LIMITS, Limits
from competence.roster.mappings import forget_mapping, save_mapping
from competence.roster.model import (
    ColumnInfo,
    FieldMatch,
    ImportOptions,
    ImportReport,
    ImportWarning,
    Leaver,
    PersonOutcome,
    RosterInspection,
    RowIssue,
    SheetSummary,
)
from competence.roster.service import inspect_roster, preview_import, run_import

__all__ = [
    "DEFAULT_LIMITS",
    "ColumnInfo",
    "FieldMatch",
    "FileChangedError",
    "ImportOptions",
    "ImportReport",
    "ImportWarning",
    "Leaver",
    "Limits",
    "MappingUsageError",
    "PersonOutcome",
    "RosterFileError",
    "RosterInspection",
    "RosterMappingError",
    "RowIssue",
    "SheetSummary",
    "forget_mapping",
    "inspect_roster",
    "preview_import",
    "run_import",
    "save_mapping",
]
