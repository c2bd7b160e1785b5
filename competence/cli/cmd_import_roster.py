"""``import-roster FILE``: import an HR roster (ansattliste) from xlsx, xlsm, xls, ods, CSV/TSV, an
HTML table or Excel 2003 XML.

Exit codes: 0 the import (or the dry run) ran, rejected rows included; 1 the file was refused
(not a spreadsheet, crafted, no roster in it, a required column missing, or a full roster that
would mark more than a fifth of the active people as left without ``--accept-leavers``); 2 usage
(a bad --map or --sheet).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.roster import (
    ImportOptions,
    ImportReport,
    MappingUsageError,
    preview_import,
    run_import,
)
from competence.roster.headers import header_data
from competence.roster.limits import DEFAULT_LIMITS
from competence.roster.loading import start_reading
from db.errors import DatabaseCorruptError, LocalizedError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def _mapping_pair(text: str) -> tuple[str, str | None]:
    field, sep, column = text.partition("=")
    field = field.strip()
    if not sep or not field:
        raise argparse.ArgumentTypeError(
            h(f"ventet FELT=KOLONNE, fikk «{text}»", f"expected FIELD=COLUMN, got '{text}'")
        )
    return field, column.strip() or None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    fields = ", ".join(header_data().field_keys)
    p = subparsers.add_parser(
        "import-roster",
        parents=[common],
        help=h(
            "les inn en ansattliste (xlsx, xlsm, xls, ods, csv, html, xml) fra HR-systemet",
            "import an employee roster (xlsx, xlsm, xls, ods, csv, html, xml) from the HR system",
        ),
        description=h(
            "Les inn en ansattliste. Kolonnene gjenkjennes automatisk; en kolonnekobling som er brukt én "
            "gang, huskes for filer med samme oppsett.",
            "Import an employee roster. The columns are recognised automatically; a column mapping used "
            "once is remembered for files with the same layout.",
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=h("FIL", "FILE"),
        help=h("regnearket som skal leses inn", "the spreadsheet to import"),
    )
    p.add_argument(
        "--sheet",
        metavar=h("ARK", "NAME"),
        help=h(
            "arket med ansattlisten (standard: finnes automatisk)",
            "the sheet with the roster (default: found automatically)",
        ),
    )
    p.add_argument(
        "--map",
        action="append",
        type=_mapping_pair,
        default=[],
        metavar=h("FELT=KOLONNE", "FIELD=COLUMN"),
        help=h(
            f"koble et felt til en kolonne (overskrift eller bokstav; tom for ingen). Felt: {fields}",
            f"map a field to a column (header or letter; empty for none). Fields: {fields}",
        ),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=h(
            "vis hva som ville skjedd, uten å lagre noe", "show what would happen, without saving anything"
        ),
    )
    p.add_argument(
        "--partial",
        action="store_true",
        help=h(
            "listen gjelder bare noen enheter/personer: ingen andre markeres som sluttet",
            "the list covers only some units/people: nobody else is marked as having left",
        ),
    )
    p.add_argument(
        "--accept-leavers",
        action="store_true",
        help=h(
            "bekreft at mer enn en femtedel av de aktive kan markeres som sluttet (ellers avvises importen)",
            "confirm that more than a fifth of the active people may be marked as having left (otherwise "
            "the import is refused)",
        ),
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv rapporten som JSON", "write the report as JSON")
    )
    p.add_argument(
        "--no-remember",
        action="store_true",
        help=h(
            "ikke husk kolonnekoblingen til neste gang", "do not remember the column mapping for next time"
        ),
    )
    p.set_defaults(handler=run_import_roster)


def run_import_roster(ctx: CliContext) -> int:
    args = ctx.args
    options = ImportOptions(
        sheet=args.sheet,
        mapping=tuple(args.map),
        partial=args.partial,
        remember_mapping=not args.no_remember,
        lang=ctx.lang,
        accept_leavers=args.accept_leavers,
    )
    path = args.file.expanduser()
    # the file is read while the register opens (opening checks a register file against its last
    # clean close: a SHA-256 of the whole file)
    reading = start_reading(path, options.sheet, DEFAULT_LIMITS)
    try:
        if args.dry_run:
            report = preview_import(ctx.uow(), path, options, reading=reading)
        else:
            report = run_import(ctx.uow(), path, options, reading=reading)
    except MappingUsageError as exc:
        return _fail(ctx, exc, EXIT_USAGE)
    except LocalizedError as exc:
        return _fail(ctx, exc, EXIT_REFUSED)
    finally:
        reading.close()
    if args.json:
        ctx.print_json(report.to_json(ctx.lang))
    else:
        _print_report(ctx, report)
    return EXIT_OK


def _fail(ctx: CliContext, exc: LocalizedError, code: int) -> int:
    if isinstance(exc, DatabaseCorruptError):
        exc = ctx.damaged(exc)
    message = exc.message(ctx.lang)
    if ctx.args.json:
        ctx.print_json({"error": exc.code, "message": message})
    ctx.warn(ctx.t("Feil: ", "Error: ") + message)
    return code


def _print_report(ctx: CliContext, report: ImportReport) -> None:
    t = ctx.t
    ctx.print(
        t(
            f"Fil: {report.file_name}, ark «{report.sheet}», overskrifter på rad {report.header_row}.",
            f"File: {report.file_name}, sheet '{report.sheet}', headers on row {report.header_row}.",
        )
    )
    for match in report.mapping:
        if match.column is not None:
            ctx.print(f"  {match.label(ctx.lang)} ← {match.letter} «{match.header}»")
    if report.ignored_columns:
        columns = ", ".join(f"{letter} «{header}»" for letter, header in report.ignored_columns)
        ctx.print(t(f"Kolonner som ikke leses inn: {columns}.", f"Columns not read: {columns}."))
    if report.dry_run:
        ctx.print(t("Forhåndsvisning: ingenting er lagret.", "Preview: nothing was saved."))
    else:
        ctx.print(t(f"Importert (kjøring {report.run_id}).", f"Imported (run {report.run_id})."))
    ctx.print(
        t(
            f"Tomme rader og summer hoppet over: {len(report.ignored_rows)}.",
            f"Blank and totals rows skipped: {len(report.ignored_rows)}.",
        )
    )
    ctx.print(
        t(
            f"Personer: {report.persons} (nye {report.created}, endret {report.updated}, uendret "
            f"{report.unchanged}, sluttet {report.left}).",
            f"People: {report.persons} (new {report.created}, changed {report.updated}, unchanged "
            f"{report.unchanged}, left {report.left}).",
        )
    )
    ctx.print(
        t(
            f"Stillinger: {report.positions} (nye {report.positions_created}, "
            f"endret {report.positions_updated}, "
            f"avsluttet {report.positions_ended}). Enheter: nye {report.units_created}, nytt navn "
            f"{report.units_renamed}.",
            f"Positions: {report.positions} (new {report.positions_created}, "
            f"changed {report.positions_updated}, "
            f"ended {report.positions_ended}). Units: new {report.units_created}, "
            f"renamed {report.units_renamed}.",
        )
    )
    if report.rejected:
        ctx.print(t(f"Avviste rader ({len(report.rejected)}):", f"Rejected rows ({len(report.rejected)}):"))
        for issue in report.rejected:
            ctx.print(t(f"  rad {issue.row}: ", f"  row {issue.row}: ") + issue.message(ctx.lang))
    if report.warnings:
        ctx.print(t(f"Advarsler ({len(report.warnings)}):", f"Warnings ({len(report.warnings)}):"))
        for warning in report.warnings:
            where = t(f"rad {warning.row}: ", f"row {warning.row}: ") if warning.row else ""
            ctx.print(f"  {where}{warning.message(ctx.lang)}")
    if report.leavers:
        heading = (
            t("Blir markert som sluttet:", "Would be marked as left:")
            if report.dry_run
            else t("Markert som sluttet:", "Marked as left:")
        )
        ctx.print(heading)
        for leaver in report.leavers:
            day = f"{leaver.left_on:%d.%m.%Y}" if leaver.left_on else ""
            why = (
                t("alle stillingene har passert sluttdato", "every position has passed its end date")
                if leaver.reason == "positions_ended"
                else t("står ikke i filen", "not in the file")
            )
            ctx.print(f"  {leaver.employee_no} {leaver.name} ({day}, {why})")
