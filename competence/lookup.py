"""Small helpers the services share: fetch-or-fail and the optimistic-lock check."""

from __future__ import annotations

import enum
from typing import Any, Final, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.errors import ConcurrentEditError, NotFoundError
from db.models import Base, Employee, OrgUnit

M = TypeVar("M", bound=Base)


class Unset(enum.Enum):
    """Marks "leave this field as it is" in update functions, where None means "clear it"."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


def get_or_fail(session: Session, model: type[M], ident: int, what_nb: str, what_en: str) -> M:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(what_nb, what_en, ident)
    return obj


def check_version(obj: Any, expected: int | None) -> None:
    """Refuse a change made on a copy older than what the database holds now."""
    if expected is not None and obj.version != expected:
        raise ConcurrentEditError(type(obj).__name__)


def employee_by_no(session: Session, employee_no: str) -> Employee:
    from competence.identifiers import canonical_number

    key = canonical_number(employee_no) or ""
    emp = session.scalar(select(Employee).where(Employee.employee_no == key))
    if emp is None:
        raise NotFoundError("ansatt med ansattnr", "Employee number", employee_no)
    return emp


def unit_by_number(session: Session, number: str) -> OrgUnit:
    from competence.identifiers import canonical_number

    key = canonical_number(number) or ""
    unit = session.scalar(select(OrgUnit).where(OrgUnit.number == key))
    if unit is None:
        raise NotFoundError("enhet med nummer", "Unit number", number)
    return unit
