"""The employee list's model and its filtering, sorting proxy, built for 50,000 people.

The source model holds the plain rows of :func:`competence.employees.list_employees`. The proxy
filters and sorts in memory with precomputed keys: a keystroke costs one pass of Python string
matching over the rows and one model reset, instead of one Python call per row from Qt (a
``QSortFilterProxyModel`` with ``filterAcceptsRow`` overridden costs about four times as much at
50,000 rows), and sorting never calls back into Python per comparison.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from competence.employees import EmployeeRow, name_key
from competence.identifiers import collation_key
from competence.search import search_key, search_tokens
from ui.i18n import fmt_date, fmt_number
from ui.widgets.tables import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
_GREY = QColor(110, 110, 110)
NAME_COLUMN = 1


def _number_key(number: str) -> tuple[int, int, str]:
    """Employee numbers sort as numbers when they are digits (9 before 10), else as text."""
    return (0, int(number), "") if number.isdigit() else (1, 0, collation_key(number))


def _left_grey(row: EmployeeRow) -> QColor | None:
    return _GREY if row.left_on is not None else None


def employee_columns() -> list[Column[EmployeeRow]]:
    """The list's columns, with titles in the UI language (built when the model is made)."""
    translate = QCoreApplication.translate

    def col(
        key: str,
        title: str,
        text: Callable[[EmployeeRow], str],
        sort_key: Callable[[EmployeeRow], Any],
        **kw: Any,
    ) -> Column[EmployeeRow]:
        return Column(title, text, sort_key, foreground=_left_grey, key=key, **kw)

    return [
        col(
            "employee_no",
            translate("Ansattliste", "Ansattnr."),
            lambda r: r.employee_no,
            lambda r: _number_key(r.employee_no),
        ),
        col(
            "name",
            translate("Ansattliste", "Navn"),
            lambda r: r.sort_name,
            name_key,
        ),
        col(
            "units",
            translate("Ansattliste", "Enhet"),
            lambda r: r.units,
            lambda r: collation_key(r.units),
            tooltip=lambda r: r.units or None,
        ),
        col(
            "titles",
            translate("Ansattliste", "Stilling"),
            lambda r: r.titles,
            lambda r: collation_key(r.titles),
            tooltip=lambda r: r.titles or None,
        ),
        col(
            "roles",
            translate("Ansattliste", "Rolle"),
            lambda r: r.roles,
            lambda r: collation_key(r.roles),
            tooltip=lambda r: r.roles or None,
        ),
        col(
            "fte",
            translate("Ansattliste", "Stillingsprosent"),
            lambda r: fmt_number(r.fte_total),
            lambda r: r.fte_total,
            align_right=True,
        ),
        col(
            "email",
            translate("Ansattliste", "E-post"),
            lambda r: r.email or "",
            lambda r: collation_key(r.email or ""),
        ),
        col(
            "left_on",
            translate("Ansattliste", "Sluttet"),
            lambda r: fmt_date(r.left_on),
            lambda r: r.left_on or dt.date.max,
        ),
    ]


@dataclass(frozen=True)
class PreparedList:
    """The rows with what the proxy needs to filter and sort them, worked out on a worker thread
    so that 50,000 people reach the screen without the UI thread computing their keys."""

    rows: tuple[EmployeeRow, ...]
    search_keys: tuple[str, ...]
    #: row positions sorted by name (the list's default order)
    name_order: tuple[int, ...]


def prepare(rows: Sequence[EmployeeRow], *, in_name_order: bool = False) -> PreparedList:
    """``in_name_order``: the rows are already in :func:`name_key` order, as
    :func:`competence.employees.list_employees` returns them, so they need not be sorted again."""
    if in_name_order:
        order: Sequence[int] = range(len(rows))
    else:
        keys = [name_key(r) for r in rows]
        order = sorted(range(len(rows)), key=keys.__getitem__)
    return PreparedList(tuple(rows), tuple(search_key(r) for r in rows), tuple(order))


class EmployeeTableModel(RowTableModel[EmployeeRow]):
    """All loaded employees (including those who have left: the proxy hides them, greyed when shown)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(employee_columns(), parent=parent)
        self.prepared: PreparedList | None = None

    def set_prepared(self, prepared: PreparedList) -> None:
        self.prepared = prepared
        self.set_rows(prepared.rows)

    def set_rows(self, rows: Sequence[EmployeeRow]) -> None:
        if self.prepared is not None and rows is not self.prepared.rows:
            self.prepared = None
        super().set_rows(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting belongs to the proxy, which keeps 50,000 rows' keys."""


@dataclass(frozen=True)
class EmployeeFilter:
    """What the list shows. ``None`` means "no restriction" for the sets."""

    text: str = ""
    unit_ids: frozenset[int] | None = None
    role_id: int | None = None
    employee_ids: frozenset[int] | None = None
    include_left: bool = False
    #: only these people: those whose medarbeidersamtale is overdue (docs/compliance.md)
    talk_overdue_ids: frozenset[int] | None = None
    tokens: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "tokens", search_tokens(self.text))

    def same_except_text(self, other: EmployeeFilter) -> bool:
        return (self.unit_ids, self.role_id, self.employee_ids, self.include_left, self.talk_overdue_ids) == (
            other.unit_ids,
            other.role_id,
            other.employee_ids,
            other.include_left,
            other.talk_overdue_ids,
        )


