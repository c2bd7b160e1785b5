"""The heatmap's view: cells painted by a delegate (colour, figure, the not-assessed strip), and a
column header with the group (strategy area) as a band above each competence's name, which is
written upwards so hundreds of narrow columns stay readable. Fixed section sizes keep it smooth
with hundreds of units and competences: Qt paints only what is visible."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from competence.export import palette
from ui.i18n import fmt_percent
from ui.units.colours import CRITICAL_MARK, STRIP, STRIP_TRACK, colours_of, paint_missing_corner
from ui.units.model import CRITICAL_ROLE, GROUP_ROLE, HeatmapModel, cell_text

Index = QModelIndex | QPersistentModelIndex
GROUP_FILLS = tuple(QColor(f"#{c}") for c in palette.AREA_FILLS)


class HeatDelegate(QStyledItemDelegate):
    """Paints a cell: its colour, its text, and a strip along the bottom whose length is the share
    of its requirements not assessed yet. The current cell gets a frame, not a fill, so its colour
    stays visible."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # straight from the model: no Python object wrapped in a QVariant for every cell painted
        model = index.model()
        if not isinstance(model, HeatmapModel):
            return
        figures = model.figures(index.row(), index.column())
        rect = option.rect
        painter.save()
        if figures is None:
            # an empty cell stays plain, also when it is the current one (the view fills selected cells)
            painter.fillRect(rect, option.palette.base())
        else:
            fill, text_colour = colours_of(figures)
            painter.fillRect(rect, fill)
            if 0 < figures.not_assessed < figures.people:
                band = max(3, rect.height() // 6)
                track = QRect(rect.left() + 2, rect.bottom() - band - 1, rect.width() - 4, band)
                painter.fillRect(track, STRIP_TRACK)
                painter.fillRect(
                    QRect(track.left(), track.top(), round(track.width() * figures.share_not_assessed), band),
                    STRIP,
                )
            if figures.missing:
                paint_missing_corner(painter, rect)
            painter.setPen(text_colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), cell_text(figures, model.mode))
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(option.palette.highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance(fmt_percent(100, 0)) + 12, metrics.height() + 10)


class GroupedHeader(QHeaderView):
    """The column header: a band naming each group (strategy area) across its columns, and under
    it each column's name written upwards, critical competences marked with a red bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(True)
        self.setSectionsClickable(True)
        self._spans: list[tuple[int, int, int]] = []  # per section: (first, last, group number)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._update_spans)
            model.layoutChanged.connect(self._update_spans)
        self._update_spans()

    def _update_spans(self) -> None:
        model = self.model()
        count = model.columnCount() if model is not None else 0
        groups = (
            [model.headerData(i, Qt.Orientation.Horizontal, GROUP_ROLE) for i in range(count)]
            if model
            else []
        )
        spans: list[tuple[int, int, int]] = []
        start, number = 0, 0
        for i in range(1, count + 1):
            if i == count or groups[i] != groups[start]:
                spans.extend([(start, i - 1, number)] * (i - start))
                start, number = i, number + 1
        self._spans = spans
        self.viewport().update()

    def band_height(self) -> int:
        return self.fontMetrics().height() + 8

    def label_height(self) -> int:
        """Room for the upright names: 27 characters, or 16 on a low screen (a 768-pixel laptop),
        where the rows of the map would otherwise get almost no room (the names are cut with "…"
        and the whole name is in the tooltip)."""
        screen = self.screen()
        low = screen is not None and screen.availableGeometry().height() < 900
        return self.fontMetrics().averageCharWidth() * (16 if low else 27)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.band_height() + self.label_height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        model = self.model()
        if model is None or not rect.isValid() or logicalIndex >= len(self._spans):
            return
        first, last, number = self._spans[logicalIndex]
        band_h = self.band_height()
        text_colour = self.palette().windowText().color()
        line = self.palette().mid().color()
        painter.save()
        # the group band: its name centred over the visible part of the group's columns
        band = QRect(rect.left(), rect.top(), rect.width(), band_h)
        painter.fillRect(band, GROUP_FILLS[number % len(GROUP_FILLS)])
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        span = QRect(left, rect.top(), right - left, band_h).intersected(
            QRect(0, rect.top(), self.viewport().width(), band_h)
        )
        group = str(model.headerData(logicalIndex, Qt.Orientation.Horizontal, GROUP_ROLE) or "")
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.setClipRect(band)
        elided = QFontMetrics(bold).elidedText(group, Qt.TextElideMode.ElideRight, max(span.width() - 8, 0))
        painter.drawText(span.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.setClipping(False)
        # the column's own name, written upwards
        label = QRect(rect.left(), rect.top() + band_h, rect.width(), rect.height() - band_h)
        painter.fillRect(label, self.palette().button())
        if model.headerData(logicalIndex, Qt.Orientation.Horizontal, CRITICAL_ROLE):
            painter.fillRect(QRect(label.left() + 1, label.bottom() - 3, label.width() - 2, 3), CRITICAL_MARK)
        painter.setFont(self.font())
        painter.setPen(text_colour)
        text = str(
            model.headerData(logicalIndex, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        )
        painter.translate(label.left(), label.bottom() - 4)
        painter.rotate(-90)
        room = QRect(4, 0, label.height() - 10, label.width())
        painter.drawText(
            room,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room.width()),
        )
        painter.resetTransform()
        # lines: between columns, and a stronger one where a group starts
        painter.setPen(QPen(line, 1))
        painter.drawLine(rect.right(), rect.top() + band_h, rect.right(), rect.bottom())
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if logicalIndex == first:
            painter.setPen(QPen(text_colour, 1))
            painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom())
        painter.restore()


class HeatmapView(QTableView):
    """The table of coloured cells, navigable by arrow keys (Tab leaves it)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.header = GroupedHeader(self)
        self.setHorizontalHeader(self.header)
        self.setItemDelegate(HeatDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        metrics = self.fontMetrics()
        self.header.setDefaultSectionSize(metrics.horizontalAdvance(fmt_percent(100, 0)) + 14)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setHighlightSections(True)
        # the group names are centred over what is visible: repaint the band when scrolling
        self.horizontalScrollBar().valueChanged.connect(self.header.viewport().update)
