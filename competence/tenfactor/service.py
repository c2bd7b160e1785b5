"""Importing 10-FAKTOR results: the preview and the import, each one user action.

::

    report = preview_tenfactor(uow, path, TenFactorOptions(year=2025))   # nothing written
    report = import_tenfactor(uow, path, TenFactorOptions(unit_map={"Hjemmetj. Lia": "2001"}))

Both read the file in the reader's child process, then work in one unit of work. The import is all
or nothing: a file with a value that cannot be read, a group that is no unit of the register (and
not skipped), or two groups that would be one unit's result is refused with every reason, and
nothing is written. Otherwise each unit's results for a year replace what was stored for it, groups
under the minimum size are left out (and a result stored for them before is removed), the user's
choices of units are remembered, and the run is recorded (docs/planning.md, "10-FAKTOR").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import now
from competence.roster.headers import header_key
from competence.settings import register_settings
from competence.tenfactor.layout import find_layout
from competence.tenfactor.minimum import minimum_group
from competence.tenfactor.parse import FileGroup, Problem, parse_rows
from competence.tenfactor.reading import ReadFile, read_result_file
from competence.tenfactor.units import UnitChoice, remember_mapping, resolve_units
from competence.uow import UnitOfWork
from db.codes import Factor, ImportKind, ImportStatus, TenFactorOutcome
from db.models import ImportRun
from db.planning import TenFactorResult

KIND = ImportKind.TENFACTOR


@dataclass(frozen=True)
class TenFactorOptions:
    #: the year of every result, for a file without a year column
    year: int | None = None
    sheet: str | None = None
    #: file unit name -> register unit number, or None to leave the group out
    unit_map: Mapping[str, str | None] = field(default_factory=dict)
    #: remember the choices in ``unit_map`` for the next import
    remember: bool = True


@dataclass(frozen=True)
class GroupOutcome:
    row: int
    unit_text: str
    unit_number_text: str | None
    year: int
    #: None when the survey hid it
    respondents: int | None
    choice: UnitChoice
    outcome: TenFactorOutcome
    #: (factor, mean, respondents) to store; empty for a group that is not stored (never shown either)
    means: tuple[tuple[Factor, float, int], ...] = ()

    @property
    def key(self) -> str:
        return header_key(self.unit_text)


@dataclass(frozen=True)
class TenFactorReport:
    file_name: str
    sheet: str
    layout: str
    header_row: int
    minimum: int
    groups: tuple[GroupOutcome, ...]
    problems: tuple[Problem, ...]
    applied: bool = False
    #: results removed because the file now says the group is under the minimum
    removed: int = 0

    def count(self, outcome: TenFactorOutcome) -> int:
        return sum(1 for g in self.groups if g.outcome is outcome)

    @property
    def unmapped(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(g.unit_text for g in self.groups if g.outcome is TenFactorOutcome.UNMAPPED)
        )

    @property
    def refused(self) -> bool:
        """The import would not write: problems, units to choose, or two groups on one unit."""
        return bool(self.problems) or any(
            g.outcome in (TenFactorOutcome.UNMAPPED, TenFactorOutcome.CONFLICT) for g in self.groups
        )

    @property
    def stored_groups(self) -> int:
        return sum(
            1
            for g in self.groups
            if g.outcome in (TenFactorOutcome.NEW, TenFactorOutcome.REPLACED, TenFactorOutcome.UNCHANGED)
        )

    def as_dict(self, lang: str = "nb") -> dict[str, Any]:
        """The report as plain JSON (``import-10faktor --json``)."""
        return {
            "file": self.file_name,
            "sheet": self.sheet,
            "layout": self.layout,
            "header_row": self.header_row,
            "minimum": self.minimum,
            "applied": self.applied,
            "groups": [
                {
                    "row": g.row,
                    "unit": g.unit_text,
                    "year": g.year,
                    "respondents": g.respondents,
                    "register_unit": g.choice.unit_number,
                    "matched_by": g.choice.matched_by.value,
                    "outcome": g.outcome.value,
                    "factors": {str(int(f)): round(m, 2) for f, m, _ in g.means},
                }
                for g in self.groups
            ],
            "counts": {o.value: self.count(o) for o in TenFactorOutcome} | {"removed": self.removed},
            "unmapped": list(self.unmapped),
            "problems": [
                {"row": p.row, "column": p.column, "message": p.message(lang)} for p in self.problems
            ],
        }


def preview_tenfactor(
    uow: UnitOfWork, path: Path, options: TenFactorOptions | None = None
) -> TenFactorReport:
    """What the import would do, without writing anything."""
    read = read_result_file(path)
    with uow.reading():
        return _plan(uow.session, read, options or TenFactorOptions())


def import_tenfactor(uow: UnitOfWork, path: Path, options: TenFactorOptions | None = None) -> TenFactorReport:
    """Import the file in one transaction; a refused file (see :attr:`TenFactorReport.refused`) writes
    nothing and comes back with ``applied`` False."""
    options = options or TenFactorOptions()
    read = read_result_file(path)
    with uow:
        s = uow.session
        report = _plan(s, read, options)
        if report.refused:
            return report
        removed = _write(s, report)
        if options.remember:
            remember_mapping(s, options.unit_map)
        counts = {o.value: report.count(o) for o in TenFactorOutcome} | {"removed": removed}
        s.add(
            ImportRun(
                kind=KIND,
                actor=uow.actor,
                file_name=read.file_name[:500],
                file_sha256=read.sha256,
                status=ImportStatus.OK,
                finished_at=now(),
                counts=counts,
            )
        )
        audit.record(s, uow.actor, "import", entity="tenfactor_result", counts=counts)
        uow.commit()
        return TenFactorReport(
            report.file_name,
            report.sheet,
            report.layout,
            report.header_row,
            report.minimum,
            report.groups,
            report.problems,
            applied=True,
            removed=removed,
        )


def _plan(session: Session, read: ReadFile, options: TenFactorOptions) -> TenFactorReport:
    layout = find_layout(read, options.sheet)
    rows = next(s[4] for s in read.sheets if s[0] == layout.sheet)
    parsed = parse_rows(layout, rows, options.year)
    minimum = minimum_group(session)
    choices = resolve_units(session, parsed.groups, options.unit_map, register_settings(session).municipality)
    stored = _stored(session, choices.values())
    taken: dict[tuple[int, int], int] = {}
    outcomes: list[GroupOutcome] = []
    for group in parsed.groups:
        choice = choices[group.key]
        outcomes.append(_outcome(group, choice, minimum, stored, taken))
    return TenFactorReport(
        read.file_name,
        layout.sheet,
        layout.kind,
        layout.header_row,
        minimum,
        tuple(outcomes),
        parsed.problems,
    )


def _outcome(
    group: FileGroup,
    choice: UnitChoice,
    minimum: int,
    stored: Mapping[tuple[int, int], dict[Factor, tuple[float, int]]],
    taken: dict[tuple[int, int], int],
) -> GroupOutcome:
    respondents = group.respondents
    below = respondents is None or respondents < minimum

    def result(outcome: TenFactorOutcome, means: tuple[tuple[Factor, float, int], ...] = ()) -> GroupOutcome:
        return GroupOutcome(
            group.row, group.unit_text, group.unit_number, group.year, respondents, choice, outcome, means
        )

    if below:  # never stored, never shown: not even its means go further than this line
        return result(TenFactorOutcome.BELOW_MINIMUM)
    if choice.skipped:
        return result(TenFactorOutcome.SKIPPED)
    if choice.unit_id is None:
        return result(TenFactorOutcome.UNMAPPED)
    key = (choice.unit_id, group.year)
    if key in taken:
        return result(TenFactorOutcome.CONFLICT)
    taken[key] = group.row
    means = tuple(
        sorted((f, v.mean, v.respondents) for f, v in group.factors.items() if v.respondents >= minimum)
    )
    new = {f: (m, n) for f, m, n in means}
    before = stored.get(key)
    if before is None:
        return result(TenFactorOutcome.NEW, means)
    same = before.keys() == new.keys() and all(
        abs(before[f][0] - new[f][0]) < 1e-9 and before[f][1] == new[f][1] for f in new
    )
    return result(TenFactorOutcome.UNCHANGED if same else TenFactorOutcome.REPLACED, means)


def _stored(session: Session, choices: Any) -> dict[tuple[int, int], dict[Factor, tuple[float, int]]]:
    unit_ids = sorted({c.unit_id for c in choices if c.unit_id is not None})
    found: dict[tuple[int, int], dict[Factor, tuple[float, int]]] = {}
    if not unit_ids:
        return found
    for unit_id, year, factor, mean, respondents in session.execute(
        select(
            TenFactorResult.unit_id,
            TenFactorResult.year,
            TenFactorResult.factor,
            TenFactorResult.mean,
            TenFactorResult.respondents,
        ).where(TenFactorResult.unit_id.in_(unit_ids))
    ):
        found.setdefault((unit_id, year), {})[Factor(factor)] = (float(mean), int(respondents))
    return found


def _write(session: Session, report: TenFactorReport) -> int:
    """Replace each stored group's results; remove what the file says is under the minimum."""
    removed = 0
    for group in report.groups:
        unit_id = group.choice.unit_id
        if unit_id is None or group.outcome is TenFactorOutcome.UNCHANGED:
            continue
        if group.outcome is TenFactorOutcome.BELOW_MINIMUM and group.choice.skipped:
            continue
        where = (TenFactorResult.unit_id == unit_id, TenFactorResult.year == group.year)
        existing = len(session.scalars(select(TenFactorResult.id).where(*where)).all())
        session.execute(delete(TenFactorResult).where(*where))
        if group.outcome is TenFactorOutcome.BELOW_MINIMUM:
            removed += existing
            continue
        session.add_all(
            TenFactorResult(unit_id=unit_id, year=group.year, factor=int(f), mean=m, respondents=n)
            for f, m, n in group.means
        )
    return removed
