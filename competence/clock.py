"""Today's date, in one place, so tests and demo screenshots can fix it.

``KOMPETANSE_TODAY=2026-01-15`` pins the date for the whole process (used by the screenshot
script and the retention tests); otherwise it is the local date.
"""

from __future__ import annotations

import datetime as dt
import os

ENV_TODAY = "KOMPETANSE_TODAY"


def today() -> dt.date:
    pinned = os.environ.get(ENV_TODAY)
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.date.today()


def now() -> dt.datetime:
    """Naive UTC timestamp, as stored in the database."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
