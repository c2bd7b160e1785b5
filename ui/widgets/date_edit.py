"""The one date field of the app: typed as text, with a calendar to pick from.

Qt's ``QDateEdit`` edits a date section by section, so selecting all and typing ``20.11.2026`` gave
04.11.2026 and text that is not a date was silently replaced. Here the text is the user's: it is
read when they are done (``20.11.2026``, ``20.11.26``, ``5.3.2026``, ``2026-11-20``; ``/`` or ``-``
in place of the dots; ``20112026``), tidied to dd.mm.yyyy (dd/mm/yyyy in English), and anything else
gets a message under the field (:class:`ui.widgets.fields.InlineField`) while the dialog refuses to
save. Up/Down change the day, Page Up/Down the month, Alt+Down or F4 opens the calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QToolButton, QVBoxLayout, QWidget

from competence.clock import today
from competence.errors import ValidationError
from ui.i18n import current_language, fmt_date, from_qdate, to_qdate
from ui.widgets.fields import InlineField

EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2100, 12, 31)
_PARTS = re.compile(r"[.\-/\s]+")


def two_digit_year(short: int, now: dt.date) -> int:
    """``26`` → 2026; a year more than 50 years ahead is taken as last century (``76`` → 1976)."""
    year = 2000 + short
    return year - 100 if year > now.year + 50 else year


def parse_date(text: str, now: dt.date | None = None) -> dt.date | None:
    """The date in ``text`` (day first: dd.mm.yyyy, d.m.yyyy, dd.mm.yy, or ISO yyyy-mm-dd), or None
    when it is not one. A date that does not exist (31.02.2026) is None too."""
    text = text.strip().rstrip(".")
    if not text:
        return None
    now = now or today()
    digits_only = text.isdigit() and len(text) in (6, 8)  # 201126, 20112026
    parts = [text[:2], text[2:4], text[4:]] if digits_only else _PARTS.split(text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:  # ISO: 2026-11-20
        year_text, month_text, day_text = parts
    else:
        day_text, month_text, year_text = parts
    if len(day_text) > 2 or len(month_text) > 2 or len(year_text) not in (2, 4):
        return None
    year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text), now)
    try:
        return dt.date(year, int(month_text), int(day_text))
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


class CalendarPopup(QFrame):
    """The calendar that drops down under a date field; Enter or a click picks, Escape closes."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(self.tr("Kalender"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def open_at(self, anchor: QWidget, day: dt.date, earliest: dt.date, latest: dt.date) -> None:
        self.calendar.setDateRange(to_qdate(earliest), to_qdate(latest))
        self.calendar.setSelectedDate(to_qdate(min(max(day, earliest), latest)))
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            x = min(max(below.x(), room.left()), room.right() - self.width())
            y = below.y()
            if y + self.height() > room.bottom():  # no room under the field: open above it
                y = anchor.mapToGlobal(QPoint(0, 0)).y() - self.height()
            below = QPoint(x, max(y, room.top()))
        self.move(below)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(from_qdate(day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class DateEdit(InlineField):
    """A date typed as text or picked in the calendar. ``optional``: may be left empty (None).

    :meth:`date` is what the text says now (None when empty or not a date); ``date_committed``
    fires when the user has settled on a new valid date (Enter, leaving the field, the calendar).
    """

    date_committed = Signal(object)

    def __init__(
        self,
        value: dt.date | None = None,
        *,
        optional: bool = False,
        earliest: dt.date = EARLIEST,
        latest: dt.date = LATEST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.earliest, self.latest = earliest, latest
        english = current_language() == "en"
        pattern = self.tr("dd.mm.åååå") if not english else "dd/mm/yyyy"
        self.line.setPlaceholderText(
            self.tr("{pattern} (valgfri)").format(pattern=pattern) if optional else pattern
        )
        metrics = self.line.fontMetrics()
        width = max(
            metrics.horizontalAdvance("00.00.00000"), metrics.horizontalAdvance(self.line.placeholderText())
        )
        self.line.setMinimumWidth(width + 24)
        self.line.setMaximumWidth(width + 24)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Velg i kalenderen (Alt+Pil ned)"))
        self.calendar_button.setAccessibleName(self.tr("Åpne kalenderen"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the field opens it
        self.calendar_button.clicked.connect(self.open_calendar)
        self.row.addWidget(self.calendar_button)
        self.row.addStretch(1)
        self.popup: CalendarPopup | None = None
        self.committed.connect(lambda: self.date_committed.emit(self.date()))
        self.set_date(value if value is not None or optional else today())

    # --- reading and writing -------------------------------------------------------------------
    def date(self) -> dt.date | None:
        return self.current()

    def value(self) -> dt.date | None:
        return self.current()

    def required_date(self) -> dt.date:
        """The date, for a field that must have one (dialogs check the fields before this)."""
        day = self.current()
        if day is None:
            raise ValidationError("Fyll inn en gyldig dato.", "Enter a valid date.")
        return day

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` (None: empty), without a message and without emitting anything."""
        self.set_text_quietly(fmt_date(value) if value is not None else "")

    def setMinimumDate(self, day: dt.date) -> None:
        self.earliest = day

    def setMaximumDate(self, day: dt.date) -> None:
        self.latest = day

    def current(self) -> dt.date | None:
        day = parse_date(self.line.text())
        if day is None or not self.earliest <= day <= self.latest:
            return None
        return day

    def problem(self) -> str | None:
        text = self.line.text().strip()
        if not text:
            return None if self.optional else self.tr("Fyll inn en dato.")
        day = parse_date(text)
        example = fmt_date(dt.date(2026, 11, 20))
        if day is None:
            return self.tr(
                "«{text}» er ikke en dato. Skriv dag, måned og år, for eksempel {example}."
            ).format(text=text, example=example)
        if day > self.latest:
            if self.latest == today():
                return self.tr("Datoen kan ikke være etter i dag ({today}).").format(today=fmt_date(today()))
            return self.tr("Datoen kan ikke være etter {latest}.").format(latest=fmt_date(self.latest))
        if day < self.earliest:
            return self.tr("Datoen kan ikke være før {earliest}.").format(earliest=fmt_date(self.earliest))
        return None

    def normalised_text(self) -> str | None:
        day = self.current()
        return fmt_date(day) if day is not None else None

    def step(self, steps: int, big: bool) -> bool:
        text = self.line.text().strip()
        day = self.current()
        if day is None:
            if text:
                return False  # a wrong text stays as typed
            day = min(max(today(), self.earliest), self.latest)
        else:
            day = add_months(day, steps) if big else day + dt.timedelta(days=steps)
        self.line.setText(fmt_date(min(max(day, self.earliest), self.latest)))
        return True

    # --- the calendar --------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.chosen.connect(self._chosen)
        self.popup.open_at(self.line, self.current() or today(), self.earliest, self.latest)

    def _chosen(self, day: dt.date) -> None:
        self.line.setText(fmt_date(day))
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)
