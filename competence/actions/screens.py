"""Loading the screens that list the register: the employee list with its filters, the frameworks
and roles, and what the reports can be made for. Each is one reading unit of work."""

from __future__ import annotations

from dataclasses import dataclass

from competence.access import AccountView, MyAccess, candidate_logins, list_accounts, my_access
from competence.employees import EmployeeRow, list_employees
from competence.frameworks.queries import FrameworkSummary, FrameworkTree, framework_tree, list_frameworks
from competence.qualifications import QualificationView, list_qualifications
from competence.roles import RoleView, list_roles
from competence.search import CompetenceOption, competence_options
from competence.units import UnitView, list_units
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class EmployeeList:
    """Everyone (also those who have left), and what the list's filters offer."""

    employees: tuple[EmployeeRow, ...]
    units: tuple[UnitView, ...]
    roles: tuple[RoleView, ...]
    competences: tuple[CompetenceOption, ...]


def load_employee_list(uow: UnitOfWork) -> EmployeeList:
    with uow.reading():
        return EmployeeList(
            tuple(list_employees(uow, include_left=True)),
            tuple(list_units(uow)),
            tuple(list_roles(uow)),
            tuple(competence_options(uow)),
        )


@dataclass(frozen=True)
class FrameworksScreen:
    frameworks: tuple[FrameworkSummary, ...]
    #: the tree of the framework shown (None: there are no frameworks)
    tree: FrameworkTree | None
    roles: tuple[RoleView, ...]
    options: tuple[CompetenceOption, ...]
    #: the catalogue of formal qualifications (docs/compliance.md)
    qualifications: tuple[QualificationView, ...] = ()


def load_frameworks_screen(uow: UnitOfWork, framework_id: int | None) -> FrameworksScreen:
    """The frameworks, roles and competences, with the tree of ``framework_id`` (or of the first
    framework, when that one is gone or none was chosen)."""
    with uow.reading():
        frameworks = tuple(list_frameworks(uow))
        ids = [f.id for f in frameworks]
        chosen = framework_id if framework_id in ids else (ids[0] if ids else None)
        tree = framework_tree(uow, chosen) if chosen is not None else None
        return FrameworksScreen(
            frameworks,
            tree,
            tuple(list_roles(uow)),
            tuple(competence_options(uow)),
            tuple(list_qualifications(uow)),
        )


@dataclass(frozen=True)
class ReportChoices:
    """The units and the people (still employed) a report can be made for."""

    units: tuple[UnitView, ...]
    people: tuple[EmployeeRow, ...]


def load_report_choices(uow: UnitOfWork) -> ReportChoices:
    with uow.reading():
        return ReportChoices(tuple(list_units(uow)), tuple(list_employees(uow)))


@dataclass(frozen=True)
class AccessScreen:
    """Who reaches what on a shared register: the user's own access, the logins registered, and,
    for someone who may give access, the server's logins and the people to choose a leader from."""

    me: MyAccess | None
    accounts: tuple[AccountView, ...]
    candidates: tuple[str, ...]
    people: tuple[EmployeeRow, ...]


def load_access_screen(uow: UnitOfWork) -> AccessScreen:
    with uow.reading():
        me = my_access(uow)
        accounts = tuple(list_accounts(uow))
        if me is None or not me.manages_accounts:
            return AccessScreen(me, accounts, (), ())
        return AccessScreen(me, accounts, tuple(candidate_logins(uow)), tuple(list_employees(uow)))
