"""The roster import as three steps for the CLI and the desktop wizard.

* :func:`inspect_roster`: guard and read the file, find the roster sheet, its header row and the
  column mapping (detected, remembered for this layout, or given by the user). Writes nothing.
* :func:`preview_import`: a dry run: every row checked and compared with the register; the report
  says what would be created, changed, left unchanged, rejected, and who would be marked as left.
* :func:`run_import`: the same, then written in one transaction (all or nothing), recorded as an
  ``ImportRun`` with an audit event, and the mapping remembered for the next file of this layout.

Each step reads the file again: a roster of 50,000 rows takes well under a second to read, and the
file may have changed (``ImportOptions.expected_sha256`` makes the import refuse a changed file).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from competence import audit
from competence.clock import now, today
from competence.collector import collector_paused
from competence.progress import CancelToken, Progress, no_progress
from competence.roster.apply import apply_plan
from competence.roster.errors import FileChangedError, LeaversNotConfirmedError
from competence.roster.guard import CheckedFile
from competence.roster.layout import (
    Layout,
    describe_columns,
    layout_key,
    missing_error,
    refused_column_warnings,
    resolve_mapping,
)
from competence.roster.limits import DEFAULT_LIMITS, Limits
from competence.roster.loading import Loaded, Reading, read_roster, start_reading
from competence.roster.mappings import load_mapping, mapping_to_store, store_mapping
from competence.roster.model import (
    ColumnInfo,
    FieldMatch,
    ImportOptions,
    ImportReport,
    ImportWarning,
    RosterInspection,
)
from competence.roster.parse import ParsedRoster, parse_roster
from competence.roster.plan import Plan, RegisterState, load_state, make_plan
from competence.uow import UnitOfWork
from db.codes import ImportKind, ImportMode, ImportStatus
from db.errors import STORAGE_FAULTS
from db.models import ImportRun

KIND = ImportKind.ROSTER


@dataclass
class _Prepared:
    checked: CheckedFile
    layout: Layout
    columns: list[ColumnInfo]
    layout_key: str
    matches: list[FieldMatch]
    missing: list[tuple[str, ...]]
    saved_used: bool
    warnings: list[ImportWarning]


class _Steps:
    """Progress in the user's language over the phases of an import, 0-100."""

    def __init__(self, progress: Progress, cancel: CancelToken | None, lang: str) -> None:
        self.progress = progress
        self.cancel = cancel
        self.en = lang.startswith("en")

    def at(self, done: int, nb: str, en: str) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        self.progress(done, 100, en if self.en else nb)


def _prepare(
    uow: UnitOfWork, path: Path, options: ImportOptions, limits: Limits, *, guess_sheet: bool = False
) -> _Prepared:
    loaded = read_roster(Path(path), options.sheet, limits, guess=guess_sheet)
    with uow:
        return _prepared(uow.session, loaded, options)


def _read_with_state(
    session: Session,
    path: Path,
    options: ImportOptions,
    limits: Limits,
    day: dt.date,
    reading: Reading | None = None,
) -> tuple[_Prepared, RegisterState]:
    """The file read in the reader's child process while this one reads the register (in the
    caller's transaction, which the import then writes in); ``reading`` when the caller started it
    (:func:`start_reading`, with the same file, sheet and limits)."""
    reading = reading or start_reading(Path(path), options.sheet, limits)
    try:
        state = load_state(session, day)
        loaded = reading.result()
    finally:
        reading.close()
    return _prepared(session, loaded, options), state


def _prepared(session: Session, loaded: Loaded, options: ImportOptions) -> _Prepared:
    """The file's columns and their mapping: detected, remembered for this layout, or chosen."""
    checked, layout = loaded.checked, loaded.layout
    if options.expected_sha256 and checked.sha256 != options.expected_sha256:
        raise FileChangedError(checked.file_name)
    columns, headers = describe_columns(layout)
    key = layout_key(headers)
    saved = load_mapping(session, key)
    matches, missing, saved_used = resolve_mapping(columns, saved=saved, overrides=options.mapping)
    return _Prepared(
        checked, layout, columns, key, matches, missing, saved_used, refused_column_warnings(columns)
    )


