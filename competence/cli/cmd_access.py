"""``access list|grant|revoke``: who reaches what on a shared PostgreSQL register."""

from __future__ import annotations

import argparse
from typing import Any

from competence.access import grant_access, list_accounts, revoke_access
from competence.cli.context import CliContext
from competence.cli.lang import h
from db.codes import AccountKind


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "access",
        parents=[common],
        help=h(
            "tilgang til et felles PostgreSQL-register: HR ser alt, en enhetsleder sine enheter",
            "access to a shared PostgreSQL register: HR sees everything, a unit leader their units",
        ),
    )
    actions = p.add_subparsers(dest="access_command", metavar=h("HANDLING", "ACTION"))
    actions.required = True
    shown = actions.add_parser(
        "list", parents=[common], help=h("vis registrerte innlogginger", "list the registered logins")
    )
    shown.set_defaults(handler=run_list)
    grant = actions.add_parser(
        "grant",
        parents=[common],
        help=h(
            "gi en innlogging tilgang (den må finnes på serveren)",
            "give a login access (it must exist on the server)",
        ),
    )
    grant.add_argument(
        "login",
        metavar=h("INNLOGGING", "LOGIN"),
        help=h("innloggingen (rollen) på databaseserveren", "the login (role) on the database server"),
    )
    who = grant.add_mutually_exclusive_group(required=True)
    who.add_argument("--hr", action="store_true", help=h("hele registeret", "the whole register"))
    who.add_argument(
        "--leader",
        metavar=h("ANSATTNR", "EMPLOYEE_NO"),
        help=h(
            "enhetsleder: personene i enhetene den med dette ansattnummeret leder",
            "unit leader: the people in the units led by the person with this employee number",
        ),
    )
    grant.set_defaults(handler=run_grant)
    revoke = actions.add_parser(
        "revoke",
        parents=[common],
        help=h("ta bort tilgangen til en innlogging", "take away a login's access"),
    )
    revoke.add_argument("login", metavar=h("INNLOGGING", "LOGIN"))
    revoke.set_defaults(handler=run_revoke)


def run_list(ctx: CliContext) -> int:
    accounts = list_accounts(ctx.uow())
    if not accounts:
        ctx.print(ctx.t("Ingen innlogginger er registrert.", "No logins are registered."))
    for a in accounts:
        reach = (
            ctx.t("hele registeret", "the whole register")
            if a.kind == AccountKind.HR
            else ctx.t(f"enhetsleder, ansattnr {a.employee_no}", f"unit leader, employee {a.employee_no}")
        )
        ctx.print(f"{a.login}\t{reach}")
    return 0


def run_grant(ctx: CliContext) -> int:
    kind = AccountKind.HR if ctx.args.hr else AccountKind.LEADER
    account = grant_access(ctx.uow(), ctx.args.login, kind, ctx.args.leader)
    if kind == AccountKind.HR:
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
