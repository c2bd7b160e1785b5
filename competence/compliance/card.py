"""What the employee card shows of a person's formal qualifications and talk cycle, read in one
unit of work (opening the card)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from competence.clock import today
from competence.qualifications.catalogue import QualificationView, qualification_catalogue
from competence.qualifications.dispensations import DispensationView, dispensations_of
from competence.qualifications.held import HeldQualification, held_qualifications
from competence.qualifications.standing import QualificationStanding, qualification_standings
from competence.talk_cycle import TalkStanding, talk_standing
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class ComplianceCard:
    held: tuple[HeldQualification, ...]
    dispensations: tuple[DispensationView, ...]
    #: the qualifications the person's roles require, with their status
    standings: tuple[QualificationStanding, ...]
    #: the catalogue, for the pickers of the card's dialogs
    catalogue: tuple[QualificationView, ...]
    #: the person's place in the talk cycle (None: no position on the date)
    talk: TalkStanding | None


def compliance_card(uow: UnitOfWork, employee_id: int, *, at: dt.date | None = None) -> ComplianceCard:
    on = at or today()
    with uow:
        s = uow.session
        return ComplianceCard(
            tuple(held_qualifications(s, employee_id)),
            tuple(dispensations_of(s, employee_id)),
            tuple(qualification_standings(s, employee_id, on)),
            tuple(qualification_catalogue(s)),
            talk_standing(s, employee_id, on),
        )
