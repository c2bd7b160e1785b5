"""The rules of a mandatory requirement proven by a document (docs/compliance.md), as plain
functions: when a person came under it, when it is due, and its status on a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from competence.certificates import add_months
from db.codes import RequirementStatus


def came_under(position_starts: Iterable[dt.date | None], valid_from: dt.date | None) -> dt.date | None:
    """The day a person came under a requirement: the later of their earliest position carrying it
    and the day it took effect (None when neither is known)."""
    known = [d for d in position_starts if d is not None]
    start = min(known) if known else None
    if start is None:
        return valid_from
    return start if valid_from is None else max(start, valid_from)


def deadline(since: dt.date | None, months: int | None) -> dt.date | None:
    """The last day to meet the requirement (None: no deadline, or the start is unknown)."""
    if since is None or months is None:
        return None
    return add_months(since, months)


def lacking_status(due: dt.date | None, on: dt.date) -> RequirementStatus:
    """A mandatory requirement not met: *missing*, or *overdue* once its deadline has passed."""
    return RequirementStatus.OVERDUE if due is not None and on > due else RequirementStatus.MISSING


def lacking_since(since: dt.date | None, expired_on: dt.date | None) -> dt.date | None:
    """Since when a requirement has been lacking: since the person came under it, or since the day
    after the document expired when that is later."""
    after_expiry = expired_on + dt.timedelta(days=1) if expired_on is not None else None
    if since is None:
        return after_expiry
    return since if after_expiry is None else max(since, after_expiry)


class Terms:
    """The terms of one document requirement over all of a person's posts whose roles carry it:
    mandatory if any is, the shortest deadline, and the earliest day the person came under it
    (each post counted from the later of its start and the day its role's requirement took effect).
    The card and the compliance report both gather them here, so they agree."""

    __slots__ = ("mandatory", "months", "since")

    def __init__(self) -> None:
        self.mandatory = False
        self.months: int | None = None
        self.since: dt.date | None = None

    def add(
        self, mandatory: bool, months: int | None, start: dt.date | None, valid_from: dt.date | None
    ) -> None:
        self.mandatory = self.mandatory or mandatory
        if months is not None:
            self.months = months if self.months is None else min(self.months, months)
        came = came_under((start,), valid_from)
        if came is not None:
            self.since = came if self.since is None else min(self.since, came)

    @property
    def due(self) -> dt.date | None:
        """The deadline of a mandatory requirement (None: none, or the start is unknown)."""
        return deadline(self.since, self.months) if self.mandatory else None
