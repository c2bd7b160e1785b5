"""Where a person stands with the qualifications their roles require, on a date
(docs/compliance.md): met (held, or a dispensation in force), missing or overdue (mandatory), a gap
(desirable)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.compliance.rules import Terms, lacking_since, lacking_status
from competence.gap.queries import active_position
from competence.language import pick_name
from competence.qualifications.dispensations import DispensationView, dispensations_of
from competence.qualifications.held import HeldQualification, held_qualifications
from competence.roles import in_force
from db.codes import RequirementStatus
from db.models import Position, Qualification, Requirement


@dataclass(frozen=True)
class QualificationStanding:
    qualification_id: int
    name: str
    name_en: str | None
    kind: str
    mandatory: bool
    deadline_months: int | None
    #: the day the person came under the requirement, and the deadline after it
    since: dt.date | None
    deadline: dt.date | None
    status: RequirementStatus
    #: what meets it: the qualification held (valid on the date), or a dispensation in force
    held: HeldQualification | None
    dispensation: DispensationView | None
    #: since when a lacking requirement has been lacking
    lacking_since: dt.date | None = None

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.name, self.name_en)

    @property
    def by_dispensation(self) -> bool:
        return self.status is RequirementStatus.MET and self.held is None and self.dispensation is not None


def required_qualifications(session: Session, employee_id: int, at: dt.date) -> dict[int, Terms]:
    """qualification → the terms the person's active posts' roles require it on (:class:`Terms`)."""
    rows = session.execute(
        select(
            Requirement.qualification_id,
            Requirement.mandatory,
            Requirement.deadline_months,
            Requirement.valid_from,
            Position.start_date,
        )
        .join(Position, Position.role_id == Requirement.role_id)
        .where(
            Position.employee_id == employee_id,
            Requirement.qualification_id.is_not(None),
            active_position(at),
            in_force(at),
        )
    ).all()
    found: dict[int, Terms] = {}
    for q_id, mandatory, months, valid_from, start in rows:
        if q_id is not None:
            found.setdefault(q_id, Terms()).add(mandatory, months, start, valid_from)
    return found


def qualification_standings(session: Session, employee_id: int, at: dt.date) -> list[QualificationStanding]:
    """Each qualification the person's roles require on ``at``, with its status."""
    required = required_qualifications(session, employee_id, at)
    if not required:
        return []
    names = {
        q.id: q for q in session.scalars(select(Qualification).where(Qualification.id.in_(list(required))))
    }
    held = held_qualifications(session, employee_id)
    dispensations = dispensations_of(session, employee_id)
    out = []
    for q_id, req in required.items():
        q = names[q_id]
        valid = next((h for h in held if h.qualification_id == q_id and h.valid_on(at)), None)
        expired = max(
            (h.expires_on for h in held if h.qualification_id == q_id and h.expires_on and h.expires_on < at),
            default=None,
        )
        waiver = next((d for d in dispensations if d.qualification_id == q_id and d.in_force(at)), None)
        since, due = req.since, req.due
        if valid is not None or waiver is not None:
            status = RequirementStatus.MET
        elif req.mandatory:
            status = lacking_status(due, at)
        else:
            status = RequirementStatus.GAP
        out.append(
            QualificationStanding(
                q_id,
                q.name,
                q.name_en,
                q.kind,
                req.mandatory,
                req.months,
                since,
                due,
                status,
                valid,
                waiver,
                lacking_since(since, expired) if status.lacking else None,
            )
        )
    return sorted(out, key=lambda s: (list(RequirementStatus).index(s.status) * -1, s.name.casefold()))
