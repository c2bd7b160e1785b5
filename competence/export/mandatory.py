"""Which required courses the people of an export lack although they are mandatory: *missing*,
or *overdue* once the deadline has passed (docs/compliance.md).

A course (a competence of kind *certificate*) is proven by a valid certificate; the exports know
from their own reading whether a person holds one. What they need besides is whether one of the
person's roles (in the export's scope, as :mod:`competence.export.scope` counts them) makes the
course mandatory, and for a course with a deadline the day the person came under it. Both are
read here in two small statements for the whole scope, and the status follows the rules of
:mod:`competence.compliance.rules`, so that the exports say what the compliance report and the
employee card say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.compliance.rules import Terms, lacking_status
from competence.export.scope import Scope, active_posts
from competence.language import format_date, pick
from competence.roles import in_force
from db.codes import RequirementStatus
from db.models import Employee, Position, Requirement

#: role → course → (deadline in months or None, the day the requirement took effect or None)
_RoleTerms = dict[int, dict[int, tuple[int | None, dt.date | None]]]


@dataclass(frozen=True, slots=True)
class Lacking:
    """A mandatory course a person lacks: *missing* or *overdue*, and its deadline (None: none)."""

    status: RequirementStatus
    deadline: dt.date | None

    def label(self, lang: str) -> str:
        """ "Mangler, frist 01.03.2027" (with a deadline), "Mangler", "Forfalt", as the card says it."""
        if self.status is RequirementStatus.MISSING and self.deadline is not None:
            return pick(lang, "Mangler, frist {date}", "Missing, deadline {date}").format(
                date=format_date(self.deadline, lang)
            )
        return self.status.label(lang)


class MandatoryCourses:
    """The mandatory course requirements of the roles in a scope, and the posts their deadlines
    count from."""

    def __init__(self, at: dt.date, by_role: _RoleTerms, posts: dict[int, list[tuple[int, dt.date | None]]]):
        self.at = at
        self._by_role = by_role
        #: person → (role, start date) of each post in the scope whose role has a course with a deadline
        self._posts = posts
        self._mandatory: dict[tuple[int, ...], frozenset[int]] = {}

    @classmethod
    def of(
        cls, session: Session, scope: Scope, role_ids: Iterable[int], course_ids: Iterable[int]
    ) -> MandatoryCourses:
        """The mandatory requirements of ``role_ids`` among ``course_ids`` in force on the scope's
        date, and the posts in the scope that a deadline counts from."""
        roles, courses = sorted(set(role_ids)), sorted(set(course_ids))
        by_role: _RoleTerms = {}
        if roles and courses:
            rows = session.execute(
                select(
                    Requirement.role_id,
                    Requirement.competence_id,
                    Requirement.deadline_months,
                    Requirement.valid_from,
                ).where(
                    Requirement.role_id.in_(roles),
                    Requirement.competence_id.in_(courses),
                    Requirement.mandatory,
                    in_force(scope.at),
                )
            )
            for role_id, course_id, months, valid_from in rows:
                if course_id is not None:  # (always: the courses were asked for)
                    by_role.setdefault(role_id, {})[course_id] = (months, valid_from)
        timed = {c for terms in by_role.values() for c, (months, _) in terms.items() if months is not None}
        counted = sorted(role for role, terms in by_role.items() if timed & terms.keys())
        posts: dict[int, list[tuple[int, dt.date | None]]] = {}
        if counted:
            stmt = (
                select(Position.employee_id, Position.role_id, Position.start_date)
                .join(Employee, Employee.id == Position.employee_id)
                .where(Position.role_id.in_(counted), *active_posts(scope.at))
            )
            units = scope.unit_ids()
            if units is not None:
                stmt = stmt.where(Position.unit_id.in_(units))
            for employee_id, post_role, start in session.execute(stmt):
                if post_role is not None:  # (always: the roles were asked for)
                    posts.setdefault(employee_id, []).append((post_role, start))
        return cls(scope.at, by_role, posts)

    def mandatory(self, role_ids: tuple[int, ...]) -> frozenset[int]:
        """The courses one of ``role_ids`` makes mandatory."""
        known = self._mandatory.get(role_ids)
        if known is None:
            known = frozenset(c for role in role_ids for c in self._by_role.get(role, {}))
            self._mandatory[role_ids] = known
        return known

    def lacking(self, person_id: int, course_id: int) -> Lacking:
        """The status of a mandatory course the person does not hold (a valid certificate):
        *missing*, or *overdue* when the deadline from their posts carrying it has passed."""
        terms = Terms()
        for role_id, start in self._posts.get(person_id, ()):
            requirement = self._by_role.get(role_id, {}).get(course_id)
            if requirement is not None:
                terms.add(True, requirement[0], start, requirement[1])
        return Lacking(lacking_status(terms.due, self.at), terms.due)
