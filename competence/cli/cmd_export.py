"""Exports and the assessment template's import (issue 4):

``export-matrix OUT.xlsx [--unit NR] [--subunits]``, ``export-gap OUT.xlsx [--unit NR]``,
``export-template OUT.xlsx --unit NR``, ``import-assessments FILE [--dry-run] [--json]``,
``export-plan EMPLOYEE_NO OUT.pdf``, ``export-plans --unit NR OUTDIR [--combined FILE]``,
``export-unit-plan --unit NR OUT.pdf``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from competence.cli import EXIT_REFUSED
from competence.cli.cmd_gap import parse_date
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, subunits_option, unit_option
from competence.export.excel.gap_report import export_gap_report
from competence.export.excel.matrix import export_matrix
from competence.export.excel.template import export_template
from competence.export.excel.template_import import import_assessments
from competence.export.pdf.batch import export_plans
from competence.export.pdf.plan import export_plan
from competence.export.pdf.unit_plan import export_unit_plan


def _out(value: str) -> Path:
    return Path(value).expanduser().resolve()


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "export-matrix",
        parents=[common],
        help=h("kompetansematrise som Excel-arbeidsbok", "competence matrix as an Excel workbook"),
    )
    p.add_argument("out", type=_out, metavar=h("UTFIL.xlsx", "OUT.xlsx"))
    unit_option(p)
    subunits_option(p)
    p.set_defaults(handler=run_matrix)

    p = subparsers.add_parser(
        "export-gap",
        parents=[common],
        help=h("avviksrapport som Excel-arbeidsbok", "gap report as an Excel workbook"),
    )
    p.add_argument("out", type=_out, metavar=h("UTFIL.xlsx", "OUT.xlsx"))
    unit_option(p)
    no_subunits_option(p)
    p.set_defaults(handler=run_gap)

    p = subparsers.add_parser(
        "export-template",
        parents=[common],
        help=h(
            "vurderingsmal for en enhet, til utfylling i Excel",
            "assessment template for a unit, to fill in in Excel",
        ),
    )
    p.add_argument("out", type=_out, metavar=h("UTFIL.xlsx", "OUT.xlsx"))
    unit_option(p, required=True)
    subunits_option(p)
    p.set_defaults(handler=run_template)

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

    p = subparsers.add_parser(
        "export-plan",
        parents=[common],
        help=h("individuell utviklingsplan som PDF", "individual development plan as PDF"),
    )
    p.add_argument(
        "employee_no", metavar=h("ANSATTNR", "EMPLOYEE_NO"), help=h("ansattnummer", "employee number")
    )
    p.add_argument("out", type=_out, metavar=h("UTFIL.pdf", "OUT.pdf"))
    p.add_argument(
        "--talk-date",
        metavar=h("DATO", "DATE"),
        help=h("dato for samtalen (standard: i dag)", "date of the talk (default: today)"),
    )
    p.set_defaults(handler=run_plan)

    p = subparsers.add_parser(
        "export-plans",
        parents=[common],
        help=h(
            "utviklingsplaner for alle i en enhet (én PDF per ansatt)",
            "development plans for everyone in a unit (one PDF per employee)",
        ),
    )
    p.add_argument("outdir", type=_out, metavar=h("UTMAPPE", "OUTDIR"))
    unit_option(p, required=True)
    p.add_argument(
        "--combined",
        type=_out,
        metavar=h("FIL", "FILE"),
        help=h("skriv også alle planene i én PDF", "also write all the plans into one PDF"),
    )
    subunits_option(p)
    p.add_argument(
        "--talk-date",
        metavar=h("DATO", "DATE"),
        help=h("dato for samtalene (standard: i dag)", "date of the talks (default: today)"),
    )
    p.set_defaults(handler=run_plans)

    p = subparsers.add_parser(
        "export-unit-plan",
        parents=[common],
        help=h("kompetanseplan for en enhet som PDF", "a unit's competence plan as PDF"),
    )
    p.add_argument("out", type=_out, metavar=h("UTFIL.pdf", "OUT.pdf"))
    unit_option(p, required=True)
    no_subunits_option(p)
    p.set_defaults(handler=run_unit_plan)


def run_matrix(ctx: CliContext) -> int:
    r = export_matrix(
        ctx.uow(), ctx.args.out, unit_number=ctx.args.unit, subunits=ctx.args.subunits, lang=ctx.lang
    )
    ctx.print(
        ctx.t(
            f"Kompetansematrise skrevet til {r.path}: {r.people} ansatte × {r.competences} kompetanser "
            f"({r.not_assessed} ikke vurdert).",
            f"Competence matrix written to {r.path}: {r.people} employees × {r.competences} competences "
            f"({r.not_assessed} not assessed).",
        )
    )
    return 0


def run_gap(ctx: CliContext) -> int:
    r = export_gap_report(
        ctx.uow(), ctx.args.out, unit_number=ctx.args.unit, subunits=not ctx.args.no_subunits, lang=ctx.lang
    )
    ctx.print(
        ctx.t(
            f"Avviksrapport skrevet til {r.path}: {r.units} enheter, {r.vulnerable} sårbare kompetanser, "
            f"{r.certificates} sertifikatvarsler, {r.goals} utviklingsmål.",
            f"Gap report written to {r.path}: {r.units} units, {r.vulnerable} vulnerable competences, "
            f"{r.certificates} certificate alerts, {r.goals} learning goals.",
        )
    )
    return 0


def run_template(ctx: CliContext) -> int:
    r = export_template(
        ctx.uow(), ctx.args.out, unit_number=ctx.args.unit, subunits=ctx.args.subunits, lang=ctx.lang
    )
    ctx.print(
        ctx.t(
            f"Vurderingsmal skrevet til {r.path}: {r.people} ansatte × {r.competences} kompetanser.",
            f"Assessment template written to {r.path}: {r.people} employees × {r.competences} competences.",
        )
    )
    return 0


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


def run_plan(ctx: CliContext) -> int:
    talk_on = parse_date(ctx.args.talk_date) if ctx.args.talk_date else None
    r = export_plan(ctx.uow(), ctx.args.employee_no, ctx.args.out, talk_on=talk_on, lang=ctx.lang)
    ctx.print(
        ctx.t(
            f"Utviklingsplan for ansatt {r.employee_no} skrevet til {r.path} ({r.pages} sider).",
            f"Development plan of employee {r.employee_no} written to {r.path} ({r.pages} pages).",
        )
    )
    return 0


def run_plans(ctx: CliContext) -> int:
    talk_on = parse_date(ctx.args.talk_date) if ctx.args.talk_date else None
    show = sys.stderr.isatty()

    def progress(done: int, total: int, message: str = "") -> None:
        if show:
            print(f"\r{message}", end="" if done < total else "\n", file=ctx.err, flush=True)

    r = export_plans(
        ctx.uow(),
        ctx.args.unit,
        ctx.args.outdir,
        combined=ctx.args.combined,
        subunits=ctx.args.subunits,
        talk_on=talk_on,
        progress=progress,
        lang=ctx.lang,
    )
    ctx.print(
        ctx.t(
            f"{len(r.files)} utviklingsplaner ({r.pages} sider) skrevet til {r.out_dir}"
            + (f", samlet i {r.combined}" if r.combined else "")
            + ".",
            f"{len(r.files)} development plans ({r.pages} pages) written to {r.out_dir}"
            + (f", combined in {r.combined}" if r.combined else "")
            + ".",
        )
    )
    return 0


def run_unit_plan(ctx: CliContext) -> int:
    r = export_unit_plan(
        ctx.uow(), ctx.args.unit, ctx.args.out, subunits=not ctx.args.no_subunits, lang=ctx.lang
    )
    ctx.print(
        ctx.t(
            f"Kompetanseplan skrevet til {r.path} ({r.pages} sider, {r.people} ansatte, "
            f"{r.activities} tiltak).",
            f"Unit competence plan written to {r.path} ({r.pages} pages, {r.people} employees, "
            f"{r.activities} activities).",
        )
    )
    return 0
