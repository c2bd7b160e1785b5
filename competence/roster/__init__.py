"""Importing HR rosters (ansattlister): xlsx, xlsm, xls, ods, CSV/TSV, HTML tables and Excel 2003 XML.

The steps, for the CLI (``import-roster``) and the desktop wizard alike::

    inspection = inspect_roster(uow, path)                    # sheets, header row, mapping, refused columns
    report = preview_import(uow, path, ImportOptions(...))    # dry run: created/updated/left/rejected
    report = run_import(uow, path, options, progress=..., cancel=...)   # one transaction

See docs/import.md for the rules (formats, identity of people, units and positions, normalising
cells, national identity numbers, the guards against crafted files).

The services (and the database layer they need) are imported on first use: the reader's child
process (competence/roster/isolation.py) imports only the modules that read files, so it starts in
a few hundredths of a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from competence.roster.errors import (
    FileChangedError,
    LeaversNotConfirmedError,
    MappingUsageError,
    RosterFileError,
    RosterMappingError,
)
from competence.roster.limits import DEFAULT_LIMITS, Limits
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

if TYPE_CHECKING:
    from competence.roster.mappings import forget_mapping, save_mapping
    from competence.roster.service import inspect_roster, preview_import, run_import

_LAZY = {
    "forget_mapping": "competence.roster.mappings",
    "save_mapping": "competence.roster.mappings",
    "inspect_roster": "competence.roster.service",
    "preview_import": "competence.roster.service",
    "run_import": "competence.roster.service",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_LIMITS",
    "ColumnInfo",
    "FieldMatch",
    "FileChangedError",
    "ImportOptions",
    "ImportReport",
    "ImportWarning",
    "Leaver",
    "LeaversNotConfirmedError",
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
