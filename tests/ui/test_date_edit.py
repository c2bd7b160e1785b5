"""The date field and the number field on their own: what they read from typed text, the keys,
the calendar, and the messages (the dialogs that use them are tested in test_typed_input.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui.widgets.date_edit import DateEdit, parse_date
from ui.widgets.fields import NumberField


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


@pytest.fixture
def today_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")


def test_keys_step_the_date_and_open_the_calendar(qtbot: QtBot, today_is: None) -> None:
    field = DateEdit(dt.date(2025, 1, 31))
    qtbot.addWidget(field)
    field.show()
    committed: list[object] = []
    field.date_committed.connect(committed.append)
    QTest.keyClick(field.line, Qt.Key.Key_Up)
    assert field.text() == "01.02.2025"
    QTest.keyClick(field.line, Qt.Key.Key_PageUp)
    assert field.text() == "01.03.2025"
    assert committed == [dt.date(2025, 2, 1), dt.date(2025, 3, 1)]
    QTest.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2025, 3, 1)
    days = popup.calendar.focusProxy() or popup.calendar  # the grid of days has the keyboard
    QTest.keyClick(days, Qt.Key.Key_Right)  # the calendar is driven by the arrow keys
    QTest.keyClick(days, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.date() == dt.date(2025, 3, 2)
    assert committed[-1] == dt.date(2025, 3, 2)


def test_a_date_after_the_latest_is_refused_not_moved(qtbot: QtBot, today_is: None) -> None:
    field = DateEdit(dt.date(2025, 3, 1), latest=dt.date(2025, 3, 1))
    qtbot.addWidget(field)
    field.show()
    field.line.selectAll()
    QTest.keyClicks(field.line, "2.3.25")
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.text() == "2.3.25"
    assert field.date() is None
    assert field.message.text() == "Datoen kan ikke være etter i dag (01.03.2025)."
    assert field.line.accessibleDescription() == field.message.text()  # a screen reader reads it too
    field.line.selectAll()
    QTest.keyClicks(field.line, "1.3.25")  # the message follows the typing and goes when it is right
    assert field.message.isHidden()
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.text() == "01.03.2025"


def test_an_optional_date_may_be_left_empty(qtbot: QtBot, today_is: None) -> None:
    field = DateEdit(None, optional=True)
    qtbot.addWidget(field)
    assert field.text() == "" and field.date() is None and field.is_valid()
    assert "valgfri" in field.line.placeholderText()
    required = DateEdit(dt.date(2025, 3, 1))
    qtbot.addWidget(required)
    required.line.clear()
    assert not required.check() and required.message.text() == "Fyll inn en dato."


@pytest.mark.parametrize(
    ("typed", "value", "message"),
    [
        ("5000", 5000, ""),
        ("5 000", 5000, ""),
        ("5\u00a0000 kr", 5000, ""),
        ("5.000", 5000, ""),
        ("-5000", None, "Kan ikke være negativt."),
        ("fem tusen", None, "«fem tusen» er ikke et tall. Skriv for eksempel 5\u00a0000."),
        ("12,5", None, "Skriv et helt tall."),
        ("", None, ""),
    ],
)
def test_an_amount_as_typed(qtbot: QtBot, typed: str, value: int | None, message: str) -> None:
    field = NumberField(None, maximum=100_000_000, unit="kr", optional=True)
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.line, typed)
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == value
    assert (field.message.text() if field.message.isVisible() else "") == message


def test_hours_take_a_decimal_comma(qtbot: QtBot) -> None:
    field = NumberField(None, maximum=10_000, decimals=1, optional=True)
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.line, "7,5")
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == 7.5 and field.text() == "7,5"
    field.line.selectAll()
    QTest.keyClicks(field.line, "7,25")
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() is None and field.message.text() == "Høyst 1 desimal(er)."


def test_a_percentage_above_100_is_refused_not_cut(qtbot: QtBot) -> None:
    field = NumberField(100, minimum=0, maximum=100, decimals=1, unit="%")
    qtbot.addWidget(field)
    field.show()
    field.line.selectAll()
    QTest.keyClicks(field.line, "150")
    QTest.keyClick(field.line, Qt.Key.Key_Return)
    assert field.text() == "150"  # a spin box kept "15" and dropped the 0
    assert field.message.text() == "Kan ikke være mer enn 100."
