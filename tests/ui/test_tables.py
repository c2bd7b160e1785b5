"""The shared row table model: Qt's model contract, sorting with æøå, colours and tooltips."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.modeltest import ModelTester

from ui.widgets.tables import ROW_ROLE, SORT_ROLE, Column, RowTableModel


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
