"""One framework as a tree: areas, their competences, and sub-competences under their parent."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from competence.frameworks.queries import AreaNode, CompetenceNode, FrameworkTree
from db.codes import CompetenceKind
from ui.i18n import current_language
from ui.widgets.qt import children, top_items

#: The (kind, id) behind an item: ("area", 12) or ("competence", 40).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Lower-case text the filter matches.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

Key = tuple[str, int]


def kind_label(kind: str) -> str:
    return CompetenceKind.label_of(kind, current_language())


class FrameworkTreeWidget(QTreeWidget):
    """Areas → competences (→ sub-competences). Emits :attr:`key_changed` with the selected item's
    key, or None when nothing is selected."""

    key_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Område og kompetanse"), self.tr("Type"), self.tr("Kritisk")])
        self.setAccessibleName(self.tr("Områder og kompetanser"))
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree: FrameworkTree | None = None
        self._items: dict[Key, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(lambda *_: self.key_changed.emit(self.selected_key()))

    # --- content ----------------------------------------------------------------------------
    def set_tree(self, tree: FrameworkTree | None) -> None:
        """Show ``tree``, keeping the selected item when it is still there."""
        previous = self.selected_key()
        self.tree = tree
        with QSignalBlocker(self):
            self.clear()
            self._items = {}
            if tree is not None:
                for area in tree.areas:
                    self._add_area(area)
            self.expandToDepth(0)
            item = self._items.get(previous) if previous is not None else None
            if item is None and self.topLevelItemCount():
                item = self.topLevelItem(0)
            if item is not None:
                self.setCurrentItem(item)
        self.key_changed.emit(self.selected_key())

    def _add_area(self, area: AreaNode) -> None:
        lang = current_language()
        item = QTreeWidgetItem([area.display_name(lang), "", ""])
        item.setData(0, KEY_ROLE, ("area", area.id))
        item.setData(0, SEARCH_ROLE, _haystack(area.code, area.name, area.name_en, area.description))
        item.setToolTip(0, area.display_name(lang))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.addTopLevelItem(item)
        self._items[("area", area.id)] = item
        made: dict[int, QTreeWidgetItem] = {}
        for comp in area.competences:
            made[comp.id] = self._competence_item(comp)
        for comp in area.competences:
            parent = made.get(comp.parent_id) if comp.parent_id is not None else None
            (parent or item).addChild(made[comp.id])

    def _competence_item(self, comp: CompetenceNode) -> QTreeWidgetItem:
        lang = current_language()
        item = QTreeWidgetItem(
            [comp.display_name(lang), kind_label(comp.kind), self.tr("Ja") if comp.critical else ""]
        )
        item.setData(0, KEY_ROLE, ("competence", comp.id))
        item.setData(
            0,
            SEARCH_ROLE,
            _haystack(
                comp.code, comp.name, comp.name_en, comp.description, comp.source_quote, comp.source_ref
            ),
        )
        item.setToolTip(0, comp.display_name(lang))
        self._items[("competence", comp.id)] = item
        return item

    # --- selection --------------------------------------------------------------------------
    def selected_key(self) -> Key | None:
        item = self.currentItem()
        if item is None:
            return None
        kind, ident = item.data(0, KEY_ROLE)
        return str(kind), int(ident)

    def select_key(self, key: Key | None) -> bool:
        item = self._items.get(key) if key is not None else None
        if item is None:
            return False
        self.setCurrentItem(item)
        self.scrollToItem(item)
        return True

    def selected_area(self) -> AreaNode | None:
        """The selected area, or the area of the selected competence."""
        key = self.selected_key()
        if self.tree is None or key is None:
            return None
        for area in self.tree.areas:
            if key == ("area", area.id) or any(key == ("competence", c.id) for c in area.competences):
                return area
        return None

    def selected_competence(self) -> CompetenceNode | None:
        key = self.selected_key()
        if self.tree is None or key is None or key[0] != "competence":
            return None
        return next((c for c in self.tree.competences() if c.id == key[1]), None)

    # --- filter -----------------------------------------------------------------------------
    def apply_filter(self, text: str) -> int:
        """Show only what matches every typed word (an area shows all of its competences when it
        matches itself). Returns how many competences are shown."""
        words = text.casefold().split()
        shown = 0
        for area in top_items(self):
            area_hit = _matches(area, words)
            visible_children = 0
            for child in children(area):
                visible_children += _filter_item(child, words, force=area_hit)
            shown += visible_children
            area.setHidden(bool(words) and not area_hit and visible_children == 0)
            if words:
                area.setExpanded(True)
        return shown


def _haystack(*parts: str | None) -> str:
    return " ".join(p for p in parts if p).casefold()


def _matches(item: QTreeWidgetItem, words: list[str]) -> bool:
    hay = str(item.data(0, SEARCH_ROLE) or "") + " " + item.text(0).casefold()
    return all(w in hay for w in words)


def _filter_item(item: QTreeWidgetItem, words: list[str], *, force: bool) -> int:
    """Hide ``item`` unless it, an ancestor (``force``) or a descendant matches; count those shown."""
    hit = force or _matches(item, words)
    shown_below = sum(_filter_item(child, words, force=hit) for child in children(item))
    visible = hit or shown_below > 0
    item.setHidden(not visible)
    if words and shown_below:
        item.setExpanded(True)
    return shown_below + (1 if visible else 0)
