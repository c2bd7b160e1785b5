"""The heatmap's colours and their legend. The bands are those of the printed unit plan and the
gap report (:mod:`competence.export.palette`): green from 90 % met, yellow from 60 %, red below;
grey when nobody is assessed yet, so "ikke vurdert" never looks like a gap."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from competence.export import palette
from ui.i18n import fmt_percent
from ui.units.data import Figures

MET_FROM = 0.9
NEAR_FROM = 0.6
# the strip at the bottom of a cell: the share of its requirements not assessed yet
STRIP = QColor(90, 90, 90)
STRIP_TRACK = QColor(255, 255, 255, 150)


def _pair(colours: tuple[str, str]) -> tuple[QColor, QColor]:
    return QColor(f"#{colours[0]}"), QColor(f"#{colours[1]}")


MET, MET_TEXT = _pair(palette.MET)
NEAR, NEAR_TEXT = _pair(palette.NEAR)
GAP, GAP_TEXT = _pair(palette.GAP)
NOT_ASSESSED, NOT_ASSESSED_TEXT = _pair(palette.NOT_ASSESSED)


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
    """A small coloured square (optionally with the not-assessed strip) for the legend."""

    def __init__(self, fill: QColor | None, *, strip: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill, self.strip = fill, strip
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
        painter.setPen(self.palette().mid().color())
        painter.drawRect(rect)
        painter.end()


class Legend(QWidget):
    """What the colours, the grey strip and an empty cell mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        entries = [
            (
                MET,
                False,
                self.tr("minst {share} oppfyller kravet").format(share=fmt_percent(MET_FROM * 100, 0)),
            ),
            (
                NEAR,
                False,
                self.tr("{low}–{high}").format(
                    low=fmt_percent(NEAR_FROM * 100, 0), high=fmt_percent(MET_FROM * 100 - 1, 0)
                ),
            ),
            (GAP, False, self.tr("under {share}").format(share=fmt_percent(NEAR_FROM * 100, 0))),
            (NOT_ASSESSED, False, self.tr("ingen er vurdert (i.v.)")),
            (MET, True, self.tr("stripe: andel ikke vurdert")),
            (None, False, self.tr("tom: ingen har kravet")),
        ]
        described = []
        for fill, strip, text in entries:
            layout.addWidget(Swatch(fill, strip=strip))
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
            layout.addSpacing(10)
            described.append(text)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Fargeforklaring"))
        self.setAccessibleDescription("; ".join(described))
