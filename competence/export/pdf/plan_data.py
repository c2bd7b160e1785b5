"""Everything an individual development plan shows, gathered in one transaction as plain data.

The batch export calls :func:`load_plan` for each person (in its worker processes, in transactions
that read the export's snapshot where the database allows), so the data is read with a handful of
small indexed queries per person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.certificates import CertificateView
from competence.certificates import _view as certificate_view
from competence.clock import today
from competence.employees import EmployeeDetail, employee_detail
from competence.export.activities import GoalRow, goals_of_people
from competence.export.scope import Person
from competence.gap import EmployeeProfile, employee_profile
from competence.language import normalise_language
from competence.settings import RegisterSettings
from competence.uow import UnitOfWork
from db.models import Appraisal, Certificate, OrgUnit


@dataclass(frozen=True)
class TalkView:
    held_on: dt.date
    leader_name: str | None
    summary: str | None
    agreed: str | None
    notes: str | None


@dataclass(frozen=True)
class PlanData:
    municipality: str
    logo: bytes | None
    employee: EmployeeDetail
    leader_name: str | None
    talk_on: dt.date
    talk: TalkView | None
    previous_talk: TalkView | None
    profile: EmployeeProfile
    goals: tuple[GoalRow, ...]
    certificates: tuple[CertificateView, ...]
    expiry_window_days: int
    #: the language the plan is written in: "nb" or "en"
    lang: str = "nb"

    @property
    def units(self) -> str:
        return ", ".join(dict.fromkeys(p.unit_name for p in self.employee.active_positions))

    @property
    def roles(self) -> str:
        return ", ".join(dict.fromkeys(p.role_name for p in self.employee.active_positions if p.role_name))

    @property
    def titles(self) -> str:
        return ", ".join(dict.fromkeys(p.title for p in self.employee.active_positions if p.title))


def load_plan(
    uow: UnitOfWork,
    employee_id: int,
    settings: RegisterSettings,
    *,
    talk_on: dt.date | None = None,
    lang: str = "nb",
) -> PlanData:
    """The plan of one person for a talk on ``talk_on`` (default today).

    The talk itself is the appraisal recorded on that date, if any (its notes are printed); the
    previous talk is the newest one before it.
    """
    with uow.reading():
        return _plan(uow, employee_id, settings, talk_on or today(), lang)


def _plan(uow: UnitOfWork, employee_id: int, settings: RegisterSettings, on: dt.date, lang: str) -> PlanData:
    session = uow.session
    detail = employee_detail(session, employee_id)
    profile = employee_profile(uow, employee_id, at=on)
    active = detail.active_positions
    person = Person(
        detail.id,
        detail.employee_no,
        detail.first_name,
        detail.last_name,
        tuple(p.unit_id for p in active),
        "",
        (),
        (),
        detail.fte_total,
    )
    goals = goals_of_people(session, [person], on, lang=lang)
    certs = tuple(
        certificate_view(c)
        for c in session.scalars(
            select(Certificate)
            .where(Certificate.employee_id == employee_id)
            .order_by(Certificate.valid_until.is_(None), Certificate.valid_until, Certificate.name)
        )
    )
    talks = [
        TalkView(a.held_on, a.leader_name, a.summary, a.agreed, a.notes)
        for a in session.scalars(
            select(Appraisal)
            .where(Appraisal.employee_id == employee_id, Appraisal.held_on <= on)
            .order_by(Appraisal.held_on.desc(), Appraisal.id.desc())
            .limit(2)
        )
    ]
    talk = talks[0] if talks and talks[0].held_on == on else None
    earlier = [t for t in talks if t.held_on < on]
    previous = earlier[0] if earlier else None
    return PlanData(
        settings.municipality,
        settings.logo_bytes,
        detail,
        _leader_name(session, detail, talk, previous),
        on,
        talk,
        previous,
        profile,
        tuple(goals),
        certs,
        settings.expiry_window_days,
        normalise_language(lang),
    )


def _leader_name(
    session: Session, detail: EmployeeDetail, talk: TalkView | None, previous: TalkView | None
) -> str | None:
    """Who signs as leader: the talk's leader, else the manager, else the leader of the person's
    unit, else whoever held the previous talk."""
    if talk is not None and talk.leader_name:
        return talk.leader_name
    if detail.manager_name:
        return detail.manager_name
    for position in detail.active_positions:
        unit = session.get(OrgUnit, position.unit_id)
        if unit is not None and unit.leader_id is not None and unit.leader_id != detail.id:
            return employee_detail(session, unit.leader_id).full_name
    return previous.leader_name if previous is not None else None
