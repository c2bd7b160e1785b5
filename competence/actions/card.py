"""Opening the employee card: the person, their competence profile, goals, certificates and talks,
and the lists the card's dialogs pick from, all read from one snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from competence.appraisals import AppraisalView, appraisals_of
from competence.certificates import CertificateView, certificates_of
from competence.compliance.card import ComplianceCard, compliance_card
from competence.employees import EmployeeDetail, EmployeeRow, get_employee, list_employees
from competence.gap import EmployeeProfile, employee_profile
from competence.goals import GoalView, goals_of
from competence.roles import RoleView, list_roles
from competence.search import CompetenceOption, competence_options
from competence.settings import get_settings
from competence.units import UnitView, list_units
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class Lookups:
    """Lists the card's dialogs pick from, loaded with the card."""

    units: tuple[UnitView, ...]
    roles: tuple[RoleView, ...]
    competences: tuple[CompetenceOption, ...]
    #: everyone in the register (the manager pickers offer those who have not left)
    people: tuple[EmployeeRow, ...] = ()


@dataclass(frozen=True)
class CardData:
    employee: EmployeeDetail
    profile: EmployeeProfile
    goals: tuple[GoalView, ...]
    certificates: tuple[CertificateView, ...]
    appraisals: tuple[AppraisalView, ...]
    lookups: Lookups
    #: certificates expiring within this many days are flagged (a register setting)
    expiry_window_days: int = 90
    #: formal qualifications, dispensations and the talk cycle (docs/compliance.md)
    compliance: ComplianceCard | None = None


def load_lookups(uow: UnitOfWork) -> Lookups:
    with uow.reading():
        return Lookups(
            tuple(list_units(uow)),
            tuple(list_roles(uow)),
            tuple(competence_options(uow)),
            tuple(list_employees(uow, include_left=True)),
        )


def load_card(uow: UnitOfWork, employee_id: int, lookups: Lookups | None = None) -> CardData:
    """Everything the card shows, read in a few small queries. ``lookups``: the units, roles and
    competences the employee list has loaded already, if it has."""
    with uow.reading():
        employee = get_employee(uow, employee_id)
        return CardData(
            employee,
            employee_profile(uow, employee_id),
            tuple(goals_of(uow, employee_id)),
            tuple(certificates_of(uow, employee_id)),
            tuple(appraisals_of(uow, employee_id)),
            lookups or load_lookups(uow),
            get_settings(uow).expiry_window_days,
            compliance_card(uow, employee_id),
        )
