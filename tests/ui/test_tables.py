"""The shared row table model: Qt's model contract, sorting with æøå, colours and tooltips; the
column fitter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester

from ui.widgets.tables import FIT_ROWS, ROW_ROLE, SORT_ROLE, Column, ColumnFitter, RowTableModel


@dataclass(frozen=True)
class Item:
    name: str
    hours: float | None


RED = QColor("red")
COLUMNS = [
    Column(
        "Navn",
        lambda i: i.name,
        tooltip=lambda i: f"Om {i.name}",
        background=lambda i: RED if i.hours is None else None,
    ),
    Column("Timer", lambda i: "" if i.hours is None else str(i.hours), lambda i: i.hours, align_right=True),
]
ITEMS = [Item("Øyvind", 2.0), Item("Åse", None), Item("Anders", 7.5), Item("Zara", 1.0), Item("Ærlig", 3.0)]


def test_contract_and_sorting(qtmodeltester: ModelTester) -> None:
    model: RowTableModel[Item] = RowTableModel(COLUMNS, ITEMS)
    qtmodeltester.check(model)
    persistent = QPersistentModelIndex(model.index(0, 0))  # Øyvind
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [i.name for i in model.rows] == ["Anders", "Zara", "Ærlig", "Øyvind", "Åse"]
    assert model.data(model.index(persistent.row(), 0)) == "Øyvind"  # the view's selection follows
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [i.name for i in model.rows] == ["Anders", "Ærlig", "Øyvind", "Zara", "Åse"]  # empty last
    qtmodeltester.check(model)


def test_roles() -> None:
    model: RowTableModel[Item] = RowTableModel(COLUMNS, ITEMS)
    ase = model.index(1, 0)
    assert model.data(ase, ROW_ROLE) == ITEMS[1]
    assert model.data(ase, Qt.ItemDataRole.ToolTipRole) == "Om Åse"
    brush = model.data(ase, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == RED
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(2, 1), SORT_ROLE) == 7.5
    assert model.data(model.index(2, 1), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Timer"
    assert model.data(model.index(9, 0)) is None


class _Counting(RowTableModel[Item]):
    """Counts the cells the view asks for."""

    asked = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            _Counting.asked += 1
        return super().data(index, role)


def test_a_hidden_table_is_fitted_when_shown_over_the_rows_in_view(qapp: QApplication) -> None:
    """Qt measures a hidden table's columns over every row, and a shown one's over 1,000 rows: the
    fitter waits for it to be shown, and then measures the rows in view and a hundred more."""
    rows = [Item(f"Person {i}", float(i)) for i in range(5_000)]
    rows[3] = Item("Et langt navn som bestemmer bredden på kolonnen", 1.0)
    model = _Counting(COLUMNS, rows)
    view = QTableView()
    view.setModel(model)
    ColumnFitter(view, stretch=1, cap=400)
    _Counting.asked = 0
    QTest.qWait(20)  # the scheduled fit runs, the table still hidden
    assert _Counting.asked < 100
    view.resize(600, 300)
    view.show()
    QTest.qWaitForWindowExposed(view)
    QTest.qWait(20)
    # the rows in view and FIT_ROWS more for the one column fitted, and the cells painted: not
    # Qt's 1,000 rows a column
    assert 0 < _Counting.asked < 3 * FIT_ROWS, _Counting.asked
    long_name = view.fontMetrics().horizontalAdvance(rows[3].name)
    assert view.columnWidth(0) >= long_name
    view.close()


def test_a_column_that_gave_way_stays_hidden_when_fitted_again(qapp: QApplication) -> None:
    """A hidden column's header measures as nothing: fitted again, a column of short values under a
    long header came back squeezed to a few pixels."""
    wide = [Item("Ingrid Andersen Tran med et langt navn", 12345.0) for _ in range(5)]
    columns = [*COLUMNS, Column("Stillinger med rollen i alt", lambda i: "7", tooltip=lambda i: i.name)]
    model: RowTableModel[Item] = RowTableModel(columns, wide)
    view = QTableView()
    view.setModel(model)
    fitter = ColumnFitter(view, stretch=0, cap=220, stretch_min=160)
    fitter.optional = [2]
    view.resize(320, 200)
    view.show()
    QTest.qWaitForWindowExposed(view)
    QTest.qWait(20)
    header = view.horizontalHeader()
    for _ in range(3):
        fitter.fit()
        assert header.isSectionHidden(2)
        assert header.sectionSize(1) > header.minimumSectionSize()
        assert not view.horizontalScrollBar().isVisible()
    view.close()
