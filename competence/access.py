"""Who reaches what on a shared PostgreSQL register (DESIGN §9).

The municipality's database administrator creates a login per person (``CREATE ROLE kari LOGIN
...``); HR then registers it here as ``hr`` (the whole register) or as ``leader`` linked to the
employee record of the unit leader, and it is granted the table privileges the app needs. The rules
themselves live in the database (row-level security, migration 0002): a leader's login reaches the
people in the units they lead and below, their direct reports and themselves, whatever program
connects with it. A login that is not registered reaches no person. The role that owns the tables
(the one that runs the migrations) is not subject to the rules, as PostgreSQL does for owners.

A local SQLite register has one user, its owner, and no accounts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import NotFoundError, ValidationError
from competence.lookup import employee_by_no
from competence.uow import UnitOfWork
from db.models import Employee, RegisterAccount

KINDS = ("hr", "leader")
#: What a registered login may do with the tables (the rows it reaches are the policies' business),
#: now and, through the default privileges, in tables later migrations add.
_PRIVILEGES = (
    "{verb} SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public {to} {login}",
    "{verb} USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public {to} {login}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public {verb} SELECT, INSERT, UPDATE, DELETE ON TABLES {to} {login}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public {verb} USAGE, SELECT ON SEQUENCES {to} {login}",
)


@dataclass(frozen=True)
class AccountView:
    login: str
    kind: str
    employee_no: str | None
    created_at: dt.datetime


def list_accounts(uow: UnitOfWork) -> list[AccountView]:
    with uow:
        _require_shared(uow.session)
        rows = uow.session.execute(
            select(RegisterAccount, Employee.shown_no)
            .outerjoin(Employee, Employee.id == RegisterAccount.employee_id)
            .order_by(RegisterAccount.login)
        ).all()
        return [AccountView(a.login, a.kind, no, a.created_at) for a, no in rows]


def grant_access(uow: UnitOfWork, login: str, kind: str, employee_no: str | None = None) -> AccountView:
    """Register ``login`` as ``hr`` or as ``leader`` for the employee ``employee_no``, and grant it
    what the app needs; an account already registered is changed. Audited."""
    if kind not in KINDS:
        raise ValidationError(
            "Tilgangen må være «hr» eller «leader».", "The access must be 'hr' or 'leader'.", field="kind"
        )
    if kind == "leader" and not employee_no:
        raise ValidationError(
            "En enhetsleder må kobles til sitt ansattnummer.",
            "A unit leader must be linked to their employee number.",
            field="employee_no",
        )
    with uow:
        s = uow.session
        _require_shared(s)
        name = _existing_login(s, login)
        employee = employee_by_no(s, employee_no) if kind == "leader" and employee_no else None
        account = s.scalar(select(RegisterAccount).where(RegisterAccount.login == name))
        if account is None:
            account = RegisterAccount(login=name, kind=kind)
            s.add(account)
        account.kind = kind
        account.employee_id = employee.id if employee is not None else None
        quoted = s.connection().dialect.identifier_preparer.quote(name)
        for statement in _PRIVILEGES:
            s.execute(text(statement.format(verb="GRANT", to="TO", login=quoted)))
        s.flush()
        audit.record(
            s,
            uow.actor,
            "access",
            entity="register_account",
            entity_id=account.id,
            employee_no=employee.employee_no if employee is not None else None,
            login=name,
            kind=kind,
        )
        view = AccountView(name, kind, employee.employee_no if employee else None, account.created_at)
        uow.commit()
        return view


def revoke_access(uow: UnitOfWork, login: str) -> None:
    """Take the account out of the register and take back its privileges. Audited."""
    with uow:
        s = uow.session
        _require_shared(s)
        account = s.scalar(select(RegisterAccount).where(RegisterAccount.login == login))
        if account is None:
            raise NotFoundError("tilgang for innloggingen", "Access for the login", login)
        quoted = s.connection().dialect.identifier_preparer.quote(login)
        if s.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login}):
            for statement in _PRIVILEGES:
                s.execute(text(statement.format(verb="REVOKE", to="FROM", login=quoted)))
        audit.record(
            s, uow.actor, "access", entity="register_account", entity_id=account.id, login=login, kind=None
        )
        s.delete(account)
        uow.commit()


def _require_shared(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        raise ValidationError(
            "Tilganger gjelder bare et felles register på en PostgreSQL-server. Et lokalt register "
            "har én bruker: den som eier filen.",
            "Access applies only to a shared register on a PostgreSQL server. A local register has "
            "one user: the owner of the file.",
            code="not_shared",
        )


def _existing_login(session: Session, login: str) -> str:
    name = login.strip()
    if not name or not session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}):
        raise ValidationError(
            f"Databaseserveren har ingen innlogging som heter «{name}». Be databaseansvarlig opprette "
            "den først (CREATE ROLE ... LOGIN).",
            f"The database server has no login named '{name}'. Ask the database administrator to "
            "create it first (CREATE ROLE ... LOGIN).",
            field="login",
        )
    return name
