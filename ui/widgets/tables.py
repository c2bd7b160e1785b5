"""A read-only table model over a list of plain rows (dataclasses from the services).

Columns are declared once (title, how to show a row, how to sort it); the model never touches a
session. Small tables sort themselves (:meth:`RowTableModel.sort`); the 50,000-row employee list
sorts and filters in its proxy (:mod:`ui.employees.model`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget
from shiboken6 import Shiboken

from competence.identifiers import collation_key

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

#: Custom role: the row object behind an index.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: Custom role: the value sorting uses.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        ROW_ROLE,
        SORT_ROLE,
    }
)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    #: A stable name for code that refers to a column (the title is translated).
    key: str = ""
    #: What the column header's tooltip explains (a unit, a definition).
    header_tooltip: str | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], rows: Sequence[R] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = list(rows)

    @property
    def rows(self) -> Sequence[R]:
        """The rows in model order (not a copy: do not change it)."""
        return self._rows

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        return self.value(index.row(), index.column(), role)

    def value(self, row_number: int, column_number: int, role: int) -> Any:
        """What :meth:`data` returns, by row and column number (proxies call this without indexes)."""
        if role not in _ROLES or not (0 <= row_number < len(self._rows)):
            return None
        row = self._rows[row_number]
        column = self.columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.align_right else _LEFT
        colour_of = None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour_of = column.background
        elif role == Qt.ItemDataRole.ForegroundRole:
            colour_of = column.foreground
        colour = colour_of(row) if colour_of is not None else None
        return QBrush(colour) if colour is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return self.columns[section].header_tooltip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        keyed = [(key(r), r) for r in self._rows]
        present = [(k, r) for k, r in keyed if k is not None]
        present.sort(key=lambda pair: _sortable(pair[0]), reverse=order == Qt.SortOrder.DescendingOrder)
        # empty values last in either direction
        self._rows = [r for _, r in present] + [r for k, r in keyed if k is None]
        positions = {id(r): i for i, r in enumerate(self._rows)}
        for persistent in self.persistentIndexList():
            if persistent.isValid():
                new_row = positions[id(old[persistent.row()])]
                self.changePersistentIndex(persistent, self.index(new_row, persistent.column()))
        self.layoutChanged.emit()


def _sortable(value: Any) -> Any:
    """Strings sort in Norwegian alphabetical order without regard to case."""
    return collation_key(value) if isinstance(value, str) else value


#: Rows a :class:`ColumnFitter` measures a column's contents over: those in view and some more.
FIT_ROWS = 100


class ColumnFitter(QObject):
    """Widths for a small table that should not need a horizontal scroll bar: every column as wide as
    its contents but at most ``cap`` pixels (longer text is cut with "…", the tooltip has it all), and
    the ``stretch`` column (a name, a description) gets the rest, never less than ``stretch_min``.

    When even that is too wide, the ``optional`` columns (what is also shown elsewhere, e.g. in a
    tooltip or a detail pane) are hidden, the first listed first, and shown again when there is room.

    Recomputed when the rows change and when the table is resized; a user can still drag a column
    wider (until the next change). Qt's own ResizeToContents has no upper limit, so one long level
    name made the table scroll sideways and squeezed the names to a few letters.
    """

    def __init__(self, view: QTableView, stretch: int, *, cap: int = 220, stretch_min: int = 160) -> None:
        super().__init__(view)
        self.view, self.stretch, self.cap, self.stretch_min = view, stretch, cap, stretch_min
        #: Columns with a cap of their own (a code column stays narrow).
        self.caps: dict[int, int] = {}
        #: Columns hidden, in this order, when the table is too narrow for all.
        self.optional: list[int] = []
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # a column's size hint measures this many rows (Qt: 1,000 per column, 12,000 cells asked
        # for in a municipality's certificate alerts); longer text further down is cut with "…"
        header.setResizeContentsPrecision(FIT_ROWS)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._pending = False
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.schedule)
        view.installEventFilter(self)
        # the viewport narrows without the view resizing when a scroll bar comes or a panel beside
        # the table takes room: fit again then too
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        self.schedule()

    def schedule(self, *_args: object) -> None:
        """Fit on the next turn of the event loop (several changes in a row fit once)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = getattr(self, "view", None)  # gone while Qt takes a table without a parent down
        if (
            view is not None
            and (watched is view or watched is self.viewport)
            and event.type()
            in (
                QEvent.Type.Resize,
                QEvent.Type.Show,
            )
        ):
            self.schedule()
        return False

    def fit(self) -> None:
        self._pending = False
        if not Shiboken.isValid(self.view):
            return
        if not self.view.isVisible():
            # fitted when shown (the Show event): a screen being built changes its hidden tables
            # again and again, and each fit measures its rows (72,000 cells at Oversikt's start)
            return
        header = self.view.horizontalHeader()
        count = header.count()
        if count == 0:
            return
        for column in self.optional:  # a hidden column measures as nothing: measure it shown
            header.setSectionHidden(column, False)
        widths = {}
        for column in range(count):
            if column == self.stretch:
                continue
            wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            # Qt never makes a section narrower than the header's minimum: count what it will apply,
            # or the columns add up to a pixel or two more than the room and a scroll bar appears
            widths[column] = max(min(wanted, self.caps.get(column, self.cap)), header.minimumSectionSize())
        room = self.view.viewport().width()
        hidden = set()
        for column in self.optional:
            if sum(w for c, w in widths.items() if c not in hidden) + self.stretch_min <= room:
                break
            hidden.add(column)
        for column, width in widths.items():
            header.setSectionHidden(column, column in hidden)
            if column not in hidden:
                header.resizeSection(column, width)
        rest = max(room - sum(w for c, w in widths.items() if c not in hidden), self.stretch_min)
        if 0 <= self.stretch < count:
            header.resizeSection(self.stretch, rest)


class DataTable(QTableView):
    """The app's table: arrow keys move between cells, Tab and Shift+Tab leave the table for the
    next control (Qt's tables keep Tab for themselves, so keyboard users were stuck in them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
