"""The date field and the number field on their own: what they read from typed text, the keys,
the calendar, and the messages (the dialogs that use them are tested in test_typed_input.py)."""

from __future__ import annotations

import datetime as dt

from ui.widgets.date_edit import parse_date


def test_the_date_parser() -> None:
    today = dt.date(2025, 3, 1)
    assert parse_date("20.11.2026", today) == dt.date(2026, 11, 20)
    assert parse_date(" 5.3.2025 ", today) == dt.date(2025, 3, 5)
    assert parse_date("05.03.25", today) == dt.date(2025, 3, 5)
    assert parse_date("01.01.76", today) == dt.date(1976, 1, 1)  # 2076 is too far ahead
    assert parse_date("2026-11-20", today) == dt.date(2026, 11, 20)
    assert parse_date("20-11-2026", today) == dt.date(2026, 11, 20)
    assert parse_date("20112026", today) == dt.date(2026, 11, 20)
    for wrong in ("neste vår", "31.02.2026", "20.11", "20.11.2026.1", "", "20.13.2026", "1.1.202"):
        assert parse_date(wrong, today) is None, wrong
