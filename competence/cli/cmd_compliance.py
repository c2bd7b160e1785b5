"""``compliance [--unit NR] [--no-subunits] [--at DATE] [--json]``: per unit, each person lacking a
mandatory course or qualification, with since when and the deadline (docs/compliance.md)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from competence.cli.cmd_gap import parse_date
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.compliance.report import ComplianceReport, compliance_report
from competence.export.excel.compliance import scope_label, summary_line
from competence.language import format_date
from competence.numbers import format_int


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "compliance",
        parents=[common],
        help=h(
            "hvem som mangler lovpålagt opplæring eller en påkrevd kvalifikasjon",
            "who lacks mandatory training or a required qualification",
        ),
        description=h(
            "Per enhet: hver person som mangler et obligatorisk kurs eller en obligatorisk kvalifikasjon "
            "rollen krever, med hvor lenge det har manglet og fristen. «Forfalt» når fristen er passert. "
            "Til slutt stillinger som hviler på en dispensasjon.",
            "Per unit: each person lacking a mandatory course or qualification their role requires, with "
            'since when and the deadline. "Overdue" once the deadline has passed. Last, posts that rest on '
            "a dispensation.",
        ),
    )
    unit_option(p)
    no_subunits_option(p)
    p.add_argument(
        "--at",
        metavar=h("DATO", "DATE"),
        help=h("slik det var på en dato (dd.mm.åååå)", "as it was on a date (dd.mm.yyyy)"),
    )
    p.add_argument("--json", action="store_true", help=h("skriv ett JSON-objekt", "write one JSON object"))
    p.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    args = ctx.args
    report = compliance_report(
        ctx.uow(),
        unit_number=args.unit,
        subunits=not args.no_subunits,
        at=parse_date(args.at) if args.at else None,
    )
    if args.json:
        ctx.print_json(report_json(report, ctx.lang))
    else:
        print_text(ctx, report)
    return 0


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def report_json(report: ComplianceReport, lang: str) -> dict[str, Any]:
    return {
        "at": report.at.isoformat(),
        "unit": report.unit_number,
        "people": report.people,
        "people_bound": report.people_bound,
        "people_lacking": report.people_lacking,
        "people_compliant": report.people_compliant,
        "overdue": report.overdue,
        "units": [
            {
                "number": number,
                "name": name,
                "lacking": [
                    {
                        "employee_no": r.employee_no,
                        "name": r.name,
                        "requirement": r.requirement_display(lang),
                        "kind": r.kind.value,
                        "kind_text": r.kind.label(lang),
                        "status": r.status.value,
                        "status_text": r.status.label(lang),
                        "since": _iso(r.since),
                        "deadline": _iso(r.deadline),
                        "expired_on": _iso(r.expired_on),
                    }
                    for r in rows
                ],
            }
            for number, name, rows in report.by_unit()
        ],
        "dispensations": [
            {
                "unit": d.unit_number,
                "employee_no": d.employee_no,
                "name": d.name,
                "qualification": d.qualification_display(lang),
                "ends_on": d.ends_on.isoformat(),
                "granted_by": d.granted_by,
            }
            for d in report.dispensations
        ],
    }


def print_text(ctx: CliContext, report: ComplianceReport) -> None:
    lang = ctx.lang
    ctx.print(
        ctx.t(
            "Lovpålagte krav per {date}, {where}: {summary}",
            "Mandatory requirements on {date}, {where}: {summary}",
        ).format(
            date=format_date(report.at, lang),
            where=scope_label(report, lang),
            summary=summary_line(report, lang),
        )
    )
    for number, name, rows in report.by_unit():
        ctx.print()
        ctx.print(f"{number} {name}")
        for r in rows:
            deadline = (
                ctx.t("frist {date}", "deadline {date}").format(date=format_date(r.deadline, lang))
                if r.deadline
                else ctx.t("ingen frist", "no deadline")
            )
            since = format_date(r.since, lang) if r.since else ctx.t("ukjent", "unknown")
            ctx.print(
                f"  {r.status.label(lang):<9} {r.employee_no:>8}  {r.name}: {r.requirement_display(lang)} "
                + ctx.t("(siden {since}, {deadline})", "(since {since}, {deadline})").format(
                    since=since, deadline=deadline
                )
            )
    if report.dispensations:
        ctx.print()
        ctx.print(
            ctx.t("Dispensasjoner ({n}):", "Dispensations ({n}):").format(
                n=format_int(len(report.dispensations), lang)
            )
        )
        for d in report.dispensations:
            ctx.print(
                f"  {d.unit_number:<8} {d.employee_no:>8}  {d.name}: {d.qualification_display(lang)} "
                + ctx.t("til {date}", "until {date}").format(date=format_date(d.ends_on, lang))
            )
