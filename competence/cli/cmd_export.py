"""The exports (one command each, made from :data:`competence.export.registry.EXPORTS`, so that
the command line and the Rapporter screen offer the same exports with the same defaults) and the
assessment template's import:

``export-matrix OUT.xlsx [--unit NR] [--no-subunits]``, ``export-gap OUT.xlsx [--unit NR]``,
``export-template OUT.xlsx --unit NR [--subunits]``, ``export-self-assessment OUT.xlsx --unit NR``,
``export-compliance OUT.xlsx [--unit NR]``, ``export-plan EMPLOYEE_NO OUT.pdf``,
``export-plans OUTDIR --unit NR [--combined FILE] [--subunits]``, ``export-unit-plan OUT.pdf --unit NR``,
``import-assessments FILE [--dry-run] [--json]``. Every export takes ``--subunits`` and
``--no-subunits``; the default is the export's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, assert_never

from competence.cli import EXIT_REFUSED
from competence.cli.cmd_gap import parse_date
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import unit_option
from competence.export.excel.template_import import import_assessments
from competence.export.registry import EXPORTS, Export, Output, UnitNeed, lacking_courses_text
from competence.export.results import (
    BatchResult,
    ComplianceResult,
    ExportResult,
    FulltimeResult,
    GapReportResult,
    MatrixResult,
    PlanResult,
    SelfAssessmentResult,
    TemplateResult,
    UnitPlanResult,
    UnitPlanWorkbookResult,
)
from competence.progress import CancelToken


def _out(value: str) -> Path:
    return Path(value).expanduser().resolve()


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    for export in EXPORTS:
        p = subparsers.add_parser(export.command, parents=[common], help=h(*export.help))
        _arguments(p, export)
        p.set_defaults(handler=lambda ctx, export=export: run_export(ctx, export))

    p = subparsers.add_parser(
        "import-assessments",
        parents=[common],
        help=h(
            "les inn en utfylt vurderingsmal (alt eller ingenting)",
            "read a filled-in assessment template (all or nothing)",
        ),
    )
    p.add_argument("file", type=_out, metavar=h("FIL", "FILE"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=h("vis hva som ville blitt endret, uten å lagre", "show what would change, without saving"),
    )
    p.add_argument(
        "--partial",
        action="store_true",
        help=h(
            "lagre cellene som kan leses inn selv om andre celler avvises (ellers lagres ingenting)",
            "save the cells that can be read in even when others are refused (else nothing is saved)",
        ),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=h("skriv resultatet som ett JSON-objekt", "write the result as one JSON object"),
    )
    p.set_defaults(handler=run_import)


def _arguments(p: argparse.ArgumentParser, export: Export[ExportResult]) -> None:
    """The command's arguments, from what the export needs."""
    if export.person:
        p.add_argument(
            "employee_no", metavar=h("ANSATTNR", "EMPLOYEE_NO"), help=h("ansattnummer", "employee number")
        )
    if export.output is Output.PDF_FOLDER:
        p.add_argument("out", type=_out, metavar=h("UTMAPPE", "OUTDIR"))
        p.add_argument(
            "--combined",
            type=_out,
            metavar=h("FIL", "FILE"),
            help=h("skriv også alle planene i én PDF", "also write all the plans into one PDF"),
        )
    else:
        suffix = export.output.suffix
        p.add_argument("out", type=_out, metavar=h(f"UTFIL{suffix}", f"OUT{suffix}"))
    if export.unit is not UnitNeed.NONE:
        unit_option(p, required=export.unit is UnitNeed.REQUIRED)
        p.add_argument(
            "--subunits",
            action=argparse.BooleanOptionalAction,
            default=export.subunits_default,
            help=h("med underenhetene (standard)", "with the subunits (the default)")
            if export.subunits_default
            else h("med underenhetene (standard: uten)", "with the subunits (default: without)"),
        )
    if export.talk_date:
        p.add_argument(
            "--talk-date",
            metavar=h("DATO", "DATE"),
            help=h("dato for samtalen (standard: i dag)", "date of the talk (default: today)"),
        )


def run_export(ctx: CliContext, export: Export[ExportResult]) -> int:
    args = ctx.args
    request = export.request(
        unit_number=getattr(args, "unit", None),
        subunits=getattr(args, "subunits", None),
        employee_no=getattr(args, "employee_no", None),
        talk_on=parse_date(args.talk_date) if getattr(args, "talk_date", None) else None,
        combined=getattr(args, "combined", None),
        lang=ctx.lang,
    )
    show = sys.stderr.isatty()

    def progress(done: int, total: int, message: str = "") -> None:
        if show and message:
            print(f"\r{message}", end="" if done < total else "\n", file=ctx.err, flush=True)

    result = export.run(ctx.uow(), request, args.out, progress, CancelToken())
    ctx.print(_written(ctx, result))
    return 0


