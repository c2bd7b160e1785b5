"""Who reaches what on a shared PostgreSQL register (``docs/security.md``).

The municipality's database administrator creates a login per person (``CREATE ROLE kari LOGIN
...``); HR then registers it here as ``hr`` (the whole register) or as ``leader`` linked to the
employee record of the unit leader. The database does the rest (migration 0003): a trigger on
``register_account`` grants the login exactly the table privileges its kind holds and takes them
back when the account goes, and row-level security decides the rows: a leader's login reaches the
people in the units they lead and below, their direct reports and themselves, whatever program
connects with it. A login that is not registered reaches nothing. The role that owns the tables
(the one that runs the migrations) is not subject to the rules, as PostgreSQL does for owners.

A local SQLite register has one user, its owner, and no accounts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import today
from competence.errors import NotFoundError, ValidationError
from competence.lookup import employee_by_no
from competence.uow import UnitOfWork
from db.codes import AccountKind
from db.errors import AccessDeniedError, translate_db_error
from db.models import Employee, OrgUnit, RegisterAccount

#: What :func:`my_access` calls the role of the table owner, and of a login with no account.
OWNER, NO_ACCESS = "owner", "none"


@dataclass(frozen=True)
class AccountView:
    login: str
    kind: str
    employee_no: str | None
    created_at: dt.datetime
    #: "Etternavn, Fornavn" of a leader's person.
    employee_name: str | None = None


def list_accounts(uow: UnitOfWork) -> list[AccountView]:
    with uow:
        _require_shared(uow.session)
        rows = uow.session.execute(
            select(RegisterAccount, Employee.shown_no, Employee.last_name, Employee.first_name)
            .outerjoin(Employee, Employee.id == RegisterAccount.employee_id)
            .order_by(RegisterAccount.login)
        ).all()
        return [
            AccountView(a.login, a.kind, no, a.created_at, f"{last}, {first}" if no else None)
            for a, no, last, first in rows
        ]


def grant_access(uow: UnitOfWork, login: str, kind: str, employee_no: str | None = None) -> AccountView:
    """Register ``login`` as ``hr`` or as ``leader`` for the employee ``employee_no``; the database
    grants it what its kind holds. An account already registered is changed. Audited."""
    if AccountKind.known(kind) is None:
        raise ValidationError(
            "Tilgangen må være «hr» eller «leader».", "The access must be 'hr' or 'leader'.", field="kind"
        )
    if kind == AccountKind.LEADER and not employee_no:
        raise ValidationError(
            "En enhetsleder må kobles til sitt ansattnummer.",
            "A unit leader must be linked to their employee number.",
            field="employee_no",
        )
    with uow:
        s = uow.session
        _require_shared(s)
        name = _existing_login(s, login)
        employee = employee_by_no(s, employee_no) if kind == AccountKind.LEADER and employee_no else None
        account = s.scalar(select(RegisterAccount).where(RegisterAccount.login == name))
        if account is None:
            account = RegisterAccount(login=name, kind=kind)
            s.add(account)
        account.kind = kind
        account.employee_id = employee.id if employee is not None else None
        s.flush()  # the database's trigger grants the login what its kind holds (docs/security.md)
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
        view = AccountView(
            name,
            kind,
            employee.employee_no if employee else None,
            account.created_at,
            f"{employee.last_name}, {employee.first_name}" if employee else None,
        )
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
        audit.record(
            s, uow.actor, "access", entity="register_account", entity_id=account.id, login=login, kind=None
        )
        s.delete(account)  # and the database's trigger takes back the login's privileges
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
    """The login, checked: a role on the server that can log in and is subject to the rules."""
    name = login.strip()
    role = (
        session.execute(
            text(
                "SELECT r.rolcanlogin, r.rolsuper OR r.rolbypassrls, "
                f"pg_has_role(r.oid, ({_OWNER_OID}), 'MEMBER') FROM pg_roles r WHERE r.rolname = :name"
            ),
            {"name": name},
        ).first()
        if name
        else None
    )
    if role is None:
        raise ValidationError(
            f"Databaseserveren har ingen innlogging som heter «{name}». Be databaseansvarlig opprette "
            "den først (CREATE ROLE ... LOGIN).",
            f"The database server has no login named '{name}'. Ask the database administrator to "
            "create it first (CREATE ROLE ... LOGIN).",
            field="login",
        )
    can_login, above_rules, owner = role
    if not can_login:
        raise ValidationError(
            f"«{name}» er en gruppe på databaseserveren, ikke en innlogging. Tilgang gis til "
            "personens egen innlogging.",
            f"'{name}' is a group on the database server, not a login. Access is given to the "
            "person's own login.",
            field="login",
        )
    if above_rules or owner:
        raise ValidationError(
            f"«{name}» eier registeret eller er superbruker på serveren, og når alt uansett. Tilgang "
            "gis til personlige innlogginger.",
            f"'{name}' owns the register or is a superuser on the server, and reaches everything "
            "anyway. Access is given to personal logins.",
            field="login",
        )
    return name


#: The role that owns the register's tables.
_OWNER_OID = "SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.employee'::regclass"


@dataclass(frozen=True)
class LedUnit:
    number: str
    name: str


@dataclass(frozen=True)
class MyAccess:
    """What the login the app is connected with reaches (the status bar says it)."""

    login: str
    #: ``hr``, ``leader``, :data:`OWNER` (the tables' owner) or :data:`NO_ACCESS`.
    kind: str
    #: The units a leader leads (the units below them are reached too).
    units: tuple[LedUnit, ...] = ()
    #: How many people (still employed) the login reaches.
    people: int = 0

    @property
    def whole_register(self) -> bool:
        return self.kind in (AccountKind.HR, OWNER)

    @property
    def manages_accounts(self) -> bool:
        return self.whole_register


def my_access(uow: UnitOfWork) -> MyAccess | None:
    """What this login reaches on a shared register; None for a local file (one user, everything)."""
    if uow.dialect != "postgresql":
        return None
    with uow:
        s = uow.session
        login, owner = s.execute(
            text(f"SELECT session_user, pg_has_role(session_user, ({_OWNER_OID}), 'USAGE')")
        ).one()
        if owner:
            kind: str = OWNER
        else:
            try:
                kind = (
                    s.scalar(select(RegisterAccount.kind).where(RegisterAccount.login == login)) or NO_ACCESS
                )
            except DBAPIError as exc:
                if not isinstance(translate_db_error(exc), AccessDeniedError):
                    raise
                return MyAccess(str(login), NO_ACCESS)
        employed = (Employee.left_on.is_(None)) | (Employee.left_on > today())
        people = int(s.scalar(select(func.count()).select_from(Employee).where(employed)) or 0)
        units: tuple[LedUnit, ...] = ()
        if kind == AccountKind.LEADER:
            me = select(RegisterAccount.employee_id).where(RegisterAccount.login == login).scalar_subquery()
            units = tuple(
                LedUnit(number, name)
                for number, name in s.execute(
                    select(OrgUnit.number, OrgUnit.name)
                    .where(OrgUnit.leader_id == me, OrgUnit.closed_on.is_(None))
                    .order_by(OrgUnit.number)
                )
            )
        return MyAccess(str(login), kind, units, people)


def candidate_logins(uow: UnitOfWork) -> list[str]:
    """Logins on the server that could be given access: personal logins with no account yet."""
    with uow:
        _require_shared(uow.session)
        registered = set(uow.session.scalars(select(RegisterAccount.login)))
        names = uow.session.scalars(
            text(
                "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND NOT r.rolsuper "
                f"AND NOT r.rolbypassrls AND NOT pg_has_role(r.oid, ({_OWNER_OID}), 'MEMBER') "
                "AND r.rolname NOT LIKE 'pg\\_%' ORDER BY r.rolname"
            )
        )
        return [str(n) for n in names if n not in registered]