def inspect_roster(
    uow: UnitOfWork, path: Path, options: ImportOptions | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> RosterInspection:
    """What the file holds and how it maps; raises only when the file itself is refused.

    A workbook where no sheet has a recognisable header row is not refused here (the import and
    its preview refuse it unless a sheet is named): the inspection then holds the likeliest sheet,
    with ``header_found`` false, for a person to choose the sheet and the columns.
    """
    prepared = _prepare(uow, path, options or ImportOptions(), limits, guess_sheet=True)
    return RosterInspection(
        file_name=prepared.checked.file_name,
        sha256=prepared.checked.sha256,
        kind=prepared.checked.kind,
        sheets=prepared.layout.summaries,
        sheet=prepared.layout.sheet_name,
        header_row=prepared.layout.header_row,
        data_rows=prepared.layout.data_rows,
        columns=tuple(prepared.columns),
        mapping=tuple(prepared.matches),
        missing=tuple(prepared.missing),
        warnings=tuple(prepared.warnings),
        layout_key=prepared.layout_key,
        saved_mapping_used=prepared.saved_used,
    )


def _parse(prepared: _Prepared) -> ParsedRoster:
    if prepared.missing:
        raise missing_error(prepared.missing)
    return parse_roster(prepared.layout, prepared.matches)


def _report(
    prepared: _Prepared,
    roster: ParsedRoster,
    plan: Plan,
    options: ImportOptions,
    *,
    dry_run: bool,
    run_id: int | None = None,
) -> ImportReport:
    warnings = list(prepared.warnings)
    if not {"unit_no", "unit_name"} & roster.mapped:
        warnings.append(
            ImportWarning(
                "no_unit_column",
                None,
                "Filen har ingen kolonne for enhet; bare personene ble lest inn, ikke stillingene deres.",
                "The file has no unit column; only the people were read, not their positions.",
            )
        )
    warnings.extend(roster.warnings)
    warnings.extend(plan.warnings)
    warnings.sort(key=lambda w: (w.row is not None, w.row or 0))
    return ImportReport(
        file_name=prepared.checked.file_name,
        sha256=prepared.checked.sha256,
        sheet=prepared.layout.sheet_name,
        header_row=prepared.layout.header_row,
        mode="partial" if options.partial else "full",
        dry_run=dry_run,
        persons=len(roster.persons),
        positions=roster.position_count,
        created=len(plan.new_persons),
        updated=sum(1 for outcome in plan.outcomes if outcome.outcome == "updated"),
        unchanged=plan.unchanged_persons,
        left=len(plan.leavers),
        returned=plan.returned,
        positions_created=len(plan.new_positions),
        positions_updated=len(plan.changed_positions),
        positions_unchanged=plan.unchanged_positions,
        positions_ended=len(plan.ended_positions),
        units_created=len(plan.new_units),
        units_renamed=len(plan.renamed_units),
        ignored_rows=tuple(roster.ignored_rows),
        rejected=tuple(roster.rejected),
        warnings=tuple(warnings),
        leavers=tuple(plan.leavers),
        mapping=tuple(prepared.matches),
        run_id=run_id,
        people=tuple(plan.outcomes),
        ignored_columns=_ignored_columns(prepared),
        confirm_leavers=plan.confirm_leavers,
        active=plan.active,
        left_before=plan.left_before,
    )


def _ignored_columns(prepared: _Prepared) -> tuple[tuple[str, str], ...]:
    """The columns no field reads (refused ones are reported as warnings instead)."""
    read = {m.column for m in prepared.matches if m.column is not None}
    return tuple(
        (c.letter, c.header) for c in prepared.columns if c.index not in read and not c.refused and c.header
    )


def preview_import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    reading: Reading | None = None,
) -> ImportReport:
    """A dry run: the full report of what an import would do. Writes nothing. ``reading``: the file's
    reading, when the caller started it before (as :func:`run_import` takes it)."""
    options = options or ImportOptions()
    day = today()
    with collector_paused(), uow:
        prepared, state = _read_with_state(uow.session, path, options, limits, day, reading)
        roster = _parse(prepared)
        plan = make_plan(roster, state, partial=options.partial, today=day)
        return _report(prepared, roster, plan, options, dry_run=True)


def _counts(report: ImportReport) -> dict[str, int]:
    return {
        "persons": report.persons,
        "positions": report.positions,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "left": report.left,
        "returned": report.returned,
        "positions_created": report.positions_created,
        "positions_updated": report.positions_updated,
        "positions_ended": report.positions_ended,
        "units_created": report.units_created,
        "units_renamed": report.units_renamed,
        "rejected": len(report.rejected),
        "warnings": len(report.warnings),
        "ignored": len(report.ignored_rows),
    }


