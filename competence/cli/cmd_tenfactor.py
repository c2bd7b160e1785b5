"""``import-10faktor FILE [--year YEAR] [--sheet NAME] [--map NAME=NO] [--dry-run] [--json]
[--no-remember]``: 10-FAKTOR results per unit (docs/planning.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.numbers import format_int
from competence.tenfactor.layout import TenFactorFileError
from competence.tenfactor.service import (
    TenFactorOptions,
    TenFactorReport,
    import_tenfactor,
    preview_tenfactor,
)
from db.codes import TenFactorOutcome
from db.errors import LocalizedError

EXIT_OK = 0
EXIT_REFUSED = 1
#: What ``--map NAME=`` or ``--map NAME=-`` means: leave the group out.
SKIP = ("", "-")


def _unit_pair(text: str) -> tuple[str, str | None]:
    name, sep, number = text.rpartition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            h(f"ventet NAVN=NR, fikk «{text}»", f"expected NAME=NO, got '{text}'")
        )
    number = number.strip()
    return name.strip(), None if number in SKIP else number


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "import-10faktor",
        parents=[common],
        help=h(
            "les inn resultater fra 10-FAKTOR per enhet (xlsx, ods, csv ...)",
            "import 10-FAKTOR results per unit (xlsx, ods, csv ...)",
        ),
        description=h(
            "Les inn enhetenes resultater fra medarbeiderundersøkelsen 10-FAKTOR: snitt per faktor (1-5) og "
            "antall svar, én rad per enhet og faktor eller én rad per enhet med en kolonne per faktor. "
            "Grupper med færre svar enn minstegrensen leses aldri inn. Enheter som ikke finnes automatisk, "
            "knyttes til registerets enheter med --map; valget huskes.",
            "Import the units' results of the employee survey 10-FAKTOR: the mean per factor (1-5) and the "
            "number who answered, one row per unit and factor or one row per unit with a column per "
            "factor. Groups with fewer answers than the minimum are never read. Units not found by "
            "themselves are linked to the register's units with --map; the choice is remembered.",
        ),
    )
    p.add_argument("file", type=Path, metavar=h("FIL", "FILE"), help=h("resultatfilen", "the results file"))
    p.add_argument(
        "--year",
        type=int,
        metavar=h("ÅR", "YEAR"),
        help=h(
            "året resultatene gjelder, når filen ikke har en kolonne for år",
            "the year of the results, when the file has no column for the year",
        ),
    )
    p.add_argument(
        "--sheet",
        metavar=h("ARK", "NAME"),
        help=h("arket med resultatene (standard: finnes automatisk)", "the sheet (default: found by itself)"),
    )
    p.add_argument(
        "--map",
        action="append",
        type=_unit_pair,
        default=[],
        metavar=h("NAVN=NR", "NAME=NO"),
        help=h(
            "knytt en enhet slik filen skriver den til et enhetsnummer i registeret (NAVN=- hopper over den)",
            "link a unit as the file names it to a unit number of the register (NAME=- leaves it out)",
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
        "--json", action="store_true", help=h("skriv rapporten som JSON", "write the report as JSON")
    )
    p.add_argument(
        "--no-remember",
        action="store_true",
        help=h("ikke husk enhetskoblingene til neste gang", "do not remember the units chosen for next time"),
    )
    p.set_defaults(handler=run_import_tenfactor)


def run_import_tenfactor(ctx: CliContext) -> int:
    args = ctx.args
    options = TenFactorOptions(
        year=args.year, sheet=args.sheet, unit_map=dict(args.map), remember=not args.no_remember
    )
    path = args.file.expanduser()
    try:
        if args.dry_run:
            report = preview_tenfactor(ctx.uow(), path, options)
        else:
            report = import_tenfactor(ctx.uow(), path, options)
    except (TenFactorFileError, LocalizedError) as exc:
        message = exc.message(ctx.lang)
        if args.json:
            ctx.print_json({"error": exc.code, "message": message})
        ctx.warn(ctx.t("Feil: ", "Error: ") + message)
        return EXIT_REFUSED
    if args.json:
        ctx.print_json(report.as_dict(ctx.lang))
    else:
        print_report(ctx, report, dry_run=args.dry_run)
    return EXIT_REFUSED if report.refused else EXIT_OK


def print_report(ctx: CliContext, report: TenFactorReport, *, dry_run: bool) -> None:
    t, lang = ctx.t, ctx.lang
    layout = t("én rad per enhet og faktor", "one row per unit and factor")
    if report.layout == "wide":
        layout = t("én rad per enhet, en kolonne per faktor", "one row per unit, a column per factor")
    ctx.print(
        t(
            "Leste {file}, arket «{sheet}» ({layout}, overskrifter i rad {row}).",
            "Read {file}, the sheet '{sheet}' ({layout}, headers in row {row}).",
        ).format(file=report.file_name, sheet=report.sheet, layout=layout, row=report.header_row)
    )
    for g in report.groups:
        answered = (
            t(" ({n} svar)", " ({n} answers)").format(n=format_int(g.respondents, lang))
            if g.respondents is not None and g.outcome is not TenFactorOutcome.BELOW_MINIMUM
            else ""
        )
        target = (
            f" → {g.choice.label}"
            if g.choice.label and g.outcome is not TenFactorOutcome.BELOW_MINIMUM
            else ""
        )
        ctx.print(f"  {g.unit_text} {g.year}{answered}{target}: {g.outcome.label(lang)}")
    for problem in report.problems:
        ctx.print("  " + problem.message(lang))
    below = report.count(TenFactorOutcome.BELOW_MINIMUM)
    below_text = ""
    if below:
        below_text = " " + t(
            "{n} gruppe(r) under minstegrensen ({minimum} svar) ble ikke lest inn.",
            "{n} group{s} under the minimum ({minimum} answers) {was} not read.",
        ).format(
            n=below, minimum=report.minimum, s="" if below == 1 else "s", was="was" if below == 1 else "were"
        )
    if report.refused:
        ctx.print(_refusal(ctx, report) + below_text)
    elif report.applied:
        removed = (
            " "
            + t(
                "{n} tidligere lagrede snitt under minstegrensen er fjernet.",
                "{n} earlier means under the minimum were removed.",
            ).format(n=report.removed)
            if report.removed
            else ""
        )
        ctx.print(
            t("Resultatene for {n} enheter er lagret.", "{n} units' results stored.").format(
                n=report.stored_groups
            )
            + below_text
            + removed
        )
    elif dry_run:
        ctx.print(
            t(
                "Prøvekjøring: resultatene for {n} enheter ville blitt lagret. Ingenting er lagret.",
                "Dry run: {n} units' results would be stored. Nothing was saved.",
            ).format(n=report.stored_groups)
            + below_text
        )


def _refusal(ctx: CliContext, report: TenFactorReport) -> str:
    t = ctx.t
    parts = [t("Ingenting er lagret.", "Nothing was saved.")]
    if report.problems:
        parts.append(
            t("{n} verdi(er) kan ikke leses (se over).", "{n} value(s) cannot be read (see above).").format(
                n=len(report.problems)
            )
        )
    if report.unmapped:
        names = ", ".join(f"«{n}»" for n in report.unmapped)
        first = report.unmapped[0]
        parts.append(
            t(
                "Disse enhetene i filen finnes ikke i registeret: {names}. Knytt dem til enheter med "
                '--map "{first}=NR", eller hopp over dem med --map "{first}=-".',
                "These units of the file are not in the register: {names}. Link them to units with "
                '--map "{first}=NO", or leave them out with --map "{first}=-".',
            ).format(names=names, first=first)
        )
    if report.count(TenFactorOutcome.CONFLICT):
        parts.append(
            t(
                "To grupper i filen ville blitt samme enhet samme år; knytt dem til hver sin enhet.",
                "Two groups of the file would be the same unit in the same year; link them to a unit each.",
            )
        )
    return " ".join(parts)
