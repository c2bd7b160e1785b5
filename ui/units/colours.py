"""The heatmap's colours and their legend. The bands are those of the printed unit plan and the
gap report (:mod:`competence.export.palette`): green from 90 % met, yellow from 60 %, red below;
grey when nobody is assessed yet, so "ikke vurdert" never looks like a gap; a dark brown corner
where someone lacks a mandatory course ("mangler")."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygon
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui import status_colours as tone
from ui.i18n import fmt_percent
from ui.units.data import Figures
from ui.widgets.flow import FlowLayout, group

MET_FROM = 0.9
NEAR_FROM = 0.6
# the strip at the bottom of a cell: the share of its requirements not assessed yet
STRIP = QColor(90, 90, 90)
STRIP_TRACK = QColor(255, 255, 255, 150)
#: The bar under the name of a critical competence in the heatmap's header.
CRITICAL_MARK = QColor(166, 27, 27)


MET, MET_TEXT = tone.MET.fill, tone.MET.text
NEAR, NEAR_TEXT = tone.NEAR.fill, tone.NEAR.text
GAP, GAP_TEXT = tone.GAP.fill, tone.GAP.text
NOT_ASSESSED, NOT_ASSESSED_TEXT = tone.NOT_ASSESSED.fill, tone.NOT_ASSESSED.text
#: a mandatory course lacking (*mangler*, docs/compliance.md): the cell's corner takes the dark
#: one of its colours, to stand out on any fill
MISSING, MISSING_MARK = tone.MISSING.fill, tone.MISSING.text


def paint_missing_corner(painter: QPainter, rect: QRect) -> None:
    """A triangle in the cell's top right corner: someone behind the cell lacks a mandatory course."""
    side = max(6, min(rect.width(), rect.height()) // 3)
    right, top = rect.right(), rect.top()
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(MISSING_MARK)
    painter.drawPolygon(QPolygon([QPoint(right - side, top), QPoint(right, top), QPoint(right, top + side)]))
    painter.restore()


def colours_of(figures: Figures) -> tuple[QColor, QColor]:
    """(fill, text) for a cell."""
    if figures.none_assessed:
        return NOT_ASSESSED, NOT_ASSESSED_TEXT
    share = figures.share_met
    if share >= MET_FROM:
        return MET, MET_TEXT
    if share >= NEAR_FROM:
        return NEAR, NEAR_TEXT
    return GAP, GAP_TEXT


class Swatch(QWidget):
    """A small coloured square for the legend, optionally with the not-assessed strip, or with the
    red bar that marks a critical competence under its name in the heatmap's header."""

    def __init__(
        self,
        fill: QColor | None,
        *,
        strip: bool = False,
        critical: bool = False,
        missing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fill, self.strip, self.critical, self.missing = fill, strip, critical, missing
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height()
        return QSize(side * 2, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect().adjusted(0, 0, -1, -1)
        painter.fillRect(rect, self.fill or self.palette().base().color())
        if self.strip:
            band = max(3, rect.height() // 5)
            painter.fillRect(rect.left(), rect.bottom() - band + 1, rect.width() // 2, band, STRIP)
        if self.critical:
            painter.fillRect(rect.left() + 1, rect.bottom() - 3, rect.width() - 1, 3, CRITICAL_MARK)
        if self.missing:
            paint_missing_corner(painter, rect)
        painter.setPen(self.palette().mid().color())
        painter.drawRect(rect)
        painter.end()


class Legend(QWidget):
    """What the colours, the grey strip, an empty cell and (``critical``) the red bar under a
    column's name mean. Its entries wrap onto more lines in a narrow window."""

    def __init__(self, parent: QWidget | None = None, *, critical: bool = False) -> None:
        super().__init__(parent)
        layout = FlowLayout(self, spacing=14)
        entries: list[tuple[QColor | None, str, str]] = [
            (
                MET,
                "",
                self.tr("minst {share} oppfyller kravet").format(share=fmt_percent(MET_FROM * 100, 0)),
            ),
            (
                NEAR,
                "",
                self.tr("{low}–{high}").format(
                    low=fmt_percent(NEAR_FROM * 100, 0), high=fmt_percent(MET_FROM * 100 - 1, 0)
                ),
            ),
            (GAP, "", self.tr("under {share}").format(share=fmt_percent(NEAR_FROM * 100, 0))),
            (NOT_ASSESSED, "", self.tr("ingen er vurdert (i.v.)")),
            (MET, "strip", self.tr("stripe: andel ikke vurdert")),
            (MET, "missing", self.tr("hjørne: noen mangler et lovpålagt kurs")),
            (None, "", self.tr("tom: ingen har kravet")),
        ]
        if critical:
            entries.append((None, "critical", self.tr("rød strek under navnet: kritisk kompetanse")))
        described = []
        self.entries: list[QLabel] = []
        for fill, mark, text in entries:
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            swatch = Swatch(
                fill, strip=mark == "strip", critical=mark == "critical", missing=mark == "missing"
            )
            layout.addWidget(group(swatch, label))
            self.entries.append(label)
            described.append(text)
        self.setAccessibleName(self.tr("Fargeforklaring"))
        self.setAccessibleDescription("; ".join(described))
