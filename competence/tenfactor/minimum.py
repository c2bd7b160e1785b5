"""The minimum group size of 10-FAKTOR results: a group with fewer answers is never stored or shown.

The default is 5, KS's own rule for showing a group. A municipality may raise it (never lower it
below 5); raising it removes the stored results under the new minimum in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ValidationError
from competence.uow import UnitOfWork
from db.models import Setting
from db.planning import TenFactorResult

DEFAULT_MINIMUM = 5
LOWEST_MINIMUM = 5
HIGHEST_MINIMUM = 100
_KEY = "tenfactor"


def minimum_group(session: Session) -> int:
    """The minimum group size in force."""
    row = session.get(Setting, _KEY)
    value = (row.value or {}).get("minimum") if row is not None else None
    return max(int(value), LOWEST_MINIMUM) if isinstance(value, int) else DEFAULT_MINIMUM


def get_minimum_group(uow: UnitOfWork) -> int:
    with uow:
        return minimum_group(uow.session)


def set_minimum_group(uow: UnitOfWork, minimum: int) -> int:
    """Set the minimum; results under it are removed at once. The number of results removed."""
    if not LOWEST_MINIMUM <= minimum <= HIGHEST_MINIMUM:
        raise ValidationError(
            f"Minstegrensen må være mellom {LOWEST_MINIMUM} og {HIGHEST_MINIMUM} svar.",
            f"The minimum must be between {LOWEST_MINIMUM} and {HIGHEST_MINIMUM} answers.",
            field="minimum",
        )
    with uow:
        s = uow.session
        row = s.get(Setting, _KEY)
        if row is None:
            s.add(Setting(key=_KEY, value={"minimum": minimum}))
        else:
            row.value = {**(row.value or {}), "minimum": minimum}
        below = TenFactorResult.respondents < minimum
        removed = int(s.scalar(select(func.count()).select_from(TenFactorResult).where(below)) or 0)
        s.execute(delete(TenFactorResult).where(below))
        audit.record(s, uow.actor, "settings", entity="setting", key=_KEY, minimum=minimum, removed=removed)
        uow.commit()
        return removed