class EmployeeFilterProxy(QAbstractProxyModel):
    """Filters (search text, unit subtree, role, a set of ids, left or not) and sorts the list."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = EmployeeFilter()
        self._keys: list[str] = []
        self._order: list[int] = []  # all source rows, sorted
        self._base: list[int] = []  # sorted rows passing every filter but the text
        self._visible: list[int] = []
        self._position: dict[int, int] | None = None
        self._sort_column = NAME_COLUMN
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- wiring ------------------------------------------------------------------------------
    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._source_reset)
            old.dataChanged.disconnect(self._source_data_changed)
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        self._rebuild()
        self.endResetModel()

    def _employees(self) -> Sequence[EmployeeRow]:
        model = self.sourceModel()
        return model.rows if isinstance(model, EmployeeTableModel) else ()

    def _source_reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        model = self.sourceModel()
        prepared = model.prepared if isinstance(model, EmployeeTableModel) else None
        rows = self._employees()
        self._keys = list(prepared.search_keys) if prepared else [search_key(r) for r in rows]
        self._order = self._sorted_rows()
        self._apply(self._filter, incremental=False)

    def _sorted_rows(self) -> list[int]:
        model = self.sourceModel()
        if not isinstance(model, EmployeeTableModel):
            return []
        default_order = self._sort_column == NAME_COLUMN and self._sort_order == Qt.SortOrder.AscendingOrder
        if default_order and model.prepared is not None:
            return list(model.prepared.name_order)
        rows = model.rows
        key = model.columns[self._sort_column].sort_key or model.columns[self._sort_column].text
        keys = [key(r) for r in rows]
        return sorted(
            range(len(rows)), key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder
        )

    # --- filtering ---------------------------------------------------------------------------
    @property
    def current_filter(self) -> EmployeeFilter:
        return self._filter

    def set_filter(self, new: EmployeeFilter) -> None:
        old = self._filter
        # Typing on narrows the search: filter what is shown instead of every row.
        narrows = (
            new.same_except_text(old)
            and bool(old.tokens)
            and len(new.tokens) >= len(old.tokens)
            and all(o in n for n, o in zip(new.tokens, old.tokens, strict=False))
        )
        self.beginResetModel()
        self._filter = new
        self._apply(new, incremental=narrows, same_base=new.same_except_text(old) and not narrows)
        self.endResetModel()

    def _apply(self, flt: EmployeeFilter, *, incremental: bool, same_base: bool = False) -> None:
        """Recompute the visible rows. ``incremental``: the new text only narrows the old one;
        ``same_base``: only the text changed, so the rows passing the other filters are known."""
        if same_base:
            candidates = self._base
        elif not incremental:
            rows = self._employees()
            base = self._order
            if not flt.include_left:
                base = [i for i in base if rows[i].left_on is None]
            if flt.unit_ids is not None:
                units = flt.unit_ids
                base = [i for i in base if not units.isdisjoint(rows[i].unit_ids)]
            if flt.role_id is not None:
                role = flt.role_id
                base = [i for i in base if role in rows[i].role_ids]
            if flt.employee_ids is not None:
                ids = flt.employee_ids
                base = [i for i in base if rows[i].id in ids]
            if flt.talk_overdue_ids is not None:
                overdue = flt.talk_overdue_ids
                base = [i for i in base if rows[i].id in overdue]
            self._base = base
            candidates = base
        else:
            candidates = self._visible
        keys = self._keys
        for token in flt.tokens:
            candidates = [i for i in candidates if token in keys[i]]
        self._visible = list(candidates)
        self._position = None

    # --- sorting -----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < self.columnCount()):
            return
        self.beginResetModel()
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_rows()
        self._apply(self._filter, incremental=False)
        self.endResetModel()

    # --- what the view asks ------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._employees())

    def employee_at(self, row: int) -> EmployeeRow | None:
        if 0 <= row < len(self._visible):
            return self._employees()[self._visible[row]]
        return None

    def row_of_employee(self, employee_id: int) -> int | None:
        rows = self._employees()
        for proxy_row, source_row in enumerate(self._visible):
            if rows[source_row].id == employee_id:
                return proxy_row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._visible)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    # a flat table: every index's parent is the root (Qt's stubs overload parent() with QObject's)
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._visible)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._visible)):
            return QModelIndex()
        return model.index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        if self._position is None:
            self._position = {source: proxy for proxy, source in enumerate(self._visible)}
        proxy_row = self._position.get(source_index.row())
        if proxy_row is None:
            return QModelIndex()
        return self.createIndex(proxy_row, source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every cell and role the view paints: straight to the row, no index objects.
        model = self.sourceModel()
        row = index.row()
        if not isinstance(model, EmployeeTableModel) or not (0 <= row < len(self._visible)):
            return None
        return model.value(self._visible[row], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        model = self.sourceModel()
        return model.headerData(section, orientation, role) if model is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
