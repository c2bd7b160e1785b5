"""``access list|grant|revoke``: who reaches what on a shared PostgreSQL register."""

from __future__ import annotations

import argparse
from typing import Any

from competence.access import grant_access, list_accounts, revoke_access
from competence.cli.context import CliContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "access",
        parents=[common],
        help="tilgang til et felles PostgreSQL-register: HR ser alt, en enhetsleder sine enheter",
    )
    actions = p.add_subparsers(dest="access_command", metavar="HANDLING")
    actions.required = True
    shown = actions.add_parser("list", parents=[common], help="vis registrerte innlogginger")
    shown.set_defaults(handler=run_list)
    grant = actions.add_parser(
        "grant", parents=[common], help="gi en innlogging tilgang (den må finnes på serveren)"
    )
    grant.add_argument("login", metavar="LOGIN", help="innloggingen (rollen) på databaseserveren")
    who = grant.add_mutually_exclusive_group(required=True)
    who.add_argument("--hr", action="store_true", help="hele registeret")
    who.add_argument(
        "--leader",
        metavar="ANSATTNR",
        help="enhetsleder: personene i enhetene den med dette ansattnummeret leder",
    )
    grant.set_defaults(handler=run_grant)
    revoke = actions.add_parser("revoke", parents=[common], help="ta bort tilgangen til en innlogging")
    revoke.add_argument("login", metavar="LOGIN")
    revoke.set_defaults(handler=run_revoke)


def run_list(ctx: CliContext) -> int:
    accounts = list_accounts(ctx.uow())
    if not accounts:
        ctx.print(ctx.t("Ingen innlogginger er registrert.", "No logins are registered."))
    for a in accounts:
        reach = (
            ctx.t("hele registeret", "the whole register")
            if a.kind == "hr"
            else ctx.t(f"enhetsleder, ansattnr {a.employee_no}", f"unit leader, employee {a.employee_no}")
        )
        ctx.print(f"{a.login}\t{reach}")
    return 0


def run_grant(ctx: CliContext) -> int:
    kind = "hr" if ctx.args.hr else "leader"
    account = grant_access(ctx.uow(), ctx.args.login, kind, ctx.args.leader)
    if kind == "hr":
        done_nb = f"{account.login} når nå hele registeret."
        ctx.print(ctx.t(done_nb, f"{account.login} now reaches the whole register."))
    else:
        ctx.print(
            ctx.t(
                f"{account.login} når nå personene i enhetene ansattnr {account.employee_no} leder.",
                f"{account.login} now reaches the people in the units employee {account.employee_no} leads.",
            )
        )
    return 0


def run_revoke(ctx: CliContext) -> int:
    revoke_access(ctx.uow(), ctx.args.login)
    ctx.print(ctx.t(f"{ctx.args.login} har ikke lenger tilgang.", f"{ctx.args.login} no longer has access."))
    return 0
