"""Dates a trend is drawn at: the ends of the quarters before a day (the Enheter screen's trend of
the share met, and the heltidskultur trend from position history)."""

from __future__ import annotations

import datetime as dt

#: Quarters back a trend reaches (two years).
TREND_QUARTERS = 8


def quarter_ends(day: dt.date, quarters: int = TREND_QUARTERS) -> list[dt.date]:
    """The last day of each of the ``quarters`` quarters before the one ``day`` is in, oldest first."""
    year, quarter = day.year, (day.month - 1) // 3  # quarter 0-3 of ``day``
    ends = []
    for _ in range(quarters):
        quarter -= 1
        if quarter < 0:
            year, quarter = year - 1, 3
        month = 3 * quarter + 3
        next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
        ends.append(next_month - dt.timedelta(days=1))
    return sorted(ends)
