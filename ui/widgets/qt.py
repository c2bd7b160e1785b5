"""Typed access to what Qt's stubs say may be missing but a widget built a certain way always has:
an editable combo box's line edit, its popup's view, a tree's top-level items. A missing one is a
bug in how the widget was built, so it fails loudly here rather than as ``None`` later."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTreeWidget, QTreeWidgetItem


def line_edit(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box."""
    edit = combo.lineEdit()
    if edit is None:
        raise RuntimeError(f"{type(combo).__name__} is not editable")
    return edit


def popup_view(combo: QComboBox) -> QAbstractItemView:
    view = combo.view()
    if view is None:
        raise RuntimeError(f"{type(combo).__name__} has no popup view")
    return view


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level items, in order."""
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
