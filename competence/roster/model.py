"""What the roster import hands out: plain, frozen data for the CLI and the desktop wizard.

No ORM object, no session and no raw cell of a refused column ever appears here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple


def _pick(lang: str, nb: str, en: str) -> str:
    return en if lang.startswith("en") else nb


@dataclass(frozen=True)
class SheetSummary:
    """One sheet of the workbook, and how much it looks like a roster."""

    name: str
    visible: bool
    rows: int
    #: Number of columns whose header names a register field (0 for a cover sheet).
    score: float
    #: Spreadsheet row number of the header row found, if any.
    header_row: int | None


@dataclass(frozen=True)
class ColumnInfo:
    """A column of the roster sheet as the wizard shows it."""

    index: int
    letter: str
    header: str
    field: str | None
    confidence: float
    #: True for a column of national identity numbers: never read, never shown.
    refused: bool
    #: A few values from the top of the column, for recognition (empty for a refused column).
    samples: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldMatch:
    """Which column feeds a register field, how sure the detection is, and where it came from."""

    field: str
    label_nb: str
    label_en: str
    column: int | None
    letter: str | None
    header: str | None
    confidence: float
    #: "detected", "saved" (remembered from an earlier import of this layout) or "user".
    source: str

    def label(self, lang: str = "nb") -> str:
        return _pick(lang, self.label_nb, self.label_en)


@dataclass(frozen=True)
class ImportWarning:
    """Something the import did not take as it stood, without refusing the row."""

    code: str
    row: int | None
    message_nb: str
    message_en: str

    def message(self, lang: str = "nb") -> str:
        return _pick(lang, self.message_nb, self.message_en)


@dataclass(frozen=True)
class RowIssue:
    """A rejected row, numbered as the spreadsheet shows it, with the reason."""

    row: int
    reason: str
    message_nb: str
    message_en: str

    def message(self, lang: str = "nb") -> str:
        return _pick(lang, self.message_nb, self.message_en)


@dataclass(frozen=True)
class Leaver:
    """Someone in the register who is (or would be) marked as left: not in a full roster, or every
    position of theirs in the roster has ended (a past Sluttdato)."""

    employee_id: int
    employee_no: str
    name: str
    left_on: dt.date | None = None
    #: "not_in_file" or "positions_ended".
    reason: str = "not_in_file"


class PersonOutcome(NamedTuple):
    """One person of the roster and what the import does (or would do) with them, for the preview.
    A named tuple: a large roster makes 50,000 of them, and a frozen dataclass takes twice as long
    to build."""

    employee_no: str
    name: str
    #: The spreadsheet rows the person is on.
    rows: tuple[int, ...]
    #: "created", "updated" or "unchanged".
    outcome: str
    #: What changes for an updated person: "name", "email", "manager", "returned", "positions".
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RosterInspection:
    """What the file holds and how its columns map to the register, before any row is checked."""

    file_name: str
    sha256: str
    kind: str
    sheets: tuple[SheetSummary, ...]
    sheet: str
    header_row: int
    data_rows: int
    columns: tuple[ColumnInfo, ...]
    mapping: tuple[FieldMatch, ...]
    #: Groups of fields of which one must be mapped and none is (e.g. the employee number).
    missing: tuple[tuple[str, ...], ...]
    warnings: tuple[ImportWarning, ...]
    #: Identifies this header layout; the mapping is remembered under it.
    layout_key: str
    saved_mapping_used: bool

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def refused_columns(self) -> tuple[ColumnInfo, ...]:
        return tuple(c for c in self.columns if c.refused)

    @property
    def header_found(self) -> bool:
        """False when no sheet had a recognisable header row and this sheet and its header row
        (the first row with two or more filled cells) were guessed."""
        return any(s.name == self.sheet and s.header_row is not None for s in self.sheets)

    def mapping_dict(self) -> dict[str, str | None]:
        """Every field → its column header (or letter), None when unmapped: the form
        :class:`ImportOptions` and :func:`competence.roster.save_mapping` take."""
        return {m.field: (m.header or m.letter) if m.column is not None else None for m in self.mapping}


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    #: (field, column) pairs overriding the detected mapping; column is a header text, a column
    #: letter ("C"), or None to leave the field unmapped.
    mapping: tuple[tuple[str, str | None], ...] = ()
    #: A partial roster (one unit, some people) leaves everyone not in it alone.
    partial: bool = False
    #: The file's sha256 from the inspection; the import refuses a file changed since.
    expected_sha256: str | None = None
    #: Remember the mapping for the next file with the same layout.
    remember_mapping: bool = True
    #: A full roster that would mark more than a fifth of the active people (and more than five) as
    #: left is refused unless confirmed: True accepts any number (``--accept-leavers``), a number
    #: accepts exactly that many (the wizard names the count it asks about).
    accept_leavers: bool | int = False
    #: Language of progress messages.
    lang: str = "nb"

    @classmethod
    def build(cls, mapping: Mapping[str, str | None] | None = None, **kwargs: Any) -> ImportOptions:
        return cls(mapping=tuple((mapping or {}).items()), **kwargs)


@dataclass(frozen=True)
class ImportReport:
    """The outcome of a preview (``dry_run``) or an import. Counts of persons unless named."""

    file_name: str
    sha256: str
    sheet: str
    header_row: int
    mode: str
    dry_run: bool
    #: Distinct people and position rows accepted from the file.
    persons: int
    positions: int
    created: int
    updated: int
    unchanged: int
    left: int
    returned: int
    positions_created: int
    positions_updated: int
    positions_unchanged: int
    positions_ended: int
    units_created: int
    units_renamed: int
    ignored_rows: tuple[int, ...]
    rejected: tuple[RowIssue, ...]
    warnings: tuple[ImportWarning, ...]
    leavers: tuple[Leaver, ...]
    mapping: tuple[FieldMatch, ...]
    run_id: int | None = None
    #: Every accepted person with their outcome, in the order of the file.
    people: tuple[PersonOutcome, ...] = ()
    #: (letter, header) of the columns the import does not read (data minimisation by allow-list).
    ignored_columns: tuple[tuple[str, str], ...] = ()
    #: So many would be marked as left that the import must be confirmed (``accept_leavers``).
    confirm_leavers: bool = False
    #: Active people in the register before the import.
    active: int = 0
    #: People in the file who had left before the register knew them: not added.
    left_before: int = 0

    @property
    def changes(self) -> int:
        return (
            self.created
            + self.updated
            + self.left
            + self.positions_created
            + self.positions_updated
            + self.positions_ended
            + self.units_created
            + self.units_renamed
        )

    def to_json(self, lang: str = "nb") -> dict[str, Any]:
        """The JSON report described in docs/import.md."""
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "mode": self.mode,
            "dry_run": self.dry_run,
            "persons": self.persons,
            "positions": self.positions,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "left": self.left,
            "returned": self.returned,
            "position_changes": {
                "created": self.positions_created,
                "updated": self.positions_updated,
                "unchanged": self.positions_unchanged,
                "ended": self.positions_ended,
            },
            "units": {"created": self.units_created, "renamed": self.units_renamed},
            "ignored_rows": list(self.ignored_rows),
            "rejected": [
                {"row": r.row, "reason": r.reason, "message": r.message(lang)} for r in self.rejected
            ],
            "warnings": [{"code": w.code, "row": w.row, "message": w.message(lang)} for w in self.warnings],
            "leavers": [
                {
                    "employee_no": p.employee_no,
                    "name": p.name,
                    "left_on": p.left_on.isoformat() if p.left_on else None,
                    "reason": p.reason,
                }
                for p in self.leavers
            ],
            "confirm_leavers": self.confirm_leavers,
            "active_before": self.active,
            "left_before": self.left_before,
            "ignored_columns": [
                {"column": letter, "header": header} for letter, header in self.ignored_columns
            ],
            "mapping": {m.field: m.header or m.letter for m in self.mapping if m.column is not None},
            "import_run": self.run_id,
        }