def _written(ctx: CliContext, r: ExportResult) -> str:
    """What the command tells when it is done."""
    match r:
        case MatrixResult():
            written = ctx.t(
                f"Kompetansematrise skrevet til {r.path}: {r.people} ansatte × {r.competences} kompetanser "
                f"({r.not_assessed} ikke vurdert).",
                f"Competence matrix written to {r.path}: {r.people} employees × {r.competences} competences "
                f"({r.not_assessed} not assessed).",
            )
            return f"{written} {lacking_courses_text(r, ctx.lang)}" if r.missing or r.overdue else written
        case GapReportResult():
            return ctx.t(
                f"Avviksrapport skrevet til {r.path}: {r.units} enheter, {r.vulnerable} sårbare kompetanser, "
                f"{r.certificates} sertifikatvarsler, {r.goals} utviklingsmål.",
                f"Gap report written to {r.path}: {r.units} units, {r.vulnerable} vulnerable competences, "
                f"{r.certificates} certificate alerts, {r.goals} learning goals.",
            )
        case TemplateResult():
            return ctx.t(
                f"Vurderingsmal skrevet til {r.path}: {r.people} ansatte × {r.competences} kompetanser.",
                f"Assessment template written to {r.path}: {r.people} employees × {r.competences} "
                "competences.",
            )
        case SelfAssessmentResult():
            return ctx.t(
                f"Egenvurderingsskjema skrevet til {r.path}: {r.people} ansatte, {r.cells} kompetanser "
                "i alt.",
                f"Self-assessment form written to {r.path}: {r.people} employees, {r.cells} competences in "
                "all.",
            )
        case ComplianceResult():
            return ctx.t(
                f"Lovpålagt opplæring skrevet til {r.path}: {r.people_lacking} av {r.people} ansatte mangler "
                f"et krav ({r.overdue} forfalt), {r.dispensations} dispensasjoner.",
                f"Mandatory training written to {r.path}: {r.people_lacking} of {r.people} employees lack a "
                f"requirement ({r.overdue} overdue), {r.dispensations} dispensations.",
            )
        case PlanResult():
            return ctx.t(
                f"Utviklingsplan for ansatt {r.employee_no} skrevet til {r.path} ({r.pages} sider).",
                f"Development plan of employee {r.employee_no} written to {r.path} ({r.pages} pages).",
            )
        case BatchResult():
            return ctx.t(
                f"{len(r.files)} utviklingsplaner ({r.pages} sider) skrevet til {r.out_dir}"
                + (f", samlet i {r.combined}" if r.combined else "")
                + ".",
                f"{len(r.files)} development plans ({r.pages} pages) written to {r.out_dir}"
                + (f", combined in {r.combined}" if r.combined else "")
                + ".",
            )
        case UnitPlanWorkbookResult():
            return ctx.t(
                f"Kompetanseplan skrevet til {r.path} ({r.people} ansatte, {r.targets} kompetansemål, "
                f"{r.measures} tiltak i år).",
                f"Unit competence plan written to {r.path} ({r.people} employees, {r.targets} competence "
                f"targets, {r.measures} measures this year).",
            )
        case FulltimeResult():
            return ctx.t(
                f"Heltidskultur skrevet til {r.path}: {r.people} personer i {r.units} enheter.",
                f"Full-time culture written to {r.path}: {r.people} people in {r.units} units.",
            )
        case UnitPlanResult():
            return ctx.t(
                f"Kompetanseplan skrevet til {r.path} ({r.pages} sider, {r.people} ansatte, "
                f"{r.activities} utviklingsmål).",
                f"Unit competence plan written to {r.path} ({r.pages} pages, {r.people} employees, "
                f"{r.activities} learning goals).",
            )
        case _:
            assert_never(r)


def run_import(ctx: CliContext) -> int:
    r = import_assessments(ctx.uow(), ctx.args.file, dry_run=ctx.args.dry_run, partial=ctx.args.partial)
    code = EXIT_REFUSED if r.refused_whole else 0
    if ctx.args.json:
        ctx.print_json(r.as_dict(ctx.lang))
        return code
    for change in r.changed:
        old = ctx.t("ikke vurdert", "not assessed") if change.old_level is None else str(change.old_level)
        ctx.print(
            ctx.t(
                f"Ark {change.cell}: {change.name} ({change.employee_no}), {change.competence}: "
                f"{old} → {change.new_label}",
                f"Sheet {change.cell}: {change.name} ({change.employee_no}), "
                f"{change.competence_name('en')}: {old} → {change.new_label}",
            )
        )
    for refusal in r.refused:
        ctx.print(refusal.message(ctx.lang))
    if r.refused_whole:
        summary = ctx.t(
            f"Ingenting er lagret: {len(r.refused)} celler kan ikke leses inn. Rett dem og les inn filen på "
            f"nytt, eller lagre de {len(r.changed)} andre med --partial.",
            f"Nothing was saved: {len(r.refused)} cells cannot be read in. Correct them and read the file "
            f"again, or save the {len(r.changed)} others with --partial.",
        )
    elif r.applied:
        summary = ctx.t(
            f"{len(r.changed)} nye vurderinger lagret, {len(r.refused)} celler avvist, {r.unchanged} uendret"
            f" ({r.already_registered} var allerede registrert).",
            f"{len(r.changed)} new assessments saved, {len(r.refused)} cells refused, {r.unchanged} unchanged"
            f" ({r.already_registered} were already registered).",
        )
    else:
        summary = ctx.t(
            f"Prøvekjøring: {len(r.changed)} vurderinger ville blitt lagret, {len(r.refused)} celler avvist. "
            "Ingenting er lagret.",
            f"Dry run: {len(r.changed)} assessments would be saved, {len(r.refused)} cells refused. "
            "Nothing was saved.",
        )
    ctx.print(summary)
    return code
