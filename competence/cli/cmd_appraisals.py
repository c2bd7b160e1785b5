"""``appraisals-due [--unit NR] [--no-subunits] [--at DATE] [--all] [--json]``: the people whose
medarbeidersamtale is overdue or due soon (docs/compliance.md), the longest overdue first."""

from __future__ import annotations

import argparse
from typing import Any

from competence.cli.cmd_gap import parse_date
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.language import format_date
from competence.numbers import format_int
from competence.talk_cycle import TalksDue, appraisals_due


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "appraisals-due",
        parents=[common],
        help=h(
            "hvem som skal ha medarbeidersamtale: forfalt eller snart",
            "who is due an appraisal talk: overdue or soon",
        ),
        description=h(
            "Neste medarbeidersamtale forfaller et fast antall måneder etter den forrige (Innstillinger, "
            "12 måneder som standard), eller etter at personen begynte. Listen viser dem som har forfalt "
            "og dem som forfaller innen varselet.",
            "The next appraisal talk falls due a set number of months after the last (Settings, 12 months "
            "by default), or after the person started. The list shows those overdue and those due within "
            "the warning.",
        ),
    )
    unit_option(p)
    no_subunits_option(p)
    p.add_argument(
        "--at",
        metavar=h("DATO", "DATE"),
        help=h(
            "slik det var eller blir på en dato (dd.mm.åååå)", "as it was or will be on a date (dd.mm.yyyy)"
        ),
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=h("alle, også de som er i rute", "everyone, also those on schedule"),
    )
    p.add_argument("--json", action="store_true", help=h("skriv ett JSON-objekt", "write one JSON object"))
    p.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    args = ctx.args
    due = appraisals_due(
        ctx.uow(),
        unit_number=args.unit,
        subunits=not args.no_subunits,
        at=parse_date(args.at) if args.at else None,
        everyone=args.all,
    )
    if args.json:
        ctx.print_json(due_json(due, ctx.lang))
    else:
        print_text(ctx, due)
    return 0


def due_json(due: TalksDue, lang: str) -> dict[str, Any]:
    return {
        "at": due.at.isoformat(),
        "unit": due.unit_number,
        "interval_months": due.interval_months,
        "warning_days": due.warning_days,
        "people": due.people,
        "overdue": due.overdue,
        "due_soon": due.due_soon,
        "talks": [
            {
                "employee_no": s.employee_no,
                "name": s.name,
                "units": s.units,
                "status": s.status.value,
                "status_text": s.status.label(lang),
                "last_talk": s.last_held.isoformat() if s.last_held else None,
                "last_leader": s.last_leader,
                "due_on": s.due_on.isoformat() if s.due_on else None,
                "days_overdue": s.days_overdue(due.at),
            }
            for s in due.standings
        ],
    }


def print_text(ctx: CliContext, due: TalksDue) -> None:
    lang = ctx.lang
    where = (
        f"{due.unit_number} {due.unit_name}"
        if due.unit_number
        else ctx.t("hele kommunen", "the whole municipality")
    )
    ctx.print(
        ctx.t(
            "Medarbeidersamtaler per {date}, {where}: {people} personer, {overdue} forfalt, {soon} forfaller "
            "innen {days} dager (hver {months}. måned).",
            "Appraisal talks as of {date}, {where}: {people} people, {overdue} overdue, {soon} due within "
            "{days} days (every {months} months).",
        ).format(
            date=format_date(due.at, lang),
            where=where,
            people=format_int(due.people, lang),
            overdue=format_int(due.overdue, lang),
            soon=format_int(due.due_soon, lang),
            days=format_int(due.warning_days, lang),
            months=format_int(due.interval_months, lang),
        )
    )
    never = ctx.t("ingen registrert", "none recorded")
    unknown = ctx.t("nå (startdato ukjent)", "now (start date unknown)")
    for s in due.standings:
        last = format_date(s.last_held, lang) if s.last_held else never
        due_on = format_date(s.due_on, lang) if s.due_on else unknown
        ctx.print(
            f"  {s.status.label(lang):<16} {due_on:<12} {s.employee_no:>8}  {s.name}  "
            + ctx.t(f"(sist: {last}; {s.units})", f"(last: {last}; {s.units})")
        )
