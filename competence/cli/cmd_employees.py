"""``employees [--unit NR] [--no-subunits] [--search TEXT] [--include-left] [--json]``: find people
and their employee numbers (the other commands take the number: ``export-plan``, ``export-person``...).

The search is the app's employee search (:func:`competence.search.find_employees`): every word must
occur in the number, the name, the e-mail, the units, the titles or the roles.
"""

from __future__ import annotations

import argparse
from typing import Any

from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.employees import EmployeeRow
from competence.lookup import unit_by_number
from competence.search import find_employees

#: Widest a name or unit column gets in the text listing (longer values are cut with "…").
MAX_COLUMN = 36


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "employees",
        parents=[common],
        help=h("finn ansatte og ansattnumrene deres", "find employees and their employee numbers"),
        description=h(
            "Lister de ansatte med ansattnummer, navn, enhet og stilling, sortert etter navn. Søket "
            "finner personer der hvert ord står i nummeret, navnet, e-posten, enheten, stillingen eller "
            "rollen, som søket i programmet.",
            "Lists the employees with employee number, name, unit and position, sorted by name. The "
            "search finds people where every word occurs in the number, the name, the e-mail, the unit, "
            "the position or the role, as the search in the app does.",
        ),
    )
    unit_option(p)
    no_subunits_option(p)
    p.add_argument(
        "--search",
        metavar=h("TEKST", "TEXT"),
        default="",
        help=h("bare de som passer til søket", "only those matching the search"),
    )
    p.add_argument(
        "--include-left",
        action="store_true",
        help=h("ta med de som har sluttet", "include those who have left"),
    )
    p.add_argument("--json", action="store_true", help=h("skriv en JSON-liste", "write a JSON list"))
    p.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    args = ctx.args
    uow = ctx.uow()
    with uow.reading():  # one snapshot: the unit and its people
        unit_id = unit_by_number(uow.session, args.unit).id if args.unit else None
        rows = find_employees(
            uow, args.search, unit_id=unit_id, subunits=not args.no_subunits, include_left=args.include_left
        )
    if args.json:
        ctx.print_json([_json(row) for row in rows])
        return 0
    _print_table(ctx, rows)
    return 0


def _json(row: EmployeeRow) -> dict[str, Any]:
    return {
        "employee_no": row.employee_no,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "units": row.units,
        "titles": row.titles,
        "roles": row.roles,
        "fte_percent": row.fte_total,
        "left_on": row.left_on.isoformat() if row.left_on else None,
    }


def _cut(text: str) -> str:
    return text if len(text) <= MAX_COLUMN else text[: MAX_COLUMN - 1] + "…"


def _print_table(ctx: CliContext, rows: list[EmployeeRow]) -> None:
    if not rows:
        ctx.print(ctx.t("Ingen ansatte passer.", "No employees match."))
        return
    header = (
        ctx.t("Ansattnr", "Employee no"),
        ctx.t("Navn", "Name"),
        ctx.t("Enhet", "Unit"),
        ctx.t("Stilling", "Position"),
    )
    lines = [
        (
            row.employee_no,
            _cut(row.sort_name) + (ctx.t(" (sluttet)", " (left)") if row.left_on else ""),
            _cut(row.units),
            row.titles,
        )
        for row in rows
    ]
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(3)]
    for line in (header, *lines):
        ctx.print(
            f"{line[0]:<{widths[0]}}  {line[1]:<{widths[1]}}  {line[2]:<{widths[2]}}  {line[3]}".rstrip()
        )
    count = len(rows)
    ctx.print(ctx.t(f"{count} ansatt" if count == 1 else f"{count} ansatte", f"{count} employee(s)"))