def run_import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    limits: Limits = DEFAULT_LIMITS,
    reading: Reading | None = None,
) -> ImportReport:
    """Import the roster in one transaction. On failure or cancellation nothing of it is written
    and the attempt is recorded as a failed or cancelled ``ImportRun``. ``reading``: the file's
    reading, when the caller started it before opening the register (:func:`start_reading`, with
    the same file, sheet and limits), so that the file is read while the register opens."""
    options = options or ImportOptions()
    attempt = _Attempt(started=now())
    try:
        with collector_paused():
            steps = _Steps(progress, cancel, options.lang)
            report = _import(uow, Path(path), options, limits, steps, attempt, reading)
    except BaseException as exc:
        _record_failure(uow, Path(path), attempt, options, exc)
        raise
    progress(100, 100, "Done" if options.lang.startswith("en") else "Ferdig")
    return report


@dataclass
class _Attempt:
    started: dt.datetime
    prepared: _Prepared | None = None


def _import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions,
    limits: Limits,
    steps: _Steps,
    attempt: _Attempt,
    reading: Reading | None,
) -> ImportReport:
    steps.at(0, "Kontrollerer filen", "Checking the file")
    day = today()
    with uow:
        session = uow.session
        prepared, state = _read_with_state(session, path, options, limits, day, reading)
        attempt.prepared = prepared
        steps.at(25, "Kontrollerer radene", "Checking the rows")
        roster = _parse(prepared)
        steps.at(40, "Sammenligner med registeret", "Comparing with the register")
        plan = make_plan(roster, state, partial=options.partial, today=day)
        _confirmed(plan, options)
        total = max(plan.writes, 1)
        steps.at(50, "Skriver til registeret", "Writing to the register")

        def tick(written: int) -> None:
            steps.at(
                50 + 45 * min(written, total) // total, "Skriver til registeret", "Writing to the register"
            )

        apply_plan(session, plan, today=day, tick=tick, cancel=steps.cancel)
        run = ImportRun(
            kind=KIND,
            started_at=attempt.started,
            finished_at=now(),
            actor=uow.actor,
            file_name=prepared.checked.file_name[:500],
            file_sha256=prepared.checked.sha256,
            mode=ImportMode.PARTIAL if options.partial else ImportMode.FULL,
            status=ImportStatus.OK,
            counts={},
        )
        session.add(run)
        uow.flush()
        report = _report(prepared, roster, plan, options, dry_run=False, run_id=run.id)
        run.counts = _counts(report)
        audit.record(
            session,
            uow.actor,
            "import",
            entity="import_run",
            entity_id=run.id,
            kind=KIND,
            mode=run.mode,
            counts=run.counts,
        )
        if options.remember_mapping:
            store_mapping(
                session, prepared.layout_key, prepared.layout.sheet_name, mapping_to_store(prepared.matches)
            )
        steps.at(99, "Lagrer", "Saving")
        uow.commit()
    return report


def _confirmed(plan: Plan, options: ImportOptions) -> None:
    """Refuse a full roster that would mark too many as left, unless the user confirmed that many."""
    accepted = options.accept_leavers
    if not plan.confirm_leavers or accepted is True:
        return
    count = len(plan.leavers)
    if accepted is False or accepted != count:
        raise LeaversNotConfirmedError(count, plan.active)


def _record_failure(
    uow: UnitOfWork, path: Path, attempt: _Attempt, options: ImportOptions, exc: BaseException
) -> None:
    """Leave a trace of an import that did not complete. Never hides the original error.

    Not when the register itself refused the writing (disk full, read-only, busy, an I/O error, a
    damaged file): those messages say "nothing was saved", and that must stay true. A damaged file
    must not be written at all, and a full disk has no room for even a small row.
    """
    from competence.progress import Cancelled

    if isinstance(exc, (KeyboardInterrupt, SystemExit, *STORAGE_FAULTS)):
        return
    status = ImportStatus.CANCELLED if isinstance(exc, Cancelled) else ImportStatus.FAILED
    reason = getattr(exc, "code", type(exc).__name__)
    prepared = attempt.prepared
    try:
        with uow:
            run = ImportRun(
                kind=KIND,
                started_at=attempt.started,
                finished_at=now(),
                actor=uow.actor,
                file_name=(prepared.checked.file_name if prepared else Path(path).name)[:500],
                file_sha256=prepared.checked.sha256 if prepared else "",
                mode=ImportMode.PARTIAL if options.partial else ImportMode.FULL,
                status=status,
                counts={"reason": str(reason)[:80]},
            )
            uow.session.add(run)
            uow.commit()
    except Exception:  # the database itself may be what failed; the original error matters more
        pass
